//! Picture credits: "Photo: Karl Odum/Reuters", "(AFP PHOTO / Jon Berg)",
//! "Photo by Lars Eng". The photographer named there is no one the story
//! is about, so a "he" or "she" never goes to them.

use crate::analysis::Span;
use crate::analysis::lexicon::compiled::credit_words;

/// Words that open a credit, as written
/// (`assets/words/credit-words.txt`).
const CREDIT_WORDS: &[&str] = credit_words::WORDS;

/// How far before a name a credit word may stand ("(AFP PHOTO / ").
const CREDIT_REACH: usize = 24;

/// The name at `span` is a picture credit.
pub fn is_credit(text: &str, span: Span) -> bool {
    signed_with_agency(&text[span.end..]) || after_credit_word(text, span.start)
}

/// "Karl Odum/Reuters", "Jon Berg/AP": the agency after a slash.
fn signed_with_agency(after: &str) -> bool {
    after
        .strip_prefix('/')
        .is_some_and(|rest| rest.trim_start().starts_with(char::is_uppercase))
}

/// "Photo: X", "Photo by X", "PHOTO / X": only marks, "by" and capitals
/// (an agency) between a credit word and the name.
fn after_credit_word(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(CREDIT_REACH);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..at];
    // Every credit has a colon, a slash or "by" before the name; most
    // names have none, and most are done by the word just before them.
    let marked = could_end_credit(before)
        && (memchr::memchr2(b':', b'/', before.as_bytes()).is_some()
            || before.as_bytes().windows(3).any(|w| w == b"by "));
    marked
        && CREDIT_WORDS.iter().any(|word| {
            before.rfind(word).is_some_and(|k| {
                before[k + word.len()..]
                    .split_whitespace()
                    .all(|w| w == "by" || w.chars().all(|c| is_credit_mark(c) || c.is_uppercase()))
            })
        })
}

/// Whether the word just before a name can end a credit: a mark or a
/// capital ("/", "AFP"), "by", or a credit word itself ("Photo"). "said",
/// "the" or "Mr." cannot, and nearly every name follows one of those.
fn could_end_credit(before: &str) -> bool {
    let last = if before.is_ascii() {
        // Spaces as `char::is_whitespace` has them in ASCII.
        let space = |b: &u8| matches!(b, b'\t'..=b'\r' | b' ');
        let bytes = before.as_bytes();
        let end = bytes.iter().rposition(|b| !space(b)).map_or(0, |k| k + 1);
        let start = bytes[..end].iter().rposition(space).map_or(0, |k| k + 1);
        &before[start..end]
    } else {
        let trimmed = before.trim_end();
        trimmed
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or(trimmed)
    };
    if last.is_empty() {
        return false;
    }
    last.chars()
        .next_back()
        .is_some_and(|c| is_credit_mark(c) || c.is_uppercase())
        || last == "by"
        || CREDIT_WORDS
            .iter()
            .any(|word| word.as_bytes().last() == last.as_bytes().last() && last.ends_with(word))
}

fn is_credit_mark(c: char) -> bool {
    matches!(c, ':' | '/' | '|' | '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credit(text: &str, name: &str) -> bool {
        let start = text.find(name).unwrap();
        is_credit(text, Span::new(start, start + name.len()))
    }

    #[test]
    fn credits_and_not() {
        assert!(credit("Photo: Karl Odum/Reuters", "Karl Odum"));
        assert!(credit("(AFP PHOTO / Jon Berg)", "Jon Berg"));
        assert!(credit("Photo by Lars Eng.", "Lars Eng"));
        assert!(credit("Lars Eng/Getty Images", "Lars Eng"));
        assert!(!credit("Tom Ash met Ivo Lind in Oslo.", "Ivo Lind"));
        assert!(!credit("A photo of Ivo Lind hangs there.", "Ivo Lind"));
        assert!(!credit("The Photo Society's Ivo Lind said", "Ivo Lind"));
        assert!(!credit("Ivo Lind / and Tom", "Ivo Lind"));
        // The word just before decides most names; non-ASCII text too.
        assert!(credit("«Photo:\u{a0}Karl Odum»", "Karl Odum"));
        assert!(credit("“Yes.” PHOTO / Karl Odum", "Karl Odum"));
        assert!(credit("“Yes.” Picture by Karl Odum", "Karl Odum"));
        assert!(!credit("“Yes,” said Ivo Lind", "Ivo Lind"));
        assert!(!credit("Photo: a view. Then Ivo Lind", "Ivo Lind"));
    }
}
