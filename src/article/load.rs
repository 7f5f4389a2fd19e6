//! Loading articles from files, folders, standard input and bundled text.
//!
//! 1. Each input is resolved to files: a folder is walked recursively (in
//!    name order, hidden entries skipped) for `.json`, `.jsonl` and
//!    `.ndjson` files; a named file is read whatever its name.
//! 2. Each file is read whole, read-only, and checked for UTF-8 (bad bytes
//!    become U+FFFD, with a problem, so the rest of the file still loads).
//! 3. Its shape is recognised from the first bytes (see [`shape`]) and every
//!    article object in it goes through [`parse`](super::parse).
//!
//! A problem never stops the run: it names the file and the line or item,
//! and the loader moves on.

use super::parse::{Parsed, describe_json_error, parse_article};
use super::sanitize::clean_line;
use super::shape::{Items, Shape, TopLevel, shape};
use super::{Article, Origin, Place, Problem};
use serde::de::DeserializeSeed;
use serde_json::value::RawValue;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Something to read articles from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file, or a folder walked recursively for `.json`/`.jsonl`/`.ndjson`.
    Path(PathBuf),
    /// Standard input (`-` on the command line).
    Stdin,
    /// Text already in memory, such as a bundled sample; `name` stands for the file.
    Text { name: String, text: String },
}

/// Articles and the problems met while loading them. Loading never returns
/// one without the other: a bad file costs its own articles, nothing more.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
}

impl Loaded {
    fn problem(&mut self, file: &Arc<str>, place: Place, reason: impl Into<String>) {
        self.problems.push(Problem::new(file, place, reason));
    }
}

/// Loads every input, in order.
pub fn load(inputs: &[Input]) -> Loaded {
    let mut all = Loaded::default();
    load_each(inputs, |batch| {
        all.articles.extend(batch.articles);
        all.problems.extend(batch.problems);
    });
    all
}

/// Loads every input in order, handing over each file's articles and
/// problems as soon as the file is read.
pub fn load_each(inputs: &[Input], mut on_batch: impl FnMut(Loaded)) {
    for input in inputs {
        match input {
            Input::Path(path) => {
                let (files, problems) = files_under(path);
                if !problems.is_empty() {
                    on_batch(Loaded {
                        articles: Vec::new(),
                        problems,
                    });
                }
                for file in files {
                    on_batch(load_file(&file));
                }
            }
            Input::Stdin => on_batch(load_stdin()),
            Input::Text { name, text } => {
                let name: Arc<str> = Arc::from(name.as_str());
                on_batch(load_text(&name, &name, text, false));
            }
        }
    }
}

/// The name a user knows a path by, safe to print.
fn display_name(path: &Path) -> Arc<str> {
    Arc::from(clean_line(&path.to_string_lossy()))
}

fn is_article_file(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    matches!(ext.as_deref(), Some("json" | "jsonl" | "ndjson"))
}

fn is_lines_file(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    matches!(ext.as_deref(), Some("jsonl" | "ndjson"))
}

/// The article files a path names, in a stable order, and the problems met
/// on the way (a path that does not exist, a folder that cannot be read).
fn files_under(path: &Path) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            let mut seen = Vec::new();
            walk(path, &mut files, &mut problems, &mut seen);
            if files.is_empty() && problems.is_empty() {
                let reason = "no .json, .jsonl or .ndjson files in this folder";
                problems.push(Problem::new(&display_name(path), Place::File, reason));
            }
        }
        Ok(_) => files.push(path.to_owned()),
        Err(err) => problems.push(Problem::new(
            &display_name(path),
            Place::File,
            io_reason(&err),
        )),
    }
    (files, problems)
}

fn walk(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    problems: &mut Vec<Problem>,
    seen: &mut Vec<PathBuf>,
) {
    // A link back up the tree must not send the walk round for ever.
    if let Ok(real) = dir.canonicalize() {
        if seen.contains(&real) {
            return;
        }
        seen.push(real);
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            problems.push(Problem::new(
                &display_name(dir),
                Place::File,
                io_reason(&err),
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
        .map(|entry| entry.path())
        .collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, files, problems, seen);
        } else if is_article_file(&path) {
            files.push(path);
        }
    }
}

fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => format!("cannot be read: {err}"),
    }
}

