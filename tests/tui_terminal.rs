//! End-to-end tests of the real `byline` binary in tmux (see
//! `tui_support`): the terminal is left as it was found, whatever the files
//! hold and however the reader ends; the browser and the clipboard. Skipped,
//! with a message, where tmux is not installed.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use crate::tui_support;

use std::fmt::Write as _;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};
use tui_support::{PROMPT, TIMEOUT, Tmux, have_tmux, position};

#[test]
fn escape_sequences_in_a_file_leave_the_title_and_screen_alone() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(100, 30);
    let title_before = tmux.format("#{pane_title}");
    let file = tmux.file(
        "evil.json",
        r#"{"title": "Evil \u001b]2;pwned\u0007 title \u001b]0;pwned\u001b\\", "source": "\u001b[31mRed\u001b[0m Wire", "body": "Line one \u001b[2J\u001b[H cleared? \u009b31m\n\nSecond \u001bP+q\u001b\\ paragraph."}"#,
    );
    tmux.byline(&[&file]);
    let screen = tmux.wait_for("the story", |s| s.contains("Evil"));
    assert_eq!(
        tmux.format("#{pane_title}"),
        title_before,
        "the pane title is untouched"
    );
    assert!(
        screen
            .lines()
            .next()
            .unwrap_or_default()
            .starts_with(" byline"),
        "the header is still at the top:\n{screen}"
    );
    assert!(
        screen.lines().nth(1).unwrap_or_default().starts_with("╭"),
        "the panels are intact:\n{screen}"
    );
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("the body", |s| s.contains("Second"));
    assert!(screen.contains("Line one"), "{screen}");
    assert!(
        screen
            .lines()
            .next()
            .unwrap_or_default()
            .starts_with(" byline"),
        "not cleared:\n{screen}"
    );
    assert_eq!(tmux.format("#{pane_title}"), title_before);
    tmux.keys(&["q"]);
    tmux.wait_for("the prompt", |s| s.contains("exit=0"));
    assert_eq!(tmux.format("#{pane_title}"), title_before);
}

#[test]
fn quitting_gives_the_shell_back() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(100, 30);
    tmux.byline(&[]);
    assert_eq!(tmux.format("#{alternate_on}"), "1");
    tmux.keys(&["q"]);
    // The shell prints the exit status, then its prompt: both must be on
    // screen before the lines after the status are read.
    let screen = tmux.wait_for("the prompt after the reader", |s| {
        s.contains("exit=0") && s.trim_end().ends_with(PROMPT.trim_end())
    });
    let after: Vec<&str> = screen
        .lines()
        .skip_while(|l| !l.contains("exit=0"))
        .collect();
    assert_eq!(
        after.get(1).map(|l| l.trim_end()),
        Some(PROMPT.trim_end()),
        "a fresh prompt:\n{screen}"
    );
    let state = tmux.format("#{alternate_on} #{cursor_flag} #{mouse_any_flag} #{mouse_button_flag} #{mouse_standard_flag}");
    assert_eq!(
        state, "0 1 0 0 0",
        "main screen, cursor shown, mouse released"
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(100, 30);
    tmux.byline(&[]);
    let pid = tmux.child_pid();
    assert!(!pid.is_empty(), "the reader runs under the shell");
    let killed = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(killed.success());
    tmux.wait_for("the prompt after SIGTERM", |s| {
        s.contains("exit=") && s.trim_end().ends_with(PROMPT.trim_end())
    });
    assert_eq!(
        tmux.format("#{alternate_on} #{cursor_flag} #{mouse_any_flag}"),
        "0 1 0"
    );
}

