//! `byline quotes` and `byline people` as a user runs them: on the bundled
//! samples, on small libraries written here, and on the seed article.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use crate::cli_support::{json_lines, stderr};
use serde_json::Value;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use tempfile::TempDir;

fn byline(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.as_bytes()).unwrap();
    drop(pipe);
    child.wait_with_output().unwrap()
}

/// Two files, three stories: Zelensky spelled three ways with one quote
/// carried by two of them (wire copy), and two Smiths who are not one.
fn small_library() -> TempDir {
    let dir = TempDir::new().unwrap();
    fs::write(
        dir.path().join("a.json"),
        r#"{"id": "kyiv-1", "title": "Zelensky vows to hold the line", "published": "2024-02-01",
            "body": ["\"We will not give up our land,\" Volodymyr Zelensky said on Monday in Kyiv.",
                     "\"Rain at last,\" said John Smith, a farmer near Leeds."]}"#,
    )
    .unwrap();
    fs::write(
        dir.path().join("b.jsonl"),
        concat!(
            r#"{"id": "wire-2", "title": "Ukraine leader speaks to reporters", "published": "2024-02-02", "body": "\"We will not give up our land,\" Volodimir Zelenski told reporters.\n\n\"Hospitals are ready,\" said Mary Smith, the health minister."}"#,
            "\n",
            r#"{"id": "wire-3", "title": "Winter warning from Kyiv", "published": "2024-02-03", "body": "\"Winter is coming, and we are ready,\" Zelensky said on Wednesday."}"#,
            "\n"
        ),
    )
    .unwrap();
    dir
}

fn path(dir: &TempDir) -> &str {
    dir.path().to_str().unwrap()
}

