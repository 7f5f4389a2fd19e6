//! A small tokenizer for name finding: words (with inner hyphens,
//! apostrophes and abbreviation dots), numbers and single punctuation marks,
//! each with its byte span, its capitalisation and the white space before it.

use super::lexicon::{self, flag};

/// What separates a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// Nothing: punctuation glued to a word.
    None,
    /// One space.
    Space,
    /// Several spaces or tabs: a column break in a table, never inside a name.
    Wide,
    /// One line break.
    Line,
    /// A blank line or more: a new paragraph.
    Para,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Starts with a letter.
    Word,
    /// Starts with a digit.
    Num,
    /// One punctuation or symbol character.
    Punct,
}

/// One token. The booleans are independent facts about the word, read by
/// different rules: a bit set would only hide them.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub gap: Gap,
    /// The first letter is upper case.
    pub cap: bool,
    /// Two or more letters, all upper case: an acronym or a shouted word.
    pub upper: bool,
    /// The first word of a sentence (or paragraph, or line).
    pub sent_start: bool,
    /// A word that may be part of a name: capitalised ("Putin",
    /// "O'Donnell", "J."; not "I" or "A"), or a lower-case Arabic article
    /// joined to one ("al-Assad").
    pub name_like: bool,
    /// The lexicon flags of a capitalised word (possessive removed), looked
    /// up once here since the rules ask for them again and again; 0 for
    /// other tokens (see [`Token::flags`]).
    cap_flags: u32,
}

impl Token {
    pub fn text(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// The lexicon flags of the word (possessive removed when capitalised).
    /// A lower-case word gets only the small lists' flags (titles, verbs,
    /// organisation words...): it is never a name or a place by itself.
    pub fn flags(self, text: &str) -> u32 {
        if self.cap {
            self.cap_flags
        } else {
            lexicon::small_flags(self.text(text))
        }
    }

    pub fn is_punct(self, text: &str, c: char) -> bool {
        self.kind == Kind::Punct && self.text(text).starts_with(c)
    }
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let (mut i, mut gap, mut opens) = (0, Gap::Para, Opens::default());
    while let Some(&b) = bytes.get(i) {
        if b == b' '
            && gap == Gap::None
            && bytes
                .get(i + 1)
                .is_some_and(|n| ASCII_WORD[usize::from(*n)])
        {
            // One space before a word: by far the most common gap.
            gap = Gap::Space;
            i += 1;
            continue;
        }
        if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
            gap = widen(gap, b, out.is_empty());
            i += 1;
            continue;
        }
        if b.is_ascii_lowercase() {
            let t = lower_word(text, i, gap, &mut opens);
            out.push(t);
            gap = Gap::None;
            i = t.end;
            continue;
        }
        let (c, len) = if b < 0x80 {
            (char::from(b), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        };
        let (end, kind) = if c.is_alphabetic() {
            (word_end(text, i), Kind::Word)
        } else if c.is_ascii_digit() {
            (word_end(text, i), Kind::Num)
        } else if c.is_whitespace() {
            gap = widen(gap, b' ', out.is_empty());
            i += len;
            continue;
        } else {
            (i + len, Kind::Punct)
        };
        let sent_start = opens.starts(kind, gap);
        let t = shape(text, i, end, kind, gap, sent_start);
        opens.after(text, t);
        out.push(t);
        gap = Gap::None;
        i = end;
    }
    out
}

/// The most common token, a plain lower-case word starting at `i`: no
/// lookups, no shape to compute.
fn lower_word(text: &str, i: usize, gap: Gap, opens: &mut Opens) -> Token {
    let end = lower_word_end(text, i);
    let sent_start = opens.starts(Kind::Word, gap);
    let first = text.as_bytes()[i];
    let name_like = matches!(first, b'a' | b'b' | b'e') && prefixed(&text[i..end]);
    opens.pending = false;
    let (cap, upper, cap_flags) = (false, false, 0);
    let kind = Kind::Word;
    Token {
        start: i,
        end,
        kind,
        gap,
        cap,
        upper,
        sent_start,
        name_like,
        cap_flags,
    }
}

/// Whether the next word opens a sentence: after `.`, `!`, `?`, `:`, `;`,
/// a dash or a line break, through closing quotes and brackets; not after
/// an initial or a title ("J.", "Mr."), but after a dotted abbreviation
/// ("U.S."), which often ends a sentence.
#[derive(Debug, Clone, Copy)]
struct Opens {
    pending: bool,
}

impl Default for Opens {
    fn default() -> Self {
        Opens { pending: true }
    }
}

impl Opens {
    fn starts(&mut self, kind: Kind, gap: Gap) -> bool {
        if matches!(gap, Gap::Para | Gap::Line) {
            self.pending = true;
        }
        kind != Kind::Punct && self.pending
    }

