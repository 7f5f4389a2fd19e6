//! One article object (as JSON) → an [`Article`], reading each field from
//! the first of its paths that holds a usable value (see [`fields`]) and
//! saying in words what is wrong with the rest.
//!
//! A wrong `title` or `body` costs the article; a wrong optional field
//! costs only that field, with a note, so one odd `author` does not hide a
//! story. A record needs a title or a body: a story with no title is
//! named by the start of its text, and one with only a summary is read
//! as that summary.

use super::custom::Formats;
use super::fields::{self, Field, Record, RecordSeed};
use super::html::{looks_like_html, to_text};
use super::sanitize::{clean_line, clean_owned, one_line};
use super::{Article, Image, Origin, timestamp, truncate};
use serde::de::DeserializeSeed;
use serde_json::Value;

/// What the records of a file are read with.
#[derive(Debug, Clone, Copy)]
pub(super) struct Context<'a> {
    /// The user's `[formats.NAME]` tables.
    pub formats: &'a Formats,
    /// The publisher of records that name none: the title of the JSON
    /// Feed they came in.
    pub source: Option<&'a str>,
}

/// What parsing one object gave: the article, or why there is none, and
/// notes on optional fields that were left out.
pub(super) struct Parsed {
    pub article: Result<Article, String>,
    pub notes: Vec<String>,
}

/// Parses one article object from its JSON text; `fallback_id` is used when
/// the object has no usable `id`.
pub(super) fn parse_article(
    json: &str,
    origin: Origin,
    fallback_id: impl FnOnce() -> String,
    cx: Context<'_>,
) -> Parsed {
    if let Some(kind) = not_an_object(json) {
        let article = Err(format!("expected an article object, found {kind}"));
        return Parsed {
            article,
            notes: Vec::new(),
        };
    }
    let mut de = serde_json::Deserializer::from_str(json);
    let seed = RecordSeed {
        extra: cx.formats.members(),
    };
    match seed.deserialize(&mut de).and_then(|r| de.end().map(|()| r)) {
        Ok(record) => parse_record(record, origin, fallback_id, cx),
        Err(err) => Parsed {
            article: Err(describe_json_error(&err)),
            notes: Vec::new(),
        },
    }
}

/// [`parse_article`] of a record already read.
pub(super) fn parse_record(
    mut record: Record,
    origin: Origin,
    fallback_id: impl FnOnce() -> String,
    cx: Context<'_>,
) -> Parsed {
    // The body is taken out of the record, not copied: it is most of it.
    let body = match Reader::new(&record, cx).body_path() {
        Ok(path) => path.and_then(|path| record.take(path)),
        Err(reason) => {
            return Parsed {
                article: Err(reason),
                notes: Vec::new(),
            };
        }
    };
    let mut read = Reader::new(&record, cx);
    let article = read.article(origin, fallback_id, body);
    Parsed {
        article,
        notes: read.notes,
    }
}

/// Reads the fields of one record (`'r`) by the user's paths and byline's
/// (`'f`), collecting notes on the ones left out.
struct Reader<'r, 'f> {
    record: &'r Record,
    cx: Context<'f>,
    notes: Vec<String>,
}

/// A body as read: its text, the captions found in its HTML, and whether
/// the tool cut it short.
struct Body {
    text: String,
    images: Vec<Image>,
    truncated: bool,
}

impl<'r, 'f> Reader<'r, 'f> {
    fn new(record: &'r Record, cx: Context<'f>) -> Self {
        Reader {
            record,
            cx,
            notes: Vec::new(),
        }
    }

    fn article(
        &mut self,
        origin: Origin,
        fallback_id: impl FnOnce() -> String,
        body: Option<Value>,
    ) -> Result<Article, String> {
        let title = self.title()?;
        let mut body = body_from(body);
        let id = self.id().unwrap_or_else(fallback_id);
        // A summary the body already says word for word (a Pocket excerpt,
        // a lead sentence, an extract of the text) is not said twice.
        let subtitle = self.subtitle().filter(|line| !repeats(&body.text, line));
        let title = match title {
            Some(title) => title,
            None if !body.text.is_empty() => title_from(&body.text),
            None => return Err("no \"title\" and no body".to_owned()),
        };
        let authors = self.authors();
        let published = self.published();
        let url = self.url();
        let source = self.source(url.as_deref());
        let mut images = self.images();
        images.append(&mut body.images);
        Ok(Article {
            id,
            title,
            subtitle,
            body: body.text,
            source,
            authors,
            published,
            url,
            images,
            truncated: body.truncated,
            read: fields::read_state(self.record),
            origin,
        })
    }

