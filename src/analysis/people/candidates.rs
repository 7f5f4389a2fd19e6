//! Candidates: runs of capitalised words that may name someone, with the
//! particles inside names (de, van der, bin, al-), the title chain before
//! them split off as a role, and a final possessive removed.

use super::openers;
use super::title;
use super::token::{Gap, Kind, Token};
use crate::analysis::Span;
use crate::analysis::lexicon::compiled::{name_links, post_nominals, title_case_minor};
use crate::analysis::lexicon::{Flags, flag};
use std::borrow::Cow;

/// The token indices of a name's words: `first..=last`, less one closing
/// bracket (`skip`) in "(Vladimir) Putin". Kept inline, not in a `Vec`:
/// there is one per capitalised phrase, and allocation showed in profiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    pub first: usize,
    pub last: usize,
    pub skip: Option<usize>,
}

impl Parts {
    fn one(i: usize) -> Self {
        Parts {
            first: i,
            last: i,
            skip: None,
        }
    }

    // A half-open range: an inclusive one checks its end twice a step.
    #[allow(clippy::range_plus_one)]
    #[inline]
    pub fn iter(self) -> impl Iterator<Item = usize> {
        (self.first..self.last + 1).filter(move |&i| Some(i) != self.skip)
    }

    #[inline]
    pub fn len(self) -> usize {
        self.last + 1 - self.first - usize::from(self.skip.is_some())
    }

    /// The `k`-th word's token index (clamped to the last).
    #[inline]
    pub fn nth(self, k: usize) -> usize {
        self.iter().nth(k).unwrap_or(self.last)
    }

    /// Without the first `k` words (at least one word is kept).
    pub fn drop_front(self, k: usize) -> Self {
        let first = self.nth(k.min(self.len() - 1));
        Parts {
            first,
            last: self.last,
            skip: self.skip.filter(|&s| s > first),
        }
    }

    /// Without the last word (at least one word is kept).
    pub fn drop_back(self) -> Self {
        if self.len() < 2 {
            return self;
        }
        let last = self.nth(self.len() - 2);
        Parts {
            first: self.first,
            last,
            skip: self.skip.filter(|&s| s < last),
        }
    }

    fn push(&mut self, i: usize) {
        self.last = i;
    }
}

/// A capitalised phrase that may be a person's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The name's words (particles included).
    pub parts: Parts,
    /// The text covered by the name (and its brackets), without `'s`.
    pub span: Span,
    /// Token range of the title chain before the name ("NATO Secretary
    /// General", "chief spokesman"), if any.
    pub role: Option<(usize, usize)>,
    /// Flags of the role words or-ed together (TITLE, HONORIFIC, genders).
    pub role_flags: Flags,
    /// The last name word carries a possessive ('s).
    pub possessive: bool,
    /// A lone common word opening a sentence ("Trump took to Twitter"):
    /// a name only if the article already knows it as a surname.
    pub opener: bool,
}

impl Candidate {
    #[inline]
    pub fn first(&self) -> usize {
        self.parts.first
    }

    #[inline]
    pub fn last(&self) -> usize {
        self.parts.last
    }

    /// The word texts, the last without its possessive.
    pub fn words<'t>(&self, text: &'t str, tokens: &[Token]) -> impl Iterator<Item = &'t str> {
        let last = self.parts.last;
        self.parts.iter().map(move |i| {
            let w = tokens[i].text(text);
            if i == last { strip_possessive(w) } else { w }
        })
    }

    /// The name as written, words joined by one space, without a
    /// possessive `'s` or editorial brackets.
    pub fn name(&self, text: &str, tokens: &[Token]) -> String {
        let mut name = String::with_capacity(self.span.len());
        for w in self.words(text, tokens) {
            if !name.is_empty() {
                name.push(' ');
            }
            name.push_str(w);
        }
        name
    }

    /// [`Candidate::name`], borrowed from the text when the text holds it
    /// as is (no bracket, words one space apart), as most names are.
    pub fn name_in<'t>(&self, text: &'t str, tokens: &[Token]) -> Cow<'t, str> {
        let Parts { first, last, skip } = self.parts;
        let spaced = (first..last).all(|i| {
            tokens[i + 1].start == tokens[i].end + 1 && text.as_bytes()[tokens[i].end] == b' '
        });
        match text.get(self.span.start..self.span.end) {
            Some(name) if skip.is_none() && spaced => Cow::Borrowed(name),
            _ => Cow::Owned(self.name(text, tokens)),
        }
    }

    /// "Putin" for "(Vladimir) Putin": the name as the writer wrote it,
    /// without the editor's bracketed insertion.
    pub fn unbracketed(&self, text: &str, tokens: &[Token]) -> Option<String> {
        let skip = self.parts.skip?;
        let rest = Parts {
            first: skip + 1,
            last: self.parts.last,
            skip: None,
        };
        let c = Candidate {
            parts: rest,
            ..self.clone()
        };
        Some(c.name(text, tokens))
    }

    /// The role as written, if any.
    pub fn role_text<'t>(&self, text: &'t str, tokens: &[Token]) -> Option<&'t str> {
        let (a, b) = self.role?;
        text.get(tokens[a].start..tokens[b].end)
    }
}

