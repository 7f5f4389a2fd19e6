//! Envelopes: the objects news APIs and feeds wrap their articles in.
//!
//! | member | whose |
//! |---|---|
//! | `articles` | `NewsAPI`, `GNews`, GDELT; an object with `results`: Event Registry |
//! | `items` | JSON Feed (its `title` is the source), Google Reader / `FreshRSS` |
//! | `entries` | Miniflux |
//! | `results`, `docs`, `data`, `news` | newsdata.io, `TheNewsAPI`, Currents… |
//! | `response.results`, `response.docs` | Guardian, New York Times |
//! | `_embedded.items` | wallabag |
//! | `list` (keyed by id) | Pocket |
//!
//! An object with one of these holding articles (objects) is an envelope,
//! never an article — unless it has a title and a body of its own, as an
//! article with a list of `items` does, or a title and `articles` (news
//! APIs give their lists no title; an article may list related ones). The object is read once; the
//! articles are kept as raw JSON, each parsed on its own, so everything
//! before a break in the file still loads.

use super::fields::{Field, KeySeed};
use super::shape::Items;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
use std::fmt;

/// A scalar where a list of articles might have been: there are none.
macro_rules! no_articles_in_scalars {
    () => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
            Ok(())
        }

        fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
            Ok(())
        }

        fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
            Ok(())
        }

        fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
            Ok(())
        }

        fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
            Ok(())
        }

        fn visit_unit<E: de::Error>(self) -> Result<(), E> {
            Ok(())
        }
    };
}

/// Members that hold the articles.
const WRAPPERS: &[&str] = &[
    "articles", "items", "entries", "results", "docs", "data", "news",
];
/// Members that hold an object with a wrapper inside.
const NESTS: &[&str] = &["response", "_embedded", "articles", "data"];

/// What the top level of a one-object file holds.
#[derive(Debug, Default)]
pub(super) struct Envelope<'de> {
    pub items: Vec<&'de RawValue>,
    /// A wrapper of articles was found (perhaps of none).
    wrapper: bool,
    /// It was `articles`.
    articles: bool,
    title: Option<String>,
    version: Option<String>,
    has_body: bool,
}

impl<'de> Envelope<'de> {
    /// Reads the object's members far enough to tell; the error is where
    /// the JSON broke, with the items before it kept.
    pub(super) fn read(text: &'de str) -> (Self, serde_json::Result<()>) {
        let mut envelope = Envelope::default();
        let mut de = serde_json::Deserializer::from_str(text);
        let result = Level {
            envelope: &mut envelope,
            nested: false,
        }
        .deserialize(&mut de)
        .and_then(|()| de.end());
        (envelope, result)
    }

    pub(super) fn is_envelope(&self) -> bool {
        let titled = self.title.is_some();
        self.wrapper && !(titled && (self.has_body || self.articles))
    }

    /// The source of the articles that name none: a JSON Feed's title.
    pub(super) fn source(&self) -> Option<&str> {
        let version = self.version.as_deref()?;
        version
            .starts_with("https://jsonfeed.org/version/")
            .then_some(self.title.as_deref()?)
    }
}

/// One level of an object: the top, or an object nested in it.
struct Level<'a, 'de> {
    envelope: &'a mut Envelope<'de>,
    nested: bool,
}

impl<'de> DeserializeSeed<'de> for Level<'_, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Level<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let key = key.as_ref();
            let open = !self.envelope.wrapper;
            if open && (WRAPPERS.contains(&key) || (!self.nested && NESTS.contains(&key))) {
                self.envelope.articles = !self.nested && key == "articles";
                map.next_value_seed(Wrapped {
                    envelope: self.envelope,
                    nested: self.nested,
                })?;
            } else if open && !self.nested && key == "list" {
                map.next_value_seed(Keyed(self.envelope))?;
            } else if !self.nested && (key == "title" || key == "version") {
                let value = map.next_value::<serde_json::Value>()?;
                let text = value.as_str().map(str::to_owned);
                match key {
                    "title" => self.envelope.title = text,
                    _ => self.envelope.version = text,
                }
            } else {
                // A member that gives an object a body of its own.
                self.envelope.has_body |= !self.nested && Field::Body.builtin().contains(&key);
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

/// A wrapper's value: an array of articles, or an object to look into.
struct Wrapped<'a, 'de> {
    envelope: &'a mut Envelope<'de>,
    nested: bool,
}

impl<'de> DeserializeSeed<'de> for Wrapped<'_, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Wrapped<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("articles")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        let envelope = self.envelope;
        // Set before reading, so items kept before a break still count.
        envelope.wrapper = true;
        let mut is_array = true;
        let result = Items::new(&mut envelope.items, &mut is_array).visit_seq(seq);
        // An array of strings or numbers is a list in an article.
        envelope.wrapper = envelope.items.is_empty()
            || envelope
                .items
                .iter()
                .any(|item| item.get().starts_with('{'));
        if !envelope.wrapper {
            envelope.items.clear();
        }
        result
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        if self.nested {
            return skip_map(map);
        }
        Level {
            envelope: self.envelope,
            nested: true,
        }
        .visit_map(map)
    }

    no_articles_in_scalars!();
}

