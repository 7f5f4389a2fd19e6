//! Definite descriptions as speakers: "the Norwegian politician", "the
//! minister", "the statement". A description goes to the
//! person the text described that way, else by its head noun to whoever
//! the text is about, to an organisation, or to the quote before.

use super::nouns::{Head, head_noun};
use super::{Classes, Context, Resolver, Speaker, person};
use crate::analysis::Span;
use crate::analysis::lexicon::compiled::spokes_nouns;
use crate::analysis::lexicon::{self, flag};
use crate::analysis::people::is_preposition;
use crate::analysis::people::{EntityKind, Gender};
use crate::analysis::quotes::attribute::cue_subject;
use crate::analysis::quotes::phrase::one_of;
use crate::analysis::quotes::salience::is_opener;
use crate::analysis::quotes::words::{Token, is_abbreviation, starts_sentence, tokenize};

impl Resolver<'_> {
    /// "the Norwegian politician": the person described with those words;
    /// "a spokesman": nobody.
    pub(super) fn description(&self, words: &[&str], cx: &Context) -> Speaker {
        let Some((first, rest)) = words.split_first() else {
            return Speaker::Unknown;
        };
        if !one_of(first, &["the", "this", "that"]) || rest.is_empty() {
            return Speaker::Unknown;
        }
        let lower: Vec<String> = rest.iter().map(|w| w.to_lowercase()).collect();
        if let Some(person) = self.described(&lower, cx) {
            return Speaker::Person(person);
        }
        let (Some(noun), Some(written)) = (lower.last(), rest.last()) else {
            return Speaker::Unknown;
        };
        let head = nationality(written, noun).unwrap_or_else(|| head_noun(noun));
        match head {
            Head::Person(fits) => {
                // A gendered noun ("the spokeswoman") rules out the other
                // gender, not the people whose gender is not known.
                let classes = fits.map_or(Classes::ALL, |g| Classes::of(None).with(Some(g)));
                self.most_salient(cx, classes)
                    .map_or(Speaker::Unknown, |(p, _)| person(p))
            }
            // "X said in a statement … “…,” the statement said": the words
            // of whoever spoke just before in the paragraph.
            Head::Statement if cx.previous_in_line && words.len() == 2 => {
                cx.previous.clone().unwrap_or(Speaker::Unknown)
            }
            Head::Statement => self.organisation_named(&lower, cx.at),
            Head::Other => match self.organisation_named(&lower, cx.at) {
                Speaker::Unknown if refers_to_a_body(noun) && plain_or_national(rest) => {
                    match self.organisation_in_focus(cx, Focus::Speaker) {
                        Speaker::Unknown if rest.len() == 1 => self.organisation_called(noun, cx),
                        found => found,
                    }
                }
                Speaker::Unknown if rest.len() == 1 => self.organisation_called(noun, cx),
                named => named,
            },
        }
    }

    /// "Kelda Group said profits rose. “…,” the company said": the body
    /// that spoke last, if it is near, and the last body named at the
    /// start of a sentence within the horizon, in the order `focus` says.
    pub(super) fn organisation_in_focus(&self, cx: &Context, focus: Focus) -> Speaker {
        if (focus == Focus::Speaker || cx.previous_in_line)
            && let Some(Speaker::Organisation(name)) = &cx.previous
        {
            return Speaker::Organisation(name.clone());
        }
        let mentions = &self.people.mentions;
        let end = mentions.partition_point(|m| m.span.start < cx.at);
        mentions[..end]
            .iter()
            .rev()
            .take_while(|m| m.span.start >= cx.horizon)
            .take_while(|m| focus != Focus::Near || self.near(m.span, cx.at))
            .filter(|m| m.kind == EntityKind::Organisation && may_be_a_body(m.span.text(self.text)))
            // "But the Home Office said": the whole name opens the
            // sentence, though the engine's mention is "Office".
            .find_map(|m| {
                let line = self.index.line_around(m.span);
                let name = super::organisation_span(self.text, m.span, line);
                opens_sentence(self.text, name.start)
                    .then(|| super::organisation_name(self.text, m.span, line))
            })
            .map_or_else(
                || match (&cx.previous, focus) {
                    (Some(Speaker::Organisation(name)), Focus::Subject) => {
                        Speaker::Organisation(name.clone())
                    }
                    // "The bank said" needs a bank, not any body.
                    (_, Focus::Speaker) => Speaker::Unknown,
                    _ => self.body_that_spoke(cx),
                },
                Speaker::Organisation,
            )
    }

    /// "Labour said it would press the Tories. “…,” a spokesman said": a
    /// body the people engine does not name as one, the subject of the
    /// last reporting cue in this paragraph or the one before (narration
    /// before the paragraph's first quotation mark), or the body whose
    /// name opens the last sentence of that narration ("The Tellco Union
    /// welcomed the plan"). Nobody if that subject is a person or no
    /// proper name.
    pub(super) fn body_that_spoke(&self, cx: &Context) -> Speaker {
        let here = self.index.line_around(Span::new(cx.at, cx.at));
        let before = here
            .start
            .checked_sub(2)
            .filter(|&end| end >= cx.horizon)
            .map(|end| self.index.line_around(Span::new(end, end)));
        let upto = |line: Span| {
            let end = line.end.min(cx.at);
            let marks = self.text[line.start..end].find(['"', '“', '”']);
            Span::new(line.start, marks.map_or(end, |k| line.start + k))
        };
        let mut latest = true;
        for line in [Some(here), before].into_iter().flatten() {
            let tokens = tokenize(self.text, upto(line), &[]);
            let starts = (0..tokens.len()).filter(|&i| starts_sentence(&tokens, i));
            let starts: Vec<usize> = starts.collect();
            for (k, &start) in starts.iter().enumerate().rev() {
                let end = starts.get(k + 1).copied().unwrap_or(tokens.len());
                // "The Tellco Union welcomed the plan. “…,” it said": the
                // body that opens the sentence just before speaks.
                let lead = latest.then(|| lead_name(&tokens[start..end])).flatten();
                latest = false;
                if let Some(body) = lead.map(|name| self.proper_body(name))
                    && body != Speaker::Unknown
                {
                    return body;
                }
                // "The paper said China advocated …" is no "said China".
                if let Some(found) = cue_subject(&tokens[start..end]) {
                    // "Scotland Yard said … A spokesman said …": the
                    // spokesman speaks for the body before.
                    let last = found.subject.text(self.text).rsplit(' ').next();
                    // "It said": the cue that quotes, or one before it
                    // that names no one new.
                    let it = last.is_some_and(|w| w.eq_ignore_ascii_case("it"));
                    if it || last.is_some_and(|w| spokes_nouns::contains(w.as_bytes())) {
                        continue;
                    }
                    let before_cue = found.subject.end <= found.cue.start;
                    return if before_cue {
                        self.proper_body(found.subject)
                    } else {
                        Speaker::Unknown
                    };
                }
            }
        }
        Speaker::Unknown
    }

    /// A subject written as a proper name ("Labour", "The Conservatives",
    /// "Downing Street") that names no person: a body.
    fn proper_body(&self, subject: Span) -> Speaker {
        let subject = proper_tail(self.text, subject);
        let name = super::strip_article(subject.text(self.text));
        // Capitalised but for words inside the name ("Bank of Tellco").
        let proper = !name.is_empty() && proper_tail(name, Span::new(0, name.len())).start == 0;
        let person = self
            .mentions_from(subject)
            .any(|m| m.kind == EntityKind::Person);
        match self.unlisted_name(subject) {
            body @ Speaker::Organisation(_) if proper && !person => body,
            _ => Speaker::Unknown,
        }
    }

    /// A body named at `name` may be what "it" at `at` stands for: it is
    /// in the paragraph or the one before, and no body or document
    /// described since ("said the magazine", "The Trump campaign
    /// responded", "The email, released on Monday") comes between with a
    /// noun that is not in its name.
    fn near(&self, name: Span, at: usize) -> bool {
        let between = &self.text[name.start..at];
        if between.matches("\n\n").count() > NEAR_PARAGRAPHS {
            return false;
        }
        let name = name.text(self.text);
        // Words since the last "the", while few enough to be its phrase.
        let mut since_the = None;
        for word in between.split_whitespace() {
            let noun = word.trim_end_matches(|c: char| !c.is_alphanumeric());
            if since_the.is_some() && is_sayer_noun(noun) && !name.contains(noun) {
                return false;
            }
            since_the = if word.eq_ignore_ascii_case("the") {
                Some(0)
            } else {
                since_the.map(|n| n + 1).filter(|&n| n < DESCRIPTION_WORDS)
            };
        }
        true
    }

    fn described(&self, lower: &[String], cx: &Context) -> Option<usize> {
        self.index.described(lower, cx.at)
    }

    /// "the magazine": the last body within the horizon named right after
    /// that noun ("US magazine Mobile PC").
    fn organisation_called(&self, noun: &str, cx: &Context) -> Speaker {
        // "the firms said" may be two of them.
        if noun.ends_with('s') && !noun.ends_with("ss") {
            return Speaker::Unknown;
        }
        self.index
            .organisation_called(noun, cx.horizon, cx.at)
            .map_or(Speaker::Unknown, |i| self.organisation_at(i))
    }

    /// The whole name of the organisation of mention `i`.
    fn organisation_at(&self, i: usize) -> Speaker {
        let m = &self.people.mentions[i];
        let line = self.index.line_around(m.span);
        Speaker::Organisation(super::organisation_name(self.text, m.span, line))
    }

    /// "the commission": the nearest organisation named before whose name
    /// has that word ("the Commission on Presidential Debates").
    pub(super) fn organisation_named(&self, words: &[String], at: usize) -> Speaker {
        let Some(head) = words.last() else {
            return Speaker::Unknown;
        };
        self.index
            .organisation_with(head, at)
            .map_or(Speaker::Unknown, |i| self.organisation_at(i))
    }
}