    fn after(&mut self, text: &str, t: Token) {
        let s = t.text(text);
        self.pending = match t.kind {
            Kind::Punct => match s {
                "." | "!" | "?" | ":" | ";" | "\u{2026}" | "-" | "\u{2013}" | "\u{2014}" => true,
                "\"" | "“" | "”" | "'" | "‘" | "’" | "(" | ")" | "[" | "]" | "«" | "»" => {
                    self.pending
                }
                _ => false,
            },
            // "U.S." may end a sentence; an initial ("J.", "I.K.") does not.
            _ => t.cap_flags & (flag::PLACE | flag::ORG) != 0 && s.len() > 2 && s.ends_with('.'),
        };
    }
}

/// The gap after one more white-space byte.
fn widen(gap: Gap, b: u8, at_start: bool) -> Gap {
    if at_start {
        return Gap::Para;
    }
    match (gap, b) {
        (Gap::Para, _) | (Gap::Line, b'\n') => Gap::Para,
        (_, b'\n') | (Gap::Line, _) => Gap::Line,
        (_, b'\r') => gap,
        (Gap::None, b' ') => Gap::Space,
        _ => Gap::Wide,
    }
}

fn shape(text: &str, start: usize, end: usize, kind: Kind, gap: Gap, sent_start: bool) -> Token {
    let s = &text[start..end];
    let first = s.as_bytes().first().copied().unwrap_or(b' ');
    let cap = if first < 0x80 {
        first.is_ascii_uppercase()
    } else {
        s.chars().next().is_some_and(char::is_uppercase)
    };
    let mut t = Token {
        start,
        end,
        kind,
        gap,
        cap,
        upper: false,
        sent_start,
        name_like: kind == Kind::Word && matches!(first, b'a' | b'b' | b'e') && prefixed(s),
        cap_flags: 0,
    };
    if cap {
        shape_capital(s, &mut t);
    }
    t
}

/// Acronym, name-likeness and lexicon flags of a capitalised word.
fn shape_capital(s: &str, t: &mut Token) {
    let base = super::candidates::strip_possessive(s); // "MSNBC's" is an acronym
    // Dotted capitals are initials ("I.K."), not acronyms, unless known
    // ("U.S." is a place): see the flags below.
    let mut upper = t.kind == Kind::Word && !s.contains('.');
    let mut letters = 0;
    for ch in base.chars().filter(|ch| ch.is_alphabetic()) {
        letters += 1;
        upper &= ch.is_uppercase();
    }
    t.upper = upper && letters >= 2;
    t.cap_flags = lexicon::flags(base);
    if t.cap_flags == 0 && s.len() > 3 && s.ends_with('s') {
        // "Hispanics", "Sisters": a plural nationality or role noun.
        t.cap_flags = lexicon::small_flags(&s[..s.len() - 1]) & (flag::DEMONYM | flag::TITLE);
    }
    if t.cap_flags == 0 && s.contains('-') {
        t.cap_flags = hyphenated_flags(s);
    }
    t.name_like = t.kind == Kind::Word && s.chars().nth(1).is_some() && !not_a_name(s);
}

/// Flags of a hyphenated word not in the lists: a title if it ends in one
/// ("Major-General", "Vice-President"), a nationality if it ends in one
/// ("African-Americans"), a common word if all its parts are ("Twenty-seven").
fn hyphenated_flags(s: &str) -> u32 {
    let last = s.rsplit('-').next().unwrap_or("");
    let mut f = lexicon::small_flags(last);
    if f & flag::DEMONYM == 0 && last.len() > 3 && last.ends_with('s') {
        f |= lexicon::small_flags(&last[..last.len() - 1]) & flag::DEMONYM;
    }
    let common = s.split('-').all(|p| lexicon::flags(p) & flag::COMMON != 0);
    (f & (flag::TITLE | flag::HONORIFIC | flag::DEMONYM)) | if common { flag::COMMON } else { 0 }
}

/// Capitalised words that are never names: contractions ("I'll", "Don't")
/// and party-state tags ("R-Ky", "D-Va").
fn not_a_name(s: &str) -> bool {
    let contraction = s
        .rsplit_once(['\'', '’'])
        .is_some_and(|(_, tail)| matches!(tail, "ll" | "ve" | "re" | "m" | "d" | "t"));
    let b = s.as_bytes();
    let tag = b.len() >= 3
        && matches!(b[0], b'R' | b'D' | b'I')
        && b[1] == b'-'
        && b[2].is_ascii_uppercase();
    contraction || tag
}

/// "al-Assad", "bin-Laden": a short lower-case article, a hyphen and a
/// capital. Only the first four bytes are searched for the hyphen.
fn prefixed(w: &str) -> bool {
    let Some(h) = w.as_bytes().iter().take(4).position(|&b| b == b'-') else {
        return false;
    };
    matches!(
        &w[..h],
        "al" | "el" | "ad" | "as" | "ash" | "an" | "at" | "ar" | "bin" | "abu"
    ) && w[h + 1..].starts_with(char::is_uppercase)
}

/// The end of the word or number starting at `start`: letters, digits and
/// marks, joined by `-`, `'`, `’` or `.` when a letter or digit follows;
/// a final `.` stays on an initial ("J."), a dotted abbreviation ("U.S.")
/// or a known abbreviation ("Mr.", "Gen.").
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut i, mut dotted) = (start, false);
    loop {
        // ASCII letters and digits first: most words are only that.
        i += bytes[i..]
            .iter()
            .position(|&b| !ASCII_WORD[usize::from(b)])
            .unwrap_or(bytes.len() - i);
        let Some(&c) = bytes.get(i) else { break };
        let ch = if c < 0x80 {
            char::from(c)
        } else {
            text[i..].chars().next().unwrap_or(' ')
        };
        let len = ch.len_utf8();
        if c >= 0x80 && (ch.is_alphanumeric() || is_mark(ch)) {
            i += len;
            continue;
        }
        let joins = matches!(ch, '-' | '\'' | '’' | '.' | '\u{2010}' | '\u{2011}');
        if joins
            && text[i + len..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            dotted |= ch == '.';
            i += len;
            continue;
        }
        if ch == '.' && keeps_dot(&text[start..i], dotted) {
            i += 1;
        }
        break;
    }
    i
}

