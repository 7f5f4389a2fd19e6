//! What installing byline takes beyond the binary: shell completions
//! (`byline completions SHELL`) and the manual pages (`byline man`), both
//! made from the command definitions, so they name every command.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use std::process::{Command, Output};

fn byline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// The commands `byline --help` lists (but `help`), read off its output so
/// that a command added later is checked too.
fn commands() -> Vec<String> {
    let help = stdout(&byline(&["--help"]));
    let names: Vec<String> = help
        .lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(ToOwned::to_owned)
        .collect();
    for name in [
        "extract",
        "quotes",
        "people",
        "config",
        "completions",
        "man",
    ] {
        assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
    }
    names
}

#[test]
fn completions_for_each_shell_name_every_command() {
    let commands = commands();
    for shell in ["bash", "zsh", "fish"] {
        let out = byline(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = stdout(&out);
        assert!(script.len() > 1000, "{shell}: {} bytes", script.len());
        for command in &commands {
            assert!(script.contains(command.as_str()), "{shell}: {command}");
        }
        // Options of a command too, not only the commands' names.
        assert!(script.contains("speaker"), "{shell}: quotes --speaker");
    }
    // bash reads the script without a syntax error.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("byline.bash");
    std::fs::write(&file, stdout(&byline(&["completions", "bash"]))).unwrap();
    if let Ok(check) = Command::new("bash").arg("-n").arg(&file).output() {
        assert!(
            check.status.success(),
            "{}",
            String::from_utf8_lossy(&check.stderr)
        );
    }
}

#[test]
fn a_shell_byline_does_not_know_is_a_usage_error() {
    let out = byline(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("possible values: bash"));
}

#[test]
fn the_manual_page_names_every_command() {
    let out = byline(&["man"]);
    assert_eq!(out.status.code(), Some(0));
    let page = stdout(&out);
    assert!(page.contains(".TH byline 1"), "{page}");
    assert!(page.contains(".SH SYNOPSIS") && page.contains(".SH DESCRIPTION"));
    for command in commands() {
        // roff writes a hyphen as `\-`.
        assert!(
            page.contains(&format!("byline\\-{command}(1)")),
            "{command} in the page"
        );
    }
}

#[test]
fn man_dir_writes_a_page_per_command() {
    let dir = tempfile::tempdir().unwrap();
    let man1 = dir.path().join("share/man/man1");
    let out = byline(&["man", "--dir", man1.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut pages = vec!["byline".to_owned()];
    pages.extend(commands().iter().map(|c| format!("byline-{c}")));
    pages.push("byline-feeds-add".to_owned());
    for page in pages {
        let text = std::fs::read_to_string(man1.join(format!("{page}.1")))
            .unwrap_or_else(|err| panic!("{page}.1: {err}"));
        assert!(text.starts_with(".ie") || text.contains(".TH"), "{page}");
        assert!(text.is_ascii(), "{page}.1: roff wants ASCII");
    }
    assert!(!man1.join("byline-help.1").exists(), "no page for `help`");
    // A folder that cannot be made is an error with a reason.
    let file = dir.path().join("a-file");
    std::fs::write(&file, "").unwrap();
    let out = byline(&["man", "--dir", file.join("man1").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot make"));
}