    /// Every path of `field` with its value in the record, the user's
    /// paths first.
    fn values(&self, field: Field) -> impl Iterator<Item = (&'f str, &'r Value)> + use<'r, 'f> {
        let formats: &'f Formats = self.cx.formats;
        let record: &'r Record = self.record;
        let user = (!formats.is_empty())
            .then(|| formats.paths(field))
            .into_iter()
            .flatten()
            .filter_map(move |path| Some((path, record.get(path)?)));
        // Most fields are absent from most records: one test says so.
        let builtin = if record.may_have(field) {
            fields::compiled(field)
        } else {
            &[]
        };
        let builtin = builtin
            .iter()
            .filter_map(move |path| Some((path.path, record.get_compiled(path)?)));
        user.chain(builtin)
    }

    /// The first usable value of `field`, read by `usable`; a value of the
    /// wrong type under one of byline's own names is kept for the message.
    fn first<T>(
        &self,
        field: Field,
        mut usable: impl FnMut(&'f str, &Value) -> Option<T>,
    ) -> Result<T, Option<(&'f str, &'r Value)>> {
        let mut wrong = None;
        for (path, value) in self.values(field) {
            if is_blank(value) {
                continue;
            }
            match usable(path, value) {
                Some(got) => return Ok(got),
                None if wrong.is_none() && field.is_contract(path) => wrong = Some((path, value)),
                None => {}
            }
        }
        Err(wrong)
    }

    /// Notes an optional field left out for its type; objects pass
    /// silently, being other tools' structures read through their own paths.
    fn note(&mut self, wrong: Option<(&str, &Value)>, want: &str) {
        if let Some((path, value)) = wrong
            && !value.is_object()
        {
            self.notes
                .push(format!("{}; left out", wrong_type(path, value, want)));
        }
    }

    fn title(&self) -> Result<Option<String>, String> {
        match self.first(Field::Title, |_, v| {
            v.as_str().map(line_text).filter(|t| !t.is_empty())
        }) {
            Ok(title) => Ok(Some(title)),
            Err(Some((path, value))) if !value.is_string() => {
                Err(wrong_type(path, value, "a string"))
            }
            Err(_) => Ok(None),
        }
    }

    /// Where the body is: a string or an array of strings with some text.
    fn body_path(&self) -> Result<Option<&'f str>, String> {
        let mut bad_item = None;
        let found = self.first(Field::Body, |path, value| match value {
            Value::String(text) => (!text.trim().is_empty()).then_some(path),
            Value::Array(items) => match items.iter().position(|item| !item.is_string()) {
                Some(i) => {
                    bad_item.get_or_insert((i, items[i].clone()));
                    None
                }
                None => items
                    .iter()
                    .any(|item| item.as_str().is_some_and(|t| !t.trim().is_empty()))
                    .then_some(path),
            },
            _ => None,
        });
        match found {
            Ok(path) => Ok(Some(path)),
            Err(Some((path, value))) if !value.is_string() => Err(match (&bad_item, value) {
                (Some((i, item)), Value::Array(_)) => {
                    wrong_type(&format!("{path}[{i}]"), item, "a string")
                }
                _ => wrong_type(path, value, "a string or an array of strings"),
            }),
            Err(_) => Ok(None),
        }
    }

