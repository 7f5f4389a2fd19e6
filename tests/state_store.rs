//! The reading state on disk: round trips, atomic writes that a crash
//! cannot spoil, damaged or newer files set aside with a message (keeping
//! what can be read of them), and bylines saving to one file at once
//! without losing each other's changes (threads, and processes killed in
//! the middle of their saves).

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use byline::state::{LOCK_NAME, Position, ReadingState, StateStore, atomic, codec};
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

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

/// The files in `dir` other than `state.json` and its lock, by name.
fn others(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "state.json" && n != LOCK_NAME)
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
    store.save(&mut some_state()).unwrap();
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
    store.save(&mut newer).unwrap();
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
    store.save(&mut some_state()).unwrap();
    assert_eq!(others(dir.path()), aside);
}

#[test]
fn a_file_from_a_newer_byline_is_set_aside_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    let future = "{\"format\":\"byline-state\",\"version\":3,\"articles\":{\"a\":\"read\"}}";
    fs::write(store.file(), future).unwrap();
    let restored = store.load();
    assert!(restored.state.is_empty());
    let message = restored.problem.unwrap().to_string();
    assert!(
        message.contains("written by a newer byline (format version 3"),
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
    store.save(&mut some_state()).unwrap();
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
    store.save(&mut state).unwrap();
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

/// A state saved, then its file cut in the middle of its last but one
/// line, as a full disk or a broken copy leaves it.
fn a_file_cut_short(store: &StateStore) -> (ReadingState, Vec<u8>) {
    let mut state = ReadingState::new();
    for i in 0..50 {
        state.set_read(&format!("wire.jsonl#{i}"), true);
    }
    state.toggle_star("wire.jsonl#7");
    store.save(&mut state).unwrap();
    let mut bytes = fs::read(store.file()).unwrap();
    let last = bytes[..bytes.len() - 1]
        .iter()
        .rposition(|&b| b == b'\n')
        .unwrap();
    bytes.truncate(last - 4);
    fs::write(store.file(), &bytes).unwrap();
    (state, bytes)
}

#[test]
fn a_damaged_file_keeps_what_can_be_read_and_is_set_aside_whole() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    let (saved, damaged) = a_file_cut_short(&store);
    let mut restored = store.load();
    let message = restored.problem.unwrap().to_string();
    assert!(message.contains("not valid JSON"), "{message}");
    assert!(
        message.contains("1 of its 49 entries could not be read"),
        "{message}"
    );
    assert!(
        message.contains("byline keeps the entries it could read"),
        "{message}"
    );
    // Every whole line is kept: all but the last two ids.
    assert_eq!(restored.state.len(), 48);
    assert!(restored.state.is_starred("wire.jsonl#7"));
    for (id, entry) in restored.state.iter() {
        assert_eq!(saved.get(id), entry, "{id}");
    }
    // The damaged file is kept as it was, beside the new one.
    let aside = others(dir.path());
    assert_eq!(aside.len(), 1);
    assert!(message.contains(&aside[0]));
    assert_eq!(fs::read(dir.path().join(&aside[0])).unwrap(), damaged);
    // What was read is saved again.
    assert!(store.save_if_dirty(&mut restored.state).unwrap());
    let again = store.load();
    assert!(again.problem.is_none());
    assert_eq!(entries(&again.state), entries(&restored.state));
    assert_eq!(others(dir.path()), aside);
}

#[test]
fn a_file_that_is_not_text_keeps_its_other_lines() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    let mut state = ReadingState::new();
    for i in 0..40 {
        state.toggle_star(&format!("https://gazette.example/{i:02}"));
    }
    store.save(&mut state).unwrap();
    let mut bytes = fs::read(store.file()).unwrap();
    // The id of the last line before the 32nd, written whole.
    let at = memchr_line(&bytes, 33) + 8;
    bytes[at] = 0xfe;
    fs::write(store.file(), &bytes).unwrap();
    let restored = store.load();
    let message = restored.problem.unwrap().to_string();
    assert!(message.contains("1 of its 40 entries"), "{message}");
    assert_eq!(restored.state.len(), 39);
    assert!(!restored.state.is_starred("https://gazette.example/31"));
    assert!(restored.state.is_starred("https://gazette.example/32"));
}

