//! The subscriptions: `feeds.toml` beside the settings file, one
//! `[[feed]]` table per feed, in the order the user keeps them.
//!
//! The file is the user's: byline edits it the way a person would. Adding
//! appends a table at the end; removing cuts out that feed's table (from
//! its `[[feed]]` line to its last value) and nothing else. Comments,
//! order, spacing and entries byline cannot read (each reported with its
//! line) stay as they are. A file that is not TOML at all is never
//! written: the edit is refused until the file is fixed.

use super::address::{self, AddressError};
use super::{feeds_toml, toml_text};
use crate::article::{Place, Problem};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One feed subscribed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    /// An `http` or `https` address.
    pub url: String,
    /// The name its stories carry as their source; else the feed's title.
    pub name: Option<String>,
    /// Fetch each story's web page and keep its article as the body.
    pub full_text: bool,
    pub tags: Vec<String>,
}

impl Subscription {
    pub fn new(url: String) -> Self {
        Self {
            url,
            name: None,
            full_text: false,
            tags: Vec::new(),
        }
    }
}

/// Why the subscriptions could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum SubscriptionsError {
    #[error("there is no home folder to keep the subscriptions in")]
    NoHome,
    #[error("cannot read {}: {err}", path.display())]
    Read { path: PathBuf, err: std::io::Error },
    #[error("cannot write {}: {err}", path.display())]
    Write { path: PathBuf, err: std::io::Error },
    #[error("{problem} — the file is not TOML, so byline leaves it alone until it is fixed")]
    NotEditable { problem: Problem },
    #[error(transparent)]
    Address(#[from] AddressError),
}

/// The subscriptions file as read: its feeds, its problems, and its text
/// for editing.
#[derive(Debug, Clone)]
pub struct Subscriptions {
    path: PathBuf,
    text: String,
    feeds: Vec<Subscription>,
    /// Where each feed's table is in `text`.
    blocks: Vec<Range<usize>>,
    problems: Vec<Problem>,
    editable: bool,
}

/// The first lines of a new subscriptions file.
const HEADER: &str = "\
# byline's subscriptions: one [[feed]] table per feed, fetched by `byline fetch`.
# Edit freely; `byline feeds add URL` appends a table and `byline feeds remove
# URL` takes one out, leaving the rest of this file as it is. In a table:
#   url = \"https://…\"      the feed (http:// or https:// only)
#   name = \"…\"             optional: its stories' source (else the feed's title)
#   full_text = true       optional: keep each story's web page as its text
#   tags = [\"…\", \"…\"]      optional
";

/// `feeds.toml` beside the settings file
/// (`$XDG_CONFIG_HOME/byline/feeds.toml`).
pub fn default_path() -> Option<PathBuf> {
    Some(crate::config::default_path()?.with_file_name("feeds.toml"))
}

impl Subscriptions {
    /// The user's subscriptions ([`default_path`]); none when the file is
    /// missing.
    pub fn load() -> Result<Self, SubscriptionsError> {
        Self::load_from(&default_path().ok_or(SubscriptionsError::NoHome)?)
    }

