//! `byline [PATH...]`: the reader.

use anyhow::Result;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// Article files or folders to read (`-` reads standard input).
    paths: Vec<PathBuf>,
    /// On quit, print what the reader measured on standard error: time to
    /// the first rows, until every story was listed and analysed, peak
    /// memory, and key-press-to-frame times.
    #[arg(long)]
    stats_on_exit: bool,
}

pub fn run(args: &Args) -> Result<ExitCode> {
    let options = byline::tui::Options {
        started: Some(Instant::now()),
        ..byline::tui::Options::default()
    };
    let stats = byline::tui::run_with(crate::inputs(&args.paths), &options)?;
    if args.stats_on_exit {
        eprintln!("byline: {stats}");
    }
    Ok(ExitCode::SUCCESS)
}
