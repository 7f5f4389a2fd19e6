//! People: the persons named in a text, their mentions, roles and genders,
//! with the spellings of one person grouped together.
//!
//! A rule-and-lexicon engine (no model), in five steps:
//!
//! 1. `token` splits the text into words with their capitalisation and
//!    sentence starts;
//! 2. `candidates` finds runs of capitalised words (with particles: de,
//!    van der, bin, al-), `openers` drops sentence openers ("But") and
//!    name suffixes ("Jr"), and `title` splits off the title chain before
//!    them as a role ("NATO Secretary General");
//! 3. `evidence` scores each candidate: given names, titles, "X said",
//!    appositions and (`layout`) sports tables for; places, organisation
//!    words, acronyms, dates and common words against (`things`: a
//!    brand's or a band's form and grammar); `kinds` says what
//!    a phrase is when it is not a person; every rule's points are one
//!    field of `weights::Weights`;
//! 4. `resolve` accepts the candidates that score enough, then the ones
//!    made of words already known as a person's in the article and the
//!    neighbours of persons in lists, and builds the entity mentions
//!    (persons, organisations, places);
//! 5. `grouping` groups spellings of one person (transliteration key,
//!    guarded similarity) and `gender` reads the gender where the text
//!    tells it.
//!
//! The word lists live in `assets/words/` (`analysis::lexicon`); `assets/README.md`
//! gives their sources and licences. [`People::lookup`] finds a person by
//! any written form (`lookup`).

mod candidates;
mod evidence;
mod gender;
mod grouping;
mod kinds;
mod layout;
mod lookup;
mod openers;
mod resolve;
mod things;
mod title;
mod token;
mod weights;

use super::Span;
use serde::Serialize;
use std::cell::RefCell;

pub use grouping::{jaro_winkler, key as word_key, same_word};
pub use kinds::is_preposition;
pub use lookup::Index as LookupIndex;

/// A person's gender, where the text tells it (a title, a given name, he or she).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// A woman.
    Female,
    /// A man.
    Male,
}

/// One person named in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The fullest form of the name found.
    pub name: String,
    /// The other forms that refer to this person, without `name`.
    pub aliases: Vec<String>,
    /// Where the person is named, in text order.
    pub mentions: Vec<Span>,
    /// A role from a title chain or apposition ("NATO Secretary General").
    pub role: Option<String>,
    /// Their gender, when the text tells it.
    pub gender: Option<Gender>,
    /// Lower-case words the text uses to describe the person, from title
    /// chains and appositions: "norwegian", "secretary", "45-year-old".
    pub descriptors: Vec<String>,
}

impl Person {
    /// The name and every alias.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// What kind of thing a named entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    /// A person.
    Person,
    /// A company, party, ministry, team...
    Organisation,
    /// A country, town, region...
    Place,
}

/// A mention of a named entity in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Where it is in the text.
    pub span: Span,
    /// What it names.
    pub kind: EntityKind,
    /// Index into [`People::persons`] for a person.
    pub person: Option<usize>,
}

/// The result of [`find_people`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct People {
    /// The people named, in order of first mention.
    pub persons: Vec<Person>,
    /// Every entity mention (persons, organisations, places), sorted by start.
    pub mentions: Vec<Mention>,
}

impl People {
    /// The person named by a mention that overlaps `span`.
    pub fn person_at(&self, span: Span) -> Option<usize> {
        let from = self.mentions.partition_point(|m| m.span.end <= span.start);
        self.mentions[from..]
            .iter()
            .take_while(|m| m.span.start < span.end.max(span.start + 1))
            .find(|m| m.span.overlaps(span) || (span.is_empty() && m.span.contains(span)))
            .and_then(|m| m.person)
    }

    /// The person a name form refers to, as written in any text:
    /// "Zelenski", "Mr. Putin", "Jens Stoltenberg's". Exact forms first,
    /// then spelling variants, then a surname or given name alone when
    /// only one person has it.
    pub fn lookup(&self, form: &str) -> Option<usize> {
        lookup::lookup(&self.persons, form)
    }

    /// [`People::lookup`] for many look-ups: an index of every person's
    /// forms, whose look-ups give the same answers.
    pub fn lookup_index(&self) -> LookupIndex {
        LookupIndex::new(&self.persons)
    }

    /// The entity mention (of any kind) that overlaps `span`.
    pub fn mention_at(&self, span: Span) -> Option<&Mention> {
        self.mentions.iter().find(|m| m.span.overlaps(span))
    }
}

/// Finds the people named in `text`, and the organisations and places.
pub fn find_people(text: &str) -> People {
    BUFFERS.with(|buffers| match buffers.try_borrow_mut() {
        Ok(mut buffers) => {
            let people = people_in(text, &mut buffers);
            if buffers.tokens.capacity() > KEEP_TOKENS {
                // an outsized text: give its memory back
                *buffers = Buffers::default();
            }
            people
        }
        Err(_) => people_in(text, &mut Buffers::default()),
    })
}

/// The tokens and candidates of a text, kept from one text to the next:
/// buffers the size of an article, allocated and freed for each, cost
/// more in the allocator than tokenizing some of it did.
#[derive(Default)]
struct Buffers {
    tokens: Vec<token::Token>,
    cands: Vec<candidates::Candidate>,
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = const {
        RefCell::new(Buffers {
            tokens: Vec::new(),
            cands: Vec::new(),
        })
    };
}

/// The most tokens a kept buffer holds (2 MB): enough for long articles.
const KEEP_TOKENS: usize = 1 << 16;

fn people_in(text: &str, buffers: &mut Buffers) -> People {
    let Buffers { tokens, cands } = buffers;
    token::tokenize_into(text, tokens);
    candidates::find_into(text, tokens, cands);
    resolve::resolve(text, tokens, cands)
}

/// The word may be part of a person's name: a given name or surname, or
/// a word in none of the lists ("Holger", "Zbyk"; not "President",
/// "Party", "Oslo", "Tuesday").
pub fn may_be_name_word(word: &str) -> bool {
    use crate::analysis::lexicon::{self, flag};
    let f = lexicon::flags(word);
    f & (flag::GIVEN | flag::SURNAME) != 0 || f & flag::NOT_A_NAME == 0
}

/// Parses the embedded word lists now rather than on first use.
pub fn warm_up() {
    crate::analysis::lexicon::warm_up();
}

/// Every candidate with its role and evidence score, in text order: why a
/// phrase was or was not taken as a person (for debugging the rules).
pub fn explain(text: &str) -> Vec<(String, Option<String>, f32)> {
    let tokens = token::tokenize(text);
    candidates::find(text, &tokens)
        .iter()
        .map(|c| {
            let v = evidence::judge(&evidence::Ctx::new(text, &tokens, c));
            (
                c.name(text, &tokens),
                c.role_text(text, &tokens).map(str::to_owned),
                v.score,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests;
