//! One article object (as JSON) → an [`Article`], accepting every field
//! alias of FORMATS.md §1 and saying in words what is wrong with the rest.
//!
//! A wrong `title` or `body` costs the article; a wrong optional field
//! costs only that field, with a note, so one odd `author` does not hide a
//! story.

use super::sanitize::{clean_line, clean_text};
use super::{Article, Image, Origin};
use serde::Deserialize;
use serde_json::Value;

/// Every field byline reads, each alias separately, so that an object with
/// both `description` and `summary` is not an error. Others are skipped.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Raw {
    id: Option<Value>,
    title: Option<Value>,
    subtitle: Option<Value>,
    description: Option<Value>,
    standfirst: Option<Value>,
    summary: Option<Value>,
    body: Option<Value>,
    content: Option<Value>,
    text: Option<Value>,
    source: Option<Value>,
    author: Option<Value>,
    authors: Option<Value>,
    byline: Option<Value>,
    published: Option<Value>,
    #[serde(rename = "publishedAt")]
    published_at: Option<Value>,
    date: Option<Value>,
    url: Option<Value>,
    images: Option<Value>,
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
) -> Parsed {
    if let Some(kind) = not_an_object(json) {
        let article = Err(format!("expected an article object, found {kind}"));
        return Parsed {
            article,
            notes: Vec::new(),
        };
    }
    match serde_json::from_str::<Raw>(json) {
        Ok(raw) => {
            let mut notes = Vec::new();
            let article = build(raw, origin, fallback_id, &mut notes);
            Parsed { article, notes }
        }
        Err(err) => Parsed {
            article: Err(describe_json_error(&err)),
            notes: Vec::new(),
        },
    }
}

fn build(
    raw: Raw,
    origin: Origin,
    fallback_id: impl FnOnce() -> String,
    notes: &mut Vec<String>,
) -> Result<Article, String> {
    let title = match present([("title", raw.title)]) {
        None => return Err("missing \"title\"".to_owned()),
        Some((_, Value::String(s))) => clean_line(&s),
        Some((name, other)) => return Err(wrong_type(name, &other, "a string")),
    };
    let body = match present([
        ("body", raw.body),
        ("content", raw.content),
        ("text", raw.text),
    ]) {
        None => String::new(),
        Some((name, value)) => body_text(name, value)?,
    };
    let mut optional = Optional { notes };
    let subtitle = [
        ("subtitle", raw.subtitle),
        ("description", raw.description),
        ("standfirst", raw.standfirst),
        ("summary", raw.summary),
    ];
    let authors = [
        ("author", raw.author),
        ("authors", raw.authors),
        ("byline", raw.byline),
    ];
    let published = [
        ("published", raw.published),
        ("publishedAt", raw.published_at),
        ("date", raw.date),
    ];
    Ok(Article {
        id: optional
            .read([("id", raw.id)], "a string or a number", id_text)
            .unwrap_or_else(fallback_id),
        title,
        subtitle: optional.read(subtitle, "a string", line_text),
        body,
        source: optional.read(
            [("source", raw.source)],
            "a string or an object with \"name\"",
            source_text,
        ),
        authors: optional
            .read(authors, "a string or an array of strings", authors_text)
            .unwrap_or_default(),
        published: optional.read(published, "a string", line_text),
        url: optional.read([("url", raw.url)], "a string", line_text),
        images: optional
            .read([("images", raw.images)], "an array of captions", images)
            .unwrap_or_default(),
        origin,
    })
}

/// Reads optional fields, noting each one of the wrong type.
struct Optional<'a> {
    notes: &'a mut Vec<String>,
}

impl Optional<'_> {
    /// The first alias present, read with `read`; an empty result is `None`.
    fn read<T: IsEmpty, const N: usize>(
        &mut self,
        aliases: [(&'static str, Option<Value>); N],
        want: &str,
        read: fn(&Value) -> Option<T>,
    ) -> Option<T> {
        let (name, value) = present(aliases)?;
        let Some(got) = read(&value) else {
            self.notes
                .push(format!("{}; left out", wrong_type(name, &value, want)));
            return None;
        };
        (!got.is_empty()).then_some(got)
    }
}

trait IsEmpty {
    fn is_empty(&self) -> bool;
}

impl IsEmpty for String {
    fn is_empty(&self) -> bool {
        str::is_empty(self)
    }
}

impl<T> IsEmpty for Vec<T> {
    fn is_empty(&self) -> bool {
        <[T]>::is_empty(self)
    }
}

/// The first alias that is present and not `null`.
fn present<const N: usize>(
    aliases: [(&'static str, Option<Value>); N],
) -> Option<(&'static str, Value)> {
    aliases.into_iter().find_map(|(name, value)| match value {
        None | Some(Value::Null) => None,
        Some(value) => Some((name, value)),
    })
}

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

fn body_text(name: &str, value: Value) -> Result<String, String> {
    match value {
        Value::String(text) => Ok(super::sanitize::clean_owned(text)),
        Value::Array(items) => {
            let mut paragraphs = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                match item {
                    Value::String(text) => paragraphs.push(text),
                    other => return Err(wrong_type(&format!("{name}[{i}]"), &other, "a string")),
                }
            }
            Ok(clean_text(&paragraphs.join("\n\n")))
        }
        other => Err(wrong_type(name, &other, "a string or an array of strings")),
    }
}

fn id_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(clean_line(s)),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn line_text(value: &Value) -> Option<String> {
    value.as_str().map(clean_line)
}

fn source_text(value: &Value) -> Option<String> {
    match value {
        Value::Object(map) => map.get("name").and_then(Value::as_str).map(clean_line),
        other => line_text(other),
    }
}

fn authors_text(value: &Value) -> Option<Vec<String>> {
    let names = match value {
        Value::String(s) => vec![clean_line(s)],
        Value::Array(items) => items.iter().map(line_text).collect::<Option<Vec<_>>>()?,
        _ => return None,
    };
    Some(names.into_iter().filter(|name| !name.is_empty()).collect())
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
    value.as_array()?.iter().map(image).collect()
}

fn wrong_type(name: &str, value: &Value, want: &str) -> String {
    let got = match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    };
    format!("\"{name}\" is {got}, expected {want}")
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
        parse_article(json, origin, || "t.json#0".to_owned())
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
    fn bad_required_fields_cost_the_article() {
        assert_eq!(error(r#"{"body": "B"}"#), "missing \"title\"");
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
