//! `byline man`: the manual page, made from the command definitions, so it
//! always has every command and option.

use anyhow::{Context as _, Result};
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Print the manual page (roff), or write one page per command into a folder.
///
/// `byline man | man -l -` reads it now; `byline man --dir
/// ~/.local/share/man/man1` installs byline(1) and a page for each
/// command (byline-quotes(1), byline-feeds-add(1) and the rest) for `man byline`.
#[derive(clap::Args)]
pub struct Args {
    /// Write byline.1 and a page for each command into this folder instead
    /// (made if missing; pages already there are replaced).
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
}

pub fn run(args: &Args, command: clap::Command) -> Result<ExitCode> {
    let command = command.disable_help_subcommand(true);
    if let Some(dir) = &args.dir {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot make {}", dir.display()))?;
        clap_mangen::generate_to(command, dir)
            .with_context(|| format!("cannot write the pages into {}", dir.display()))?;
        writeln!(io::stdout().lock(), "{}", dir.display())?;
    } else {
        let mut page = Vec::new();
        clap_mangen::Man::new(command).render(&mut page)?;
        io::stdout().lock().write_all(&page)?;
    }
    Ok(ExitCode::SUCCESS)
}