/// Lower-case words that stand inside names: "Alexander de Croo", "Nikolaus
/// van der Pas", "Osama bin Laden" (`assets/words/name-links.tsv`, tag
/// `particle`). The tokenizer asks once per word (see [`Token::particle`]).
#[inline]
pub fn is_particle(word: &[u8]) -> bool {
    name_links::particle(word)
}

/// A word that may be part of a name (decided once by the tokenizer, see
/// [`Token::name_like`]).
#[inline]
pub fn name_like(t: Token, _text: &str) -> bool {
    t.name_like
}

/// All candidates in `tokens`, in text order.
pub fn find(text: &str, tokens: &[Token]) -> Vec<Candidate> {
    let mut out = Vec::new();
    find_into(text, tokens, &mut out);
    out
}

/// [`find`] into `out` (cleared first), reusing its memory.
pub fn find_into(text: &str, tokens: &[Token], out: &mut Vec<Candidate>) {
    out.clear();
    // News text has about one candidate per ten tokens. A buffer too small
    // is replaced, not grown: growing would copy its stale candidates.
    let room = tokens.len() / 8 + 4;
    if out.capacity() < room {
        *out = Vec::with_capacity(room);
    }
    let bytes = text.as_bytes();
    let bracket = |t: &Token| t.kind == Kind::Punct && bytes.get(t.start) == Some(&b'(');
    let mut i = 0;
    while i < tokens.len() {
        // Most tokens can open nothing (no name word, particle or opening
        // bracket): a tight loop passes over them.
        let Some(skip) = tokens[i..]
            .iter()
            .position(|t| t.name_like || t.particle || bracket(t))
        else {
            break;
        };
        i += skip;
        let t = tokens[i];
        let bracket = t.kind == Kind::Punct && bracketed_given_name(text, tokens, i);
        // "The Places In Between": a Title Case small word opens no
        // name, but "The" opens the name of a thing ("The Cure").
        if !bracket && !name_like(t, text) && !particle_opens_name(tokens, i)
            || title_case_word(t, text) && t.bytes(text) != b"The"
        {
            i += 1;
            continue;
        }
        let start = if bracket { i + 1 } else { i };
        let mut parts = run(text, tokens, start, bracket);
        i = parts.last + 1;
        if adjective_follows(text, tokens, i) && !is_possessive(tokens[parts.last].bytes(text)) {
            // "Los Angeles-based": the start of an adjective, no name; but
            // "Ann Lind's Booker-shortlisted novel" is hers.
            continue;
        }
        parts = openers::strip_sentence_openers(text, tokens, parts);
        parts = openers::strip_glued_words(text, tokens, parts);
        // "Frank Field MP": letters after a name are no part of it
        // (`assets/words/post-nominals.txt`).
        if post_nominals::contains(tokens[parts.last].bytes(text)) {
            parts = parts.drop_back();
        }
        if openers::is_suffix_only(text, tokens, parts) {
            continue;
        }
        let opener = openers::is_opener(text, tokens, parts);
        out.push(Candidate {
            opener,
            ..title::split_title(text, tokens, parts)
        });
    }
}

/// Token `i` is a capitalised adjective made with a hyphen ("Angeles-based"
/// of "Los Angeles-based") right after a run of name words.
fn adjective_follows(text: &str, tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| {
        t.cap
            && !t.name_like
            && t.gap == Gap::Space
            && t.kind == Kind::Word
            && super::token::hyphen_adjective(t.text(text))
    })
}

/// "c de Silva b", "goalkeeper van der Sar": a name that opens with its
/// particles, after a word that is not part of a name.
fn particle_opens_name(tokens: &[Token], i: usize) -> bool {
    // Cheap tests first, this runs for every lower-case word: the word is
    // a particle, and a capital follows within two tokens ("de Silva",
    // "van der Sar").
    if !tokens[i].particle {
        return false;
    }
    let cap = |k: usize| tokens.get(k).is_some_and(|n| n.cap && n.gap == Gap::Space);
    if !(cap(i + 1) || cap(i + 2)) {
        return false;
    }
    if i > 0 && (tokens[i - 1].name_like || tokens[i - 1].kind == Kind::Num) {
        return false;
    }
    let mut k = i;
    while tokens.get(k).is_some_and(|n| n.particle) {
        k += 1;
    }
    k > i
        && tokens
            .get(k)
            .is_some_and(|n| n.gap == Gap::Space && n.name_like && n.cap)
}

