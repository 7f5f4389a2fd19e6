//! Feeds: subscribing to RSS, Atom and JSON Feed, fetching them, and
//! keeping what they bring as byline's own article files, so that the
//! reader and every command read fetched news as they read any file.
//!
//! - [`Subscriptions`]: `feeds.toml` in the settings folder, a file a
//!   person can edit; [`import`](fn@import) reads OPML and newsboat's `urls`, and
//!   [`opml::write`] writes OPML 2.0.
//! - a feed's bytes are read into stories in byline's own article format
//!   (`parse`) and merged into the feed's JSON Lines file (`store`).
//! - [`fetch_all`]: every subscription at once (a bound of threads), each
//!   with a timeout, conditional GET, `Retry-After` and a size cap; each
//!   feed's stories merged into its JSON Lines file in [`library_folder`].
//! - [`full_text`]: a story's web page, its article found by readability.
//!
//! Everything a feed or a page holds is hostile input: it is cleaned as
//! any file is, and a feed that fails costs only itself.

mod address;
mod charset;
mod clock;
mod error;
mod feeds_toml;
mod fetch;
mod fulltext;
mod http;
mod import;
mod names;
pub mod opml;
mod parse;
mod settings;
mod status;
mod store;
mod story;
mod subscriptions;
mod toml_text;
mod urls;

pub use address::{AddressError, check as check_address, is_http};
pub use error::FetchError;
pub use fetch::{FeedReport, FetchReport, Outcome, Progress, fetch_all, fetch_feeds};
pub use fulltext::{FullText, full_text};
pub use import::{Imported, import};
pub use settings::{FeedSettings, FetchOptions, Folders, STATUS_FILE};
pub use status::{FeedStatus, Statuses};
pub use subscriptions::{Subscription, Subscriptions, SubscriptionsError, default_path};

use std::path::PathBuf;

/// The folder fetched stories are kept in, one JSON Lines file per feed
/// (`$XDG_DATA_HOME/byline/feeds`): what the reader opens to read them.
pub fn library_folder() -> Option<PathBuf> {
    Folders::from_env().map(|folders| folders.stories)
}

/// The name of the file a feed's stories are kept in, in [`library_folder`].
pub fn file_name(url: &str) -> String {
    format!("{}.jsonl", names::feed_stem(url))
}

/// The line (from 1) a byte offset of `text` is on.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    memchr::memchr_iter(b'\n', &text.as_bytes()[..end]).count() + 1
}
