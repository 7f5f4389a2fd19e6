//! Cleaning text read from files before it can reach a terminal.
//!
//! Every string field of an article goes through here once, at load time:
//!
//! 1. HTML entities that news feeds leave in text are decoded (`&#8217;`,
//!    `&ldquo;`, `&amp;`), first, so an entity cannot smuggle a control
//!    character past the later steps;
//! 2. whole escape sequences are removed (CSI, OSC, DCS/SOS/PM/APC strings,
//!    other two-byte `ESC x`), in their 7-bit and 8-bit (C1) forms;
//! 3. C0 controls other than `\n` and `\t`, DEL, C1 controls, bidi
//!    overrides, isolates and marks (U+061C too), zero-width characters,
//!    soft hyphens and Unicode tag characters are removed; `\r\n` and a
//!    lone `\r` become `\n`, the line separator U+2028 too, the paragraph
//!    separator U+2029 a blank line; tabs become spaces;
//! 4. the result is normalised to NFC.
//!
//! Clean text (the common case) is recognised up front, in one pass over
//! its bytes, and kept as it is.

use std::borrow::Cow;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

const TAB_STOP: usize = 4;
const ESC: char = '\u{1b}';
const BEL: char = '\u{7}';

/// Cleans a multi-line text (a body): keeps line breaks.
pub fn clean_text(text: &str) -> String {
    if is_clean(text) {
        text.to_owned()
    } else {
        clean_unclean(text)
    }
}

/// [`clean_text`] of a string that can be given up: kept as it is (not
/// copied) when it is clean already.
pub fn clean_owned(text: String) -> String {
    if is_clean(&text) {
        text
    } else {
        clean_unclean(&text)
    }
}

/// [`clean_owned`] of text whose entities are decoded already (text from
/// the HTML tokenizer): decoding again would turn `&amp;lt;` into `<`.
pub fn clean_decoded(text: String) -> String {
    if scan::<true>(&text) {
        text
    } else {
        nfc(strip_controls(&text))
    }
}

/// The steps, for text [`is_clean`] has turned down.
fn clean_unclean(text: &str) -> String {
    let decoded = decode_entities(text);
    // Entities are the usual reason text is not clean: once they are
    // decoded, the rest is most often clean (an `&` from `&amp;` stays).
    if scan::<true>(&decoded) {
        return decoded.into_owned();
    }
    let stripped = strip_controls(&decoded);
    nfc(stripped)
}

/// Cleans a one-line field (title, source, author…): line breaks and runs of
/// white space become one space, and the ends are trimmed.
pub fn clean_line(text: &str) -> String {
    let cleaned = clean_text(text);
    if !cleaned.contains(['\n', ' ']) {
        return cleaned;
    }
    one_line(&cleaned)
}

/// Clean text on one line: line breaks and runs of white space become one
/// space, and the ends are trimmed.
pub fn one_line(cleaned: &str) -> String {
    let mut out = String::with_capacity(cleaned.len());
    for word in cleaned.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// True when no step would change `text`: no entity, no control, tab, CR
/// or invisible character, and already NFC. One pass over the bytes (the
/// characters removed are recognised by their UTF-8 encodings, plain ASCII
/// is passed eight bytes at a time), then the NFC quick check over the
/// non-ASCII stretches.
fn is_clean(text: &str) -> bool {
    scan::<false>(text)
}

/// [`is_clean`], with `&` allowed when `AMP_OK`: for text whose entities
/// are decoded already.
fn scan<const AMP_OK: bool>(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Only ASCII and general punctuation so far: NFC without a check.
    let mut plain = true;
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at a time up to the first that needs a look.
        if let Some(chunk) = bytes
            .get(i..i + 8)
            .and_then(|c| <[u8; 8]>::try_from(c).ok())
        {
            let odd = odd_bytes(chunk);
            if odd == 0 {
                i += 8;
                continue;
            }
            i += odd.trailing_zeros() as usize / 8;
        }
        let b = bytes[i];
        match b {
            b'\n' | 0x20..=0x25 | 0x27..=0x7e => {}
            b'&' if AMP_OK => {}
            0x00..=0x1f | b'&' | 0x7f => return false,
            0xc2 if matches!(bytes.get(i + 1), Some(0x80..=0x9f | 0xad)) => return false,
            0xd8 if bytes.get(i + 1) == Some(&0x9c) => return false,
            0xf3 if matches!(bytes.get(i + 1..i + 3), Some([0xa0, 0x80 | 0x81])) => return false,
            0xe2 => {
                let (invisible, punctuation) = match (bytes.get(i + 1), bytes.get(i + 2)) {
                    (Some(0x80), Some(&c)) => (matches!(c, 0x8b..=0x8f | 0xa8..=0xae), c >= 0x82),
                    (Some(0x81), Some(&c)) => (matches!(c, 0xa0..=0xa4 | 0xa6..=0xa9), c <= 0xaf),
                    _ => (false, false),
                };
                if invisible {
                    return false;
                }
                // U+2002–U+206F (dashes, curly quotes, ellipsis), like ASCII,
                // are NFC and combine with nothing, whatever follows them.
                plain &= punctuation;
            }
            0xef if bytes.get(i + 1..i + 3) == Some(&[0xbb, 0xbf]) => return false,
            _ => plain = false,
        }
        // On to the next character: a lead byte tells its length.
        i += (b.leading_ones() as usize).max(1);
    }
    plain || is_nfc(text)
}

