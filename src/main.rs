//! The `byline` command: the reader, or `extract` for scripts.

use anyhow::Result;
use byline::article::{Input, Loaded, load_while};
use byline::{analyse, extract};
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// A terminal news reader that knows who said what.
///
/// Reads articles from JSON files (one object, an array, a news-API object
/// or JSON Lines) and folders of them. With no path, opens the bundled
/// sample articles.
#[derive(Parser)]
#[command(name = "byline", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Article files or folders to read (`-` reads standard input).
    paths: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Print each article's people and quotes as JSON Lines on standard output.
    ///
    /// One line per article, in input order; problems go to standard error.
    /// Exit status: 0 when all input was good, 1 when some of it had problems
    /// (the good articles are still printed), 2 for usage errors.
    Extract {
        /// Article files or folders to read (`-` reads standard input; none: the samples).
        paths: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Extract { paths }) => run_extract(&inputs(paths)),
        None => run_reader(inputs(cli.paths)),
    };
    match result {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("byline: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn inputs(paths: Vec<PathBuf>) -> Vec<Input> {
    if paths.is_empty() {
        return byline::samples::inputs();
    }
    paths
        .into_iter()
        .map(|path| {
            if path.as_os_str() == "-" {
                Input::Stdin
            } else {
                Input::Path(path)
            }
        })
        .collect()
}

fn run_reader(inputs: Vec<Input>) -> Result<ExitCode> {
    byline::tui::run(inputs)?;
    Ok(ExitCode::SUCCESS)
}

/// Analyses each batch in parallel (as many threads as cores, or
/// `RAYON_NUM_THREADS`) and prints it in input order.
fn run_extract(inputs: &[Input]) -> Result<ExitCode> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let progress = progress();
    let mut problems = false;
    let mut failure = None;
    load_while(
        inputs,
        |Loaded {
             articles,
             problems: found,
         }| {
            progress.suspend(|| problems |= report(&found));
            let lines: Vec<String> = articles
                .par_iter()
                .map(|article| extract::json_line(article, &analyse(&article.body)))
                .collect();
            for line in &lines {
                if let Err(err) = writeln!(out, "{line}") {
                    failure = Some(err);
                    return false;
                }
            }
            progress.inc(lines.len() as u64);
            true
        },
    );
    progress.finish_and_clear();
    if failure.is_none() {
        failure = out.flush().err();
    }
    finish(failure, problems)
}

/// A running count on standard error when it is a terminal; nothing when
/// it is not (a log file, a pipe).
fn progress() -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner().with_style(
        ProgressStyle::with_template("{spinner} {human_pos} articles · {per_sec} · {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}

/// Prints load problems on standard error; true if there were any.
fn report(problems: &[byline::Problem]) -> bool {
    for problem in problems {
        eprintln!("byline: {problem}");
    }
    !problems.is_empty()
}

fn finish(failure: Option<io::Error>, problems: bool) -> Result<ExitCode> {
    if let Some(err) = failure {
        return Err(err.into());
    }
    Ok(if problems {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.downcast_ref::<io::Error>()
        .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
}
