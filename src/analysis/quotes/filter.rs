//! What is not a quotation although it stands in quote marks: values in
//! leftover markup, titles, scare quotes; and the speaker label that opens
//! a quoted transcript line.

use super::Decision;
use super::marks::Marked;
use super::phrase::{is_determiner, is_pronoun, is_stop};
use super::speaker::Speaker;
use crate::analysis::Span;
use crate::analysis::lexicon::compiled::{label_words, term_words, title_case_minor};
use crate::analysis::lexicon::{self, Filter, flag};

/// Whether a found quotation is kept: anything with a speaker or a cue is;
/// a short stretch with neither (a scare quote, a nickname) is not, nor a
/// title, nor a value inside markup.
pub(super) fn keep(text: &str, markup: &mut Markup, marked: &Marked, decision: &Decision) -> bool {
    if markup.inside(text, marked.open) {
        return false;
    }
    let inner = marked.inner.text(text);
    // A name in Title Case is a book, a show or a slogan, unless someone is
    // said to have said it right after it; after "Fox News’s" or "on" it
    // is a title all the same ("on Fox News’s “Sunday Morning Futures,”
    // Rep. Issa said").
    if is_title(inner) && (!decision.direct || names_a_work(&text[..marked.open])) {
        return false;
    }
    if names_a_term(&text[..marked.open]) {
        return false;
    }
    // Most quotes are longer: their words are counted only up to the limit.
    let short = inner.split_whitespace().nth(LABEL_WORDS).is_none();
    if short && names_a_label(&text[..marked.open]) {
        return false;
    }
    if decision.cue.is_some() || !matches!(decision.speaker, Speaker::Unknown) {
        return true;
    }
    inner.split_whitespace().count() >= 4
}

/// The words before a quote say it is a term or a label: "the term",
/// "its slogan" (`assets/words/term-words.txt`), after a determiner ("a
/// longer term", "the recommended term" are durations).
fn names_a_term(before: &str) -> bool {
    // Most quotes follow no such word: the last word's bytes are read
    // first, back from the mark, and only a term word reads the rest.
    let bytes = before.as_bytes();
    let end = bytes
        .iter()
        .rposition(|c| !matches!(c, b' ' | b',' | b':'))
        .map_or(0, |i| i + 1);
    let start = bytes[..end]
        .iter()
        .rposition(u8::is_ascii_whitespace)
        .map_or(0, |i| i + 1);
    term_words::contains(&bytes[start..end])
        && before[..start]
            .split_whitespace()
            .next_back()
            .is_some_and(is_determiner)
}

/// The most words a label in quotes has ("links called "trackers"");
/// a longer quote after "called" is someone's words.
const LABEL_WORDS: usize = 3;

/// The words before a quote say it is a label (`assets/words/label-words.txt`):
/// "such as", or a verb of naming after a noun for a thing ("links
/// called"; not "critics called", "he called it", "was dubbed").
fn names_a_label(before: &str) -> bool {
    let mut words = before
        .trim_end_matches([' ', ',', ':'])
        .rsplit(' ')
        .filter(|w| !w.is_empty());
    let (Some(last), previous) = (words.next(), words.next()) else {
        return false;
    };
    let Some(previous) = previous else {
        return false;
    };
    if label_words::contains(format!("{previous} {last}").as_bytes()) {
        return true;
    }
    if !label_words::contains(last.as_bytes()) {
        return false;
    }
    let verb = last.ends_with("ed");
    let word = previous.as_bytes();
    let verb_or_pronoun = lexicon::exact_flags(word, Filter::FUNCTION_WORDS)
        & (flag::PASSIVE | flag::PROGRESSIVE)
        != 0
        || is_stop(previous)
        || is_pronoun(previous);
    // "lawmakers called", "critics dubbed": people, whose words they are.
    let people =
        |w: &str| lexicon::small_flags(w.as_bytes()) & (flag::TITLE | flag::ROLE_NOUN) != 0;
    let person = people(previous) || previous.strip_suffix('s').is_some_and(people);
    // "what is typically called": an adverb leaves the verb's subject open.
    let adverb = previous.ends_with("ly");
    let noun = previous.chars().all(|c| c.is_lowercase() || c == '-')
        && !(verb_or_pronoun || person || adverb);
    !verb || noun
}

