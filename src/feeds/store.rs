//! A feed's stories on disk: one JSON Lines file per feed, in byline's own
//! article format, newest first. Each fetch merges into it: an item seen
//! before (the same guid, else the same link) is the same story, updated
//! in place when the feed changed it; a new item is added; stories the
//! feed no longer lists stay (unless `keep_days` has passed since they
//! were first fetched). The file is replaced whole, through a temporary
//! file in the same folder, so an interrupted fetch leaves the old file or
//! the new one. A line byline cannot read is kept as it is.

use super::clock;
use super::story::Story;
use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

/// How an item compares with what the file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    New,
    Changed,
    Same,
}

/// What a merge did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
    /// Stories past `keep_days` that were dropped.
    pub dropped: usize,
}

#[derive(Debug)]
enum Line {
    Story(Box<Story>),
    Kept(String),
}

#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    lines: Vec<Line>,
    /// Each story's place in `lines`, by key.
    by_key: HashMap<String, usize>,
    dirty: bool,
}

impl Store {
    /// The stories in the file at `path`; none when it is missing.
    pub fn open(path: &Path) -> io::Result<Self> {
        let text = match std::fs::read(path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(err) if err.kind() == io::ErrorKind::NotFound => String::new(),
            Err(err) => return Err(err),
        };
        let lines = text
            .lines()
            .filter(|line| !line.trim().is_empty())
            .map(|line| match serde_json::from_str::<Story>(line) {
                Ok(story) => Line::Story(Box::new(story)),
                Err(_) => Line::Kept(line.to_owned()),
            })
            .collect();
        let mut store = Self {
            path: path.to_owned(),
            lines,
            by_key: HashMap::new(),
            dirty: !path.exists(),
        };
        store.index();
        Ok(store)
    }

    fn index(&mut self) {
        self.by_key = self
            .lines
            .iter()
            .enumerate()
            .filter_map(|(i, line)| match line {
                Line::Story(story) => Some((story.fetch.key.clone(), i)),
                Line::Kept(_) => None,
            })
            .collect();
    }

    /// How many stories the file holds.
    pub fn len(&self) -> usize {
        self.by_key.len()
    }

    pub fn get(&self, key: &str) -> Option<&Story> {
        match &self.lines[*self.by_key.get(key)?] {
            Line::Story(story) => Some(story),
            Line::Kept(_) => None,
        }
    }

    /// Whether an item with this key and hash is new, changed or the same.
    pub fn seen(&self, key: &str, hash: &str) -> Seen {
        match self.get(key) {
            None => Seen::New,
            Some(story) if story.fetch.hash == hash => Seen::Same,
            Some(_) => Seen::Changed,
        }
    }

    /// Merges a fetch's stories (in the feed's order). With `keep_days`,
    /// stories the fetch did not list and first fetched longer ago than
    /// that are dropped.
    pub fn merge(&mut self, stories: Vec<Story>, keep_days: u32, now: i64) -> Counts {
        let mut counts = Counts::default();
        let mut listed = std::collections::HashSet::new();
        for mut story in stories {
            if !listed.insert(story.fetch.key.clone()) {
                continue;
            }
            match self
                .by_key
                .get(&story.fetch.key)
                .map(|&i| &mut self.lines[i])
            {
                Some(Line::Story(old)) if old.fetch.hash == story.fetch.hash => {
                    counts.unchanged += 1;
                }
                Some(Line::Story(old)) => {
                    story.fetch.seen = std::mem::take(&mut old.fetch.seen);
                    **old = story;
                    counts.changed += 1;
                }
                _ => {
                    self.by_key
                        .insert(story.fetch.key.clone(), self.lines.len());
                    self.lines.push(Line::Story(Box::new(story)));
                    counts.new += 1;
                }
            }
        }
        if keep_days > 0 {
            let oldest = now - i64::from(keep_days) * 24 * 60 * 60;
            let before = self.lines.len();
            self.lines.retain(|line| match line {
                Line::Story(story) => {
                    listed.contains(&story.fetch.key)
                        || clock::parse_iso(&story.fetch.seen).is_none_or(|seen| seen >= oldest)
                }
                Line::Kept(_) => true,
            });
            counts.dropped = before - self.lines.len();
        }
        if counts.new + counts.changed + counts.dropped > 0 {
            self.dirty = true;
            self.sort();
        }
        counts
    }

    /// Newest first (by date, else by when first fetched); lines byline
    /// could not read last, in their order.
    fn sort(&mut self) {
        self.lines.sort_by(|a, b| match (a, b) {
            (Line::Story(a), Line::Story(b)) => when(b).cmp(when(a)),
            (Line::Story(_), Line::Kept(_)) => std::cmp::Ordering::Less,
            (Line::Kept(_), Line::Story(_)) => std::cmp::Ordering::Greater,
            (Line::Kept(_), Line::Kept(_)) => std::cmp::Ordering::Equal,
        });
        self.index();
    }

    /// Writes the file if anything changed: to a temporary file beside it,
    /// then renamed over it. With no story left, there is no file.
    pub fn save(&mut self) -> io::Result<()> {
        if !self.dirty {
            return Ok(());
        }
        // An empty file is a problem to the loader: a feed with no story
        // has no file.
        if self.lines.is_empty() {
            self.dirty = false;
            return match std::fs::remove_file(&self.path) {
                Err(err) if err.kind() != io::ErrorKind::NotFound => Err(err),
                _ => Ok(()),
            };
        }
        let mut text = String::new();
        for line in &self.lines {
            match line {
                Line::Story(story) => text.push_str(&serde_json::to_string(story)?),
                Line::Kept(raw) => text.push_str(raw),
            }
            text.push('\n');
        }
        if let Some(folder) = self.path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        crate::state::atomic::write(&self.path, text.as_bytes())?;
        self.dirty = false;
        Ok(())
    }
}

/// The time a story is sorted by: ISO 8601 in UTC compares as text.
fn when(story: &Story) -> &str {
    story.published.as_deref().unwrap_or(&story.fetch.seen)
}

#[cfg(test)]
mod tests;
