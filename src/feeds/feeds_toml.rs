//! Reading the subscriptions file entry by entry, each problem with its
//! line: a bad entry costs only itself, and the place of every good
//! entry's text is kept so that it can be taken out again without
//! touching anything else in the file.

use super::Subscription;
use super::{address, line_of};
use crate::article::sanitize::clean_line;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// What the file holds.
#[derive(Debug, Default)]
pub struct Read {
    /// The good entries, in the file's order, each with its text's bytes
    /// (from the start of its `[[feed]]` line to the end of its last line).
    pub entries: Vec<(Subscription, Range<usize>)>,
    /// Problems, as (line, message).
    pub problems: Vec<(usize, String)>,
    /// The file is TOML: it can be edited without losing anything.
    pub editable: bool,
}

/// The keys of a `[[feed]]` table.
const KEYS: &[&str] = &["url", "name", "full_text", "tags"];

pub fn read(text: &str) -> Read {
    let (doc, errors) = DeTable::parse_recoverable(text);
    let mut read = Read {
        editable: errors.is_empty(),
        ..Read::default()
    };
    for err in errors {
        let line = err.span().map_or(1, |span| line_of(text, span.start));
        read.problems
            .push((line, err.message().trim_end().to_owned()));
    }
    let mut items: Vec<_> = doc.get_ref().iter().collect();
    items.sort_by_key(|(key, _)| key.span().start);
    for (key, value) in items {
        if key.get_ref() != "feed" {
            let line = line_of(text, key.span().start);
            let message = format!(
                "unknown entry `{}`; feeds are [[feed]] tables",
                key.get_ref()
            );
            read.problems.push((line, message));
            continue;
        }
        let DeValue::Array(tables) = value.get_ref() else {
            let line = line_of(text, key.span().start);
            read.problems
                .push((line, "`feed` must be [[feed]] tables".to_owned()));
            continue;
        };
        for table in tables {
            read.entry(text, table);
        }
    }
    read.problems.sort_by_key(|(line, _)| *line);
    read
}

impl Read {
    fn entry(&mut self, text: &str, table: &Spanned<DeValue<'_>>) {
        let header = line_of(text, table.span().start);
        let Some(fields) = table.get_ref().as_table() else {
            self.problems
                .push((header, "a feed must be a [[feed]] table".to_owned()));
            return;
        };
        let mut feed = Subscription::new(String::new());
        let mut url = None;
        let mut end = table.span().end;
        let mut fields: Vec<_> = fields.iter().collect();
        fields.sort_by_key(|(key, _)| key.span().start);
        for (key, value) in fields {
            end = end.max(value.span().end);
            let line = line_of(text, key.span().start);
            match key.get_ref().as_ref() {
                "url" => url = Some((value.get_ref().as_str(), line)),
                "name" => match value.get_ref().as_str().map(clean_line) {
                    Some(name) if !name.is_empty() => feed.name = Some(name),
                    _ => self
                        .problems
                        .push((line, "`name` must be some text; left out".into())),
                },
                "full_text" => match value.get_ref().as_bool() {
                    Some(on) => feed.full_text = on,
                    None => self
                        .problems
                        .push((line, "`full_text` must be true or false".into())),
                },
                "tags" => match tags(value.get_ref()) {
                    Some(tags) => feed.tags = tags,
                    None => self.problems.push((
                        line,
                        "`tags` must be a list of words, like [\"local\"]".into(),
                    )),
                },
                other => {
                    let known = KEYS.join(", ");
                    let message = format!("unknown entry `{other}` in [[feed]] (known: {known})");
                    self.problems.push((line, message));
                }
            }
        }
        let checked = match url {
            None => Err("this [[feed]] has no `url`; it is left out".to_owned()),
            Some((None, _)) => Err("`url` must be a web address; this feed is left out".to_owned()),
            Some((Some(url), _)) => {
                address::check(url).map_err(|e| format!("{e}; this feed is left out"))
            }
        };
        let line = url.map_or(header, |(_, line)| line);
        match checked {
            Err(message) => self.problems.push((line, message)),
            Ok(url) if self.entries.iter().any(|(f, _)| f.url == url) => self
                .problems
                .push((line, format!("{url} is listed twice; this one is left out"))),
            Ok(url) => {
                feed.url = url;
                let start = text[..table.span().start].rfind('\n').map_or(0, |n| n + 1);
                let end = text[end..].find('\n').map_or(text.len(), |n| end + n + 1);
                self.entries.push((feed, start..end));
            }
        }
    }
}

fn tags(value: &DeValue<'_>) -> Option<Vec<String>> {
    let DeValue::Array(items) = value else {
        return None;
    };
    let tags: Option<Vec<String>> = items
        .iter()
        .map(|item| item.get_ref().as_str().map(clean_line))
        .collect();
    Some(tags?.into_iter().filter(|t| !t.is_empty()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# mine\n\n[[feed]]\nurl = \"https://a.example/rss\"\nname = \"A\"\n\n\
                        # the second\n[[feed]]\nurl = \"ftp://b.example\"\n\n[[feed]]\n\
                        url = \"https://c.example/atom\"\ntags = [\n  \"x\",\n]\nfull_text = true\ncolour = 3\n";

    #[test]
    fn good_entries_with_their_text_and_bad_ones_as_problems() {
        let read = read(FILE);
        assert!(read.editable);
        let urls: Vec<&str> = read.entries.iter().map(|(f, _)| f.url.as_str()).collect();
        assert_eq!(urls, ["https://a.example/rss", "https://c.example/atom"]);
        let (a, range) = &read.entries[0];
        assert_eq!(a.name.as_deref(), Some("A"));
        assert_eq!(
            &FILE[range.clone()],
            "[[feed]]\nurl = \"https://a.example/rss\"\nname = \"A\"\n"
        );
        let (c, range) = &read.entries[1];
        assert!(c.full_text);
        assert_eq!(c.tags, ["x"]);
        assert!(FILE[range.clone()].ends_with("colour = 3\n"));
        let lines: Vec<usize> = read.problems.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [9, 17], "{:?}", read.problems);
        assert!(
            read.problems[0].1.contains("not an http://"),
            "{:?}",
            read.problems
        );
        assert!(read.problems[1].1.contains("unknown entry `colour`"));
    }

    #[test]
    fn a_file_that_is_not_toml_is_not_editable() {
        let read = read("[[feed]]\nurl = \"https://a.example\n");
        assert!(!read.editable);
        assert_eq!(read.problems[0].0, 2);
    }

    #[test]
    fn twice_listed_and_missing_urls() {
        let read = read(
            "[[feed]]\nurl = \"https://a.example\"\n[[feed]]\nurl = \"https://a.example\"\n[[feed]]\nname = \"x\"\n",
        );
        assert_eq!(read.entries.len(), 1);
        assert_eq!(read.problems.len(), 2, "{:?}", read.problems);
        assert!(read.problems[0].1.contains("listed twice"));
        assert_eq!(read.problems[1].0, 5);
    }
}
