//! Quotes that share a speaker: the parts of a split quote, and the
//! paragraphs of a quotation over several paragraphs.

use super::Decision;
use super::marks::Marked;
use super::speaker::Speaker;

/// In one line, a quote without a cue takes the speaker of the nearest
/// attributed quote ("“We will,” he said, “win.”"; "“A.” … “B,” she said.").
pub(super) fn within_line(decisions: &mut [Decision]) {
    for i in 0..decisions.len() {
        if decisions[i].attributed || !matches!(decisions[i].speaker, Speaker::Unknown) {
            continue;
        }
        let before = decisions[..i].iter().rev().find(|d| d.attributed);
        let source = before
            .or_else(|| decisions[i + 1..].iter().find(|d| d.attributed))
            .cloned();
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
