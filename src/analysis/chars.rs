//! Character classes as the analysis asks them, millions of times a text.
//!
//! The standard `char::is_alphabetic` and `is_alphanumeric` answer ASCII
//! at once but look every other character up in general tables, slowly.
//! News text is full of characters from the general punctuation block
//! (curly quotes and apostrophes, dashes, the ellipsis), which holds no
//! letter or digit: they are answered here without the lookup.

/// U+2000..U+206F: spaces, dashes, quotes, the ellipsis; no letter, no digit.
#[inline]
fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206f}').contains(&c)
}

/// [`char::is_alphabetic`], faster on punctuation.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        !is_general_punctuation(c) && c.is_alphabetic()
    }
}

/// [`char::is_alphanumeric`], faster on punctuation.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !is_general_punctuation(c) && c.is_alphanumeric()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_tests() {
        let samples = ('\u{0}'..='\u{2fff}').chain(['É', '7', '“', '’', '—', '中', '\u{1f600}']);
        for c in samples {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