#[test]
fn quotes_on_the_samples_are_json_lines_in_library_order() {
    let out = byline(&["quotes"], "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stderr.is_empty());
    let lines = json_lines(&out);
    assert!(lines.len() > 50, "{} quotes", lines.len());
    let loaded = byline::article::load(&byline::samples::inputs());
    let position = |id: &str| loaded.articles.iter().position(|a| a.id == id).unwrap();
    let mut last = (0, 0);
    for line in &lines {
        let article = &loaded.articles[position(line["id"].as_str().unwrap())];
        let (start, end) = (
            line["start"].as_u64().unwrap(),
            line["end"].as_u64().unwrap(),
        );
        assert_eq!(&article.body[start as usize..end as usize], line["text"]);
        assert_eq!(line["title"], article.title.as_str());
        assert!(line["speaker"].as_str().is_some_and(|s| !s.is_empty()));
        let at = (position(&article.id), start);
        assert!(at > last, "library order: {at:?} after {last:?}");
        last = at;
    }
}

#[test]
fn a_speaker_is_found_by_any_form_of_the_name() {
    let by = |name: &str| json_lines(&byline(&["quotes", "--speaker", name], ""));
    let all = by("Hélène Lefèvre");
    assert!(all.len() >= 3);
    assert!(all.iter().all(|q| q["speaker"] == "Hélène Lefèvre"));
    for form in ["helene lefevre", "LEFÈVRE", "lefevre"] {
        assert_eq!(by(form), all, "{form}");
    }
    let nobody = byline(&["quotes", "--speaker", "Nobody Atall"], "");
    assert_eq!(nobody.status.code(), Some(1), "nothing matched");
    assert!(nobody.stdout.is_empty());
    assert!(stderr(&nobody).contains("Nobody Atall"));
}

#[test]
fn spellings_merge_wire_copies_show_once_and_namesakes_stay_apart() {
    let dir = small_library();
    let people = json_lines(&byline(&["people", "--json", path(&dir)], ""));
    let row = |name: &str| people.iter().find(|p| p["name"] == name).cloned();
    let zelensky = row("Volodymyr Zelensky").expect("one Zelensky");
    assert_eq!(
        (zelensky["quotes"].as_u64(), zelensky["stories"].as_u64()),
        (Some(2), Some(3))
    );
    assert_eq!(zelensky["latest"], "2024-02-03");
    assert_eq!(zelensky["kind"], "person");
    assert!(row("John Smith").is_some() && row("Mary Smith").is_some());
    assert_eq!(people.len(), 3, "{people:?}");

    let quotes = json_lines(&byline(
        &["quotes", "--speaker", "zelenski", path(&dir)],
        "",
    ));
    let shown: Vec<(&str, &str, u64)> = quotes
        .iter()
        .map(|q| {
            let (id, text) = (q["id"].as_str().unwrap(), q["text"].as_str().unwrap());
            (id, text, q["also_in"].as_u64().unwrap())
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("kyiv-1", "We will not give up our land,", 1),
            ("wire-3", "Winter is coming, and we are ready,", 0)
        ]
    );
}

#[test]
fn people_are_listed_most_quoted_first() {
    let out = byline(&["people"], "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows = json_lines(&out);
    assert!(rows.len() > 20);
    let counts: Vec<u64> = rows.iter().map(|r| r["quotes"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    assert!(rows.iter().all(|r| r["stories"].as_u64().unwrap() >= 1));
    let by_name = json_lines(&byline(&["people", "--sort", "name"], ""));
    assert_eq!(by_name.len(), rows.len());
    let named = |r: &Value| byline::index::fold(r["name"].as_str().unwrap());
    assert!(by_name.windows(2).all(|w| named(&w[0]) <= named(&w[1])));
}

#[test]
fn problems_exit_one_usage_exits_two_and_stdin_is_read() {
    let dir = small_library();
    fs::write(dir.path().join("broken.json"), r#"{"title": "Cut"#).unwrap();
    let out = byline(&["people", path(&dir)], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("broken.json"));
    assert_eq!(
        json_lines(&out).len(),
        3,
        "the good stories are still listed"
    );

    assert_eq!(
        byline(&["quotes", "--no-such-flag"], "").status.code(),
        Some(2)
    );
    assert_eq!(
        byline(&["people", "--sort", "height"], "").status.code(),
        Some(2)
    );

    let story = r#"{"title": "Piped", "body": "\"It works,\" said Ada Lovelace."}"#;
    let piped = byline(&["quotes", "-"], story);
    assert_eq!(piped.status.code(), Some(0), "{}", stderr(&piped));
    let lines = json_lines(&piped);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["speaker"], "Ada Lovelace");
    assert_eq!(lines[0]["text"], "It works,");
}

/// The seed article (`../shared/seed/`, which holds it twice: as JSON and
/// as JSON Lines) plus the bundled samples: one entry each for Jens
/// Stoltenberg and Volodymyr Zelensky, with the seed's 13 quotes between
/// them.
#[test]
fn the_seed_and_samples_list_stoltenberg_and_zelensky_once_each() {
    let seed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seed");
    if !seed.is_dir() {
        eprintln!("skipping: {} is absent", seed.display());
        return;
    }
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    let out = byline(
        &[
            "people",
            "--json",
            seed.to_str().unwrap(),
            samples.to_str().unwrap(),
        ],
        "",
    );
    // The seed folder also holds gold annotations, which are not articles.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("gold"));
    let rows = json_lines(&out);
    let named = |surname: &str| -> Vec<&Value> {
        rows.iter()
            .filter(|r| {
                std::iter::once(&r["name"])
                    .chain(r["aliases"].as_array().unwrap())
                    .any(|form| form.as_str().unwrap().contains(surname))
            })
            .collect()
    };
    let stoltenberg = named("Stoltenberg");
    let zelensky = named("Zelensk");
    assert_eq!(stoltenberg.len(), 1, "{stoltenberg:?}");
    assert_eq!(zelensky.len(), 1, "{zelensky:?}");
    assert_eq!(stoltenberg[0]["quotes"], 5);
    assert_eq!(zelensky[0]["quotes"], 8);
    assert_eq!(
        stoltenberg[0]["stories"], 1,
        "the same story id twice is one story"
    );
    assert!(stoltenberg[0]["name"].as_str().unwrap().contains("Jens"));
    assert!(zelensky[0]["name"].as_str().unwrap().starts_with("Volod"));
}
