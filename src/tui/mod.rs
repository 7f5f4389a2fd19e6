//! The terminal reader: the only module that knows ratatui and crossterm.
//!
//! `app` holds the state and `update(msg) → jobs`; `keymap` turns keys into
//! actions; `ui` draws the state; `runtime` owns the terminal, the threads
//! and the loop; `body`, `story`, `layout`, `text` and `theme` are the pieces
//! they share.

pub mod app;
pub mod body;
mod effects;
pub mod headless;
pub mod keymap;
pub mod layout;
pub mod runtime;
pub mod story;
pub mod text;
pub mod theme;
pub mod ui;
mod worker;

pub use app::{App, Job, Msg};
pub use runtime::{Options, Stats, run, run_with};

#[cfg(test)]
mod fixture;
