//! Loading articles from files, folders, standard input and bundled text.
//!
//! 1. Each input is resolved to files: a folder is walked recursively (in
//!    name order, hidden entries skipped) for `.json`, `.jsonl` and
//!    `.ndjson` files; a named file is read whatever its name.
//! 2. Each file is read whole, read-only, and checked for UTF-8 (bad bytes
//!    become U+FFFD, with a problem, so the rest of the file still loads).
//! 3. Its shape is recognised from the first bytes (see [`shape`]): one
//!    object (an article, or an envelope of articles: see [`envelope`]), an
//!    array, JSON Lines, or an `SQLite` file (a feed reader's cache: see
//!    [`sqlite`]); every article object in it goes through
//!    [`parse`](super::parse), with the user's `[formats.NAME]` tables.
//!
//! [`shape`]: super::shape
//! [`envelope`]: super::envelope
//! [`sqlite`]: super::sqlite
//!
//! A problem never stops the run: it names the file and the line or item,
//! and the loader moves on.

use super::custom::Formats;
use super::envelope::Envelope;
use super::fields::Record;
use super::parse::{Context, Parsed, describe_json_error, parse_article, parse_record};
use super::shape::{Items, Shape, shape, shape_settled};
use super::stream::{Pipe, Source, Whole};
use super::walk::{display_name, files_under, io_reason, is_lines_file};
use super::{Article, Origin, Place, Problem};
use rayon::prelude::*;
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

/// How files are read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The user's own shapes, from the settings file.
    pub formats: Formats,
}

/// A file being read: the name shown in problems, the start of the ids
/// derived for its articles, and how it is read.
#[derive(Debug, Clone, Copy)]
pub(super) struct Named<'a> {
    pub name: &'a Arc<str>,
    pub id_base: &'a Arc<str>,
    pub options: &'a Options,
}

/// Loads every input, in order.
pub fn load(inputs: &[Input]) -> Loaded {
    load_with(inputs, &Options::default())
}

/// [`load`], read with `options`.
pub fn load_with(inputs: &[Input], options: &Options) -> Loaded {
    let mut all = Loaded::default();
    load_while_with(inputs, options, |batch| {
        all.articles.extend(batch.articles);
        all.problems.extend(batch.problems);
        true
    });
    all
}

/// Loads every input in order, handing over articles and problems in
/// batches as they are read. Small files are read and parsed in parallel
/// a group at a time; a large JSON Lines file is streamed a piece at a
/// time. Batches always arrive in input order.
pub fn load_each(inputs: &[Input], mut on_batch: impl FnMut(Loaded)) {
    load_while(inputs, |batch| {
        on_batch(batch);
        true
    });
}

/// [`load_each`], stopping as soon as `on_batch` returns false (the reader
/// quit, the output pipe closed).
pub fn load_while(inputs: &[Input], on_batch: impl FnMut(Loaded) -> bool) {
    load_while_with(inputs, &Options::default(), on_batch);
}

/// [`load_while`], read with `options`.
pub fn load_while_with(
    inputs: &[Input],
    options: &Options,
    mut on_batch: impl FnMut(Loaded) -> bool,
) {
    let mut go_on = true;
    let mut hand_over = |batch: Loaded| {
        go_on = go_on && on_batch(batch);
        go_on
    };
    for input in inputs {
        let more = match input {
            Input::Path(path) => {
                let (files, problems) = files_under(path);
                (problems.is_empty()
                    || hand_over(Loaded {
                        articles: Vec::new(),
                        problems,
                    }))
                    && load_files(&files, options, &mut hand_over)
            }
            Input::Stdin => load_stdin(options, &mut hand_over),
            Input::Text { name, text } => {
                let name: Arc<str> = Arc::from(name.as_str());
                let file = Named {
                    name: &name,
                    id_base: &name,
                    options,
                };
                hand_over(load_text(file, text, false))
            }
        };
        if !more {
            return;
        }
    }
}

/// A file larger than this is read on its own, streamed if it is JSON Lines.
const LARGE: u64 = 8 << 20;
/// Small files are grouped until a group holds this many bytes or files.
const GROUP_BYTES: u64 = 4 << 20;
const GROUP_FILES: usize = 512;

/// Returns false when `on_batch` asked to stop.
fn load_files(
    files: &[PathBuf],
    options: &Options,
    on_batch: &mut dyn FnMut(Loaded) -> bool,
) -> bool {
    let sizes: Vec<u64> = files
        .par_iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .collect();
    let mut i = 0;
    while i < files.len() {
        if sizes[i] > LARGE {
            if !load_large(&files[i], options, on_batch) {
                return false;
            }
            i += 1;
            continue;
        }
        let mut end = i;
        let mut bytes = 0;
        while end < files.len()
            && end - i < GROUP_FILES
            && bytes < GROUP_BYTES
            && sizes[end] <= LARGE
        {
            bytes += sizes[end];
            end += 1;
        }
        let loaded: Vec<Loaded> = files[i..end]
            .par_iter()
            .map(|f| load_file(f, options))
            .collect();
        let mut group = Loaded::default();
        for one in loaded {
            group.articles.extend(one.articles);
            group.problems.extend(one.problems);
        }
        if !on_batch(group) {
            return false;
        }
        i = end;
    }
    true
}

