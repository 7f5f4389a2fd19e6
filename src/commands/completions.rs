//! `byline completions SHELL`: a completion script for a shell, made from
//! the command definitions, so it always knows every command and option.

use anyhow::Result;
use clap_complete::Shell;
use std::io::{self, Write};
use std::process::ExitCode;

/// Print a completion script for bash, zsh, fish, elvish or PowerShell.
///
/// Install it where the shell looks (see the README's Install section):
///
///   byline completions bash > ~/.local/share/bash-completion/completions/byline
///
///   byline completions zsh > ~/.zfunc/_byline   (with fpath+=~/.zfunc before compinit)
///
///   byline completions fish > ~/.config/fish/completions/byline.fish
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The shell to complete in.
    shell: Shell,
}

pub fn run(args: &Args, mut command: clap::Command) -> Result<ExitCode> {
    let mut script = Vec::new();
    let name = command.get_name().to_owned();
    clap_complete::generate(args.shell, &mut command, name, &mut script);
    io::stdout().lock().write_all(&script)?;
    Ok(ExitCode::SUCCESS)
}
