//! `byline fetch`: every subscribed feed, fetched and kept as byline's own
//! article files.

use anyhow::{Context as _, Result};
use byline::feeds::{FetchOptions, FetchReport, Outcome, Subscriptions, fetch_all};
use indicatif::{ProgressBar, ProgressStyle};
use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

/// Fetch every subscribed feed and keep its stories.
///
/// Each feed's stories go to a JSON Lines file of its own in
/// `$XDG_DATA_HOME/byline/feeds` (open that folder with byline to read
/// them), merged with what earlier fetches kept. Several feeds are fetched
/// at once; a feed that has not changed costs a 304. Each failure is one
/// line on standard error naming the feed and why. Exit status: 0 when
/// every feed was fetched, 1 when some failed or had problems, 2 for usage
/// errors.
#[derive(clap::Args)]
pub struct Args {
    /// Print nothing but the problems (no summary).
    #[arg(long, short)]
    quiet: bool,
}

pub fn run(args: &Args) -> Result<ExitCode> {
    let subscriptions = Subscriptions::load()?;
    let mut problems = crate::report(subscriptions.problems());
    if subscriptions.feeds().is_empty() {
        crate::say("byline: no subscriptions yet; add one with `byline feeds add URL`");
        return Ok(exit(problems));
    }
    let options = FetchOptions::from_env().context("there is no home folder to keep feeds in")?;
    let bar = progress(subscriptions.feeds().len() as u64);
    let report = fetch_all(&subscriptions, &options, |progress| {
        bar.set_position(progress.done as u64);
        bar.set_message(progress.feed.name.clone());
    })?;
    bar.finish_and_clear();
    problems |= print_problems(&report);
    if !args.quiet {
        let mut out = io::stdout().lock();
        writeln!(out, "{}", summary(&report))?;
        writeln!(out, "stories in {}", options.folders.stories.display())?;
    }
    Ok(exit(problems))
}

fn exit(problems: bool) -> ExitCode {
    if problems {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// One line on standard error per failure and per story problem; true if
/// there were any.
fn print_problems(report: &FetchReport) -> bool {
    let mut any = !report.problems.is_empty();
    for feed in &report.feeds {
        match &feed.outcome {
            Outcome::Failed(err) => {
                crate::say(&format!("byline: {}: {err}", feed.url));
                any = true;
            }
            Outcome::Deferred { until } => crate::say(&format!(
                "byline: {}: not asked before {until}, as its server asked (Retry-After)",
                feed.url
            )),
            Outcome::Fetched { .. } | Outcome::NotModified { .. } => {}
        }
        for problem in &feed.problems {
            crate::say(&format!("byline: {}: {problem}", feed.url));
            any = true;
        }
    }
    for problem in &report.problems {
        crate::say(&format!("byline: {problem}"));
    }
    any
}

/// `12 feeds: 30 new stories, 2 changed; 9 not modified, 1 waiting, 1 failed`.
fn summary(report: &FetchReport) -> String {
    let (mut new, mut changed, mut same, mut waiting, mut failed) = (0, 0, 0, 0, 0);
    for feed in &report.feeds {
        match &feed.outcome {
            Outcome::Fetched {
                new: n, changed: c, ..
            } => {
                new += n;
                changed += c;
            }
            Outcome::NotModified { .. } => same += 1,
            Outcome::Deferred { .. } => waiting += 1,
            Outcome::Failed(_) => failed += 1,
        }
    }
    let mut line = format!(
        "{} feeds: {new} new stories, {changed} changed; {same} not modified",
        report.feeds.len()
    );
    if waiting > 0 {
        let _ = write!(line, ", {waiting} waiting");
    }
    if failed > 0 {
        let _ = write!(line, ", {failed} failed");
    }
    line
}

/// A bar of feeds on standard error when it is a terminal.
fn progress(total: u64) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let style = ProgressStyle::with_template("{bar:30} {pos}/{len} feeds · {elapsed} · {wide_msg}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    let bar = ProgressBar::new(total).with_style(style);
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}
