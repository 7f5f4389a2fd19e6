//! Speakers: from the phrase an attribution names ("Smith", "he", "the
//! Norwegian politician", "the ministry") to a person of the people engine,
//! an organisation, or nobody.
//!
//! A pronoun goes to the nearest person of its gender before it, with the
//! speaker of the quote before preferred over a mere mention; a
//! description goes to the person the text described that way; an
//! indefinite phrase ("a spokesman", "one commuter") is nobody.

pub(super) mod describe;
mod nouns;
mod spokes;

use super::credit::is_credit;
use super::index::TextIndex;
use super::lines::Window;
use super::phrase::{
    is_adverb, is_determiner, is_pronoun, is_pronoun_token, is_stop, is_time_word, one_of,
};
use super::salience::{self, UNNAMED};
use super::words::{Kind, Token, is_abbreviation, tokenize};
use crate::analysis::Span;
use crate::analysis::lexicon::compiled::{
    name_links, nameless_words, party_words, possessives, post_nominals,
};
use crate::analysis::lexicon::{self, flag};
use crate::analysis::people::{
    EntityKind, Gender, Mention, People, is_preposition, may_be_name_word,
};
use describe::Focus;
use nouns::is_organisation_noun;
use std::cell::OnceCell;

/// Who said a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Speaker {
    Person(usize),
    /// An organisation or place that speaks ("the Kremlin said"), by name.
    Organisation(String),
    Unknown,
}

/// What resolution may look at besides the phrase.
pub struct Context<'c, 'a> {
    /// Where the attribution stands.
    pub at: usize,
    /// How far back a pronoun may look (a few paragraphs).
    pub horizon: usize,
    /// The quote whose speaker is sought, marks included.
    pub quote: Span,
    /// The speaker of the quote before, if it is near.
    pub previous: Option<Speaker>,
    /// Whether that quote is in the same paragraph.
    pub previous_in_line: bool,
    /// The lines within the horizon, for their sentences' subjects.
    pub subjects: Window<'c, 'a>,
    /// Each quote's speaker so far.
    pub spoken: &'c Spoken,
}

pub struct Resolver<'a> {
    text: &'a str,
    people: &'a People,
    index: &'a TextIndex<'a>,
    /// The person mentions by class and by person, made when first asked.
    named: OnceCell<NamedPeople>,
}

impl<'a> Resolver<'a> {
    pub fn new(text: &'a str, people: &'a People, index: &'a TextIndex<'a>) -> Self {
        Self {
            text,
            people,
            index,
            named: OnceCell::new(),
        }
    }

