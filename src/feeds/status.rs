//! Each feed's last fetch: when, how it went, how many stories its file
//! holds, and what to send back next time (`ETag`, `Last-Modified`) or when
//! not to ask before (`Retry-After`). Kept in `feeds.json` in the state
//! folder, never in the user's subscriptions file. It is only a record:
//! a damaged or missing one costs one full fetch of each feed.

use super::settings::Folders;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io;

/// One feed's record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedStatus {
    /// When it was last fetched (ISO 8601, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_fetch: Option<String>,
    /// How it went, in a few words: `200 OK: 3 new`, `304 Not Modified`,
    /// or why it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_status: Option<String>,
    /// The last fetch failed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub failed: bool,
    /// How many stories its file holds.
    #[serde(default)]
    pub stories: usize,
    /// The feed's own title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// Not to be asked again before this time (ISO 8601, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<String>,
}

/// Every feed's record, by address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statuses {
    #[serde(default)]
    feeds: BTreeMap<String, FeedStatus>,
}

impl Statuses {
    /// The records in the state folder; none when the file is missing or
    /// cannot be read.
    pub fn load(folders: &Folders) -> Self {
        std::fs::read(folders.status_file())
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    pub fn get(&self, url: &str) -> Option<&FeedStatus> {
        self.feeds.get(url)
    }

    pub(super) fn set(&mut self, url: &str, status: FeedStatus) {
        self.feeds.insert(url.to_owned(), status);
    }

    /// Forgets the feeds that are no longer subscribed to.
    pub(super) fn retain(&mut self, subscribed: impl Fn(&str) -> bool) {
        self.feeds.retain(|url, _| subscribed(url));
    }

    /// Writes the file (through a temporary file).
    pub(super) fn save(&self, folders: &Folders) -> io::Result<()> {
        std::fs::create_dir_all(&folders.state)?;
        let mut bytes = serde_json::to_vec_pretty(self)?;
        bytes.push(b'\n');
        crate::state::atomic::write(&folders.status_file(), &bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_and_read_back_and_damage_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let folders = Folders::under(dir.path());
        assert_eq!(Statuses::load(&folders), Statuses::default());
        let mut statuses = Statuses::default();
        let status = FeedStatus {
            etag: Some("\"v1\"".into()),
            stories: 3,
            ..FeedStatus::default()
        };
        statuses.set("https://a.example/rss", status.clone());
        statuses.set("https://gone.example/rss", FeedStatus::default());
        statuses.retain(|url| url.starts_with("https://a."));
        statuses.save(&folders).unwrap();
        let back = Statuses::load(&folders);
        assert_eq!(back.get("https://a.example/rss"), Some(&status));
        assert_eq!(back.get("https://gone.example/rss"), None);
        std::fs::write(folders.status_file(), "{broken").unwrap();
        assert_eq!(Statuses::load(&folders), Statuses::default());
    }
}
