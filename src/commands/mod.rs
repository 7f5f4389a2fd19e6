//! One module per command of the `byline` binary.

pub mod completions;
pub mod config;
pub mod export;
pub mod extract;
pub mod feeds;
pub mod fetch;
pub mod man;
pub mod people;
pub mod quotes;
pub mod reader;
