//! Case-insensitive search for the reader: [`Needle`], a query ready for
//! matching again and again, over a 450 MB library or a 3 MB story.
//!
//! An ASCII query (the common case) is found by looking for its rarest
//! byte, in either case, with `memchr` (many bytes a cycle), and checking
//! the bytes around each hit; ASCII bytes always sit on char boundaries,
//! so the byte scan is exact. Any other query is matched char by char on
//! lower-cased text. Scans can be bounded ([`Needle::matches_in`]), so
//! that callers can search a long text a slice at a time.

use std::ops::Range;

/// A query ready for repeated case-insensitive matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Needle {
    lower: Vec<char>,
    ascii: Option<Ascii>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Ascii {
    /// Lower-cased.
    bytes: Vec<u8>,
    /// The position of the byte least likely to turn up in text.
    rare: usize,
}

/// Letters from the most to the least common in English text.
const LETTERS: &[u8] = b"etaoinsrhldcumfpgwybvkxjqz";

/// How rare a byte is in news text: higher is rarer.
fn rarity(byte: u8) -> usize {
    match byte {
        b' ' => 0,
        b'a'..=b'z' => LETTERS.iter().position(|&l| l == byte).map_or(0, |i| i + 1),
        b'0'..=b'9' => 20,
        _ => 24,
    }
}

impl Needle {
    /// `None` for an empty (or all-blank) query.
    pub fn new(query: &str) -> Option<Needle> {
        let query = query.trim();
        if query.is_empty() {
            return None;
        }
        let lower: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
        let ascii = query.is_ascii().then(|| {
            let bytes: Vec<u8> = query.bytes().map(|b| b.to_ascii_lowercase()).collect();
            let rare = (0..bytes.len())
                .rev()
                .max_by_key(|&i| rarity(bytes[i]))
                .unwrap_or(0);
            Ascii { bytes, rare }
        });
        Some(Needle { lower, ascii })
    }

    pub fn is_in(&self, haystack: &str) -> bool {
        self.find_from(haystack, 0).is_some()
    }

    /// Every non-overlapping match as a byte range, in order.
    pub fn find_all(&self, haystack: &str) -> Vec<(usize, usize)> {
        self.matches_in(haystack, 0..haystack.len()).0
    }

    /// The matches that start in `range` (which must start on a char
    /// boundary), and where a scan of what follows should start. Reads only
    /// a little past `range.end`, so a long text can be searched a slice at
    /// a time.
    pub fn matches_in(&self, haystack: &str, range: Range<usize>) -> (Vec<(usize, usize)>, usize) {
        // A match is at most four bytes for each char of the query.
        let mut limit = range
            .end
            .saturating_add(4 * self.lower.len())
            .min(haystack.len());
        while !haystack.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &haystack[..limit];
        let mut found = Vec::new();
        let mut at = range.start;
        while let Some((start, end)) = self.find_from(window, at) {
            if start >= range.end {
                break;
            }
            found.push((start, end));
            at = end.max(start + 1);
        }
        (found, at.max(range.end).min(haystack.len()))
    }

    /// The first match at or after byte `from` (a char boundary).
    pub fn find_from(&self, haystack: &str, from: usize) -> Option<(usize, usize)> {
        match &self.ascii {
            Some(ascii) => find_ascii(haystack.as_bytes(), from, ascii),
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

/// The rare byte found with `memchr`, then the whole needle checked.
fn find_ascii(hay: &[u8], from: usize, needle: &Ascii) -> Option<(usize, usize)> {
    let len = needle.bytes.len();
    let byte = needle.bytes[needle.rare];
    let upper = byte.to_ascii_uppercase();
    let mut at = from.checked_add(needle.rare)?;
    while at < hay.len() {
        let rest = &hay[at..];
        let hit = if upper == byte {
            memchr::memchr(byte, rest)
        } else {
            memchr::memchr2(byte, upper, rest)
        }?;
        let start = at + hit - needle.rare;
        if hay
            .get(start..start + len)
            .is_some_and(|w| w.eq_ignore_ascii_case(&needle.bytes))
        {
            return Some((start, start + len));
        }
        at += hit + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn finds_every_match_ignoring_case() {
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
        assert_eq!(
            Needle::new("aa").unwrap().find_all("aaaaa"),
            [(0, 2), (2, 4)]
        );
        assert_eq!(Needle::new("x").unwrap().find_all("«x»"), [(2, 3)]);
    }

    #[test]
    fn the_rarest_byte_leads_the_scan() {
        assert_eq!(Needle::new("gates").unwrap().ascii.unwrap().rare, 0);
        assert_eq!(Needle::new("the quiz").unwrap().ascii.unwrap().rare, 7);
        assert_eq!(Needle::new("2026").unwrap().ascii.unwrap().rare, 0);
    }

    #[test]
    fn slices_find_what_the_whole_finds() {
        let text = "Gates, gates and GATES: «gates» ".repeat(50);
        for query in ["gates", "es a", "«gates»", "GATES: «"] {
            let needle = Needle::new(query).unwrap();
            let mut sliced = Vec::new();
            let mut at = 0;
            while at < text.len() {
                let mut end = (at + 7).min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                let (found, next) = needle.matches_in(&text, at..end);
                sliced.extend(found);
                at = next;
            }
            assert_eq!(sliced, needle.find_all(&text), "{query}");
        }
    }

    /// The simple definition: every char position, lower-cased compare.
    fn simple(needle: &Needle, text: &str) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(hit) = needle.find_chars_from(text, at) {
            found.push(hit);
            at = hit.1.max(hit.0 + 1);
        }
        found
    }

    proptest! {
        #[test]
        fn the_fast_path_agrees_with_the_simple_one(
            text in "[a-zA-Z é«»0-9]{0,200}",
            query in "[a-zA-Z 0-9]{1,5}",
        ) {
            if let Some(needle) = Needle::new(&query) {
                prop_assert_eq!(needle.find_all(&text), simple(&needle, &text));
            }
        }
    }
}
