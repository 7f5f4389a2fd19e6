//! `byline extract` and `byline --help` as a user runs them.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use crate::cli_support::json_lines;
use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use tempfile::TempDir;

fn byline(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(pipe);
    child.wait_with_output().unwrap()
}

/// Every quote's offsets slice the body to its text.
fn check_offsets(record: &Value, body: &str) {
    for quote in record["quotes"].as_array().unwrap() {
        let (start, end) = (
            quote["start"].as_u64().unwrap(),
            quote["end"].as_u64().unwrap(),
        );
        let text = body
            .get(start as usize..end as usize)
            .expect("offsets on char boundaries");
        assert_eq!(text, quote["text"].as_str().unwrap());
    }
}

#[test]
fn extract_prints_one_valid_line_per_sample() {
    let out = byline(&["extract"], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
    let records = json_lines(&out);
    let loaded = byline::article::load(&byline::samples::inputs());
    assert_eq!(records.len(), loaded.articles.len());
    for (record, article) in records.iter().zip(&loaded.articles) {
        assert_eq!(record["id"], article.id.as_str());
        assert_eq!(record["title"], article.title.as_str());
        assert!(record["people"].is_array() && record["quotes"].is_array());
        check_offsets(record, &article.body);
    }
}

#[test]
fn extract_the_seed_article() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/seed-article.json");
    if !seed.exists() {
        eprintln!("skipped: {} is absent", seed.display());
        return;
    }
    let out = byline(&["extract", seed.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0));
    let records = json_lines(&out);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["id"], "seed-nato-zelensky-2023-10-11");
    let article = byline::article::load(&[byline::article::Input::Path(seed)])
        .articles
        .remove(0);
    check_offsets(&records[0], &article.body);
}

#[test]
fn extract_reads_standard_input() {
    let out = byline(
        &["extract", "-"],
        Some("{\"title\": \"One\"}\n{\"title\": \"Two\"}\n"),
    );
    assert_eq!(out.status.code(), Some(0));
    let titles: Vec<_> = json_lines(&out)
        .iter()
        .map(|r| r["title"].clone())
        .collect();
    assert_eq!(titles, ["One", "Two"]);
}

/// `producer | byline extract - | consumer`: each JSON Lines article's
/// line comes out while the producer is still writing.
#[test]
fn extract_streams_standard_input_line_by_line() {
    use std::io::{BufRead, BufReader};
    use std::sync::mpsc::channel;
    use std::time::Duration;
    let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let (line_out, lines) = channel();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    std::thread::spawn(move || {
        for line in stdout.lines() {
            let _ = line_out.send(line.unwrap());
        }
    });
    let wait = Duration::from_secs(10);
    let mut write = |title: &str| {
        writeln!(input, "{{\"title\": \"{title}\", \"body\": \"Text.\"}}").unwrap();
        input.flush().unwrap();
    };
    let read = || {
        let line = lines
            .recv_timeout(wait)
            .expect("a line while the input is open");
        serde_json::from_str::<Value>(&line).unwrap()["title"].clone()
    };
    // A first line alone could be one article object; the second says
    // the input is JSON Lines.
    write("One");
    write("Two");
    assert_eq!(read(), "One");
    assert_eq!(read(), "Two");
    write("Three");
    assert_eq!(read(), "Three");
    drop(input);
    assert_eq!(child.wait().unwrap().code(), Some(0));
}

