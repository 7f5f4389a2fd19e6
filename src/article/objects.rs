//! A file's text → its articles: the shape of the text (one object, an
//! envelope of articles, an array, JSON Lines), then every article object
//! in it through [`parse`](super::parse), with the user's `[formats.NAME]`
//! tables. Everything here works on text in memory; reading it is
//! [`load`](fn@super::load)'s.

use super::envelope::Envelope;
use super::fields::Record;
use super::load::{Loaded, Named, one_problem};
use super::parse::{Context, Parsed, describe_json_error, parse_article, parse_record};
use super::shape::{Items, Shape, shape};
use super::{Origin, Place, Problem};
use serde::de::DeserializeSeed;
use serde_json::value::RawValue;
use std::sync::Arc;

/// One line of a JSON Lines file: at most one article, and its problems.
pub(super) fn parse_line(bytes: &[u8], line: usize, file: Named<'_>) -> Loaded {
    let mut loaded = Loaded::default();
    match std::str::from_utf8(bytes) {
        Ok(text) => add_article(&mut loaded, text, file, None, Place::Line(line)),
        Err(err) => {
            let at = err.valid_up_to();
            let reason = format!(
                "not valid UTF-8 (first bad byte at column {}); bad bytes are shown as \u{fffd}",
                at + 1
            );
            loaded.problem(file.name, Place::Line(line), reason);
            let text = String::from_utf8_lossy(bytes);
            add_article(&mut loaded, &text, file, None, Place::Line(line));
        }
    }
    loaded
}

/// Loads the articles in a file's bytes; `lines` says the name promises
/// JSON Lines.
pub(super) fn load_bytes(file: Named<'_>, bytes: &[u8], lines: bool) -> Loaded {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if super::sqlite::is_sqlite(bytes) {
        let reason = "an SQLite file (a feed reader's cache?): name the file itself to open it";
        return one_problem(file.name, reason.to_owned());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => load_text(file, text, lines),
        Err(err) => {
            let text = String::from_utf8_lossy(bytes);
            let mut loaded = load_text(file, &text, lines);
            let at = err.valid_up_to();
            let reason = format!(
                "not valid UTF-8 (first bad byte at offset {at}); bad bytes are shown as \u{fffd}"
            );
            loaded
                .problems
                .insert(0, Problem::new(file.name, Place::File, reason));
            loaded
        }
    }
}

pub(super) fn load_text(file: Named<'_>, text: &str, lines: bool) -> Loaded {
    let mut loaded = Loaded::default();
    match shape(text, lines) {
        Shape::Empty => loaded.problem(file.name, Place::File, "empty file"),
        Shape::NotJson(what) => {
            loaded.problem(file.name, Place::File, format!("not JSON: {what}"));
        }
        Shape::Object => load_object(&mut loaded, text, file),
        Shape::Lines => {
            let cap = file.options.limits.max_line;
            for (i, line) in text.lines().enumerate() {
                if line.len() as u64 > cap {
                    loaded.problem(file.name, Place::File, too_long(i + 1, cap));
                } else if !line.trim().is_empty() {
                    add_article(&mut loaded, line, file, None, Place::Line(i + 1));
                }
            }
        }
        Shape::Array => {
            let mut items = Vec::new();
            let result = parse_items(text, &mut items);
            add_items(&mut loaded, &items, result, file, None);
        }
    }
    loaded
}

/// A line of JSON Lines longer than `max_line_size`, skipped.
pub(super) fn too_long(line: usize, cap: u64) -> String {
    format!(
        "line {line} is longer than {} (max_line_size in the settings); it was skipped",
        super::limits::Size(cap)
    )
}

/// The items of an array that parsed, then the problem that stopped it.
fn add_items(
    loaded: &mut Loaded,
    items: &[&RawValue],
    result: serde_json::Result<()>,
    file: Named<'_>,
    source: Option<&str>,
) {
    for (i, item) in items.iter().enumerate() {
        add_article(loaded, item.get(), file, source, Place::Index(i));
    }
    if let Err(err) = result {
        loaded.problem(file.name, Place::File, after_items(&err, items.len()));
    }
}

