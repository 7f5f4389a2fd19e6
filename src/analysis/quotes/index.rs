//! What the quote engine asks of a text's people again and again, once
//! per quote or per sentence: who was described with a word, which
//! organisation's name has a word, who a name form is, where a line
//! starts. A walk over the mentions before the quote answers each at
//! once in an article of ordinary length, but costs a text of many quotes
//! its length squared; past a few dozen mentions (or persons) the answer
//! comes from a table, made on the first such question, that gives the
//! walk's answer.

use crate::analysis::Span;
use crate::analysis::lexicon::compiled::lesser_ranks;
use crate::analysis::people::{EntityKind, LookupIndex, Mention, People};
use std::cell::OnceCell;
use std::collections::HashMap;

/// How many mentions (or persons) a walk may pass before a table is made.
const WALK: usize = 64;

pub struct TextIndex<'a> {
    text: &'a str,
    people: &'a People,
    /// Each descriptor with the persons it describes, as (index of the
    /// person's first mention, person), in that order.
    described: OnceCell<HashMap<&'a str, Vec<(usize, usize)>>>,
    /// Each word of an organisation's name (ASCII letters lower-cased)
    /// with the indices of the organisation mentions that have it, in
    /// order.
    organisations: OnceCell<HashMap<String, Vec<usize>>>,
    /// Where the text's line breaks are.
    line_breaks: OnceCell<Vec<usize>>,
    lookup: OnceCell<LookupIndex>,
}

impl<'a> TextIndex<'a> {
    pub fn new(text: &'a str, people: &'a People) -> Self {
        TextIndex {
            text,
            people,
            described: OnceCell::new(),
            organisations: OnceCell::new(),
            line_breaks: OnceCell::new(),
            lookup: OnceCell::new(),
        }
    }

