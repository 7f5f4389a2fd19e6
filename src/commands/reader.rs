//! `byline [PATH...]`: the reader, set up by the settings file.

use anyhow::Result;
use byline::tui::guard;
use std::io::{self, IsTerminal};
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
    /// Pick up new and changed files in the opened folders as they come
    /// (also `watch = true` in the settings).
    #[arg(long)]
    watch: bool,
}

/// A path that does not exist, or a file with nothing in it, is an error
/// before the screen starts, as `extract` would report it; a word one or
/// two letters from a command's name is asked about (`byline quote`).
fn check_paths(paths: &[PathBuf], commands: &[&str]) -> Result<()> {
    let mut wrong = Vec::new();
    for path in paths.iter().filter(|p| p.as_os_str() != "-") {
        let name = path.display().to_string();
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_file() && meta.len() == 0 => {
                wrong.push(format!("{name}: empty file"));
            }
            Ok(_) => {}
            Err(err) => {
                let hint = byline::config::closest(&name, commands.iter().copied())
                    .map(|c| format!("; did you mean `byline {c}`?"))
                    .unwrap_or_default();
                let why = if err.kind() == io::ErrorKind::NotFound {
                    "no such file or folder".to_owned()
                } else {
                    err.to_string()
                };
                wrong.push(format!("{name}: {why}{hint}"));
            }
        }
    }
    if wrong.is_empty() {
        Ok(())
    } else {
        anyhow::bail!("{}", wrong.join("\nbyline: "))
    }
}

/// What `byline` alone opens: the settings' `paths` and the fetched
/// feeds; none (and so the bundled samples) when there is neither.
fn library(configured: &[PathBuf]) -> Vec<PathBuf> {
    let mut paths = configured.to_vec();
    let fetched = byline::feeds::library_folder().filter(|folder| has_stories(folder));
    paths.extend(fetched);
    paths
}

/// Whether a folder holds a file of fetched stories.
fn has_stories(folder: &std::path::Path) -> bool {
    std::fs::read_dir(folder).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.path().extension().is_some_and(|x| x == "jsonl"))
    })
}

pub fn run(args: &Args, commands: &[&str]) -> Result<ExitCode> {
    check_paths(&args.paths, commands)?;
    // On a terminal the reader runs under a guard that restores the
    // terminal whatever becomes of it (see `tui::guard`).
    if io::stdout().is_terminal()
        && !guard::is_guarded()
        && let Some(code) = guard::supervise()
    {
        return Ok(code);
    }
    let started = Instant::now();
    let config = byline::config::default_path()
        .map(|path| byline::config::load(&path))
        .unwrap_or_default();
    let settings = &config.settings;
    let paths = if args.paths.is_empty() {
        library(&settings.paths)
    } else {
        args.paths.clone()
    };
    let watch = if args.watch || settings.watch {
        paths
            .iter()
            .filter(|p| p.as_os_str() != "-")
            .cloned()
            .collect()
    } else {
        Vec::new()
    };
    let options = byline::tui::Options {
        started: Some(started),
        mouse: settings.mouse,
        watch,
        config: config.clone(),
        ..byline::tui::Options::default()
    };
    let stats = byline::tui::run_with(crate::inputs(&paths), &options)?;
    if args.stats_on_exit {
        crate::say(&format!("byline: {stats}"));
    }
    Ok(ExitCode::SUCCESS)
}
