//! `byline quotes`: every quote across the library with its speaker, or a
//! speaker's quotes; and the library reading that `byline people` shares.

use anyhow::Result;
use byline::article::{Date, Loaded, load_while_with};
use byline::index::{Order, Sort, SpeakerId, SpeakerIndex, SpeakerKind, fold};
use byline::text::{pad, width};
use byline::{Analysis, Article, analyse_article};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Print the quotes found across the library, with who said them.
///
/// Plain aligned text on a terminal (speaker, date, title, quote); JSON
/// Lines with `--json` or when standard output is not a terminal, each
/// with the story's id, title, source, url and `published` (ISO 8601:
/// `2026-01-02T10:30:00+01:00`, or `2026-01-02` for a date alone; `null`
/// when the file gave no time byline could read). A quote printed in
/// several stories (wire copy) is printed once, with the number of other
/// stories that have it. Quotes nobody could be named for are left out.
/// Problems go to standard error; the exit status is 0 when all input was
/// good, 1 when some of it had problems or `--speaker` matched nobody, 2
/// for usage errors.
#[derive(clap::Args)]
pub struct Args {
    /// Only the quotes of this speaker: a whole name in any form, case
    /// and accents aside ("zelenski", "Stoltenberg", "the Kremlin"); when
    /// no name is that, every speaker with it in a name ("stolt").
    #[arg(long, value_name = "NAME")]
    speaker: Option<String>,
    /// JSON Lines, even on a terminal.
    #[arg(long)]
    json: bool,
    /// Article files or folders to read (`-` reads standard input; none: the samples).
    paths: Vec<PathBuf>,
}

pub fn run(args: &Args) -> Result<ExitCode> {
    let library = Library::read(&args.paths);
    let speakers = match &args.speaker {
        Some(name) => {
            let found = library.find(name);
            if found.is_empty() {
                crate::say(&format!(
                    "byline: nobody in the library is called “{name}” or has it in a name"
                ));
                return Ok(ExitCode::from(1));
            }
            found
        }
        None => library.index.speakers(Sort::Name),
    };
    let lines = library.lines(&speakers);
    let mut out = io::BufWriter::new(io::stdout().lock());
    if args.json || !io::stdout().is_terminal() {
        for line in &lines {
            writeln!(out, "{}", serde_json::to_string(line)?)?;
        }
    } else {
        write_plain(&mut out, &lines)?;
    }
    out.flush()?;
    crate::finish(None, library.problems)
}

/// What the commands keep of a story: what they print, not the body.
pub struct Story {
    pub id: String,
    pub title: String,
    pub source: Option<String>,
    pub url: Option<String>,
    /// ISO 8601 ([`Article::published_iso`]); `None` for a time byline
    /// could not read, kept as written in the file.
    pub published: Option<String>,
    pub date: Option<Date>,
    /// Every quote, by start.
    quotes: Vec<StoryQuote>,
}

/// One quote of a story: where it starts, its words, and the role the
/// story gives its speaker ("NATO Secretary General"), if any.
struct StoryQuote {
    start: usize,
    text: Box<str>,
    role: Option<std::sync::Arc<str>>,
}

impl Story {
    fn new(article: &Article, analysis: &Analysis) -> Story {
        // One copy of each person's role, shared by their quotes.
        let roles: Vec<Option<std::sync::Arc<str>>> = analysis
            .people
            .iter()
            .map(|p| p.role.as_deref().map(std::sync::Arc::from))
            .collect();
        let mut quotes: Vec<StoryQuote> = analysis
            .quotes
            .iter()
            .map(|q| StoryQuote {
                start: q.span.start,
                text: Box::from(q.span.text(&article.body)),
                role: q.person.and_then(|p| roles.get(p)?.clone()),
            })
            .collect();
        quotes.sort_by_key(|q| q.start);
        Story {
            id: article.id.clone(),
            title: article.title.clone(),
            source: article.source.clone(),
            url: article.url.clone(),
            published: article.published_iso().map(str::to_owned),
            date: article.date(),
            quotes,
        }
    }

    fn quote_at(&self, start: usize) -> Option<&StoryQuote> {
        self.quotes
            .binary_search_by_key(&start, |q| q.start)
            .ok()
            .map(|i| &self.quotes[i])
    }

    fn quote(&self, start: usize) -> &str {
        self.quote_at(start).map_or("", |q| &q.text)
    }

    /// The role this story gives the speaker of the quote at `start`.
    pub fn role(&self, start: usize) -> Option<&str> {
        self.quote_at(start)?.role.as_deref()
    }
}

/// The library read and indexed.
pub struct Library {
    pub index: SpeakerIndex,
    pub stories: Vec<Story>,
    /// Some input had problems (already reported).
    pub problems: bool,
}

impl Library {
    /// Reads every input, analyses each batch in parallel and indexes it
    /// in input order, so the output never depends on thread timing.
    pub fn read(paths: &[PathBuf]) -> Library {
        let mut library = Library {
            index: SpeakerIndex::new(),
            stories: Vec::new(),
            problems: false,
        };
        let progress = super::extract::progress();
        load_while_with(
            &crate::inputs(paths),
            &crate::load_options(),
            |Loaded { articles, problems }| {
                progress.suspend(|| library.problems |= crate::report(&problems));
                let analyses: Vec<Analysis> = articles.par_iter().map(analyse_article).collect();
                for (article, analysis) in articles.iter().zip(&analyses) {
                    library.index.add(library.stories.len(), article, analysis);
                    library.stories.push(Story::new(article, analysis));
                }
                progress.inc(articles.len() as u64);
                true
            },
        );
        progress.finish_and_clear();
        library.index.refresh();
        library
    }