/// `kill -9` and an abort (what running out of memory does) leave no
/// chance to the reader itself: its guard puts the terminal back, modes
/// included, before the shell prints its prompt.
#[test]
fn a_killed_or_aborted_reader_leaves_the_terminal_as_it_was() {
    if !have_tmux() {
        return;
    }
    for signal in ["-KILL", "-ABRT"] {
        let tmux = Tmux::start(100, 30);
        tmux.byline(&[]);
        assert_eq!(tmux.format("#{alternate_on} #{mouse_any_flag}"), "1 1");
        // The shell's child is the guard; the reader is the guard's child.
        let guard = tmux.child_pid();
        let reader = std::fs::read_to_string(format!("/proc/{guard}/task/{guard}/children"))
            .unwrap_or_default()
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_owned();
        assert!(!reader.is_empty(), "the reader runs under its guard");
        let killed = Command::new("kill")
            .args([signal, &reader])
            .status()
            .unwrap();
        assert!(killed.success());
        tmux.wait_for("the prompt after the kill", |s| {
            s.contains("exit=") && s.trim_end().ends_with(PROMPT.trim_end())
        });
        let restored =
            |_: &str| tmux.format("#{alternate_on} #{cursor_flag} #{mouse_any_flag}") == "0 1 0";
        tmux.wait_for("the main screen, the cursor, no mouse", restored);
        let modes = tmux.dir.join("modes.txt");
        tmux.shell(&format!("stty -a > {}", modes.display()));
        tmux.wait_for("stty", |_| {
            std::fs::read_to_string(&modes).is_ok_and(|m| m.contains("echo"))
        });
        let modes = std::fs::read_to_string(&modes).unwrap();
        let on: Vec<&str> = modes.split_whitespace().collect();
        for mode in ["icanon", "echo", "isig", "icrnl", "opost"] {
            assert!(on.contains(&mode), "{signal}: {mode} is off: {modes}");
        }
    }
}

#[test]
fn o_opens_the_page_and_y_copies_a_quote() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(100, 30);
    tmux.run(&["set-option", "-g", "set-clipboard", "on"]);
    let opened = tmux.dir.join("opened.txt");
    let script = script(
        &tmux,
        "browser.sh",
        &format!("#!/bin/sh\necho \"$1\" > '{}'\n", opened.display()),
    );
    tmux.read_story(&format!("BROWSER={}", script.display()));
    tmux.keys(&["o"]);
    let screen = tmux.wait_for("the status", |s| {
        s.contains("Opening https://news.example/harbour")
    });
    assert!(
        screen.starts_with(" byline"),
        "the browser did not draw over the reader:\n{screen}"
    );
    let start = Instant::now();
    while std::fs::read_to_string(&opened).unwrap_or_default().trim()
        != "https://news.example/harbour"
    {
        assert!(
            start.elapsed() < TIMEOUT,
            "the browser was not started with the address"
        );
        sleep(Duration::from_millis(50));
    }
    tmux.keys(&["Enter", "]", "y"]);
    tmux.wait_for("the copy", |s| s.contains("Copied a quote by"));
    let copied = String::from_utf8_lossy(&tmux.run(&["show-buffer"]).stdout).into_owned();
    assert!(
        copied.contains("We cannot keep filling sandbags every winter"),
        "{copied}"
    );
    assert!(
        copied.contains("Lindqvist") && copied.contains("Harbour council approves flood barrier"),
        "{copied}"
    );
    assert!(
        copied.contains("Northshore Gazette") && copied.contains("14 Mar 2026"),
        "{copied}"
    );
}

/// A JSON Lines library of `n` stories, each a few paragraphs with quotes
/// by a handful of named people, so that the analysis has work to do.
fn library(n: usize) -> String {
    const PEOPLE: [&str; 4] = ["Mara Lindqvist", "Tomas Reyes", "Elin Berg", "Jonas Ek"];
    let mut text = String::with_capacity(n * 2200);
    for i in 0..n {
        let who = PEOPLE[i % PEOPLE.len()];
        let mut paragraphs = vec![format!(
            "The harbour council met for the {i}th time to argue about the gates, the tides and the budget."
        )];
        for p in 0..6 {
            paragraphs.push(format!(
                "\"We will finish gate number {p} before the storms come back,\" {who} said on Tuesday, and the chamber listened to the long list of costs."
            ));
        }
        let body = serde_json::to_string(&paragraphs.join("\n\n")).expect("a string is JSON");
        writeln!(
            text,
            r#"{{"id": "s{i}", "title": "Harbour story {i}", "source": "Gazette", "published": "2026-03-14", "body": {body}}}"#
        )
        .expect("a String takes any text");
    }
    text
}