/// The words before a quote introduce the name of a work: a possessive
/// ("CNN's"), "on", "in", or a word like "show" or "book"
/// (`assets/words/work-words.txt`).
fn names_a_work(before: &str) -> bool {
    let Some(word) = before.split_whitespace().next_back() else {
        return false;
    };
    let word = word.trim_end_matches([',', ':']);
    let possessive = ["'s", "’s", "s'", "s’"]
        .iter()
        .any(|end| word.ends_with(end));
    possessive || lexicon::folded_flags(word.as_bytes(), Filter::WORK_WORDS) & flag::WORK_WORD != 0
}

/// [`in_markup`] asked of the quotes in text order: each stretch of the
/// text is searched once, where a search back from each quote to its line
/// start would read a one-paragraph text again for every quote.
#[derive(Default)]
pub(super) struct Markup {
    /// How far the text has been searched.
    searched: usize,
    /// The last `<`, `>` or line break before `searched`.
    last: Option<u8>,
}

impl Markup {
    /// [`in_markup`]`(text, at)`.
    fn inside(&mut self, text: &str, at: usize) -> bool {
        if at < self.searched {
            return in_markup(text, at);
        }
        let bytes = &text.as_bytes()[self.searched..at];
        if let Some(i) = memchr::memrchr3(b'<', b'>', b'\n', bytes) {
            self.last = Some(bytes[i]);
        }
        self.searched = at;
        self.last == Some(b'<')
    }
}

/// A quote mark inside `<…>`, like an attribute value of leftover markup.
fn in_markup(text: &str, at: usize) -> bool {
    // The last `<`, `>` or line break before the mark, in one search.
    let before = &text.as_bytes()[..at];
    memchr::memrchr3(b'<', b'>', b'\n', before).is_some_and(|i| before[i] == b'<')
}

/// Title Case words: a book, a show, a slogan; the small words of a title
/// (`assets/words/title-case-minor.txt`) may be lower case.
fn is_title(inner: &str) -> bool {
    inner.split_whitespace().all(|w| {
        w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic())
            || title_case_minor::contains(w.as_bytes())
    })
}

/// How long a transcript label may be, in bytes, before its colon: two
/// letters ("AB:") up to a name with a title ("SEN. ELIZABETH WARREN:");
/// a longer run of capitals is a headline, not a speaker.
const LABEL_BYTES: std::ops::RangeInclusive<usize> = 2..=30;

/// `"WALLACE: If I may, sir…`: a transcript line quoted whole. Moves the
/// quote's start past the speaker's label and returns the label.
pub(super) fn transcript_label(text: &str, marked: &mut Marked) -> Option<Span> {
    let inner = marked.inner.text(text);
    let colon = inner.find(':').filter(|&c| LABEL_BYTES.contains(&c))?;
    let label = &inner[..colon];
    let is_label = label
        .chars()
        .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-'))
        && label.chars().filter(|c| c.is_uppercase()).count() >= 2;
    let rest = &inner[colon + 1..];
    let words = rest.trim_start();
    if !is_label || words.is_empty() {
        return None;
    }
    let start = marked.inner.start;
    marked.inner = Span::new(
        start + colon + 1 + (rest.len() - words.len()),
        marked.inner.end,
    );
    Some(Span::new(start, start + colon))
}

/// "PENCE" → "Pence", to look a shouted label up among the people.
pub(super) fn title_case(name: &str) -> String {
    let word = |word: &str| {
        let mut chars = word.chars();
        chars
            .next()
            .map(|first| {
                first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect::<String>()
            })
            .unwrap_or_default()
    };
    name.split(' ').map(word).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::{Markup, in_markup};

    #[test]
    fn marks_inside_markup_asked_in_order() {
        let text = "a <b \"x\" c> \"y\" <d\n\"z\" <e f=\"g\">";
        let marks: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
        let mut markup = Markup::default();
        for &at in marks.iter().chain(&marks) {
            assert_eq!(markup.inside(text, at), in_markup(text, at), "{at}");
        }
    }

    #[test]
    fn marks_inside_markup() {
        let rows = [
            ("<a href=\"x\">", true),
            ("<b>bold</b> \"x\"", false),
            ("<p class=\n\"x\"", false),
            ("if a < b then \"x\"", true),
            ("plain \"x\"", false),
        ];
        for (text, want) in rows {
            assert_eq!(in_markup(text, text.find('"').unwrap()), want, "{text}");
        }
    }
}