/// Where line `n` (from 0) of `bytes` starts.
fn memchr_line(bytes: &[u8], n: usize) -> usize {
    bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(n - 1)
        .unwrap()
        .0
        + 1
}

#[test]
fn a_file_damaged_while_byline_runs_is_set_aside_on_save() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    let (saved, damaged) = a_file_cut_short(&store);
    let mut mine = ReadingState::new();
    mine.toggle_star("mine");
    let outcome = store.save(&mut mine).unwrap();
    let message = outcome.problem.unwrap().to_string();
    assert!(
        message.contains("set aside as state.json.corrupt-"),
        "{message}"
    );
    assert_eq!(outcome.taken.len(), 48, "the readable entries, taken in");
    assert_eq!(mine.len(), 49);
    let restored = store.load();
    assert!(restored.problem.is_none());
    assert!(restored.state.is_starred("mine") && restored.state.is_starred("wire.jsonl#7"));
    assert_eq!(restored.state.len(), 49);
    assert!(saved.len() > 48, "two entries were in the damaged part");
    let aside = others(dir.path());
    assert_eq!(fs::read(dir.path().join(&aside[0])).unwrap(), damaged);
}

#[test]
fn a_file_from_a_newer_byline_found_on_save_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    let mut state = some_state();
    store.save(&mut state).unwrap();
    let future = "{\"format\":\"byline-state\",\"version\":9,\"articles\":{}}";
    fs::write(store.file(), future).unwrap();
    state.toggle_star("x");
    let err = store.save(&mut state).unwrap_err().to_string();
    assert!(err.contains("written by a newer byline"), "{err}");
    assert_eq!(fs::read_to_string(store.file()).unwrap(), future);
}

#[test]
fn two_stores_on_one_folder_keep_each_others_changes() {
    for a_first in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        let mut start = ReadingState::new();
        start.toggle_star("story-3");
        StateStore::new(dir.path()).save(&mut start).unwrap();
        let (store_a, store_b) = (StateStore::new(dir.path()), StateStore::new(dir.path()));
        let mut a = store_a.load().state;
        let mut b = store_b.load().state;
        a.toggle_star("story-1");
        a.open("story-1");
        b.open("story-2");
        b.toggle_star("story-3");
        let (first, second) = if a_first {
            ((&store_a, &mut a), (&store_b, &mut b))
        } else {
            ((&store_b, &mut b), (&store_a, &mut a))
        };
        let taken_first = first.0.save(first.1).unwrap().taken;
        assert!(taken_first.is_blank(), "the file is as it was loaded");
        let taken = second.0.save(second.1).unwrap().taken;
        if a_first {
            assert!(taken.is_starred("story-1") && taken.len() == 1, "{taken:?}");
        } else {
            assert!(
                taken.is_read("story-2", None) && taken.len() == 1,
                "{taken:?}"
            );
        }
        for state in [&store_a.load().state, &*second.1] {
            assert!(state.is_starred("story-1") && state.is_read("story-1", None));
            assert!(state.is_read("story-2", None));
            assert!(!state.is_starred("story-3"), "b's unstar stands");
        }
        // The second's last open story is the file's.
        let open = if a_first { "story-2" } else { "story-1" };
        assert_eq!(store_a.load().state.last_open(), Some(open));
        // The first takes the second's changes in on its next save, and
        // undo still takes back its own.
        first.0.save(first.1).unwrap();
        assert!(first.1.is_read("story-2", None) && first.1.is_starred("story-1"));
        a.undo();
        a.undo();
        assert!(!a.is_starred("story-1") && !a.is_read("story-1", None));
        store_a.save(&mut a).unwrap();
        let file = store_b.load().state;
        assert!(!file.is_starred("story-1") && file.is_read("story-2", None));
    }
}

#[test]
fn threads_saving_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let workers: Vec<_> = ["a", "b", "c"]
        .into_iter()
        .map(|tag| {
            let dir = dir.path().to_owned();
            thread::spawn(move || {
                let store = StateStore::new(dir);
                let mut state = store.load().state;
                for i in 0..40 {
                    change(&mut state, tag, i);
                    store.save(&mut state).unwrap();
                }
            })
        })
        .collect();
    for worker in workers {
        worker.join().unwrap();
    }
    let state = StateStore::new(dir.path()).load().state;
    for tag in ["a", "b", "c"] {
        assert_eq!(saved_of(&state, tag), 40, "{tag}");
    }
}