/// Presses `q` once `ready` holds for the screen, and checks that the shell
/// is back soon after, with the terminal as it was; returns the header the
/// reader showed when `q` was pressed, and what it printed on leaving.
fn quit_when(tmux: &Tmux, what: &str, ready: impl Fn(&str) -> bool) -> (String, String) {
    let screen = tmux.wait_for(what, |s| ready(s));
    let pressed = Instant::now();
    tmux.keys(&["q"]);
    // `exit=$?` in the command line does not count, only its output.
    let after = tmux.wait_for("the prompt after quitting", |s| {
        s.split("exit=")
            .skip(1)
            .any(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
    });
    let took = pressed.elapsed();
    assert!(
        took < Duration::from_secs(3),
        "quitting took {took:?} ({what})"
    );
    assert_eq!(
        tmux.format("#{alternate_on} #{cursor_flag} #{mouse_any_flag}"),
        "0 1 0",
        "main screen, cursor shown, mouse released ({what})"
    );
    assert!(after.contains("exit=0"), "{after}");
    let header = screen.lines().next().unwrap_or_default().to_owned();
    (header, after)
}

#[test]
fn quitting_while_a_large_library_loads_or_is_analysed_is_prompt() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(160, 45);
    let file = tmux.file("library.jsonl", &library(20_000));
    let stats = std::path::Path::new("--stats-on-exit");
    // At the first rows, while the rest is still being read.
    tmux.byline(&[stats, &file]);
    let (header, after) = quit_when(&tmux, "the first stories", |s| {
        s.lines().next().is_some_and(|h| !h.contains(" 0/"))
    });
    if !header.contains("loading") {
        eprintln!("NOTE: the library was read before q was pressed: {header}");
    }
    assert!(after.contains("byline: stories"), "the figures: {after}");
    tmux.shell("clear");
    tmux.wait_for("a clear screen", |s| !s.contains("exit="));
    // While the library is being analysed in the background.
    tmux.byline(&[&file]);
    let (header, _) = quit_when(&tmux, "the background analysis", |s| {
        s.lines()
            .next()
            .is_some_and(|h| h.contains("/20000") && !h.contains("loading"))
    });
    if !header.contains("analysing") {
        eprintln!("NOTE: the library was analysed before q was pressed: {header}");
    }
}

/// The mouse is captured (click and wheel reach the reader) unless the
/// settings file says `mouse = false`; then the terminal keeps its own
/// selection and scrolling, and the keys still work.
#[test]
fn the_mouse_setting_decides_whether_the_mouse_is_captured() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(100, 30);
    let flags = "#{mouse_any_flag} #{mouse_sgr_flag}";
    tmux.byline(&[]);
    assert_eq!(tmux.format(flags), "1 1", "captured by default");
    tmux.keys(&["q"]);
    tmux.wait_for("the prompt", |s| s.contains("exit=0"));

    let settings = tmux.dir.join(".config").join("byline");
    std::fs::create_dir_all(&settings).unwrap();
    std::fs::write(settings.join("config.toml"), "mouse = false\n").unwrap();
    tmux.shell("clear");
    tmux.byline(&[]);
    assert_eq!(tmux.format(flags), "0 0", "left to the terminal");
    assert_eq!(tmux.format("#{alternate_on}"), "1");
    tmux.keys(&["J"]);
    tmux.wait_for("the second story", |s| position(s).starts_with("2/"));
    tmux.keys(&["q"]);
    tmux.wait_for("the prompt", |s| s.contains("exit=0"));
}

/// A burst of keys larger than the terminal library reads at a time (a
/// paste, a held key): every key is acted on, and `q` after them quits.
#[test]
fn a_burst_of_five_thousand_keys_is_read_to_the_last() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(120, 30);
    let mut lines = String::new();
    for i in 0..6000 {
        let _ = writeln!(
            lines,
            r#"{{"id": "s{i}", "title": "Story {i}", "body": "Text."}}"#
        );
    }
    let file = tmux.file("many.jsonl", &lines);
    tmux.byline(&[&file]);
    tmux.wait_for("every story listed", |s| position(s) == "1/6000");
    tmux.run(&["send-keys", "-t", "t", "-l", &"j".repeat(5000)]);
    tmux.wait_for("the 5,001st story", |s| position(s) == "5001/6000");
    tmux.keys(&["q"]);
    tmux.wait_for("the shell again", |s| s.contains("exit=0"));
}

