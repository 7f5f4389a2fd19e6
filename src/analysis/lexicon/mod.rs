//! The lexicon: every word list either engine consults, from the files of
//! `assets/words/` (one file per list, a header in each saying what it
//! feeds; `assets/README.md` gives their sources and licences), looked up
//! through one map from a word to its flags: what lists it is in.
//!
//! 1. [`lists`] names the files, the flag of each and how it is read;
//! 2. the lists are parsed once, on first use, into two tables of one
//!    kind ([`map::WordMap`]): every list, for capitalised words, and the
//!    small lists (titles, function words, verbs), for lower-case words;
//! 3. a word is looked up by a hash of it lower-cased ([`flags`],
//!    [`small_flags`]) or as written ([`exact_flags`]), and the caller
//!    tests the flags it cares about;
//! 4. the short lists asked about at almost every word (name particles,
//!    prepositions, pronouns…) are compiled into the binary instead, by
//!    `build.rs`, as one `matches!` per list or tag: [`compiled`].

pub mod compiled;
mod lists;
mod map;
pub mod verbs;

use crate::hash::word_hash;
use lists::{LISTS, Shape};
use map::{SHAPES, WordMap, lower_hash, shape};
use std::sync::LazyLock;
pub use verbs::Form;

/// What a word can be, as bits: see [`flag`].
pub type Flags = u64;

/// Bit flags: what a word can be. One word may carry several (for example
/// "jordan" is a given name, a surname and a place). The people engine's
/// lists hold the low 32 bits ([`flag::PEOPLE`]), the quote engine's the
/// high ones.
pub mod flag {
    /// What a word can be, as bits.
    pub type Flags = u64;

    pub const GIVEN: Flags = 1;
    pub const MALE: Flags = 1 << 1;
    pub const FEMALE: Flags = 1 << 2;
    pub const SURNAME: Flags = 1 << 3;
    pub const PLACE: Flags = 1 << 4;
    pub const COMMON: Flags = 1 << 5;
    /// Mr, Dr., Sen.: stands right before a name.
    pub const HONORIFIC: Flags = 1 << 6;
    /// A role noun that ends a title chain: president, minister, coach.
    pub const TITLE: Flags = 1 << 7;
    /// A word that may stand inside a title chain: prime, deputy, foreign.
    pub const QUALIFIER: Flags = 1 << 8;
    pub const ORG: Flags = 1 << 9;
    /// Street, river, province: the phrase is a place.
    pub const PLACE_WORD: Flags = 1 << 10;
    pub const DEMONYM: Flags = 1 << 11;
    pub const FURNITURE: Flags = 1 << 12;
    pub const TIME: Flags = 1 << 13;
    pub const VERB: Flags = 1 << 14;
    /// The title or honorific says the person is a man / a woman.
    pub const TITLE_MALE: Flags = 1 << 15;
    pub const TITLE_FEMALE: Flags = 1 << 16;
    /// Opens a sentence, never part of a name: "The", "But", "Will"
    /// (matched as written: [`super::exact_flags`]).
    pub const OPENER: Flags = 1 << 17;
    /// The lists of words that are not names (places, common words,
    /// titles, organisation words, dates...).
    pub const NOT_A_NAME: Flags = PLACE
        | COMMON
        | HONORIFIC
        | TITLE
        | QUALIFIER
        | ORG
        | PLACE_WORD
        | DEMONYM
        | FURNITURE
        | TIME;
    /// Every flag of the lists the people engine reads.
    pub const PEOPLE: Flags = (1 << 32) - 1;