    pub fn resolve(&self, phrase: Span, cx: &Context) -> Speaker {
        let words = tokenize(self.text, phrase, &[]);
        let Some(first) = words.first() else {
            return Speaker::Unknown;
        };
        if words.len() == 1 && is_pronoun_token(first) {
            return self.pronoun(&first.text.to_lowercase(), cx);
        }
        // "his claim", "her pledge": the possessive stands for he or she
        // (`assets/words/possessives.tsv`).
        if words.len() == 1
            && let Some(pronoun) = possessives::get(first.text)
        {
            return self.pronoun(pronoun, cx);
        }
        if let Some(speaker) = self.spokesperson(&words, phrase, cx) {
            return speaker;
        }
        // "the American", "the 27-year-old Dutchman", "the Bishop": a person
        // described, never a name or a body ("the New Yorker" is a magazine).
        if let [the, between @ .., last] = words.as_slice()
            && one_of(the.text, &["the"])
            && between.iter().all(|w| !w.is_capitalised())
            && (describe::is_nationality(last.text)
                || between.is_empty() && lexicon::flags(last.text) & flag::TITLE != 0)
        {
            return self.description(&words.iter().map(|w| w.text).collect::<Vec<_>>(), cx);
        }
        // "Home Secretary Ray Corwin … The Home Secretary told", "the
        // Salford MP": a title written with capitals describes a person.
        // After a nationality it may be a body's name ("the Scottish
        // Executive"), so there it needs someone described by every word.
        if let [the, between @ .., last] = words.as_slice()
            && one_of(the.text, &["the"])
            && is_capitalised_title(between, last)
        {
            if !between.iter().any(|w| describe::is_nationality(w.text)) {
                return self.description(&words.iter().map(|w| w.text).collect::<Vec<_>>(), cx);
            }
            let lower: Vec<String> = words[1..].iter().map(|w| w.text.to_lowercase()).collect();
            if let Some(p) = self.index.described(&lower, cx.at)
                && lower
                    .iter()
                    .all(|w| self.people.persons[p].descriptors.contains(w))
            {
                return person(p);
            }
        }
        if let Some(organisation) = organisation_of_place(&words) {
            return Speaker::Organisation(organisation);
        }
        if let Some(organisation) = organisation_phrase(&words) {
            return Speaker::Organisation(organisation);
        }
        // "Her lawsuit said", "their statement said": the pronoun the
        // possessive stands for wrote it.
        if let [owner, noun] = words.as_slice()
            && let Some(pronoun) = possessives::get(owner.text)
            && is_statement_noun(noun)
        {
            return self.pronoun(pronoun, cx);
        }
        if let Some(author) = author_of_statement(&words) {
            return self.unlisted_name(author);
        }
        if let Some(speaker) = self.named(phrase) {
            // "A spokesman for Mr Blair said": someone unnamed, who speaks
            // for a man or a woman, is not them ("a spokesman for Dell",
            // of no gender, may be a firm's).
            let gendered = matches!(speaker, Speaker::Person(p) if self.gender_of(p).is_some());
            return if gendered && self.spokes_lead(phrase.start) {
                Speaker::Unknown
            } else {
                speaker
            };
        }
        let determiner = possessives::get(first.text).is_some()
            || one_of(first.text, &["our", "my", "your", "a", "an"]);
        let capitalised = !determiner
            && words
                .iter()
                .filter(|w| w.kind == Kind::Word)
                .all(|w| w.is_capitalised() || is_name_link(w.text));
        if capitalised {
            return self.unlisted_name(phrase);
        }
        // "Blaze co-host Stu Burguiere": a title chain ending in a name the
        // people engine does not know; the name follows the last lower-case
        // word.
        let tail = words
            .iter()
            .rposition(Token::is_lowercase)
            .map_or(0, |i| i + 1);
        if !determiner && words.len() - tail >= 2 && words[tail..].iter().all(Token::is_capitalised)
        {
            return self.unlisted_name(Span::new(words[tail].span.start, phrase.end));
        }
        self.description(&words.iter().map(|w| w.text).collect::<Vec<_>>(), cx)
    }

    /// The entity the phrase ends with: "White House press secretary Josh
    /// Earnest" is Earnest, "Clinton’s campaign chairman" is not Clinton.
    fn named(&self, phrase: Span) -> Option<Speaker> {
        // "Rep. Tom Cole of Oklahoma", "Anna Zbyk of Berenberg": what
        // follows "of" after a name is where the person is from, not who
        // it is, whether the people engine lists the name or not.
        // "David Graham from the FDA's Office of Drug Safety": the same.
        let text = &self.text[phrase.range()];
        let first_link = first_link(text);
        let phrase = match first_link {
            Some(of)
                if unlisted_name_before(&self.text[phrase.start..phrase.start + of])
                    || self.mentions_from(phrase).any(|m| {
                        m.kind == EntityKind::Person
                            && phrase.contains(m.span)
                            && m.span.end <= phrase.start + of
                    }) =>
            {
                Span::new(phrase.start, phrase.start + of)
            }
            _ => phrase,
        };
        let mentions = self.mentions_from(phrase).filter(|m| {
            phrase.contains(m.span) || (m.span.overlaps(phrase) && m.span.start >= phrase.start)
        });
        let head = mentions
            .rev()
            .find(|m| is_tail(&self.text[m.span.end.min(phrase.end)..phrase.end]))?;
        Some(match (head.kind, head.person) {
            (EntityKind::Person, Some(person)) => Speaker::Person(person),
            (EntityKind::Person, None) => return None,
            _ => Speaker::Organisation(organisation_name(self.text, head.span, phrase)),
        })
    }