/// Which body [`Resolver::organisation_in_focus`] prefers: the one that
/// spoke last ("the company said" goes on with it), or, unless that one
/// spoke in the same paragraph, the last to open a sentence ("The firm
/// denied it. A spokesman said"); for "it", that one only when it opened
/// a sentence in this paragraph or the one before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Focus {
    Speaker,
    Subject,
    Near,
}

/// How many paragraph breaks may stand between "it" and the body it
/// stands for.
const NEAR_PARAGRAPHS: usize = 1;

/// The longest dotted abbreviation ("p.m", "U.S"), without its last dot.
const DOTTED_LEN: usize = 5;

/// How many words after "the" may be the noun of a body described ("the
/// Trump campaign", "the state-run radio station").
const DESCRIPTION_WORDS: usize = 3;

/// A capitalised nationality in the singular: "American", "Dutchman".
pub(super) fn is_nationality(written: &str) -> bool {
    let capitalised = written.chars().next().is_some_and(char::is_uppercase);
    let plural = written.ends_with('s') && !written.ends_with("ss");
    capitalised && !plural && lexicon::flags(written) & flag::DEMONYM != 0
}

/// "the American", "the 27-year-old Dutchman": a nationality written as a
/// singular noun stands for a person (sports and foreign news name players
/// and visitors so); "the Americans" is a group, "the American embassy"
/// has another head.
fn nationality(written: &str, lower: &str) -> Option<Head> {
    if !is_nationality(written) {
        return None;
    }
    // "Dutchman" is a man; "German" is not "Ger" and "man".
    let of_people = |stem: &str| lexicon::flags(stem) & flag::DEMONYM != 0;
    let gender = if lower.strip_suffix("woman").is_some_and(of_people) {
        Some(Gender::Female)
    } else if lower.strip_suffix("man").is_some_and(of_people) {
        Some(Gender::Male)
    } else {
        None
    };
    Some(Head::Person(gender))
}