fn skip_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Pocket's `list`: articles keyed by their id (an empty list is `[]`).
struct Keyed<'a, 'de>(&'a mut Envelope<'de>);

impl<'de> DeserializeSeed<'de> for Keyed<'_, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Keyed<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("articles keyed by id")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let envelope = self.0;
        envelope.wrapper = true;
        while let Some((_, item)) = map.next_entry::<IgnoredAny, &'de RawValue>()? {
            envelope.items.push(item);
        }
        envelope.wrapper = envelope
            .items
            .iter()
            .all(|item| item.get().starts_with('{'));
        if !envelope.wrapper {
            envelope.items.clear();
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        Wrapped {
            envelope: self.0,
            nested: true,
        }
        .visit_seq(seq)
    }

    no_articles_in_scalars!();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> (bool, usize, Option<String>) {
        let (envelope, result) = Envelope::read(json);
        result.unwrap();
        let source = envelope.source().map(str::to_owned);
        (envelope.is_envelope(), envelope.items.len(), source)
    }

    #[test]
    fn envelopes_of_every_tool() {
        let cases = [
            (
                r#"{"status": "ok", "articles": [{"title": "a"}, {"title": "b"}]}"#,
                2,
            ),
            (
                r#"{"version": "https://jsonfeed.org/version/1.1", "title": "F", "items": [{}]}"#,
                1,
            ),
            (r#"{"total": 1, "entries": [{"id": 1}]}"#, 1),
            (r#"{"response": {"status": "ok", "results": [{}, {}]}}"#, 2),
            (
                r#"{"status": "OK", "response": {"docs": [{}], "meta": {}}}"#,
                1,
            ),
            (r#"{"_embedded": {"items": [{}]}, "total": 1}"#, 1),
            (
                r#"{"status": 1, "list": {"12": {"item_id": "12"}, "13": {}}}"#,
                2,
            ),
            (r#"{"status": 2, "list": []}"#, 0),
            (r#"{"articles": {"results": [{}], "page": 1}}"#, 1),
            (r#"{"articles": []}"#, 0),
        ];
        for (json, items) in cases {
            let (is, n, _) = read(json);
            assert!(is, "{json}");
            assert_eq!(n, items, "{json}");
        }
    }

    #[test]
    fn articles_with_lists_are_articles() {
        for json in [
            r#"{"title": "T", "body": "B", "items": [{"x": 1}]}"#,
            r#"{"title": "T", "items": ["a", "b"]}"#,
            r#"{"title": "T", "data": 5}"#,
            r#"{"title": "T", "list": {"a": 1}}"#,
            r#"{"title": "T", "extra": {"response": {"results": [{}]}}}"#,
            r#"{"title": "Main", "articles": [{"title": "Related"}]}"#,
        ] {
            assert!(!read(json).0, "{json}");
        }
    }

    #[test]
    fn only_a_json_feed_gives_its_title_as_source() {
        let feed =
            r#"{"version": "https://jsonfeed.org/version/1", "title": "Quay Post", "items": []}"#;
        assert_eq!(read(feed).2.as_deref(), Some("Quay Post"));
        let reader = r#"{"id": "user/-/state/com.google/reading-list", "title": "Reading list", "items": []}"#;
        assert_eq!(read(reader).2, None);
    }

    #[test]
    fn items_before_a_break_are_kept() {
        let (envelope, result) = Envelope::read(r#"{"articles": [{"title": "a"}, {"title": "#);
        assert!(result.is_err());
        assert!(envelope.is_envelope());
        assert_eq!(envelope.items.len(), 1);
    }
}