    /// The mentions that start inside `phrase` (mentions are sorted by
    /// start): all that the tests on a phrase can accept.
    fn mentions_from(&self, phrase: Span) -> impl DoubleEndedIterator<Item = &'a Mention> {
        let mentions = &self.people.mentions;
        let from = mentions.partition_point(|m| m.span.start < phrase.start);
        let to = mentions.partition_point(|m| m.span.start < phrase.end);
        mentions[from..to.max(from)].iter()
    }

    /// A capitalised phrase the people engine did not list: a person it
    /// knows under another form, or a name as written.
    fn unlisted_name(&self, phrase: Span) -> Speaker {
        let text = phrase.text(self.text);
        if let Some(person) = self.index.lookup(text) {
            return Speaker::Person(person);
        }
        let name = strip_article(text);
        if name.is_empty()
            || is_function_word(name)
            || is_plural_role(name)
            || is_unnamed_group(name)
        {
            Speaker::Unknown
        } else {
            Speaker::Organisation(name.to_owned())
        }
    }

    /// "he"/"she": of the people of that gender named in the last few
    /// paragraphs, and not in the quote itself, the one most recently the
    /// subject of a sentence or the speaker of a quote, else the one most
    /// recently named;
    /// "they"/"it"/"we": the last speaker if it is an organisation.
    fn pronoun(&self, pronoun: &str, cx: &Context) -> Speaker {
        let gender = match pronoun {
            "he" => Gender::Male,
            "she" => Gender::Female,
            "they" | "it" | "we" => {
                return match &cx.previous {
                    // "Tellco said … In a statement Halvern said … It
                    // said": a body named speaking since the last quote's
                    // paragraph is the one "it" stands for.
                    Some(Speaker::Organisation(_)) if pronoun == "it" && !cx.previous_in_line => {
                        match self.body_that_spoke(cx) {
                            Speaker::Unknown => cx.previous.clone().unwrap_or(Speaker::Unknown),
                            body => body,
                        }
                    }
                    Some(Speaker::Organisation(name)) => Speaker::Organisation(name.clone()),
                    // "…," said Seagate. "…," it said: "it" goes on for a
                    // speaker taken for a person whom nothing calls one.
                    Some(Speaker::Person(p)) if pronoun == "it" && self.faceless(*p) => {
                        Speaker::Person(*p)
                    }
                    // After someone's quote in the same paragraph, "it"
                    // is a body the rules did not name.
                    Some(_) if cx.previous_in_line => Speaker::Unknown,
                    // "The Treasury denied it. It said …": the body the
                    // story is about; "they" and "we" are as often people.
                    _ if pronoun == "it" => self.organisation_in_focus(cx, Focus::Near),
                    _ => Speaker::Unknown,
                };
            }
            _ => return Speaker::Unknown,
        };
        let known = Some(gender);
        // Salience decides among everyone the gender does not rule out; a
        // person known to be of that gender wins only when no one stands out.
        match self
            .most_salient(cx, Classes::of(None).with(known))
            .filter(|&(p, salient)| salient || self.gender_of(p) == known)
            .or_else(|| self.most_salient(cx, Classes::of(known)))
            .or_else(|| self.most_salient(cx, Classes::of(None)))
        {
            Some((p, _)) if p != UNNAMED => person(p),
            // "A Home Office spokesman said … He added": the unnamed
            // spokesman goes on speaking for the body; so too where
            // nobody of the gender is named near.
            _ => self
                .unnamed_body(cx)
                .map_or(Speaker::Unknown, Speaker::Organisation),
        }
    }

    /// The words before `at` end with "a spokesman for" (or "of", "at").
    fn spokes_lead(&self, at: usize) -> bool {
        let mut from = at.saturating_sub(SPOKES_LEAD);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        salience::speaks_for(&self.text[from..at])
    }

    /// A person of one word whom no title, gender or description makes a
    /// person: the people engine's guess at a body's name ("Seagate").
    fn faceless(&self, person: usize) -> bool {
        self.people.persons.get(person).is_some_and(|p| {
            p.gender.is_none()
                && p.role.is_none()
                && p.descriptors.is_empty()
                && !p.name.contains(' ')
        })
    }

    fn gender_of(&self, person: usize) -> Option<Gender> {
        self.people.persons.get(person).and_then(|p| p.gender)
    }

    /// Of the people named within the horizon whose gender class is one of
    /// `classes`, the most salient (with `true`): the one most recently
    /// the subject of a sentence or the speaker of a quote within the
    /// horizon and before the attribution; else the one named last (with
    /// `false`). With nobody named near, whoever of those classes spoke
    /// last within the horizon, though their name was written further back.
    ///
    /// Every look is a bisection or a walk back from the attribution that
    /// stops at the first event that can win: a paragraph may be a whole
    /// text, and there are as many questions as quotes.
    pub(super) fn most_salient(&self, cx: &Context, classes: Classes) -> Option<(usize, bool)> {
        let named = self.named_people();
        // "“I had a word with Olof,” he told": whom the quote names is
        // spoken of, not speaking.
        let speaks = |p: usize| p == UNNAMED || !named.named_in(p, cx.quote.start, cx.quote.end);
        let mentions = &self.people.mentions;
        let Some(last_named) = named.last_named(mentions, cx.horizon, cx.at, classes, &speaks)
        else {
            return cx
                .spoken
                .last_in(cx.horizon, cx.at, classes)
                .map(|p| (p, true));
        };
        // The latest event, as (position, person) with the larger person
        // on a tie, of a person named within the horizon: each stream is
        // in text order, read from its end.
        let mut best: Option<(usize, usize)> = None;
        let consider = |best: &mut Option<(usize, usize)>,
                        events: &mut dyn Iterator<Item = &(usize, usize)>| {
            for &(at, p) in events {
                if at < cx.horizon || best.is_some_and(|(b, _)| at < b) {
                    return;
                }
                if (p == UNNAMED || named.named_in(p, cx.horizon, cx.at)) && speaks(p) {
                    *best = (*best).max(Some((at, p)));
                    return;
                }
            }
        };
        for class in classes.iter() {
            consider(&mut best, &mut cx.spoken.back(class, cx.at));
        }
        // Line by line, the last first; a line is read (its subjects found)
        // only if its subjects could still come after what was found.
        for (line, end) in cx.subjects.lines_back() {
            if best.is_some_and(|(b, _)| b >= end) {
                break;
            }
            for class in classes.iter() {
                consider(
                    &mut best,
                    &mut cx.subjects.subjects_back(line, class, cx.at),
                );
            }
        }
        Some(best.map_or((last_named, false), |(_, p)| (p, true)))
    }

    /// The index of person mentions, made on the first question.
    fn named_people(&self) -> &NamedPeople {
        self.named
            .get_or_init(|| NamedPeople::new(self.text, self.people))
    }
}

