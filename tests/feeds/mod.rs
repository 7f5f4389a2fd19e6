//! Feeds end to end: subscribing, fetching from a local HTTP server on
//! 127.0.0.1 (never the internet), what is kept, and what hostile feeds
//! cost. Each test has its own home (XDG folders in a temporary folder)
//! and its own server.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

mod fetching;
mod hostile;
pub(crate) mod server;
mod subscribing;

use byline::article::{Article, Input, load};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// Longer than any of these runs takes on a loaded 2-core machine; a
/// test that passes waits only as long as byline takes.
const LIMIT: Duration = Duration::from_secs(120);

/// A home of byline's own: settings, state, stories and cache folders.
pub struct Home {
    dir: TempDir,
}

impl Default for Home {
    fn default() -> Self {
        Self::new()
    }
}

impl Home {
    pub fn new() -> Self {
        Self {
            dir: TempDir::new().unwrap(),
        }
    }

    pub fn config(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    /// `$XDG_DATA_HOME/byline/feeds`: the fetched stories.
    pub fn stories(&self) -> PathBuf {
        self.dir.path().join("data/byline/feeds")
    }

    pub fn pages(&self) -> PathBuf {
        self.dir.path().join("cache/byline/pages")
    }

    pub fn subscriptions_file(&self) -> PathBuf {
        self.config().join("byline/feeds.toml")
    }

    /// Writes `config.toml`.
    pub fn settings(&self, text: &str) {
        let folder = self.config().join("byline");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("config.toml"), text).unwrap();
    }

    /// The library's options for this home (what `byline fetch` would use).
    pub fn options(&self) -> byline::feeds::FetchOptions {
        let settings_file = self.config().join("byline/config.toml");
        let settings = byline::config::load(&settings_file).settings.feeds;
        byline::feeds::FetchOptions::new(
            settings,
            byline::feeds::Folders {
                stories: self.stories(),
                state: self.dir.path().join("state/byline"),
                pages: self.pages(),
            },
        )
    }

    /// Runs `byline ARGS` in this home, failing past [`LIMIT`].
    pub fn byline(&self, args: &[&str]) -> Run {
        let root = self.dir.path();
        let mut command = Command::new(env!("CARGO_BIN_EXE_byline"));
        command
            .args(args)
            .env("HOME", root)
            .env("XDG_CONFIG_HOME", root.join("config"))
            .env("XDG_STATE_HOME", root.join("state"))
            .env("XDG_DATA_HOME", root.join("data"))
            .env("XDG_CACHE_HOME", root.join("cache"))
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        for proxy in [
            "http_proxy",
            "https_proxy",
            "HTTP_PROXY",
            "HTTPS_PROXY",
            "ALL_PROXY",
            "all_proxy",
        ] {
            command.env_remove(proxy);
        }
        let start = Instant::now();
        let mut child = command.spawn().unwrap();
        // Read the pipes while waiting, so a full pipe cannot stall byline.
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        let out = std::thread::spawn(move || std::io::read_to_string(stdout).unwrap());
        let err = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap());
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > LIMIT {
                let _ = child.kill();
                panic!("byline {args:?} did not finish in {LIMIT:?}");
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        Run {
            code: status.code(),
            stdout: out.join().unwrap(),
            stderr: err.join().unwrap(),
            took: start.elapsed(),
        }
    }

    /// `byline feeds add ARGS`, which must succeed.
    pub fn add(&self, args: &[&str]) {
        let mut all = vec!["feeds", "add"];
        all.extend_from_slice(args);
        let run = self.byline(&all);
        assert_eq!(run.code, Some(0), "{run:?}");
    }

    /// Every fetched story, loaded as the reader loads them: with no problem.
    pub fn articles(&self) -> Vec<Article> {
        let loaded = load(&[Input::Path(self.stories())]);
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        loaded.articles
    }

    pub fn article(&self, title: &str) -> Article {
        let articles = self.articles();
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        articles
            .iter()
            .find(|a| a.title == title)
            .cloned()
            .unwrap_or_else(|| panic!("no story {title:?} in {titles:?}"))
    }

    /// The stories' files and their bytes.
    pub fn story_files(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files: Vec<_> = std::fs::read_dir(self.stories())
            .map(|dir| dir.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        files
            .into_iter()
            .map(|path| {
                let bytes = std::fs::read(&path).unwrap();
                (path, bytes)
            })
            .collect()
    }
}

/// What a run of byline did.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub took: Duration,
}

impl Run {
    pub fn stderr_lines(&self) -> Vec<&str> {
        let mut lines: Vec<&str> = self.stderr.lines().collect();
        lines.sort_unstable();
        lines
    }
}

/// A fixture from `tests/fixtures/feeds`, `{base}` made the server's address.
pub fn fixture(name: &str, base: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/feeds")
        .join(name);
    let bytes = std::fs::read(path).unwrap();
    replace(&bytes, b"{base}", base.as_bytes())
}

fn replace(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// The speakers of an article's quotes, in order, as `byline::analyse_article` finds them.
pub fn speakers(article: &Article) -> Vec<String> {
    let analysis = byline::analyse_article(article);
    analysis
        .quotes
        .iter()
        .filter_map(|q| q.speaker.clone())
        .collect()
}