    fn id(&mut self) -> Option<String> {
        let found = self.first(Field::Id, |_, value| match value {
            Value::String(s) => Some(clean_line(s)).filter(|s| !s.is_empty()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        });
        found
            .map_err(|wrong| self.note(wrong, "a string or a number"))
            .ok()
    }

    /// The subtitle, as one line even when it was HTML.
    fn subtitle(&mut self) -> Option<String> {
        let found = self.first(Field::Subtitle, |_, value| {
            Some(line_text(value.as_str()?)).filter(|t| !t.is_empty())
        });
        found.map_err(|wrong| self.note(wrong, "a string")).ok()
    }

    fn authors(&mut self) -> Vec<String> {
        let found = self.first(Field::Authors, |_, value| {
            let mut names: Vec<String> = Vec::new();
            for name in fields::author_names(value)?
                .into_iter()
                .flat_map(fields::split_byline)
            {
                let name = line_text(name);
                if !name.is_empty() && !names.contains(&name) {
                    names.push(name);
                }
            }
            (!names.is_empty()).then_some(names)
        });
        found
            .map_err(|wrong| self.note(wrong, "a string or an array of strings"))
            .unwrap_or_default()
    }

    /// The first time that reads as one, normalised; else the first one
    /// given, as written.
    fn published(&mut self) -> Option<String> {
        let mut as_written = None;
        let found = self.first(Field::Published, |_, value| match value {
            Value::String(text) => {
                let normal = timestamp::normalise(text);
                if normal.is_none() && as_written.is_none() {
                    as_written = Some(clean_line(text)).filter(|t| !t.is_empty());
                }
                normal
            }
            Value::Number(n) => n.as_f64().and_then(timestamp::from_epoch_number),
            _ => None,
        });
        match found {
            Ok(time) => Some(time),
            Err(wrong) => {
                if as_written.is_none() {
                    self.note(
                        wrong.filter(|(_, v)| !v.is_string() && !v.is_number()),
                        "a string",
                    );
                }
                as_written
            }
        }
    }

    /// The story's link: as given under byline's own `url`, and under the
    /// other tools' names only when it is a web address (trafilatura's
    /// `source` is one; a byline `source` is a name).
    fn url(&mut self) -> Option<String> {
        let found = self.first(Field::Url, |path, value| {
            let text = clean_line(value.as_str()?);
            (!text.is_empty() && (path == "url" || fields::is_link(&text))).then_some(text)
        });
        found.map_err(|wrong| self.note(wrong, "a string")).ok()
    }

    /// The publisher: a name (never a link), the feed's title, or the
    /// host of the story's link.
    fn source(&mut self, url: Option<&str>) -> Option<String> {
        let found = self.first(Field::Source, |_, value| {
            let name = value.as_str().map(clean_line)?;
            (!name.is_empty() && !fields::is_link(&name)).then_some(name)
        });
        match found {
            Ok(name) => Some(name),
            Err(wrong) => {
                self.note(
                    wrong.filter(|(_, v)| !v.is_string()),
                    "a string or an object with \"name\"",
                );
                self.cx
                    .source
                    .map(clean_line)
                    .filter(|s| !s.is_empty())
                    .or_else(|| url.and_then(fields::host_of).map(str::to_owned))
            }
        }
    }

    fn images(&mut self) -> Vec<Image> {
        let Some(value) = self.record.other(fields::Other::Images) else {
            return Vec::new();
        };
        images(value).unwrap_or_else(|| {
            self.note(Some(("images", value)), "an array of captions");
            Vec::new()
        })
    }
}

/// Whether `body` holds `line` word for word (white space aside).
fn repeats(body: &str, line: &str) -> bool {
    let mut words = line.split_whitespace();
    let Some(first) = words.next() else {
        return true;
    };
    let bytes = body.as_bytes();
    memchr::memmem::find_iter(bytes, first.as_bytes()).any(|at| {
        if at > 0 && !bytes[at - 1].is_ascii_whitespace() {
            return false;
        }
        let mut rest = body[at..].split_whitespace();
        line.split_whitespace()
            .all(|word| rest.next() == Some(word))
    })
}

/// An empty string or array: as good as absent.
fn is_blank(value: &Value) -> bool {
    match value {
        Value::String(s) => s.trim().is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => false,
    }
}

/// A body's text (a string, or paragraphs joined with a blank line),
/// converted when it is HTML, cleaned, its cut marker taken off.
fn body_from(value: Option<Value>) -> Body {
    let text = match value {
        Some(Value::String(text)) => text,
        Some(Value::Array(items)) => {
            let paragraphs: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
            paragraphs.join("\n\n")
        }
        _ => String::new(),
    };
    let (mut text, images) = if looks_like_html(&text) {
        let converted = to_text(&text);
        (converted.text, converted.images)
    } else {
        (clean_owned(text), Vec::new())
    };
    let truncated = truncate::remove_marker(&mut text);
    Body {
        text,
        images,
        truncated,
    }
}

/// A one-line field, as text even when a tool wrote it as HTML.
fn line_text(text: &str) -> String {
    if looks_like_html(text) {
        one_line(&to_text(text).text)
    } else {
        clean_line(text)
    }
}

/// A title for a story that has none: the start of its text, cut at a
/// word near [`TITLE_FROM_BODY`] characters.
fn title_from(body: &str) -> String {
    let first = body.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let line = clean_line(first);
    if line.chars().count() <= TITLE_FROM_BODY {
        return line;
    }
    let cut: String = line.chars().take(TITLE_FROM_BODY).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// How long a title taken from a body may be, in characters.
const TITLE_FROM_BODY: usize = 80;

/// What a JSON text holds when it is not an object (serde would read a
/// struct from an array too).
fn not_an_object(json: &str) -> Option<&'static str> {
    let kind = match json.trim_start().bytes().next()? {
        b'[' => "an array",
        b'"' => "a string",
        b't' | b'f' => "a boolean",
        b'n' => "null",
        b'-' | b'0'..=b'9' => "a number",
        _ => return None,
    };
    Some(kind)
}

fn images(value: &Value) -> Option<Vec<Image>> {
    let image = |item: &Value| -> Option<Image> {
        let caption = item
            .get("caption")
            .and_then(Value::as_str)
            .map(clean_line)
            .unwrap_or_default();
        let credit = item
            .get("credit")
            .and_then(Value::as_str)
            .map(clean_line)
            .filter(|c| !c.is_empty());
        item.is_object().then_some(Image { caption, credit })
    };
    // Pocket keys its images by number; an image's address alone
    // (newspaper4k) is no caption.
    let items: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(map) if map.values().all(Value::is_object) => map.values().collect(),
        _ => return None,
    };
    items
        .into_iter()
        .filter(|item| !item.is_string())
        .map(image)
        .collect()
}