/// The speaker for a person of [`most_salient`](Resolver::most_salient):
/// nobody for someone the text left unnamed.
pub(super) fn person(p: usize) -> Speaker {
    if p == UNNAMED {
        Speaker::Unknown
    } else {
        Speaker::Person(p)
    }
}

/// How many bytes before a speaker phrase hold "a spokeswoman for ".
const SPOKES_LEAD: usize = 24;

/// How many gender classes there are: not known, male, female.
pub(super) const CLASSES: usize = 3;

/// The gender class of a person: 0 when the text does not tell the gender,
/// 1 male, 2 female. A pronoun rules out classes, never single people.
pub(super) fn gender_class(people: &People, person: usize) -> usize {
    class_of(people.persons.get(person).and_then(|p| p.gender))
}

fn class_of(gender: Option<Gender>) -> usize {
    match gender {
        None => 0,
        Some(Gender::Male) => 1,
        Some(Gender::Female) => 2,
    }
}

/// A set of gender classes (see [`gender_class`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Classes(u8);

impl Classes {
    pub const ALL: Classes = Classes(0b111);

    /// The class of people with gender `gender` (`None`: not known).
    pub fn of(gender: Option<Gender>) -> Classes {
        Classes(1 << class_of(gender))
    }

    pub fn with(self, gender: Option<Gender>) -> Classes {
        Classes(self.0 | Classes::of(gender).0)
    }

    fn iter(self) -> impl Iterator<Item = usize> {
        (0..CLASSES).filter(move |c| self.0 & (1 << c) != 0)
    }
}

/// `(position, person)` of each quote's speaker so far, by the gender
/// class of the person, each in text order.
#[derive(Default)]
pub struct Spoken {
    by_class: [Vec<(usize, usize)>; CLASSES],
}

impl Spoken {
    /// A quote at `at` (after all before) spoken by `person`.
    pub fn push(&mut self, people: &People, at: usize, person: usize) {
        self.by_class[gender_class(people, person)].push((at, person));
    }

