//! Spokesmen as speakers: someone unnamed who speaks for a body is the
//! body speaking ("a Home Office spokesman said" is the Home Office). The
//! body is the one named in the phrase or after it, else the one named by
//! the phrase's noun ("an executive spokesman"), else the body the story
//! is about at that point ("The firm denied it. A spokesman said").

use super::describe::{Focus, refers_to_a_body};
use super::{Context, Resolver, Speaker, is_name_link, is_plain_word};
use crate::analysis::Span;
use crate::analysis::lexicon::compiled::{party_words, spokes_nouns};
use crate::analysis::lexicon::{self, flag};
use crate::analysis::quotes::phrase::{is_stop, join, one_of};
use crate::analysis::quotes::salience::UNNAMED;
use crate::analysis::quotes::words::{Kind, Token, strip_possessive, tokenize};

/// How far into a sentence its unnamed subject's noun may stand ("A
/// Department for Constitutional Affairs spokeswoman"), and how far after
/// the noun the body it speaks for: a long body's name; further on, the
/// noun is in another phrase.
const SPOKES_REACH: usize = 80;

impl Resolver<'_> {
    /// The body a speaker phrase with a spokes-noun
    /// (`assets/words/spokes-nouns.txt`) speaks for; `None` for any other
    /// phrase and for a spokesman of a person ("a spokesman for Ann Roe").
    pub(super) fn spokesperson(
        &self,
        phrase: &[Token],
        span: Span,
        cx: &Context,
    ) -> Option<Speaker> {
        // Most phrases are names: the words after are read only for a
        // spokes-noun.
        let noun = phrase.last()?;
        if !spokes_nouns::contains(noun.text.as_bytes()) {
            return None;
        }
        let after = self.words_from(span.end);
        let long = self.long_body_phrase(phrase, span);
        self.spokes_body(long.as_deref().unwrap_or(phrase), &after, cx, true)
    }

    /// "A Department for Education and Skills spokeswoman": a speaker
    /// phrase stops at "for" and "and", so the phrase is read again from
    /// the article before it, up to "a", "an" or "the" with only the words
    /// of a name between.
    fn long_body_phrase(&self, phrase: &[Token], span: Span) -> Option<Vec<Token<'_>>> {
        if phrase
            .first()
            .is_some_and(|w| one_of(w.text, &["a", "an", "the"]))
        {
            return None;
        }
        let mut from = span.start.saturating_sub(SPOKES_REACH);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        let words = tokenize(self.text, Span::new(from, span.end), &[]);
        let det = words
            .iter()
            .rposition(|w| one_of(w.text, &["a", "an", "the"]))?;
        let body = &words[det + 1..words.len() - 1];
        (body.len() > phrase.len() - 1
            && body.iter().all(|w| w.kind == Kind::Word && in_body_name(w)))
        .then(|| words[det..].to_vec())
    }

    /// The body the last unnamed subject spoke for, if it was a spokesman:
    /// "A Home Office spokesman said … He added".
    pub(super) fn unnamed_body(&self, cx: &Context) -> Option<String> {
        let mut unnamed = cx.subjects.lines_back().flat_map(|(line, _)| {
            cx.subjects
                .subjects_back(line, 0, cx.at)
                .filter(|&&(_, p)| p == UNNAMED)
                .map(|&(s, _)| s)
        });
        // "The spokesman said … He added": the spokesman introduced before
        // that one; the nearest other unnamed subject decides.
        unnamed.find_map(|at| {
            let words = self.words_from(at);
            let Some(end) = words
                .iter()
                .position(|w| spokes_nouns::contains(w.text.as_bytes()))
            else {
                return Some(None);
            };
            // "Responding to the ruling, a Home Office spokesman said";
            // "The executive spokeswoman said".
            let long = self.long_body_phrase(&words[..=end], join(words[0].span, words[end].span));
            let words = match &long {
                Some(long) => long.iter().chain(&words[end + 1..]).copied().collect(),
                None => words,
            };
            let end = long.as_ref().map_or(end, |long| long.len() - 1);
            let Some(start) = words[..end]
                .iter()
                .rposition(|w| one_of(w.text, &["a", "an", "the"]))
            else {
                return Some(None);
            };
            let (phrase, after) = (&words[start..=end], &words[end + 1..]);
            let bare = start + 1 == end && !is_link(after.first());
            if bare && one_of(words[start].text, &["the"]) {
                return None;
            }
            // Not back again from "the spokesman": that would ask this.
            match self.spokes_body(phrase, after, cx, false) {
                Some(Speaker::Organisation(body)) => Some(Some(body)),
                _ => Some(None),
            }
        })?
    }

    /// The body of a spokes-noun phrase, `after` being the words after
    /// it; with `back`, "the spokesman" may be the unnamed one before.
    fn spokes_body(
        &self,
        phrase: &[Token],
        after: &[Token],
        cx: &Context,
        back: bool,
    ) -> Option<Speaker> {
        let [det, modifiers @ .., noun] = phrase else {
            return None;
        };
        if !spokes_nouns::contains(noun.text.as_bytes()) {
            return None;
        }
        if let Some(body) = self.spokesperson_of(phrase) {
            return Some(Speaker::Organisation(body));
        }
        if let Some(owner) = self.owner_of_spokesperson(phrase, cx) {
            return Some(owner);
        }
        // "a spokesman for the Harbour Board"; for a person, nobody.
        if let Some(body) = body_after(self.text, after) {
            return self
                .index
                .lookup(&body)
                .is_none()
                .then_some(Speaker::Organisation(body));
        }
        // "a spokesman for the author": whoever that is, not the body in
        // focus; "for the company" is.
        if let [link, rest @ ..] = after
            && is_link(Some(link))
        {
            let noun = match rest {
                [the, noun, ..] if one_of(the.text, &["the"]) => Some(noun),
                [noun, ..] => Some(noun),
                [] => None,
            };
            if !noun.is_some_and(|w| refers_to_a_body(w.text)) {
                return None;
            }
        }
        if !one_of(det.text, &["a", "an", "the"]) || modifiers.len() > 1 {
            return None;
        }
        if let [modifier] = modifiers {
            // "an executive spokesman", "the council's spokeswoman": the
            // body named with that noun, else the one in focus; "the
            // rapper's spokesman" speaks for a person.
            let noun = modifier.stem();
            if !modifier.is_lowercase() {
                return None;
            }
            if let found @ Speaker::Organisation(_) =
                self.organisation_named(&[noun.to_owned()], cx.at)
            {
                return Some(found);
            }
            // Nor is a person's spokesman that person, or anyone the text
            // is about.
            if modifier.is_possessive() && !refers_to_a_body(noun) {
                return Some(Speaker::Unknown);
            }
        } else if back
            && one_of(det.text, &["the"])
            && let Some(body) = self.unnamed_body(cx)
        {
            // "The spokesman said": the one introduced before.
            return Some(Speaker::Organisation(body));
        }
        Some(self.organisation_in_focus(cx, Focus::Subject))
    }

    /// "A Home Office spokesman", "the BPI spokeswoman": someone unnamed
    /// who speaks for the body named before the noun, the body speaking.
    /// Not for a person ("a Clinton spokesman") or a nationality.
    fn spokesperson_of(&self, words: &[Token]) -> Option<String> {
        // "denied by UKIP spokesman, who said": the article may be left
        // out ("But UKIP spokesman said": an opener is no part of it),
        // unless the phrase is the end of a list ("A Department for Media,
        // Culture and Sport spokeswoman") or an owner ("Chelsea's
        // statement", which `owner_of_spokesperson` reads).
        let first = words.first()?;
        let words = if one_of(first.text, &["a", "an", "the", "one"]) {
            &words[1..]
        } else {
            let before = self.text[..first.span.start].trim_end();
            let listed = before.ends_with(',') || before.ends_with(" and");
            let owned = words.iter().any(Token::is_possessive);
            if listed || owned {
                return None;
            }
            &words[usize::from(lexicon::is_sentence_opener(first.text.as_bytes()))..]
        };
        let [body @ .., noun] = words else {
            return None;
        };
        // "A Department for Education and Skills spokeswoman": lower-case
        // links inside the name, never at its ends; but the body's own
        // noun may end it in lower case ("An All England club
        // spokesperson").
        let body_noun =
            |w: &Token| body.len() > 1 && lexicon::small_flags(w.text.as_bytes()) & flag::ORG != 0;
        let (last, inner) = body.split_last()?;
        let named = body.first().is_some_and(is_named_word)
            && (is_named_word(last) || body_noun(last))
            && inner.iter().all(in_body_name);
        if !(named && spokes_nouns::contains(noun.text.as_bytes())) {
            return None;
        }
        let name = join(body[0].span, body[body.len() - 1].span).text(self.text);
        // "a Labour spokesman" speaks for a party
        // (`assets/words/party-words.txt`).
        let nationality = body.len() == 1
            && lexicon::flags(name) & flag::DEMONYM != 0
            && !party_words::contains(name.as_bytes());
        (!nationality && self.index.lookup(name).is_none()).then(|| name.to_owned())
    }

    /// "Tellco's spokesman", "United's statement": the body named by the
    /// possessive before the noun, in full if the text named it so
    /// before ("Manchester United"); `None` for a person's spokesman
    /// and for a phrase without an owner named.
    fn owner_of_spokesperson(&self, phrase: &[Token], cx: &Context) -> Option<Speaker> {
        let [name @ .., owner, _] = phrase else {
            return None;
        };
        let named = owner.is_possessive()
            && owner.is_capitalised()
            && name
                .iter()
                .all(|w| w.is_capitalised() || is_name_link(w.text));
        if !named {
            return None;
        }
        // The words of one name, with a space between each: not "Jose
        // Mourinho. Chelsea's statement", nor "Then Tellco's".
        let mut start = owner.span.start;
        for w in name.iter().rev() {
            if self.text.get(w.span.end..start) != Some(" ") || is_plain_word(w.text) {
                break;
            }
            start = w.span.start;
        }
        let body = strip_possessive(&self.text[start..owner.span.end]);
        if self.index.lookup(body).is_some() {
            return None;
        }
        let head = owner.stem().to_lowercase();
        Some(match self.organisation_named(&[head], cx.at) {
            found @ Speaker::Organisation(_) => found,
            _ => Speaker::Organisation(body.to_owned()),
        })
    }

    /// The words of the text from `at`, as far as [`SPOKES_REACH`].
    fn words_from(&self, at: usize) -> Vec<Token<'_>> {
        let Some(rest) = self.text.get(at..) else {
            return Vec::new();
        };
        let mut end = rest.len().min(SPOKES_REACH);
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        tokenize(self.text, Span::new(at, at + end), &[])
    }
}

