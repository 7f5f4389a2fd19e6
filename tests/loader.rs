//! The loader against real files: every input shape, every alias path, and
//! every kind of bad input the reader must survive.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use byline::article::{Input, Loaded, Place, load};
use proptest::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, bytes).unwrap();
    path
}

fn load_path(path: &Path) -> Loaded {
    load(&[Input::Path(path.to_owned())])
}

fn titles(loaded: &Loaded) -> Vec<&str> {
    loaded.articles.iter().map(|a| a.title.as_str()).collect()
}

fn problems(loaded: &Loaded) -> Vec<String> {
    loaded.problems.iter().map(ToString::to_string).collect()
}

/// Loads `bad` next to a good file and checks that the good one still loads
/// and that exactly the expected problems name the bad file.
fn survives(name: &str, bad: impl AsRef<[u8]>) -> (Loaded, Vec<String>) {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a-good.json", r#"{"title": "Good one"}"#);
    let bad_path = write(dir.path(), name, bad);
    write(dir.path(), "z-good.json", r#"{"title": "Good two"}"#);
    let loaded = load_path(dir.path());
    let shown = problems(&loaded);
    assert!(!shown.is_empty(), "{name}: no problem reported");
    let bad_name = bad_path.display().to_string();
    for line in &shown {
        assert!(
            line.starts_with(&bad_name),
            "{line} does not name {bad_name}"
        );
        assert!(!line.contains('\n'), "problem is not one line: {line:?}");
    }
    assert_eq!(titles(&loaded).first(), Some(&"Good one"), "{name}");
    assert_eq!(titles(&loaded).last(), Some(&"Good two"), "{name}");
    (loaded, shown)
}

#[test]
fn one_object() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "one.json",
        r#"{"title": "Only", "body": ["a", "b"]}"#,
    );
    let loaded = load_path(&path);
    assert_eq!(titles(&loaded), ["Only"]);
    assert_eq!(loaded.articles[0].body, "a\n\nb");
    assert!(loaded.problems.is_empty());
    let id = &loaded.articles[0].id;
    assert!(
        id.ends_with("one.json") && Path::new(id).is_absolute(),
        "{id}"
    );
}

#[test]
fn an_array_with_derived_ids() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "many.json",
        r#"[{"title": "A", "id": "x"}, {"title": "B"}]"#,
    );
    let loaded = load_path(&path);
    assert_eq!(titles(&loaded), ["A", "B"]);
    assert_eq!(loaded.articles[0].id, "x");
    assert!(
        loaded.articles[1].id.ends_with("many.json#1"),
        "{}",
        loaded.articles[1].id
    );
    assert_eq!(loaded.articles[1].origin.place, Place::Index(1));
    // The same file read again gives the same ids.
    assert_eq!(load_path(&path).articles[1].id, loaded.articles[1].id);
}

#[test]
fn a_news_api_object() {
    let dir = TempDir::new().unwrap();
    let json = r#"{"status": "ok", "totalResults": 2, "articles": [
        {"source": {"id": null, "name": "Wire"}, "author": "Ann", "title": "A",
         "description": "Sub", "url": "https://x.test", "publishedAt": "2026-01-02T03:04:05Z",
         "content": "Text"},
        {"title": "B"}]}"#;
    let loaded = load_path(&write(dir.path(), "api.json", json));
    assert_eq!(titles(&loaded), ["A", "B"]);
    let a = &loaded.articles[0];
    assert_eq!(a.source.as_deref(), Some("Wire"));
    assert_eq!(a.subtitle.as_deref(), Some("Sub"));
    assert_eq!(a.body, "Text");
    assert_eq!(
        a.date().map(|d| d.to_string()).as_deref(),
        Some("2 Jan 2026")
    );
    assert!(loaded.problems.is_empty());
}

#[test]
fn an_article_with_an_articles_field_is_one_article() {
    let dir = TempDir::new().unwrap();
    let json = r#"{"title": "Main", "articles": [{"title": "Related"}]}"#;
    assert_eq!(
        titles(&load_path(&write(dir.path(), "a.json", json))),
        ["Main"]
    );
}

#[test]
fn json_lines_by_name_and_by_content() {
    let dir = TempDir::new().unwrap();
    let lines = "{\"title\": \"A\"}\n\n{\"title\": \"B\"}\n";
    for name in ["a.jsonl", "b.ndjson", "c.json", "d.txt"] {
        let loaded = load_path(&write(dir.path(), name, lines));
        assert_eq!(titles(&loaded), ["A", "B"], "{name}");
        assert_eq!(loaded.articles[1].origin.place, Place::Line(3));
        assert!(loaded.articles[1].id.ends_with(&format!("{name}#3")));
    }
}