    /// The speakers of class `class` before `at`, the last first.
    fn back(&self, class: usize, at: usize) -> impl Iterator<Item = &(usize, usize)> {
        let spoken = &self.by_class[class];
        spoken[..spoken.partition_point(|&(s, _)| s < at)]
            .iter()
            .rev()
    }

    /// The last speaker of one of `classes` in `from..to`.
    fn last_in(&self, from: usize, to: usize, classes: Classes) -> Option<usize> {
        classes
            .iter()
            .filter_map(|class| self.back(class, to).next())
            .filter(|&&(at, _)| at >= from)
            .max()
            .map(|&(_, p)| p)
    }
}

/// The person mentions of a text, by the gender class of their person and
/// by person, for questions about a stretch of text.
struct NamedPeople {
    /// Indices into the mentions of each class's person mentions, in order.
    by_class: [Vec<usize>; CLASSES],
    /// Where each person's mentions start in `starts` (one more entry).
    offsets: Vec<usize>,
    /// The start of each person mention, by person, each in text order.
    starts: Vec<usize>,
}

impl NamedPeople {
    /// Credits ("Photo: Karl Odum/Reuters") are left out: no one is named
    /// there for a pronoun to go to.
    fn new(text: &str, people: &People) -> Self {
        let mut by_class: [Vec<usize>; CLASSES] = Default::default();
        let persons = people
            .mentions
            .iter()
            .filter_map(|m| m.person)
            .max()
            .map_or(0, |p| p + 1);
        let named: Vec<(usize, usize)> = (people.mentions.iter().enumerate())
            .filter_map(|(i, m)| Some((i, m.person?)).filter(|_| !is_credit(text, m.span)))
            .collect();
        let mut offsets = vec![0; persons + 1];
        for &(i, p) in &named {
            by_class[gender_class(people, p)].push(i);
            offsets[p + 1] += 1;
        }
        for p in 0..persons {
            offsets[p + 1] += offsets[p];
        }
        let mut next = offsets.clone();
        let mut starts = vec![0; offsets[persons]];
        for &(i, p) in &named {
            starts[next[p]] = people.mentions[i].span.start;
            next[p] += 1;
        }
        NamedPeople {
            by_class,
            offsets,
            starts,
        }
    }

    /// The person of the last person mention of one of `classes` that
    /// starts in `from..to`, of a person `keep` keeps.
    fn last_named(
        &self,
        mentions: &[Mention],
        from: usize,
        to: usize,
        classes: Classes,
        keep: &dyn Fn(usize) -> bool,
    ) -> Option<usize> {
        classes
            .iter()
            .filter_map(|class| {
                let list = &self.by_class[class];
                let k = list.partition_point(|&i| mentions[i].span.start < to);
                list[..k]
                    .iter()
                    .rev()
                    .take_while(|&&i| mentions[i].span.start >= from)
                    .find(|&&i| mentions[i].person.is_some_and(keep))
                    .copied()
            })
            .max()
            .and_then(|i| mentions[i].person)
    }

    /// `person` is named in `from..to`.
    fn named_in(&self, person: usize, from: usize, to: usize) -> bool {
        let Some(&[first, end]) = self.offsets.get(person..person + 2) else {
            return false;
        };
        let starts = &self.starts[first..end];
        let k = starts.partition_point(|&s| s < to);
        k.checked_sub(1).is_some_and(|k| starts[k] >= from)
    }
}

/// What may follow the head name inside the phrase: nothing, a
/// possessive ending, letters after a name ("MP",
/// `assets/words/post-nominals.txt`), or "of Ohio".
fn is_tail(rest: &str) -> bool {
    let rest = rest.trim();
    rest.is_empty()
        || matches!(rest, "'s" | "’s" | "'" | "’")
        || post_nominals::contains(rest.as_bytes())
        || rest.starts_with("of ")
        || rest.starts_with(',')
        || rest.starts_with('(')
}

/// An organisation's whole name around the part the people engine found,
/// within `within`: the capitalised words before it ("Central Arizona
/// Growers' Coalition", "Maritime and Transport Workers' Union") and an
/// "of" phrase after it ("Geneva Chamber of Commerce"), article aside.
fn organisation_name(text: &str, head: Span, within: Span) -> String {
    let name = organisation_span(text, head, within);
    // An article the engine counted in the name stays ("The Hill"); one
    // met on the way left goes ("the State Department").
    if name.start < head.start {
        strip_article(name.text(text)).to_owned()
    } else {
        name.text(text).to_owned()
    }
}