    /// The person named before `at` whom the text described with the last
    /// of the lower-case words `lower` (the head noun), the most of the
    /// others breaking ties ("the harbour board" against "the harbour
    /// board's engineer"), then the one named first.
    pub fn described(&self, lower: &[String], at: usize) -> Option<usize> {
        let people = self.people;
        let end = people.mentions.partition_point(|m| m.span.start < at);
        if end <= WALK {
            return described_by_walk(people, lower, end);
        }
        let head = lower.last()?;
        let described = self.described.get_or_init(|| {
            let mut first = vec![None; people.persons.len()];
            for (i, m) in people.mentions.iter().enumerate() {
                if let Some(slot) = m.person.and_then(|p| first.get_mut(p)) {
                    slot.get_or_insert(i);
                }
            }
            let mut out: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
            for (p, first) in first.iter().enumerate() {
                let Some(first) = *first else { continue };
                for d in &people.persons[p].descriptors {
                    out.entry(d).or_default().push((first, p));
                }
            }
            for list in out.values_mut() {
                list.sort_unstable();
                list.dedup();
            }
            out
        });
        let mut best: Option<(usize, usize)> = None;
        for &(first, p) in described.get(head.as_str())? {
            if first >= end {
                break;
            }
            let descriptors = &people.persons[p].descriptors;
            if lesser(descriptors, lower) {
                continue;
            }
            let score = lower.iter().filter(|w| descriptors.contains(w)).count();
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, p));
                if score == lower.len() {
                    // No one named later can score more.
                    break;
                }
            }
        }
        best.map(|(_, p)| p)
    }

    /// The index of the last organisation mention before `at` that has the
    /// word `head` (in any ASCII case).
    pub fn organisation_with(&self, head: &str, at: usize) -> Option<usize> {
        let (text, mentions) = (self.text, &self.people.mentions);
        let end = mentions.partition_point(|m| m.span.start < at);
        if end <= WALK {
            return organisation_by_walk(text, mentions, head, end);
        }
        let organisations = self.organisations.get_or_init(|| {
            let mut out: HashMap<String, Vec<usize>> = HashMap::new();
            for (i, m) in mentions.iter().enumerate() {
                if m.kind != EntityKind::Organisation {
                    continue;
                }
                for w in m.span.text(text).split_whitespace() {
                    let list = out.entry(w.to_ascii_lowercase()).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
            out
        });
        let list = organisations.get(&head.to_ascii_lowercase())?;
        let before = list.partition_point(|&i| i < end);
        before.checked_sub(1).map(|k| list[k])
    }

    /// "the magazine": the last organisation named after that noun ("US
    /// magazine Mobile PC", "the retailer Tesco") between `from` and `at`.
    pub fn organisation_called(&self, noun: &str, from: usize, at: usize) -> Option<usize> {
        let mentions = &self.people.mentions;
        let end = mentions.partition_point(|m| m.span.start < at);
        mentions[..end]
            .iter()
            .rposition(|m| {
                m.span.start < from || {
                    m.kind == EntityKind::Organisation
                        && noun_before(self.text, m.span).is_some_and(|w| w == noun)
                }
            })
            .filter(|&i| mentions[i].span.start >= from)
    }

    /// The line `span` is in: from after the line break before it to the
    /// line break after it.
    pub fn line_around(&self, span: Span) -> Span {
        let text = self.text;
        let breaks = self
            .line_breaks
            .get_or_init(|| memchr::memchr_iter(b'\n', text.as_bytes()).collect());
        let before = breaks.partition_point(|&b| b < span.start);
        let start = before.checked_sub(1).map_or(0, |k| breaks[k] + 1);
        let after = breaks.partition_point(|&b| b < span.end);
        let end = breaks.get(after).copied().unwrap_or(text.len());
        Span::new(start, end)
    }

    /// [`People::lookup`].
    pub fn lookup(&self, form: &str) -> Option<usize> {
        if self.people.persons.len() <= WALK {
            return self.people.lookup(form);
        }
        self.lookup
            .get_or_init(|| self.people.lookup_index())
            .lookup(form)
    }
}

/// [`TextIndex::described`] by a walk back over the first `end` mentions:
/// the person described with the head noun of `lower` ("the Belgian prime
/// minister" → "minister") and the most of its other words, the first
/// named of those.
fn described_by_walk(people: &People, lower: &[String], end: usize) -> Option<usize> {
    let head = lower.last()?;
    let score = |p: usize| {
        let descriptors = &people.persons[p].descriptors;
        if !descriptors.contains(head) || lesser(descriptors, lower) {
            return 0;
        }
        lower.iter().filter(|w| descriptors.contains(w)).count()
    };
    people.mentions[..end]
        .iter()
        .rev()
        .filter_map(|m| m.person)
        .map(|p| (score(p), p))
        .filter(|&(s, _)| s > 0)
        .max_by_key(|&(s, _)| s)
        .map(|(_, p)| p)
}

/// The person holds a lesser office than the description names: "Deputy
/// Prime Minister Ivo Lind" is not "the prime minister"
/// (`assets/words/lesser-ranks.txt`).
fn lesser(descriptors: &[String], lower: &[String]) -> bool {
    descriptors
        .iter()
        .any(|d| lesser_ranks::contains(d.as_bytes()) && !lower.contains(d))
}

/// [`TextIndex::organisation_with`] by a walk back over the first `end`
/// mentions.
fn organisation_by_walk(text: &str, mentions: &[Mention], head: &str, end: usize) -> Option<usize> {
    (0..end).rev().find(|&i| {
        let m = &mentions[i];
        m.kind == EntityKind::Organisation
            && m.span
                .text(text)
                .split_whitespace()
                .any(|w| w.eq_ignore_ascii_case(head))
    })
}

/// The lower-case noun right before a body's name, which a description
/// may call it by: "US magazine Mobile PC" is "the magazine", "the
/// retailer Tesco" is "the retailer".
fn noun_before(text: &str, name: Span) -> Option<&str> {
    let before = text[..name.start].strip_suffix(' ')?;
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_ascii_lowercase())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[start..];
    (word.len() > 2 && (start == 0 || before[..start].ends_with(' '))).then_some(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::people::find_people;
    use std::fmt::Write as _;

    /// A text long enough for the tables, with people described by shared
    /// words and organisations that share name words.
    fn long_text() -> String {
        let names = [
            "Anna Kalo",
            "John Mireno",
            "Maria Tovash",
            "Peter Dorbel",
            "Sarah Nugo",
            "David Fenli",
            "Laura Samer",
            "Paul Gorash",
        ];
        let roles = [
            "the local teacher",
            "the harbour board's engineer",
            "the retired teacher",
            "the mayor",
        ];
        let orgs = [
            "Kettle Harbour Board",
            "Marlow Town Council",
            "Harbour Trust",
        ];
        let mut text = String::new();
        for k in 0..60 {
            let name = names[k % names.len()];
            let role = roles[k % roles.len()];
            let org = orgs[k % orgs.len()];
            // Writing to a String cannot fail.
            let _ = write!(
                text,
                "{name}, {role}, met the {org} on Monday. The {org} said it would help. "
            );
            if k % 5 == 4 {
                text.push('\n');
            }
        }
        text
    }

    #[test]
    fn the_noun_before_a_name_is_one_lower_case_word() {
        fn at<'t>(text: &'t str, name: &str) -> Option<&'t str> {
            let start = text.find(name).unwrap();
            noun_before(text, Span::new(start, start + name.len()))
        }
        assert_eq!(
            at("by US magazine Mobile PC", "Mobile PC"),
            Some("magazine")
        );
        assert_eq!(at("the retailer Tesco", "Tesco"), Some("retailer"));
        assert_eq!(at("The Tesco", "Tesco"), None);
        // A character of several bytes before the word is no panic.
        assert_eq!(at("said ’café Tesco", "Tesco"), None);
        assert_eq!(at("“retailer Tesco", "Tesco"), None);
    }

    #[test]
    fn the_tables_answer_as_the_walks() {
        let text = long_text();
        let people = find_people(&text);
        assert!(
            people.mentions.len() > 2 * WALK,
            "{}",
            people.mentions.len()
        );
        let index = TextIndex::new(&text, &people);
        let lowers: Vec<Vec<String>> = [
            &["teacher"][..],
            &["local", "teacher"],
            &["retired", "teacher"],
            &["engineer"],
            &["harbour", "engineer"],
            &["mayor"],
            &["board"],
            &["nobody"],
        ]
        .iter()
        .map(|ws| ws.iter().map(|w| (*w).to_owned()).collect())
        .collect();
        let heads = ["board", "Harbour", "council", "trust", "nobody"];
        let ats = people
            .mentions
            .iter()
            .map(|m| m.span.start + 1)
            .chain([text.len()]);
        for at in ats {
            let end = people.mentions.partition_point(|m| m.span.start < at);
            for lower in &lowers {
                assert_eq!(
                    index.described(lower, at),
                    described_by_walk(&people, lower, end),
                    "{lower:?} at {at}"
                );
            }
            for head in heads {
                assert_eq!(
                    index.organisation_with(head, at),
                    organisation_by_walk(&text, &people.mentions, head, end),
                    "{head} at {at}"
                );
            }
        }
        // The lines of the text, as a search from the mention would find them.
        for m in &people.mentions {
            let start = text[..m.span.start].rfind('\n').map_or(0, |n| n + 1);
            let end = text[m.span.end..]
                .find('\n')
                .map_or(text.len(), |n| m.span.end + n);
            assert_eq!(index.line_around(m.span), Span::new(start, end));
        }
    }
}
