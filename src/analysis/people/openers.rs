//! Sentence openers and name suffixes: capitalised words that are not
//! names although they look like one ("But", "Officials", "Jr").

use super::candidates::Parts;
use super::token::{Kind, Token};
use crate::analysis::lexicon::compiled::time_openers;
use crate::analysis::lexicon::{self, flag};

/// A lone common word that opens a sentence ("We", "Officials"): no name.
#[inline]
pub fn is_opener(text: &str, tokens: &[Token], parts: Parts) -> bool {
    if parts.len() != 1 {
        return false;
    }
    let t = tokens[parts.first];
    if !t.sent_start || t.upper {
        return false;
    }
    let f = t.flags(text);
    let keep = flag::GIVEN | flag::TITLE | flag::HONORIFIC | flag::PLACE;
    // "Brown said": a surname that is also a word, kept before a verb.
    let next = tokens.get(parts.first + 1);
    let verb = || next.is_some_and(|n| !n.cap && n.flags(text) & flag::VERB != 0);
    f & flag::COMMON != 0 && f & keep == 0 && !verb()
}

/// "Jr", "Sr", "III" standing alone ("Joseph R. Biden, Jr."): a suffix of
/// the name before, not a name.
#[inline]
pub fn is_suffix_only(text: &str, tokens: &[Token], parts: Parts) -> bool {
    parts.len() == 1 && is_name_suffix(tokens[parts.first].bytes(text))
}

/// "Jr", "III" (`assets/words/name-suffixes.txt`).
#[inline]
pub fn is_name_suffix(w: &[u8]) -> bool {
    crate::analysis::lexicon::compiled::name_suffixes::contains(w)
}

/// Drops "But", "The", "When" from the start of a run at a sentence start:
/// common words that are capitalised only because they open the sentence.
/// Not after a list number ("6. Pier Francesco Chili"): an item opens there.
#[inline]
pub fn strip_sentence_openers(text: &str, tokens: &[Token], mut parts: Parts) -> Parts {
    let numbered = parts.first >= 2
        && tokens[parts.first - 1].kind == Kind::Punct
        && tokens[parts.first - 2].kind == Kind::Num
        && tokens[parts.first - 2].sent_start;
    while parts.len() > 1 && !numbered {
        let t = tokens[parts.first];
        if !t.sent_start {
            break;
        }
        let f = t.flags(text);
        // Only a plain common word goes: "South Korea", "Power New Zealand"
        // keep their place or organisation word.
        let plain = f & !(flag::COMMON | flag::VERB) == 0 && f != 0;
        let opener = plain
            || lexicon::is_sentence_opener(t.bytes(text))
            || is_glued_role(text, tokens, parts);
        if !opener {
            break;
        }
        parts = parts.drop_front(1);
        // A particle cannot open a name ("The de Gaulle" keeps "Gaulle").
        while parts.len() > 1 && !tokens[parts.first].cap {
            parts = parts.drop_front(1);
        }
    }
    parts
}

/// Drops words glued before a given name and a surname anywhere in the
/// text: a nationality ("German Dieter Lind"), a weekday or a month that
/// is no given name ("Wednesday Ann Lind"; not "June Ann Lind"), a plain
/// common word in the plural ("Families Ann Lind", "Senators Ann Lind";
/// not "Pier Ann Lind") or, after a lower-case word, a word in no list
/// that reads as a role noun ("Hall of Famer Ron Lind").
#[inline]
pub fn strip_glued_words(text: &str, tokens: &[Token], mut parts: Parts) -> Parts {
    while parts.len() >= 3 && parts.skip.is_none() && glued(text, tokens, parts.first) {
        parts = parts.drop_front(1);
    }
    if parts.len() >= 2 && parts.skip.is_none() && dated(text, tokens, parts.first) {
        parts = parts.drop_front(1);
    }
    parts
}

/// "On Monday Doherty faced", "In September Spears married": a time
/// word after a preposition (`assets/words/prepositions.txt`) or a time
/// phrase's opener (`assets/words/time-openers.txt`) is the
/// time of the clause, and the name starts after it; not a feast's
/// "Day" or "Eve" ("on Christmas Day"), which is no name either way.
fn dated(text: &str, tokens: &[Token], i: usize) -> bool {
    // The word's flags first: most runs open with no time word.
    let word = tokens[i];
    if !word.cap || i == 0 || word.flags(text) & flag::TIME == 0 {
        return false;
    }
    let before = tokens[i - 1];
    let lower = before.bytes(text).to_ascii_lowercase();
    // "Last June Grewcock was banned": a time phrase's opener dates the
    // clause too. "As Jan Ode said" is a comparison, not a time.
    let dating =
        super::kinds::is_preposition(&lower) && lower != b"as" || time_openers::contains(&lower);
    let feast = matches!(tokens[i + 1].bytes(text), b"Day" | b"Eve");
    before.kind == Kind::Word && dating && !feast
}

/// Token `i` is a word glued before a given name (see
/// [`strip_glued_words`]).
fn glued(text: &str, tokens: &[Token], i: usize) -> bool {
    let word = tokens[i];
    let given = tokens[i + 1].flags(text);
    if !word.cap || word.upper || given & flag::GIVEN == 0 || given & flag::COMMON != 0 {
        return false;
    }
    let (f, w) = (word.flags(text), word.bytes(text));
    let after_lower = i > 0 && tokens[i - 1].kind == Kind::Word && !tokens[i - 1].cap;
    f & flag::DEMONYM != 0
        || (f & flag::TIME != 0 && f & flag::GIVEN == 0)
        || (f & !(flag::COMMON | flag::VERB) == 0 && f != 0 && w.ends_with(b"s"))
        || (f == 0 && after_lower && role_like(w))
}

/// A word that reads as a role noun: "-er", "-or", "-ist", "-ian", also
/// in the plural ("Goal-kickers Charlie Hodgson and Ann Lind").
fn role_like(w: &[u8]) -> bool {
    let w = w.strip_suffix(b"s").unwrap_or(w);
    [b"er".as_slice(), b"or", b"ist", b"ian"]
        .iter()
        .any(|end| w.len() >= end.len() + 3 && w.ends_with(end))
}

/// "Fishmonger Albie Rooke said", "Detectorist Ann Lee": a word in no list
/// that reads as a role noun (-er, -or, -ist, -ian) opens the sentence
/// before a known given name and a surname. Capitalised only by its place,
/// it is the person's role, not part of the name.
fn is_glued_role(text: &str, tokens: &[Token], parts: Parts) -> bool {
    if parts.len() < 3 {
        return false;
    }
    let word = tokens[parts.first];
    let given = tokens[parts.first + 1];
    role_like(word.bytes(text)) && word.flags(text) == 0 && given.flags(text) & flag::GIVEN != 0
}
