//! Where each field of an article sits in the JSON that news tools write.
//!
//! A record is read once, keeping only the members some mapping names
//! ([`Record`]); each field of an [`Article`](super::Article) is then the
//! first of its paths (`headline.main`, `canonical.0.href`) whose value has
//! a usable type. byline's own names come first, then those of the tools
//! in `docs/formats.md`; the paths of the user's `[formats.NAME]` tables go
//! before all of them.

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;
use std::fmt;

/// The fields of an article that are read from paths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The article's id.
    Id,
    /// The headline.
    Title,
    /// The subheading.
    Subtitle,
    /// The text.
    Body,
    /// The bylines.
    Authors,
    /// The outlet.
    Source,
    /// The story's address.
    Url,
    /// The publication date.
    Published,
}

impl Field {
    /// Every field.
    pub const ALL: [Field; 8] = [
        Field::Id,
        Field::Title,
        Field::Subtitle,
        Field::Body,
        Field::Authors,
        Field::Source,
        Field::Url,
        Field::Published,
    ];

    /// The name of the field in a `[formats.NAME]` table.
    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Title => "title",
            Field::Subtitle => "subtitle",
            Field::Body => "body",
            Field::Authors => "authors",
            Field::Source => "source",
            Field::Url => "url",
            Field::Published => "published",
        }
    }

    /// byline's own names for this field (the original article format): a
    /// value of the wrong type under one of these is reported. Other
    /// tools' names are read where their type fits and passed over where
    /// it does not: an object under `content` is a Google Reader body, not
    /// a mistake.
    pub fn is_contract(self, path: &str) -> bool {
        let names: &[&str] = match self {
            Field::Id => &["id"],
            Field::Title => &["title"],
            Field::Subtitle => &["subtitle", "description", "standfirst", "summary"],
            Field::Body => &["body", "content", "text"],
            Field::Authors => &["author", "authors", "byline"],
            Field::Source => &["source"],
            Field::Url => &["url"],
            Field::Published => &["published", "publishedAt", "date"],
        };
        names.contains(&path)
    }

    /// The tools' paths for this field, byline's own first (see
    /// `docs/formats.md` for whose each is).
    pub fn builtin(self) -> &'static [&'static str] {
        match self {
            Field::Id => &["id", "_id", "item_id", "uuid", "guid"],
            Field::Title => &[
                "title",
                "headline.main",
                "headline",
                "webTitle",
                "fields.headline",
                "resolved_title",
                "given_title",
            ],
            Field::Subtitle => &[
                "subtitle",
                "description",
                "standfirst",
                "meta_description",
                "summary",
                "trailText",
                "fields.trailText",
                "fields.standfirst",
                "excerpt",
                "abstract",
                "snippet",
            ],
            Field::Body => &[
                "body",
                "content",
                "text",
                "maintext",
                "articleBody",
                "content_html",
                "content_text",
                "fields.body",
                "fields.bodyText",
                "content.content",
                "summary.content",
                "lead_paragraph",
                "abstract",
                "excerpt",
            ],
            Field::Authors => &[
                "author",
                "authors",
                "byline.original",
                "byline",
                "fields.byline",
                "published_by",
                "creator",
            ],
            Field::Source => &[
                "source.name",
                "source.title",
                "source",
                "source_name",
                "source-hostname",
                "sitename",
                "source_domain",
                "meta_site_name",
                "site_name",
                "publisher.name",
                "publisher",
                "domain_metadata.name",
                "feed.title",
                "origin.title",
                "domain_name",
                "domain",
            ],
            Field::Url => &[
                "url",
                "webUrl",
                "web_url",
                "link",
                "resolved_url",
                "given_url",
                "canonical_link",
                "canonical.0.href",
                "alternate.0.href",
                "source",
            ],
            Field::Published => &[
                "published",
                "publishedAt",
                "date",
                "date_publish",
                "publish_date",
                "pub_date",
                "pubDate",
                "webPublicationDate",
                "published_at",
                "date_published",
                "datePublished",
                "dateTime",
                "published_date",
                "seendate",
            ],
        }
    }
}

