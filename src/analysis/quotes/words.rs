//! The words around a quote: a small tokenizer for the text outside the
//! quote marks, where the attribution is.

use crate::analysis::Span;
use crate::analysis::chars::is_alphanumeric;
use crate::analysis::lexicon::{self, Filter, flag};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters or digits, with inner `'`, `’`, `-` and `.` ("O'Neill",
    /// "U.S.", "al-Assad", "Mr.").
    Word,
    /// One punctuation mark.
    Punct,
    /// A whole quotation, seen from outside.
    Quote,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'t> {
    pub span: Span,
    pub kind: Kind,
    pub text: &'t str,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub fn is(&self, punct: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(punct)
    }

    /// Starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.kind == Kind::Word && self.first_char_is(u8::is_ascii_uppercase, char::is_uppercase)
    }

    pub fn is_lowercase(&self) -> bool {
        self.kind == Kind::Word && self.first_char_is(u8::is_ascii_lowercase, char::is_lowercase)
    }

    /// A test of the first character, read as a byte when it is ASCII (as
    /// it mostly is): these run for every word near a quote.
    #[inline]
    fn first_char_is(&self, ascii: fn(&u8) -> bool, any: fn(char) -> bool) -> bool {
        match self.text.as_bytes().first() {
            Some(b) if b.is_ascii() => ascii(b),
            _ => self.text.chars().next().is_some_and(any),
        }
    }

    /// The word without a possessive ending: "Clinton’s" → "Clinton".
    pub fn stem(&self) -> &str {
        strip_possessive(self.text)
    }

    pub fn is_possessive(&self) -> bool {
        self.stem().len() < self.text.len()
    }
}

/// Whether a new sentence starts at `tokens[at]`: after a full stop, a
/// question or exclamation mark, or a quotation that ends with one, at a
/// capital letter, a quotation or a number.
#[inline]
pub fn starts_sentence(tokens: &[Token], at: usize) -> bool {
    let (Some(prev), Some(this)) = (at.checked_sub(1).map(|i| &tokens[i]), tokens.get(at)) else {
        return at == 0;
    };
    // The mark before is the rarer condition: asked first.
    let ends = match prev.kind {
        Kind::Punct => matches!(prev.text.as_bytes().first(), Some(b'.' | b'?' | b'!')),
        Kind::Quote => ends_sentence(prev.text),
        Kind::Word => false,
    };
    ends && (this.is_capitalised()
        || this.kind == Kind::Quote
        || this.text.starts_with(|c: char| c.is_ascii_digit()))
}

/// Where every sentence of `tokens` but the first starts, in order: the
/// sentence of a token is then found by bisection ([`sentence_start_in`]),
/// where a walk back to its start would read a sentence as long as a
/// whole text once for each of its quotes.
pub fn sentence_starts(tokens: &[Token]) -> Vec<usize> {
    (1..tokens.len())
        .filter(|&i| starts_sentence(tokens, i))
        .collect()
}

/// The first token of the sentence that token `at` is in, from the
/// line's [`sentence_starts`].
pub fn sentence_start_in(starts: &[usize], at: usize) -> usize {
    let k = starts.partition_point(|&s| s <= at);
    k.checked_sub(1).map_or(0, |k| starts[k])
}

/// The first token of the sentence that `tokens[at]` is in: a walk back,
/// which [`sentence_start_in`] must agree with.
#[cfg(test)]
pub fn sentence_start(tokens: &[Token], at: usize) -> usize {
    (1..=at.min(tokens.len()))
        .rev()
        .find(|&i| starts_sentence(tokens, i))
        .unwrap_or(0)
}

/// A quotation whose words end a sentence ("“We won.”").
pub fn ends_sentence(quote: &str) -> bool {
    let inner =
        quote.trim_end_matches(|c: char| !is_alphanumeric(c) && !matches!(c, '.' | '?' | '!'));
    inner.ends_with(['.', '?', '!'])
}

pub fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = word.strip_suffix(suffix)
            && !stem.is_empty()
        {
            return stem;
        }
    }
    word
}

/// The tokens of `text[range]`; each span in `quotes` (outer spans,
/// marks included) that falls inside becomes one [`Kind::Quote`] token.
pub fn tokenize<'t>(text: &'t str, range: Span, quotes: &[Span]) -> Vec<Token<'t>> {
    let mut out = Vec::with_capacity(range.len() / 5);
    let first = quotes.partition_point(|q| q.end <= range.start);
    let mut at = range.start;
    for q in quotes[first..].iter().take_while(|q| q.start < range.end) {
        at = words_into(text, at, q.start, &mut out);
        if at >= range.end {
            return out;
        }
        let span = Span::new(q.start.max(range.start), q.end.min(range.end));
        out.push(Token {
            span,
            kind: Kind::Quote,
            text: span.text(text),
        });
        at = span.end;
    }
    words_into(text, at, range.end, &mut out);
    out
}

