//! The walk through one text that decides each quote's speaker, paragraph
//! by paragraph, remembering who spoke last and who each sentence was about.

use super::Decision;
use super::attribute::{self, Found};
use super::cues;
use super::filter::title_case;
use super::index::TextIndex;
use super::lines::Lines;
use super::marks::Marked;
use super::phrase::{is_pronoun_token, one_of};
use super::salience::UNNAMED;
use super::share;
use super::speaker::{Context, Resolver, Speaker, Spoken};
use super::words::{Kind, Token, ends_sentence, starts_sentence};
use crate::analysis::Span;
use crate::analysis::people::{EntityKind, People};

/// How many lines back a pronoun or a continued quote may reach.
const HORIZON_LINES: usize = 3;

/// How many tokens before a quote, in its sentence, may hold its
/// attribution. The longest stretch in the evaluation corpora is 70; a
/// "sentence" of a whole text without a full stop would otherwise be read
/// whole for each of its quotes.
const REACH_BEFORE: usize = 400;

pub(super) struct Document<'a> {
    text: &'a str,
    people: &'a People,
    /// The tables of the text's people, made as they are first needed.
    index: &'a TextIndex<'a>,
    marked: &'a [Marked],
    /// Each line's tokens (every quotation one token) and subjects.
    lines: Lines<'a>,
    resolver: Resolver<'a>,
    /// Each quote's speaker so far.
    spoken: Spoken,
    /// The last speaker and the line it spoke in.
    last: Option<(Speaker, usize)>,
    /// Whether the quote just decided has a speaker (and so is `last`'s).
    last_decided: bool,
    /// The quote just decided, if it was a sentence of speech (it ends
    /// with punctuation) with a known speaker: where it closes, its
    /// speaker, and whether a cue named them.
    spoken_last: Option<LastSpoken>,
}

/// The quote just decided, as [`Document::spoken_last`] keeps it.
struct LastSpoken {
    close: usize,
    speaker: Speaker,
    cued: bool,
}

/// Where a quote stands: its line and where its sentence starts.
struct Place {
    line: usize,
    sentence: usize,
    horizon: usize,
    /// The quote itself, marks included.
    quote: Span,
}

impl<'a> Document<'a> {
    /// `lines`: the text's lines, as [`super::marks::lines`] gives them.
    pub(super) fn new(
        text: &'a str,
        people: &'a People,
        index: &'a TextIndex<'a>,
        marked: &'a [Marked],
        lines: Vec<(usize, usize)>,
    ) -> Self {
        let outer: Vec<Span> = marked.iter().map(|m| Span::new(m.open, m.close)).collect();
        Document {
            text,
            people,
            marked,
            index,
            lines: Lines::new(text, people, index, lines, outer),
            resolver: Resolver::new(text, people, index),
            spoken: Spoken::default(),
            last: None,
            last_decided: false,
            spoken_last: None,
        }
    }

    /// One decision per quote, in order; `labels` are transcript labels.
    pub(super) fn decide(mut self, labels: &[Option<Span>]) -> Vec<Decision> {
        let mut decisions = vec![Decision::NONE; self.marked.len()];
        let mut q = 0;
        while q < self.marked.len() {
            let line = self.marked[q].line;
            let end = self.marked[q..]
                .iter()
                .position(|m| m.line != line)
                .map_or(self.marked.len(), |n| q + n);
            let quote_tokens: Vec<usize> = self
                .lines
                .tokens(line)
                .iter()
                .enumerate()
                .filter(|(_, t)| t.kind == Kind::Quote)
                .map(|(i, _)| i)
                .collect();
            for (k, quote) in (q..end).enumerate() {
                let at = quote_tokens.get(k).copied().unwrap_or(0);
                decisions[quote] = match labels[quote] {
                    Some(label) => self.labelled(label),
                    None => self.decide_quote(quote, line, at, k == 0),
                };
                self.remember(quote, line, &decisions[quote]);
            }
            let shapes = self.shapes(q..end, line, &quote_tokens);
            share::within_line(&mut decisions[q..end], &shapes);
            q = end;
        }
        decisions
    }