/// Members read for other reasons than a field's paths: photo captions,
/// read state. In the order of [`Other`].
const OTHER_MEMBERS: [&str; 5] = ["images", "status", "is_archived", "categories", "read"];

/// A member read for another reason than a field's paths.
#[derive(Debug, Clone, Copy)]
pub enum Other {
    Images,
    Status,
    IsArchived,
    Categories,
    Read,
}

/// The first member of every built-in path (a member's place in the
/// sorted list is its id in a [`Record`]), and each field's paths with
/// their first member looked up once.
struct Builtin {
    /// The members by length, for a look-up that compares one or two names
    /// (this runs for every member of every record).
    by_length: Vec<Vec<(&'static str, u8)>>,
    paths: [Vec<Compiled>; Field::ALL.len()],
    /// The members each field's paths start from, as a mask.
    masks: [u128; Field::ALL.len()],
    other: [Compiled; OTHER_MEMBERS.len()],
}

/// A built-in path: the id of its first member and the rest of it.
#[derive(Debug, Clone, Copy)]
pub struct Compiled {
    pub path: &'static str,
    id: u8,
    rest: Option<&'static str>,
}

static BUILTIN: std::sync::LazyLock<Builtin> = std::sync::LazyLock::new(|| {
    let mut members: Vec<&'static str> = Field::ALL
        .iter()
        .flat_map(|field| field.builtin())
        .map(|path| first_member(path))
        .chain(OTHER_MEMBERS.iter().copied())
        .collect();
    members.sort_unstable();
    members.dedup();
    assert!(members.len() <= 128, "a record's mask holds 128 members");
    let compile = |path: &'static str| {
        let (first, rest) = match path.split_once('.') {
            Some((first, rest)) => (first, Some(rest)),
            None => (path, None),
        };
        let id = members.binary_search(&first).unwrap_or_default();
        Compiled {
            path,
            id: u8::try_from(id).unwrap_or_default(),
            rest,
        }
    };
    let paths = Field::ALL.map(|field| field.builtin().iter().map(|p| compile(p)).collect());
    let other = OTHER_MEMBERS.map(compile);
    let masks = paths
        .each_ref()
        .map(|paths: &Vec<Compiled>| paths.iter().fold(0, |mask, p| mask | 1 << p.id));
    let mut by_length: Vec<Vec<(&'static str, u8)>> = Vec::new();
    for (id, name) in members.iter().enumerate() {
        if by_length.len() <= name.len() {
            by_length.resize(name.len() + 1, Vec::new());
        }
        by_length[name.len()].push((name, u8::try_from(id).unwrap_or_default()));
    }
    Builtin {
        by_length,
        paths,
        masks,
        other,
    }
});

/// The id of a built-in member.
#[inline]
fn member_id(name: &str) -> Option<u8> {
    BUILTIN
        .by_length
        .get(name.len())?
        .iter()
        .find(|(member, _)| *member == name)
        .map(|&(_, id)| id)
}

/// The built-in paths of `field`, ready for [`Record::get_compiled`].
pub fn compiled(field: Field) -> &'static [Compiled] {
    &BUILTIN.paths[field as usize]
}

pub fn first_member(path: &str) -> &str {
    path.split('.').next().unwrap_or(path)
}

/// The members of one article object that some path or rule reads:
/// built-in ones by id (with a mask of which are there, so most paths are
/// passed over without a look), the user's by name.
#[derive(Debug, Default)]
pub struct Record {
    builtin: Vec<(u8, Value)>,
    present: u128,
    other: Vec<(String, Value)>,
}

impl Record {
    /// A record from an object already read as a value.
    pub fn from_map(map: serde_json::Map<String, Value>) -> Self {
        let mut record = Record::default();
        for (name, value) in map {
            record.push(name.into(), value);
        }
        record
    }

    fn push(&mut self, name: std::borrow::Cow<'_, str>, value: Value) {
        match member_id(&name) {
            Some(id) => {
                self.present |= 1 << id;
                self.builtin.push((id, value));
            }
            None => self.other.push((name.into_owned(), value)),
        }
    }

