//! Text analysis: the people named in an article body and the quotations in
//! it, with who said them. No I/O and no terminal: text in, spans out.
//!
//! Every span is a byte range into the body it was computed from, always on
//! `char` boundaries, so `&body[span.range()]` never panics.

#![warn(missing_docs)]

mod chars;
mod lexicon;
pub mod people;
pub mod quotes;
mod span;

pub use people::{Gender, Person};
pub(crate) use quotes::is_abbreviation;
pub use span::Span;

use serde::Serialize;

/// A direct quotation: the words between the quote marks, and who said them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The words inside the marks, without the marks.
    pub span: Span,
    /// Index into [`Analysis::people`] when the speaker is a person.
    pub person: Option<usize>,
    /// The speaker's name as shown: a person's canonical name or an
    /// organisation's name; `None` when nobody could be found.
    pub speaker: Option<String>,
    /// The reporting verb or phrase (`said`, `according to`).
    pub cue: Option<String>,
}

/// Everything byline finds in one article body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    /// The people named, in order of first mention.
    pub people: Vec<Person>,
    /// The quotations, in text order.
    pub quotes: Vec<Quote>,
}

/// Builds the word lists and tables of both engines now rather than on
/// first use (for benchmarks, and before work is spread over threads).
pub fn warm_up() {
    lexicon::warm_up();
}

/// Analyses one cleaned article body.
pub fn analyse(body: &str) -> Analysis {
    let people = people::find_people(body);
    let quotes = quotes::find_quotes(body, &people);
    Analysis {
        people: people.persons,
        quotes,
    }
}
