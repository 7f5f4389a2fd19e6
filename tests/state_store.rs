//! The reading state on disk: round trips, atomic writes that a crash
//! cannot spoil, and damaged or newer files set aside with a message.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use byline::state::{Position, ReadingState, StateStore, atomic, codec};
use std::fs;
use std::path::Path;
use std::time::Instant;

fn some_state() -> ReadingState {
    let mut state = ReadingState::new();
    state.open("sample-geneva-quay-vote");
    state.set_position(
        "sample-geneva-quay-vote",
        Position {
            paragraph: 3,
            offset: 42,
        },
    );
    state.toggle_star("samples/wire-briefs.jsonl#2");
    state.mark_all_read(["a", "b", "c"]);
    state
}

fn entries(state: &ReadingState) -> Vec<(String, byline::state::Entry)> {
    let mut all: Vec<_> = state.iter().map(|(id, e)| (id.to_owned(), e)).collect();
    all.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    all
}

/// The files in `dir` other than `state.json`, by name.
fn others(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "state.json")
        .collect();
    names.sort();
    names
}

#[test]
fn a_missing_file_is_an_empty_state() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path().join("never-made"));
    let restored = store.load();
    assert!(restored.state.is_empty());
    assert!(restored.problem.is_none());
}

#[test]
fn round_trip_through_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path().join("byline"));
    let mut state = some_state();
    assert!(store.save_if_dirty(&mut state).unwrap());
    assert!(!store.save_if_dirty(&mut state).unwrap(), "nothing new");
    let restored = store.load();
    assert!(restored.problem.is_none());
    assert_eq!(entries(&restored.state), entries(&state));
    assert_eq!(restored.state.last_open(), Some("sample-geneva-quay-vote"));
    assert_eq!(
        restored.state.position("sample-geneva-quay-vote"),
        Some(Position {
            paragraph: 3,
            offset: 42
        })
    );
    assert!(others(store.dir()).is_empty(), "no temporary file is left");
}

#[test]
fn a_write_interrupted_before_the_rename_leaves_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    store.save(&some_state()).unwrap();
    // A crash after the new bytes were written, before the rename: the
    // temporary file stays behind, half written.
    let mut newer = some_state();
    newer.toggle_star("only-in-the-new-state");
    let bytes = codec::encode(&newer);
    std::mem::forget(atomic::stage(&store.file(), &bytes.as_bytes()[..bytes.len() / 2]).unwrap());
    // And one that another crash left before flushing anything.
    fs::write(dir.path().join(".state.json.999.0.tmp"), b"").unwrap();
    assert_eq!(others(dir.path()).len(), 2);

    let restored = store.load();
    assert!(restored.problem.is_none(), "{:?}", restored.problem);
    assert_eq!(entries(&restored.state), entries(&some_state()));
    // The next save goes through as usual.
    store.save(&newer).unwrap();
    assert!(store.load().state.is_starred("only-in-the-new-state"));
}

#[test]
fn a_corrupt_file_is_set_aside_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    fs::write(
        store.file(),
        "{\"format\":\"byline-state\",\"version\":1,\"articles\":[[0,",
    )
    .unwrap();
    let restored = store.load();
    assert!(restored.state.is_empty());
    let message = restored.problem.unwrap().to_string();
    assert!(message.contains("state.json: not valid JSON"), "{message}");
    assert!(
        message.contains("set aside as state.json.corrupt-"),
        "{message}"
    );
    let aside = others(dir.path());
    assert_eq!(aside.len(), 1);
    assert!(message.contains(&aside[0]), "the message names the file");
    assert!(
        fs::read_to_string(dir.path().join(&aside[0]))
            .unwrap()
            .ends_with("[[0,")
    );
    assert!(!store.file().exists());
    // Nothing stops the next save, and the set-aside file is kept.
    store.save(&some_state()).unwrap();
    assert_eq!(others(dir.path()), aside);
}

#[test]
fn a_file_from_a_newer_byline_is_set_aside_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    let future = "{\"format\":\"byline-state\",\"version\":2,\"articles\":{\"a\":\"read\"}}";
    fs::write(store.file(), future).unwrap();
    let restored = store.load();
    assert!(restored.state.is_empty());
    let message = restored.problem.unwrap().to_string();
    assert!(
        message.contains("written by a newer byline (format version 2"),
        "{message}"
    );
    assert!(message.contains("state.json.newer-"), "{message}");
    let aside = others(dir.path());
    assert_eq!(
        fs::read_to_string(dir.path().join(&aside[0])).unwrap(),
        future
    );
}

#[test]
fn damaged_entries_cost_only_themselves() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    let text = "{\"format\":\"byline-state\",\"version\":1,\"open\":\"b\",\"articles\":[\n\
                [0,\"a\",1],\n[0,\"b\",\"read\"],\n[0,\"c\",2,1,5]]}";
    fs::write(store.file(), text).unwrap();
    let mut restored = store.load();
    let message = restored.problem.unwrap().to_string();
    assert!(
        message.contains("1 of its 3 entries could not be read"),
        "{message}"
    );
    assert!(
        message.contains("keeps the entries it could read"),
        "{message}"
    );
    assert!(restored.state.is_read("a", None));
    assert!(restored.state.is_starred("c"));
    assert_eq!(restored.state.last_open(), Some("b"));
    // The good entries are written back; the damaged file stays aside.
    assert!(store.save_if_dirty(&mut restored.state).unwrap());
    assert!(store.load().problem.is_none());
    assert_eq!(others(dir.path()).len(), 1);
}

#[test]
fn a_folder_in_place_of_the_file_is_set_aside_too() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    fs::create_dir(store.file()).unwrap();
    let restored = store.load();
    assert!(
        restored
            .problem
            .unwrap()
            .to_string()
            .contains("cannot be read")
    );
    store.save(&some_state()).unwrap();
    assert!(store.load().problem.is_none());
}

/// 100,000 ids as a big library has them: derived from a file's path and
/// a line, and web addresses. Prints the size and times for the report.
#[test]
fn a_hundred_thousand_ids_stay_compact() {
    let mut state = ReadingState::new();
    let derived = (0..50_000).map(|i| format!("/home/ann/news/wire-2026-03.jsonl#{i}"));
    let urls = (0..50_000).map(|i| {
        format!(
            "https://www.northshore-gazette.example/news/2026/03/{}/story-{i}",
            i % 28 + 1
        )
    });
    let ids: Vec<String> = derived.chain(urls).collect();
    state.mark_all_read(ids.iter().map(String::as_str));
    for id in ids.iter().step_by(10) {
        state.toggle_star(id);
    }
    state.set_position(
        &ids[7],
        Position {
            paragraph: 12,
            offset: 300,
        },
    );
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    let start = Instant::now();
    store.save(&state).unwrap();
    let saved = start.elapsed();
    let start = Instant::now();
    let restored = store.load();
    let loaded = start.elapsed();
    let bytes = fs::metadata(store.file()).unwrap().len();
    let raw: usize = ids.iter().map(|id| id.len() + 3).sum();
    eprintln!(
        "100,000 ids: {bytes} bytes ({:.1} per id; the ids alone, quoted: {raw}); \
         saved in {saved:?}, loaded in {loaded:?}",
        bytes as f64 / 1e5
    );
    assert!(restored.problem.is_none());
    assert_eq!(restored.state.len(), 100_000);
    assert_eq!(entries(&restored.state), entries(&state));
    assert!(bytes < raw as u64 / 2, "{bytes} bytes is not compact");
}
