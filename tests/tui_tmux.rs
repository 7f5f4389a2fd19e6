//! End-to-end tests of the real `byline` binary in tmux: a private tmux
//! server per test, keys sent with `send-keys`, the screen read back with
//! `capture-pane`. Skipped, with a message, where tmux is not installed.
//!
//! `BYLINE_TEST_BIN` runs them against another build of the binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

const PROMPT: &str = "test$ ";
const TIMEOUT: Duration = Duration::from_secs(15);

fn binary() -> String {
    std::env::var("BYLINE_TEST_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_byline").to_owned())
}

fn have_tmux() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!(
            "SKIPPED: tmux is not installed; install it to run the reader's end-to-end tests"
        );
    }
    found
}

/// A tmux server of our own with one pane running a plain shell.
struct Tmux {
    socket: String,
    dir: PathBuf,
}

static NEXT: AtomicUsize = AtomicUsize::new(0);

impl Tmux {
    fn start(width: u16, height: u16) -> Tmux {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let socket = format!("byline-test-{}-{n}", std::process::id());
        let dir = std::env::temp_dir().join(&socket);
        std::fs::create_dir_all(&dir).expect("a folder for the test");
        let tmux = Tmux { socket, dir };
        let shell = format!(
            "env -i PATH=/usr/bin:/bin HOME={} TERM=tmux-256color PS1='{PROMPT}' sh",
            tmux.dir.display()
        );
        let (w, h) = (width.to_string(), height.to_string());
        tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &w,
            "-y",
            &h,
            "-s",
            "t",
            &shell,
        ]);
        tmux.run(&["set-option", "-g", "window-size", "manual"]);
        // capture-pane drops trailing spaces, so look for the prompt without its own.
        tmux.wait_for("the shell prompt", |screen| {
            screen.contains(PROMPT.trim_end())
        });
        tmux
    }

    fn run(&self, args: &[&str]) -> Output {
        let output = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        assert!(
            output.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        output
    }

    /// Types a command line into the shell.
    fn shell(&self, line: &str) {
        self.run(&["send-keys", "-t", "t", "-l", line]);
        self.run(&["send-keys", "-t", "t", "Enter"]);
    }

    /// Starts the reader on `args` and waits for its first screen.
    fn byline(&self, args: &[&Path]) {
        self.byline_with("", args);
    }

    /// Starts the reader with `env` (`NAME=value …`) before the command.
    fn byline_with(&self, env: &str, args: &[&Path]) {
        let mut line = format!("{env} {}", binary());
        for arg in args {
            line.push(' ');
            line.push_str(&arg.display().to_string());
        }
        self.shell(&format!("{line}; echo \"exit=$?\""));
        self.wait_for("the reader's header", |s| {
            s.lines().next().is_some_and(|l| l.starts_with(" byline"))
        });
    }

    /// Sends keys by tmux name (`J`, `Enter`, `Space`, `@`).
    fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", "t", key]);
        }
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    fn format(&self, format: &str) -> String {
        String::from_utf8_lossy(
            &self
                .run(&["display-message", "-p", "-t", "t", format])
                .stdout,
        )
        .trim()
        .to_owned()
    }

    fn wait_for(&self, what: &str, mut ok: impl FnMut(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what}; the screen:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the reader has redrawn for a new size: its frame fits
    /// the pane exactly and the screen has stopped changing.
    fn wait_for_size(&self, width: u16, height: u16) -> String {
        let (w, h) = (usize::from(width), usize::from(height));
        let framed = |s: &str| {
            let lines: Vec<&str> = s.lines().collect();
            let edge = |row: usize, corner: char| {
                lines
                    .get(row)
                    .is_some_and(|l| l.chars().count() == w && l.ends_with(corner))
            };
            lines.first().is_some_and(|l| l.starts_with(" byline"))
                && edge(1, '╮')
                && edge(h - 2, '╯')
        };
        let mut last = String::new();
        self.wait_for("the redrawn screen", |s| {
            let stable = framed(s) && s == last;
            s.clone_into(&mut last);
            stable
        })
    }

    fn resize(&self, width: u16, height: u16) {
        self.run(&[
            "resize-window",
            "-t",
            "t",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    /// Writes a file for the reader into this test's folder.
    fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.join(name);
        std::fs::write(&path, text).expect("the test file is written");
        path
    }

    /// The pid of the program the pane's shell is running.
    fn child_pid(&self) -> String {
        let shell = self.format("#{pane_pid}");
        let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"))
            .unwrap_or_default();
        children
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_owned()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The header's `12/340` position.
fn position(screen: &str) -> String {
    let header = screen.lines().next().unwrap_or_default();
    header
        .split('·')
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .unwrap_or_default()
        .to_owned()
}

/// The widest stretch between box borders on a row: the body's text.
fn body_row(screen: &str, row: usize) -> String {
    let line = screen.lines().nth(row).unwrap_or_default();
    line.split(['│', '╭', '╮'])
        .max_by_key(|s| s.chars().count())
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// The body panel's text, row by row.
fn body(screen: &str) -> String {
    (0..screen.lines().count())
        .map(|row| body_row(screen, row))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A story long enough to scroll, with two speakers quoted in plain
/// `"…," Name said.` form.
fn story() -> String {
    let mut paragraphs = vec![
        "The harbour council voted on Tuesday to build a flood barrier across the old port."
            .to_owned(),
        "\"We cannot keep filling sandbags every winter,\" Mayor Mara Lindqvist said.".to_owned(),
    ];
    for i in 1..=30 {
        paragraphs.push(format!(
            "Filler paragraph number {i} describes the quay, the tides and the long argument over money in plain words that wrap across lines."
        ));
        if i == 6 {
            paragraphs.push(
                "\"The gates will be tested every single month,\" engineer Tomas Reyes said."
                    .to_owned(),
            );
        }
    }
    paragraphs.push(
        "\"Not one crown of this comes out of the school budget,\" Lindqvist said.".to_owned(),
    );
    paragraphs.push("The works are due to start in April.".to_owned());
    let body = serde_json::to_string(&paragraphs).expect("strings are JSON");
    format!(
        r#"{{"id": "harbour", "title": "Harbour council approves flood barrier", "source": "Northshore Gazette", "published": "2026-03-14", "url": "https://news.example/harbour", "body": {body}}}"#
    )
}

#[test]
fn starts_on_the_samples_and_moves_between_stories() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(160, 45);
    tmux.byline(&[]);
    let screen = tmux.wait_for("the samples", |s| {
        position(s).starts_with("1/") && !s.contains("loading")
    });
    let total = position(&screen).trim_start_matches("1/").to_owned();
    assert!(
        total.parse::<usize>().unwrap_or(0) >= 2,
        "the samples hold several stories: {screen}"
    );
    let title = body_row(&screen, 2);
    tmux.keys(&["J"]);
    let screen = tmux.wait_for("the second story", |s| position(s) == format!("2/{total}"));
    assert_ne!(body_row(&screen, 2), title, "the body shows the next story");
    tmux.keys(&["J", "K", "K"]);
    let screen = tmux.wait_for("the first story again", |s| {
        position(s) == format!("1/{total}")
    });
    assert_eq!(body_row(&screen, 2), title);
}

#[test]
fn the_sidebar_the_speaker_picker_and_same_speaker_jumps() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(100, 30);
    let file = tmux.file("harbour.json", &story());
    tmux.byline(&[&file]);
    tmux.wait_for("the story", |s| {
        s.contains("Harbour council approves flood barrier")
    });
    tmux.keys(&["s"]);
    tmux.wait_for("the sidebar", |s| {
        s.contains("All speakers") && s.contains("Tomas Reyes")
    });
    tmux.keys(&["@"]);
    tmux.wait_for("the picker", |s| s.contains("Jump to a speaker"));
    tmux.keys(&["l", "i", "n", "d", "Enter"]);
    let screen = tmux.wait_for("the first quote", |s| {
        s.lines()
            .next()
            .is_some_and(|h| h.contains("@Mara Lindqvist"))
    });
    assert!(
        body(&screen).contains("We cannot keep filling sandbags"),
        "{screen}"
    );
    assert!(
        !body(&screen).contains("Not one crown"),
        "the last quote starts off screen:\n{screen}"
    );
    tmux.keys(&["}"]);
    tmux.wait_for("the next quote by the same speaker", |s| {
        body(s).contains("Not one crown")
    });
}

#[test]
fn resizing_keeps_the_reading_position() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(100, 30);
    let file = tmux.file("harbour.json", &story());
    tmux.byline(&[&file]);
    tmux.wait_for("the analysed story", |s| s.contains("Lindqvist▏"));
    tmux.keys(&["Enter", "Space", "j", "j"]);
    // 26 rows of text: a page (25 lines) and two more put line 53 at the
    // bottom, as the scroll position in the border says.
    let screen = tmux.wait_for("a page and two lines down", |s| {
        s.lines().nth(28).is_some_and(|l| l.contains(" 53/"))
    });
    // The words that start the top line must still start the top of the
    // pane: on its first line, or running on to its second.
    let top = body_row(&screen, 2);
    let phrase = top.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    for (w, h) in [(70, 24), (140, 40), (100, 30), (60, 20)] {
        tmux.resize(w, h);
        let screen = tmux.wait_for_size(w, h);
        let first = body_row(&screen, 2);
        let both = format!("{first} {}", body_row(&screen, 3));
        assert!(
            both.contains(&phrase),
            "at {w}x{h} the top was {top:?} and is now {first:?}:\n{screen}"
        );
        let word = phrase.split(' ').next().unwrap_or_default();
        assert!(
            first.contains(word),
            "at {w}x{h} {word:?} left the top line {first:?}"
        );
    }
}

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
    let screen = tmux.wait_for("the prompt after the reader", |s| s.contains("exit=0"));
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

#[test]
fn o_opens_the_page_and_y_copies_a_quote() {
    use std::os::unix::fs::PermissionsExt;
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(100, 30);
    tmux.run(&["set-option", "-g", "set-clipboard", "on"]);
    let opened = tmux.dir.join("opened.txt");
    let script = tmux.file(
        "browser.sh",
        &format!("#!/bin/sh\necho \"$1\" > '{}'\n", opened.display()),
    );
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let file = tmux.file("harbour.json", &story());
    tmux.byline_with(&format!("BROWSER={}", script.display()), &[&file]);
    // The speaker's name before a quote means the analysis has arrived.
    tmux.wait_for("the analysed story", |s| s.contains("Lindqvist▏"));
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

#[test]
fn on_the_samples_the_top_speaker_can_be_picked_and_followed() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(160, 45);
    tmux.byline(&[]);
    tmux.keys(&["Tab", "Tab"]);
    // The people panel is the last column; its first person follows "All speakers".
    let sidebar = |s: &str, row: usize| {
        let line = s.lines().nth(row).unwrap_or_default();
        line.trim_end_matches('│')
            .rsplit('│')
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned()
    };
    let screen = tmux.wait_for("the people of the first sample", |s| {
        sidebar(s, 2).contains("All speakers") && sidebar(s, 4).split_whitespace().count() >= 2
    });
    let top = sidebar(&screen, 4);
    let (name, count) = top.rsplit_once(' ').expect("a name and a number");
    let (name, count): (String, usize) = (name.trim().to_owned(), count.parse().expect("a count"));
    let surname = name.rsplit(' ').next().unwrap_or_default().to_owned();
    tmux.keys(&["@"]);
    tmux.wait_for("the picker", |s| s.contains("Jump to a speaker"));
    for c in surname.to_lowercase().chars() {
        tmux.run(&["send-keys", "-t", "t", "-l", &c.to_string()]);
    }
    tmux.keys(&["Enter"]);
    let label = format!("{surname}▏");
    let screen = tmux.wait_for("the first quote", |s| {
        s.lines()
            .next()
            .is_some_and(|h| h.contains(&format!("@{name}")))
    });
    assert!(
        count == 0 || body(&screen).contains(&label),
        "{name}'s first quote is on screen:\n{screen}"
    );
    if count >= 2 {
        // The current quote is marked ▸ in the quotes panel, below the people.
        let current = |s: &str| {
            (0..s.lines().count())
                .rev()
                .find(|&row| sidebar(s, row).starts_with('▸'))
        };
        let before = current(&screen);
        tmux.keys(&["}"]);
        let screen = tmux.wait_for("the next quote", |s| current(s) != before);
        assert!(
            current(&screen) > before,
            "the mark moved down the quotes:\n{screen}"
        );
        assert!(
            body(&screen).contains(&label),
            "{name}'s next quote is on screen:\n{screen}"
        );
    }
}