    /// For the quotes `quotes` of one line, whose tokens are at
    /// `quote_tokens`: each one's sentence (its first token) and whether it
    /// is a term. The sentences are looked for only in a line with a term.
    fn shapes(
        &self,
        quotes: std::ops::Range<usize>,
        line: usize,
        quote_tokens: &[usize],
    ) -> Vec<(usize, bool)> {
        let mut shapes: Vec<(usize, bool)> = quotes
            .map(|i| (0, is_term(self.marked[i].inner.text(self.text))))
            .collect();
        if shapes.iter().any(|&(_, term)| term) {
            for (k, shape) in shapes.iter_mut().enumerate() {
                let at = quote_tokens.get(k).copied().unwrap_or(0);
                shape.0 = self.lines.sentence_start(line, at);
            }
        }
        shapes
    }

    fn remember(&mut self, quote: usize, line: usize, decision: &Decision) {
        // A fragment ("plans to publish a “candid memoir”") is no one's
        // run of speech to go on with.
        let spoken = ends_with_punctuation(self.marked[quote].inner.text(self.text));
        self.spoken_last =
            (spoken && !matches!(decision.speaker, Speaker::Unknown)).then(|| LastSpoken {
                close: self.marked[quote].close,
                speaker: decision.speaker.clone(),
                cued: decision.cue.is_some(),
            });
        self.last_decided = !matches!(decision.speaker, Speaker::Unknown);
        if self.last_decided {
            self.last = Some((decision.speaker.clone(), line));
        }
        if let Speaker::Person(p) = decision.speaker {
            self.spoken.push(self.people, self.marked[quote].open, p);
        }
    }

    /// A transcript line ("WALLACE: …"): the label is the speaker.
    fn labelled(&self, label: Span) -> Decision {
        let name = label.text(self.text);
        let speaker = self
            .index
            .lookup(&title_case(name))
            .map_or_else(|| Speaker::Organisation(name.to_owned()), Speaker::Person);
        Decision {
            speaker,
            cue: Some(label),
            attributed: true,
            direct: true,
        }
    }

