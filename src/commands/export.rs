//! `byline export`: one article with its quotes and people, as Markdown,
//! plain text or JSON, to standard output or a file.

use anyhow::{Context as _, Result, bail};
use byline::article::{Article, load_while_with};
use byline::export::{self, Format};
use byline::{analyse_article, state::atomic};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Write one article with its quotes (speaker, cue, text) and people.
///
/// Exit status: 0 when the article was written (problems with other input
/// are reported but do not count), 1 when there is no article with that id
/// or the output cannot be written, 2 for usage errors.
#[derive(clap::Args)]
pub struct Args {
    /// md (Markdown), txt (plain text) or json.
    #[arg(long, short, default_value = "md", value_parser = formats())]
    format: Format,
    /// The article's id, as `byline extract` prints it.
    id: String,
    /// Article files or folders to read (`-` reads standard input; none: the samples).
    paths: Vec<PathBuf>,
    /// Write to this file, or into this folder under a name made from the
    /// title, instead of standard output. An existing file is left alone.
    #[arg(long, short, value_name = "FILE|DIR")]
    out: Option<PathBuf>,
    /// Replace the file given by --out if it exists.
    #[arg(long, requires = "out")]
    force: bool,
}

/// The formats by name (`markdown` and `text` read too), listed so that
/// the help and the shell completions offer them.
fn formats() -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser as _};
    PossibleValuesParser::new([
        PossibleValue::new("md").alias("markdown"),
        PossibleValue::new("txt").alias("text"),
        PossibleValue::new("json"),
    ])
    .map(|name| Format::parse(&name).unwrap_or_default())
}

pub fn run(args: &Args) -> Result<ExitCode> {
    let article = find(&args.id, &args.paths)?;
    let text = export::render(&article, &analyse_article(&article), args.format);
    match &args.out {
        None => io::stdout().lock().write_all(text.as_bytes())?,
        Some(out) => {
            let path = write(out, &article, &text, args)?;
            writeln!(io::stdout().lock(), "{}", path.display())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads the library until the article turns up; load problems are printed.
fn find(id: &str, paths: &[PathBuf]) -> Result<Article> {
    let mut found = None;
    let mut seen = 0;
    load_while_with(&crate::inputs(paths), &crate::load_options(), |batch| {
        crate::report(&batch.problems);
        seen += batch.articles.len();
        found = batch.articles.into_iter().find(|a| a.id == id);
        found.is_none()
    });
    match found {
        Some(article) => Ok(article),
        None => {
            bail!("no article has the id {id:?} (of {seen} read; `byline extract` lists the ids)")
        }
    }
}

/// Writes to `out`, a file or a folder; returns the file written.
fn write(out: &Path, article: &Article, text: &str, args: &Args) -> Result<PathBuf> {
    let path = if out.is_dir() {
        out.join(export::file_name(article, args.format))
    } else {
        out.to_owned()
    };
    let written = if args.force {
        atomic::write(&path, text.as_bytes())
    } else {
        export::write_new(&path, text)
    };
    match written {
        Ok(()) => Ok(path),
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
            bail!("{} exists; --force replaces it", path.display())
        }
        Err(err) => Err(err).with_context(|| format!("cannot write {}", path.display())),
    }
}
