//! Loading articles from files, folders, standard input and bundled text.
//!
//! 1. Each input is resolved to files: a folder is walked recursively (in
//!    name order, hidden entries skipped) for `.json`, `.jsonl` and
//!    `.ndjson` files; a named file is read whatever its name.
//! 2. Each file is read whole, read-only, and checked for UTF-8 (bad bytes
//!    become U+FFFD, with a problem, so the rest of the file still loads).
//! 3. Its shape is recognised from the first bytes (see `article::shape`): one
//!    object (an article, or an envelope of articles: see `article::envelope`), an
//!    array, JSON Lines, or an `SQLite` file (a feed reader's cache: see
//!    `article::sqlite`); every article object in it goes through
//!    `article::parse`, with the user's `[formats.NAME]` tables.
//!
//! A problem never stops the run: it names the file and the line or item,
//! and the loader moves on.

use super::custom::Formats;
use super::limits::{Limits, Size};
use super::objects::load_bytes;
use super::shape::{Shape, shape, shape_settled};
use super::stream::{Long, Pipe, Source, Whole};
use super::walk::{Found, display_name, files_under, io_reason, is_lines_file};
use super::{Article, Place, Problem};
use rayon::prelude::*;
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
    Text {
        /// What problems and origins call it.
        name: String,
        /// The file's text.
        text: String,
    },
}

/// Articles and the problems met while loading them. Loading never returns
/// one without the other: a bad file costs its own articles, nothing more.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// Every article read, in file order.
    pub articles: Vec<Article>,
    /// What went wrong on the way, in file order.
    pub problems: Vec<Problem>,
}

impl Loaded {
    pub(super) fn problem(&mut self, file: &Arc<str>, place: Place, reason: impl Into<String>) {
        self.problems.push(Problem::new(file, place, reason));
    }
}