    /// The speakers `name` names ([`SpeakerIndex::find`]: any whole form
    /// of a name, a spelling variant, a surname); when it names nobody,
    /// the speakers with `name` in any form of their name, case and accents
    /// aside, as the reader's filters match ("stolt" for Stoltenberg).
    /// Most quoted first.
    pub fn find(&self, name: &str) -> Vec<SpeakerId> {
        let found = self.index.find(name);
        let part = fold(name);
        if !found.is_empty() || part.is_empty() {
            return found;
        }
        self.index
            .speakers(Sort::Quotes)
            .into_iter()
            .filter(|&id| {
                self.index
                    .speaker(id)
                    .is_some_and(|s| s.forms().any(|form| fold(form).contains(&part)))
            })
            .collect()
    }

    /// The role the newest story quoting the speaker gives them, if any does.
    pub fn role(&self, id: SpeakerId) -> Option<&str> {
        self.index
            .quotes(id, Order::Newest)
            .iter()
            .find_map(|listed| {
                let said = listed.said;
                self.stories.get(said.article)?.role(said.span.start)
            })
    }

    /// The quotes of these speakers, wire copies once, in library order.
    fn lines(&self, speakers: &[SpeakerId]) -> Vec<QuoteLine<'_>> {
        let mut lines: Vec<(byline::index::Position, QuoteLine)> = Vec::new();
        for &id in speakers {
            let Some(speaker) = self.index.speaker(id) else {
                continue;
            };
            for listed in self.index.quotes(id, Order::Library) {
                let said = listed.said;
                let story = &self.stories[said.article];
                let line = QuoteLine {
                    speaker: speaker.name(),
                    kind: speaker.kind(),
                    role: story.role(said.span.start),
                    text: story.quote(said.span.start),
                    cue: said.cue,
                    id: &story.id,
                    title: &story.title,
                    source: story.source.as_deref(),
                    url: story.url.as_deref(),
                    published: story.published.as_deref(),
                    start: said.span.start,
                    end: said.span.end,
                    also_in: listed.also_in,
                    date: story.date,
                };
                lines.push((said.position(), line));
            }
        }
        lines.sort_by_key(|(at, _)| *at);
        lines.into_iter().map(|(_, line)| line).collect()
    }
}

/// One quote as `byline quotes` prints it.
#[derive(Debug, Serialize)]
struct QuoteLine<'a> {
    speaker: &'a str,
    kind: SpeakerKind,
    /// The role the story gives the speaker ("NATO Secretary General").
    role: Option<&'a str>,
    text: &'a str,
    cue: Option<&'a str>,
    id: &'a str,
    title: &'a str,
    source: Option<&'a str>,
    url: Option<&'a str>,
    /// ISO 8601, or `null`.
    published: Option<&'a str>,
    start: usize,
    end: usize,
    /// How many other stories have the same quote.
    also_in: usize,
    #[serde(skip)]
    date: Option<Date>,
}

/// `speaker  date  title  “quote”`, the columns as wide as their widest
/// cell up to a limit (longer cells end in `…`).
fn write_plain(out: &mut impl Write, lines: &[QuoteLine]) -> io::Result<()> {
    let speaker_width = column(lines.iter().map(|l| l.speaker), 28);
    let title_width = column(lines.iter().map(|l| l.title), 40);
    for line in lines {
        let also = match line.also_in {
            0 => String::new(),
            1 => " (also in 1 other story)".to_owned(),
            n => format!(" (also in {n} other stories)"),
        };
        writeln!(
            out,
            "{}  {:10}  {}  “{}”{also}",
            pad(line.speaker, speaker_width),
            iso_date(line.date),
            pad(line.title, title_width),
            line.text
        )?;
    }
    Ok(())
}

/// The width of a column: its widest cell, at most `max`.
pub fn column<'a>(cells: impl Iterator<Item = &'a str>, max: usize) -> usize {
    cells.map(width).max().unwrap_or(0).min(max)
}

/// `2023-10-11`, or blank.
pub fn iso_date(date: Option<Date>) -> String {
    date.map_or_else(String::new, |d| {
        format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line<'a>(speaker: &'a str, title: &'a str, text: &'a str, also_in: usize) -> QuoteLine<'a> {
        QuoteLine {
            speaker,
            kind: SpeakerKind::Person,
            role: None,
            text,
            cue: Some("said"),
            id: "a",
            title,
            source: None,
            url: None,
            published: Some("2023-10-11"),
            start: 0,
            end: text.len(),
            also_in,
            date: Date::parse("2023-10-11"),
        }
    }

    #[test]
    fn plain_lines_are_aligned() {
        let lines = [
            line("Jens Stoltenberg", "NATO support", "We stand with you", 0),
            line("Hélène Lefèvre", "Quay vote", "Geneva has chosen", 2),
        ];
        let mut out = Vec::new();
        write_plain(&mut out, &lines).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "Jens Stoltenberg  2023-10-11  NATO support  “We stand with you”\n\
             Hélène Lefèvre    2023-10-11  Quay vote     “Geneva has chosen” (also in 2 other stories)\n"
        );
    }
}