#[test]
fn extract_with_bad_files_prints_the_good_and_exits_1() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("a.json"), r#"{"title": "Fine", "id": "a"}"#).unwrap();
    std::fs::write(dir.path().join("b.json"), "<html>").unwrap();
    std::fs::write(
        dir.path().join("c.jsonl"),
        "{\"title\": \"C1\"}\n{broken\n{\"title\": \"C3\"}\n",
    )
    .unwrap();
    let out = byline(&["extract", dir.path().to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let titles: Vec<_> = json_lines(&out)
        .iter()
        .map(|r| r["title"].clone())
        .collect();
    assert_eq!(titles, ["Fine", "C1", "C3"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines[0].contains("b.json: not JSON"), "{stderr}");
    assert!(lines[1].contains("c.jsonl:2: not valid JSON"), "{stderr}");
}

#[test]
fn extract_of_a_missing_file_exits_1() {
    let out = byline(&["extract", "/no/such/file.json"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "byline: /no/such/file.json: no such file or folder\n"
    );
}

#[test]
fn usage_errors_exit_2() {
    let out = byline(&["extract", "--no-such-flag"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn help_and_version() {
    let out = byline(&["--help"], None);
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(
        help.contains("extract") && help.contains("Usage: byline"),
        "{help}"
    );
    let out = byline(&["--version"], None);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("byline {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn escape_sequences_never_reach_the_output() {
    let json = r#"{"title": "Breaking\u001b]0;PWNED\u0007 news\u001b[2J", "body": "a\u001b[31mRED\u001b[0m \u009b31mX \u202eevil"}"#;
    let out = byline(&["extract", "-"], Some(json));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json_lines(&out)[0]["title"], "Breaking news");
    assert!(!out.stdout.contains(&0x1b));
}

#[test]
fn extract_lines_carry_each_storys_metadata() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("api.json");
    std::fs::write(
        &path,
        r#"{"status": "ok", "totalResults": 2, "articles": [
            {"source": {"id": null, "name": "Harbour Gazette"}, "author": "Ann Lee and Bo Chan",
             "title": "Pier rebuilt", "url": "https://harbour.example/pier",
             "publishedAt": "Fri, 02 Jan 2026 10:30:00 +0100",
             "content": "\"It took a year,\" said Mayor Teresa Okafor. \"We will open it in May,\" said Ma… [+352 chars]"},
            {"title": "Undated", "published": "some day"}
        ]}"#,
    )
    .unwrap();
    let out = byline(&["extract", path.to_str().unwrap()], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    let first = stdout.lines().next().unwrap();
    // The fields, in this order, before the analysis.
    let keys: Vec<&str> = [
        "id",
        "title",
        "source",
        "published",
        "authors",
        "url",
        "truncated",
        "people",
        "quotes",
    ]
    .into_iter()
    .collect();
    let mut at = 0;
    for key in keys {
        let found = first[at..]
            .find(&format!("\"{key}\":"))
            .unwrap_or_else(|| panic!("{key}: {first}"));
        at += found;
    }
    let records = json_lines(&out);
    let pier = &records[0];
    assert_eq!(pier["source"], "Harbour Gazette");
    assert_eq!(pier["published"], "2026-01-02T10:30:00+01:00");
    assert_eq!(pier["authors"], serde_json::json!(["Ann Lee", "Bo Chan"]));
    assert_eq!(pier["url"], "https://harbour.example/pier");
    assert_eq!(pier["truncated"], true);
    // No quote and no speaker from the sentence the cut broke off.
    let quotes = pier["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0]["speaker"], "Teresa Okafor");
    let undated = &records[1];
    assert_eq!(
        undated["published"],
        Value::Null,
        "not a time byline can read"
    );
    assert_eq!(
        (&undated["source"], &undated["url"]),
        (&Value::Null, &Value::Null)
    );
    assert_eq!(
        (&undated["authors"], &undated["truncated"]),
        (&serde_json::json!([]), &Value::Bool(false))
    );
}

#[test]
fn a_wrong_path_or_a_misspelt_command_is_an_error_before_the_screen() {
    let dir = TempDir::new().unwrap();
    let empty = dir.path().join("empty.json");
    std::fs::write(&empty, "").unwrap();
    let out = byline(&["quote"], None);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim_end(),
        "byline: quote: no such file or folder; did you mean `byline quotes`?"
    );
    let out = byline(&[empty.to_str().unwrap(), "/no/such/path"], None);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("empty.json: empty file"), "{err}");
    assert!(
        err.contains("/no/such/path: no such file or folder"),
        "{err}"
    );
}
