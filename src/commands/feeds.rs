//! `byline feeds`: subscribing and unsubscribing, the list of feeds with
//! their last fetch, and OPML or newsboat lists in and out.

use anyhow::{Context as _, Result};
use byline::article::sanitize::clean_line;
use byline::feeds::{self, FeedStatus, Folders, Statuses, Subscription, Subscriptions};
use byline::text::pad;
use serde::Serialize;
use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Subscribe to feeds, list them, import or export them.
///
/// Subscriptions are kept in feeds.toml beside the settings file, one
/// [[feed]] table per feed, in your order; edit it freely. `byline fetch`
/// fetches them. Only http:// and https:// addresses are accepted.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    Add(Add),
    Remove(Remove),
    List(List),
    Import(Import),
    Export(Export),
}

/// Subscribe to one or more feeds (RSS, Atom or JSON Feed).
#[derive(clap::Args)]
struct Add {
    /// Keep each story's web page (its article, found by readability) as
    /// its text, the feed's summary as its subtitle.
    #[arg(long)]
    full_text: bool,
    /// The name its stories carry as their source (one feed only); else
    /// the feed's own title.
    #[arg(long)]
    name: Option<String>,
    /// A tag (give it again for more).
    #[arg(long = "tag", value_name = "TAG")]
    tags: Vec<String>,
    /// The feeds' addresses.
    #[arg(required = true, value_name = "URL")]
    urls: Vec<String>,
}

/// Unsubscribe from a feed (the stories fetched from it stay).
#[derive(clap::Args)]
struct Remove {
    #[arg(value_name = "URL")]
    url: String,
}

/// List the subscriptions: name, address, last fetch and its status,
/// stories kept, full text. Aligned text on a terminal, JSON Lines with
/// --json or when standard output is not a terminal.
#[derive(clap::Args)]
struct List {
    /// JSON Lines, even on a terminal.
    #[arg(long)]
    json: bool,
}

/// Subscribe to the feeds of an OPML file (OPML 1 or 2; the outlines a
/// feed sits in become its tags) or of newsboat's `urls` file (its tags
/// and "~name" kept), told apart by their content.
#[derive(clap::Args)]
struct Import {
    file: PathBuf,
}

/// Print the subscriptions as OPML 2.0 on standard output.
#[derive(clap::Args)]
struct Export {}

pub fn run(args: &Args) -> Result<ExitCode> {
    match &args.command {
        Command::Add(add) => run_add(add),
        Command::Remove(remove) => run_remove(remove),
        Command::List(list) => run_list(list),
        Command::Import(import) => run_import(import),
        Command::Export(Export {}) => run_export(),
    }
}

/// The subscriptions, their file's problems printed; true if there were any.
fn load() -> Result<(Subscriptions, bool)> {
    let subscriptions = Subscriptions::load()?;
    let problems = crate::report(subscriptions.problems());
    Ok((subscriptions, problems))
}