/// Nothing but "The", and a "But" or "And" before it, stands between `at`
/// and the end of the sentence before it (or the start of the paragraph):
/// "But the Home Office defended the rules".
fn opens_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    // "A National Audit Office report says": the body opens it too.
    let before = ["The", "the", "A", "An"]
        .iter()
        .find_map(|w| before.strip_suffix(w))
        .map_or(before, str::trim_end);
    let before = ["But", "And"]
        .iter()
        .find_map(|w| before.strip_suffix(w))
        .map_or(before, str::trim_end);
    let new_paragraph = text[before.len()..at].contains('\n');
    // After a closing mark, not after an opening one: a name inside a
    // quote is no subject of the story.
    let closing = |mark: &str| {
        before
            .strip_suffix(mark)
            .is_some_and(|b| b.ends_with(['.', '!', '?', ',']))
    };
    // "sent at 7:19 p.m. EST", "Mr. Lind": the dot of an abbreviation
    // ends no sentence.
    let abbreviation = before.strip_suffix('.').is_some_and(|b| {
        let word = &b[b.rfind(char::is_whitespace).map_or(0, |k| k + 1)..];
        let dotted = word.contains('.')
            && word.len() <= DOTTED_LEN
            && word.bytes().all(|b| b == b'.' || b.is_ascii_alphabetic());
        dotted || is_abbreviation(word)
    });
    before.is_empty()
        || new_paragraph
        || before.ends_with(['!', '?'])
        || before.ends_with('.') && !abbreviation
        || closing("\"")
        || closing("”")
}

/// "company", "firm", "band": a noun for a body that a description with it
/// stands for (`orgwords.tsv`, tag `referent`).
pub(super) fn refers_to_a_body(noun: &str) -> bool {
    lexicon::lower_case_flags(noun.as_bytes()) & flag::ORG_REFERENT != 0
}

/// "firm", "German giant", "US carmaker": a body's noun alone or after
/// a country's name or adjective, which the body in focus fits.
fn plain_or_national(words: &[&str]) -> bool {
    match words {
        [_] => true,
        [country, _] => {
            country.starts_with(|c: char| c.is_uppercase())
                && lexicon::flags(country) & (flag::DEMONYM | flag::PLACE) != 0
        }
        _ => false,
    }
}

