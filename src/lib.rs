//! byline: a terminal news reader that knows who said what.
//!
//! The library is the whole pipeline except the terminal:
//!
//! 1. [`article::load()`] reads article files (one object, an array, a news-API
//!    object or JSON Lines) into [`Article`]s and reports [`Problem`]s;
//! 2. [`article::sanitize`] cleans every string read from disk, so that
//!    nothing in a file can drive the terminal;
//! 3. [`analysis`] finds the people named in a body and the quotations in
//!    it, with their speakers, as byte spans into the cleaned body;
//! 4. [`extract`] turns an article and its analysis into the JSON Lines
//!    record of `byline extract`.
//!
//! The reader in `tui` (behind the binary) is a thin layer over this.

pub mod analysis;
pub mod article;
pub mod config;
pub mod export;
pub mod extract;
pub mod feeds;
pub(crate) mod hash;
pub mod index;
pub mod samples;
pub mod state;
pub mod text;
// The reader: not part of the library's interface, public only for the
// `byline` binary, its integration tests and benchmarks.
#[doc(hidden)]
pub mod tui;

#[cfg(test)]
mod golden;

pub use analysis::{Analysis, Person, Quote, Span, analyse};

/// Analyses an article: its body, or for a story a news API cut short,
/// the body up to the sentence the cut broke off (see
/// [`Article::analysed_text`]). Spans are into the whole body.
pub fn analyse_article(article: &Article) -> Analysis {
    analyse(article.analysed_text())
}
pub use article::{Article, Problem};