/// An executable script named `name` in the test's folder.
fn script(tmux: &Tmux, name: &str, text: &str) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = tmux.file(name, text);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    path
}

#[test]
fn a_terminal_browser_runs_in_the_readers_place_and_gives_it_back() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(100, 30);
    // Named as a terminal browser: shows the address, waits for a line.
    let browser = script(
        &tmux,
        "w3m",
        "#!/bin/sh\nprintf 'FAKE BROWSER %s\\n' \"$1\"\nread line\nprintf 'READ %s\\n' \"$line\"\n",
    );
    tmux.read_story(&format!("BROWSER='{} %s'", browser.display()));
    tmux.keys(&["o"]);
    tmux.wait_for("the browser on the main screen", |s| {
        s.contains("FAKE BROWSER https://news.example/harbour")
    });
    assert_eq!(
        tmux.format("#{alternate_on}"),
        "0",
        "the screen handed over"
    );
    // A line typed goes to the browser, not to the reader.
    tmux.keys(&["q", "Enter"]);
    let screen = tmux.wait_for("the reader back", |s| {
        s.starts_with(" byline") && s.contains("Lindqvist ▎")
    });
    assert!(!screen.contains("FAKE BROWSER"), "painted whole:\n{screen}");
    assert_eq!(tmux.format("#{alternate_on}"), "1");
    tmux.keys(&["j"]);
    tmux.keys(&["q"]);
    tmux.wait_for("the reader ends", |s| s.contains("exit=0"));
}

#[test]
fn a_browser_that_fails_is_reported() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(100, 30);
    tmux.read_story("BROWSER=false");
    tmux.keys(&["o"]);
    tmux.wait_for("the failure on the status line", |s| {
        s.contains("The browser `false` failed (exit status: 1)")
    });
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_comes_back() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(100, 30);
    tmux.read_story("");
    tmux.keys(&["C-z"]);
    // The shell saw its job stop (128 + SIGTSTP) and went on.
    tmux.wait_for("the shell's job stopped", |s| s.contains("exit=148"));
    let state = tmux.format("#{alternate_on} #{cursor_flag} #{mouse_any_flag}");
    assert_eq!(state, "0 1 0", "main screen, cursor shown, mouse released");
    tmux.shell("fg");
    tmux.wait_for("the reader back", |s| {
        s.starts_with(" byline") && s.contains("Lindqvist ▎")
    });
    assert_eq!(tmux.format("#{alternate_on}"), "1");
    // Keys are read again: Ctrl-l repaints, and q quits.
    tmux.keys(&["C-l"]);
    tmux.keys(&["q"]);
    tmux.wait_for("the shell again", |s| {
        !s.starts_with(" byline") && s.trim_end().ends_with(PROMPT.trim_end())
    });
    let state = tmux.format("#{alternate_on} #{cursor_flag} #{mouse_any_flag}");
    assert_eq!(state, "0 1 0");
}

#[test]
fn a_pipe_runs_in_the_readers_place_with_the_story_on_its_input() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(100, 30);
    let piped = tmux.dir.join("piped.txt");
    tmux.read_story("");
    tmux.keys(&["|"]);
    tmux.wait_for("the prompt", |s| s.contains("pipe to ▏"));
    tmux.run(&[
        "send-keys",
        "-t",
        "t",
        "-l",
        &format!("tee '{}' | wc -l", piped.display()),
    ]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("the command's output, and the way back", |s| {
        s.contains("[byline: Enter goes back to the reader]")
    });
    assert_eq!(
        tmux.format("#{alternate_on}"),
        "0",
        "the screen handed over"
    );
    tmux.keys(&["Enter"]);
    tmux.wait_for("the reader back", |s| {
        s.starts_with(" byline") && s.contains("Piped the story to")
    });
    let text = std::fs::read_to_string(&piped).unwrap();
    assert!(
        text.contains("Harbour council approves flood barrier"),
        "{text}"
    );
    assert!(text.contains("We cannot keep filling sandbags"), "{text}");
}
