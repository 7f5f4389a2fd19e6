//! One article's work, done off the interpreter: what Python handed in,
//! read as the loader reads an article of a file, analysed, and what comes
//! back. Nothing here touches a Python object.

use crate::offsets::char_spans;
use crate::settings::options;
use byline::article::{Loaded, Place, load_object_text, load_object_value};
use byline::{Analysis, Article, Problem, analyse_article, extract};
use serde_json::Value;

/// What stands for the file in ids and problems: an article without an
/// id is `input#3`, a problem `input [article 3]: …`.
pub const NAME: &str = "input";

/// An article as Python handed it in, already out of Python objects.
pub enum Given {
    /// An article object: a dict, or a body (`str`) as `{"body": …}`.
    Value(Value),
    /// An article object's JSON text: a line of JSON Lines.
    Text(String),
    /// Not an article: why.
    Bad(String),
}

/// What the caller wants back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// The record, made a dict on the interpreter's side.
    Record,
    /// The `byline extract` line itself.
    Line,
}

/// One article's result.
pub enum Outcome {
    Extracted(Box<Extracted>),
    Line {
        line: String,
        notes: Vec<Problem>,
    },
    /// No article: every problem met, in the loader's words.
    Problem {
        reason: String,
        message: String,
    },
}

/// An article and its analysis, with the character offsets of its quotes.
pub struct Extracted {
    pub article: Article,
    pub analysis: Analysis,
    /// `(start, end)` of each quote in characters, beside its bytes.
    pub chars: Vec<(usize, usize)>,
    /// Fields left out of the article, each with its reason.
    pub notes: Vec<Problem>,
}

/// Reads, analyses and shapes one article.
pub fn run(given: Given, place: Place, want: Want) -> Outcome {
    let loaded = match given {
        Given::Value(value) => {
            let cut = is_marked_cut(&value);
            let mut loaded = load_object_value(value, NAME, place, options());
            if cut {
                loaded.articles.iter_mut().for_each(|a| a.truncated = true);
            }
            loaded
        }
        Given::Text(text) => load_object_text(&text, NAME, place, options()),
        Given::Bad(reason) => return problem(&[Problem::new(&NAME.into(), place, reason)]),
    };
    let Loaded {
        mut articles,
        problems,
    } = loaded;
    let Some(article) = articles.pop() else {
        return problem(&problems);
    };
    let analysis = analyse_article(&article);
    match want {
        Want::Line => Outcome::Line {
            line: extract::json_line(&article, &analysis),
            notes: problems,
        },
        Want::Record => {
            let spans: Vec<(usize, usize)> = analysis
                .quotes
                .iter()
                .map(|q| (q.span.start, q.span.end))
                .collect();
            let chars = char_spans(&article.body, &spans);
            Outcome::Extracted(Box::new(Extracted {
                article,
                analysis,
                chars,
                notes: problems,
            }))
        }
    }
}

/// An article dict that `byline.read` gave, its cut marker already taken
/// off the body, says so with `"truncated": true`; the loader reads no such
/// member from files, where the marker is still in the text.
fn is_marked_cut(value: &Value) -> bool {
    value.get("truncated") == Some(&Value::Bool(true))
}

fn problem(problems: &[Problem]) -> Outcome {
    let reason = problems
        .iter()
        .map(|p| p.reason.as_str())
        .collect::<Vec<_>>()
        .join("; ");
    let message = problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ");
    Outcome::Problem { reason, message }
}

/// An internal failure (a panic in the analysis) as one article's problem,
/// so a stream goes on past it.
pub fn failed(place: Place) -> Outcome {
    problem(&[Problem::new(
        &NAME.into(),
        place,
        "byline failed on this article (an internal error: please report it)",
    )])
}