/// "magazine", "campaign", "email": a noun of a body (any tag in
/// `orgwords.tsv`) or of a thing that says (`statement-nouns.txt`).
fn is_sayer_noun(noun: &str) -> bool {
    noun.starts_with(|c: char| c.is_ascii_lowercase())
        && lexicon::lower_case_flags(noun.as_bytes())
            & (flag::ORG | flag::SPEAKING_ORG | flag::ORG_REFERENT | flag::STATEMENT)
            != 0
}

/// A name that can be a company or group: not a country code ("US"), an
/// adjective ("Paris-based") or a plural ("MPs", "Tories"), unless it is
/// a firm's name that ends in "s" (`companies.txt`: "Novartis", "Goldman
/// Sachs"), not a plural of the organisation words ("Times").
fn may_be_a_body(name: &str) -> bool {
    let firm = || {
        let last = name.rsplit(' ').next().unwrap_or(name).to_ascii_lowercase();
        lexicon::phrase_flags(name.split_whitespace()) & flag::ORG != 0
            && lexicon::small_flags(last.as_bytes()) & flag::ORG == 0
    };
    // "Norvale Systems", "Tellco Holdings": a plural organisation word
    // ends a firm's longer name.
    let named_firm = || {
        let (head, last) = name.rsplit_once(' ').unwrap_or(("", name));
        head.starts_with(|c: char| c.is_uppercase())
            && lexicon::small_flags(last.to_ascii_lowercase().as_bytes()) & flag::ORG != 0
    };
    name.len() > 2 && !name.ends_with("-based") && (!name.ends_with('s') || firm() || named_firm())
}

/// The capitalised name that opens a sentence and is followed by a verb
/// ("The Tellco Union welcomed"): no opener ("In Leeds the"), and a
/// lower-case word after it that is no preposition or function word
/// ("Shares in Tellco").
fn lead_name(tokens: &[Token]) -> Option<Span> {
    let first = tokens.first()?;
    let the = first.text == "The";
    let name_end = tokens
        .iter()
        .skip(usize::from(the))
        .position(|t| !(t.is_capitalised() || t.text == "of" || t.text == "and"))
        .map(|i| i + usize::from(the))?;
    // "The Tellco Union strongly believes": past an adverb.
    let adverb = |t: &Token| {
        t.text.ends_with("ly") || lexicon::small_flags(t.text.as_bytes()) & flag::ADVERB != 0
    };
    let verb = tokens[name_end..].iter().find(|t| !adverb(t))?;
    let named = name_end > usize::from(the) && tokens[name_end - 1].is_capitalised();
    // "Climate change was", "Former minister Ann Roe": one common word
    // opening a sentence is no name.
    let lone = name_end == 1 && lexicon::flags(first.text) & flag::COMMON != 0;
    // A finite verb: "welcomed", "warns", "has", "will" ("change" may be a
    // noun).
    let word = verb.text;
    let finite = word.ends_with("ed")
        || word.ends_with('s') && !word.ends_with("ss")
        || matches!(word, "had" | "will" | "would" | "could" | "can" | "must");
    let plain = verb.is_lowercase()
        && finite
        && lexicon::small_flags(word.as_bytes()) & (flag::STOP | flag::ADVERB) == 0
        && !is_preposition(word.as_bytes());
    let opener =
        !the && (is_opener(first.text) || lexicon::is_sentence_opener(first.text.as_bytes()));
    (named && plain && !lone && !opener)
        .then(|| Span::new(first.span.start, tokens[name_end - 1].span.end))
}

/// The proper name that ends a subject after a described noun: "the
/// retailer Tesco" and "In a statement Google" name Tesco and Google.
fn proper_tail(text: &str, subject: Span) -> Span {
    let phrase = subject.text(text);
    let words: Vec<(usize, &str)> = phrase
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    let capital = |i: usize| {
        words
            .get(i)
            .is_some_and(|(_, w)| w.starts_with(|c: char| c.is_uppercase()))
    };
    // A link between two capitalised words is the name's own ("Bank of
    // England", "Institute for Fiscal Studies").
    let lower = (0..words.len()).rev().find(|&i| {
        let link = super::is_name_link(words[i].1) || words[i].1 == "for";
        let inner = link && i > 0 && capital(i - 1) && capital(i + 1);
        words[i].1.starts_with(|c: char| c.is_lowercase()) && !inner
    });
    match lower {
        Some(i) => {
            let after = words.get(i + 1).map_or(phrase.len(), |&(at, _)| at);
            Span::new(subject.start + after, subject.end)
        }
        None => subject,
    }
}
