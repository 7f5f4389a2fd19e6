//! How feeds are fetched (the `[feeds]` table of the settings file) and
//! where what is fetched is kept.

use std::path::{Path, PathBuf};
use std::time::Duration;

/// The `[feeds]` settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeedSettings {
    /// The longest one request may take, from connecting to the last byte
    /// (redirects included): a feed that never answers costs this, once.
    pub timeout: Duration,
    /// How many feeds are fetched at once.
    pub concurrency: usize,
    /// The largest feed read; a larger one is a problem, read no further.
    pub max_feed_size: u64,
    /// The largest web page read for a story's full text.
    pub max_page_size: u64,
    /// Stories that have left their feed are dropped once they were first
    /// fetched this many days ago; 0 keeps every story.
    pub keep_days: u32,
    /// While the reader runs: fetch on start, then every this many
    /// minutes; 0 fetches only when asked (`Ctrl-r`).
    pub fetch_every: u32,
}

impl Default for FeedSettings {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(30),
            concurrency: 8,
            max_feed_size: 16 << 20,
            max_page_size: 8 << 20,
            keep_days: 0,
            fetch_every: 0,
        }
    }
}

/// Where byline keeps what it fetches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folders {
    /// The fetched stories, one JSON Lines file per feed
    /// (`$XDG_DATA_HOME/byline/feeds`).
    pub stories: PathBuf,
    /// Each feed's last fetch, status and validators, in `feeds.json`
    /// (`$XDG_STATE_HOME/byline`).
    pub state: PathBuf,
    /// Web pages fetched for full text (`$XDG_CACHE_HOME/byline/pages`).
    pub pages: PathBuf,
}

impl Folders {
    /// The XDG folders (on every Unix, macOS included), or `None` when
    /// there is no home folder.
    pub fn from_env() -> Option<Self> {
        use etcetera::BaseStrategy;
        let base = etcetera::choose_base_strategy().ok()?;
        Some(Self {
            stories: base.data_dir().join("byline").join("feeds"),
            state: crate::state::default_dir()?,
            pages: base.cache_dir().join("byline").join("pages"),
        })
    }

    /// All three under one folder: for tests and for trying things out.
    pub fn under(root: &Path) -> Self {
        Self {
            stories: root.join("feeds"),
            state: root.join("state"),
            pages: root.join("pages"),
        }
    }

    /// The file that records each feed's last fetch.
    pub fn status_file(&self) -> PathBuf {
        self.state.join(STATUS_FILE)
    }
}

/// The status file's name in the state folder.
pub const STATUS_FILE: &str = "feeds.json";

/// Everything a fetch needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    pub settings: FeedSettings,
    pub folders: Folders,
    /// Sent with every request: `byline/VERSION`.
    pub user_agent: String,
}

impl FetchOptions {
    pub fn new(settings: FeedSettings, folders: Folders) -> Self {
        Self {
            settings,
            folders,
            user_agent: format!("byline/{}", env!("CARGO_PKG_VERSION")),
        }
    }

    /// The settings file's `[feeds]` and the XDG folders; `None` when
    /// there is no home folder.
    pub fn from_env() -> Option<Self> {
        let settings = crate::config::default_path()
            .map(|path| crate::config::load(&path).settings.feeds)
            .unwrap_or_default();
        Some(Self::new(settings, Folders::from_env()?))
    }
}
