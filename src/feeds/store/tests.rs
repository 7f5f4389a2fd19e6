use super::*;
use crate::feeds::story::Mark;

fn story(key: &str, hash: &str, published: &str) -> Story {
    Story {
        id: format!("id-{key}"),
        title: format!("Story {key}"),
        subtitle: None,
        body: format!("Body of {key}, version {hash}."),
        source: Some("Harbour Gazette".into()),
        authors: Vec::new(),
        published: Some(published.into()),
        url: None,
        images: Vec::new(),
        fetch: Mark {
            key: key.into(),
            hash: hash.into(),
            seen: "2026-01-01T00:00:00Z".into(),
            full_text: false,
        },
    }
}

const NOW: i64 = 1_767_225_600; // 2026-01-01

#[test]
fn merging_adds_updates_and_keeps() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feeds").join("a.jsonl");
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.len(), 0);
    let counts = store.merge(
        vec![
            story("a", "1", "2026-01-02T00:00:00Z"),
            story("b", "1", "2026-01-03T00:00:00Z"),
        ],
        0,
        NOW,
    );
    assert_eq!((counts.new, counts.changed, counts.unchanged), (2, 0, 0));
    store.save().unwrap();

    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.seen("a", "1"), Seen::Same);
    assert_eq!(store.seen("a", "2"), Seen::Changed);
    assert_eq!(store.seen("c", "1"), Seen::New);
    let mut changed = story("a", "2", "2026-01-02T00:00:00Z");
    changed.fetch.seen = "2026-02-01T00:00:00Z".into();
    let counts = store.merge(
        vec![changed, story("c", "1", "2026-01-04T00:00:00Z")],
        0,
        NOW,
    );
    assert_eq!((counts.new, counts.changed, counts.unchanged), (1, 1, 0));
    store.save().unwrap();

    let text = std::fs::read_to_string(&path).unwrap();
    let keys: Vec<String> = text
        .lines()
        .map(|l| serde_json::from_str::<Story>(l).unwrap().fetch.key)
        .collect();
    assert_eq!(
        keys,
        ["c", "b", "a"],
        "newest first, b kept though not listed"
    );
    let a = Store::open(&path).unwrap().get("a").cloned().unwrap();
    assert_eq!(a.body, "Body of a, version 2.");
    assert_eq!(a.fetch.seen, "2026-01-01T00:00:00Z", "first seen stays");
    let names: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().collect();
    assert_eq!(names.len(), 1, "no temporary file left");
}

#[test]
fn the_same_items_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.jsonl");
    let mut store = Store::open(&path).unwrap();
    store.merge(vec![story("a", "1", "2026-01-02T00:00:00Z")], 0, NOW);
    store.save().unwrap();
    let before = std::fs::metadata(&path).unwrap().modified().unwrap();
    let mut store = Store::open(&path).unwrap();
    let counts = store.merge(
        vec![
            story("a", "1", "2026-01-02T00:00:00Z"),
            story("a", "1", "x"),
        ],
        0,
        NOW,
    );
    assert_eq!((counts.new, counts.changed, counts.unchanged), (0, 0, 1));
    assert!(!store.dirty);
    store.save().unwrap();
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        before
    );
}

#[test]
fn keep_days_drops_old_stories_that_left_the_feed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.jsonl");
    let mut store = Store::open(&path).unwrap();
    let mut old = story("old", "1", "2025-01-01T00:00:00Z");
    old.fetch.seen = "2025-01-01T00:00:00Z".into();
    let mut listed_old = story("listed", "1", "2025-01-02T00:00:00Z");
    listed_old.fetch.seen = "2025-01-01T00:00:00Z".into();
    store.merge(
        vec![
            old,
            listed_old.clone(),
            story("new", "1", "2025-12-31T00:00:00Z"),
        ],
        0,
        NOW,
    );
    let counts = store.merge(vec![listed_old], 30, NOW);
    assert_eq!(counts.dropped, 1);
    assert!(store.get("old").is_none());
    assert!(store.get("listed").is_some() && store.get("new").is_some());
}

#[test]
fn lines_it_cannot_read_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.jsonl");
    std::fs::write(&path, "{\"title\": \"written by hand\"}\nnot json\n").unwrap();
    let mut store = Store::open(&path).unwrap();
    store.merge(vec![story("a", "1", "2026-01-02T00:00:00Z")], 0, NOW);
    store.save().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(
        &lines[1..],
        ["{\"title\": \"written by hand\"}", "not json"]
    );
}

#[test]
fn a_feed_with_no_story_has_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.jsonl");
    let mut store = Store::open(&path).unwrap();
    store.merge(Vec::new(), 0, NOW);
    store.save().unwrap();
    assert!(!path.exists(), "the loader calls an empty file a problem");
    let mut old = story("old", "1", "2025-01-01T00:00:00Z");
    old.fetch.seen = "2025-01-01T00:00:00Z".into();
    store.merge(vec![old], 0, NOW);
    store.save().unwrap();
    assert!(path.exists());
    let mut store = Store::open(&path).unwrap();
    store.merge(Vec::new(), 30, NOW);
    store.save().unwrap();
    assert!(!path.exists(), "every story aged out");
}