    /// A reporting verb's finite form: said, says, tells.
    pub const CUE_FINITE: Flags = 1 << 32;
    /// A reporting verb's participle: saying, adding.
    pub const CUE_PARTICIPLE: Flags = 1 << 33;
    /// A reporting verb's base form: say, tell.
    pub const CUE_BASE: Flags = 1 << 34;
    /// A form of a naming verb ("called it a …").
    pub const CUE_NAMING: Flags = 1 << 35;
    /// Any form of a reporting verb.
    pub const CUE: Flags = CUE_FINITE | CUE_PARTICIPLE | CUE_BASE;
    /// What one form of a reporting verb says about it.
    pub const CUE_FORM: Flags = CUE | CUE_NAMING;
    /// The first word of a two-word cue ("pointed" of "pointed out").
    pub const CUE_HEAD: Flags = 1 << 36;
    /// The second word of a two-word cue ("out", "up", "on").
    pub const CUE_PARTICLE: Flags = 1 << 37;
    /// May stand between a speaker and the cue: "also", "flatly".
    pub const ADVERB: Flags = 1 << 38;
    /// Ends a speaker phrase: "and", "who", "of".
    pub const STOP: Flags = 1 << 39;
    /// Takes a dot that does not end a sentence: "Mr", "Calif", "Inc".
    pub const ABBREVIATION: Flags = 1 << 40;
    /// Heads a description of an organisation: "X, the company that …"
    /// (`orgwords.tsv`, tag `head`). Read by the people engine, but
    /// outside [`PEOPLE`]: it says nothing about a name.
    pub const ORG_HEAD: Flags = 1 << 41;
    /// Opens a noun phrase: "the", "his", "several".
    pub const DETERMINER: Flags = 1 << 42;
    /// A personal pronoun: "he", "they".
    pub const PRONOUN: Flags = 1 << 43;
    /// A word of a time phrase before a cue: "Tuesday", "week" (matched
    /// as written).
    pub const TIME_WORD: Flags = 1 << 44;
    /// Opens a phrase before a clause's subject: "In", "Speaking" (matched
    /// as written).
    pub const CLAUSE_OPENER: Flags = 1 << 45;
    /// Opens a phrase before a sentence's subject: "After", "Pressed"
    /// (matched as written).
    pub const SUBJECT_OPENER: Flags = 1 << 46;
    /// Words said or written: "the statement said".
    pub const STATEMENT: Flags = 1 << 47;
    /// Names a person in a description: "the minister said"
    /// (`titles.tsv`, tag `role`).
    pub const ROLE_NOUN: Flags = 1 << 48;
    /// An organisation that speaks through its people: "the Trump
    /// campaign said" (`orgwords.tsv`, tag `speaker`).
    pub const SPEAKING_ORG: Flags = 1 << 49;
    /// A body's noun that a name may follow after "of" or "for": an
    /// organisation word or one that speaks ("the Department for
    /// Transport", "the Campaign for Real Ale").
    pub const BODY_NOUN: Flags = ORG | SPEAKING_ORG;
    /// A noun that says the name right after it names a thing: "search
    /// engine firm Google", "the film Vera Drake" (`thing-words.tsv`, tag
    /// `before`). Outside [`PEOPLE`], as [`ORG_HEAD`].
    pub const THING_BEFORE: Flags = 1 << 50;
    /// A company's shares: "shares in X", "X's shareholders"
    /// (`thing-words.tsv`, tag `stock`).
    pub const STOCK: Flags = 1 << 51;
    /// After a hyphen, makes a capitalised word an adjective: "Denver-based",
    /// "French-language" (`thing-words.tsv`, tag `adjective`).
    pub const ADJECTIVE_SUFFIX: Flags = 1 << 52;
    /// After a hyphen, makes a word an adjective that says the name after
    /// it names a company or an organisation: "Denver-based Qorvath",
    /// "state-owned Qorvath" (`thing-words.tsv`, tag `thing`).
    pub const THING_SUFFIX: Flags = 1 << 53;
    /// A body a description stands for: "the company said" is the one
    /// last named (`orgwords.tsv`, tag `referent`).
    pub const ORG_REFERENT: Flags = 1 << 54;
    /// A word for what someone said that, after a possessive, gives the
    /// speaker: "his pledge to …" (`speech-nouns.tsv`, tag `possessive`).
    pub const SPEECH_NOUN: Flags = 1 << 55;
    /// A plural word for what someone said, a noun after an adjective:
    /// "Democratic claims" (`speech-nouns.tsv`, tag `plural`).
    pub const SPEECH_PLURAL: Flags = 1 << 56;
    /// Before a base form no one has said yet: "to", "will", "did"
    /// (`function-words.tsv`, tag `infinitive`).
    pub const INFINITIVE: Flags = 1 << 57;
    /// Before a passive participle: "was", "got" (`function-words.tsv`,
    /// tag `passive`).
    pub const PASSIVE: Flags = 1 << 58;
    /// Before a participle that is the main verb: "is", "kept"
    /// (`function-words.tsv`, tag `progressive`).
    pub const PROGRESSIVE: Flags = 1 << 59;
    /// Between two cues that are not one speaker's: "but", "whereas"
    /// (`function-words.tsv`, tag `contrast`).
    pub const CONTRAST: Flags = 1 << 60;
    /// Opens a phrase that introduces someone: "a", "another"
    /// (`determiners.tsv`, tag `indefinite`).
    pub const INDEFINITE: Flags = 1 << 61;
    /// A third-person pronoun: "he", "they" (`pronouns.tsv`, tag `third`).
    pub const THIRD_PERSON: Flags = 1 << 62;
    /// Before a quote, says it names a work: "the show", "titled"
    /// (`work-words.txt`).
    pub const WORK_WORD: Flags = 1 << 63;
}

