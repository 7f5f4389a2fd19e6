//! Watching a folder: files added, changed, moved in and deleted arrive as
//! events, read the way the loader reads them; files it would skip do not.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use byline::article::watch::{Change, WatchEvent, Watcher};
use byline::article::{Input, Options, load};
use std::fs;
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// Far above the design's 0.7 s, so a busy machine does not fail the test;
/// the time taken is printed.
const PATIENCE: Duration = Duration::from_secs(5);

fn article(dir: &Path, name: &str, title: &str) {
    let json = serde_json::json!({"title": title, "body": "\"Yes,\" said Ann Lee."});
    // Written beside, then renamed in, as careful writers do; a plain write
    // is seen too (the change test below does one).
    let temp = dir.join(format!(".{name}.part"));
    fs::write(&temp, json.to_string()).unwrap();
    fs::rename(temp, dir.join(name)).unwrap();
}

fn next(events: &Receiver<WatchEvent>) -> (WatchEvent, Duration) {
    let start = Instant::now();
    let event = events.recv_timeout(PATIENCE).expect("an event in time");
    (event, start.elapsed())
}

fn loaded(event: WatchEvent) -> (String, Change, Vec<String>) {
    match event {
        WatchEvent::Loaded {
            file,
            change,
            loaded,
            ..
        } => {
            assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
            let titles = loaded.articles.iter().map(|a| a.title.clone()).collect();
            (file.to_string(), change, titles)
        }
        other => panic!("expected a loaded file, got {other:?}"),
    }
}

#[test]
fn a_watched_folder_reports_what_happens_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    fs::create_dir(&news).unwrap();
    article(&news, "a.json", "First");
    let (sender, events) = channel();
    let watcher = Watcher::start(std::slice::from_ref(&news), Options::default(), sender).unwrap();
    let name = |file: &str| news.join(file).display().to_string();

    // What the loader skips makes no event: the next one is the new file.
    fs::write(news.join("notes.txt"), "not an article").unwrap();
    fs::write(news.join(".hidden.json"), "{}").unwrap();
    article(&news, "b.json", "Second");
    let (event, took) = next(&events);
    eprintln!("a new file arrived after {took:?}");
    assert_eq!(
        loaded(event),
        (name("b.json"), Change::Added, vec!["Second".to_owned()])
    );

    // The ids are the loader's.
    let ids: Vec<String> = load(&[Input::Path(news.clone())])
        .articles
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert!(ids.iter().any(|id| id.ends_with("b.json")), "{ids:?}");

    // A file written in place, in pieces, is read once, whole.
    let json = serde_json::json!({"title": "First, revised", "body": "Text."}).to_string();
    let (head, tail) = json.split_at(json.len() / 2);
    fs::write(news.join("a.json"), head).unwrap();
    std::thread::sleep(Duration::from_millis(50));
    fs::write(news.join("a.json"), format!("{head}{tail}")).unwrap();
    let (event, took) = next(&events);
    eprintln!("a changed file arrived after {took:?}");
    assert_eq!(
        loaded(event),
        (
            name("a.json"),
            Change::Changed,
            vec!["First, revised".to_owned()]
        )
    );

    // A folder moved in brings its files.
    let outside = dir.path().join("sub");
    fs::create_dir(&outside).unwrap();
    article(&outside, "c.jsonl", "Third");
    fs::rename(&outside, news.join("sub")).unwrap();
    let (event, _) = next(&events);
    let sub_c = news.join("sub").join("c.jsonl").display().to_string();
    assert_eq!(
        loaded(event),
        (sub_c, Change::Added, vec!["Third".to_owned()])
    );

    // A deleted file is reported as gone.
    fs::remove_file(news.join("b.json")).unwrap();
    match next(&events).0 {
        WatchEvent::Removed { file, .. } => assert_eq!(file.as_ref(), name("b.json")),
        other => panic!("expected b.json removed, got {other:?}"),
    }

    drop(watcher);
    assert!(
        events.recv_timeout(Duration::from_millis(300)).is_err(),
        "nothing more, and the thread stops with the watcher"
    );
}

#[test]
fn a_file_opened_on_its_own_is_watched_through_replacements() {
    let dir = tempfile::tempdir().unwrap();
    article(dir.path(), "one.json", "Before");
    article(dir.path(), "other.json", "Not watched");
    let file = dir.path().join("one.json");
    let (sender, events) = channel();
    let _watcher = Watcher::start(std::slice::from_ref(&file), Options::default(), sender).unwrap();
    article(dir.path(), "other.json", "Still not watched");
    article(dir.path(), "one.json", "After");
    let (event, _) = next(&events);
    let expected = (
        file.display().to_string(),
        Change::Changed,
        vec!["After".to_owned()],
    );
    assert_eq!(loaded(event), expected);
}

#[test]
fn a_missing_path_is_reported_and_the_rest_watched() {
    let dir = tempfile::tempdir().unwrap();
    let (sender, events) = channel();
    let paths = [dir.path().join("missing"), dir.path().to_owned()];
    let _watcher = Watcher::start(&paths, Options::default(), sender).unwrap();
    match next(&events).0 {
        WatchEvent::Error(message) => {
            assert!(message.contains("missing: not watched"), "{message}");
        }
        other => panic!("expected an error, got {other:?}"),
    }
    article(dir.path(), "new.json", "New");
    assert_eq!(loaded(next(&events).0).1, Change::Added);
}

/// A link to a folder above, made while watching, is a second way to files
/// already read: no story comes twice. A file new to the library still
/// arrives.
#[test]
fn a_new_link_to_a_folder_above_brings_no_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    let inner = news.join("inner");
    fs::create_dir_all(&inner).unwrap();
    article(&news, "a.json", "First");
    article(&inner, "b.json", "Second");
    let (sender, events) = channel();
    let _watcher = Watcher::start(std::slice::from_ref(&news), Options::default(), sender).unwrap();
    std::os::unix::fs::symlink(&news, inner.join("loop")).unwrap();
    article(&news, "c.json", "Third");
    let (event, _) = next(&events);
    assert_eq!(loaded(event).2, ["Third"]);
    // Nothing else comes: not a.json or b.json again through the link.
    assert!(
        events.recv_timeout(Duration::from_secs(2)).is_err(),
        "a story came twice"
    );
}