/// [`word_end`] for a word starting with a lower-case ASCII letter: the
/// plain ASCII run, unless a joiner or a non-ASCII byte follows it.
fn lower_word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let run = bytes[start..]
        .iter()
        .position(|&b| !ASCII_WORD[usize::from(b)]);
    match run.map(|n| (start + n, bytes[start + n])) {
        None => bytes.len(),
        Some((end, b' ' | b',' | b'\n' | b')' | b';' | b':' | b'"' | b'?' | b'!')) => end,
        Some(_) => word_end(text, start),
    }
}

/// ASCII letters and digits, as a table: the tokenizer's innermost loop.
static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

fn is_mark(ch: char) -> bool {
    // Combining diacritics (U+0300..U+036F) in decomposed text.
    ('\u{300}'..='\u{36f}').contains(&ch)
}

fn keeps_dot(word: &str, dotted: bool) -> bool {
    let mut chars = word.chars();
    let single_cap = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    if single_cap || dotted {
        return true;
    }
    // Abbreviations that keep their dot are short and capitalised ("Gen",
    // "Sept", "St", "Inc"), or "no." and "vs.".
    let capital = word.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
    if word.len() > 4 || !(capital || matches!(word, "no" | "vs")) {
        return false;
    }
    let mut buf = [0u8; 8];
    let n = word.len();
    buf[..n].copy_from_slice(word.as_bytes());
    buf[n] = b'.';
    std::str::from_utf8(&buf[..=n]).is_ok_and(|w| {
        let f = lexicon::small_flags(w);
        f & (flag::HONORIFIC | flag::QUALIFIER | flag::TIME | flag::ORG | flag::PLACE_WORD) != 0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn splits_words_numbers_and_marks() {
        let rows: &[(&str, &[&str])] = &[
            ("Zelensky's visit.", &["Zelensky's", "visit", "."]),
            ("Mr. Putin", &["Mr.", "Putin"]),
            ("the U.S. said", &["the", "U.S.", "said"]),
            ("J. Smith", &["J.", "Smith"]),
            ("al-Assad and O'Donnell", &["al-Assad", "and", "O'Donnell"]),
            ("(Vladimir) Putin", &["(", "Vladimir", ")", "Putin"]),
            ("ended. Then", &["ended", ".", "Then"]),
            ("Petrauskaitė, Lefèvre", &["Petrauskaitė", ",", "Lefèvre"]),
            ("6-3 7-6", &["6-3", "7-6"]),
            ("Ministers' meeting", &["Ministers", "'", "meeting"]),
        ];
        for &(text, want) in rows {
            assert_eq!(words(text), want, "{text}");
        }
    }

    #[test]
    fn shapes_and_gaps() {
        let text = "NATO chief Jens  Stoltenberg\n\nHe said. Then";
        let t = tokenize(text);
        assert!(t[0].upper && t[0].cap && t[0].sent_start);
        assert!(!t[1].cap && !t[1].sent_start);
        assert_eq!(t[3].gap, Gap::Wide);
        assert_eq!(t[4].gap, Gap::Para);
        assert!(t[4].sent_start);
        assert!(!t[5].sent_start);
        assert!(t[7].sent_start, "after a full stop");
    }

    #[test]
    fn initials_and_titles_do_not_end_sentences() {
        let text = "Mr. Smith met J. Brown in the U.S. Then I.K. Gujral";
        let t = tokenize(text);
        assert!(!t[1].sent_start);
        assert!(!t[4].sent_start);
        assert!(t[8].sent_start);
        assert!(!t[10].sent_start && !t[9].upper, "initials are no acronym");
    }
}