/// The tables made from the lists.
struct Tables {
    /// Every list: one probe answers a capitalised word.
    all: WordMap,
    /// The small lists, which stay in cache for the many lookups of
    /// lower-case words around a name or a quote.
    small: WordMap,
    /// A bit per [`shape`] of the small lists' words: most words looked up
    /// there are in none of them, and their shape says so at once.
    small_shapes: Vec<u64>,
    /// A filter per list asked for most words near a quote ([`Filter`]):
    /// a bit per [`filter_bit`] of its words. Each lookup asks its own
    /// list's filter only, so that the words of the other lists (function
    /// words, mostly) do not pass it.
    filters: Vec<u64>,
    /// The first words of the phrases of `all` ("new" of "new york"): a
    /// phrase whose first word is none of them is in no list, which
    /// spares joining and hashing the phrase.
    phrase_heads: WordMap,
}

static TABLES: LazyLock<Tables> = LazyLock::new(build);

fn build() -> Tables {
    let sizes = |pick: fn(&lists::List) -> bool| -> usize {
        LISTS
            .iter()
            .filter(|l| pick(l))
            .map(|l| lists::entries(l.text).count() * if l.shape == Shape::Verbs { 6 } else { 1 })
            .sum()
    };
    let mut t = Tables {
        all: WordMap::with_capacity(sizes(|l| l.big)),
        small: WordMap::with_capacity(sizes(|l| l.small)),
        small_shapes: vec![0; SHAPES.div_ceil(64)],
        filters: vec![0; FILTERS * FILTER_BITS / 64],
        phrase_heads: WordMap::with_capacity(1024),
    };
    for list in LISTS {
        for (word, cols) in lists::entries(list.text) {
            match list.shape {
                Shape::Folded => {
                    let flags = list.flags | lists::column_flags(cols);
                    t.add(list, word, word_hash(word.as_bytes()), 0, flags);
                }
                Shape::Verbs => t.add_verb(list, word, cols),
                Shape::Exact | Shape::Cased => {
                    t.add_exact(word, 0, list.flags | lists::column_flags(cols));
                }
            }
        }
    }
    t
}

