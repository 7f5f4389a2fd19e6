//! Looking a person up by a name form as written anywhere ("Zelenski",
//! "Mr. Putin", "Jens Stoltenberg's"), for the quote engine and search.

use super::Person;
use super::grouping::{self, Form};
use super::lexicon::{self, flag};

/// See [`People::lookup`].
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