/// The words and marks of `text[at..stop]` pushed onto `out`; returns
/// where it stopped (`stop`, or `at` if that is past it).
fn words_into<'t>(text: &'t str, mut at: usize, stop: usize, out: &mut Vec<Token<'t>>) -> usize {
    let bytes = &text.as_bytes()[..stop];
    while let Some(&byte) = bytes.get(at) {
        // ASCII (most of any English text) is told apart without decoding.
        let (end, kind) = if byte.is_ascii_alphanumeric() {
            (ascii_word_end(text, bytes, at), Kind::Word)
        } else if byte.is_ascii() {
            if matches!(byte, b' ' | b'\t'..=b'\r') {
                at += 1;
                continue;
            }
            (at + 1, Kind::Punct)
        } else {
            let Some(c) = text[at..stop].chars().next() else {
                break;
            };
            if c.is_whitespace() {
                at += c.len_utf8();
                continue;
            }
            if is_alphanumeric(c) {
                (word_end(text, at, stop), Kind::Word)
            } else {
                (at + c.len_utf8(), Kind::Punct)
            }
        };
        out.push(Token {
            span: Span::new(at, end),
            kind,
            text: &text[at..end],
        });
        at = end;
    }
    at
}

/// [`word_end`] for a word starting with an ASCII letter or digit in
/// `bytes` (the text up to the stop): its run of ASCII letters and digits,
/// unless what follows may join or extend it.
fn ascii_word_end(text: &str, bytes: &[u8], at: usize) -> usize {
    let run = alnum_run(bytes, at);
    match bytes.get(run) {
        // A full stop that nothing joins on to (the end of a sentence, or
        // of "Mr."): kept by an initial or an abbreviation only.
        Some(b'.')
            if bytes
                .get(run + 1)
                .is_none_or(|&n| n.is_ascii() && !n.is_ascii_alphanumeric()) =>
        {
            let word = &text[at..run];
            if is_initial(word) || is_abbreviation(word) {
                run + 1
            } else {
                run
            }
        }
        Some(&b) if !b.is_ascii() || matches!(b, b'\'' | b'-' | b'.' | b'&') => {
            word_end(text, at, bytes.len())
        }
        _ => run,
    }
}

/// Where the run of ASCII letters and digits starting at `from` ends:
/// eight bytes at a time, since most words are only that.
fn alnum_run(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The top bit of each byte in `lo..=hi`, for bytes below 0x80 (a
    // higher byte's carry only spoils the bytes after it, past the run).
    let within = |x: u64, lo: u8, hi: u8| {
        x.wrapping_add(u64::from(0x80 - lo) * ONES) & !x.wrapping_add(u64::from(0x7f - hi) * ONES)
    };
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(chunk);
        let alnum =
            (within(x, b'0', b'9') | within(x, b'A', b'Z') | within(x, b'a', b'z')) & !x & HIGH;
        let run = (!alnum & HIGH).trailing_zeros() as usize / 8;
        at += run;
        if run < 8 {
            return at;
        }
    }
    bytes[at..]
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .map_or(bytes.len(), |n| at + n)
}

