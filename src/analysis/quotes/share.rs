//! Quotes that share a speaker: the parts of a split quote, and the
//! paragraphs of a quotation over several paragraphs.

use super::Decision;
use super::marks::Marked;
use super::speaker::Speaker;

/// In one line, a quote without a cue takes the speaker of the nearest
/// attributed quote ("“We will,” he said, “win.”"; "“A.” … “B,” she said.").
/// The nearest attributed quote before is kept as the line is read (a line
/// may hold every quote of a text), and none after is looked for: with
/// none before, it is the line's first. No quote's `attributed` changes.
///
/// `shapes` holds each quote's sentence (its first token) and whether it
/// is a term: "all sets carry a “smart view” sticker. “…,” said Ash" is
/// not Ash's; a term takes only a speaker of its own sentence, the
/// nearest before it or else the first after it.
pub(super) fn within_line(decisions: &mut [Decision], shapes: &[(usize, bool)]) {
    let first = decisions.iter().position(|d| d.attributed);
    let mut before = None;
    for i in 0..decisions.len() {
        if decisions[i].attributed {
            before = Some(i);
            continue;
        }
        if !matches!(decisions[i].speaker, Speaker::Unknown) {
            continue;
        }
        let (sentence, term) = shapes[i];
        let source = if term {
            // "branded “reckless” and “vain” by Ash": a term's own
            // sentence, before it or after.
            before
                .filter(|&k| shapes[k].0 == sentence)
                .or_else(|| (i + 1..decisions.len()).find(|&k| decisions[k].attributed))
                .filter(|&k| shapes[k].0 == sentence)
        } else {
            before.or(first)
        };
        let source = source.map(|k| decisions[k].clone());
        if let Some(source) = source {
            decisions[i] = Decision {
                attributed: false,
                ..source
            };
        }
    }
}

/// The parts of a quotation over several paragraphs share one speaker.
pub(super) fn within_quotations(marked: &[Marked], decisions: &mut [Decision]) {
    let mut start = 0;
    for i in 0..marked.len() {
        if marked[i].continues && i + 1 < marked.len() {
            continue;
        }
        let group = start..=i;
        start = i + 1;
        let source = decisions[group.clone()]
            .iter()
            .find(|d| d.attributed)
            .cloned();
        if let Some(source) = source {
            for d in &mut decisions[group] {
                if !d.attributed {
                    *d = Decision {
                        attributed: false,
                        ..source.clone()
                    };
                }
            }
        }
    }
}