impl Tables {
    /// Adds `word` of `list` (hashed as `hash`), setting the bits of
    /// `group` to `flags`.
    fn add(&mut self, list: &lists::List, word: &str, hash: u64, group: Flags, flags: Flags) {
        if list.big {
            self.all.set(hash, group, flags);
            if let Some((head, _)) = word.split_once(' ') {
                self.phrase_heads.set(word_hash(head.as_bytes()), 0, 1);
            }
        }
        if list.small {
            self.small.set(hash, group, flags);
            let k = shape(word.as_bytes());
            self.small_shapes[k / 64] |= 1 << (k % 64);
            self.filter(word, list.flags);
        }
    }

    /// One reporting verb: its forms the people engine reads, into both
    /// tables; and its cues, into the small table behind the cue filter
    /// only, so that they cost the people engine's lookups nothing. A
    /// line that cannot be read is skipped in release builds (the list test
    /// reports it).
    fn add_verb<'a>(
        &mut self,
        list: &lists::List,
        entry: &str,
        tags: impl Iterator<Item = &'a str>,
    ) {
        let verb = verbs::parse(entry, tags);
        debug_assert!(verb.is_ok(), "{}: {entry}: {verb:?}", list.name);
        let Ok(verb) = verb else {
            return;
        };
        for word in &verb.people {
            self.add(list, word, word_hash(word.as_bytes()), 0, flag::VERB);
        }
        if verb.cue {
            for form in &verb.forms {
                self.add_cue(form, verb.naming);
            }
        }
    }

    /// One form of a cue, the later entry's reading winning where two
    /// give one form; and the words of a two-word cue, each marked as such.
    fn add_cue(&mut self, form: &verbs::Inflected, naming: bool) {
        let bits = match form.form {
            Form::Finite => flag::CUE_FINITE,
            Form::Participle => flag::CUE_PARTICIPLE,
            Form::Base => flag::CUE_BASE,
        } | if naming { flag::CUE_NAMING } else { 0 };
        let key = word_hash(form.text.as_bytes());
        if let Some((head, particle)) = form.text.split_once(' ') {
            self.add_exact(head, 0, flag::CUE_HEAD);
            self.filter(head, flag::CUE);
            self.add_exact(particle, 0, flag::CUE_PARTICLE);
            // The pair is looked up as a pair, never by its shape.
            self.small.set(key, flag::CUE_FORM, bits);
        } else {
            self.add_exact(&form.text, flag::CUE_FORM, bits);
            self.filter(&form.text, flag::CUE);
        }
    }

    /// Sets the bits of `group` of a word matched as written to `flags`,
    /// and its bit in the filter of its list, if that has one.
    fn add_exact(&mut self, word: &str, group: Flags, flags: Flags) {
        self.small.set(word_hash(word.as_bytes()), group, flags);
        self.filter(word, flags);
    }

    /// Sets the bit of `word` in the filter of the list whose flag is
    /// `list`, if it has one.
    fn filter(&mut self, word: &str, list: Flags) {
        if let Some(f) = filter_of(list) {
            let k = filter_bit(f, word.as_bytes());
            self.filters[k / 64] |= 1 << (k % 64);
        }
    }
}

/// The flags of `word` in every list, compared case-insensitively; 0 when
/// unknown.
#[inline]
pub fn flags(word: &str) -> Flags {
    TABLES.all.get(lower_hash(word.as_bytes()))
}

/// [`small_flags`] of a word written in lower-case ASCII, 0 for any
/// other: a lower-case list matched as written ("company", not "Company").
#[inline]
pub fn lower_case_flags(word: &[u8]) -> Flags {
    if word.iter().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        return 0;
    }
    small_flags(word)
}

/// The flags of `word` in the small lists only (titles, verbs,
/// organisation and place words, demonyms, furniture, dates, the quote
/// engine's function words), compared case-insensitively: enough for
/// lower-case words.
#[inline]
pub fn small_flags(word: &[u8]) -> Flags {
    let t = &*TABLES;
    // The list words are ASCII but for a few accented ones, which the
    // filter was built with too; a byte shape is the same either way.
    let k = shape(word);
    if t.small_shapes[k / 64] & (1 << (k % 64)) == 0 {
        return 0;
    }
    t.small.get(lower_hash(word))
}