    fn decide_quote(&self, quote: usize, line: usize, at: usize, first: bool) -> Decision {
        let tokens = self.lines.tokens(line);
        let start = |at: usize| self.lines.sentence_start(line, at);
        let sentence = start(at);
        let place = Place {
            line,
            sentence: tokens
                .get(sentence)
                .map_or(self.lines.start(line), |t| t.span.start),
            horizon: self.lines.start(first_in_reach(line)),
            quote: Span::new(self.marked[quote].open, self.marked[quote].close),
        };
        let Attributions {
            found,
            own_clause,
            goes_on,
        } = attributions(tokens, at, sentence);
        // "“…,” said Ash. “It will stay.” Keeper Ivo Lind echoed Ash's
        // words": a quote that is a sentence of its own after a quote with
        // a cue goes on with its speaker; a sentence after it that goes on
        // past its cue reports words of its own.
        if goes_on
            && at == sentence
            && self.follows_quote(line, sentence)
            && let Some(last) = self.spoken_last.as_ref().filter(|l| l.cued)
        {
            return Decision {
                speaker: last.speaker.clone(),
                ..Decision::NONE
            };
        }
        if let Some(decision) = self.best(&found, &place) {
            return decision;
        }
        // "“…,” Ash said. “It's up to them.” Manager Ivo Lind insists he
        // …": a quote between the speaker's and a sentence of its own goes
        // on with the speaker of the quote before, in the sentence before.
        if own_clause && self.follows_quote(line, sentence) {
            let previous = self.context(&place, self.marked[quote].open).previous;
            return Decision {
                speaker: previous.unwrap_or(Speaker::Unknown),
                ..Decision::NONE
            };
        }
        if first && line_is_quoted(tokens) {
            return self.continued(quote, &place, false);
        }
        if let Some(found) = sentence_before(tokens, at, start) {
            // "Schiff said. “The other factor …”": a quote that is a
            // sentence of its own, after a sentence with a cue.
            let speaker = self
                .resolver
                .resolve(found.subject, &self.context(&place, found.cue.start));
            return Decision {
                speaker,
                cue: Some(found.cue),
                attributed: true,
                direct: false,
            };
        }
        // "Gingrich dismissed Estonia as being in the “suburbs of St.
        // Petersburg”": words in a sentence about someone, with no cue.
        // The line's subjects are in text order: the last before the quote
        // is found by bisection, the line may be the whole text.
        // "Williams was keen not to talk about it. “We've got more …”": a
        // quote that opens its sentence, after one about someone, is theirs.
        let open = self.marked[quote].open;
        let about = if tokens.get(sentence).is_some_and(|t| t.span.start == open) {
            sentence.checked_sub(1).map_or(sentence, start)
        } else {
            sentence
        };
        let about_from = tokens.get(about).map_or(place.sentence, |t| t.span.start);
        let subjects = self.lines.subjects(line);
        let before = subjects.partition_point(|&(s, _)| s < open);
        match before
            .checked_sub(1)
            .map(|k| subjects[k])
            .filter(|&(s, _)| s >= about_from)
            // "Films with “medium” budgets, like Vera Drake": the subject
            // must be named before the words ("To study “space weather”
            // Mr Wong needed" is not what Wong said), unless a cue word
            // follows them ("a “stellar year” said Ann Roe").
            .filter(|&(_, p)| {
                p == UNNAMED || self.named_between(p, about_from, open) || cue_follows(tokens, at)
            }) {
            Some((_, UNNAMED)) => Decision::NONE,
            Some((_, person)) => Decision {
                speaker: Speaker::Person(person),
                ..Decision::NONE
            },
            // "He made the criticism while backing her “public option”":
            // a sentence about "he" is about whom "he" stands for.
            // "And she won't commit yet. “I'm just in the middle of it.”":
            // the sentence before, for a quote that opens its own.
            None => match pronoun_subject(&tokens[about..at]) {
                Some(pronoun) => Decision {
                    speaker: self
                        .resolver
                        .resolve(pronoun, &self.context(&place, pronoun.start)),
                    ..Decision::NONE
                },
                // "“…,” said Mr Lind. ¶ “This cannot go on.” Filming …": a
                // quote that opens its sentence right after one with a cue
                // goes on with its speaker.
                None if at == sentence
                    && self.follows_quote(line, sentence)
                    && let Some(last) = self.spoken_last.as_ref().filter(|l| l.cued) =>
                {
                    Decision {
                        speaker: last.speaker.clone(),
                        ..Decision::NONE
                    }
                }
                None if at == sentence && body_subject(&tokens[about..at]) => Decision {
                    speaker: self.speaker_goes_on(quote, false),
                    ..Decision::NONE
                },
                None => self.goes_on(quote, &place, at == sentence, first && at == 0),
            },
        }
    }

    /// `person` is named somewhere in `from..to`.
    fn named_between(&self, person: usize, from: usize, to: usize) -> bool {
        let mentions = &self.people.mentions;
        let first = mentions.partition_point(|m| m.span.start < from);
        mentions[first..]
            .iter()
            .take_while(|m| m.span.start < to)
            .any(|m| m.person == Some(person))
    }

    /// A quote with no cue and no subject before it in its sentence:
    /// `opens` its sentence, or its paragraph (`leads`).
    fn goes_on(&self, quote: usize, place: &Place, opens: bool, leads: bool) -> Decision {
        let speaker = match self.runs_on(quote).filter(|_| opens) {
            // "“It was hard. “We expect more.”": paragraphs run together,
            // the second right after the first's closing mark, go on with
            // its speaker, however it was found.
            Some(speaker) => speaker,
            // "Mr Lind said that … ¶ “We predicted it.” He highlighted …":
            // a quote that opens its paragraph, with no cue of its own,
            // goes on as a quote-only paragraph does.
            None if leads => return self.continued(quote, place, true),
            // "“…,” said Mr Lind. The film will be sent by satellite. “It
            // cannot be copied.”": narration that names no one between.
            None if opens => self.speaker_goes_on(quote, true),
            None => Speaker::Unknown,
        };
        Decision {
            speaker,
            ..Decision::NONE
        }
    }

