//! The loader under load: thousands of files, and JSON Lines files large
//! enough to be streamed a piece at a time. Every article arrives exactly
//! once, in a stable order, and planted bad input is reported in place.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use byline::article::{Input, Loaded, Place, load, load_each};
use std::fmt::Write as _;
use std::fs;
use tempfile::TempDir;

fn article(n: usize) -> String {
    format!(
        r#"{{"id": "a{n:05}", "title": "Story {n}", "body": "Paragraph one of {n}.\n\nSaid \"quoted {n}\"."}}"#
    )
}

#[test]
fn a_folder_of_10000_articles_arrives_once_in_order() {
    let dir = TempDir::new().unwrap();
    for n in 0..10_000 {
        let sub = dir.path().join(format!("{:03}", n / 100));
        if n % 100 == 0 {
            fs::create_dir(&sub).unwrap();
        }
        fs::write(sub.join(format!("{n:05}.json")), article(n)).unwrap();
    }
    // Planted: a truncated file, HTML, and an empty file, among the good ones.
    fs::write(
        dir.path().join("013/bad-truncated.json"),
        r#"{"title": "Cut"#,
    )
    .unwrap();
    fs::write(dir.path().join("050/bad-html.json"), "<html></html>").unwrap();
    fs::write(dir.path().join("099/bad-empty.json"), "").unwrap();

    let mut batches = 0;
    let mut all = Loaded::default();
    load_each(&[Input::Path(dir.path().to_owned())], |batch| {
        batches += 1;
        all.articles.extend(batch.articles);
        all.problems.extend(batch.problems);
    });
    let ids: Vec<String> = all.articles.iter().map(|a| a.id.clone()).collect();
    let want: Vec<String> = (0..10_000).map(|n| format!("a{n:05}")).collect();
    assert_eq!(ids, want, "every article once, in path order");
    assert!(
        batches > 1,
        "articles arrive in several batches, not all at the end"
    );
    let mut bad: Vec<String> = all
        .problems
        .iter()
        .map(|p| p.file.rsplit('/').next().unwrap().to_owned())
        .collect();
    bad.sort();
    assert_eq!(
        bad,
        ["bad-empty.json", "bad-html.json", "bad-truncated.json"]
    );
    // The same folder loads the same way again.
    let again: Vec<String> = load(&[Input::Path(dir.path().to_owned())])
        .articles
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(again, want);
}

#[test]
fn a_large_json_lines_file_is_streamed_with_line_numbers_kept() {
    let dir = TempDir::new().unwrap();
    let mut text = String::new();
    let filler = "word ".repeat(400);
    let lines = 30_000;
    for n in 0..lines {
        if n == 12_345 {
            text.push_str("{\"title\": broken\n");
            continue;
        }
        writeln!(
            text,
            r#"{{"id": "l{n}", "title": "T{n}", "body": "{filler}"}}"#
        )
        .unwrap();
    }
    assert!(text.len() > 40 << 20, "large enough to be read in pieces");
    let path = dir.path().join("big.jsonl");
    fs::write(&path, &text).unwrap();

    let mut batches = 0;
    let mut all = Loaded::default();
    load_each(&[Input::Path(path)], |batch| {
        batches += 1;
        all.articles.extend(batch.articles);
        all.problems.extend(batch.problems);
    });
    assert!(batches > 5, "{batches} batches");
    assert_eq!(all.articles.len(), lines - 1);
    assert!(
        all.articles
            .iter()
            .enumerate()
            .all(|(i, a)| a.id == format!("l{}", if i < 12_345 { i } else { i + 1 }))
    );
    assert_eq!(all.problems.len(), 1);
    assert_eq!(all.problems[0].place, Place::Line(12_346));
    assert_eq!(
        all.articles.last().unwrap().origin.place,
        Place::Line(lines)
    );
}
