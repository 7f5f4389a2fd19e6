//! `byline people`: every speaker in the library with how many quotes and
//! stories they have.

use super::quotes::{Library, column, iso_date};
use anyhow::Result;
use byline::index::{Sort, Speaker, SpeakerKind};
use byline::text::pad;
use serde::Serialize;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// List the speakers of the library: persons and organisations quoted,
/// with their number of quotes (wire copies counted once) and stories.
///
/// One speaker however the stories spell them ("Zelenski", "Zelensky");
/// two people who share a surname stay two. Plain aligned text on a
/// terminal, JSON Lines with `--json` or when standard output is not a
/// terminal: each speaker's name, kind (`person` or `organisation`), role
/// (as the newest story quoting them gives it, or `null`), counts, latest
/// date (`YYYY-MM-DD`) and the other forms of the name. Exit status: 0
/// when all input was good, 1 when some of it had problems, 2 for usage
/// errors.
#[derive(clap::Args)]
pub struct Args {
    /// The order of the list.
    #[arg(long, value_enum, default_value_t = SortBy::Quotes)]
    sort: SortBy,
    /// JSON Lines, even on a terminal.
    #[arg(long)]
    json: bool,
    /// Article files or folders to read (`-` reads standard input; none: the samples).
    paths: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum SortBy {
    /// Most quoted first.
    Quotes,
    /// By name.
    Name,
    /// Quoted most recently first.
    Latest,
}

pub fn run(args: &Args) -> Result<ExitCode> {
    let library = Library::read(&args.paths);
    let sort = match args.sort {
        SortBy::Quotes => Sort::Quotes,
        SortBy::Name => Sort::Name,
        SortBy::Latest => Sort::Latest,
    };
    let index = &library.index;
    let rows: Vec<Row> = index
        .speakers(sort)
        .into_iter()
        .filter_map(|id| index.speaker(id))
        .map(|speaker| Row::new(&speaker, library.role(speaker.id())))
        .collect();
    let mut out = io::BufWriter::new(io::stdout().lock());
    if args.json || !io::stdout().is_terminal() {
        for row in &rows {
            writeln!(out, "{}", serde_json::to_string(row)?)?;
        }
    } else {
        write_plain(&mut out, &rows)?;
    }
    out.flush()?;
    crate::finish(None, library.problems)
}

/// One speaker as `byline people` prints it.
#[derive(Debug, Serialize)]
struct Row<'a> {
    name: &'a str,
    kind: SpeakerKind,
    /// The role the newest story quoting them gives them.
    role: Option<&'a str>,
    quotes: usize,
    stories: usize,
    /// The newest story's date, `YYYY-MM-DD`.
    latest: Option<String>,
    /// The other forms of the name the stories use.
    aliases: Vec<&'a str>,
}

impl<'a> Row<'a> {
    fn new(speaker: &Speaker<'a>, role: Option<&'a str>) -> Row<'a> {
        Row {
            name: speaker.name(),
            kind: speaker.kind(),
            role,
            quotes: speaker.quotes(),
            stories: speaker.stories(),
            latest: speaker.latest().map(|d| iso_date(Some(d))),
            aliases: speaker.forms().skip(1).collect(),
        }
    }
}

/// A header, then one aligned row per speaker.
fn write_plain(out: &mut impl Write, rows: &[Row]) -> io::Result<()> {
    let name_width = column(rows.iter().map(|r| r.name).chain(["SPEAKER"]), 32);
    writeln!(
        out,
        "{}  KIND    QUOTES  STORIES  LATEST      ALSO CALLED",
        pad("SPEAKER", name_width)
    )?;
    for row in rows {
        let kind = match row.kind {
            SpeakerKind::Person => "person",
            SpeakerKind::Organisation => "org",
        };
        let line = format!(
            "{}  {kind:6}  {:>6}  {:>7}  {:10}  {}",
            pad(row.name, name_width),
            row.quotes,
            row.stories,
            row.latest.as_deref().unwrap_or(""),
            row.aliases.join(", ")
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_rows_are_aligned() {
        let rows = [
            Row {
                name: "Volodymyr Zelensky",
                kind: SpeakerKind::Person,
                role: Some("President of Ukraine"),
                quotes: 8,
                stories: 1,
                latest: Some("2023-10-11".into()),
                aliases: vec!["Zelenski", "Zelensky"],
            },
            Row {
                name: "the Kremlin",
                kind: SpeakerKind::Organisation,
                role: None,
                quotes: 12,
                stories: 10,
                latest: None,
                aliases: Vec::new(),
            },
        ];
        let mut out = Vec::new();
        write_plain(&mut out, &rows).unwrap();
        let text = String::from_utf8(out).unwrap();
        let want = [
            "SPEAKER             KIND    QUOTES  STORIES  LATEST      ALSO CALLED",
            "Volodymyr Zelensky  person       8        1  2023-10-11  Zelenski, Zelensky",
            "the Kremlin         org         12       10",
        ];
        assert_eq!(text.lines().collect::<Vec<_>>(), want);
    }
}