/// The end of a word: letters, digits and combining marks, joined by
/// `'`, `’`, `-` or `.` when a letter or digit follows; a final `.` stays
/// on an abbreviation written with dots ("U.S.") or a single capital ("J.").
fn word_end(text: &str, start: usize, stop: usize) -> usize {
    let word = &text[start..stop];
    let bytes = word.as_bytes();
    let mut dotted = false;
    let mut i = 0;
    loop {
        // Most words are plain ASCII: their letters are skipped in one run.
        i += bytes[i..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(bytes.len() - i);
        // A space or a comma ends most words: nothing to join or keep.
        if bytes
            .get(i)
            .is_none_or(|&b| b.is_ascii() && !matches!(b, b'\'' | b'-' | b'.' | b'&'))
        {
            break;
        }
        let Some(c) = word[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        if !c.is_ascii() && (is_alphanumeric(c) || ('\u{300}'..='\u{36f}').contains(&c)) {
            i += len;
            continue;
        }
        // "B&B", "AT&T": an ampersand between capitals is inside a name.
        let ampersand = c == '&'
            && word[..i].ends_with(|p: char| p.is_ascii_uppercase())
            && word[i + 1..].starts_with(|n: char| n.is_ascii_uppercase());
        if ampersand {
            i += 1;
            continue;
        }
        let joins = matches!(c, '\'' | '’' | '-' | '.' | '\u{2010}' | '\u{2011}');
        if joins && word[i + len..].chars().next().is_some_and(is_alphanumeric) {
            dotted |= c == '.';
            i += len;
            continue;
        }
        if c == '.' {
            let last_part = word[..i].rsplit('-').next().unwrap_or("");
            if dotted || is_initial(last_part) || is_abbreviation(last_part) {
                i += 1;
            }
        }
        break;
    }
    start + i
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// Abbreviations that take a dot and do not end a sentence
/// (`assets/words/abbreviations.txt`).
pub fn is_abbreviation(word: &str) -> bool {
    lexicon::exact_flags(word.as_bytes(), Filter::ABBREVIATIONS) & flag::ABBREVIATION != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len()), &[])
            .iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn sentence_starts_by_bisection_are_the_walks() {
        let texts = [
            "",
            "One.",
            "Mr. Smith spoke. Then the U.S. team left! “Go.” Next one 2. 3 more? yes",
            "He said “we won.” The end. “Quoted.” “Twice!” and",
        ];
        for text in texts {
            let open = text.find('“');
            let quotes: Vec<Span> = open
                .zip(text.find('”'))
                .map(|(o, c)| Span::new(o, c + '”'.len_utf8()))
                .into_iter()
                .collect();
            let tokens = tokenize(text, Span::new(0, text.len()), &quotes);
            let starts = sentence_starts(&tokens);
            for at in 0..=tokens.len() + 1 {
                assert_eq!(
                    sentence_start_in(&starts, at),
                    sentence_start(&tokens, at),
                    "{text:?} {at}"
                );
            }
        }
    }

    #[test]
    fn splits_words_and_marks() {
        let rows: &[(&str, &[&str])] = &[
            ("Mr. Smith said.", &["Mr.", "Smith", "said", "."]),
            ("the U.S. said", &["the", "U.S.", "said"]),
            (
                "J. Smith, 45, said",
                &["J.", "Smith", ",", "45", ",", "said"],
            ),
            ("O’Neill’s al-Assad", &["O’Neill’s", "al-Assad"]),
            ("it ended. Then", &["it", "ended", ".", "Then"]),
            ("B&B and AT&T & Co", &["B&B", "and", "AT&T", "&", "Co"]),
            (
                "Gov. Jerry Brown (D-Calif.) said",
                &["Gov.", "Jerry", "Brown", "(", "D-Calif.", ")", "said"],
            ),
        ];
        for &(text, want) in rows {
            assert_eq!(words(text), want, "{text}");
        }
    }

    #[test]
    fn quotes_are_single_tokens() {
        let text = "He said “a. b” and “c” too";
        let first = text.find('“').unwrap();
        let q1 = Span::new(first, text.find('”').unwrap() + '”'.len_utf8());
        let second = text.rfind('“').unwrap();
        let q2 = Span::new(second, text.rfind('”').unwrap() + '”'.len_utf8());
        let tokens = tokenize(text, Span::new(0, text.len()), &[q1, q2]);
        let kinds: Vec<_> = tokens.iter().map(|t| (t.kind, t.text)).collect();
        assert_eq!(
            kinds,
            [
                (Kind::Word, "He"),
                (Kind::Word, "said"),
                (Kind::Quote, "“a. b”"),
                (Kind::Word, "and"),
                (Kind::Quote, "“c”"),
                (Kind::Word, "too"),
            ]
        );
    }

    #[test]
    fn alnum_runs_match_the_byte_test() {
        let texts = [
            "",
            "a",
            "Zelensky said",
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 x",
            "09azAZ@[`{/:",
            "naïve café",
            "O’Neill's 1990s, \u{7f}\u{80}",
        ];
        for text in texts {
            let b = text.as_bytes();
            for from in 0..=b.len() {
                let want = b[from..]
                    .iter()
                    .position(|c| !c.is_ascii_alphanumeric())
                    .map_or(b.len(), |n| from + n);
                assert_eq!(alnum_run(b, from), want, "{text:?} {from}");
            }
        }
    }

    #[test]
    fn possessives() {
        let text = "Clinton’s aide";
        let t = tokenize(text, Span::new(0, text.len()), &[]);
        assert!(t[0].is_possessive() && t[0].stem() == "Clinton" && !t[1].is_possessive());
    }
}
