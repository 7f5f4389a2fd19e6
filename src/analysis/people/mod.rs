//! People: the persons named in a text, their mentions, roles and genders,
//! with the spellings of one person grouped together.

use super::Span;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Female,
    Male,
}

/// One person named in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The fullest form of the name found.
    pub name: String,
    /// The other forms that refer to this person, without `name`.
    pub aliases: Vec<String>,
    /// Where the person is named, in text order.
    pub mentions: Vec<Span>,
    /// A role from a title chain or apposition ("NATO Secretary General").
    pub role: Option<String>,
    pub gender: Option<Gender>,
}

/// What kind of thing a named entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
}

/// A mention of a named entity in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub kind: EntityKind,
    /// Index into [`People::persons`] for a person.
    pub person: Option<usize>,
}

/// The result of [`find_people`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct People {
    pub persons: Vec<Person>,
    /// Every entity mention (persons, organisations, places), sorted by start.
    pub mentions: Vec<Mention>,
}

/// Finds the people named in `text`.
pub fn find_people(_text: &str) -> People {
    People::default()
}