/// How files are read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The user's own shapes, from the settings file.
    pub formats: Formats,
    /// How much is read at most.
    pub limits: Limits,
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
                let (files, problems) = files_under(path, &options.limits);
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
                hand_over(super::objects::load_text(file, text, false))
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
    files: &[Found],
    options: &Options,
    on_batch: &mut dyn FnMut(Loaded) -> bool,
) -> bool {
    let sizes: Vec<u64> = files
        .par_iter()
        .map(|f| std::fs::metadata(&f.path).map_or(0, |m| m.len()))
        .collect();
    let mut i = 0;
    while i < files.len() {
        if !files[i].regular || sizes[i] > LARGE {
            let more = if files[i].regular {
                load_large(&files[i].path, options, on_batch)
            } else {
                load_named_stream(&files[i].path, options, on_batch)
            };
            if !more {
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
            && files[end].regular
            && sizes[end] <= LARGE
        {
            bytes += sizes[end];
            end += 1;
        }
        let loaded: Vec<Loaded> = files[i..end]
            .par_iter()
            .map(|f| load_file(&f.path, options))
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

/// A large file: JSON Lines is streamed, a line longer than the cap
/// skipped; anything else is read whole up to the cap. Returns false when
/// `on_batch` asked to stop.
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
    let head = without_bom(head);
    if shape(&String::from_utf8_lossy(&head), is_lines_file(path)) == Shape::Lines {
        return super::stream::lines(Whole(file), head, file_cx, Long::Skip, on_batch);
    }
    on_batch(read_whole(file, head, file_cx, "this file"))
}

/// The rest of a file or stream read into `bytes` and loaded, unless it
/// passes the cap (`what` names it in the message).
fn read_whole(mut from: impl Read, mut bytes: Vec<u8>, file: Named<'_>, what: &str) -> Loaded {
    let cap = file.options.limits.max_file;
    let room = (cap + 1).saturating_sub(bytes.len() as u64);
    if let Err(err) = from.by_ref().take(room).read_to_end(&mut bytes) {
        return one_problem(file.name, io_reason(&err));
    }
    if bytes.len() as u64 > cap {
        return one_problem(file.name, too_large(what, cap));
    }
    load_bytes(file, &bytes, false)
}

fn too_large(what: &str, cap: u64) -> String {
    format!(
        "{what} is larger than {} and is not read (max_file_size in the settings; \
         JSON Lines are read at any size)",
        Size(cap)
    )
}

fn without_bom(mut head: Vec<u8>) -> Vec<u8> {
    if head.starts_with(b"\xef\xbb\xbf") {
        head.drain(..3);
    }
    head
}

pub(super) fn one_problem(name: &Arc<str>, reason: String) -> Loaded {
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

/// Reads one regular file (read-only) and loads the articles in it; a
/// file larger than the cap is streamed if it is JSON Lines.
pub fn load_file(path: &Path, options: &Options) -> Loaded {
    let name = display_name(path);
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => {
            return one_problem(&name, "not a regular file".to_owned());
        }
        Ok(meta) if meta.len() > options.limits.max_file => {
            let mut all = Loaded::default();
            load_large(path, options, &mut |batch| {
                all.articles.extend(batch.articles);
                all.problems.extend(batch.problems);
                true
            });
            return all;
        }
        Ok(_) => {}
        Err(err) => return one_problem(&name, io_reason(&err)),
    }
    let id_base = id_base(path, &name);
    let file_cx = Named {
        name: &name,
        id_base: &id_base,
        options,
    };
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(err) => return one_problem(&name, io_reason(&err)),
    };
    // An SQLite file is opened by the library that reads it, not read here.
    let mut head = Vec::new();
    if let Err(err) = file.by_ref().take(SQLITE_HEAD).read_to_end(&mut head) {
        return one_problem(&name, io_reason(&err));
    }
    if super::sqlite::is_sqlite(&head) {
        return super::sqlite::load(path, file_cx);
    }
    let cap = options.limits.max_file;
    let mut bytes = head;
    if let Err(err) = file
        .take(cap + 1 - SQLITE_HEAD.min(cap))
        .read_to_end(&mut bytes)
    {
        return one_problem(&name, io_reason(&err));
    }
    if bytes.len() as u64 > cap {
        // It grew since it was measured.
        return one_problem(&name, too_large("this file", cap));
    }
    load_bytes(file_cx, &bytes, is_lines_file(path))
}

/// Enough of a file to tell an `SQLite` file by its header.
const SQLITE_HEAD: u64 = 16;

/// Standard input. Returns false when `on_batch` asked to stop.
fn load_stdin(options: &Options, on_batch: &mut dyn FnMut(Loaded) -> bool) -> bool {
    let name: Arc<str> = Arc::from("stdin");
    load_stream(std::io::stdin(), &name, &name, options, on_batch)
}

/// A pipe, device or socket named on its own (`<(producer)`): read as a
/// stream, like standard input.
fn load_named_stream(
    path: &Path,
    options: &Options,
    on_batch: &mut dyn FnMut(Loaded) -> bool,
) -> bool {
    let name = display_name(path);
    match std::fs::File::open(path) {
        Ok(file) => load_stream(file, &name, &name, options, on_batch),
        Err(err) => on_batch(one_problem(&name, io_reason(&err))),
    }
}

/// A stream: JSON Lines is handed over as it arrives, a line longer than
/// the cap ending the reading (a pipe cannot be trusted to end); any other
/// shape is read to the end first, up to the cap; what is not JSON at all
/// is not read further. Returns false when `on_batch` asked to stop.
fn load_stream(
    reader: impl Read + Send + 'static,
    name: &Arc<str>,
    id_base: &Arc<str>,
    options: &Options,
    on_batch: &mut dyn FnMut(Loaded) -> bool,
) -> bool {
    let file = Named {
        name,
        id_base,
        options,
    };
    let reading = |err: &std::io::Error| one_problem(name, io_reason(err));
    let mut pipe = match Pipe::spawn(reader) {
        Ok(pipe) => pipe,
        Err(err) => return on_batch(reading(&err)),
    };
    let mut head = Vec::new();
    let ended = loop {
        match fill_more(&mut pipe, &mut head) {
            Ok(0) => break true,
            Ok(_) if shape_settled(&String::from_utf8_lossy(&head)) => break false,
            // A start that never settles (white space without end) is
            // capped like any other text.
            Ok(_) if head.len() as u64 > options.limits.max_file => break false,
            Ok(_) => {}
            Err(err) => return on_batch(reading(&err)),
        }
    };
    let head = without_bom(head);
    match shape(&String::from_utf8_lossy(&head), false) {
        Shape::Lines if !ended => super::stream::lines(pipe, head, file, Long::Stop, on_batch),
        Shape::NotJson(_) | Shape::Empty if !ended => on_batch(load_bytes(file, &head, false)),
        _ => on_batch(read_whole(pipe, head, file, "the input")),
    }
}

/// Appends what the pipe has (waiting for at least a byte); 0 at the end.
fn fill_more(pipe: &mut Pipe, bytes: &mut Vec<u8>) -> std::io::Result<usize> {
    let have = bytes.len();
    bytes.resize(have + (64 << 10), 0);
    let read = pipe.fill(&mut bytes[have..]);
    bytes.truncate(have + *read.as_ref().unwrap_or(&0));
    read
}
