//! The terminal stays behind its boundary: only `src/tui/` may name the
//! terminal crates, so the library can be used (and tested) without one.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn only_the_tui_names_ratatui_or_crossterm() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 5);
    let offenders: Vec<String> = files
        .iter()
        .filter(|path| !path.starts_with(src.join("tui")))
        .filter(|path| {
            let text = fs::read_to_string(path).unwrap();
            text.contains("ratatui") || text.contains("crossterm")
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        offenders.is_empty(),
        "terminal crates named outside src/tui: {offenders:?}"
    );
}