    fn context(&self, place: &Place, at: usize) -> Context<'_, 'a> {
        let previous = self
            .last
            .as_ref()
            .filter(|(_, l)| place.line - l <= HORIZON_LINES)
            .map(|(s, _)| s.clone());
        let previous_in_line = self.last.as_ref().is_some_and(|(_, l)| *l == place.line);
        Context {
            at,
            horizon: place.horizon,
            quote: place.quote,
            previous,
            previous_in_line,
            subjects: self.lines.window(first_in_reach(place.line)..=place.line),
            spoken: &self.spoken,
        }
    }

    /// The first attribution that names someone, else the first one.
    fn best(&self, found: &[Found], place: &Place) -> Option<Decision> {
        let decision = |f: &Found| {
            let cx = self.context(place, f.cue.start.min(f.subject.start));
            Decision {
                speaker: self.resolver.resolve(f.subject, &cx),
                cue: Some(f.cue),
                attributed: true,
                direct: f.direct,
            }
        };
        // Resolution has no side effects: the ones after the first that
        // names someone need not be made.
        let mut all = found.iter().map(decision);
        let first = all.next()?;
        if !matches!(first.speaker, Speaker::Unknown) {
            return Some(first);
        }
        Some(
            all.find(|d| !matches!(d.speaker, Speaker::Unknown))
                .unwrap_or(first),
        )
    }

    /// "“…,” Mr Dein said. ¶ The club is moving. It is also looking to
    /// Asia. “We have two executives there.”": a quote with no cue goes on
    /// with the last quote's speaker, when it spoke in this paragraph or
    /// the one before and no person has been named since (nor, with
    /// `no_body`, an organisation: after a sentence about "it" the body
    /// may be named, after plain narration it may not).
    fn speaker_goes_on(&self, quote: usize, no_body: bool) -> Speaker {
        let Some(last) = self.spoken_last.as_ref() else {
            return Speaker::Unknown;
        };
        let open = self.marked[quote].open;
        let line = self.marked[quote].line;
        let near = self.last.as_ref().is_some_and(|(_, l)| l + 1 >= line);
        let mentions = &self.people.mentions;
        let from = mentions.partition_point(|m| m.span.start < last.close);
        let named = mentions[from..]
            .iter()
            .take_while(|m| m.span.start < open)
            .any(|m| m.kind == EntityKind::Person || no_body && m.kind == EntityKind::Organisation);
        if near && !named {
            last.speaker.clone()
        } else {
            Speaker::Unknown
        }
    }

    /// The speaker of the quote just decided, if `quote` opens right after
    /// its closing mark, with nothing but a space between.
    fn runs_on(&self, quote: usize) -> Option<Speaker> {
        let last = self.spoken_last.as_ref()?;
        let between = self.text.get(last.close..self.marked[quote].open)?;
        (between.chars().all(|c| c == ' ')
            && quote > 0
            && self.marked[quote - 1].line == self.marked[quote].line)
            .then(|| last.speaker.clone())
    }

    /// The sentence before the one starting at token `sentence` of `line`
    /// (the last of the line before, for a line's first) holds a quote.
    fn follows_quote(&self, line: usize, sentence: usize) -> bool {
        let (line, end) = match sentence.checked_sub(1) {
            Some(last) => (line, last),
            None => match line.checked_sub(1) {
                Some(before) => (before, self.lines.tokens(before).len().saturating_sub(1)),
                None => return false,
            },
        };
        let tokens = self.lines.tokens(line);
        let Some(end) = tokens.len().checked_sub(1).map(|n| end.min(n)) else {
            return false;
        };
        let start = self.lines.sentence_start(line, end);
        tokens[start..=end].iter().any(|t| t.kind == Kind::Quote)
    }

