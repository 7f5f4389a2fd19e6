//! Recognising the shape of an article file, and reading the items of an
//! array so that everything before a break in the JSON is kept.

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
use std::fmt;

/// What a file holds, judged from its first bytes (docs/formats.md).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Shape {
    Empty,
    /// One object per line.
    Lines,
    /// An array of article objects.
    Array,
    /// One article, or an envelope of articles (see [`super::envelope`]).
    Object,
    /// Not JSON at all; says what it looks like.
    NotJson(String),
}

/// `lines` is true when the file's name promises JSON Lines.
pub(super) fn shape(text: &str, lines: bool) -> Shape {
    let trimmed = text.trim_start();
    match trimmed.bytes().next() {
        None => Shape::Empty,
        Some(_) if lines => Shape::Lines,
        Some(b'[') => Shape::Array,
        Some(b'{') if second_line_opens_object(trimmed) => Shape::Lines,
        Some(b'{') => Shape::Object,
        Some(b'<') => Shape::NotJson("it looks like HTML or XML".to_owned()),
        Some(_) => Shape::NotJson(format!(
            "it starts with \u{201c}{}\u{201d}",
            opening(trimmed)
        )),
    }
}

/// Enough of a stream's start has been read for [`shape`] to judge it as
/// it would the whole: past the first non-blank byte, and for an object,
/// past its first line and up to the next non-blank byte when that line
/// could be a whole object.
pub(super) fn shape_settled(head: &str) -> bool {
    let trimmed = head.trim_start();
    match trimmed.bytes().next() {
        None => false,
        Some(b'{') => trimmed.find('\n').is_some_and(|end| {
            !trimmed[..end].trim_end().ends_with('}') || !trimmed[end..].trim().is_empty()
        }),
        Some(_) => true,
    }
}

/// JSON Lines without the file name saying so: the first line is an object
/// and the next non-blank line starts another.
fn second_line_opens_object(text: &str) -> bool {
    let mut lines = text.lines().filter(|line| !line.trim().is_empty());
    let first = lines.next().unwrap_or("").trim_end();
    first.ends_with('}')
        && lines
            .next()
            .is_some_and(|line| line.trim_start().starts_with('{'))
}

/// The first few characters of a text, for a message.
fn opening(text: &str) -> String {
    let line = text.lines().next().unwrap_or("");
    let mut out: String = line.chars().filter(|c| !c.is_control()).take(24).collect();
    if out.len() < line.len() {
        out.push('…');
    }
    out
}

/// Collects the raw items of an array, one by one, so that the ones before
/// a syntax error are kept. Anything but an array clears `is_array`.
pub(super) struct Items<'a, 'de> {
    out: &'a mut Vec<&'de RawValue>,
    is_array: &'a mut bool,
}

impl<'a, 'de> Items<'a, 'de> {
    pub(super) fn new(out: &'a mut Vec<&'de RawValue>, is_array: &'a mut bool) -> Self {
        Self { out, is_array }
    }
}

impl<'de> DeserializeSeed<'de> for Items<'_, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Items<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of articles")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        *self.is_array = true;
        while let Some(item) = seq.next_element::<&'de RawValue>()? {
            self.out.push(item);
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        *self.is_array = false;
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.not_array()
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.not_array()
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.not_array()
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.not_array()
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.not_array()
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.not_array()
    }
}

impl Items<'_, '_> {
    #[allow(clippy::unnecessary_wraps)] // the visitor's signature
    fn not_array<E>(self) -> Result<(), E> {
        *self.is_array = false;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_from_first_bytes() {
        let cases = [
            ("", false, Shape::Empty),
            (" \n\t", false, Shape::Empty),
            ("[{}]", false, Shape::Array),
            ("\n {\"title\": \"a\"}", false, Shape::Object),
            ("{\n  \"title\": \"a\"\n}", false, Shape::Object),
            (
                "{\"title\": \"a\"}\n{\"title\": \"b\"}",
                false,
                Shape::Lines,
            ),
            (
                "{\"title\": \"a\"}\n\n  {\"title\": \"b\"}",
                false,
                Shape::Lines,
            ),
            ("{\"title\": \"a\"}", true, Shape::Lines),
            ("[1]", true, Shape::Lines),
            (
                "<!DOCTYPE html>",
                false,
                Shape::NotJson("it looks like HTML or XML".into()),
            ),
            (
                "hello",
                false,
                Shape::NotJson("it starts with \u{201c}hello\u{201d}".into()),
            ),
        ];
        for (text, lines, want) in cases {
            assert_eq!(shape(text, lines), want, "{text:?}");
        }
    }

    #[test]
    fn a_stream_start_is_settled_once_lines_can_be_told_apart() {
        let cases = [
            ("", false),
            ("  \n", false),
            ("[", true),
            ("x", true),
            ("{\"title\": \"a\"", false),
            ("{\"title\": \"a\"}", false),
            ("{\"title\": \"a\"}\n", false),
            ("{\"title\": \"a\"}\n \n", false),
            ("{\"title\": \"a\"}\n{", true),
            ("{\"title\": \"a\"}\r\n\r\n{", true),
            ("{\n", true),
        ];
        for (head, settled) in cases {
            assert_eq!(shape_settled(head), settled, "{head:?}");
        }
    }

    proptest::proptest! {
        /// Once a start is settled, whether the stream is JSON Lines is
        /// what the whole text would say.
        #[test]
        fn a_settled_start_judges_as_the_whole(
            text in "[{}\\[a \r\n]{0,40}",
            cut in 0usize..40,
        ) {
            let cut = cut.min(text.len());
            let head = &text[..cut];
            if shape_settled(head) {
                proptest::prop_assert_eq!(
                    shape(head, false) == Shape::Lines,
                    shape(&text, false) == Shape::Lines,
                    "{:?} of {:?}", head, text
                );
            }
        }
    }
}