/// "(Vladimir) Putin": an editor's bracketed given name before a name (a
/// word that is no place, nationality, common word or organisation).
fn bracketed_given_name(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(&[open, word, close, next]) = tokens.get(i..i + 4) else {
        return false;
    };
    // Places are allowed: many given names are also towns ("Vladimir").
    let other = flag::DEMONYM | flag::COMMON | flag::ORG | flag::TIME | flag::FURNITURE;
    // After a name, a bracket is a note on it ("Vega (Cagliari) Wicky"),
    // not an inserted given name; after a title it is ("President (X) Y").
    // Looked up last: the shape tests before rule out most brackets.
    let after_name = || {
        i > 0 && tokens[i - 1].name_like && {
            let f = tokens[i - 1].flags(text);
            f & (flag::TITLE | flag::HONORIFIC) == 0
        }
    };
    open.is_punct(text, '(')
        && close.is_punct(text, ')')
        && word.gap == Gap::None
        && close.gap == Gap::None
        && name_like(word, text)
        && !word.upper
        && next.gap == Gap::Space
        && name_like(next, text)
        && (word.flags(text) & flag::GIVEN != 0 || word.flags(text) & other == 0)
        && !after_name()
}

/// The run of name words starting at `start`.
fn run(text: &str, tokens: &[Token], start: usize, bracket: bool) -> Parts {
    let mut parts = Parts::one(start);
    if bracket {
        // Skip the closing bracket: the next name word follows it.
        parts = Parts {
            first: start,
            last: start + 2,
            skip: Some(start + 1),
        };
    }
    loop {
        let j = parts.last;
        if is_possessive(tokens[j].bytes(text)) {
            break;
        }
        let Some(&next) = tokens.get(j + 1) else {
            break;
        };
        if next.gap != Gap::Space {
            break;
        }
        if name_like(next, text) && !next.sent_start && !is_date_word(text, next) {
            if title_case_word(next, text) {
                // "Lost In Translation", "Mike Piazza In San Diego": a
                // small word capitalised is a title's, in Title Case.
                break;
            }
            parts.push(j + 1);
            continue;
        }
        // Particles only inside a name: a capitalised word must follow.
        let mut k = j + 1;
        while tokens
            .get(k)
            .is_some_and(|t| t.gap == Gap::Space && t.particle)
        {
            k += 1;
        }
        let joined = k > j + 1 && tokens.get(k).is_some_and(|t| t.gap == Gap::Space && t.cap);
        if joined && name_like(tokens[k], text) {
            parts.push(k);
            continue;
        }
        if middle_initial(text, tokens, j) {
            parts.push(j + 1);
            parts.push(j + 2);
            continue;
        }
        break;
    }
    parts
}

/// A small word a title in Title Case capitalises ("In", "The", "And";
/// `assets/words/title-case-minor.txt`), but not "Of", which names and
/// titles of people hold ("Duke Of York"), nor "A", an initial.
fn title_case_word(t: Token, text: &str) -> bool {
    let mut lower = [0u8; 4];
    // Cheap tests first, for every capitalised word: its length, and the
    // common-word flag the tokenizer looked up.
    if !t.cap || t.end - t.start > lower.len() || t.flags(text) & flag::COMMON == 0 {
        return false;
    }
    let w = t.bytes(text);
    if w.len() < 2 {
        return false;
    }
    for (l, c) in lower.iter_mut().zip(w) {
        *l = c.to_ascii_lowercase();
    }
    let lower = &lower[..w.len()];
    !matches!(lower, b"of" | b"an") && title_case_minor::contains(lower)
}

/// "Dolores M Troiani", "George W Bush": a lone capital after a given name
/// and before a name word is a middle initial written without its dot, as
/// British news writes it.
fn middle_initial(text: &str, tokens: &[Token], j: usize) -> bool {
    let (Some(&initial), Some(&next)) = (tokens.get(j + 1), tokens.get(j + 2)) else {
        return false;
    };
    let lone = initial.end == initial.start + 1
        && text.as_bytes()[initial.start].is_ascii_uppercase()
        && initial.kind == Kind::Word;
    lone && tokens[j].flags(text) & flag::GIVEN != 0
        && next.gap == Gap::Space
        && next.cap
        && name_like(next, text)
        && !next.sent_start
}

