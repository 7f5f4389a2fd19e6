//! The `byline extract` record: one article, its metadata and its analysis
//! as one JSON line (`docs/formats.md`).

use crate::analysis::Analysis;
use crate::article::Article;
use crate::index::SpeakerKind;
use serde::Serialize;

/// One line of `byline extract` output.
#[derive(Debug, Serialize)]
pub struct Record<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub source: Option<&'a str>,
    /// ISO 8601, or `null` when the file gave none byline could read.
    pub published: Option<&'a str>,
    pub authors: &'a [String],
    pub url: Option<&'a str>,
    /// The file held only the start of the story.
    pub truncated: bool,
    pub people: Vec<PersonRecord<'a>>,
    pub quotes: Vec<QuoteRecord<'a>>,
}

/// One person named in the article.
#[derive(Debug, Serialize)]
pub struct PersonRecord<'a> {
    pub name: &'a str,
    /// Always a person: the analysis lists persons (an organisation that
    /// speaks is a quote's `speaker` only). The same field as `byline
    /// people` has, where it can be `organisation`.
    pub kind: SpeakerKind,
    /// A role from a title or apposition ("NATO Secretary General").
    pub role: Option<&'a str>,
    pub aliases: &'a [String],
    pub mentions: usize,
}

#[derive(Debug, Serialize)]
pub struct QuoteRecord<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub speaker: Option<&'a str>,
    pub cue: Option<&'a str>,
}

impl<'a> Record<'a> {
    pub fn new(article: &'a Article, analysis: &'a Analysis) -> Self {
        let people = analysis
            .people
            .iter()
            .map(|p| PersonRecord {
                name: &p.name,
                kind: SpeakerKind::Person,
                role: p.role.as_deref(),
                aliases: &p.aliases,
                mentions: p.mentions.len(),
            })
            .collect();
        let quotes = analysis
            .quotes
            .iter()
            .map(|q| QuoteRecord {
                text: q.span.text(&article.body),
                start: q.span.start,
                end: q.span.end,
                speaker: q.speaker.as_deref(),
                cue: q.cue.as_deref(),
            })
            .collect();
        Record {
            id: &article.id,
            title: &article.title,
            source: article.source.as_deref(),
            published: article.published_iso(),
            authors: &article.authors,
            url: article.url.as_deref(),
            truncated: article.truncated,
            people,
            quotes,
        }
    }
}

/// The JSON line for an article (without the line break).
pub fn json_line(article: &Article, analysis: &Analysis) -> String {
    // Serialising plain strings and numbers cannot fail.
    serde_json::to_string(&Record::new(article, analysis)).unwrap_or_default()
}
