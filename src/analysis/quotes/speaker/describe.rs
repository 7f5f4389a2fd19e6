//! Definite descriptions as speakers: "the Norwegian politician", "the
//! minister", "the statement". A description goes to the
//! person the text described that way, else by its head noun to whoever
//! the text is about, to an organisation, or to the quote before.

use super::nouns::{Head, head_noun};
use super::{Classes, Context, Resolver, Speaker, person};
use crate::analysis::lexicon::{self, flag};
use crate::analysis::people::Gender;
use crate::analysis::quotes::phrase::one_of;

impl Resolver<'_> {
    /// "the Norwegian politician": the person described with those words;
    /// "a spokesman": nobody.
    pub(super) fn description(&self, words: &[&str], cx: &Context) -> Speaker {
        let Some((first, rest)) = words.split_first() else {
            return Speaker::Unknown;
        };
        if !one_of(first, &["the", "this", "that"]) || rest.is_empty() {
            return Speaker::Unknown;
        }
        let lower: Vec<String> = rest.iter().map(|w| w.to_lowercase()).collect();
        if let Some(person) = self.described(&lower, cx) {
            return Speaker::Person(person);
        }
        let (Some(noun), Some(written)) = (lower.last(), rest.last()) else {
            return Speaker::Unknown;
        };
        let head = nationality(written, noun).unwrap_or_else(|| head_noun(noun));
        match head {
            Head::Person(fits) => {
                // A gendered noun ("the spokeswoman") rules out the other
                // gender, not the people whose gender is not known.
                let classes = fits.map_or(Classes::ALL, |g| Classes::of(None).with(Some(g)));
                self.most_salient(cx, classes)
                    .map_or(Speaker::Unknown, |(p, _)| person(p))
            }
            // "X said in a statement … “…,” the statement said": the words
            // of whoever spoke just before in the paragraph.
            Head::Statement if cx.previous_in_line && words.len() == 2 => {
                cx.previous.clone().unwrap_or(Speaker::Unknown)
            }
            Head::Statement | Head::Other => self.organisation_named(&lower, cx.at),
        }
    }

    fn described(&self, lower: &[String], cx: &Context) -> Option<usize> {
        self.index.described(lower, cx.at)
    }

    /// "the commission": the nearest organisation named before whose name
    /// has that word ("the Commission on Presidential Debates").
    pub(super) fn organisation_named(&self, words: &[String], at: usize) -> Speaker {
        let Some(head) = words.last() else {
            return Speaker::Unknown;
        };
        self.index
            .organisation_with(head, at)
            .map_or(Speaker::Unknown, |i| {
                let m = &self.people.mentions[i];
                let line = self.index.line_around(m.span);
                Speaker::Organisation(super::organisation_name(self.text, m.span, line))
            })
    }
}

/// A capitalised nationality in the singular: "American", "Dutchman".
pub(super) fn is_nationality(written: &str) -> bool {
    let capitalised = written.chars().next().is_some_and(char::is_uppercase);
    let plural = written.ends_with('s') && !written.ends_with("ss");
    capitalised && !plural && lexicon::flags(written) & flag::DEMONYM != 0
}

/// "the American", "the 27-year-old Dutchman": a nationality written as a
/// singular noun stands for a person (sports and foreign news name players
/// and visitors so); "the Americans" is a group, "the American embassy"
/// has another head.
fn nationality(written: &str, lower: &str) -> Option<Head> {
    if !is_nationality(written) {
        return None;
    }
    let gender = if lower.ends_with("woman") {
        Some(Gender::Female)
    } else if lower.ends_with("man") {
        Some(Gender::Male)
    } else {
        None
    };
    Some(Head::Person(gender))
}