    /// The value at a dotted path, `None` when it is absent or `null`.
    pub fn get(&self, path: &str) -> Option<&Value> {
        let (first, rest) = match path.split_once('.') {
            Some((first, rest)) => (first, Some(rest)),
            None => (path, None),
        };
        let value = match member_id(first) {
            Some(id) => self.member(id)?,
            None => self
                .other
                .iter()
                .rev()
                .find(|(name, _)| name == first)
                .map(|(_, v)| v)?,
        };
        walk(value, rest)
    }

    /// Whether any built-in path of `field` may have a value here.
    #[inline]
    pub fn may_have(&self, field: Field) -> bool {
        self.present & BUILTIN.masks[field as usize] != 0
    }

    /// [`Record::get`] of a built-in path.
    #[inline]
    pub fn get_compiled(&self, path: &Compiled) -> Option<&Value> {
        if self.present & (1 << path.id) == 0 {
            return None;
        }
        walk(self.member(path.id)?, path.rest)
    }

    /// A member read for another reason than a field.
    pub fn other(&self, which: Other) -> Option<&Value> {
        self.get_compiled(&BUILTIN.other[which as usize])
    }

    /// Takes the value at a dotted path out of the record (a body need not
    /// be copied).
    pub fn take(&mut self, path: &str) -> Option<Value> {
        let (first, rest) = match path.split_once('.') {
            Some((first, rest)) => (first, Some(rest)),
            None => (path, None),
        };
        let value = match member_id(first) {
            Some(id) => self
                .builtin
                .iter_mut()
                .rev()
                .find(|(of, _)| *of == id)
                .map(|(_, v)| v)?,
            None => self
                .other
                .iter_mut()
                .rev()
                .find(|(name, _)| name == first)
                .map(|(_, v)| v)?,
        };
        let mut value = value;
        for part in rest.into_iter().flat_map(|r| r.split('.')) {
            value = match value {
                Value::Object(map) => map.get_mut(part)?,
                Value::Array(items) => items.get_mut(part.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(std::mem::take(value))
    }

    /// A built-in member's value (the last, when a name is repeated).
    fn member(&self, id: u8) -> Option<&Value> {
        self.builtin
            .iter()
            .rev()
            .find(|(of, _)| *of == id)
            .map(|(_, v)| v)
    }
}

/// The value `rest` (dotted names and indexes) leads to from `value`.
fn walk<'v>(mut value: &'v Value, rest: Option<&str>) -> Option<&'v Value> {
    for part in rest.into_iter().flat_map(|r| r.split('.')) {
        value = match value {
            Value::Object(map) => map.get(part)?,
            Value::Array(items) => items.get(part.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    (!value.is_null()).then_some(value)
}

/// Reads an article object's members, keeping those named in the built-in
/// paths or in `extra` (the first members of the user's paths) and skipping
/// the rest unparsed.
pub struct RecordSeed<'a> {
    pub extra: &'a [String],
}

impl<'de> DeserializeSeed<'de> for RecordSeed<'_> {
    type Value = Record;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Record, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RecordSeed<'_> {
    type Value = Record;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an article object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Record, A::Error> {
        let mut record = Record::default();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            match member_id(&key) {
                Some(id) => {
                    let value = if is_id_member(&key) {
                        id_value(map.next_value::<&'de RawValue>()?)
                    } else {
                        map.next_value::<Value>()?
                    };
                    record.present |= 1 << id;
                    record.builtin.push((id, value));
                }
                None if self.extra.iter().any(|e| *e == *key) => {
                    record
                        .other
                        .push((key.into_owned(), map.next_value::<Value>()?));
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(record)
    }
}

/// The members that hold ids.
fn is_id_member(name: &str) -> bool {
    Field::Id.builtin().contains(&name)
}

/// An id as text: a number keeps its digits as written (a large one would
/// lose precision as a float, and two stories could share an id).
fn id_value(raw: &RawValue) -> Value {
    let text = raw.get();
    if text.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
        Value::String(text.to_owned())
    } else {
        serde_json::from_str(text).unwrap_or(Value::Null)
    }
}

/// A member name, borrowed from the text when it has no escapes.
pub(super) struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = std::borrow::Cow<'de, str>;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = std::borrow::Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(std::borrow::Cow::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(std::borrow::Cow::Owned(v.to_owned()))
    }
}

/// The names in an author value: a string (split into names), `{name}`,
/// an array of either, or an object of `{name}` objects keyed by id
/// (Pocket).
pub fn author_names(value: &Value) -> Option<Vec<&str>> {
    match value {
        Value::String(s) => Some(vec![s.as_str()]),
        Value::Array(items) => items
            .iter()
            .map(|item| match item {
                Value::String(s) => Some(s.as_str()),
                other => other.get("name").and_then(Value::as_str),
            })
            .collect(),
        Value::Object(map) => match map.get("name") {
            Some(name) => name.as_str().map(|n| vec![n]),
            None => map
                .values()
                .map(|v| v.get("name").and_then(Value::as_str))
                .collect(),
        },
        _ => None,
    }
}

/// Splits a byline into names: `"A; B"`, `"A and B"`, `"A, B and C"`,
/// with a leading "By" dropped. A comma alone does not split: `"Doe,
/// Jane"` and `"Ann Lee, Reuters"` are too often one credit.
pub fn split_byline(text: &str) -> Vec<&str> {
    let text = text.trim();
    let text = ["By ", "by ", "BY "]
        .iter()
        .find_map(|by| text.strip_prefix(by))
        .unwrap_or(text);
    let mut names = Vec::new();
    for part in text.split(';') {
        let listed = part.contains(" and ") || part.contains(" & ");
        for piece in part.split(" and ").flat_map(|p| p.split(" & ")) {
            if listed {
                names.extend(piece.split(", "));
            } else {
                names.push(piece);
            }
        }
    }
    names
        .into_iter()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect()
}

/// Whether a source value is a link rather than a name (trafilatura's
/// `source` is the page's URL).
pub fn is_link(text: &str) -> bool {
    let lower = text
        .trim_start()
        .get(..8)
        .unwrap_or("")
        .to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The host of a URL without a leading `www.`: the publisher of a record
/// that names none.
pub fn host_of(url: &str) -> Option<&str> {
    let rest = url.trim();
    let scheme_end = rest.find("://")?;
    if !rest[..scheme_end].eq_ignore_ascii_case("http")
        && !rest[..scheme_end].eq_ignore_ascii_case("https")
    {
        return None;
    }
    let rest = &rest[scheme_end + 3..];
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..end];
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host);
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty() && host.contains('.')).then_some(host)
}

