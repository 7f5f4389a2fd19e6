//! A text's lines as the speaker decisions read them: each line's tokens,
//! and the subject of each of its sentences, worked out the first time a
//! decision asks. Decisions ask only for the lines around quotes, and for
//! subjects only when a speaker is a pronoun or goes unsaid, so most of a
//! text is never read twice.
//!
//! Nothing here is read from a line's start for each quote: a paragraph
//! may be the whole text, and its subjects are found by bisection.

use super::index::TextIndex;
use super::salience;
use super::speaker::{CLASSES, gender_class};
use super::words::{self, Token};
use crate::analysis::Span;
use crate::analysis::people::People;
use std::cell::OnceCell;
use std::ops::RangeInclusive;

/// How many tokens [`Lines::sentence_start`] walks back before it lists
/// the line's sentences.
const SHORT_WALK: usize = 64;

/// `(position, person)` of some subjects, by the gender class of the person.
type ByClass = [Vec<(usize, usize)>; CLASSES];

pub(super) struct Lines<'a> {
    text: &'a str,
    people: &'a People,
    index: &'a TextIndex<'a>,
    spans: Vec<(usize, usize)>,
    /// Every quotation's outer span: one token each.
    quotes: Vec<Span>,
    tokens: Vec<OnceCell<Vec<Token<'a>>>>,
    /// Where each line's sentences start (see [`words::sentence_starts`]).
    sentences: Vec<OnceCell<Vec<usize>>>,
    subjects: Vec<OnceCell<Vec<(usize, usize)>>>,
    /// Each line's subjects by the gender class of their person (see
    /// [`gender_class`]), for the pronouns that rule some out.
    by_class: Vec<OnceCell<ByClass>>,
}

impl<'a> Lines<'a> {
    /// `spans`: the text's lines, as [`super::marks::lines`] gives them.
    pub(super) fn new(
        text: &'a str,
        people: &'a People,
        index: &'a TextIndex<'a>,
        spans: Vec<(usize, usize)>,
        quotes: Vec<Span>,
    ) -> Self {
        let n = spans.len();
        Lines {
            text,
            people,
            index,
            spans,
            quotes,
            tokens: std::iter::repeat_with(OnceCell::new).take(n).collect(),
            sentences: std::iter::repeat_with(OnceCell::new).take(n).collect(),
            subjects: std::iter::repeat_with(OnceCell::new).take(n).collect(),
            by_class: std::iter::repeat_with(OnceCell::new).take(n).collect(),
        }
    }

    pub(super) fn start(&self, line: usize) -> usize {
        self.spans[line].0
    }

    /// The tokens of `line`, every quotation one token.
    pub(super) fn tokens(&self, line: usize) -> &[Token<'a>] {
        self.tokens[line].get_or_init(|| {
            let (start, end) = self.spans[line];
            words::tokenize(self.text, Span::new(start, end), &self.quotes)
        })
    }

    /// The first token of the sentence that token `at` of `line` is in
    /// ([`words::sentence_start_in`]).
    pub(super) fn sentence_start(&self, line: usize, at: usize) -> usize {
        // Most sentences are short: a walk back finds their start before
        // the line's sentences are listed.
        let tokens = self.tokens(line);
        let last = at.min(tokens.len());
        let walked = last.saturating_sub(SHORT_WALK).max(1);
        if let Some(start) = (walked..=last)
            .rev()
            .find(|&i| words::starts_sentence(tokens, i))
        {
            return start;
        }
        if walked == 1 {
            return 0;
        }
        let starts = self.sentences[line].get_or_init(|| words::sentence_starts(tokens));
        words::sentence_start_in(starts, at)
    }

    /// `(position, person)` for the subject of each sentence of `line`
    /// that has one, in text order.
    pub(super) fn subjects(&self, line: usize) -> &[(usize, usize)] {
        self.subjects[line].get_or_init(|| {
            salience::subjects(
                self.text,
                self.tokens(line),
                self.people,
                self.index,
                &self.quotes,
            )
        })
    }

    /// [`Lines::subjects`] of the persons of gender class `class`.
    fn subjects_of_class(&self, line: usize, class: usize) -> &[(usize, usize)] {
        &self.by_class[line].get_or_init(|| {
            let mut out = ByClass::default();
            for &(at, person) in self.subjects(line) {
                out[gender_class(self.people, person)].push((at, person));
            }
            out
        })[class]
    }

    pub(super) fn window(&self, lines: RangeInclusive<usize>) -> Window<'_, 'a> {
        Window {
            lines: self,
            range: lines,
        }
    }
}

/// Some consecutive lines, for their sentences' subjects.
pub struct Window<'l, 'a> {
    lines: &'l Lines<'a>,
    range: RangeInclusive<usize>,
}

impl Window<'_, '_> {
    /// The window's lines, the last first, with where each ends: a line
    /// whose end is before what was found already need not be read.
    pub fn lines_back(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.range
            .clone()
            .rev()
            .map(|line| (line, self.lines.spans[line].1))
    }

    /// `(position, person)` of the subjects of `line` before `at` whose
    /// person is of gender class `class`, the last first, found by
    /// bisection: a line may be a whole text.
    pub fn subjects_back(
        &self,
        line: usize,
        class: usize,
        at: usize,
    ) -> impl Iterator<Item = &(usize, usize)> {
        let subjects = self.lines.subjects_of_class(line, class);
        subjects[..subjects.partition_point(|&(s, _)| s < at)]
            .iter()
            .rev()
    }
}