/// The flags of `word` as written if it may be in the list of `filter`,
/// else 0: most words are turned away by that list's filter, without
/// hashing the word. Only the flags of the lists matched as written are
/// meaningful.
#[inline]
pub fn exact_flags(word: &[u8], filter: Filter) -> Flags {
    if TABLES.passes(word, filter) {
        exact_lookup(word)
    } else {
        0
    }
}

/// The lookup behind the filter, apart: the filter is inlined at every
/// call, and most words stop there.
#[inline(never)]
fn exact_lookup(word: &[u8]) -> Flags {
    TABLES.small.get(word_hash(word))
}

/// [`small_flags`] of `word` if it may be in the list of `filter` (a list
/// matched in any case), else 0.
#[inline]
pub fn folded_flags(word: &[u8], filter: Filter) -> Flags {
    if TABLES.passes(word, filter) {
        folded_lookup(word)
    } else {
        0
    }
}

/// The lookup behind the filter of [`folded_flags`].
#[inline(never)]
fn folded_lookup(word: &[u8]) -> Flags {
    TABLES.small.get(lower_hash(word))
}

impl Tables {
    /// `word` passes `filter`: it may be in its list.
    #[inline]
    fn passes(&self, word: &[u8], filter: Filter) -> bool {
        let k = filter_bit(filter, word);
        self.filters[k / 64] >> (k % 64) & 1 != 0
    }
}

/// A list asked about most words near a quote, which has a filter of its
/// own in front of the lookup ([`exact_flags`], [`folded_flags`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Filter(usize);

impl Filter {
    /// The reporting verbs' forms and the first words of two-word cues.
    pub const CUES: Filter = Filter(0);
    /// The second words of two-word cues ("out").
    pub const PARTICLES: Filter = Filter(1);
    pub const ADVERBS: Filter = Filter(2);
    pub const STOP_WORDS: Filter = Filter(3);
    pub const ABBREVIATIONS: Filter = Filter(4);
    pub const OPENERS: Filter = Filter(5);
    pub const TIME_WORDS: Filter = Filter(6);
    pub const CLAUSE_OPENERS: Filter = Filter(7);
    pub const SUBJECT_OPENERS: Filter = Filter(8);
    pub const DETERMINERS: Filter = Filter(9);
    pub const PRONOUNS: Filter = Filter(10);
    /// `speech-nouns.tsv`, every tag.
    pub const SPEECH_NOUNS: Filter = Filter(11);
    /// `function-words.tsv`, every tag.
    pub const FUNCTION_WORDS: Filter = Filter(12);
    pub const WORK_WORDS: Filter = Filter(13);
}

/// How many lists have a filter.
const FILTERS: usize = 14;

/// The flags of the tags of `speech-nouns.tsv`, which share its filter.
const SPEECH_TAGS: Flags = flag::SPEECH_NOUN | flag::SPEECH_PLURAL;

/// The flags of the tags of `function-words.tsv`, which share its filter.
const FUNCTION_TAGS: Flags = flag::INFINITIVE | flag::PASSIVE | flag::PROGRESSIVE | flag::CONTRAST;

