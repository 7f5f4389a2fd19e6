//! One article object handed over by another program rather than read
//! from a file: a line of JSON Lines from a pipeline, a dict from Python.
//! Each is read exactly as the loader reads one article of a file, so a
//! binding gets the same article, id and problems as `byline extract`.

use super::fields::Record;
use super::load::{Loaded, Named, Options};
use super::objects::{add_article, add_parsed, context, fallback_id, origin};
use super::parse::{kind, parse_record};
use super::{Place, Problem};
use serde_json::Value;
use std::sync::Arc;

/// Reads one article object from its JSON text, as the loader reads a
/// line of a JSON Lines file. `name` stands for the file: it starts the
/// id of an article that has none (`name#3` for `Place::Line(3)`, `name`
/// itself for `Place::File`) and names the problems.
///
/// ```
/// use byline::article::{Options, Place, load_object_text};
/// let loaded = load_object_text(r#"{"title": "T", "body": "B"}"#, "feed", Place::Line(3), &Options::default());
/// assert_eq!(loaded.articles[0].id, "feed#3");
/// ```
pub fn load_object_text(json: &str, name: &str, place: Place, options: &Options) -> Loaded {
    let name: Arc<str> = Arc::from(name);
    let mut loaded = Loaded::default();
    add_article(&mut loaded, json, named(&name, options), None, place);
    loaded
}

/// [`load_object_text`] of an object already parsed (a map from another
/// language's objects); anything but an object is a problem.
///
/// ```
/// use byline::article::{Options, Place, load_object_value};
/// let value = serde_json::json!({"content": "“Yes,” she said."});
/// let loaded = load_object_value(value, "input", Place::Index(0), &Options::default());
/// assert_eq!(loaded.articles[0].body, "“Yes,” she said.");
/// ```
pub fn load_object_value(value: Value, name: &str, place: Place, options: &Options) -> Loaded {
    let name: Arc<str> = Arc::from(name);
    let file = named(&name, options);
    let mut loaded = Loaded::default();
    match value {
        Value::Object(map) => {
            let parsed = parse_record(
                Record::from_map(map),
                origin(file, place),
                fallback_id(file, place),
                context(file, None),
            );
            add_parsed(&mut loaded, file, place, parsed);
        }
        other => {
            let reason = format!("expected an article object, found {}", kind(&other));
            loaded.problems.push(Problem::new(&name, place, reason));
        }
    }
    loaded
}

fn named<'a>(name: &'a Arc<str>, options: &'a Options) -> Named<'a> {
    Named {
        name,
        id_base: name,
        options,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn options() -> Options {
        Options::default()
    }

    #[test]
    fn text_and_value_read_the_same_article() {
        let json = r#"{"title": "T", "maintext": "“Yes,” said Ann Lee.", "authors": ["Bo"],
                       "date_publish": "2026-01-09 14:20:00"}"#;
        let value: Value = serde_json::from_str(json).unwrap();
        let text = load_object_text(json, "in", Place::Index(2), &options());
        let from_value = load_object_value(value, "in", Place::Index(2), &options());
        assert_eq!(text, from_value);
        assert_eq!(text.articles[0].id, "in#2");
        assert!(text.problems.is_empty());
    }

    #[test]
    fn a_bad_object_is_a_problem_naming_its_place() {
        let loaded = load_object_value(json!({"title": 7}), "in", Place::Index(4), &options());
        assert!(loaded.articles.is_empty());
        assert_eq!(
            loaded.problems[0].to_string(),
            "in [article 4]: \"title\" is a number, expected a string"
        );
        let loaded = load_object_value(json!([1]), "in", Place::File, &options());
        assert_eq!(
            loaded.problems[0].to_string(),
            "in: expected an article object, found an array"
        );
        let loaded = load_object_text("{\"title\": ", "in", Place::Line(1), &options());
        assert_eq!(
            loaded.problems[0].to_string(),
            "in:1: truncated: the JSON ends early (line 1)"
        );
    }

    #[test]
    fn a_left_out_field_is_a_problem_beside_the_article() {
        let loaded = load_object_value(
            json!({"title": "T", "url": 5}),
            "in",
            Place::File,
            &options(),
        );
        assert_eq!(loaded.articles[0].id, "in");
        assert_eq!(
            loaded.problems[0].to_string(),
            "in: \"url\" is a number, expected a string; left out"
        );
    }
}