/// Where [`organisation_name`] finds the whole name, with any article met
/// on the way left.
pub(super) fn organisation_span(text: &str, head: Span, within: Span) -> Span {
    let mut start = head.start;
    // The words before the head, right to left, each with where it starts:
    // read only as far as the name goes, as `within` may be a whole text.
    let rest = text[within.start.min(head.start)..head.start].strip_suffix(' ');
    let mut end = within.start.min(head.start) + rest.map_or(0, str::len);
    let mut words = rest
        .into_iter()
        .flat_map(|rest| rest.rsplit(' '))
        .map(|w| {
            let at = end - w.len();
            end = at.saturating_sub(1);
            (at, w)
        })
        .peekable();
    while let Some((at, w)) = words.next() {
        // "Maritime and Transport Workers' Union", but not "NBC News and
        // The Wall Street Journal", two names.
        let joins = w == "and"
            && words
                .peek()
                .is_some_and(|&(_, before)| is_name_word(before))
            && !is_plain_word(text[start..].split(' ').next().unwrap_or(""));
        if !joins && (!is_name_word(w) || is_plain_word(w) || ends_sentence_word(w)) {
            break;
        }
        start = at;
    }
    let mut end = head.end;
    if let Some(of) = text
        .get(head.end..within.end)
        .and_then(|after| after.strip_prefix(" of "))
    {
        let mut at = head.end + " of ".len();
        for piece in of.split(' ') {
            let w = piece.trim_end_matches([',', '.', ';', ':']);
            if !is_name_word(w) {
                break;
            }
            end = at + w.len();
            if w.len() < piece.len() {
                break;
            }
            at += piece.len() + 1;
        }
    }
    Span::new(start, end)
}

/// "by coach Jose Mourinho. Chelsea's statement": a word with a full
/// stop that is no abbreviation ("Dr.", "Inc.", "U.S.") ends a sentence, and
/// the name on its right starts after it.
/// "The Home Secretary", "the Foreign Minister": a title written with
/// capitals after capitalised words.
fn is_capitalised_title(between: &[Token], last: &Token) -> bool {
    !between.is_empty()
        && between.len() <= 2
        && between
            .iter()
            .all(|w| w.kind == Kind::Word && w.is_capitalised())
        && last.is_capitalised()
        && lexicon::flags(last.text) & flag::TITLE != 0
}

fn ends_sentence_word(word: &str) -> bool {
    word.strip_suffix('.').is_some_and(|w| {
        w.len() > 1
            && !w.contains('.')
            && !is_abbreviation(w)
            && lexicon::flags(w) & flag::ORG == 0
            && w.chars().any(char::is_lowercase)
    })
}

/// A word that starts a sentence or joins a name rather than being part
/// of one: "The", "But", "Its", "Alongside".
fn is_plain_word(word: &str) -> bool {
    let word = word.to_lowercase();
    is_stop(&word)
        || is_determiner(&word)
        || is_pronoun(&word)
        || is_adverb(&word)
        || is_preposition(word.as_bytes())
}

/// A capitalised word of a name, a plural possessive among them
/// ("Growers'", "Fishers’"); not a singular possessive ("Clinton's").
fn is_name_word(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
        && !word.ends_with("'s")
        && !word.ends_with("’s")
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.' | '&'))
}

/// A statement's noun in lower case (`assets/words/statement-nouns.txt`).
fn is_statement_noun(word: &Token) -> bool {
    word.is_lowercase() && lexicon::small_flags(word.text.as_bytes()) & flag::STATEMENT != 0
}

/// "the Halifax survey", "a Hutton report", "Lord Butler's report": the
/// name before a statement's noun (`assets/words/statement-nouns.txt`)
/// is whoever wrote it ("a Wednesday editorial" names a day).
fn author_of_statement(words: &[Token]) -> Option<Span> {
    let (name, _) = name_before_noun(words, is_statement_noun)?;
    // "As Mr Kok's report noted": a sentence's opener is no part of it.
    let opener = name
        .first()
        .is_some_and(|w| lexicon::is_sentence_opener(w.text.as_bytes()));
    let name = &name[usize::from(opener && name.len() > 1)..];
    let ((last, before), first) = (name.split_last()?, name.first()?);
    let end = last.span.start + last.stem().len();
    let named = name
        .iter()
        .all(|w| w.is_capitalised() && !is_time_word(w.text))
        && before.iter().all(|w| !w.is_possessive());
    named.then(|| Span::new(first.span.start, end))
}

