//! A small tokenizer for name finding: words (with inner hyphens,
//! apostrophes and abbreviation dots), numbers and single punctuation marks,
//! each with its byte span, its capitalisation and the white space before it.

use super::candidates::is_particle;
use crate::analysis::chars::{is_alphabetic, is_alphanumeric};
use crate::analysis::lexicon::compiled::name_links;
use crate::analysis::lexicon::{self, Flags, flag};

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
    /// A lower-case particle that may stand inside a name ("de", "van",
    /// "bin"): asked of every lower-case word by the candidate scan.
    pub particle: bool,
    /// The lexicon flags of a capitalised word (possessive removed), looked
    /// up once here since the rules ask for them again and again; 0 for
    /// other tokens (see [`Token::flags`]).
    cap_flags: Flags,
}

impl Token {
    #[inline]
    pub fn text(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// [`Token::text`] as bytes, for the tests that compare or look up
    /// bytes: a byte slice needs no char-boundary checks.
    #[inline]
    pub fn bytes(self, text: &str) -> &[u8] {
        text.as_bytes().get(self.start..self.end).unwrap_or(&[])
    }

    /// The lexicon flags of the word (possessive removed when capitalised).
    /// A lower-case word gets only the small lists' flags (titles, verbs,
    /// organisation words...): it is never a name or a place by itself.
    #[inline]
    pub fn flags(self, text: &str) -> Flags {
        if self.cap {
            self.cap_flags
        } else {
            lexicon::small_flags(self.bytes(text)) & flag::PEOPLE
        }
    }

    #[inline]
    pub fn is_punct(self, text: &str, c: char) -> bool {
        let mut buf = [0; 4];
        self.kind == Kind::Punct
            && self
                .bytes(text)
                .starts_with(c.encode_utf8(&mut buf).as_bytes())
    }
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, &mut out);
    out
}

/// [`tokenize`] into `out` (cleared first), reusing its memory.
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    out.clear();
    // News text has about one token per five bytes: a little more room
    // spares copying a grown vector. A buffer too small is replaced, not
    // grown: growing would copy its stale tokens.
    let room = text.len() / 4 + 8;
    if out.capacity() < room {
        *out = Vec::with_capacity(room);
    }
    let bytes = text.as_bytes();
    let (mut i, mut gap, mut opens) = (0, Gap::Para, Opens::default());
    while let Some(&b) = bytes.get(i) {
        let t = if b.is_ascii_lowercase() {
            (i, gap) = lower_words(text, i, gap, &mut opens, out);
            continue;
        } else if b.is_ascii_uppercase() {
            capital_word(text, i, gap, &mut opens)
        } else if b.is_ascii_punctuation() {
            ascii_mark(i, b, gap, &mut opens)
        } else {
            let c = if b < 0x80 {
                char::from(b)
            } else {
                text[i..].chars().next().unwrap_or(' ')
            };
            if c.is_whitespace() {
                // Other white space counts as a space.
                let b = if matches!(b, b'\t' | b'\n' | b'\r') {
                    b
                } else {
                    b' '
                };
                gap = widen(gap, b, out.is_empty());
                i += c.len_utf8();
                continue;
            }
            other_token(text, i, c, gap, &mut opens)
        };
        out.push(t);
        // One space after a token: by far the most common gap, taken here
        // rather than by another turn of the loop.
        let space = bytes.get(t.end) == Some(&b' ');
        gap = if space { Gap::Space } else { Gap::None };
        i = t.end + usize::from(space);
    }
}

/// A run of lower-case words one space apart (the bulk of any text),
/// pushed by a loop of its own; returns where the next token starts and
/// the gap before it. Not inlined: apart from the main loop it keeps its
/// few values in registers.
#[inline(never)]
fn lower_words(
    text: &str,
    mut i: usize,
    mut gap: Gap,
    opens: &mut Opens,
    out: &mut Vec<Token>,
) -> (usize, Gap) {
    let bytes = text.as_bytes();
    // Only the first word may open a sentence: the others follow it.
    let mut sent_start = opens.starts(Kind::Word, gap);
    opens.pending = false;
    loop {
        let t = lower_word(text, i, gap, sent_start);
        sent_start = false;
        out.push(t);
        let space = bytes.get(t.end) == Some(&b' ');
        gap = if space { Gap::Space } else { Gap::None };
        i = t.end + usize::from(space);
        if !bytes.get(i).is_some_and(u8::is_ascii_lowercase) {
            return (i, gap);
        }
    }
}