pub fn is_possessive(word: &[u8]) -> bool {
    possessive_cut(word).is_some()
}

/// `word` without a final `'s` or `’s` (when something is left).
#[inline]
pub fn strip_possessive(word: &str) -> &str {
    match possessive_cut(word.as_bytes()) {
        Some(cut) => word.get(..cut).unwrap_or(word),
        None => word,
    }
}

/// Where a final `'s` or `’s` starts (something left before it): at the
/// apostrophe, ASCII or the first of the three bytes of "’", so always
/// at a char boundary.
#[inline]
pub fn possessive_cut(b: &[u8]) -> Option<usize> {
    let n = b.len();
    if n < 3 || !matches!(b[n - 1], b's' | b'S') {
        return None;
    }
    if b[n - 2] == b'\'' {
        Some(n - 2)
    } else if n > 4 && b[n - 4..n - 1] == *"’".as_bytes() {
        Some(n - 4)
    } else {
        None
    }
}

/// A weekday or month after a name ends it ("Netflix Friday"); not May,
/// June, April or August, which are names too ("Theresa May").
fn is_date_word(text: &str, t: Token) -> bool {
    t.flags(text) & flag::TIME != 0 && !matches!(t.text(text), "May" | "June" | "April" | "August")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::people::token::tokenize;

    fn names(text: &str) -> Vec<(String, Option<String>)> {
        let tokens = tokenize(text);
        find(text, &tokens)
            .into_iter()
            .map(|c| {
                let role = c.role_text(text, &tokens).map(str::to_owned);
                (c.name(text, &tokens), role)
            })
            .collect()
    }

    #[test]
    fn particles_titles_and_possessives() {
        let rows: &[(&str, &str, Option<&str>)] = &[
            ("We met Alexander de Croo today.", "Alexander de Croo", None),
            ("He met the lady de Croo.", "de Croo", Some("lady")),
            (
                "NATO Secretary General Jens Stoltenberg said",
                "Jens Stoltenberg",
                Some("NATO Secretary General"),
            ),
            (
                "the chief spokesman Nikolaus van der Pas told",
                "Nikolaus van der Pas",
                Some("chief spokesman"),
            ),
            (
                "as Belgian Prime Minister Alexander de Croo said",
                "Alexander de Croo",
                Some("Belgian Prime Minister"),
            ),
            ("It was Zelensky's visit.", "Zelensky", None),
            ("It was Zelensky’s visit.", "Zelensky", None),
            ("He met Mr. Putin.", "Putin", Some("Mr.")),
            ("with Bashar al-Assad in", "Bashar al-Assad", None),
            ("then Sean O'Donnell left", "Sean O'Donnell", None),
            ("and Xi Jinping met", "Xi Jinping", None),
            ("saw Rūta Petrauskaitė and", "Rūta Petrauskaitė", None),
            ("But Fischler agreed", "Fischler", None),
            (
                "Secretary of State Warren Christopher said",
                "Warren Christopher",
                Some("State"),
            ),
            (
                "that (Russian) President (Vladimir) Putin is",
                "Vladimir Putin",
                Some("President"),
            ),
        ];
        for &(text, name, role) in rows {
            let all = names(text);
            let found = all.iter().find(|(n, _)| n == name);
            assert!(found.is_some(), "{text}: {name} not in {all:?}");
            assert_eq!(found.and_then(|f| f.1.as_deref()), role, "{text}");
        }
    }

    #[test]
    fn runs_break_where_names_cannot_continue() {
        // A particle without a capitalised word after it ends the name.
        assert_eq!(names("met Jan de said")[0].0, "Jan");
        // Wide gaps (table columns) and commas break runs.
        assert_eq!(names("Andrew  Coltart 72").len(), 2);
        assert_eq!(names("met Smith, Jones").len(), 2);
        // A sentence start inside a run starts a new candidate.
        assert_eq!(names("met Smith. Jones left").len(), 2);
        // Single capitals are not names.
        assert!(names("so I think A good").is_empty());
        // A lone common word opening a sentence is a candidate only as an
        // opener, which resolution takes as a known surname or not at all.
        let text = "Officials left.";
        let tokens = tokenize(text);
        assert!(find(text, &tokens).iter().all(|c| c.opener));
        let text = "Brown said so.";
        let tokens = tokenize(text);
        assert!(
            find(text, &tokens).iter().all(|c| !c.opener),
            "a surname before a verb is kept"
        );
    }
}