    /// The subscriptions in the file at `path`; none when it is missing.
    pub fn load_from(path: &Path) -> Result<Self, SubscriptionsError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(err) => {
                return Err(SubscriptionsError::Read {
                    path: path.to_owned(),
                    err,
                });
            }
        };
        Ok(Self::parse(text, path))
    }

    /// The subscriptions in `text`, to be saved at `path`.
    pub fn parse(text: String, path: &Path) -> Self {
        let mut this = Self {
            path: path.to_owned(),
            text,
            feeds: Vec::new(),
            blocks: Vec::new(),
            problems: Vec::new(),
            editable: true,
        };
        this.reread();
        this
    }

    fn reread(&mut self) {
        let read = feeds_toml::read(&self.text);
        let file: Arc<str> = Arc::from(self.path.display().to_string());
        self.problems = read
            .problems
            .into_iter()
            .map(|(line, message)| Problem::new(&file, Place::Line(line), message))
            .collect();
        (self.feeds, self.blocks) = read.entries.into_iter().unzip();
        self.editable = read.editable;
    }

    /// The feeds, in the file's order.
    pub fn feeds(&self) -> &[Subscription] {
        &self.feeds
    }

    /// The entries that could not be read, each naming its line.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The file these were read from and are saved to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn get(&self, url: &str) -> Option<&Subscription> {
        self.feeds.iter().find(|f| f.url == url.trim())
    }

    /// Adds a feed at the end (its address checked); false when it was
    /// there already (the file is unchanged).
    pub fn add(&mut self, mut feed: Subscription) -> Result<bool, SubscriptionsError> {
        self.check_editable()?;
        feed.url = address::check(&feed.url)?;
        if self.get(&feed.url).is_some() {
            return Ok(false);
        }
        if self.text.trim().is_empty() {
            HEADER.clone_into(&mut self.text);
        }
        if !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        self.text.push('\n');
        self.text.push_str(&toml_text::table(&feed));
        self.reread();
        Ok(true)
    }

    /// Takes a feed's table out; false when it is not subscribed.
    pub fn remove(&mut self, url: &str) -> Result<bool, SubscriptionsError> {
        self.check_editable()?;
        let Some(at) = self.feeds.iter().position(|f| f.url == url.trim()) else {
            return Ok(false);
        };
        let block = self.blocks[at].clone();
        // The blank line that set the table apart goes with it.
        let end = if self.text[block.end..].starts_with('\n') {
            block.end + 1
        } else {
            block.end
        };
        self.text.replace_range(block.start..end, "");
        self.reread();
        Ok(true)
    }

    /// Writes the file (to a temporary file first, then renamed over it).
    pub fn save(&self) -> Result<(), SubscriptionsError> {
        self.check_editable()?;
        let write = |err| SubscriptionsError::Write {
            path: self.path.clone(),
            err,
        };
        if let Some(folder) = self.path.parent() {
            std::fs::create_dir_all(folder).map_err(write)?;
        }
        crate::state::atomic::write(&self.path, self.text.as_bytes()).map_err(write)
    }

    fn check_editable(&self) -> Result<(), SubscriptionsError> {
        if self.editable {
            return Ok(());
        }
        let problem = self.problems.first().cloned().unwrap_or_else(|| {
            let file: Arc<str> = Arc::from(self.path.display().to_string());
            Problem::new(&file, Place::File, "not TOML")
        });
        Err(SubscriptionsError::NotEditable { problem })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subs(text: &str) -> Subscriptions {
        Subscriptions::parse(text.to_owned(), Path::new("feeds.toml"))
    }

    #[test]
    fn add_appends_and_keeps_everything_else() {
        let mut list =
            subs("# my feeds\n[[feed]]\nurl = \"https://a.example/rss\"  # the first\nbogus = 1\n");
        assert_eq!(list.problems().len(), 1);
        let mut feed = Subscription::new("https://b.example/atom".into());
        feed.name = Some("B \"news\"".into());
        assert!(list.add(feed.clone()).unwrap());
        assert!(!list.add(feed).unwrap(), "only once");
        assert_eq!(
            list.text,
            "# my feeds\n[[feed]]\nurl = \"https://a.example/rss\"  # the first\nbogus = 1\n\n\
             [[feed]]\nurl = \"https://b.example/atom\"\nname = \"B \\\"news\\\"\"\n"
        );
        assert_eq!(list.feeds().len(), 2);
        assert_eq!(list.feeds()[1].name.as_deref(), Some("B \"news\""));
    }

    #[test]
    fn remove_cuts_out_one_table() {
        let text = "# top\n\n[[feed]]\nurl = \"https://a.example/rss\"\n\n# keep me\n[[feed]]\n\
                    url = \"https://b.example/rss\"\ntags = [\n  \"x\",\n]\n\n[[feed]]\nurl = \"nope\"\n";
        let mut list = subs(text);
        assert!(list.remove("https://b.example/rss").unwrap());
        assert!(!list.remove("https://b.example/rss").unwrap());
        assert_eq!(
            list.text,
            "# top\n\n[[feed]]\nurl = \"https://a.example/rss\"\n\n# keep me\n[[feed]]\nurl = \"nope\"\n"
        );
        assert_eq!(list.problems().len(), 1, "the bad entry is still there");
    }

    #[test]
    fn a_new_file_starts_with_its_header() {
        let mut list = subs("");
        list.add(Subscription::new("https://a.example/rss".into()))
            .unwrap();
        assert!(list.text.starts_with(HEADER));
        assert!(list.problems().is_empty(), "{:?}", list.problems());
    }

    #[test]
    fn a_broken_file_is_never_edited() {
        let mut list = subs("[[feed]\nurl = 1\n");
        let err = list
            .add(Subscription::new("https://a.example".into()))
            .unwrap_err();
        assert!(
            matches!(err, SubscriptionsError::NotEditable { .. }),
            "{err}"
        );
        assert!(err.to_string().contains("feeds.toml:1:"), "{err}");
    }

    #[test]
    fn only_web_addresses_are_added() {
        let mut list = subs("");
        let err = list
            .add(Subscription::new("file:///etc/passwd".into()))
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("not an http:// or https:// address"),
            "{err}"
        );
        assert!(list.feeds().is_empty());
    }
}
