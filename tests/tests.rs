//! Every integration test in one binary, as ripgrep keeps them: a change
//! relinks one test program instead of one per file (less disk, less
//! time). Run one file's tests with `cargo test --test tests NAME::`.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

mod cli_support;
mod scaling_support;
mod tui_support;

mod analysis_scaling;
mod boundaries;
mod cli;
mod cli_install;
mod cli_quotes;
mod cli_scripts;
mod config_file;
mod eval_corpora;
mod export_formats;
mod feed_caches;
mod feeds;
mod formats;
mod fuzz;
mod hostile_input;
mod index_scale;
mod index_seed;
mod loader;
mod people_props;
mod people_seed;
mod scale;
mod state_store;
mod tui_feeds;
mod tui_living;
mod tui_people_scale;
mod tui_people_seed;
mod tui_terminal;
mod tui_tmux;
mod tui_tmux_people;
mod watch_folder;
