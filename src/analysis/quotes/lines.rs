//! A text's lines as the speaker decisions read them: each line's tokens,
//! and the subject of each of its sentences, worked out the first time a
//! decision asks. Decisions ask only for the lines around quotes, and for
//! subjects only when a speaker is a pronoun or goes unsaid, so most of a
//! text is never read twice.

use super::salience;
use super::words::{self, Token};
use crate::analysis::Span;
use crate::analysis::people::People;
use std::cell::OnceCell;
use std::ops::RangeInclusive;

pub(super) struct Lines<'a> {
    text: &'a str,
    people: &'a People,
    spans: Vec<(usize, usize)>,
    /// Every quotation's outer span: one token each.
    quotes: Vec<Span>,
    tokens: Vec<OnceCell<Vec<Token<'a>>>>,
    subjects: Vec<OnceCell<Vec<(usize, usize)>>>,
}

impl<'a> Lines<'a> {
    /// `spans`: the text's lines, as [`super::marks::lines`] gives them.
    pub(super) fn new(
        text: &'a str,
        people: &'a People,
        spans: Vec<(usize, usize)>,
        quotes: Vec<Span>,
    ) -> Self {
        let n = spans.len();
        Lines {
            text,
            people,
            spans,
            quotes,
            tokens: std::iter::repeat_with(OnceCell::new).take(n).collect(),
            subjects: std::iter::repeat_with(OnceCell::new).take(n).collect(),
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

    /// `(position, person)` for the subject of each sentence of `line`
    /// that has one, in text order.
    pub(super) fn subjects(&self, line: usize) -> &[(usize, usize)] {
        self.subjects[line].get_or_init(|| {
            salience::subjects(self.text, self.tokens(line), self.people, &self.quotes)
        })
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
    /// `(position, person)` of the subjects, the last first.
    pub fn subjects_back(&self) -> impl Iterator<Item = &(usize, usize)> {
        self.range
            .clone()
            .rev()
            .flat_map(|line| self.lines.subjects(line).iter().rev())
    }
}
