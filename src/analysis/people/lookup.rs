//! Looking a person up by a name form as written anywhere ("Zelenski",
//! "Mr. Putin", "Jens Stoltenberg's"), for the quote engine and search.

use super::Person;
use super::grouping::{self, Form, skeleton};
use crate::analysis::lexicon::{self, flag};
use std::collections::HashMap;

/// See [`People::lookup`](super::People::lookup).
pub fn lookup(persons: &[Person], form: &str) -> Option<usize> {
    let form = normalise(form);
    if form.is_empty() {
        return None;
    }
    let exact = persons
        .iter()
        .position(|p| p.forms().any(|f| f.eq_ignore_ascii_case(&form)));
    if exact.is_some() {
        return exact;
    }
    let want = Form::new(&form);
    let multi = want.key_count() >= 2;
    let matching: Vec<usize> = (0..persons.len())
        .filter(|&i| {
            persons[i].forms().any(|f| {
                let have = Form::new(f);
                if multi {
                    have.key_count() >= 2 && grouping::same_full(&have, &want)
                } else {
                    grouping::same_word(have.surname(), want.surname())
                }
            })
        })
        .collect();
    if matching.len() == 1 || (multi && !matching.is_empty()) {
        return matching.first().copied();
    }
    let given: Vec<usize> = (0..persons.len())
        .filter(|&i| {
            let f = Form::new(&persons[i].name);
            f.given()
                .is_some_and(|g| grouping::same_word(g, want.surname()))
        })
        .collect();
    (given.len() == 1).then(|| given[0])
}

/// `lookup` for many look-ups among the same persons (the quote engine
/// asks once for each quote it cannot place): the forms are read once,
/// and each look-up compares a form only with those that may match it.
/// The answers are `lookup`'s.
pub struct Index {
    /// Each form lower-cased (ASCII letters only, as `eq_ignore_ascii_case`
    /// compares), with the first person who has it.
    exact: HashMap<String, usize>,
    /// Each person's forms by the [`skeleton`] of their surname, in person
    /// order: [`grouping::same_word`] matches only keys of one skeleton.
    by_surname: HashMap<u64, Vec<(usize, Form)>>,
    /// Each person's given name (of the name's form) by its skeleton, in
    /// person order.
    by_given: HashMap<u64, Vec<(usize, String)>>,
}

impl Index {
    /// Reads the forms of `persons` once.
    pub fn new(persons: &[Person]) -> Self {
        let mut index = Index {
            exact: HashMap::new(),
            by_surname: HashMap::new(),
            by_given: HashMap::new(),
        };
        for (i, person) in persons.iter().enumerate() {
            for f in person.forms() {
                index.exact.entry(f.to_ascii_lowercase()).or_insert(i);
                let have = Form::new(f);
                index
                    .by_surname
                    .entry(skeleton(have.surname()))
                    .or_default()
                    .push((i, have));
            }
            let name = Form::new(&person.name);
            if let Some(given) = name.given() {
                index
                    .by_given
                    .entry(skeleton(given))
                    .or_default()
                    .push((i, given.to_owned()));
            }
        }
        index
    }

    /// See `lookup`.
    pub fn lookup(&self, form: &str) -> Option<usize> {
        let form = normalise(form);
        if form.is_empty() {
            return None;
        }
        if let Some(&exact) = self.exact.get(&form.to_ascii_lowercase()) {
            return Some(exact);
        }
        let want = Form::new(&form);
        let multi = want.key_count() >= 2;
        let key = skeleton(want.surname());
        // The persons (in order, each once) with a form that matches.
        let (mut first, mut count, mut last) = (None, 0, None);
        for (i, have) in self.by_surname.get(&key).map_or(&[][..], Vec::as_slice) {
            let matches = if multi {
                have.key_count() >= 2 && grouping::same_full(have, &want)
            } else {
                grouping::same_word(have.surname(), want.surname())
            };
            if matches && last != Some(*i) {
                first = first.or(Some(*i));
                count += 1;
                last = Some(*i);
            }
        }
        if count == 1 || (multi && count > 0) {
            return first;
        }
        let mut given = self
            .by_given
            .get(&key)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter(|(_, g)| grouping::same_word(g, want.surname()));
        match (given.next(), given.next()) {
            (Some(&(i, _)), None) => Some(i),
            _ => None,
        }
    }
}

/// A name form without a possessive, leading titles or extra spaces.
fn normalise(form: &str) -> String {
    let words: Vec<&str> = form.split_whitespace().collect();
    let skip = words
        .iter()
        .take(words.len().saturating_sub(1))
        .take_while(|w| lexicon::flags(w) & (flag::HONORIFIC | flag::TITLE | flag::QUALIFIER) != 0)
        .count();
    let mut out = words[skip..].join(" ");
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(s) = out.strip_suffix(suffix) {
            out = s.to_owned();
            break;
        }
    }
    out
}