#[test]
fn a_folder_is_walked_recursively_in_order() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "b.json", r#"{"title": "B"}"#);
    write(dir.path(), "a/z.jsonl", "{\"title\": \"AZ\"}\n");
    write(dir.path(), "a/deeper/y.ndjson", "{\"title\": \"ADY\"}\n");
    write(dir.path(), "notes.txt", "not an article");
    write(dir.path(), "README.md", "# no");
    write(dir.path(), ".hidden/x.json", r#"{"title": "hidden"}"#);
    let loaded = load_path(dir.path());
    assert_eq!(titles(&loaded), ["ADY", "AZ", "B"]);
    assert!(loaded.problems.is_empty(), "{:?}", problems(&loaded));
}

#[test]
fn missing_paths_and_empty_folders_are_problems() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("nope.json");
    let shown = problems(&load_path(&missing));
    assert_eq!(
        shown,
        [format!("{}: no such file or folder", missing.display())]
    );
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    let shown = problems(&load_path(&empty));
    assert_eq!(
        shown,
        [format!(
            "{}: no .json, .jsonl or .ndjson files in this folder",
            empty.display()
        )]
    );
}

#[test]
fn a_truncated_file() {
    let (_, shown) = survives("t.json", r#"{"title": "Cut", "body": "It was the"#);
    assert!(
        shown[0].ends_with("truncated: the JSON ends early (line 1)"),
        "{shown:?}"
    );
}

#[test]
fn a_truncated_array_keeps_the_articles_before_the_cut() {
    let (loaded, shown) = survives("t.json", r#"[{"title": "Whole"}, {"title": "Cu"#);
    assert_eq!(titles(&loaded), ["Good one", "Whole", "Good two"]);
    assert!(
        shown[0].contains("truncated") && shown[0].ends_with("the article before it was loaded"),
        "{shown:?}"
    );
}

#[test]
fn an_empty_file() {
    let (_, shown) = survives("e.json", "");
    assert!(shown[0].ends_with(": empty file"), "{shown:?}");
    survives("blank.json", "  \n\n");
}

#[test]
fn html_instead_of_json() {
    let (_, shown) = survives("page.json", "<!DOCTYPE html><html><body>403</body></html>");
    assert!(
        shown[0].ends_with("not JSON: it looks like HTML or XML"),
        "{shown:?}"
    );
    let (_, shown) = survives("plain.json", "Hello there");
    assert!(
        shown[0].ends_with("not JSON: it starts with \u{201c}Hello there\u{201d}"),
        "{shown:?}"
    );
}

#[test]
fn invalid_utf8_bytes() {
    let (loaded, shown) = survives("latin1.json", b"{\"title\": \"Caf\xe9 owners protest\"}");
    assert!(
        shown[0].contains("not valid UTF-8 (first bad byte at offset 14)"),
        "{shown:?}"
    );
    // The article is still readable, with the bad byte marked.
    assert!(titles(&loaded).contains(&"Caf\u{fffd} owners protest"));
}

#[test]
fn wrong_types() {
    let (_, shown) = survives("n.json", r#"{"title": 12}"#);
    assert!(
        shown[0].ends_with(": \"title\" is a number, expected a string"),
        "{shown:?}"
    );
    let (_, shown) = survives("o.json", r#"{"title": "T", "body": {"text": "x"}}"#);
    assert!(shown[0].ends_with("\"body\" is an object, expected a string or an array of strings"));
}

#[test]
fn an_array_with_one_record_that_is_no_article() {
    let json = r#"[{"title": "First"}, {"url": "https://x.test/a"}, {"title": "Third"}]"#;
    let (loaded, shown) = survives("arr.json", json);
    assert_eq!(titles(&loaded), ["Good one", "First", "Third", "Good two"]);
    assert_eq!(shown.len(), 1);
    assert!(
        shown[0].ends_with("arr.json [article 1]: no \"title\" and no body"),
        "{shown:?}"
    );
}

#[test]
fn json_lines_with_a_broken_line() {
    let lines = "{\"title\": \"L1\"}\n{\"title\": \"L2\", oops}\n{\"title\": \"L3\"}\n";
    let (loaded, shown) = survives("feed.jsonl", lines);
    assert_eq!(titles(&loaded), ["Good one", "L1", "L3", "Good two"]);
    assert_eq!(shown.len(), 1);
    assert!(
        shown[0].contains("feed.jsonl:2: not valid JSON at line 1, column 17"),
        "{shown:?}"
    );
}

#[test]
fn json_nested_100000_deep() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let (_, shown) = survives("deep.json", &deep);
    assert!(
        shown[0].ends_with("deep.json [article 0]: expected an article object, found an array")
    );
    // Deep in a field byline reads: the article is refused, with a reason.
    let body = format!(
        "{{\"title\": \"T\", \"body\": {}1{}}}",
        "{\"a\":".repeat(100_000),
        "}".repeat(100_000)
    );
    let (_, shown) = survives("deep-body.json", &body);
    assert!(shown[0].contains("nested too deeply"), "{shown:?}");
    // Deep in a field it skips: the article loads.
    let dir = TempDir::new().unwrap();
    let skipped = body.replace("\"body\"", "\"extra\"");
    let loaded = load_path(&write(dir.path(), "deep-extra.json", skipped));
    assert_eq!((titles(&loaded), loaded.problems.len()), (vec!["T"], 0));
}

#[test]
fn a_3mb_paragraph_without_spaces() {
    let dir = TempDir::new().unwrap();
    let word = "x".repeat(3 << 20);
    let path = write(
        dir.path(),
        "long.json",
        format!(r#"{{"title": "Long", "body": "{word}"}}"#),
    );
    let loaded = load_path(&path);
    assert_eq!(loaded.articles[0].body.len(), 3 << 20);
    assert!(loaded.problems.is_empty());
}

#[test]
fn an_article_of_20000_paragraphs() {
    let dir = TempDir::new().unwrap();
    let paragraphs: Vec<String> = (0..20_000).map(|i| format!("Paragraph {i}.")).collect();
    let json = serde_json::json!({"title": "Many", "body": paragraphs}).to_string();
    let loaded = load_path(&write(dir.path(), "many.json", json));
    assert_eq!(
        byline::article::paragraphs(&loaded.articles[0].body).count(),
        20_000
    );
}

#[test]
fn nul_bytes() {
    // Escaped NULs are valid JSON and are cleaned away.
    let dir = TempDir::new().unwrap();
    let loaded = load_path(&write(
        dir.path(),
        "esc.json",
        r#"{"title": "A\u0000B", "body": "c\u0000d"}"#,
    ));
    assert_eq!(
        (
            loaded.articles[0].title.as_str(),
            loaded.articles[0].body.as_str()
        ),
        ("AB", "cd")
    );
    // Raw NULs are not.
    let (_, shown) = survives("raw.json", b"{\"title\": \"A\0B\"}");
    assert!(shown[0].contains("not valid JSON"), "{shown:?}");
    survives("zeros.json", [0u8; 64]);
}

#[test]
fn files_are_read_only_and_left_as_they_were() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "ro.json", r#"{"title": "Read me"}"#);
    let mut perms = fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(&path, perms).unwrap();
    let before = fs::metadata(&path).unwrap().modified().unwrap();
    assert_eq!(titles(&load_path(&path)), ["Read me"]);
    assert_eq!(fs::read(&path).unwrap(), br#"{"title": "Read me"}"#);
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), before);
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn bundled_text_inputs() {
    let input = Input::Text {
        name: "samples/x.json".into(),
        text: r#"[{"title": "S"}]"#.into(),
    };
    let loaded = load(&[input]);
    assert_eq!(loaded.articles[0].id, "samples/x.json#0");
    assert_eq!(&*loaded.articles[0].origin.file, "samples/x.json");
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let dir = TempDir::new().unwrap();
    let loaded = load_path(&write(dir.path(), "bom.json", "\u{feff}{\"title\": \"B\"}"));
    assert_eq!(titles(&loaded), ["B"]);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_never_panic_and_problems_name_the_file(
        bytes in prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..200),
            "[\\[\\]{}\":, a-z0-9\n]{0,120}".prop_map(String::into_bytes),
            "\\{\"title\": \"[^\"]{0,20}\"(, \"body\": [\\[\\]{}\":, a-z0-9\\\\]{0,40})?\\}\n{0,2}".prop_map(String::into_bytes),
        ],
        name in prop_oneof![Just("f.json"), Just("f.jsonl")],
    ) {
        let dir = TempDir::new().unwrap();
        let path = write(dir.path(), name, &bytes);
        let loaded = load_path(&path);
        let shown = path.display().to_string();
        for problem in &loaded.problems {
            prop_assert_eq!(&*problem.file, shown.as_str());
            prop_assert!(!problem.to_string().contains('\n'));
        }
        for article in &loaded.articles {
            prop_assert!(article.title.chars().all(|c| !c.is_control()));
            prop_assert!(article.body.chars().all(|c| c == '\n' || !c.is_control()));
        }
    }
}