/// The bytes of `chunk` that need a look, by their high bits: non-ASCII,
/// control characters (`\n` among them), DEL and `&`. Each test is exact
/// for every byte, as each works on the low seven bits, where no carry or
/// borrow crosses into the next byte.
fn odd_bytes(chunk: [u8; 8]) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW: u64 = !HIGH;
    let x = u64::from_le_bytes(chunk);
    let y = x & LOW;
    let control = !(y | HIGH).wrapping_sub(0x20 * ONES) & HIGH;
    let del = y.wrapping_add(ONES) & HIGH;
    let amp = !(y ^ (u64::from(b'&') * ONES)).wrapping_add(LOW) & HIGH;
    (x & HIGH) | control | del | amp
}

/// Where the first non-ASCII byte from `from` on is, eight bytes at a time.
fn next_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let high = u64::from_le_bytes(chunk) & HIGH;
        if high != 0 {
            return Some(at + high.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    bytes[at..]
        .iter()
        .position(|b| !b.is_ascii())
        .map(|n| at + n)
}

/// The NFC quick check says yes, asked only of the stretches of non-ASCII
/// characters: an ASCII character is always NFC and of combining class 0,
/// so the check carries nothing across one.
fn is_nfc(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(start) = next_non_ascii(bytes, at) {
        let end = bytes[start..]
            .iter()
            .position(u8::is_ascii)
            .map_or(bytes.len(), |n| start + n);
        if is_nfc_quick(text[start..end].chars()) != IsNormalized::Yes {
            return false;
        }
        at = end;
    }
    true
}

fn decode_entities(text: &str) -> Cow<'_, str> {
    if text.contains('&') {
        html_escape::decode_html_entities(text)
    } else {
        Cow::Borrowed(text)
    }
}

fn nfc(text: String) -> String {
    if is_nfc(&text) {
        text
    } else {
        text.nfc().collect()
    }
}

/// The characters that are dropped wherever they stand.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{ad}' | '\u{61c}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}'
        | '\u{e0000}'..='\u{e007f}')
}

/// Steps 2 and 3: one pass over the characters.
fn strip_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut column = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ESC => skip_escape(&mut chars),
            // The 8-bit CSI is removed with its parameters. The other 8-bit
            // introducers are removed alone: they turn up in mis-decoded text
            // (`â€\u{9d}` for `”`), where skipping a "string" would eat words.
            '\u{9b}' => skip_csi(&mut chars),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
                column = 0;
            }
            '\n' | '\u{2028}' => {
                out.push('\n');
                column = 0;
            }
            '\u{2029}' => {
                out.push_str("\n\n");
                column = 0;
            }
            '\t' => {
                let width = TAB_STOP - column % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', width));
                column += width;
            }
            c if is_invisible(c) => {}
            c => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// After an `ESC`: removes the rest of the sequence it starts.
fn skip_escape(chars: &mut Chars<'_>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        // `ESC`, any intermediates (0x20–0x2F), then one final character.
        Some(_) => {
            while chars
                .next_if(|c| ('\u{20}'..='\u{2f}').contains(c))
                .is_some()
            {}
            chars.next_if(|c| !c.is_control() && *c != '\n');
        }
        None => {}
    }
}

/// A control sequence: parameters and intermediates, then a final byte
/// (0x40–0x7E). A character outside those classes ends it early, and is kept.
fn skip_csi(chars: &mut Chars<'_>) {
    while chars
        .next_if(|c| ('\u{20}'..='\u{3f}').contains(c))
        .is_some()
    {}
    chars.next_if(|c| ('\u{40}'..='\u{7e}').contains(c));
}