/// A word of a body's name: capitalised or a number ("10 Downing Street").
fn is_named_word(w: &Token) -> bool {
    w.is_capitalised() || w.text.starts_with(|c: char| c.is_ascii_digit())
}

/// A word that may stand inside a body's name: a named word or a link
/// ("Department for Education and Skills").
fn in_body_name(w: &Token) -> bool {
    is_named_word(w) || is_name_link(w.text) || w.text == "for"
}

/// "for", "of" or "at", which a spokes-noun's body follows.
fn is_link(word: Option<&Token>) -> bool {
    word.is_some_and(|w| one_of(w.text, &["for", "of", "at"]))
}

/// "spokesman for the Harbour Board": the capitalised name after "for",
/// "of" or "at" (and "the", or a word for what it is) that follows a
/// spokes-noun.
fn body_after(text: &str, words: &[Token]) -> Option<String> {
    let (link, rest) = words.split_first()?;
    if !is_link(Some(link)) {
        return None;
    }
    let rest = match rest.split_first() {
        Some((the, after)) if one_of(the.text, &["the"]) => after,
        _ => rest,
    };
    // "a spokesman for distributor Tellco": past the word for what the
    // body is.
    let rest = match rest {
        [kind, name, ..] if kind.is_lowercase() && name.is_capitalised() && !is_stop(kind.text) => {
            &rest[1..]
        }
        _ => rest,
    };
    let n = rest
        .iter()
        .take_while(|w| w.is_capitalised() || is_name_link(w.text))
        .count();
    let name = rest.get(..n)?;
    let last = name.iter().rposition(Token::is_capitalised)?;
    Some(join(name[0].span, name[last].span).text(text).to_owned())
}