    /// A quote-only paragraph carries on the speaker before it: the one the
    /// paragraph before introduced with a colon, else the last speaker if
    /// it spoke in that paragraph, else whoever that paragraph's last
    /// sentence reports. A paragraph that only opens with a quote
    /// (`reported`) goes on with whoever that sentence reports, else with
    /// the speaker of the quote just before, be it no one.
    fn continued(&self, quote: usize, place: &Place, reported: bool) -> Decision {
        let recent = self.last.as_ref().is_some_and(|(_, l)| l + 1 >= place.line);
        match self.intro(place.line, reported) {
            Some((found, colon)) if colon || reported || !recent => {
                let cx = self.context(place, found.cue.start);
                let speaker = self.resolver.resolve(found.subject, &cx);
                Decision {
                    speaker,
                    cue: Some(found.cue),
                    attributed: colon,
                    direct: false,
                }
            }
            // "The firm announced a “new season”. ¶ “It will be big.”":
            // the quote just before, whoever said it, when it is near.
            _ if reported => Decision {
                speaker: match self.spoken_last.as_ref().filter(|_| recent) {
                    Some(last) => last.speaker.clone(),
                    // "Ash said it was of “great importance”. ¶ “We are
                    // stating a principle.” Under …": the person whose
                    // words the paragraph before quoted last.
                    None => (self.last.as_ref())
                        .filter(|(s, l)| {
                            self.last_decided
                                && l + 1 == place.line
                                && matches!(s, Speaker::Person(_))
                        })
                        .map_or(Speaker::Unknown, |(s, _)| s.clone()),
                },
                ..Decision::NONE
            },
            _ => {
                let previous = self.context(place, self.marked[quote].open).previous;
                Decision {
                    speaker: previous.unwrap_or(Speaker::Unknown),
                    ..Decision::NONE
                }
            }
        }
    }

    /// The attribution that may introduce a paragraph: the cue of the last
    /// sentence of the paragraph before ("Smith told reporters:", "Kerry
    /// said that 100,000 would be accepted."), and whether it ends with a
    /// colon. Not after a paragraph with a quote in it, unless `reported`
    /// asks for the last sentence only.
    fn intro(&self, line: usize, reported: bool) -> Option<(Found, bool)> {
        let before = line.checked_sub(1)?;
        let tokens = self.lines.tokens(before);
        let colon = tokens.last().is_some_and(|t| t.is(':'));
        let end = tokens.len() - usize::from(colon);
        let start = self.lines.sentence_start(before, end.saturating_sub(1));
        let quoted = if reported { &tokens[start..] } else { tokens };
        if quoted.iter().any(|t| t.kind == Kind::Quote) {
            return None;
        }
        let last = &tokens[start..end];
        // "Sanders made the following comment:": the subject of a sentence
        // that introduces a quote with a colon.
        let found = if colon {
            attribute::before(last)
                .into_iter()
                .next()
                .or_else(|| attribute::introducer(last))
        } else {
            attribute::cue_subject(last)
        }?;
        Some((found, colon))
    }
}

/// The first line a pronoun or a continued quote in `line` may reach.
fn first_in_reach(line: usize) -> usize {
    line.saturating_sub(HORIZON_LINES)
}

/// What the words around a quote say of its attribution.
struct Attributions {
    /// The attributions that may hold, best first.
    found: Vec<Found>,
    /// The sentence after the quote reports a clause of its own, so that
    /// the quote has no cue after it.
    own_clause: bool,
    /// The sentence after the quote opens with its subject and goes on
    /// past its cue.
    goes_on: bool,
}