/// A name followed by an organisation noun, as the organisation's name
/// without article or possessive ("Clinton campaign").
fn organisation_phrase(words: &[Token]) -> Option<String> {
    let (name, noun) = name_before_noun(words, |w| is_organisation_noun(w.text))?;
    if name.is_empty() || !name.iter().all(|w| w.text.starts_with(char::is_uppercase)) {
        return None;
    }
    let names: Vec<&str> = name.iter().map(Token::stem).collect();
    Some(format!("{} {}", names.join(" "), noun.text))
}

/// A phrase that ends in a noun `is_noun` accepts: the words between an
/// opening article ("the", "a", "an") and the noun, and the noun.
fn name_before_noun<'w, 't>(
    words: &'w [Token<'t>],
    is_noun: impl Fn(&Token) -> bool,
) -> Option<(&'w [Token<'t>], &'w Token<'t>)> {
    let (noun, rest) = words.split_last()?;
    if !is_noun(noun) {
        return None;
    }
    let name = match rest.split_first() {
        Some((first, tail)) if one_of(first.text, &["the", "a", "an"]) => tail,
        _ => rest,
    };
    Some((name, noun))
}

/// "Analysts said", "Economists say": people of a role, not named.
fn is_plural_role(name: &str) -> bool {
    name.strip_suffix('s').is_some_and(|one| {
        !one.contains(' ')
            && lexicon::lower_case_flags(one.to_lowercase().as_bytes()) & flag::TITLE != 0
    })
}

/// "Critics say", "Residents said": a plural common noun names people of
/// a kind, no one in particular; a party's ("Democrats",
/// `assets/words/party-words.txt`) names a body.
fn is_unnamed_group(name: &str) -> bool {
    let Some(one) = name.strip_suffix('s') else {
        return false;
    };
    let lower = name.to_lowercase();
    !name.contains(' ')
        && lexicon::flags(&lower) & flag::COMMON != 0
        && !party_words::contains(one.as_bytes())
}

/// "the Muslim Council of Britain", "Bank of England", "the Department
/// for Transport": an organisation word right before "of" or "for" makes
/// the whole phrase one body, not the place or field after it.
fn organisation_of_place(words: &[Token]) -> Option<String> {
    let words = match words.split_first() {
        Some((first, rest)) if one_of(first.text, &["the"]) => rest,
        _ => words,
    };
    let of = words
        .iter()
        .position(|w| w.text == "of" || w.text == "for")?;
    let before = words.get(of.checked_sub(1)?)?;
    let capitalised = |w: &Token| {
        w.text.starts_with(char::is_uppercase) || one_of(w.text, &["of", "and", "the", "for"])
    };
    let org = lexicon::flags(before.text) & flag::BODY_NOUN != 0;
    (org && of + 1 < words.len() && words.iter().all(capitalised))
        .then(|| words.iter().map(|w| w.text).collect::<Vec<_>>().join(" "))
}

/// Two or more capitalised words that may all be parts of a name: a
/// person's name ("Holger Zbyk"), where "Vice President" is not.
fn unlisted_name_before(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let mut count = 0;
    words.all(|w| {
        count += 1;
        w.starts_with(char::is_uppercase) && may_be_name_word(w)
    }) && count >= 2
}

/// A word between the capitalised words of a name: "Bank of England"
/// (`assets/words/name-links.tsv`, tag `link`).
pub(super) fn is_name_link(word: &str) -> bool {
    name_links::link(word.as_bytes())
}

/// "There", "When", "However", "It’s", "Among": a capitalised word that opens a
/// sentence and names nobody (`assets/words/nameless-words.txt`, and the
/// function words of the other lists).
fn is_function_word(name: &str) -> bool {
    if name.contains(char::is_whitespace) {
        return false;
    }
    let word = name.to_lowercase();
    word.contains(['\'', '’'])
        || is_stop(&word)
        || is_determiner(&word)
        || is_pronoun(&word)
        || is_adverb(&word)
        || is_preposition(word.as_bytes())
        || nameless_words::contains(word.as_bytes())
}

