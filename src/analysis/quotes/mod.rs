//! Quotes: the direct quotations in a text and who said them.
//!
//! 1. `marks` finds the quoted stretches, line by line;
//! 2. each line is cut into `words` once, every quotation one token, so
//!    the sentence around a quote can be read from outside;
//! 3. `salience` notes the subject of every sentence, for "he" and "she";
//! 4. for each quote, `attribute` looks for the cue and the speaker
//!    phrase, first right after the quote, then in the sentence before it,
//!    and `speaker` resolves that phrase to a person, an organisation or
//!    nobody (`document` holds this walk through the text);
//! 5. quotes without a cue of their own take the speaker of the quotation
//!    they continue (the rest of a split quote, the next paragraph of a
//!    long one, a paragraph that is only a quote) (`share`);
//! 6. what is left without a speaker or cue and looks like a title or a
//!    scare quote is dropped (`filter`).

mod attribute;
mod credit;
mod cues;
mod document;
mod filter;
mod index;
mod lines;
mod marks;
mod phrase;
mod salience;
mod share;
mod speaker;
mod words;

pub(crate) use words::is_abbreviation;

use super::Quote;
use super::people::People;
use crate::analysis::Span;
use speaker::Speaker;

/// What was decided for one quote.
#[derive(Debug, Clone)]
struct Decision {
    speaker: Speaker,
    cue: Option<Span>,
    /// The quote has its own attribution.
    attributed: bool,
    /// The attribution follows the quote at once ("“…,” she said").
    direct: bool,
}

impl Decision {
    const NONE: Decision = Decision {
        speaker: Speaker::Unknown,
        cue: None,
        attributed: false,
        direct: false,
    };
}

/// The quotations in `text`, with their speakers where the text names them.
pub fn find_quotes(text: &str, people: &People) -> Vec<Quote> {
    let lines = marks::lines(text);
    let mut marked = marks::find_in(text, &lines);
    if marked.is_empty() {
        return Vec::new();
    }
    let labels: Vec<Option<Span>> = marked
        .iter_mut()
        .map(|m| filter::transcript_label(text, m))
        .collect();
    let index = index::TextIndex::new(text, people);
    let mut decisions =
        document::Document::new(text, people, &index, &marked, lines).decide(&labels);
    share::within_quotations(&marked, &mut decisions);
    let mut markup = filter::Markup::default();
    marked
        .iter()
        .zip(decisions)
        .filter(|(m, d)| filter::keep(text, &mut markup, m, d))
        .map(|(m, d)| quote(people, m, d, text))
        .collect()
}

fn quote(people: &People, marked: &marks::Marked, decision: Decision, text: &str) -> Quote {
    let (person, speaker) = match decision.speaker {
        Speaker::Person(p) => (Some(p), people.persons.get(p).map(|p| p.name.clone())),
        Speaker::Organisation(name) => (None, Some(name)),
        Speaker::Unknown => (None, None),
    };
    let cue = decision.cue.map(|c| c.text(text).to_owned());
    Quote {
        span: marked.inner,
        person,
        speaker,
        cue,
    }
}

#[cfg(test)]
mod tests;