/// The [`Attributions`] of the quotation at token `at`; `sentence` is the
/// first token of its sentence.
fn attributions(tokens: &[Token], at: usize, sentence: usize) -> Attributions {
    let after_end = tokens[at + 1..]
        .iter()
        .position(|t| t.kind == Kind::Quote || t.is('.') || t.is('?') || t.is('!') || t.is(';'))
        .map_or(tokens.len(), |n| at + 1 + n + 1)
        .min(tokens.len());
    let quote = &tokens[at];
    // Words after a fragment that ends mid-sentence ("the ad “wrongfully”
    // suggests") are the sentence going on, not an attribution.
    let closes = ends_with_punctuation(quote.text)
        || tokens
            .get(at + 1)
            .is_some_and(|t| t.is(',') || t.kind == Kind::Punct && !t.is('('))
        || opens_sentence_whole(tokens, at, sentence);
    // A fragment may still end a sentence that closes with its
    // attribution: "“… far more credible” than his, Zuckoff said."
    let words_after = &tokens[at + 1..after_end];
    let after = if closes {
        attribute::after(words_after)
    } else {
        attribute::agent(&tokens[sentence..at], words_after)
            .or_else(|| attribute::closing_clause(words_after))
    };
    let before = attribute::before(&tokens[sentence.max(at.saturating_sub(REACH_BEFORE))..at]);
    // A quote that ends its sentence and already has a cue before it: the
    // capitalised words after it start the next sentence.
    let ended = ends_sentence(quote.text) && tokens.get(at + 1).is_some_and(Token::is_capitalised);
    // "“It's not up to me.” Manager Tom Ash insists he will not sell":
    // after a quote that ended its sentence, a cue with a clause of its
    // own reports that clause, not the quote.
    let own_clause = after.is_some_and(|f| ended && attribute::reports_own_clause(words_after, &f));
    // "“Why?” Ash asked, looking up": a question or an exclamation may
    // go on with its cue; a full stop ends the sentence.
    let stops = quote
        .text
        .trim_end_matches(is_closing_filler)
        .ends_with('.');
    let goes_on = after.is_some_and(|f| {
        ended
            && stops
            && (f.subject.end <= f.cue.start
                && words_after
                    .iter()
                    .any(|t| t.span.start >= f.cue.end && t.is_word())
                || closes_a_clause(words_after, &f))
    });
    let after = after.filter(|_| !own_clause);
    let found = if ended && !before.is_empty() {
        before.into_iter().chain(after).collect()
    } else {
        after.into_iter().chain(before).collect()
    };
    Attributions {
        found,
        own_clause,
        goes_on,
    }
}

/// The attribution after a quote ends a clause of its own: "The sale
/// has bought time, analysts said." A pronoun ("…, she said") stands for
/// whoever is in focus, the quote's speaker too.
fn closes_a_clause(words_after: &[Token], found: &Found) -> bool {
    let from = found.subject.start.min(found.cue.start);
    let pronoun = words_after
        .iter()
        .any(|t| t.span.start == found.subject.start && is_pronoun_token(t));
    !pronoun
        && words_after
            .iter()
            .take_while(|t| t.span.start < from)
            .any(Token::is_word)
}

/// A quotation of a few words that opens its sentence is a sentence of
/// its own even when its comma is missing: `“…in the dark” union
/// president Carl Meyer said`.
fn opens_sentence_whole(tokens: &[Token], at: usize, sentence: usize) -> bool {
    at == sentence && tokens[at].text.split_whitespace().count() >= MIN_WHOLE_WORDS
}

/// The fewest words of a quotation read as a sentence without its comma
/// (a short one opening a sentence is a name: `“Fake news” spread`).
const MIN_WHOLE_WORDS: usize = 4;

/// The quoted words end with punctuation inside the marks.
/// The most words a term in quotes has ("a “churn rate”"): a quote of
/// no more words that ends without punctuation is no run of speech.
const TERM_WORDS: usize = 3;

fn is_term(quote: &str) -> bool {
    !ends_with_punctuation(quote) && quote.split_whitespace().nth(TERM_WORDS).is_none()
}