/// Reads one file (read-only) and loads the articles in it.
pub fn load_file(path: &Path) -> Loaded {
    let name = display_name(path);
    let bytes = match std::fs::File::open(path).and_then(|mut file| {
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).map(|_| bytes)
    }) {
        Ok(bytes) => bytes,
        Err(err) => {
            let mut loaded = Loaded::default();
            loaded.problem(&name, Place::File, io_reason(&err));
            return loaded;
        }
    };
    // Ids must not change with the folder byline is started from.
    let id_base = path
        .canonicalize()
        .map_or_else(|_| Arc::clone(&name), |p| display_name(&p));
    load_bytes(&name, &id_base, &bytes, is_lines_file(path))
}

fn load_stdin() -> Loaded {
    let name: Arc<str> = Arc::from("stdin");
    let mut bytes = Vec::new();
    if let Err(err) = std::io::stdin().lock().read_to_end(&mut bytes) {
        let mut loaded = Loaded::default();
        loaded.problem(&name, Place::File, io_reason(&err));
        return loaded;
    }
    load_bytes(&name, &name, &bytes, false)
}

/// Loads the articles in a file's bytes. `name` is shown in problems,
/// `id_base` starts derived ids, `lines` says the name promises JSON Lines.
pub fn load_bytes(name: &Arc<str>, id_base: &Arc<str>, bytes: &[u8], lines: bool) -> Loaded {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => load_text(name, id_base, text, lines),
        Err(err) => {
            let text = String::from_utf8_lossy(bytes);
            let mut loaded = load_text(name, id_base, &text, lines);
            let at = err.valid_up_to();
            let reason = format!(
                "not valid UTF-8 (first bad byte at offset {at}); bad bytes are shown as \u{fffd}"
            );
            loaded
                .problems
                .insert(0, Problem::new(name, Place::File, reason));
            loaded
        }
    }
}

fn load_text(name: &Arc<str>, id_base: &Arc<str>, text: &str, lines: bool) -> Loaded {
    let mut loaded = Loaded::default();
    match shape(text, lines) {
        Shape::Empty => loaded.problem(name, Place::File, "empty file"),
        Shape::NotJson(what) => loaded.problem(name, Place::File, format!("not JSON: {what}")),
        Shape::Object => load_object(&mut loaded, text, name, id_base),
        Shape::Lines => {
            for (i, line) in text.lines().enumerate() {
                if !line.trim().is_empty() {
                    add_article(&mut loaded, line, name, id_base, Place::Line(i + 1));
                }
            }
        }
        Shape::Array => {
            let mut items = Vec::new();
            let result = parse_items(text, &mut items);
            add_items(&mut loaded, &items, result, name, id_base);
        }
    }
    loaded
}

/// The items of an array that parsed, then the problem that stopped it.
fn add_items(
    loaded: &mut Loaded,
    items: &[&RawValue],
    result: serde_json::Result<()>,
    name: &Arc<str>,
    id_base: &Arc<str>,
) {
    for (i, item) in items.iter().enumerate() {
        add_article(loaded, item.get(), name, id_base, Place::Index(i));
    }
    if let Err(err) = result {
        loaded.problem(name, Place::File, after_items(&err, items.len()));
    }
}

/// One article object, or a news-API object with an `"articles"` array.
fn load_object(loaded: &mut Loaded, text: &str, name: &Arc<str>, id_base: &Arc<str>) {
    let mut items = Vec::new();
    let mut top = TopLevel::new(&mut items);
    let mut de = serde_json::Deserializer::from_str(text);
    let result = (&mut top).deserialize(&mut de).and_then(|()| de.end());
    if top.is_news_api() {
        add_items(loaded, &items, result, name, id_base);
    } else {
        add_article(loaded, text, name, id_base, Place::File);
    }
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

fn add_article(loaded: &mut Loaded, json: &str, name: &Arc<str>, id_base: &Arc<str>, place: Place) {
    let origin = Origin {
        file: Arc::clone(name),
        place,
    };
    let fallback_id = || match place {
        Place::File => id_base.to_string(),
        Place::Line(n) | Place::Index(n) => format!("{id_base}#{n}"),
    };
    let Parsed { article, notes } = parse_article(json, origin, fallback_id);
    for note in notes {
        loaded.problem(name, place, note);
    }
    match article {
        Ok(article) => loaded.articles.push(article),
        Err(reason) => loaded.problem(name, place, reason),
    }
}
