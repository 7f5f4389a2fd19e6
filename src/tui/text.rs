//! Text for the screen: display widths, cutting at grapheme boundaries,
//! case-insensitive matching and a small fuzzy matcher.

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

/// A query ready for repeated case-insensitive matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Needle {
    lower: Vec<char>,
    ascii: Option<Vec<u8>>,
}

impl Needle {
    /// `None` for an empty (or all-blank) query.
    pub fn new(query: &str) -> Option<Needle> {
        let query = query.trim();
        if query.is_empty() {
            return None;
        }
        let lower: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
        let ascii = query
            .is_ascii()
            .then(|| query.bytes().map(|b| b.to_ascii_lowercase()).collect());
        Some(Needle { lower, ascii })
    }

    pub fn is_in(&self, haystack: &str) -> bool {
        self.find_from(haystack, 0).is_some()
    }

    /// Every non-overlapping match as a byte range, in order.
    pub fn find_all(&self, haystack: &str) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut at = 0;
        while let Some((start, end)) = self.find_from(haystack, at) {
            found.push((start, end));
            at = end.max(start + 1);
        }
        found
    }

    fn find_from(&self, haystack: &str, from: usize) -> Option<(usize, usize)> {
        match &self.ascii {
            // An ASCII needle matches only ASCII bytes, which always sit on
            // char boundaries, so a byte scan is exact and fast.
            Some(needle) => {
                let hay = haystack.as_bytes().get(from..)?;
                hay.windows(needle.len())
                    .position(|w| {
                        w.iter()
                            .zip(needle)
                            .all(|(a, b)| a.to_ascii_lowercase() == *b)
                    })
                    .map(|i| (from + i, from + i + needle.len()))
            }
            None => self.find_chars_from(haystack, from),
        }
    }

    fn find_chars_from(&self, haystack: &str, from: usize) -> Option<(usize, usize)> {
        let tail = haystack.get(from..)?;
        tail.char_indices().find_map(|(start, _)| {
            self.match_at(&tail[start..])
                .map(|len| (from + start, from + start + len))
        })
    }

    /// The byte length of the match at the start of `text`, if there is one.
    fn match_at(&self, text: &str) -> Option<usize> {
        let mut want = self.lower.iter().peekable();
        for (i, c) in text.char_indices() {
            for lowered in c.to_lowercase() {
                if want.next() != Some(&lowered) {
                    return None;
                }
            }
            if want.peek().is_none() {
                return Some(i + c.len_utf8());
            }
        }
        None
    }
}

/// How well `pattern` matches `candidate` as a fuzzy subsequence, ignoring
/// case; higher is better, `None` when it does not match. Consecutive letters
/// and letters at word starts score more, so "stol" finds "Jens Stoltenberg"
/// before "Jan Stolberg-Tolten".
pub fn fuzzy_score(pattern: &str, candidate: &str) -> Option<i64> {
    let pattern: Vec<char> = pattern
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    if pattern.is_empty() {
        return Some(0);
    }
    let mut score = 0i64;
    let mut want = 0;
    let mut previous_matched = false;
    let mut previous: Option<char> = None;
    for c in candidate.chars() {
        let at_word_start = previous.is_none_or(|p| !p.is_alphanumeric());
        let matched = want < pattern.len() && c.to_lowercase().eq(std::iter::once(pattern[want]));
        if matched {
            score += 1;
            if previous_matched {
                score += 5;
            }
            if at_word_start {
                score += 8;
            }
            want += 1;
        } else {
            score -= i64::from(want > 0 && want < pattern.len());
        }
        previous_matched = matched;
        previous = Some(c);
    }
    (want == pattern.len()).then_some(score)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_at_graphemes_with_an_ellipsis() {
        assert_eq!(fit("Harbour", 10), "Harbour");
        assert_eq!(fit("Harbour council", 8), "Harbour…");
        assert_eq!(fit("日本語のニュース", 7), "日本語…");
        assert_eq!(fit("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit("a\u{1b}]2;x\u{7}b", 10), "a]2;xb");
    }

    #[test]
    fn needle_finds_every_match_ignoring_case() {
        let needle = Needle::new("nato").unwrap();
        assert_eq!(
            needle.find_all("NATO and Nato, nATo"),
            vec![(0, 4), (9, 13), (15, 19)]
        );
        let accented = Needle::new("zelenský").unwrap();
        let text = "Mr ZELENSKÝ said";
        let found = accented.find_all(text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].0..found[0].1], "ZELENSKÝ");
        assert!(Needle::new("  ").is_none());
        assert!(Needle::new("é").unwrap().find_all("e").is_empty());
    }

    #[test]
    fn fuzzy_prefers_word_starts_and_runs() {
        let a = fuzzy_score("stol", "Jens Stoltenberg").unwrap();
        let b = fuzzy_score("stol", "Jan Sxtxoxl").unwrap();
        assert!(a > b);
        assert!(fuzzy_score("zel", "Volodymyr Zelensky").is_some());
        assert!(fuzzy_score("xyz", "Volodymyr Zelensky").is_none());
        assert_eq!(fuzzy_score("", "anything"), Some(0));
    }
}
