//! One module per command of the `byline` binary.

pub mod extract;
pub mod reader;