fn wrong_type(name: &str, value: &Value, want: &str) -> String {
    format!("\"{name}\" is {}, expected {want}", kind(value))
}

/// What a JSON value is, as a message names it ("an array").
pub(super) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// `serde_json`'s error in words for someone who has not read its source.
pub(super) fn describe_json_error(err: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let message = err.to_string();
    let message = message.split(" at line ").next().unwrap_or(&message);
    let (line, column) = (err.line(), err.column());
    match err.classify() {
        Category::Eof => format!("truncated: the JSON ends early (line {line})"),
        Category::Syntax if message.contains("recursion limit") => {
            format!("nested too deeply to be an article (line {line}, column {column})")
        }
        Category::Syntax => format!("not valid JSON at line {line}, column {column}: {message}"),
        Category::Data | Category::Io => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Place;
    use std::sync::Arc;

    fn parse(json: &str) -> Parsed {
        let origin = Origin {
            file: Arc::from("t.json"),
            place: Place::File,
        };
        let formats = Formats::default();
        let cx = Context {
            formats: &formats,
            source: None,
        };
        parse_article(json, origin, || "t.json#0".to_owned(), cx)
    }

    fn article(json: &str) -> Article {
        let parsed = parse(json);
        assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
        parsed.article.unwrap()
    }

    fn error(json: &str) -> String {
        parse(json).article.unwrap_err()
    }

    #[test]
    fn reads_every_field() {
        let a = article(
            r#"{"id": "a1", "title": "T", "subtitle": "S", "body": "B", "source": "Wire",
               "author": "Ann Lee", "published": "2026-03-01", "url": "https://x.test/a",
               "images": [{"caption": "C", "credit": "K"}], "unknown": {"deep": [1, 2]}}"#,
        );
        assert_eq!(a.id, "a1");
        assert_eq!(
            (a.title.as_str(), a.subtitle.as_deref(), a.body.as_str()),
            ("T", Some("S"), "B")
        );
        assert_eq!(a.source.as_deref(), Some("Wire"));
        assert_eq!(a.authors, ["Ann Lee"]);
        assert_eq!(a.published.as_deref(), Some("2026-03-01"));
        assert_eq!(a.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(
            a.images,
            [Image {
                caption: "C".into(),
                credit: Some("K".into())
            }]
        );
    }

    #[test]
    fn accepts_every_alias() {
        let cases = [
            (r#"{"title": "T", "description": "S"}"#, "subtitle"),
            (r#"{"title": "T", "standfirst": "S"}"#, "subtitle"),
            (r#"{"title": "T", "summary": "S"}"#, "subtitle"),
            (r#"{"title": "T", "content": "S"}"#, "body"),
            (r#"{"title": "T", "text": "S"}"#, "body"),
            (r#"{"title": "T", "authors": ["S"]}"#, "author"),
            (r#"{"title": "T", "byline": "S"}"#, "author"),
            (r#"{"title": "T", "publishedAt": "S"}"#, "published"),
            (r#"{"title": "T", "date": "S"}"#, "published"),
            (
                r#"{"title": "T", "source": {"id": null, "name": "S"}}"#,
                "source",
            ),
        ];
        for (json, field) in cases {
            let a = article(json);
            let got = match field {
                "subtitle" => a.subtitle,
                "body" => Some(a.body),
                "author" => a.authors.first().cloned(),
                "published" => a.published,
                _ => a.source,
            };
            assert_eq!(got.as_deref(), Some("S"), "{json}");
        }
    }

    #[test]
    fn the_first_alias_wins_and_both_are_fine() {
        let a = article(
            r#"{"title": "T", "description": "D", "summary": "S", "body": "B", "content": "C"}"#,
        );
        assert_eq!((a.subtitle.as_deref(), a.body.as_str()), (Some("D"), "B"));
    }

    #[test]
    fn body_arrays_are_joined_with_blank_lines() {
        assert_eq!(
            article(r#"{"title": "T", "body": ["One.", "Two."]}"#).body,
            "One.\n\nTwo."
        );
        assert_eq!(
            article(r#"{"title": "T", "body": "One.\n\nTwo.\n"}"#).body,
            "One.\n\nTwo.\n"
        );
    }

    #[test]
    fn ids_are_strings_or_numbers_or_derived() {
        assert_eq!(article(r#"{"title": "T", "id": 42}"#).id, "42");
        assert_eq!(article(r#"{"title": "T"}"#).id, "t.json#0");
        assert_eq!(article(r#"{"title": "T", "id": ""}"#).id, "t.json#0");
    }

    #[test]
    fn authors_as_string_or_array_and_nulls_as_absent() {
        assert_eq!(
            article(r#"{"title": "T", "author": ["A", "B"]}"#).authors,
            ["A", "B"]
        );
        let a = article(r#"{"title": "T", "author": null, "url": null, "body": null}"#);
        assert!(a.authors.is_empty() && a.url.is_none() && a.body.is_empty());
    }

    #[test]
    fn a_story_without_a_title_is_named_by_its_text() {
        let a = article(r#"{"body": "\n\nFirst line here.\nSecond."}"#);
        assert_eq!(a.title, "First line here.");
        let long = "word ".repeat(40);
        let a = article(&format!(r#"{{"content_text": "{long}"}}"#));
        assert!(
            a.title.ends_with("word…") && a.title.chars().count() <= 81,
            "{}",
            a.title
        );
    }

    #[test]
    fn bad_required_fields_cost_the_article() {
        assert_eq!(
            error(r#"{"url": "https://x.test"}"#),
            "no \"title\" and no body"
        );
        assert_eq!(
            error(r#"{"title": "", "body": " "}"#),
            "no \"title\" and no body"
        );
        assert_eq!(
            error(r#"{"title": 7}"#),
            "\"title\" is a number, expected a string"
        );
        assert_eq!(
            error(r#"{"title": "T", "body": {"p": 1}}"#),
            "\"body\" is an object, expected a string or an array of strings"
        );
        assert_eq!(
            error(r#"{"title": "T", "body": ["a", 2]}"#),
            "\"body[1]\" is a number, expected a string"
        );
        assert_eq!(error(" [1]"), "expected an article object, found an array");
        assert_eq!(error("\"x\""), "expected an article object, found a string");
        assert_eq!(
            error("{\"title\": \"T\""),
            "truncated: the JSON ends early (line 1)"
        );
        assert!(error("{\"title\" \"T\"}").starts_with("not valid JSON at line 1, column 10: "));
    }

    #[test]
    fn bad_optional_fields_are_left_out_with_a_note() {
        let parsed = parse(r#"{"title": "T", "author": 5, "images": "pic", "url": ["u"]}"#);
        let a = parsed.article.unwrap();
        assert!(a.authors.is_empty() && a.images.is_empty() && a.url.is_none());
        assert_eq!(
            parsed.notes,
            [
                "\"author\" is a number, expected a string or an array of strings; left out",
                "\"url\" is an array, expected a string; left out",
                "\"images\" is a string, expected an array of captions; left out",
            ]
        );
    }

    #[test]
    fn strings_are_cleaned() {
        let a = article(
            r#"{"title": "Breaking\u001b]0;PWNED\u0007 news\u001b[2J", "body": "a\u001b[31mRED\u001b[0m \u009b31mX \u202eevil", "source": "W\u0000ire"}"#,
        );
        assert_eq!(
            (a.title.as_str(), a.body.as_str()),
            ("Breaking news", "aRED X evil")
        );
        assert_eq!(a.source.as_deref(), Some("Wire"));
    }
}