fn ends_with_punctuation(quote: &str) -> bool {
    quote
        .chars()
        .rev()
        .find(|&c| !is_closing_filler(c))
        .is_some_and(|c| matches!(c, ',' | '.' | '!' | '?' | '-' | ';' | ':'))
}

/// What may stand after a quotation's last word or mark: spaces, quote
/// marks, any other sign that is neither a letter, a digit nor ASCII
/// punctuation (the curly marks first, the commonest).
fn is_closing_filler(c: char) -> bool {
    match c {
        '"' | '\'' | '`' | '”' | '’' | '»' | '“' | '‘' => true,
        _ if c.is_ascii() => !c.is_ascii_alphanumeric() && !c.is_ascii_punctuation(),
        _ => !c.is_alphanumeric(),
    }
}

/// A line that is only quotations (and punctuation).
fn line_is_quoted(tokens: &[Token]) -> bool {
    tokens.first().is_some_and(|t| t.kind == Kind::Quote)
        && tokens.iter().all(|t| t.kind != Kind::Word)
}

/// When the quotation at token `at` is a sentence of its own, the cue and
/// speaker of the nearest of the two sentences before it that has one;
/// `sentence_start(at)` is the first token of the sentence of token `at`.
fn sentence_before(
    tokens: &[Token],
    at: usize,
    sentence_start: impl Fn(usize) -> usize,
) -> Option<Found> {
    let sentence = sentence_start(at);
    let alone = sentence == at && tokens.get(at + 1).is_none_or(|t| t.kind != Kind::Word);
    if !alone || sentence == 0 {
        return None;
    }
    let previous = sentence_start(sentence - 1);
    let words = &tokens[previous..sentence];
    // A naming verb with no one as its subject ("a new thing called the
    // internet") reports a word or two, never a sentence of speech after
    // it; "Mr Howard described it as …" goes on with Howard.
    let found = attribute::cue_subject(words)
        .or_else(|| attribute::before(words).into_iter().next())
        .filter(|found| !found.naming || names_someone(words, found.subject));
    found.or_else(|| {
        let earlier = sentence_start(previous.checked_sub(1)?);
        attribute::cue_subject(&tokens[earlier..previous])
    })
}

/// The phrase at `subject` opens with a capital or a pronoun.
fn names_someone(words: &[Token], subject: Span) -> bool {
    words
        .iter()
        .find(|t| t.span.start == subject.start)
        .is_some_and(|t| t.is_capitalised() || is_pronoun_token(t))
}

/// The "he" or "she" a sentence opens with, after a conjunction ("But he
/// …"); "I" is the writer, "it" and "they" often a body.
fn pronoun_subject(tokens: &[Token]) -> Option<Span> {
    opening_word(tokens)
        .filter(|t| one_of(t.text, &["he", "she"]))
        .map(|t| t.span)
}

/// The words open with "it" or "they" (after "but", "and"): a sentence
/// about a body, or about people, no rule names.
fn body_subject(tokens: &[Token]) -> bool {
    opening_word(tokens).is_some_and(|t| one_of(t.text, &["it", "they"]))
}

/// The first word of the words, past a conjunction ("But he …").
fn opening_word<'t, 'a>(tokens: &'t [Token<'a>]) -> Option<&'t Token<'a>> {
    let mut words = tokens.iter().filter(|t| t.is_word());
    let first = words.next()?;
    if one_of(first.text, &["but", "and", "so", "yet"]) {
        words.next()
    } else {
        Some(first)
    }
}

/// A cue word (or "according to") after the quote at `at`, before its
/// sentence ends.
fn cue_follows(tokens: &[Token], at: usize) -> bool {
    (at + 1..tokens.len())
        .take_while(|&i| !starts_sentence(tokens, i))
        .any(|i| {
            let next = tokens.get(i + 1).map(|t| t.text);
            let according = tokens[i].text == "according" && next == Some("to");
            tokens[i].is_word() && (according || cues::cue(tokens[i].text, next).is_some())
        })
}
