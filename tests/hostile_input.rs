//! Inputs a tester, an attacker or a mistake brings: devices and FIFOs
//! with article names, endless streams, huge lines and files, deep and
//! looping folders, duplicate keys, closed pipes, escape sequences in a
//! settings file. Each must end soon, with a problem line, and nothing
//! else lost.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// Long enough for a loaded 2-core machine; these inputs used to hang.
const LIMIT: Duration = Duration::from_secs(120);

/// `byline ARGS` with its own settings folder (`config.toml` holding
/// `settings`), stdin closed unless `stdin` is given.
fn byline(args: &[&str], settings: &str) -> (Child, TempDir) {
    let home = TempDir::new().unwrap();
    let config = home.path().join("byline");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), settings).unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .env("XDG_CONFIG_HOME", home.path())
        .env("XDG_STATE_HOME", home.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    (child, home)
}

/// Waits for the child, failing the test (and killing it) past [`LIMIT`].
fn finish(mut child: Child) -> Output {
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > LIMIT {
            let _ = child.kill();
            panic!("byline did not finish in {LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn run(args: &[&str], settings: &str) -> Output {
    let (mut child, _home) = byline(args, settings);
    drop(child.stdin.take());
    finish(child)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn titles(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["title"].to_string())
        .collect()
}

fn folder_with_good_files() -> TempDir {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("a.json"), r#"{"title": "A"}"#).unwrap();
    std::fs::write(dir.path().join("z.json"), r#"{"title": "Z"}"#).unwrap();
    dir
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn a_fifo_in_a_folder_is_a_problem_not_a_hang() {
    let dir = folder_with_good_files();
    let fifo = dir.path().join("m.json");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let out = run(&["extract", path(dir.path())], "");
    assert_eq!(titles(&out), ["\"A\"", "\"Z\""]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("m.json: not a regular file (a FIFO)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_link_to_a_device_in_a_folder_is_a_problem() {
    let dir = folder_with_good_files();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("m.json")).unwrap();
    let out = run(&["extract", path(dir.path())], "");
    assert_eq!(titles(&out), ["\"A\"", "\"Z\""]);
    assert!(
        stderr(&out).contains("m.json: not a regular file (a device)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_device_named_on_its_own_is_read_no_further_than_it_takes_to_tell() {
    let out = run(&["extract", "/dev/zero"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("/dev/zero: not JSON"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_endless_line_on_standard_input_ends_the_reading() {
    let (mut child, _home) = byline(&["extract", "-"], "max_line_size = \"1 MiB\"\n");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(b"{\"title\": \"First\"}\n{\"title\": \"Second\"}\n");
        let zeros = vec![0u8; 1 << 16];
        // Endless, until byline stops reading (a broken pipe).
        while stdin.write_all(&zeros).is_ok() {}
    });
    let out = finish(child);
    writer.join().unwrap();
    assert_eq!(titles(&out), ["\"First\"", "\"Second\""]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(
            "stdin: line 3 is longer than 1 MiB (max_line_size in the settings); \
             the rest of the input was not read"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_line_longer_than_the_cap_is_skipped_and_the_rest_read() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("wire.jsonl");
    let long = format!(r#"{{"title": "Long", "body": "{}"}}"#, "x".repeat(4096));
    std::fs::write(
        &file,
        format!("{{\"title\": \"One\"}}\n{long}\n{{\"title\": \"Three\"}}\n"),
    )
    .unwrap();
    let out = run(&["extract", path(&file)], "max_line_size = \"2 KiB\"\n");
    assert_eq!(titles(&out), ["\"One\"", "\"Three\""]);
    assert!(
        stderr(&out).contains(
            "wire.jsonl: line 2 is longer than 2 KiB (max_line_size in the settings); it was skipped"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_file_larger_than_the_cap_is_a_problem_unless_it_is_json_lines() {
    let dir = TempDir::new().unwrap();
    let big: Vec<String> = (0..200)
        .map(|i| format!(r#"{{"title": "T{i}", "body": "Some words."}}"#))
        .collect();
    std::fs::write(
        dir.path().join("array.json"),
        format!("[{}]", big.join(",")),
    )
    .unwrap();
    std::fs::write(dir.path().join("lines.jsonl"), big.join("\n")).unwrap();
    let out = run(
        &["extract", path(dir.path())],
        "max_file_size = \"2 KiB\"\n",
    );
    assert_eq!(titles(&out).len(), 200, "JSON Lines are read at any size");
    assert!(
        stderr(&out).contains("array.json: this file is larger than 2 KiB and is not read"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn deep_folders_stop_at_the_depth_limit_and_say_so() {
    let dir = TempDir::new().unwrap();
    let mut deep: PathBuf = dir.path().to_owned();
    for level in 0..300 {
        deep.push("d");
        if level == 4 {
            std::fs::create_dir_all(&deep).unwrap();
            std::fs::write(deep.join("near.json"), r#"{"title": "Near"}"#).unwrap();
        }
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("far.json"), r#"{"title": "Far"}"#).unwrap();
    let start = Instant::now();
    let out = run(&["extract", path(dir.path())], "max_folder_depth = 20\n");
    assert!(start.elapsed() < LIMIT);
    assert_eq!(titles(&out), ["\"Near\""]);
    assert!(
        stderr(&out).contains("folders deeper than 20 levels are not read (max_folder_depth"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_link_back_up_the_tree_is_walked_once() {
    let dir = folder_with_good_files();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("s.json"), r#"{"title": "S"}"#).unwrap();
    std::os::unix::fs::symlink(dir.path(), sub.join("up")).unwrap();
    std::os::unix::fs::symlink(&sub, dir.path().join("again")).unwrap();
    let out = run(&["extract", path(dir.path())], "");
    assert_eq!(titles(&out), ["\"A\"", "\"S\"", "\"Z\""]);
}

#[test]
fn a_repeated_key_keeps_its_last_value_and_large_ids_their_digits() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("a.jsonl");
    std::fs::write(
        &file,
        "{\"id\": 12345678901234567890123, \"title\": \"Old\", \"title\": \"New\"}\n\
         {\"id\": 12345678901234567890124, \"title\": \"Next\"}\n",
    )
    .unwrap();
    let out = run(&["extract", path(&file)], "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let records: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records[0]["title"], "New");
    assert_eq!(records[0]["id"], "12345678901234567890123");
    assert_eq!(records[1]["id"], "12345678901234567890124");
}

#[test]
fn a_closed_standard_error_is_no_panic() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("bad.jsonl");
    let mut lines = String::from("{\"title\": \"Good\"}\n");
    for _ in 0..2000 {
        lines.push_str("not json\n");
    }
    std::fs::write(&file, lines).unwrap();
    let (mut child, _home) = byline(&["extract", path(&file)], "");
    drop(child.stdin.take());
    // The reading end goes away before byline writes its problems.
    drop(child.stderr.take());
    let mut stdout = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1), "problems, not a panic (101)");
    assert!(stdout.contains("Good"));
}

#[test]
fn checking_a_settings_file_never_writes_its_escape_sequences() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("evil\u{1b}]0;name\u{7}.toml");
    std::fs::write(
        &file,
        "\"\u{1b}]0;pwned\u{7}\u{1b}]52;c;cHduZWQ=\u{7}\u{202e}\" = 1\ntheme = \"\u{1b}[2J\"\n",
    )
    .unwrap();
    let out = run(&["config", "--check", path(&file)], "");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("unknown setting"), "{text}");
    assert!(
        !text.contains(['\u{1b}', '\u{7}', '\u{202e}']),
        "escape sequences reached the terminal: {text:?}"
    );
}
