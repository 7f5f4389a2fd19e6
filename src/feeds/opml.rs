//! OPML 1.0 and 2.0 subscription lists, read and written. Read: every
//! `<outline>` with an `xmlUrl` is a feed; the outlines it sits in (and its
//! OPML 2 `category`) are its tags; its `text` (or `title`) its name.
//! Written: OPML 2.0, each run of feeds that share a first tag in one
//! outline named after it, every tag in `category`, and `fullText="true"`
//! for a full-text feed (an attribute of byline's own, which OPML allows).

use super::Subscription;
use super::import::Imported;
use crate::article::sanitize::clean_line;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use std::fmt::Write as _;

/// The feeds of an OPML file; a feed whose address is not http(s) is a
/// problem naming its line.
pub fn read(text: &str) -> Imported {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut imported = Imported::default();
    // The names of the outlines we are in (None: a feed's own outline).
    let mut folders: Vec<Option<String>> = Vec::new();
    let mut seen_opml = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(tag)) => {
                seen_opml |= tag.local_name().as_ref() == "opml";
                if tag.local_name().as_ref() == "outline" {
                    let line = line_at(text, reader.buffer_position());
                    let folder = outline(&tag, &folders, line, &mut imported);
                    folders.push(folder);
                }
            }
            Ok(Event::Empty(tag)) => {
                seen_opml |= tag.local_name().as_ref() == "opml";
                if tag.local_name().as_ref() == "outline" {
                    let line = line_at(text, reader.buffer_position());
                    outline(&tag, &folders, line, &mut imported);
                }
            }
            Ok(Event::End(tag)) if tag.local_name().as_ref() == "outline" => {
                folders.pop();
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(err) => {
                let line = line_at(text, reader.error_position());
                imported
                    .problems
                    .push((line, format!("not valid OPML ({err}); read up to here")));
                return imported;
            }
        }
    }
    if !seen_opml {
        imported
            .problems
            .push((1, "not OPML: there is no <opml> element".to_owned()));
    }
    imported
}

/// One outline: a feed (added to `imported`), or a folder whose name is
/// returned.
fn outline(
    tag: &BytesStart<'_>,
    folders: &[Option<String>],
    line: usize,
    imported: &mut Imported,
) -> Option<String> {
    let mut url = None;
    let mut text = None;
    let mut title = None;
    let mut category = None;
    let mut full_text = false;
    for attribute in tag.attributes().flatten() {
        let Ok(value) = attribute.normalized_value(XmlVersion::Implicit1_0) else {
            continue;
        };
        let value = clean_line(&value);
        match attribute
            .key
            .local_name()
            .as_ref()
            .to_ascii_lowercase()
            .as_str()
        {
            "xmlurl" => url = Some(value),
            "text" => text = Some(value),
            "title" => title = Some(value),
            "category" => category = Some(value),
            "fulltext" => full_text = value == "true",
            _ => {}
        }
    }
    let name = text
        .filter(|t| !t.is_empty())
        .or(title)
        .filter(|t| !t.is_empty());
    let Some(url) = url else {
        return name;
    };
    let mut tags: Vec<String> = folders.iter().flatten().cloned().collect();
    for part in category.iter().flat_map(|c| c.split(',')) {
        tags.extend(
            part.split('/')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned),
        );
    }
    let mut unique = Vec::new();
    for tag in tags {
        if !unique.contains(&tag) {
            unique.push(tag);
        }
    }
    let feed = Subscription {
        name: name.filter(|n| *n != url),
        full_text,
        tags: unique,
        url,
    };
    imported.add(feed, line);
    None
}

fn line_at(text: &str, position: u64) -> usize {
    super::line_of(text, usize::try_from(position).unwrap_or(usize::MAX))
}

/// The subscriptions as an OPML 2.0 document.
pub fn write(feeds: &[Subscription]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    \
         <title>byline subscriptions</title>\n  </head>\n  <body>\n",
    );
    let mut i = 0;
    while i < feeds.len() {
        let Some(folder) = feeds[i].tags.first() else {
            write_feed(&mut out, &feeds[i], "    ");
            i += 1;
            continue;
        };
        let _ = writeln!(out, "    <outline text=\"{}\">", attribute(folder));
        while i < feeds.len() && feeds[i].tags.first() == Some(folder) {
            write_feed(&mut out, &feeds[i], "      ");
            i += 1;
        }
        out.push_str("    </outline>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

fn write_feed(out: &mut String, feed: &Subscription, indent: &str) {
    let name = attribute(feed.name.as_deref().unwrap_or(&feed.url));
    let _ = write!(
        out,
        "{indent}<outline type=\"rss\" text=\"{name}\" title=\"{name}\" xmlUrl=\"{}\"",
        attribute(&feed.url)
    );
    if !feed.tags.is_empty() {
        let _ = write!(out, " category=\"{}\"", attribute(&feed.tags.join(",")));
    }
    if feed.full_text {
        out.push_str(" fullText=\"true\"");
    }
    out.push_str("/>\n");
}

/// Text for an XML attribute: markup characters as references, and the
/// control characters XML 1.0 cannot hold left out.
fn attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_outlines_are_tags() {
        let text = r#"<?xml version="1.0"?>
<opml version="1.0"><head><title>x</title></head><body>
  <outline text="News">
    <outline text="Local" title="Local">
      <outline text="Harbour &amp; Co" type="rss" xmlUrl="https://harbour.example/rss" category="/sea,/Boston/Weather"/>
    </outline>
    <outline text="https://b.example/atom" xmlUrl="https://b.example/atom"></outline>
  </outline>
  <outline title="Top" xmlURL="https://top.example/feed.json"/>
  <outline text="Bad" xmlUrl="javascript:alert(1)"/>
</body></opml>"#;
        let got = read(text);
        let feeds: Vec<(&str, Option<&str>, Vec<&str>)> = got
            .feeds
            .iter()
            .map(|f| {
                (
                    f.url.as_str(),
                    f.name.as_deref(),
                    f.tags.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            feeds,
            [
                (
                    "https://harbour.example/rss",
                    Some("Harbour & Co"),
                    vec!["News", "Local", "sea", "Boston", "Weather"]
                ),
                ("https://b.example/atom", None, vec!["News"]),
                ("https://top.example/feed.json", Some("Top"), vec![]),
            ]
        );
        assert_eq!(got.problems.len(), 1, "{:?}", got.problems);
        assert_eq!(got.problems[0].0, 10);
    }

    #[test]
    fn written_and_read_back_unchanged() {
        let mut a = Subscription::new("https://a.example/rss?x=1&y=2".into());
        a.name = Some("A \"quoted\" <name>".into());
        a.tags = vec!["local".into(), "sea".into()];
        a.full_text = true;
        let b = Subscription::new("https://b.example/atom".into());
        let mut c = Subscription::new("https://c.example/feed".into());
        c.tags = vec!["local".into()];
        let feeds = vec![a, b, c];
        let text = write(&feeds);
        let back = read(&text);
        assert!(back.problems.is_empty(), "{:?}", back.problems);
        assert_eq!(back.feeds, feeds, "{text}");
    }

    #[test]
    fn broken_xml_keeps_what_came_before() {
        let got = read(
            "<opml><body><outline xmlUrl=\"https://a.example/\"/>\n<outline xmlUrl=\"https://b",
        );
        assert_eq!(got.feeds.len(), 1);
        assert_eq!(got.problems.len(), 1);
    }
}
