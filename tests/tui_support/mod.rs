//! The harness of the reader's end-to-end tests: a private tmux server per
//! test with one pane running a plain shell, keys sent with `send-keys`,
//! the screen read back with `capture-pane`, and helpers that read the
//! reader's panels off the screen. Shared by `tests/tui_*.rs`.
//!
//! `BYLINE_TEST_BIN` runs the tests against another build of the binary.

#![allow(dead_code)] // each test file uses its own part of the harness

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

pub const PROMPT: &str = "test$ ";
/// How long a test waits for what it needs on screen: long, so that a
/// loaded 2-core machine never fails a test that would pass; a test that
/// passes waits only as long as the reader takes.
pub const TIMEOUT: Duration = Duration::from_secs(90);

pub fn binary() -> String {
    std::env::var("BYLINE_TEST_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_byline").to_owned())
}

pub fn have_tmux() -> bool {
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
pub struct Tmux {
    socket: String,
    pub dir: PathBuf,
}

static NEXT: AtomicUsize = AtomicUsize::new(0);

impl Tmux {
    pub fn start(width: u16, height: u16) -> Tmux {
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

    pub fn run(&self, args: &[&str]) -> Output {
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
    pub fn shell(&self, line: &str) {
        self.run(&["send-keys", "-t", "t", "-l", line]);
        self.run(&["send-keys", "-t", "t", "Enter"]);
    }

    /// Starts the reader on `args` and waits until it has read them: the
    /// first keys a test sends go to a reader that has its stories.
    pub fn byline(&self, args: &[&Path]) {
        self.byline_with("", args);
    }

    /// Starts the reader with `env` (`NAME=value …`) before the command.
    pub fn byline_with(&self, env: &str, args: &[&Path]) {
        let mut line = format!("{env} {}", binary());
        for arg in args {
            line.push(' ');
            line.push_str(&arg.display().to_string());
        }
        self.shell(&format!("{line}; echo \"exit=$?\""));
        self.wait_for("the reader, its files read", |s| {
            s.lines()
                .next()
                .is_some_and(|l| l.starts_with(" byline") && !l.contains("loading"))
        });
    }

    /// Sends keys by tmux name (`J`, `Enter`, `Space`, `@`).
    pub fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", "t", key]);
        }
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    pub fn format(&self, format: &str) -> String {
        String::from_utf8_lossy(
            &self
                .run(&["display-message", "-p", "-t", "t", format])
                .stdout,
        )
        .trim()
        .to_owned()
    }

    pub fn wait_for(&self, what: &str, mut ok: impl FnMut(&str) -> bool) -> String {
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
    pub fn wait_for_size(&self, width: u16, height: u16) -> String {
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

    pub fn resize(&self, width: u16, height: u16) {
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

    /// Starts the reader with `env` on the harbour story ([`story`]) and
    /// waits for its analysis: the speaker's name beside a quote.
    pub fn read_story(&self, env: &str) {
        let file = self.file("harbour.json", &story());
        self.byline_with(env, &[&file]);
        self.wait_for("the analysed story", |s| s.contains("Lindqvist ▎"));
    }

    /// Writes a file for the reader into this test's folder.
    pub fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.join(name);
        std::fs::write(&path, text).expect("the test file is written");
        path
    }

    /// The pid of the program the pane's shell is running.
    pub fn child_pid(&self) -> String {
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
        let pane = Command::new("tmux")
            .args(["-L", &self.socket, "display-message", "-p", "-t", "t"])
            .arg("#{pane_pid}")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
            .unwrap_or_default();
        let programs = descendants(&pane);
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
        // A reader told to stop by the hangup saves its state into the
        // test's folder as it goes: remove the folder once it has gone,
        // or the folder comes back and stays behind in the temp dir.
        let start = Instant::now();
        while programs.iter().any(|pid| running(pid)) && start.elapsed() < TIMEOUT {
            sleep(Duration::from_millis(20));
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The pids of every process below `pid`, children first.
fn descendants(pid: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut next = vec![pid.to_owned()];
    while let Some(pid) = next.pop() {
        let children =
            std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children")).unwrap_or_default();
        for child in children.split_whitespace() {
            found.push(child.to_owned());
            next.push(child.to_owned());
        }
    }
    found
}

/// Whether a process still runs: a zombie has finished, whoever reaps it.
fn running(pid: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        let state = stat
            .rsplit_once(')')
            .map_or("", |(_, rest)| rest.trim_start());
        !state.starts_with('Z')
    })
}

/// The header's `12/340` position.
pub fn position(screen: &str) -> String {
    let header = screen.lines().next().unwrap_or_default();
    header
        .split('·')
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .unwrap_or_default()
        .to_owned()
}

/// The widest stretch between box borders on a row: the body's text.
pub fn body_row(screen: &str, row: usize) -> String {
    let line = screen.lines().nth(row).unwrap_or_default();
    line.split(['│', '╭', '╮'])
        .max_by_key(|s| s.chars().count())
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// The body panel's text, row by row.
pub fn body(screen: &str) -> String {
    (0..screen.lines().count())
        .map(|row| body_row(screen, row))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A story long enough to scroll, with two speakers quoted in plain
/// `"…," Name said.` form.
pub fn story() -> String {
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
