//! A feed's bytes → stories: feed-rs reads RSS 0.9x/1.0/2.0, Atom 1.0 and
//! JSON Feed 1.0/1.1 into one model, and each item becomes a [`Story`] the
//! way the loader would make it from a file: HTML converted to text
//! (figure captions as images), plain text cleaned, every line of text
//! cleaned of escape sequences and control characters, the date as ISO
//! 8601. Nothing from a feed is trusted: a document that declares XML
//! entities of its own (an entity bomb) is refused before it is parsed.

use super::address::{host, is_http};
use super::names::{stable_hash, story_id};
use super::story::{Mark, Story, StoryImage};
use super::{FetchError, Subscription, charset};
use crate::article::html::{looks_like_html, to_text};
use crate::article::sanitize::{clean_line, clean_text, one_line};
use crate::article::timestamp;
use feed_rs::model::{Entry, Feed, Text};
use feed_rs::parser::{ParseErrorKind, ParseFeedError};

/// A feed read: its title and its items, in the feed's order.
#[derive(Debug)]
pub struct Parsed {
    pub title: Option<String>,
    pub items: Vec<Item>,
}

/// One item: its story and what full text needs.
#[derive(Debug, Clone)]
pub struct Item {
    pub story: Story,
    /// The item's link as the feed gave it, whatever its scheme.
    pub link: Option<String>,
}

/// Reads a feed's body (`charset` from its `Content-Type`).
pub fn parse(
    bytes: &[u8],
    charset: Option<&str>,
    feed: &Subscription,
    seen: &str,
) -> Result<Parsed, FetchError> {
    let text = charset::decode_xml(bytes, charset);
    if declares_entities(&text) {
        return Err(FetchError::NotAFeed(
            "it declares XML entities of its own, as an entity bomb does; byline reads no such feed"
                .to_owned(),
        ));
    }
    let parsed = feed_rs::parser::Builder::new()
        .base_uri(Some(&feed.url))
        // No made-up ids: an item without a guid is known by its link.
        .id_generator(|_, _, _| String::new())
        .build()
        .parse(text.as_bytes())
        .map_err(|err| not_a_feed(&err, &text))?;
    Ok(read(&parsed, feed, seen))
}

fn read(parsed: &Feed, feed: &Subscription, seen: &str) -> Parsed {
    let title = parsed.title.as_ref().map(line_of).filter(|t| !t.is_empty());
    let source = feed
        .name
        .clone()
        .or_else(|| title.clone())
        .or_else(|| host(&feed.url).map(str::to_owned));
    let items = parsed
        .entries
        .iter()
        .filter_map(|entry| item(entry, feed, source.as_deref(), seen))
        .collect();
    Parsed { title, items }
}

fn item(entry: &Entry, feed: &Subscription, source: Option<&str>, seen: &str) -> Option<Item> {
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|rel| rel == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.trim().to_owned());
    let title = entry.title.as_ref().map(line_of).unwrap_or_default();
    let key = Some(entry.id.trim())
        .filter(|id| !id.is_empty())
        .or(link.as_deref())
        .or(Some(title.as_str()).filter(|t| !t.is_empty()))?
        .to_owned();
    let content = entry.content.as_ref().and_then(|c| c.body.as_deref());
    let summary = entry.summary.as_ref().map(|s| s.content.as_str());
    let (body, subtitle, images) = match (content, summary) {
        (Some(content), summary) if !content.trim().is_empty() => {
            let (body, images) = body_of(content);
            let subtitle = summary
                .map(|s| one_line(&body_of(s).0))
                .filter(|s| !s.is_empty() && *s != body);
            (body, subtitle, images)
        }
        (_, Some(summary)) => {
            let (body, images) = body_of(summary);
            (body, None, images)
        }
        _ => (String::new(), None, Vec::new()),
    };
    if title.is_empty() && body.trim().is_empty() {
        return None;
    }
    let published = entry
        .published
        .or(entry.updated)
        .and_then(|at| timestamp::normalise(&at.to_rfc3339()));
    let authors: Vec<String> = entry
        .authors
        .iter()
        .filter_map(|p| p.name.as_deref().map(clean_line))
        .filter(|n| !n.is_empty())
        .collect();
    let authors_text = authors.join("\n");
    let hash = stable_hash(&[
        &title,
        summary.unwrap_or(""),
        content.unwrap_or(""),
        link.as_deref().unwrap_or(""),
        published.as_deref().unwrap_or(""),
        &authors_text,
    ]);
    let story = Story {
        id: story_id(&feed.url, &key),
        title,
        subtitle,
        body,
        source: source.map(str::to_owned),
        authors,
        published,
        url: link.clone().filter(|l| is_http(l)),
        images,
        fetch: Mark {
            key,
            hash: format!("{hash:016x}"),
            seen: seen.to_owned(),
            full_text: false,
        },
    };
    Some(Item { story, link })
}

/// A title or a name: one line of clean text, converted if it is HTML.
fn line_of(text: &Text) -> String {
    if looks_like_html(&text.content) {
        one_line(&to_text(&text.content).text)
    } else {
        clean_line(&text.content)
    }
}

/// A body: HTML converted (with its photo captions), plain text cleaned.
pub fn body_of(text: &str) -> (String, Vec<StoryImage>) {
    if looks_like_html(text) {
        let converted = to_text(text);
        (
            converted.text,
            converted.images.into_iter().map(StoryImage::from).collect(),
        )
    } else {
        (clean_text(text.trim()), Vec::new())
    }
}

/// True when the document's prologue (before its first element) declares
/// entities: `<!ENTITY` inside a `<!DOCTYPE`.
fn declares_entities(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    let prologue_end = loop {
        match memchr::memchr(b'<', &bytes[at..]) {
            Some(found)
                if bytes
                    .get(at + found + 1)
                    .is_some_and(u8::is_ascii_alphabetic) =>
            {
                break at + found;
            }
            Some(found) => at += found + 1,
            None => break bytes.len(),
        }
    };
    memchr::memmem::find(&bytes[..prologue_end], b"<!ENTITY").is_some()
}

fn not_a_feed(err: &ParseFeedError, text: &str) -> FetchError {
    let head = text
        .get(..text.len().min(4096))
        .unwrap_or(text)
        .to_ascii_lowercase();
    let why = match err {
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot)
            if head.contains("<html") || head.contains("<!doctype html") =>
        {
            "it is a web page (HTML)".to_owned()
        }
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => {
            "no RSS, Atom or JSON Feed in it".to_owned()
        }
        ParseFeedError::XmlReader(err) => format!("broken XML ({err})"),
        ParseFeedError::JsonSerde(err) => format!("broken JSON ({err})"),
        ParseFeedError::JsonUnsupportedVersion(version) => {
            format!("JSON Feed version {version} is not one byline reads")
        }
        err => err.to_string(),
    };
    FetchError::NotAFeed(clean_line(&why))
}

#[cfg(test)]
mod tests;
