//! newsboat's `cache.db` and russ's `feeds.db` as libraries: built here
//! with each tool's own schema statements (`tests/fixtures/caches/*.sql`,
//! read from their sources), then opened by name.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use byline::analyse_article;
use byline::article::{Article, Input, Loaded, load};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tempfile::TempDir;

fn build(dir: &Path, name: &str, sql: &str) -> PathBuf {
    let path = dir.join(name);
    let script = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/caches")
            .join(sql),
    )
    .unwrap();
    let db = rusqlite::Connection::open(&path).unwrap();
    db.execute_batch(&script).unwrap();
    drop(db);
    path
}

fn open(path: &Path) -> Loaded {
    load(&[Input::Path(path.to_owned())])
}

fn titles(loaded: &Loaded) -> Vec<&str> {
    loaded.articles.iter().map(|a| a.title.as_str()).collect()
}

fn speakers(article: &Article) -> Vec<(String, String)> {
    analyse_article(article)
        .quotes
        .iter()
        .map(|q| {
            let speaker = q.speaker.clone().unwrap_or_default();
            (speaker, q.span.text(&article.body).to_owned())
        })
        .collect()
}

/// Every file in `dir` with its bytes: nothing may be written or added.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_newsboat_cache_opens_as_a_library() {
    let dir = TempDir::new().unwrap();
    let path = build(dir.path(), "cache.db", "newsboat.sql");
    let before = snapshot(dir.path());
    let loaded = open(&path);
    assert_eq!(snapshot(dir.path()), before, "the cache is never written");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    // Newest first, as newsboat lists them; the deleted item is left out.
    assert_eq!(
        titles(&loaded),
        [
            "Temporary ferry timetable for Marrow Holm",
            "Council approves library budget after late-night vote",
            "Storm leaves Kettle Point pier in pieces",
        ]
    );
    let [ferry, council, storm] = &loaded.articles[..] else {
        panic!()
    };
    assert_eq!(ferry.source.as_deref(), Some("The Harbour Gazette"));
    assert_eq!(council.source.as_deref(), Some("Valley Ledger: Town Hall"));
    assert_eq!(ferry.authors, ["Dmitri Szabo"]);
    assert_eq!(ferry.published.as_deref(), Some("2024-03-14T06:30:00Z"));
    assert_eq!(
        ferry.id,
        "https://harbourgazette.example/2024/03/ferry-timetable"
    );
    assert_eq!(
        ferry.url.as_deref(),
        Some("https://harbourgazette.example/2024/03/ferry-timetable")
    );
    assert_eq!((ferry.read, storm.read), (Some(false), Some(true)));
    assert!(
        storm.body.starts_with("Tuesday's storm tore away"),
        "{}",
        storm.body
    );
    assert!(!storm.body.contains('<'), "{}", storm.body);
    assert_eq!(storm.body.matches("\n\n").count(), 2, "three paragraphs");
    assert_eq!(
        speakers(storm),
        [
            (
                "Teresa Okafor".to_owned(),
                "We will rebuild the pier,".to_owned()
            ),
            (
                "Teresa Okafor".to_owned(),
                "Not next year. This year.".to_owned()
            ),
        ]
    );
    assert_eq!(speakers(council)[0].0, "Arnav Lindqvist");
}

#[test]
fn a_russ_database_opens_as_a_library() {
    let dir = TempDir::new().unwrap();
    let path = build(dir.path(), "feeds.db", "russ.sql");
    let before = snapshot(dir.path());
    let loaded = open(&path);
    assert_eq!(
        snapshot(dir.path()),
        before,
        "the database is never written"
    );
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.articles.len(), 4);
    let by_title = |t: &str| loaded.articles.iter().find(|a| a.title == t).unwrap();
    let storm = by_title("Storm leaves Kettle Point pier in pieces");
    assert_eq!(storm.read, Some(true));
    assert_eq!(storm.published.as_deref(), Some("2024-03-12T09:12:44Z"));
    assert_eq!(storm.source.as_deref(), Some("The Harbour Gazette"));
    assert_eq!(speakers(storm)[0].0, "Teresa Okafor");
    // The full text (content) is preferred to the teaser (description).
    let ferry = by_title("Temporary ferry timetable for Marrow Holm");
    assert_eq!(ferry.read, Some(false));
    assert!(ferry.body.contains("Lwazi Pemberton"), "{}", ferry.body);
    let bridge = by_title("Old mill bridge closed for repairs");
    assert_eq!(
        (bridge.published.as_deref(), bridge.authors.len()),
        (None, 0)
    );
    assert_eq!(bridge.source.as_deref(), Some("Valley Ledger: Town Hall"));
    assert_eq!(speakers(bridge)[0].0, "Hallie Brandt");
}

#[test]
fn a_locked_cache_is_one_problem_not_a_hang() {
    let dir = TempDir::new().unwrap();
    let path = build(dir.path(), "cache.db", "newsboat.sql");
    // A writer holding the lock, as newsboat does while it saves a reload.
    let writer = rusqlite::Connection::open(&path).unwrap();
    writer.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let started = Instant::now();
    let loaded = open(&path);
    assert!(started.elapsed() < Duration::from_secs(30));
    assert!(loaded.articles.is_empty());
    let shown: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(shown[0].contains("locked"), "{shown:?}");
    writer.execute_batch("ROLLBACK").unwrap();
    assert_eq!(
        open(&path).articles.len(),
        3,
        "readable once the writer is done"
    );
}

#[test]
fn other_sqlite_files_are_one_problem_each() {
    let dir = TempDir::new().unwrap();
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');")
        .unwrap();
    let damaged = dir.path().join("damaged.db");
    let mut bytes = std::fs::read(&other).unwrap();
    for b in &mut bytes[100..] {
        *b ^= 0x5a;
    }
    std::fs::write(&damaged, bytes).unwrap();
    let cases = [
        (&empty, "empty file"),
        (&other, "neither newsboat's cache nor russ's"),
        (&damaged, "damaged"),
    ];
    for (path, why) in cases {
        let loaded = open(path);
        let shown: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
        assert!(loaded.articles.is_empty(), "{path:?}");
        assert_eq!(shown.len(), 1, "{shown:?}");
        assert!(shown[0].contains(why), "{path:?}: {shown:?}");
    }
}