/// A word starting with an ASCII capital: mostly ASCII letters alone
/// ("Putin", "NATO"), which need none of the tests for joined words.
fn capital_word(text: &str, i: usize, gap: Gap, opens: &mut Opens) -> Token {
    let (end, plain) = capital_word_end(text, i);
    let sent_start = opens.starts(Kind::Word, gap);
    let mut t = Token {
        start: i,
        end,
        kind: Kind::Word,
        gap,
        cap: true,
        upper: false,
        sent_start,
        name_like: false,
        particle: false,
        cap_flags: 0,
    };
    let s = &text[i..end];
    if plain {
        shape_plain_capital(s, &mut t);
        // No final dot: the word ends no sentence.
        opens.pending = false;
    } else {
        shape_capital(s, &mut t);
        opens.after(text, t);
    }
    t
}

/// An ASCII punctuation mark: one byte, nothing to shape.
fn ascii_mark(i: usize, b: u8, gap: Gap, opens: &mut Opens) -> Token {
    let sent_start = opens.starts(Kind::Punct, gap);
    opens.after_mark(char::from(b));
    Token {
        start: i,
        end: i + 1,
        kind: Kind::Punct,
        gap,
        cap: false,
        upper: false,
        sent_start,
        name_like: false,
        particle: false,
        cap_flags: 0,
    }
}

/// A word, number or punctuation mark starting with `c` at `i` (not an
/// ASCII letter or mark, not white space).
fn other_token(text: &str, i: usize, c: char, gap: Gap, opens: &mut Opens) -> Token {
    let (end, kind) = if is_alphabetic(c) {
        (word_end(text, i), Kind::Word)
    } else if c.is_ascii_digit() {
        (word_end(text, i), Kind::Num)
    } else {
        (i + c.len_utf8(), Kind::Punct)
    };
    let sent_start = opens.starts(kind, gap);
    let t = shape(text, i, end, kind, gap, sent_start);
    opens.after(text, t);
    t
}

