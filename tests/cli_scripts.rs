//! The commands as scripts use them: exit statuses that say whether
//! anything matched, speakers found by part of a name, `published` always
//! ISO 8601, and every JSON output carrying what a script needs (the
//! story's source and url, each person's role and kind).

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use crate::cli_support::{json_lines, stderr};
use serde_json::Value;
use std::fs;
use std::process::{Command, Output};
use tempfile::TempDir;

fn byline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        // No settings file of the machine's user.
        .env("XDG_CONFIG_HOME", env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

/// Three stories whose times are written three ways (RFC 2822, epoch
/// seconds, words byline cannot read) and one given as a date alone.
fn library() -> TempDir {
    let dir = TempDir::new().unwrap();
    fs::write(
        dir.path().join("nato.jsonl"),
        [
            r#"{"id": "n1", "title": "Allies pledge more air defence", "source": "Harbour Gazette",
                "url": "https://harbour.example/n1", "published": "Fri, 02 Jan 2026 10:30:00 +0100",
                "body": "NATO Secretary General Jens Stoltenberg spoke in Brussels. \"We will stand with Ukraine for as long as it takes,\" Stoltenberg said. \"Prices will fall,\" the Kremlin said."}"#,
            r#"{"id": "n2", "title": "Ministers meet in Oslo", "source": "Fjord Post",
                "published": 1767349800,
                "body": "\"The alliance is stronger than ever,\" said Jens Stoltenberg on Tuesday."}"#,
            r#"{"id": "n3", "title": "Undated note", "published": "some day",
                "body": "\"Nothing changes,\" said Hélène Lefèvre, the mayor of Geneva."}"#,
            r#"{"id": "n4", "title": "A date alone", "published": "2026-01-05",
                "body": "\"Rain at last,\" said John Smith, a farmer near Leeds."}"#,
        ]
        .map(|line| line.replace('\n', " "))
        .join("\n"),
    )
    .unwrap();
    dir
}

/// ISO 8601 as RFC 3339 writes it, or a date alone.
fn is_iso(text: &str) -> bool {
    let b = text.as_bytes();
    let date = b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    date && (b.len() == 10
        || (b.len() >= 19
            && b[10] == b'T'
            && (text.ends_with('Z') || text[19..].starts_with(['+', '-']))))
}

#[test]
fn a_speaker_who_is_not_there_is_exit_1_with_a_reason() {
    let dir = library();
    let path = dir.path().to_str().unwrap();
    let out = byline(&["quotes", "--speaker", "nobody", path]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("nobody in the library is called “nobody”"));
    let out = byline(&["quotes", "--speaker", "stoltenberg", path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn part_of_a_name_finds_the_speaker_case_and_accents_aside() {
    let dir = library();
    let path = dir.path().to_str().unwrap();
    let speakers = |name: &str| -> Vec<String> {
        let out = byline(&["quotes", "--json", "--speaker", name, path]);
        json_lines(&out)
            .iter()
            .map(|q| q["speaker"].as_str().unwrap().to_owned())
            .collect()
    };
    let stoltenberg = speakers("Jens Stoltenberg");
    assert_eq!(stoltenberg.len(), 2, "{stoltenberg:?}");
    for part in ["stolt", "STOLT", "tenberg", "jens", "jens stol"] {
        assert_eq!(speakers(part), stoltenberg, "{part}");
    }
    for part in ["lefev", "hélène", "HELENE LEF"] {
        assert_eq!(speakers(part), ["Hélène Lefèvre"], "{part}");
    }
    assert_eq!(speakers("kreml"), ["Kremlin"]);
    // A whole name is that speaker alone, not everyone with it in a name.
    assert_eq!(speakers("Smith"), ["John Smith"]);
}

#[test]
fn quote_lines_carry_source_url_role_and_an_iso_published() {
    let dir = library();
    let out = byline(&["quotes", "--json", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = json_lines(&out);
    let by_id = |id: &str| lines.iter().find(|l| l["id"] == id).unwrap();
    let n1 = by_id("n1");
    assert_eq!(n1["source"], "Harbour Gazette");
    assert_eq!(n1["url"], "https://harbour.example/n1");
    assert_eq!(n1["published"], "2026-01-02T10:30:00+01:00");
    assert_eq!(by_id("n2")["published"], "2026-01-02T10:30:00Z");
    assert_eq!(by_id("n2")["url"], Value::Null);
    assert_eq!(by_id("n3")["published"], Value::Null, "not a time");
    assert_eq!(by_id("n4")["published"], "2026-01-05");
    for line in &lines {
        assert!(line["published"].as_str().is_none_or(is_iso), "{line}");
    }
    let stoltenberg = lines
        .iter()
        .find(|l| l["speaker"] == "Jens Stoltenberg" && l["id"] == "n1")
        .unwrap();
    assert_eq!(stoltenberg["role"], "NATO Secretary General");
    assert_eq!(stoltenberg["kind"], "person");
}

#[test]
fn people_carry_their_role_and_kind() {
    let dir = library();
    let out = byline(&["people", "--json", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows = json_lines(&out);
    let row = |name: &str| rows.iter().find(|r| r["name"] == name).unwrap();
    let stoltenberg = row("Jens Stoltenberg");
    assert_eq!(stoltenberg["kind"], "person");
    // The newest story (n2) gives no role; the one before it does.
    assert_eq!(stoltenberg["role"], "NATO Secretary General");
    assert_eq!(row("Kremlin")["kind"], "organisation");
    assert_eq!(row("Kremlin")["role"], Value::Null);
    for row in &rows {
        assert!(
            row.get("role").is_some() && row.get("kind").is_some(),
            "{row}"
        );
    }

    let out = byline(&["extract", dir.path().to_str().unwrap()]);
    let records = json_lines(&out);
    let people = records[0]["people"].as_array().unwrap();
    let jens = people
        .iter()
        .find(|p| p["name"] == "Jens Stoltenberg")
        .unwrap();
    assert_eq!(jens["kind"], "person");
    assert_eq!(jens["role"], "NATO Secretary General");
}

#[test]
fn every_published_is_iso_8601_or_null() {
    let dir = library();
    let path = dir.path().to_str().unwrap();
    for id in ["n1", "n2", "n3", "n4"] {
        let out = byline(&["export", "--format", "json", id, path]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let exported: Value = serde_json::from_slice(&out.stdout).unwrap();
        let published = &exported["published"];
        assert!(published.as_str().is_none_or(is_iso), "{id}: {published}");
        if id == "n3" {
            assert_eq!(published, &Value::Null);
        }
    }
    let out = byline(&["extract", path]);
    for record in json_lines(&out) {
        assert!(record["published"].as_str().is_none_or(is_iso), "{record}");
    }
}

#[test]
fn config_check_of_a_file_that_is_not_there_is_exit_1() {
    let out = byline(&["config", "--check", "/nope"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(
        err.starts_with("byline: /nope: no such settings file"),
        "{err}"
    );
}
