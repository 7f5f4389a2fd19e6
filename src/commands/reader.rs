//! `byline [PATH...]`: the reader.

use anyhow::Result;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Article files or folders to read (`-` reads standard input).
    paths: Vec<PathBuf>,
    /// On quit, print what the reader measured (time to the first rows,
    /// time until everything was listed, the slowest frame) on standard error.
    #[arg(long)]
    stats_on_exit: bool,
}

pub fn run(args: &Args) -> Result<ExitCode> {
    let stats =
        byline::tui::run_with(crate::inputs(&args.paths), &byline::tui::Options::default())?;
    if args.stats_on_exit {
        eprintln!("byline: {stats}");
    }
    Ok(ExitCode::SUCCESS)
}
