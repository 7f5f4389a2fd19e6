//! Which lists the lexicon is made of: each file of `assets/words/`, the
//! flag its words get, the tables it goes into, and how it is read.

use super::flag::{self, Flags};

/// How the lines of a list are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One lower-case word or phrase a line, matched in any case; a `.tsv`
    /// list's extra columns refine the flags (see [`column_flags`]).
    Folded,
    /// Reporting verbs, one a line, whose forms are derived
    /// ([`super::verbs`]).
    Verbs,
    /// One lower-case word a line, matched as written (so "The" is not
    /// "the"), in the small table behind the list's filter; a `.tsv`
    /// list's extra columns give the flags (see [`column_flags`]).
    Exact,
    /// As [`Shape::Exact`], but the words are written in the case they
    /// match ("Mr", "The").
    Cased,
}

/// One word list.
pub struct List {
    /// The file name, in `assets/words/`.
    pub name: &'static str,
    /// The file's text.
    pub text: &'static str,
    /// The flags every word of the list gets.
    pub flags: Flags,
    pub shape: Shape,
    /// The list is in the table of every word (looked up for capitalised
    /// words); lists of names and places are only there.
    pub big: bool,
    /// The list is in the small table (function words, titles, verbs),
    /// looked up for lower-case words and kept in cache.
    pub small: bool,
}

macro_rules! list {
    ($name:literal, $flags:expr, $shape:ident, $big:literal, $small:literal) => {
        List {
            name: $name,
            text: include_str!(concat!("../../../assets/words/", $name)),
            flags: $flags,
            shape: Shape::$shape,
            big: $big,
            small: $small,
        }
    };
}

/// Every list, in the order their words are added (later lists add flags
/// to the words of earlier ones).
pub const LISTS: &[List] = &[
    // Names and places: capitalised words only.
    list!("given.tsv", flag::GIVEN, Folded, true, false),
    list!("given-extra.tsv", flag::GIVEN, Folded, true, false),
    list!("surnames.txt", flag::SURNAME, Folded, true, false),
    list!("places.txt", flag::PLACE, Folded, true, false),
    list!("places-extra.txt", flag::PLACE, Folded, true, false),
    list!("common.txt", flag::COMMON, Folded, true, false),
    // The people engine's small lists, which capitalised words may be too.
    list!("titles.tsv", 0, Folded, true, true),
    list!("orgwords.tsv", 0, Folded, true, true),
    list!("companies.txt", flag::ORG, Folded, true, false),
    list!("demonyms.txt", flag::DEMONYM, Folded, true, true),
    list!("furniture.txt", flag::FURNITURE, Folded, true, true),
    list!("time.txt", flag::TIME, Folded, true, true),
    list!("thing-words.tsv", 0, Folded, false, true),
    // Both engines': the people engine's forms in both tables, the quote
    // engine's cues in the small one.
    list!("reporting-verbs.tsv", 0, Verbs, true, true),
    // Matched as written.
    list!("sentence-openers.txt", flag::OPENER, Cased, false, true),
    list!("abbreviations.txt", flag::ABBREVIATION, Cased, false, true),
    list!("adverbs.txt", flag::ADVERB, Exact, false, true),
    list!("stop-words.txt", flag::STOP, Exact, false, true),
    list!("time-words.txt", flag::TIME_WORD, Cased, false, true),
    list!(
        "clause-openers.txt",
        flag::CLAUSE_OPENER,
        Cased,
        false,
        true
    ),
    list!(
        "subject-openers.txt",
        flag::SUBJECT_OPENER,
        Cased,
        false,
        true
    ),
    // The quote engine's, in any case.
    list!("determiners.tsv", flag::DETERMINER, Folded, false, true),
    list!("pronouns.tsv", flag::PRONOUN, Folded, false, true),
    list!("statement-nouns.txt", flag::STATEMENT, Folded, false, true),
    // Behind filters of their own, flags from their tags.
    list!("speech-nouns.tsv", 0, Exact, false, true),
    list!("function-words.tsv", 0, Exact, false, true),
    list!("work-words.txt", flag::WORK_WORD, Exact, false, true),
];

/// Flags from the extra columns of a `.tsv` line: `m`/`f` for a given
/// name's gender; `h`/`t`/`q` (or `-`, none) and a gender for a title, and
/// the tag `role` for a noun that names a person in a description; `o`/`p`
/// (or `-`) for an organisation or place word, and the tags `head`,
/// `speaker` and `referent` (see [`flag::ORG_HEAD`],
/// [`flag::SPEAKING_ORG`], [`flag::ORG_REFERENT`]); the tags `before`,
/// `stock`, `adjective` and `thing` of a word that says a name beside it
/// names a thing ([`flag::THING_BEFORE`], [`flag::STOCK`],
/// [`flag::ADJECTIVE_SUFFIX`], [`flag::THING_SUFFIX`]); the tags
/// `possessive` and `plural` of a word for speech ([`flag::SPEECH_NOUN`],
/// [`flag::SPEECH_PLURAL`]); the tags `infinitive`, `passive`,
/// `progressive` and `contrast` of a function word ([`flag::INFINITIVE`],
/// [`flag::PASSIVE`], [`flag::PROGRESSIVE`], [`flag::CONTRAST`]); the tag `indefinite` of a
/// determiner ([`flag::INDEFINITE`]) and `third` of a pronoun
/// ([`flag::THIRD_PERSON`]).
pub fn column_flags<'a>(cols: impl Iterator<Item = &'a str>) -> Flags {
    let mut f = 0;
    for col in cols {
        f |= match col {
            "h" => flag::HONORIFIC,
            "t" => flag::TITLE,
            "q" => flag::QUALIFIER,
            "o" => flag::ORG,
            "p" => flag::PLACE_WORD,
            "role" => flag::ROLE_NOUN,
            "head" => flag::ORG_HEAD,
            "speaker" => flag::SPEAKING_ORG,
            "before" => flag::THING_BEFORE,
            "stock" => flag::STOCK,
            "adjective" => flag::ADJECTIVE_SUFFIX,
            "thing" => flag::THING_SUFFIX,
            "referent" => flag::ORG_REFERENT,
            "possessive" => flag::SPEECH_NOUN,
            "plural" => flag::SPEECH_PLURAL,
            "infinitive" => flag::INFINITIVE,
            "passive" => flag::PASSIVE,
            "progressive" => flag::PROGRESSIVE,
            "contrast" => flag::CONTRAST,
            "indefinite" => flag::INDEFINITE,
            "third" => flag::THIRD_PERSON,
            _ => 0,
        };
        // The gender column differs between given names (m/f) and titles.
        f |= match (col, f & (flag::HONORIFIC | flag::TITLE) != 0) {
            ("m", false) => flag::MALE,
            ("f", false) => flag::FEMALE,
            ("m", true) => flag::TITLE_MALE,
            ("f", true) => flag::TITLE_FEMALE,
            _ => 0,
        };
    }
    f
}

/// The entries of a list: its lines without comments and blank lines,
/// each split into the word (or phrase) and its other columns.
pub fn entries(text: &str) -> impl Iterator<Item = (&str, std::str::Split<'_, char>)> + Clone {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut cols = l.split('\t');
            let word = cols.next().unwrap_or("").trim();
            (word, cols)
        })
        .filter(|(word, _)| !word.is_empty())
}