/// The filter of the list whose flag is `list` (or, for a list of tags,
/// whose word has the flags `list`), if it has one.
fn filter_of(list: Flags) -> Option<Filter> {
    if list & SPEECH_TAGS != 0 {
        return Some(Filter::SPEECH_NOUNS);
    }
    if list & FUNCTION_TAGS != 0 {
        return Some(Filter::FUNCTION_WORDS);
    }
    Some(match list {
        flag::CUE => Filter::CUES,
        flag::CUE_PARTICLE => Filter::PARTICLES,
        flag::ADVERB => Filter::ADVERBS,
        flag::STOP => Filter::STOP_WORDS,
        flag::ABBREVIATION => Filter::ABBREVIATIONS,
        flag::OPENER => Filter::OPENERS,
        flag::TIME_WORD => Filter::TIME_WORDS,
        flag::CLAUSE_OPENER => Filter::CLAUSE_OPENERS,
        flag::SUBJECT_OPENER => Filter::SUBJECT_OPENERS,
        flag::DETERMINER => Filter::DETERMINERS,
        flag::PRONOUN => Filter::PRONOUNS,
        flag::WORK_WORD => Filter::WORK_WORDS,
        _ => return None,
    })
}

/// How many bits each filter has: its list is at most a thousand words
/// (the reporting verbs' forms), so few other shapes share their bits.
const FILTER_BITS: usize = 1 << 14;

/// Where a word's shape (length, first two and last bytes, case folded
/// so that "The" and "the" share it) is in `filter`. Two shapes may share
/// a bit; the lookup after tells them apart.
#[inline]
fn filter_bit(filter: Filter, word: &[u8]) -> usize {
    let letters = [
        word.first().map_or(0, |b| b | 0x20),
        word.get(1).map_or(0, |b| b | 0x20),
        word.last().map_or(0, |b| b | 0x20),
        word.len() as u8,
    ];
    let h = u32::from_le_bytes(letters).wrapping_mul(0x9e37_79b9);
    filter.0 * FILTER_BITS + (h >> (32 - FILTER_BITS.trailing_zeros())) as usize
}

/// The flags of the two-word cue `first second` (lower case), if it is one.
pub fn pair_flags(first: &str, second: &str) -> Flags {
    let mut buf = [0u8; 64];
    let n = first.len() + 1 + second.len();
    let Some(pair) = buf.get_mut(..n) else {
        return 0;
    };
    pair[..first.len()].copy_from_slice(first.as_bytes());
    pair[first.len()] = b' ';
    pair[first.len() + 1..].copy_from_slice(second.as_bytes());
    TABLES.small.get(word_hash(pair))
}

/// Words that open sentences and are never part of a name, even where a
/// list says they are names too ("But", "In", "May"):
/// `assets/words/sentence-openers.txt`.
pub fn is_sentence_opener(word: &[u8]) -> bool {
    exact_flags(word, Filter::OPENERS) & flag::OPENER != 0
}

/// Whether a phrase starting with `word` may be in the lists: when not,
/// [`phrase_flags`] of it is 0, and the phrase need not be read.
pub fn heads_phrase(word: &[u8]) -> bool {
    TABLES.phrase_heads.get(lower_hash(word)) != 0
}

/// The flags of a phrase ("New York"): its words joined by one space.
pub fn phrase_flags<'a>(words: impl Iterator<Item = &'a str>) -> Flags {
    let t = &*TABLES;
    let mut buf = [0u8; 64];
    let (mut n, mut headed) = (0, false);
    for w in words {
        let sep = usize::from(n > 0);
        if !w.is_ascii() || n + sep + w.len() > buf.len() {
            return 0; // long or non-ASCII phrases are not in the lists
        }
        if sep == 1 {
            // A phrase of two words or more: its first word must start one
            // in the lists.
            if !headed {
                let head = buf[..n].split(|&b| b == b' ').next().unwrap_or(&[]);
                if t.phrase_heads.get(lower_hash(head)) == 0 {
                    return 0;
                }
                headed = true;
            }
            buf[n] = b' ';
        }
        buf[n + sep..n + sep + w.len()].copy_from_slice(w.as_bytes());
        n += sep + w.len();
    }
    buf[..n].make_ascii_lowercase();
    t.all.get(word_hash(&buf[..n]))
}

/// Makes sure the lists are parsed (for benchmarks that time only the work).
pub fn warm_up() {
    LazyLock::force(&TABLES);
}

#[cfg(test)]
mod tests;
