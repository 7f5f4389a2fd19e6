//! Feeds: subscribing to RSS, Atom and JSON Feed, fetching them, and
//! keeping what they bring as byline's own article files, so that the
//! reader and every command read fetched news as they read any file.
//!
//! - [`Subscriptions`]: `feeds.toml` in the settings folder, a file a
//!   person can edit; [`import`] reads OPML and newsboat's `urls`, and
//!   [`opml::write`] writes OPML 2.0.
//! - a feed's bytes are read into stories in byline's own article format
//!   (`parse`) and merged into the feed's JSON Lines file (`store`).
//!
//! Everything a feed or a page holds is hostile input: it is cleaned as
//! any file is, and a feed that fails costs only itself.

mod address;
mod charset;
mod clock;
mod error;
mod feeds_toml;
mod import;
mod names;
pub mod opml;
mod parse;
mod store;
mod story;
mod subscriptions;
mod toml_text;
mod urls;

pub use address::{AddressError, check as check_address, is_http};
pub use error::FetchError;
pub use import::{Imported, import};
pub use subscriptions::{Subscription, Subscriptions, SubscriptionsError, default_path};

/// The line (from 1) a byte offset of `text` is on.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    memchr::memchr_iter(b'\n', &text.as_bytes()[..end]).count() + 1
}
