//! The `byline extract` record: one article and its analysis as one JSON
//! line (FORMATS.md §2).

use crate::analysis::Analysis;
use crate::article::Article;
use serde::Serialize;

/// One line of `byline extract` output.
#[derive(Debug, Serialize)]
pub struct Record<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub people: Vec<PersonRecord<'a>>,
    pub quotes: Vec<QuoteRecord<'a>>,
}

#[derive(Debug, Serialize)]
pub struct PersonRecord<'a> {
    pub name: &'a str,
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
