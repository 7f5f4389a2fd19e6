//! The `byline` command: the reader, or a subcommand for scripts.

mod commands;

use byline::article::Input;
use clap::{Parser, Subcommand};
use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

/// A terminal news reader that knows who said what.
///
/// Reads news from files and folders: byline's article JSON, the JSON that
/// news tools and APIs write (HTML bodies included), and newsboat's and
/// russ's caches, each told by its structure (see docs/formats.md). With
/// no path, opens the bundled sample articles.
#[derive(Parser)]
#[command(name = "byline", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    reader: commands::reader::Args,
}

#[derive(Subcommand)]
enum Command {
    Extract(commands::extract::Args),
    Quotes(commands::quotes::Args),
    People(commands::people::Args),
    Export(commands::export::Args),
    Config(commands::config::Args),
    Feeds(commands::feeds::Args),
    Fetch(commands::fetch::Args),
    Completions(commands::completions::Args),
    Man(commands::man::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Extract(args)) => commands::extract::run(&args),
        Some(Command::Quotes(args)) => commands::quotes::run(&args),
        Some(Command::People(args)) => commands::people::run(&args),
        Some(Command::Export(args)) => commands::export::run(&args),
        Some(Command::Config(args)) => commands::config::run(&args),
        Some(Command::Feeds(args)) => commands::feeds::run(&args),
        Some(Command::Fetch(args)) => commands::fetch::run(&args),
        Some(Command::Completions(args)) => commands::completions::run(&args, command()),
        Some(Command::Man(args)) => commands::man::run(&args, command()),
        None => {
            let command = command();
            let names: Vec<&str> = command
                .get_subcommands()
                .map(clap::Command::get_name)
                .collect();
            commands::reader::run(&cli.reader, &names)
        }
    };
    match result {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            say(&format!("byline: {err:#}"));
            ExitCode::FAILURE
        }
    }
}

/// The command line's definition: what `--help`, the completions and the
/// manual page are made from.
fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}

/// The inputs that paths on the command line name: `-` is standard input,
/// and no path at all means the bundled samples.
fn inputs(paths: &[PathBuf]) -> Vec<Input> {
    if paths.is_empty() {
        return byline::samples::inputs();
    }
    paths
        .iter()
        .map(|path| {
            if path.as_os_str() == "-" {
                Input::Stdin
            } else {
                Input::Path(path.clone())
            }
        })
        .collect()
}

/// How the commands read files: with the `[formats.NAME]` tables of the
/// settings file, when there is one.
fn load_options() -> byline::article::Options {
    byline::config::default_path()
        .map(|path| byline::config::load(&path).settings.load_options())
        .unwrap_or_default()
}

/// Prints load problems on standard error; true if there were any.
fn report(problems: &[byline::Problem]) -> bool {
    for problem in problems {
        say(&format!("byline: {problem}"));
    }
    !problems.is_empty()
}

/// Writes a line on standard error, cleaned of anything that could drive
/// the terminal (it may quote a file or an argument). A closed standard
/// error is as quiet as a closed standard output: nothing to panic over.
fn say(text: &str) {
    use std::io::Write;
    let mut err = io::stderr().lock();
    for line in text.lines() {
        let _ = writeln!(err, "{}", byline::article::sanitize::clean_line(line));
    }
}

/// The exit status of a command that printed what it read: 1 when some
/// input had problems.
fn finish(failure: Option<io::Error>, problems: bool) -> anyhow::Result<ExitCode> {
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
