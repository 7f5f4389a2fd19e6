//! The speaker index on small hand-made libraries: each story is built
//! from its speakers and quotes, so that these tests hold whatever the
//! analysis engines learn.

use super::*;
use crate::analysis::{Person, Quote, Span};
use crate::article::{Origin, Place};
use std::sync::Arc;

/// Who gave a quote in a test story.
#[derive(Clone, Copy)]
enum Who {
    /// The n-th person of the story.
    P(usize),
    Org(&'static str),
    Nobody,
}
use Who::{Nobody, Org, P};

/// `(name, aliases, role)`
type Named = (&'static str, &'static [&'static str], Option<&'static str>);

/// A story whose body is its quotes, one paragraph each.
fn story(id: &str, date: &str, people: &[Named], quotes: &[(Who, &str)]) -> (Article, Analysis) {
    let mut body = String::new();
    let mut said = Vec::new();
    for &(who, text) in quotes {
        body.push('“');
        let span = Span::new(body.len(), body.len() + text.len());
        body.push_str(text);
        body.push_str("” was said.\n\n");
        let (person, speaker) = match who {
            P(p) => (Some(p), Some(people[p].0.to_owned())),
            Org(name) => (None, Some(name.to_owned())),
            Nobody => (None, None),
        };
        said.push(Quote {
            span,
            person,
            speaker,
            cue: Some("said".into()),
        });
    }
    let people = people
        .iter()
        .map(|&(name, aliases, role)| Person {
            name: name.into(),
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            mentions: Vec::new(),
            role: role.map(str::to_owned),
            gender: None,
            descriptors: Vec::new(),
        })
        .collect();
    let article = Article {
        id: id.into(),
        title: format!("Story {id}"),
        subtitle: None,
        body,
        source: None,
        authors: Vec::new(),
        published: Some(date.into()),
        url: None,
        images: Vec::new(),
        truncated: false,
        read: None,
        origin: Origin {
            file: Arc::from("test"),
            place: Place::File,
        },
    };
    (
        article,
        Analysis {
            people,
            quotes: said,
        },
    )
}

/// An index of `stories`, added in order under their positions, with one
/// refresh at the end.
fn index(stories: &[(Article, Analysis)]) -> SpeakerIndex {
    let mut index = SpeakerIndex::new();
    for (i, (article, analysis)) in stories.iter().enumerate() {
        index.add(i, article, analysis);
    }
    index.refresh();
    index
}

/// `(name, kind, quotes, stories)` of every speaker, by name.
fn listing(index: &SpeakerIndex) -> Vec<(String, SpeakerKind, usize, usize)> {
    index
        .speakers(Sort::Name)
        .into_iter()
        .map(|id| {
            let s = index.speaker(id).unwrap();
            (s.name().to_owned(), s.kind(), s.quotes(), s.stories())
        })
        .collect()
}

fn names(index: &SpeakerIndex) -> Vec<String> {
    listing(index).into_iter().map(|(name, ..)| name).collect()
}

fn person(name: &str, quotes: usize, stories: usize) -> (String, SpeakerKind, usize, usize) {
    (name.to_owned(), SpeakerKind::Person, quotes, stories)
}

const JENS: Named = (
    "Jens Stoltenberg",
    &["Stoltenberg"],
    Some("NATO Secretary General"),
);
const ZELENSKY: Named = (
    "Volodymyr Zelensky",
    &["Zelensky"],
    Some("Ukrainian President"),
);

mod merging;
mod queries;
