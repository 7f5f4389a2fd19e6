//! Text for the screen: display widths and cutting at grapheme
//! boundaries, for the reader and the commands that print tables. The
//! reader's case-insensitive search is in `tui::needle`;
//! fuzzy matching of names in [`crate::index::Pattern`].

use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Display width in terminal columns.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Drops control characters. The loader already does this; the screen does
/// it again because a stray escape in a cell is written to the terminal as is.
pub fn clean(text: &str) -> Cow<'_, str> {
    if text.chars().any(char::is_control) {
        Cow::Owned(text.chars().filter(|c| !c.is_control()).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// `text` cut to at most `max` columns at a grapheme boundary, with `…` when
/// something was cut. Control characters are dropped.
pub fn fit(text: &str, max: usize) -> Cow<'_, str> {
    // Printable ASCII, most titles and names, is a column a byte and a
    // grapheme a byte: cut it without segmenting it.
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return match max {
            _ if text.len() <= max => Cow::Borrowed(text),
            0 => Cow::Borrowed(""),
            _ => Cow::Owned(format!("{}…", &text[..max - 1])),
        };
    }
    fit_graphemes(text, max)
}

/// [`fit`] for any text.
fn fit_graphemes(text: &str, max: usize) -> Cow<'_, str> {
    let text = clean(text);
    if width(&text) <= max {
        return text;
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let w = width(grapheme);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push_str(grapheme);
    }
    out.push('…');
    Cow::Owned(out)
}

/// `text` padded with spaces (or cut) to exactly `columns` columns.
pub fn pad(text: &str, columns: usize) -> String {
    let fitted = fit(text, columns);
    let w = width(&fitted);
    format!("{fitted}{}", " ".repeat(columns.saturating_sub(w)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn ascii_is_cut_as_graphemes_are(text in "[ -~]{0,40}", max in 0usize..50) {
            prop_assert_eq!(fit(&text, max), fit_graphemes(&text, max));
        }
    }

    #[test]
    fn fit_cuts_at_graphemes_with_an_ellipsis() {
        assert_eq!(fit("Harbour", 10), "Harbour");
        assert_eq!(fit("Harbour council", 8), "Harbour…");
        assert_eq!(fit("日本語のニュース", 7), "日本語…");
        assert_eq!(fit("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit("a\u{1b}]2;x\u{7}b", 10), "a]2;xb");
    }
}
