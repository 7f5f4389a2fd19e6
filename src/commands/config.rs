//! `byline config`: the default settings file, a check of the user's, and
//! where byline keeps its files.

use anyhow::{Context as _, Result};
use byline::article::sanitize::clean_line;
use byline::config;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Print the default settings, check a settings file, or show where
/// byline's files are.
///
/// With no option, prints where the settings file, the reading state, the
/// subscriptions and the fetched stories are. Exit status: 0, or 1 when
/// `--check` found problems or the FILE it was given does not exist
/// (warnings alone, keys taken from other actions, are 0).
#[derive(clap::Args)]
pub struct Args {
    /// Print the default settings file, every entry explained.
    #[arg(long, conflicts_with = "check")]
    default: bool,
    /// Check a settings file (FILE, or the one byline reads) and print each
    /// problem with its line, and a warning for each key an entry takes
    /// from another action (and what that action is left with).
    #[arg(long)]
    check: bool,
    /// The settings file to check.
    #[arg(requires = "check")]
    file: Option<PathBuf>,
}

pub fn run(args: &Args) -> Result<ExitCode> {
    let mut out = io::stdout().lock();
    if args.default {
        out.write_all(config::DEFAULT_FILE.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.check {
        return match &args.file {
            Some(path) => check_named(&mut out, path),
            None => check(
                &mut out,
                &config::default_path().context("there is no home folder")?,
            ),
        };
    }
    let settings = config::default_path().map_or_else(
        || "none (no home folder)".into(),
        |p| p.display().to_string(),
    );
    let state = byline::state::default_dir().map_or_else(
        || "none (no home folder)".into(),
        |d| d.join(byline::state::FILE_NAME).display().to_string(),
    );
    let subscriptions = byline::feeds::default_path().map_or_else(
        || "none (no home folder)".into(),
        |p| p.display().to_string(),
    );
    let stories = byline::feeds::library_folder().map_or_else(
        || "none (no home folder)".into(),
        |p| p.display().to_string(),
    );
    writeln!(out, "settings: {settings}")?;
    writeln!(out, "reading state: {state}")?;
    writeln!(out, "subscriptions: {subscriptions}")?;
    writeln!(out, "fetched stories: {stories}")?;
    Ok(ExitCode::SUCCESS)
}

/// Checks a file named on the command line: one that is not there is a
/// mistake (a typo in its name), not the defaults.
fn check_named(out: &mut impl Write, path: &Path) -> Result<ExitCode> {
    if !path.exists() {
        let name = clean_line(&path.display().to_string());
        crate::say(&format!(
            "byline: {name}: no such settings file (byline reads {})",
            config::default_path().map_or_else(
                || "none: there is no home folder".to_owned(),
                |p| clean_line(&p.display().to_string())
            )
        ));
        return Ok(ExitCode::from(1));
    }
    check(out, path)
}

/// Prints each problem and warning of the file at `path`, in line order;
/// 1 if there were problems (warnings alone are 0: the file holds).
fn check(out: &mut impl Write, path: &Path) -> Result<ExitCode> {
    // The name may hold anything; it is printed as problems are, cleaned.
    let name = clean_line(&path.display().to_string());
    if !path.exists() {
        writeln!(out, "{name}: no settings file; byline uses the defaults")?;
        return Ok(ExitCode::SUCCESS);
    }
    let loaded = config::load(path);
    for problem in loaded.reported() {
        writeln!(out, "{problem}")?;
    }
    if !loaded.problems.is_empty() {
        return Ok(ExitCode::from(1));
    }
    if loaded.warnings.is_empty() {
        writeln!(out, "{name}: no problems")?;
    }
    Ok(ExitCode::SUCCESS)
}