/// The `i`th change a saver tagged `tag` makes: story `tag-i` read, every
/// third one starred.
fn change(state: &mut ReadingState, tag: &str, i: usize) {
    let id = format!("{tag}-{i}");
    state.set_read(&id, true);
    if i.is_multiple_of(3) {
        state.toggle_star(&id);
    }
}

/// How many of a saver's changes the state has, checking that they are
/// its first ones, whole.
fn saved_of(state: &ReadingState, tag: &str) -> usize {
    let n = (0..100_000)
        .take_while(|i| state.is_read(&format!("{tag}-{i}"), None))
        .count();
    for i in 0..n {
        assert_eq!(state.is_starred(&format!("{tag}-{i}")), i.is_multiple_of(3));
    }
    let prefix = format!("{tag}-");
    let all = state
        .iter()
        .filter(|(id, _)| id.starts_with(&prefix))
        .count();
    assert_eq!(all, n, "{tag}: changes saved in order, none missing");
    n
}

/// Not a test on its own: the saver the process tests below start, as a
/// process of its own (this test binary again, with `BYLINE_STATE_CHILD`
/// set to the state's folder). It makes `BYLINE_STATE_COUNT` changes (for
/// ever if 0) tagged `BYLINE_STATE_TAG`, saving after each, and says
/// `BYLINE-SAVED` after its first save.
#[test]
fn child_saver() {
    let Ok(dir) = std::env::var("BYLINE_STATE_CHILD") else {
        return;
    };
    let tag = std::env::var("BYLINE_STATE_TAG").unwrap();
    let count: usize = std::env::var("BYLINE_STATE_COUNT")
        .unwrap()
        .parse()
        .unwrap();
    let store = StateStore::new(dir);
    let restored = store.load();
    assert!(restored.problem.is_none(), "{:?}", restored.problem);
    let mut state = restored.state;
    for i in 0.. {
        if i == count && count > 0 {
            break;
        }
        change(&mut state, &tag, i);
        store.save(&mut state).unwrap();
        if i == 0 {
            println!("BYLINE-SAVED");
        }
    }
}

fn spawn_saver(dir: &Path, tag: &str, count: usize) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "state_store::child_saver",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("BYLINE_STATE_CHILD", dir)
        .env("BYLINE_STATE_TAG", tag)
        .env("BYLINE_STATE_COUNT", count.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn two_processes_saving_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let savers = [
        spawn_saver(dir.path(), "a", 60),
        spawn_saver(dir.path(), "b", 60),
    ];
    for saver in savers {
        assert!(saver.wait_with_output().unwrap().status.success());
    }
    let restored = StateStore::new(dir.path()).load();
    assert!(restored.problem.is_none());
    assert_eq!(saved_of(&restored.state, "a"), 60);
    assert_eq!(saved_of(&restored.state, "b"), 60);
}

/// 40 savers killed (`kill -9`) at some moment of their saving: after each,
/// the file is whole, and every change saved before is in it.
#[test]
fn savers_killed_in_the_middle_never_spoil_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    let mut counts = Vec::new();
    for round in 0..40 {
        let tag = format!("r{round}");
        let mut saver = spawn_saver(dir.path(), &tag, 0);
        let mut out = BufReader::new(saver.stdout.take().unwrap());
        let mut line = String::new();
        while !line.contains("BYLINE-SAVED") {
            line.clear();
            assert!(out.read_line(&mut line).unwrap() > 0, "the saver stopped");
        }
        thread::sleep(Duration::from_micros(round * 7919 % 20_000));
        saver.kill().unwrap();
        saver.wait().unwrap();
        let decoded = codec::decode_bytes(&fs::read(store.file()).unwrap()).unwrap();
        assert!(decoded.is_whole(), "round {round}: {decoded:?}");
        for (earlier, &n) in counts.iter().enumerate() {
            assert_eq!(saved_of(&decoded.state, &format!("r{earlier}")), n);
        }
        let n = saved_of(&decoded.state, &tag);
        assert!(n >= 1, "round {round}");
        counts.push(n);
    }
    // A kill may leave a temporary file, never anything else.
    for name in others(dir.path()) {
        assert!(atomic::is_temp_of(&name, "state.json"), "{name}");
    }
    eprintln!("changes saved per saver before its kill: {counts:?}");
}