fn status(problems: bool) -> ExitCode {
    if problems {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_add(add: &Add) -> Result<ExitCode> {
    if add.name.is_some() && add.urls.len() > 1 {
        crate::say("byline: --name names one feed; give one URL with it");
        return Ok(ExitCode::from(2));
    }
    let mut refused = false;
    for url in &add.urls {
        if let Err(err) = feeds::check_address(url) {
            crate::say(&format!("byline: {err}"));
            refused = true;
        }
    }
    if refused {
        return Ok(ExitCode::from(2));
    }
    let (mut subscriptions, problems) = load()?;
    let mut out = io::stdout().lock();
    for url in &add.urls {
        let feed = Subscription {
            url: url.clone(),
            name: add
                .name
                .as_deref()
                .map(clean_line)
                .filter(|n| !n.is_empty()),
            full_text: add.full_text,
            tags: add
                .tags
                .iter()
                .map(|t| clean_line(t))
                .filter(|t| !t.is_empty())
                .collect(),
        };
        if subscriptions.add(feed)? {
            writeln!(out, "subscribed to {}", clean_line(url.trim()))?;
        } else {
            crate::say(&format!("byline: already subscribed to {}", url.trim()));
        }
    }
    subscriptions.save()?;
    Ok(status(problems))
}

fn run_remove(remove: &Remove) -> Result<ExitCode> {
    let (mut subscriptions, problems) = load()?;
    if !subscriptions.remove(&remove.url)? {
        crate::say(&format!("byline: not subscribed to {}", remove.url.trim()));
        return Ok(ExitCode::from(1));
    }
    subscriptions.save()?;
    writeln!(
        io::stdout().lock(),
        "unsubscribed from {}",
        clean_line(remove.url.trim())
    )?;
    Ok(status(problems))
}

fn run_import(import: &Import) -> Result<ExitCode> {
    let name = clean_line(&import.file.display().to_string());
    let mut bytes = Vec::new();
    std::fs::File::open(&import.file)
        .and_then(|file| file.take(MAX_IMPORT + 1).read_to_end(&mut bytes))
        .with_context(|| format!("cannot read {name}"))?;
    anyhow::ensure!(
        bytes.len() as u64 <= MAX_IMPORT,
        "{name} is larger than 64 MiB; not read"
    );
    let imported = feeds::import(&bytes);
    let (mut subscriptions, mut problems) = load()?;
    for (line, message) in &imported.problems {
        crate::say(&format!("byline: {name}:{line}: {message}"));
        problems = true;
    }
    let (mut added, mut known) = (0, 0);
    for feed in imported.feeds {
        if subscriptions.add(feed)? {
            added += 1;
        } else {
            known += 1;
        }
    }
    subscriptions.save()?;
    writeln!(
        io::stdout().lock(),
        "imported {added} feeds from {name}{}",
        if known > 0 {
            format!(" ({known} subscribed already)")
        } else {
            String::new()
        }
    )?;
    Ok(status(problems))
}

/// The largest subscription list read.
const MAX_IMPORT: u64 = 64 << 20;

fn run_export() -> Result<ExitCode> {
    let (subscriptions, problems) = load()?;
    io::stdout()
        .lock()
        .write_all(feeds::opml::write(subscriptions.feeds()).as_bytes())?;
    Ok(status(problems))
}

/// One subscription as `byline feeds list` prints it.
#[derive(Serialize)]
struct Row<'a> {
    url: &'a str,
    name: Option<&'a str>,
    /// The feed's own title, from its last fetch.
    title: Option<&'a str>,
    full_text: bool,
    tags: &'a [String],
    last_fetch: Option<&'a str>,
    last_status: Option<&'a str>,
    failed: bool,
    stories: usize,
    file: Option<String>,
}

fn run_list(list: &List) -> Result<ExitCode> {
    let (subscriptions, problems) = load()?;
    let folders = Folders::from_env();
    let statuses = folders.as_ref().map(Statuses::load).unwrap_or_default();
    let none = FeedStatus::default();
    let rows: Vec<Row> = subscriptions
        .feeds()
        .iter()
        .map(|feed| {
            let status = statuses.get(&feed.url).unwrap_or(&none);
            Row {
                url: &feed.url,
                name: feed.name.as_deref(),
                title: status.title.as_deref(),
                full_text: feed.full_text,
                tags: &feed.tags,
                last_fetch: status.last_fetch.as_deref(),
                last_status: status.last_status.as_deref(),
                failed: status.failed,
                stories: status.stories,
                file: folders.as_ref().map(|f| {
                    f.stories
                        .join(feeds::file_name(&feed.url))
                        .display()
                        .to_string()
                }),
            }
        })
        .collect();
    let mut out = io::BufWriter::new(io::stdout().lock());
    if list.json || !io::stdout().is_terminal() {
        for row in &rows {
            writeln!(out, "{}", serde_json::to_string(row)?)?;
        }
    } else {
        write_plain(&mut out, &rows)?;
    }
    out.flush()?;
    Ok(status(problems))
}

/// The name a row is shown by: the subscription's, else the feed's title.
fn shown<'a>(row: &Row<'a>) -> &'a str {
    row.name.or(row.title).unwrap_or("")
}

/// A header, then one aligned row per feed.
fn write_plain(out: &mut impl Write, rows: &[Row]) -> io::Result<()> {
    let name_width = super::quotes::column(rows.iter().map(shown).chain(["NAME"]), 28);
    let url_width = super::quotes::column(rows.iter().map(|r| r.url).chain(["URL"]), 48);
    writeln!(
        out,
        "{}  {}  LAST FETCH            STORIES  FULL  STATUS",
        pad("NAME", name_width),
        pad("URL", url_width)
    )?;
    for row in rows {
        let line = format!(
            "{}  {}  {:20}  {:>7}  {:4}  {}",
            pad(shown(row), name_width),
            pad(row.url, url_width),
            row.last_fetch.unwrap_or("never"),
            row.stories,
            if row.full_text { "yes" } else { "" },
            row.last_status.unwrap_or("")
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
