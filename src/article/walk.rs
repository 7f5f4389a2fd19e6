//! Finding the article files a path names: a file as given, or a folder
//! walked recursively in name order, hidden entries and links back up the
//! tree skipped.

use super::sanitize::clean_line;
use super::{Place, Problem};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The name a user knows a path by, safe to print.
pub(super) fn display_name(path: &Path) -> Arc<str> {
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
/// on the way (a path that does not exist, a folder that cannot be read).
pub(super) fn files_under(path: &Path) -> (Vec<PathBuf>, Vec<Problem>) {
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

pub(super) fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => format!("cannot be read: {err}"),
    }
}
