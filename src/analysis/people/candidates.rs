//! Candidates: runs of capitalised words that may name someone, with the
//! particles inside names (de, van der, bin, al-), the title chain before
//! them split off as a role, and a final possessive removed.

use super::lexicon::flag;
use super::title;
use super::token::{Gap, Kind, Token};
use crate::analysis::Span;

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

    pub fn iter(self) -> impl Iterator<Item = usize> {
        (self.first..=self.last).filter(move |&i| Some(i) != self.skip)
    }

    pub fn len(self) -> usize {
        self.last + 1 - self.first - usize::from(self.skip.is_some())
    }

    /// The `k`-th word's token index (clamped to the last).
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
    pub role_flags: u32,
    /// The last name word carries a possessive ('s).
    pub possessive: bool,
}

impl Candidate {
    pub fn first(&self) -> usize {
        self.parts.first
    }

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
/// van der Pas", "Osama bin Laden".
fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "da"
            | "das"
            | "del"
            | "della"
            | "der"
            | "den"
            | "des"
            | "di"
            | "do"
            | "dos"
            | "du"
            | "van"
            | "von"
            | "la"
            | "le"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "y"
            | "ter"
            | "ten"
            | "zu"
            | "af"
            | "av"
            | "st."
            | "e"
    )
}

/// A word that may be part of a name (decided once by the tokenizer, see
/// [`Token::name_like`]).
pub fn name_like(t: Token, _text: &str) -> bool {
    t.name_like
}

/// All candidates in `tokens`, in text order.
pub fn find(text: &str, tokens: &[Token]) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let bracket = t.kind == Kind::Punct && bracketed_given_name(text, tokens, i);
        if !bracket && !name_like(t, text) {
            i += 1;
            continue;
        }
        let start = if bracket { i + 1 } else { i };
        let mut parts = run(text, tokens, start, bracket);
        i = parts.last + 1;
        parts = strip_sentence_openers(text, tokens, parts);
        if is_opener(text, tokens, parts) || is_suffix_only(text, tokens, parts) {
            continue;
        }
        out.push(title::split_title(text, tokens, parts));
    }
    out
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
    let after_name = i > 0 && tokens[i - 1].name_like && {
        let f = tokens[i - 1].flags(text);
        f & (flag::TITLE | flag::HONORIFIC) == 0
    };
    !after_name
        && open.is_punct(text, '(')
        && close.is_punct(text, ')')
        && name_like(word, text)
        && !word.upper
        && next.gap == Gap::Space
        && name_like(next, text)
        && (word.flags(text) & flag::GIVEN != 0 || word.flags(text) & other == 0)
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
        if is_possessive(tokens[j].text(text)) {
            break;
        }
        let Some(&next) = tokens.get(j + 1) else {
            break;
        };
        if next.gap != Gap::Space {
            break;
        }
        if name_like(next, text) && !next.sent_start && !is_date_word(text, next) {
            parts.push(j + 1);
            continue;
        }
        // Particles only inside a name: a capitalised word must follow.
        let mut k = j + 1;
        while tokens
            .get(k)
            .is_some_and(|t| t.gap == Gap::Space && is_particle(t.text(text)))
        {
            k += 1;
        }
        let joined = k > j + 1 && tokens.get(k).is_some_and(|t| t.gap == Gap::Space && t.cap);
        if joined && name_like(tokens[k], text) {
            parts.push(k);
            continue;
        }
        break;
    }
    parts
}

pub fn is_possessive(word: &str) -> bool {
    strip_possessive(word).len() < word.len()
}

/// `word` without a final `'s` or `’s` (when something is left).
pub fn strip_possessive(word: &str) -> &str {
    if !word.ends_with(['s', 'S']) {
        return word;
    }
    ["'s", "’s", "'S", "’S"]
        .iter()
        .find_map(|p| word.strip_suffix(p).filter(|w| !w.is_empty()))
        .unwrap_or(word)
}

/// A lone common word that opens a sentence ("We", "Officials"): no name.
fn is_opener(text: &str, tokens: &[Token], parts: Parts) -> bool {
    if parts.len() != 1 {
        return false;
    }
    let t = tokens[parts.first];
    let f = t.flags(text);
    let keep = flag::GIVEN | flag::TITLE | flag::HONORIFIC | flag::PLACE;
    // "Brown said": a surname that is also a word, kept before a verb.
    let next = tokens.get(parts.first + 1);
    let verb = || next.is_some_and(|n| !n.cap && n.flags(text) & flag::VERB != 0);
    t.sent_start && !t.upper && f & flag::COMMON != 0 && f & keep == 0 && !verb()
}

/// A weekday or month after a name ends it ("Netflix Friday"); not May,
/// June, April or August, which are names too ("Theresa May").
fn is_date_word(text: &str, t: Token) -> bool {
    t.flags(text) & flag::TIME != 0 && !matches!(t.text(text), "May" | "June" | "April" | "August")
}

/// "Jr", "Sr", "III" standing alone ("Joseph R. Biden, Jr."): a suffix of
/// the name before, not a name.
fn is_suffix_only(text: &str, tokens: &[Token], parts: Parts) -> bool {
    parts.len() == 1 && is_name_suffix(tokens[parts.first].text(text))
}

pub fn is_name_suffix(w: &str) -> bool {
    matches!(w, "Jr" | "Jr." | "Sr" | "Sr." | "II" | "III" | "IV")
}

/// Drops "But", "The", "When" from the start of a run at a sentence start:
/// common words that are capitalised only because they open the sentence.
/// Not after a list number ("6. Pier Francesco Chili"): an item opens there.
fn strip_sentence_openers(text: &str, tokens: &[Token], mut parts: Parts) -> Parts {
    let numbered = parts.first >= 2
        && tokens[parts.first - 1].kind == Kind::Punct
        && tokens[parts.first - 2].kind == Kind::Num;
    while parts.len() > 1 && !numbered {
        let t = tokens[parts.first];
        let f = t.flags(text);
        // Only a plain common word goes: "South Korea", "Power New Zealand"
        // keep their place or organisation word.
        let plain = f & !(flag::COMMON | flag::VERB) == 0 && f != 0;
        let opener = plain || is_function_word(t.text(text));
        if !(t.sent_start && opener) {
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

/// Words that open sentences and are never part of a name, even where a
/// list says they are names too ("In", "Will", "May").
const FUNCTION_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "But",
    "And",
    "Or",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "As",
    "At",
    "In",
    "On",
    "For",
    "With",
    "From",
    "By",
    "To",
    "Of",
    "Since",
    "Although",
    "Though",
    "Because",
    "So",
    "Yet",
    "Then",
    "Now",
    "Also",
    "Still",
    "Meanwhile",
    "However",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "Your",
    "There",
    "Here",
    "What",
    "Which",
    "Who",
    "Where",
    "Why",
    "How",
    "All",
    "Some",
    "Many",
    "Most",
    "Both",
    "Each",
    "Every",
    "No",
    "Not",
    "Only",
    "Even",
    "Just",
    "Last",
    "Next",
    "Under",
    "Over",
    "During",
    "Despite",
    "Without",
    "Like",
    "Until",
    "Unlike",
    "Will",
    "May",
    "Can",
    "Could",
    "Should",
    "Would",
    "Did",
    "Does",
];

fn is_function_word(w: &str) -> bool {
    FUNCTION_WORDS.contains(&w)
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
            ("He met the lady de Croo.", "Croo", None),
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
        // A lone common word opening a sentence is no candidate.
        assert!(names("Officials left.").is_empty());
        assert_eq!(names("Brown said so.").len(), 1);
    }
}