/// The most common token, a plain lower-case word starting at `i`: no
/// lookups, no shape to compute.
fn lower_word(text: &str, i: usize, gap: Gap, sent_start: bool) -> Token {
    let (end, joined) = lower_word_end(text, i);
    // "al-Assad": only a word with a joiner (the slow path) has a hyphen.
    let name_like =
        joined && matches!(text.as_bytes()[i], b'a' | b'b' | b'e') && prefixed(&text[i..end]);
    let w = &text.as_bytes()[i..end];
    let particle = w.len() <= 5 && is_particle(w);
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
        particle,
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
        match t.kind {
            // A mark is one character: matched as a char, not as a string.
            Kind::Punct => self.after_mark(s.chars().next().unwrap_or(' ')),
            // "U.S." may end a sentence; an initial ("J.", "I.K.") does not.
            _ => {
                self.pending =
                    t.cap_flags & (flag::PLACE | flag::ORG) != 0 && s.len() > 2 && s.ends_with('.');
            }
        }
    }

    fn after_mark(&mut self, mark: char) {
        self.pending = match mark {
            '.' | '!' | '?' | ':' | ';' | '\u{2026}' | '-' | '\u{2013}' | '\u{2014}' => true,
            '"' | '“' | '”' | '\'' | '‘' | '’' | '(' | ')' | '[' | ']' | '«' | '»' => {
                self.pending
            }
            _ => false,
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
        // Particles are lower-case ASCII words, which `lower_word` takes.
        particle: false,
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
    t.upper = t.kind == Kind::Word && all_capitals(base) && !s.contains('.');
    t.cap_flags = lexicon::flags(base) & flag::PEOPLE;
    if t.cap_flags == 0 && s.len() > 3 && s.ends_with('s') {
        // "Hispanics", "Sisters": a plural nationality or role noun.
        t.cap_flags =
            lexicon::small_flags(&s.as_bytes()[..s.len() - 1]) & (flag::DEMONYM | flag::TITLE);
    }
    if t.cap_flags == 0 && s.contains('-') {
        t.cap_flags = hyphenated_flags(s);
    }
    if t.cap_flags == 0 {
        t.cap_flags = british_flags(base);
    }
    // "Ó" is the one capital that stands alone in names ("Seosamh Ó
    // Flaithearta"); other lone capitals are initials without a dot.
    t.name_like =
        t.kind == Kind::Word && (s.chars().nth(1).is_some() || s == "Ó") && !not_a_name(s);
}

/// [`shape_capital`] for a word of ASCII letters and digits alone: no
/// possessive, dot, hyphen or apostrophe to look for.
fn shape_plain_capital(s: &str, t: &mut Token) {
    // Most capitalised words have a lower-case second letter.
    let second = s.as_bytes().get(1);
    t.upper = second.is_some_and(|b| !b.is_ascii_lowercase()) && all_capitals(s);
    t.cap_flags = lexicon::flags(s) & flag::PEOPLE;
    if t.cap_flags == 0 && s.len() > 3 && s.ends_with('s') {
        t.cap_flags =
            lexicon::small_flags(&s.as_bytes()[..s.len() - 1]) & (flag::DEMONYM | flag::TITLE);
    }
    if t.cap_flags == 0 {
        t.cap_flags = british_flags(s);
    }
    // Neither a contraction nor a party tag: both need a joiner.
    t.name_like = s.len() > 1 && !is_plural_acronym(s);
}

/// "MPs", "MEPs", "CEOs": capitals and a plural s name a group, never
/// a person.
fn is_plural_acronym(s: &str) -> bool {
    s.strip_suffix('s')
        .is_some_and(|head| head.len() >= 2 && head.bytes().all(|b| b.is_ascii_uppercase()))
}

/// "Neighbours", "Colour": a British spelling of a common word (the word
/// list spells American) is a common word too.
fn british_flags(word: &str) -> Flags {
    // A window search: `str::find` sets up a general substring searcher
    // for each of these (mostly unknown) names.
    let at = word.as_bytes().windows(3).position(|w| w == b"our");
    let Some(at) = at.filter(|&at| at > 0 && word.is_ascii()) else {
        return 0;
    };
    let mut american = String::with_capacity(word.len());
    american.push_str(&word[..at]);
    american.push_str("or");
    american.push_str(&word[at + 3..]);
    lexicon::flags(&american) & flag::COMMON
}

/// Two letters or more, and every letter upper case. ASCII bytes are
/// read as bytes: most capitalised words fail at their second letter.
fn all_capitals(w: &str) -> bool {
    let mut letters = 0;
    for (k, &b) in w.as_bytes().iter().enumerate() {
        if b >= 0x80 {
            // `k` is a char boundary: every byte before it is ASCII.
            return all_capitals_from(&w[k..], letters);
        }
        if b.is_ascii_lowercase() {
            return false;
        }
        letters += usize::from(b.is_ascii_uppercase());
    }
    letters >= 2
}

/// [`all_capitals`] over any characters, `letters` already counted.
fn all_capitals_from(w: &str, mut letters: usize) -> bool {
    for ch in w.chars().filter(|ch| ch.is_alphabetic()) {
        if !ch.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// Flags of a hyphenated word not in the lists: a title if it ends in one
/// ("Major-General", "Vice-President"), a nationality if it ends in one
/// ("African-Americans"), a common word if all its parts are ("Twenty-seven"),
/// a given name of the first's gender if both its parts are ("Anna-Lena").
fn hyphenated_flags(s: &str) -> Flags {
    if let Some((a, b)) = s.split_once('-') {
        let (fa, fb) = (lexicon::flags(a), lexicon::flags(b));
        if fa & fb & flag::GIVEN != 0 && !b.contains('-') {
            return fa & (flag::GIVEN | flag::MALE | flag::FEMALE);
        }
    }
    let last = s.rsplit('-').next().unwrap_or("");
    let mut f = lexicon::small_flags(last.as_bytes());
    if f & flag::DEMONYM == 0 && last.len() > 3 && last.ends_with('s') {
        f |= lexicon::small_flags(&last.as_bytes()[..last.len() - 1]) & flag::DEMONYM;
    }
    let common = s.split('-').all(|p| lexicon::flags(p) & flag::COMMON != 0);
    (f & (flag::TITLE | flag::HONORIFIC | flag::DEMONYM)) | if common { flag::COMMON } else { 0 }
}

/// Capitalised words that are never names: contractions ("I'll", "Don't"),
/// party-state tags ("R-Ky", "D-Va") and adjectives or nouns made with a hyphen
/// ("Denver-based", "French-language", "China-watcher").
fn not_a_name(s: &str) -> bool {
    let b = s.as_bytes();
    let tag = b.len() >= 3
        && matches!(b[0], b'R' | b'D' | b'I')
        && b[1] == b'-'
        && b[2].is_ascii_uppercase();
    tag || is_contraction(s) || hyphen_adjective(s)
}

/// "Denver-based", "Iranian-born", "French-language": a capitalised word,
/// a hyphen and a lower-case word that makes it an adjective
/// (`thing-words.tsv`, tag `adjective`), or a noun ("China-watcher",
/// see [`common_tail`]).
pub fn hyphen_adjective(s: &str) -> bool {
    // From the end, lower-case letters back to the hyphen: most words stop
    // at their last letter or their apostrophe ("Blair's").
    let b = s.as_bytes();
    let Some(h) = b.iter().rposition(|c| !c.is_ascii_lowercase()) else {
        return false;
    };
    if b[h] != b'-' || h + 1 >= b.len() {
        return false;
    }
    let tail = &b[h + 1..];
    lexicon::lower_case_flags(tail) & flag::ADJECTIVE_SUFFIX != 0 || common_tail(&s[h + 1..])
}

/// Lower-case tails after a hyphen as long as this are words, not a
/// name's syllable: a Korean or Chinese given name's second syllable is
/// shorter ("Ban Ki-moon", "Kim Dae-jung", "Chiang Kai-shek").
const WORD_TAIL_BYTES: usize = 6;

/// "China-watcher", "Oscar-winner": a lower-case word after the hyphen,
/// long enough to be no syllable of a name (or a common word of five
/// letters), makes a noun or an adjective, not a name.
fn common_tail(tail: &str) -> bool {
    tail.len() >= WORD_TAIL_BYTES
        || tail.len() == WORD_TAIL_BYTES - 1
            && lexicon::flags(tail) & (flag::COMMON | flag::GIVEN | flag::SURNAME) == flag::COMMON
}

/// The word ends in an apostrophe and a contracted verb ("'ll", "’t").
/// The tails hold no apostrophe, so the one before them is the last.
fn is_contraction(s: &str) -> bool {
    if !s.ends_with(['l', 'e', 'm', 'd', 't']) {
        return false;
    }
    ["ll", "ve", "re", "m", "d", "t"].iter().any(|tail| {
        s.strip_suffix(tail)
            .is_some_and(|head| head.ends_with(['\'', '’']))
    })
}

/// "al-Assad", "bin-Laden": a short lower-case article
/// (`assets/words/name-links.tsv`, tag `hyphen`), a hyphen and a capital. Only the first four bytes are searched for the hyphen.
fn prefixed(w: &str) -> bool {
    let Some(h) = w.as_bytes().iter().take(4).position(|&b| b == b'-') else {
        return false;
    };
    name_links::hyphen(&w.as_bytes()[..h]) && w[h + 1..].starts_with(char::is_uppercase)
}

/// The end of the word or number starting at `start`: letters, digits and
/// marks, joined by `-`, `'`, `’` or `.` when a letter or digit follows;
/// a final `.` stays on an initial ("J."), a dotted abbreviation ("U.S.")
/// or a known abbreviation ("Mr.", "Gen.").
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut i, mut dotted) = (start, false);
    if bytes.get(start).is_some_and(u8::is_ascii_alphanumeric) {
        // "Putin": a capital, then lower-case letters eight at a time,
        // usually up to a space or a mark that joins nothing.
        i = start + 1 + lower_run(bytes, start + 1);
        if bytes.get(i).is_none_or(|&b| ENDS_WORD[usize::from(b)]) {
            return i;
        }
    }
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
        if c >= 0x80 && (is_alphanumeric(ch) || is_mark(ch)) {
            i += len;
            continue;
        }
        let joins = matches!(ch, '-' | '\'' | '’' | '.' | '\u{2010}' | '\u{2011}');
        if joins && text[i + len..].chars().next().is_some_and(is_alphanumeric) {
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

/// [`word_end`] for a word starting with an ASCII capital, and whether
/// the word is plain: ASCII letters and digits up to a mark that joins
/// nothing (most are).
fn capital_word_end(text: &str, start: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut i = start + 1 + lower_run(bytes, start + 1);
    if bytes.get(i).is_some_and(|&b| ASCII_WORD[usize::from(b)]) {
        // "NATO", "McCain", "G7".
        i = bytes[i..]
            .iter()
            .position(|&b| !ASCII_WORD[usize::from(b)])
            .map_or(bytes.len(), |n| i + n);
    }
    match bytes.get(i) {
        None => (bytes.len(), true),
        Some(&b) if ENDS_WORD[usize::from(b)] => (i, true),
        Some(_) => (word_end(text, start), false),
    }
}

/// [`word_end`] for a word starting with a lower-case ASCII letter: the
/// plain ASCII run, unless a joiner or a non-ASCII byte follows it; and
/// whether [`word_end`] was asked (the word may hold a joiner).
fn lower_word_end(text: &str, start: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let run = start + lower_run(bytes, start);
    // The letters usually stop at a space or a mark; only a capital or a
    // digit inside the word ("iPhone", "g7") needs the byte loop.
    let end = if bytes.get(run).is_some_and(|&b| ASCII_WORD[usize::from(b)]) {
        bytes[run..]
            .iter()
            .position(|&b| !ASCII_WORD[usize::from(b)])
            .map_or(bytes.len(), |n| run + n)
    } else {
        run
    };
    match bytes.get(end) {
        None => (bytes.len(), false),
        Some(&b) if ENDS_WORD[usize::from(b)] => (end, false),
        // A full stop that ends a sentence: no letter or digit follows it
        // (a non-ASCII byte may start one), and a lower-case word keeps
        // its dot only as "no." or "vs." (see `keeps_dot`).
        Some(b'.')
            if bytes
                .get(end + 1)
                .is_none_or(|&n| n < 0x80 && !ASCII_WORD[usize::from(n)])
                && !matches!(&bytes[start..end], b"no" | b"vs") =>
        {
            (end, false)
        }
        Some(_) => (word_end(text, start), true),
    }
}

/// The marks that end a word wherever they stand (they join nothing):
/// the usual bytes after a word, tested before the general loop.
static ENDS_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let ends = *b" ,\n);:\"?!";
    let mut k = 0;
    while k < ends.len() {
        t[ends[k] as usize] = true;
        k += 1;
    }
    t
};

/// How many lower-case ASCII letters start `bytes[from..]`, read eight at
/// a time (most words are only those): the tokenizer's innermost loop.
/// The last few bytes of the text are left to the caller.
fn lower_run(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut n = 0;
    while let Some(chunk) = bytes.get(from + n..from + n + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(chunk);
        // A byte's top bit after adding 0x1f says it is 'a' or above, after
        // adding 0x05 that it is above 'z'; non-ASCII bytes are cut out by
        // `!x` (their carries only spoil the bytes after them).
        let lower = x.wrapping_add(0x1f * ONES) & !x.wrapping_add(0x05 * ONES) & !x & HIGH;
        let run = (!lower & HIGH).trailing_zeros() as usize / 8;
        n += run;
        if run < 8 {
            break;
        }
    }
    n
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
    // "U.S." keeps its dot; "£2.2m." is a number, and its dot ends the
    // sentence ("… £2.2m. But Brady told").
    let number = word.starts_with(|c: char| c.is_ascii_digit());
    if single_cap || dotted && !number {
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
    let f = lexicon::small_flags(&buf[..=n]);
    f & (flag::HONORIFIC | flag::QUALIFIER | flag::TIME | flag::ORG | flag::PLACE_WORD) != 0
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
    fn lower_runs_count_lower_case_letters() {
        let texts = [
            "",
            "a",
            "abcdefgh",
            "abcdefghijklmnopq r",
            "abc def",
            "abcDef",
            "abcdefgh9",
            "naïve",
            "zelenskyy’s",
            "{`az}",
            "abcdefg\u{7f}",
            "x\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}",
        ];
        for text in texts {
            let b = text.as_bytes();
            for from in 0..=b.len() {
                let want = b[from..]
                    .iter()
                    .take_while(|c| c.is_ascii_lowercase())
                    .count();
                let got = lower_run(b, from);
                // The last bytes are left to the caller's byte loop.
                assert!(
                    got <= want && (got == want || b.len() - from - got < 8),
                    "{text} {from}"
                );
            }
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
