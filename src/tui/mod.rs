//! The terminal reader: the only module that knows ratatui and crossterm.
//!
//! `app` holds the state and `update(msg) → jobs`; `keymap` turns keys into
//! actions; `ui` draws the state; `runtime` runs the main loop and the
//! threads (`worker` loads, `analyser` analyses, `terminal` holds raw mode,
//! keys and signals, `indexer` builds the speaker index); `body`, `story`,
//! `digest`, `needle`, `layout`, `text` and `theme` are the pieces they share;
//! `stats` is what a run measured; `headless` is the reader without a
//! terminal, for benchmarks. Living with it: `settings` applies the settings
//! file, `saver` writes the reading state off the UI thread, `watcher` brings
//! watched folders' changes in, `exporting` writes a story out (`e`).
//!
//! How it stays quick with 100,000 stories (about 500 MB of JSON):
//!
//! 1. Listing: each batch from the loader joins the list as it is, a
//!    pointer a story; nothing sorts, filters or copies the library on the
//!    UI thread, and the list draws only the rows on screen.
//! 2. Analysis: the story on screen is analysed at once on a thread of its
//!    own; the rest of the library once every story is listed, on all cores
//!    but one, with progress in the header. Results come back in batches,
//!    about ten a second, as [`digest::Digest`]s: what the sidebar and
//!    search need, about half a kilobyte a story, with names shared across
//!    the library. Quitting stops the loader and the analysis threads after
//!    the piece or story they are on.
//! 3. Frames: a story is wrapped once per (story, width), a slice at a time
//!    when it is long, and only the visible lines are drawn; search runs in
//!    slices of about a millisecond between events, so a key never waits
//!    for more than one.

mod analyser;
pub mod app;
pub mod body;
pub mod digest;
mod effects;
mod exporting;
pub mod fetching;
pub mod guard;
pub mod headless;
mod indexer;
pub mod keymap;
pub mod layout;
pub mod needle;
mod piping;
pub mod runtime;
mod saver;
pub mod settings;
pub mod stats;
pub mod story;
mod terminal;
pub mod theme;
pub mod ui;
mod watcher;
mod worker;

pub use app::{App, Job, Msg};
pub use runtime::{Options, run, run_with};
pub use stats::Stats;

#[cfg(test)]
mod fixture;