/// A control string (OSC, DCS, SOS, PM, APC) runs to BEL or ST. One left
/// open ends at the line break, so it cannot swallow the rest of the text.
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(c) = chars.next_if(|c| *c != '\n') {
        match c {
            BEL | '\u{9c}' => return,
            ESC => {
                chars.next_if_eq(&'\\');
                return;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What [`is_clean`] answers, read off the characters.
    fn clean_by_the_chars(text: &str) -> bool {
        !text.chars().any(|c| {
            is_invisible(c)
                || matches!(c, '\t' | '\r' | '&' | '\u{1b}' | '\u{2028}' | '\u{2029}')
                || (c.is_control() && c != '\n')
        }) && is_nfc_quick(text.chars()) == IsNormalized::Yes
    }

    #[test]
    fn invisible_characters_that_hide_text_are_removed() {
        let text = "a\u{ad}b\u{61c}c\u{e0041}\u{e007f}d\u{2028}e\u{2029}f";
        assert!(!is_clean(text));
        assert_eq!(clean_text(text), "abcd\ne\n\nf");
        assert_eq!(clean_line(text), "abcd e f");
    }

    proptest! {
        #[test]
        fn a_clean_text_is_left_as_it_is(text in any::<String>()) {
            if is_clean(&text) {
                let decoded = decode_entities(&text);
                prop_assert_eq!(nfc(strip_controls(&decoded)), text);
            }
        }

        #[test]
        fn decoded_entities_take_no_shortcut_that_changes_the_result(
            text in "([ -~]{0,12}|&amp;|&#27;|&#x1b;|&lt;|&#x200B;|&#8217;|&#x301;|&#9;|&#13;|é|\u{301}|\t|\n)*"
        ) {
            let decoded = decode_entities(&text);
            prop_assert_eq!(clean_text(&text), nfc(strip_controls(&decoded)));
        }

        #[test]
        fn clean_ascii_by_the_bytes_agrees_with_the_chars(text in "([ -~]{0,20}[\n\t\r&\u{1}\u{7f}\u{80}é\u{301}\u{323}\u{653}\u{3099}’\u{200b}\u{2000}-\u{2080}]?)*") {
            prop_assert_eq!(is_clean(&text), clean_by_the_chars(&text));
        }

        #[test]
        fn odd_bytes_are_found_byte_by_byte(chunk in any::<[u8; 8]>()) {
            let odd = odd_bytes(chunk);
            for (k, b) in chunk.into_iter().enumerate() {
                let expected = !(0x20..0x7f).contains(&b) || b == b'&';
                prop_assert_eq!(odd >> (8 * k + 7) & 1 == 1, expected, "byte {:#x}", b);
            }
        }

        #[test]
        fn clean_punctuation_by_the_bytes_agrees_with_the_chars(text in "[a\u{2000}-\u{2080}\u{301}\u{653}\u{3099}]{0,8}") {
            prop_assert_eq!(is_clean(&text), clean_by_the_chars(&text));
        }

        #[test]
        fn clean_by_the_bytes_agrees_with_the_chars(text in "(\\PC|[\u{80}-\u{9f}\u{ad}\u{61c}\u{200b}-\u{200f}\u{2028}\u{2029}\u{202a}-\u{202e}\u{2060}-\u{2069}\u{feff}\u{e0000}-\u{e007f}\u{e0100}\t\r&])*") {
            prop_assert_eq!(is_clean(&text), clean_by_the_chars(&text));
        }
    }

    #[test]
    fn punctuation_needs_no_nfc_check_but_two_spaces_do() {
        assert!(is_clean("“Yes” — no… ‘maybe’"));
        // U+2000 and U+2001 are canonically U+2002 and U+2003.
        assert!(!is_clean("a\u{2000}b"));
        assert!(!is_clean("\u{2001}"));
        assert!(!is_clean("a\u{2070}\u{653}"));
        assert_eq!(clean_text("a\u{2000}b"), "a\u{2002}b");
    }

    #[test]
    fn removes_escape_sequences_whole() {
        let cases = [
            ("csi colour", "a\u{1b}[31mRED\u{1b}[0m", "aRED"),
            ("csi clear", "x\u{1b}[2J\u{1b}[H", "x"),
            ("csi private", "x\u{1b}[?1049hy", "xy"),
            (
                "osc title bel",
                "Breaking\u{1b}]0;PWNED\u{7} news",
                "Breaking news",
            ),
            ("osc title st", "a\u{1b}]2;t\u{1b}\\b", "ab"),
            (
                "osc hyperlink",
                "\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\",
                "link",
            ),
            ("osc unterminated", "a\u{1b}]0;title\nnext", "a\nnext"),
            ("dcs", "a\u{1b}Pq#0;2;0\u{1b}\\b", "ab"),
            ("apc", "a\u{1b}_G hidden\u{1b}\\b", "ab"),
            ("two byte", "a\u{1b}cb\u{1b}7c", "abc"),
            ("charset", "a\u{1b}(Bb", "ab"),
            ("8-bit csi", "\u{9b}31mX", "X"),
            ("8-bit osc alone", "a\u{9d}0;t\u{9c}b", "a0;tb"),
            (
                "mojibake quote",
                "\u{e2}\u{20ac}\u{9d}word",
                "\u{e2}\u{20ac}word",
            ),
            ("lone esc at end", "abc\u{1b}", "abc"),
        ];
        for (name, input, want) in cases {
            assert_eq!(clean_text(input), want, "{name}");
        }
    }

    #[test]
    fn removes_controls_and_invisible_characters() {
        let cases = [
            ("nul and bell", "a\u{0}b\u{7}c", "abc"),
            ("backspace", "ab\u{8}c", "abc"),
            ("del", "a\u{7f}b", "ab"),
            ("c1", "a\u{85}\u{80}\u{9f}b", "ab"),
            ("bidi override", "\u{202e}evil\u{202c}", "evil"),
            ("bidi isolates", "\u{2066}a\u{2069}\u{2067}b\u{2068}", "ab"),
            (
                "zero width",
                "in\u{200b}vis\u{200d}ible\u{feff}",
                "invisible",
            ),
            ("lrm rlm", "a\u{200e}b\u{200f}c", "abc"),
            ("crlf", "one\r\ntwo\rthree", "one\ntwo\nthree"),
            ("newlines kept", "a\n\nb", "a\n\nb"),
        ];
        for (name, input, want) in cases {
            assert_eq!(clean_text(input), want, "{name}");
        }
    }

    #[test]
    fn expands_tabs_to_the_next_stop() {
        assert_eq!(clean_text("a\tb"), "a   b");
        assert_eq!(clean_text("\tx\nabcd\ty"), "    x\nabcd    y");
    }

    #[test]
    fn decodes_html_entities_once() {
        let cases = [
            ("numeric", "it&#8217;s", "it\u{2019}s"),
            ("hex", "&#x201C;hi&#x201D;", "\u{201c}hi\u{201d}"),
            ("named", "&ldquo;A &amp; B&rdquo;", "\u{201c}A & B\u{201d}"),
            ("nbsp", "a&nbsp;b", "a\u{a0}b"),
            ("double escaped stays once", "&amp;amp;", "&amp;"),
            ("not an entity", "R&D and AT&T", "R&D and AT&T"),
            ("entity of a control stays text", "a&#27;[2Jb", "a&#27;[2Jb"),
        ];
        for (name, input, want) in cases {
            assert_eq!(clean_text(input), want, "{name}");
        }
    }

    #[test]
    fn normalises_to_nfc() {
        assert_eq!(clean_text("Lefe\u{300}vre"), "Lef\u{e8}vre");
    }

    #[test]
    fn the_issue_example() {
        assert_eq!(
            clean_line("Breaking\u{1b}]0;PWNED\u{7} news\u{1b}[2J"),
            "Breaking news"
        );
        assert_eq!(
            clean_text("a\u{1b}[31mRED\u{1b}[0m \u{9b}31mX \u{202e}evil"),
            "aRED X evil"
        );
    }

    #[test]
    fn one_line_fields_fold_white_space() {
        assert_eq!(clean_line("  Two\nlines\t here "), "Two lines here");
        assert_eq!(clean_line("plain"), "plain");
    }

    proptest! {
        #[test]
        fn output_has_no_control_but_newline(text in any::<String>()) {
            let out = clean_text(&text);
            prop_assert!(out.chars().all(|c| c == '\n' || !c.is_control()), "{out:?}");
            prop_assert!(!out.chars().any(is_invisible));
        }

        #[test]
        fn escape_heavy_input_is_clean(parts in proptest::collection::vec(
            prop_oneof![
                Just("\u{1b}".to_owned()), Just("[".to_owned()), Just("]".to_owned()),
                Just("\u{9b}".to_owned()), Just("\u{7}".to_owned()), Just("&#27;".to_owned()),
                Just("&amp;".to_owned()), Just("\r".to_owned()), Just("\t".to_owned()),
                "[a-z0-9;?]{0,3}",
            ], 0..40)) {
            let out = clean_line(&parts.concat());
            prop_assert!(!out.chars().any(char::is_control), "{out:?}");
        }

        #[test]
        fn plain_text_is_unchanged(text in "[ -%'-~\n]{0,80}") {
            prop_assert_eq!(clean_text(&text), text);
        }
    }
}