fn strip_article(text: &str) -> &str {
    // "But Sky denied it": a conjunction opening the sentence is in no name.
    let text = ["But ", "And "]
        .iter()
        .find_map(|c| text.strip_prefix(c))
        .unwrap_or(text);
    text.strip_prefix("The ")
        .or_else(|| text.strip_prefix("the "))
        .unwrap_or(text)
        .trim()
}

/// Where the first " of " or " from " in a phrase starts. A byte scan: a
/// phrase is a few words, too short to pay for `str::find`'s searcher.
fn first_link(phrase: &str) -> Option<usize> {
    let bytes = phrase.as_bytes();
    (0..bytes.len()).find(|&i| {
        bytes[i] == b' '
            && (bytes[i + 1..].starts_with(b"of ") || bytes[i + 1..].starts_with(b"from "))
    })
}

#[cfg(test)]
mod tests {
    use super::{Span, first_link, is_function_word, organisation_name};

    #[test]
    fn an_organisation_name_grows_to_its_whole_name() {
        // (text, the part found, the whole name)
        let rows = [
            (
                "a poll by NBC News and The Wall Street Journal",
                "The Wall Street Journal",
                "The Wall Street Journal",
            ),
            (
                "the Maritime and Transport Workers' Union",
                "Union",
                "Maritime and Transport Workers' Union",
            ),
            ("Alongside BLM, they marched", "BLM", "BLM"),
            ("The Hill reported", "The Hill", "The Hill"),
            (
                "the State Department, which",
                "Department",
                "State Department",
            ),
            (
                "the Department of Justice and others",
                "Department",
                "Department of Justice",
            ),
            ("Clinton's Campaign", "Campaign", "Campaign"),
            ("signed by Ivo Lind. Tellco's statement", "Tellco", "Tellco"),
            ("Tellco Inc. Group", "Group", "Tellco Inc. Group"),
        ];
        for (text, part, whole) in rows {
            let at = text.find(part).unwrap_or(0);
            let head = Span::new(at, at + part.len());
            let name = organisation_name(text, head, Span::new(0, text.len()));
            assert_eq!(name, whole, "{text}");
        }
    }

    proptest::proptest! {
        /// The byte scan finds what `str::find` finds first.
        #[test]
        fn first_link_is_the_first_find(text in "[a-z ]{0,6}( of | from |é| )[a-z ]{0,6}( of | from )?[a-zé ]{0,4}") {
            let by_find = [text.find(" of "), text.find(" from ")].into_iter().flatten().min();
            proptest::prop_assert_eq!(first_link(&text), by_find);
        }

        /// Any text, any head within any bounds: a piece of the text, and
        /// no panic (double spaces, accents, a head past the bounds).
        #[test]
        fn an_organisation_name_is_always_a_piece_of_the_text(
            text in "[A-Za-zé’' ]{0,12}( (of|and|The|Ökö|é) [A-Zé][a-z’']{0,4}){0,4}[ ,.]{0,2}",
            cuts in proptest::collection::vec(0usize..64, 4),
        ) {
            let mut at: Vec<usize> = cuts
                .iter()
                .map(|&c| {
                    let c = c.min(text.len());
                    (0..=c).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0)
                })
                .collect();
            at.sort_unstable();
            let (within_start, head_start, head_end, within_end) = (at[0], at[1], at[2], at[3]);
            // The head may end past the bounds, as a mention may.
            for (head, within) in [
                (Span::new(head_start, head_end), Span::new(within_start, within_end)),
                (Span::new(head_start, within_end), Span::new(within_start, head_end)),
            ] {
                let name = organisation_name(&text, head, within);
                proptest::prop_assert!(text.contains(&name), "{name:?} of {text:?}");
            }
        }
    }

    #[test]
    fn a_lone_function_word_names_nobody() {
        for word in ["The", "There", "When", "However", "It’s", "I'm", "Others"] {
            assert!(is_function_word(word), "{word}");
        }
        for name in ["Toomey", "Reuters", "Harbour Board", "The Hague"] {
            assert!(!is_function_word(name), "{name}");
        }
    }
}
