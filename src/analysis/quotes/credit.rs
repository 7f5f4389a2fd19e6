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
    // names have none, and are done with one pass over a few bytes.
    let marked = memchr::memchr2(b':', b'/', before.as_bytes()).is_some()
        || before.as_bytes().windows(3).any(|w| w == b"by ");
    marked
        && CREDIT_WORDS.iter().any(|word| {
            before.rfind(word).is_some_and(|k| {
                before[k + word.len()..].split_whitespace().all(|w| {
                    w == "by"
                        || w.chars()
                            .all(|c| matches!(c, ':' | '/' | '|' | '-') || c.is_uppercase())
                })
            })
        })
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
    }
}
