//! Finding the article files a path names: a file as given, or a folder
//! walked recursively in name order, hidden entries skipped, each folder
//! once however many links lead to it, no deeper than the settings allow.
//!
//! Only regular files are read from folders: a FIFO or a device with a
//! `.json` name would hang the walk or never end, so it is a problem line.
//! A path named on its own is read whatever it is (`<(producer)` is a
//! FIFO), as a stream, within the size caps.

use super::limits::Limits;
use super::sanitize::clean_line;
use super::{Place, Problem};
use std::collections::HashSet;
use std::fs::{self, FileType, Metadata};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A file to read, and whether it is a regular file (else: a pipe, a
/// device or a socket named on its own, read as a stream).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Found {
    pub path: PathBuf,
    pub regular: bool,
}

/// The name a user knows a path by, safe to print.
pub(crate) fn display_name(path: &Path) -> Arc<str> {
    Arc::from(clean_line(&path.to_string_lossy()))
}

fn is_article_file(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    matches!(ext.as_deref(), Some("json" | "jsonl" | "ndjson"))
}

pub(super) fn is_lines_file(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    matches!(ext.as_deref(), Some("jsonl" | "ndjson"))
}

/// The article files a path names, in a stable order, and the problems met
/// on the way (a path that does not exist, a folder that cannot be read, a
/// FIFO in a folder, a folder too deep).
pub(super) fn files_under(path: &Path, limits: &Limits) -> (Vec<Found>, Vec<Problem>) {
    let mut walk = Walk {
        files: Vec::new(),
        problems: Vec::new(),
        seen: HashSet::new(),
        max_depth: limits.max_depth,
        too_deep: false,
    };
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            walk.folder(path, &meta, 0);
            if walk.files.is_empty() && walk.problems.is_empty() {
                let reason = "no .json, .jsonl or .ndjson files in this folder";
                walk.problems
                    .push(Problem::new(&display_name(path), Place::File, reason));
            }
        }
        Ok(meta) => walk.files.push(Found {
            path: path.to_owned(),
            regular: meta.is_file(),
        }),
        Err(err) => walk.problem(path, io_reason(&err)),
    }
    (walk.files, walk.problems)
}

struct Walk {
    files: Vec<Found>,
    problems: Vec<Problem>,
    /// The folders walked, by identity: a link back up the tree, or a
    /// second link to one folder, does not walk it again.
    seen: HashSet<FolderId>,
    max_depth: usize,
    /// The depth limit was met (said once).
    too_deep: bool,
}

impl Walk {
    fn problem(&mut self, path: &Path, reason: impl Into<String>) {
        self.problems
            .push(Problem::new(&display_name(path), Place::File, reason));
    }

    fn folder(&mut self, dir: &Path, meta: &Metadata, depth: usize) {
        if !self.seen.insert(folder_id(dir, meta)) {
            return;
        }
        if depth > self.max_depth {
            if !self.too_deep {
                self.too_deep = true;
                let reason = format!(
                    "folders deeper than {} levels are not read (max_folder_depth in the settings)",
                    self.max_depth
                );
                self.problem(dir, reason);
            }
            return;
        }
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(err) => return self.problem(dir, io_reason(&err)),
        };
        let mut paths: Vec<(PathBuf, std::io::Result<FileType>)> = entries
            .filter_map(Result::ok)
            .filter(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
            .map(|entry| (entry.path(), entry.file_type()))
            .collect();
        paths.sort_by(|a, b| a.0.cmp(&b.0));
        for (path, file_type) in paths {
            self.entry(path, file_type, depth);
        }
    }

    /// One entry of a folder: a folder to walk, an article file to read,
    /// or something that is not read (said when it has an article's name).
    fn entry(&mut self, path: PathBuf, file_type: std::io::Result<FileType>, depth: usize) {
        let article = is_article_file(&path);
        // The entry's own type says most; a link is followed to its target.
        let meta = match file_type {
            Ok(t) if t.is_file() && article => {
                self.files.push(Found {
                    path,
                    regular: true,
                });
                return;
            }
            Ok(t) if !t.is_dir() && !t.is_symlink() && !article => return,
            Ok(_) => fs::metadata(&path),
            Err(err) => Err(err),
        };
        match meta {
            Ok(meta) if meta.is_dir() => self.folder(&path, &meta, depth + 1),
            Ok(_) if !article => {}
            Ok(meta) if meta.is_file() => self.files.push(Found {
                path,
                regular: true,
            }),
            Ok(meta) => {
                let reason = format!(
                    "not a regular file ({}): only regular files are read from folders",
                    kind(meta.file_type())
                );
                self.problem(&path, reason);
            }
            Err(err) if article => self.problem(&path, io_reason(&err)),
            Err(_) => {}
        }
    }
}

/// What a file that is not a regular file is, for a message.
fn kind(file_type: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    let _ = file_type;
    "not a file"
}

/// What tells one folder from another, however it is reached.
#[cfg(unix)]
type FolderId = (u64, u64);
#[cfg(not(unix))]
type FolderId = PathBuf;

#[cfg(unix)]
fn folder_id(_: &Path, meta: &Metadata) -> FolderId {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn folder_id(dir: &Path, _: &Metadata) -> FolderId {
    dir.canonicalize().unwrap_or_else(|_| dir.to_owned())
}

pub(super) fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::InvalidFilename => {
            "the path is too long for the system to open".to_owned()
        }
        _ => format!("cannot be read: {err}"),
    }
}
