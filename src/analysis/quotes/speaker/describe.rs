//! Definite descriptions as speakers: "the Norwegian politician", "the
//! minister", "the statement". A description goes to the
//! person the text described that way, else by its head noun to whoever
//! the text is about, to an organisation, or to the quote before.

use super::nouns::{Head, head_noun};
use super::{Classes, Context, Resolver, Speaker, person};
use crate::analysis::lexicon::{self, flag};
use crate::analysis::people::{EntityKind, Gender};
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
            Head::Statement => self.organisation_named(&lower, cx.at),
            Head::Other => match self.organisation_named(&lower, cx.at) {
                Speaker::Unknown if refers_to_a_body(noun) && lower.len() == 1 => {
                    self.organisation_in_focus(cx, Focus::Speaker)
                }
                named => named,
            },
        }
    }

    /// "Kelda Group said profits rose. “…,” the company said": the body
    /// that spoke last, if it is near, and the last body named at the
    /// start of a sentence within the horizon, in the order `focus` says.
    pub(super) fn organisation_in_focus(&self, cx: &Context, focus: Focus) -> Speaker {
        if (focus == Focus::Speaker || cx.previous_in_line)
            && let Some(Speaker::Organisation(name)) = &cx.previous
        {
            return Speaker::Organisation(name.clone());
        }
        let mentions = &self.people.mentions;
        let end = mentions.partition_point(|m| m.span.start < cx.at);
        mentions[..end]
            .iter()
            .rev()
            .take_while(|m| m.span.start >= cx.horizon)
            .filter(|m| m.kind == EntityKind::Organisation && may_be_a_body(m.span.text(self.text)))
            // "But the Home Office said": the whole name opens the
            // sentence, though the engine's mention is "Office".
            .find_map(|m| {
                let line = self.index.line_around(m.span);
                let name = super::organisation_span(self.text, m.span, line);
                opens_sentence(self.text, name.start)
                    .then(|| super::organisation_name(self.text, m.span, line))
            })
            .map_or_else(
                || match (&cx.previous, focus) {
                    (Some(Speaker::Organisation(name)), Focus::Subject) => {
                        Speaker::Organisation(name.clone())
                    }
                    _ => Speaker::Unknown,
                },
                Speaker::Organisation,
            )
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

/// Which body [`Resolver::organisation_in_focus`] prefers: the one that
/// spoke last ("the company said" goes on with it), or, unless that one
/// spoke in the same paragraph, the last to open a sentence ("The firm
/// denied it. A spokesman said").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Focus {
    Speaker,
    Subject,
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

/// Nothing but "The", and a "But" or "And" before it, stands between `at`
/// and the end of the sentence before it (or the start of the paragraph):
/// "But the Home Office defended the rules".
fn opens_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    let before = ["The", "the"]
        .iter()
        .find_map(|w| before.strip_suffix(w))
        .map_or(before, str::trim_end);
    let before = ["But", "And"]
        .iter()
        .find_map(|w| before.strip_suffix(w))
        .map_or(before, str::trim_end);
    let new_paragraph = text[before.len()..at].contains('\n');
    // After a closing mark, not after an opening one: a name inside a
    // quote is no subject of the story.
    let closing = |mark: &str| {
        before
            .strip_suffix(mark)
            .is_some_and(|b| b.ends_with(['.', '!', '?', ',']))
    };
    before.is_empty()
        || new_paragraph
        || before.ends_with(['.', '!', '?'])
        || closing("\"")
        || closing("”")
}

/// "company", "firm", "band": a noun for a body that a description with it
/// stands for (`orgwords.tsv`, tag `referent`).
pub(super) fn refers_to_a_body(noun: &str) -> bool {
    lexicon::lower_case_flags(noun.as_bytes()) & flag::ORG_REFERENT != 0
}

/// A name that can be a company or group: not a country code ("US"), an
/// adjective ("Paris-based") or a plural ("MPs").
fn may_be_a_body(name: &str) -> bool {
    name.len() > 2 && !name.ends_with("-based") && !name.ends_with('s')
}
