//! What the quote engine asks of a text's people again and again, once
//! per quote or per sentence: who was described with a word, which
//! organisation's name has a word, who a name form is, where a line
//! starts. Each table is made on the first question (most texts ask none
//! of some), and answers as a walk over all the mentions before the
//! quote did, which made a text of many quotes cost its length squared.

use crate::analysis::Span;
use crate::analysis::people::{EntityKind, LookupIndex, People};
use std::cell::OnceCell;
use std::collections::HashMap;

#[derive(Default)]
pub struct TextIndex {
    /// Each descriptor with the persons it describes, as (index of the
    /// person's first mention, person), in that order.
    described: OnceCell<HashMap<String, Vec<(usize, usize)>>>,
    /// Each word of an organisation's name (ASCII letters lower-cased)
    /// with the indices of the organisation mentions that have it, in
    /// order.
    organisations: OnceCell<HashMap<String, Vec<usize>>>,
    /// Where the text's line breaks are.
    line_breaks: OnceCell<Vec<usize>>,
    lookup: OnceCell<LookupIndex>,
}

impl TextIndex {
    /// The person named before `at` whom the text described with the last
    /// of the lower-case words `lower` (the head noun), the most of the
    /// others breaking ties, then the one named first.
    pub fn described(&self, people: &People, lower: &[String], at: usize) -> Option<usize> {
        let head = lower.last()?;
        let described = self.described.get_or_init(|| {
            let mut first = vec![None; people.persons.len()];
            for (i, m) in people.mentions.iter().enumerate() {
                if let Some(slot) = m.person.and_then(|p| first.get_mut(p)) {
                    slot.get_or_insert(i);
                }
            }
            let mut out: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
            for (p, first) in first.iter().enumerate() {
                let Some(first) = *first else { continue };
                for d in &people.persons[p].descriptors {
                    out.entry(d.clone()).or_default().push((first, p));
                }
            }
            for list in out.values_mut() {
                list.sort_unstable();
                list.dedup();
            }
            out
        });
        let end = people.mentions.partition_point(|m| m.span.start < at);
        let mut best: Option<(usize, usize)> = None;
        for &(first, p) in described.get(head.as_str())? {
            if first >= end {
                break;
            }
            let descriptors = &people.persons[p].descriptors;
            let score = lower.iter().filter(|w| descriptors.contains(w)).count();
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, p));
                if score == lower.len() {
                    // No one named later can score more.
                    break;
                }
            }
        }
        best.map(|(_, p)| p)
    }

    /// The index of the last organisation mention before `at` that has the
    /// word `head` (in any ASCII case).
    pub fn organisation_with(
        &self,
        text: &str,
        people: &People,
        head: &str,
        at: usize,
    ) -> Option<usize> {
        let organisations = self.organisations.get_or_init(|| {
            let mut out: HashMap<String, Vec<usize>> = HashMap::new();
            for (i, m) in people.mentions.iter().enumerate() {
                if m.kind != EntityKind::Organisation {
                    continue;
                }
                for w in m.span.text(text).split_whitespace() {
                    let list = out.entry(w.to_ascii_lowercase()).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
            out
        });
        let list = organisations.get(&head.to_ascii_lowercase())?;
        let end = people.mentions.partition_point(|m| m.span.start < at);
        let before = list.partition_point(|&i| i < end);
        before.checked_sub(1).map(|k| list[k])
    }

    /// The line `span` is in: from after the line break before it to the
    /// line break after it.
    pub fn line_around(&self, text: &str, span: Span) -> Span {
        let breaks = self
            .line_breaks
            .get_or_init(|| memchr::memchr_iter(b'\n', text.as_bytes()).collect());
        let before = breaks.partition_point(|&b| b < span.start);
        let start = before.checked_sub(1).map_or(0, |k| breaks[k] + 1);
        let after = breaks.partition_point(|&b| b < span.end);
        let end = breaks.get(after).copied().unwrap_or(text.len());
        Span::new(start, end)
    }

    /// [`People::lookup`].
    pub fn lookup(&self, people: &People, form: &str) -> Option<usize> {
        self.lookup
            .get_or_init(|| people.lookup_index())
            .lookup(form)
    }
}
