//! `byline extract`: every article's people and quotes as JSON Lines.

use anyhow::Result;
use byline::article::{Loaded, load_while_with};
use byline::{analyse_article, extract};
use indicatif::{HumanCount, ProgressBar, ProgressState, ProgressStyle};
use rayon::prelude::*;
use std::fmt;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Print each article's metadata, people and quotes as JSON Lines on
/// standard output.
///
/// One line per article, in input order; problems go to standard error.
/// Exit status: 0 when all input was good, 1 when some of it had problems
/// (the good articles are still printed), 2 for usage errors.
#[derive(clap::Args)]
pub struct Args {
    /// Article files or folders to read (`-` reads standard input; none: the samples).
    paths: Vec<PathBuf>,
}

/// Analyses each batch in parallel (as many threads as cores, or
/// `RAYON_NUM_THREADS`) and prints it in input order.
pub fn run(args: &Args) -> Result<ExitCode> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let progress = progress();
    let mut problems = false;
    let mut failure = None;
    load_while_with(
        &crate::inputs(&args.paths),
        &crate::load_options(),
        |Loaded {
             articles,
             problems: found,
         }| {
            progress.suspend(|| problems |= crate::report(&found));
            let lines: Vec<String> = articles
                .par_iter()
                .map(|article| extract::json_line(article, &analyse_article(article)))
                .collect();
            for line in &lines {
                if let Err(err) = writeln!(out, "{line}") {
                    failure = Some(err);
                    return false;
                }
            }
            progress.inc(lines.len() as u64);
            // Whoever reads the other end of a pipe gets each batch now,
            // not when the buffer happens to fill.
            if let Err(err) = out.flush() {
                failure = Some(err);
                return false;
            }
            true
        },
    );
    progress.finish_and_clear();
    if failure.is_none() {
        failure = out.flush().err();
    }
    crate::finish(failure, problems)
}

/// A running count on standard error when it is a terminal; nothing when
/// it is not (a log file, a pipe).
pub fn progress() -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner().with_style(
        ProgressStyle::with_template("{spinner} {human_pos} articles · {rate} · {elapsed}")
            .map_or_else(
                |_| ProgressStyle::default_spinner(),
                |style| style.with_key("rate", rate),
            ),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}

/// Whole articles a second ("7,167/s"): indicatif's `{per_sec}` prints
/// four decimals, noise at these rates.
fn rate(state: &ProgressState, out: &mut dyn fmt::Write) {
    let _ = write!(out, "{}/s", HumanCount(state.per_sec().round() as u64));
}