/// One article object, or an envelope of articles: the user's (an
/// `items` path of a `[formats.NAME]` table), then the tools'.
fn load_object(loaded: &mut Loaded, text: &str, file: Named<'_>) {
    if file.options.formats.items().next().is_some() && load_user_items(loaded, text, file) {
        return;
    }
    let (envelope, result) = Envelope::read(text);
    if envelope.is_envelope() {
        add_items(loaded, &envelope.items, result, file, envelope.source());
    } else {
        add_article(loaded, text, file, None, Place::File);
    }
}

/// The articles at the first `items` path of the user's tables that holds
/// some; false when none does (or the text is not JSON: the usual path
/// reports that).
fn load_user_items(loaded: &mut Loaded, text: &str, file: Named<'_>) -> bool {
    let Ok(top) = serde_json::from_str::<serde_json::Value>(text) else {
        return false;
    };
    let top = match top {
        serde_json::Value::Object(map) => Record::from_map(map),
        _ => return false,
    };
    for path in file.options.formats.items() {
        let items: Vec<&serde_json::Value> = match top.get(path) {
            Some(serde_json::Value::Array(items)) => items.iter().collect(),
            Some(serde_json::Value::Object(map)) => map.values().collect(),
            _ => continue,
        };
        for (i, item) in items.into_iter().enumerate() {
            let place = Place::Index(i);
            match item {
                serde_json::Value::Object(map) => {
                    let record = Record::from_map(map.clone());
                    add_parsed(
                        loaded,
                        file,
                        place,
                        parse_record(
                            record,
                            origin(file, place),
                            fallback_id(file, place),
                            context(file, None),
                        ),
                    );
                }
                _ => loaded.problem(file.name, place, "expected an article object"),
            }
        }
        return true;
    }
    false
}

fn parse_items<'de>(text: &'de str, items: &mut Vec<&'de RawValue>) -> serde_json::Result<()> {
    let mut de = serde_json::Deserializer::from_str(text);
    let mut is_array = true;
    Items::new(items, &mut is_array).deserialize(&mut de)?;
    de.end()
}

/// A broken array: what went wrong, and how many articles before it loaded.
fn after_items(err: &serde_json::Error, read: usize) -> String {
    let kept = match read {
        0 => String::new(),
        1 => "; the article before it was loaded".to_owned(),
        n => format!("; the {n} articles before it were loaded"),
    };
    format!("{}{kept}", describe_json_error(err))
}

pub(super) fn origin(file: Named<'_>, place: Place) -> Origin {
    Origin {
        file: Arc::clone(file.name),
        place,
    }
}

/// The id of an article that has none: its file, and where in it.
pub(super) fn fallback_id(file: Named<'_>, place: Place) -> impl FnOnce() -> String + use<'_> {
    move || match place {
        Place::File => file.id_base.to_string(),
        Place::Line(n) | Place::Index(n) => format!("{}#{n}", file.id_base),
    }
}

pub(super) fn context<'a>(file: Named<'a>, source: Option<&'a str>) -> Context<'a> {
    Context {
        formats: &file.options.formats,
        source,
    }
}

pub(super) fn add_article(
    loaded: &mut Loaded,
    json: &str,
    file: Named<'_>,
    source: Option<&str>,
    place: Place,
) {
    let parsed = parse_article(
        json,
        origin(file, place),
        fallback_id(file, place),
        context(file, source),
    );
    add_parsed(loaded, file, place, parsed);
}

pub(super) fn add_parsed(loaded: &mut Loaded, file: Named<'_>, place: Place, parsed: Parsed) {
    let Parsed { article, notes } = parsed;
    for note in notes {
        loaded.problem(file.name, place, note);
    }
    match article {
        Ok(article) => loaded.articles.push(article),
        Err(reason) => loaded.problem(file.name, place, reason),
    }
}
