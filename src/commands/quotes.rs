//! `byline quotes`: every quote across the library with its speaker, or a
//! speaker's quotes; and the library reading that `byline people` shares.

use anyhow::Result;
use byline::article::{Date, Loaded, load_while_with};
use byline::index::{Order, Sort, SpeakerId, SpeakerIndex, SpeakerKind};
use byline::tui::text::{pad, width};
use byline::{Analysis, Article, analyse_article};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Print the quotes found across the library, with who said them.
///
/// Plain aligned text on a terminal (speaker, date, title, quote); JSON
/// Lines with `--json` or when standard output is not a terminal. A quote
/// printed in several stories (wire copy) is printed once, with the number
/// of other stories that have it. Quotes nobody could be named for are
/// left out. Problems go to standard error; the exit status is 0 when all
/// input was good, 1 when some of it had problems, 2 for usage errors.
#[derive(clap::Args)]
pub struct Args {
    /// Only this speaker's quotes: any form of the name, case and accents
    /// aside ("zelenski", "Stoltenberg", "the Kremlin").
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
            let found = library.index.find(name);
            if found.is_empty() {
                crate::say(&format!("byline: nobody in the library is called “{name}”"));
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
    pub published: Option<String>,
    pub date: Option<Date>,
    /// Every quote's start and text, by start.
    quotes: Vec<(usize, Box<str>)>,
}

impl Story {
    fn new(article: &Article, analysis: &Analysis) -> Story {
        let mut quotes: Vec<(usize, Box<str>)> = analysis
            .quotes
            .iter()
            .map(|q| (q.span.start, Box::from(q.span.text(&article.body))))
            .collect();
        quotes.sort_by_key(|(start, _)| *start);
        Story {
            id: article.id.clone(),
            title: article.title.clone(),
            published: article.published.clone(),
            date: article.date(),
            quotes,
        }
    }

    fn quote(&self, start: usize) -> &str {
        self.quotes
            .binary_search_by_key(&start, |(s, _)| *s)
            .map_or("", |i| &self.quotes[i].1)
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
                    text: story.quote(said.span.start),
                    cue: said.cue,
                    id: &story.id,
                    title: &story.title,
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
    text: &'a str,
    cue: Option<&'a str>,
    id: &'a str,
    title: &'a str,
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
            text,
            cue: Some("said"),
            id: "a",
            title,
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
