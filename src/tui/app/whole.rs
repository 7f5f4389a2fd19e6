//! Quotes shown whole, as the quotes-only view (`"`) and the People view
//! list them: each a head line (who, or where it was said), its words
//! wrapped under it, then a blank line. Rows differ in height, so the
//! offset that keeps a selection in view is found by walking back from
//! the selection: only the quotes on screen are ever wrapped.

use crate::text::{clean, fit};

/// Columns the words of a quote are indented by, under their head line.
pub const INDENT: usize = 4;

/// Lines a quote takes besides its words: the head and the blank after.
const FRAME: usize = 2;

/// The words of `text` in quotation marks, wrapped to fit `width` columns
/// after the indent. A quote taller than a pane of `rows` rows (a whole
/// story misread as one quote) is cut to fit, its last line ending in `…`.
pub fn quote_lines(text: &str, width: usize, rows: usize) -> Vec<String> {
    let width = width.saturating_sub(INDENT).max(1);
    let most = rows.saturating_sub(FRAME).max(1);
    // Only what can be shown is wrapped: four bytes a column is enough.
    let limit = floor_char(text, (most + 1) * width * 4);
    let words = format!("“{}”", clean(text[..limit].trim()));
    let mut lines: Vec<String> = textwrap::wrap(&words, width)
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect();
    if lines.len() > most || limit < text.len() {
        lines.truncate(most);
        if let Some(last) = lines.last_mut() {
            *last = fit(&format!("{last} …"), width).into_owned();
            if !last.ends_with('…') {
                last.push('…');
            }
        }
    }
    lines
}

/// Rows a quote of `lines` wrapped lines takes.
pub fn height(lines: usize) -> usize {
    lines + FRAME
}

/// The first quote to show so that `selected` is on screen in `rows` rows,
/// moving `offset` as little as it can; `height` gives each quote's rows.
pub fn settle(
    offset: usize,
    selected: usize,
    rows: usize,
    height: impl Fn(usize) -> usize,
) -> usize {
    let mut first = selected;
    let mut used = height(selected);
    while first > 0 {
        let above = height(first - 1);
        if used + above > rows {
            break;
        }
        used += above;
        first -= 1;
    }
    offset.clamp(first, selected)
}

/// How many quotes from `offset` on are shown whole in `rows` rows (at
/// least one): a page.
pub fn page(offset: usize, count: usize, rows: usize, height: impl Fn(usize) -> usize) -> usize {
    let mut used = 0;
    let mut shown = 0;
    for i in offset..count {
        used += height(i);
        if used > rows + 1 {
            break;
        }
        shown += 1;
    }
    shown.max(1)
}

/// The quote drawn on row `row` of the pane, when one is.
pub fn at_row(
    offset: usize,
    count: usize,
    row: usize,
    height: impl Fn(usize) -> usize,
) -> Option<usize> {
    let mut top = 0;
    for i in offset..count {
        top += height(i);
        if row < top {
            return Some(i);
        }
    }
    None
}

/// The largest char boundary at or below `at`.
fn floor_char(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_is_wrapped_whole_under_its_indent() {
        let lines = quote_lines("We start in May, and we finish before the snow.", 24, 20);
        assert_eq!(
            lines,
            ["“We start in May,", "and we finish before", "the snow.”"]
        );
    }

    #[test]
    fn a_quote_taller_than_the_pane_is_cut_to_fit() {
        let text = "word ".repeat(10_000);
        let lines = quote_lines(&text, 24, 6);
        assert_eq!(lines.len(), 4);
        assert!(lines[3].ends_with('…'), "{lines:?}");
    }

    #[test]
    fn the_selection_stays_on_screen_with_the_least_scrolling() {
        // Heights 3, 5, 4, 3, 6 in ten rows.
        let heights = [3, 5, 4, 3, 6];
        let h = |i: usize| heights[i];
        assert_eq!(settle(0, 1, 10, h), 0);
        assert_eq!(settle(0, 2, 10, h), 1);
        assert_eq!(settle(0, 4, 10, h), 3);
        assert_eq!(settle(3, 0, 10, h), 0);
        // Taller than the pane: it starts at its top.
        assert_eq!(settle(0, 4, 4, h), 4);
        assert_eq!(page(0, 5, 10, h), 2);
        assert_eq!(at_row(1, 5, 4, h), Some(1));
        assert_eq!(at_row(1, 5, 5, h), Some(2));
        assert_eq!(at_row(3, 5, 9, h), None);
    }
}