/// Read or unread as the tool recorded it: Miniflux and Pocket `status`,
/// wallabag `is_archived`, Google Reader's state categories, a `read` flag.
pub fn read_state(record: &Record) -> Option<bool> {
    if let Some(read) = record.other(Other::Read).and_then(Value::as_bool) {
        return Some(read);
    }
    if let Some(status) = record.other(Other::Status).and_then(Value::as_str) {
        match status {
            "read" | "1" => return Some(true),
            "unread" | "0" => return Some(false),
            _ => {}
        }
    }
    match record.other(Other::IsArchived) {
        Some(Value::Bool(archived)) => return Some(*archived),
        Some(Value::Number(n)) => return n.as_u64().map(|n| n != 0),
        _ => {}
    }
    let categories = record.other(Other::Categories)?.as_array()?;
    let states: Vec<&str> = categories
        .iter()
        .filter_map(Value::as_str)
        .filter(|c| c.contains("/state/com.google/"))
        .collect();
    if states.iter().any(|c| c.ends_with("/state/com.google/read")) {
        Some(true)
    } else if states.is_empty() {
        None
    } else {
        Some(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(json: &str) -> Record {
        let mut de = serde_json::Deserializer::from_str(json);
        RecordSeed { extra: &[] }.deserialize(&mut de).unwrap()
    }

    #[test]
    fn keeps_only_what_a_path_reads() {
        let r = record(r#"{"title": "T", "noise": {"big": [1, 2, 3]}, "fields": {"body": "B"}}"#);
        assert_eq!(r.get("title"), Some(&Value::from("T")));
        assert_eq!(r.get("fields.body"), Some(&Value::from("B")));
        assert_eq!(r.get("noise"), None);
        let r = record(r#"{"canonical": [{"href": "https://x.test/a"}], "n": null}"#);
        assert_eq!(
            r.get("canonical.0.href"),
            Some(&Value::from("https://x.test/a"))
        );
        assert_eq!(r.get("canonical.1.href"), None);
    }

    #[test]
    fn ids_are_text_as_written() {
        let r = record(r#"{"id": 12345678901234567890123, "_id": -7, "guid": {"x": 1}}"#);
        assert_eq!(r.get("id"), Some(&Value::from("12345678901234567890123")));
        assert_eq!(r.get("_id"), Some(&Value::from("-7")));
        assert!(r.get("guid").is_some_and(Value::is_object));
    }

    #[test]
    fn a_repeated_member_is_its_last_value() {
        assert_eq!(
            record(r#"{"title": "A", "title": "B"}"#).get("title"),
            Some(&Value::from("B"))
        );
    }

    #[test]
    fn bylines_split_into_names() {
        let cases: [(&str, &[&str]); 8] = [
            ("Ann Lee", &["Ann Lee"]),
            ("By Ann Lee and Bo Chan", &["Ann Lee", "Bo Chan"]),
            ("Ann Lee; Bo Chan", &["Ann Lee", "Bo Chan"]),
            (
                "Ann Lee, Bo Chan and Cy Dee",
                &["Ann Lee", "Bo Chan", "Cy Dee"],
            ),
            ("Ann Lee & Bo Chan", &["Ann Lee", "Bo Chan"]),
            ("Lee, Ann", &["Lee, Ann"]),
            ("BY ANN LEE", &["ANN LEE"]),
            (" ; ", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(split_byline(text), want, "{text}");
        }
    }

    #[test]
    fn author_values_of_every_shape() {
        let names = |json: &str| {
            let v: Value = serde_json::from_str(json).unwrap();
            author_names(&v).map(|n| n.iter().map(ToString::to_string).collect::<Vec<_>>())
        };
        assert_eq!(names(r#""A""#).unwrap(), ["A"]);
        assert_eq!(names(r#"["A", {"name": "B"}]"#).unwrap(), ["A", "B"]);
        assert_eq!(names(r#"{"name": "A"}"#).unwrap(), ["A"]);
        assert_eq!(
            names(r#"{"12": {"author_id": "12", "name": "A"}, "13": {"name": "B"}}"#).unwrap(),
            ["A", "B"]
        );
        assert_eq!(names("5"), None);
        assert_eq!(names("[5]"), None);
    }

    #[test]
    fn hosts_and_links() {
        assert_eq!(
            host_of("https://www.theguardian.com/world/x"),
            Some("theguardian.com")
        );
        assert_eq!(
            host_of("http://user@news.example:8080?q"),
            Some("news.example")
        );
        assert_eq!(host_of("javascript:alert(1)"), None);
        assert_eq!(host_of("https://localhost/"), None);
        assert!(
            is_link("https://example.com/a") && is_link("HTTP://X") && !is_link("Example News")
        );
    }

    #[test]
    fn read_state_as_tools_record_it() {
        let cases = [
            (r#"{"status": "read"}"#, Some(true)),
            (r#"{"status": "unread"}"#, Some(false)),
            (r#"{"status": "1"}"#, Some(true)),
            (r#"{"status": "removed"}"#, None),
            (r#"{"is_archived": 1}"#, Some(true)),
            (r#"{"is_archived": false}"#, Some(false)),
            (r#"{"read": true}"#, Some(true)),
            (
                r#"{"categories": ["user/-/state/com.google/reading-list", "user/-/state/com.google/read"]}"#,
                Some(true),
            ),
            (
                r#"{"categories": ["user/-/state/com.google/reading-list"]}"#,
                Some(false),
            ),
            (r#"{"categories": ["Politics"]}"#, None),
            ("{}", None),
        ];
        for (json, want) in cases {
            assert_eq!(read_state(&record(json)), want, "{json}");
        }
    }
}