/// A large file: JSON Lines is streamed; anything else is read whole.
/// Returns false when `on_batch` asked to stop.
fn load_large(path: &Path, options: &Options, on_batch: &mut dyn FnMut(Loaded) -> bool) -> bool {
    let name = display_name(path);
    let id_base = id_base(path, &name);
    let file_cx = Named {
        name: &name,
        id_base: &id_base,
        options,
    };
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(err) => return on_batch(one_problem(&name, io_reason(&err))),
    };
    let mut head = Vec::with_capacity(1 << 16);
    if let Err(err) = file.by_ref().take(1 << 16).read_to_end(&mut head) {
        return on_batch(one_problem(&name, io_reason(&err)));
    }
    if super::sqlite::is_sqlite(&head) {
        return on_batch(super::sqlite::load(path, file_cx));
    }
    let start = if head.starts_with(b"\xef\xbb\xbf") {
        3
    } else {
        0
    };
    let sniff = String::from_utf8_lossy(&head[start..]);
    if shape(&sniff, is_lines_file(path)) == Shape::Lines {
        head.drain(..start);
        return super::stream::lines(Whole(file), head, file_cx, on_batch);
    }
    let mut bytes = head;
    if let Err(err) = file.read_to_end(&mut bytes) {
        return on_batch(one_problem(&name, io_reason(&err)));
    }
    on_batch(load_bytes(file_cx, &bytes, false))
}

fn one_problem(name: &Arc<str>, reason: String) -> Loaded {
    Loaded {
        articles: Vec::new(),
        problems: vec![Problem::new(name, Place::File, reason)],
    }
}

/// Ids must not change with the folder byline is started from.
fn id_base(path: &Path, name: &Arc<str>) -> Arc<str> {
    path.canonicalize()
        .map_or_else(|_| Arc::clone(name), |p| display_name(&p))
}

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

/// Reads one file (read-only) and loads the articles in it.
pub fn load_file(path: &Path, options: &Options) -> Loaded {
    let name = display_name(path);
    let id_base = id_base(path, &name);
    let file_cx = Named {
        name: &name,
        id_base: &id_base,
        options,
    };
    let mut bytes = Vec::new();
    let read = std::fs::File::open(path).and_then(|mut file| {
        // An SQLite file is opened by the library that reads it, not read here.
        file.by_ref().take(SQLITE_HEAD).read_to_end(&mut bytes)?;
        if super::sqlite::is_sqlite(&bytes) {
            return Ok(false);
        }
        file.read_to_end(&mut bytes).map(|_| true)
    });
    match read {
        Ok(true) => load_bytes(file_cx, &bytes, is_lines_file(path)),
        Ok(false) => super::sqlite::load(path, file_cx),
        Err(err) => one_problem(&name, io_reason(&err)),
    }
}

/// Enough of a file to tell an `SQLite` file by its header.
const SQLITE_HEAD: u64 = 16;

/// Standard input: JSON Lines is handed over as it arrives; any other
/// shape is read to the end first. Returns false when `on_batch` asked
/// to stop.
fn load_stdin(options: &Options, on_batch: &mut dyn FnMut(Loaded) -> bool) -> bool {
    let name: Arc<str> = Arc::from("stdin");
    let file = Named {
        name: &name,
        id_base: &name,
        options,
    };
    let reading = |err: &std::io::Error| one_problem(&name, io_reason(err));
    let mut pipe = match Pipe::spawn(std::io::stdin()) {
        Ok(pipe) => pipe,
        Err(err) => return on_batch(reading(&err)),
    };
    let mut head = Vec::new();
    let ended = loop {
        match fill_more(&mut pipe, &mut head) {
            Ok(0) => break true,
            Ok(_) if shape_settled(&String::from_utf8_lossy(&head)) => break false,
            Ok(_) => {}
            Err(err) => return on_batch(reading(&err)),
        }
    };
    let start = if head.starts_with(b"\xef\xbb\xbf") {
        3
    } else {
        0
    };
    if !ended && shape(&String::from_utf8_lossy(&head[start..]), false) == Shape::Lines {
        head.drain(..start);
        return super::stream::lines(pipe, head, file, on_batch);
    }
    loop {
        match fill_more(&mut pipe, &mut head) {
            Ok(0) => break,
            Ok(_) => {}
            Err(err) => return on_batch(reading(&err)),
        }
    }
    on_batch(load_bytes(file, &head, false))
}

/// Appends what the pipe has (waiting for at least a byte); 0 at the end.
fn fill_more(pipe: &mut Pipe, bytes: &mut Vec<u8>) -> std::io::Result<usize> {
    let have = bytes.len();
    bytes.resize(have + (64 << 10), 0);
    let read = pipe.fill(&mut bytes[have..]);
    bytes.truncate(have + *read.as_ref().unwrap_or(&0));
    read
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

fn load_text(file: Named<'_>, text: &str, lines: bool) -> Loaded {
    let mut loaded = Loaded::default();
    match shape(text, lines) {
        Shape::Empty => loaded.problem(file.name, Place::File, "empty file"),
        Shape::NotJson(what) => {
            loaded.problem(file.name, Place::File, format!("not JSON: {what}"));
        }
        Shape::Object => load_object(&mut loaded, text, file),
        Shape::Lines => {
            for (i, line) in text.lines().enumerate() {
                if !line.trim().is_empty() {
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

fn origin(file: Named<'_>, place: Place) -> Origin {
    Origin {
        file: Arc::clone(file.name),
        place,
    }
}

/// The id of an article that has none: its file, and where in it.
fn fallback_id(file: Named<'_>, place: Place) -> impl FnOnce() -> String + use<'_> {
    move || match place {
        Place::File => file.id_base.to_string(),
        Place::Line(n) | Place::Index(n) => format!("{}#{n}", file.id_base),
    }
}

fn context<'a>(file: Named<'a>, source: Option<&'a str>) -> Context<'a> {
    Context {
        formats: &file.options.formats,
        source,
    }
}

fn add_article(
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
