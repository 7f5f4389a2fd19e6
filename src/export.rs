//! One article with its quotes and people, written out for people or
//! programs: Markdown, plain text, or JSON (the `byline extract` record plus
//! the article's own fields). [`render`] makes the text; [`save_in`] and
//! [`write_new`] put it in a file without ever overwriting one, and whole
//! or not at all: the text goes to a temporary file beside it first, so a
//! write that fails (a full disk) leaves nothing behind.

use crate::analysis::{Analysis, Person, Quote};
use crate::article::Article;
use crate::extract::{PersonRecord, QuoteRecord, Record};
use crate::state::atomic;
use serde::Serialize;
use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr;

/// What to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Markdown,
    Text,
    Json,
}

impl Format {
    /// `md`, `txt` or `json`, as the command line and file names have them.
    pub fn parse(text: &str) -> Option<Format> {
        match text {
            "md" | "markdown" => Some(Format::Markdown),
            "txt" | "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Json => "json",
        }
    }
}

/// The article and its analysis in `format`, ending with a line break.
pub fn render(article: &Article, analysis: &Analysis, format: Format) -> String {
    match format {
        Format::Markdown => markdown(article, analysis),
        Format::Text => text(article, analysis),
        Format::Json => json(article, analysis),
    }
}

/// A heading, the source line, the body, then `## Quotes` and `## People`.
pub fn markdown(article: &Article, analysis: &Analysis) -> String {
    let mut out = format!("# {}\n\n", article.title);
    if let Some(subtitle) = &article.subtitle {
        let _ = write!(out, "*{subtitle}*\n\n");
    }
    push_meta(&mut out, article, |url| format!("<{url}>"));
    push_body(&mut out, article);
    if !analysis.quotes.is_empty() {
        out.push_str("## Quotes\n\n");
        for quote in &analysis.quotes {
            let who =
                speaker(quote).map_or_else(|| "*Unattributed*".to_owned(), |s| format!("**{s}**"));
            let _ = writeln!(
                out,
                "- {who}{}: “{}”",
                cue(quote),
                quote_text(article, quote)
            );
        }
        out.push('\n');
    }
    if !analysis.people.is_empty() {
        out.push_str("## People\n\n");
        for person in &analysis.people {
            let _ = writeln!(out, "- **{}**{}", person.name, about(person));
        }
        out.push('\n');
    }
    finish(out)
}

/// The same as [`markdown`] without markup: a title underlined, sections in
/// capitals, quotes and people indented.
pub fn text(article: &Article, analysis: &Analysis) -> String {
    let rule = "=".repeat(article.title.width().max(1));
    let mut out = format!("{}\n{rule}\n\n", article.title);
    if let Some(subtitle) = &article.subtitle {
        let _ = write!(out, "{subtitle}\n\n");
    }
    push_meta(&mut out, article, ToOwned::to_owned);
    push_body(&mut out, article);
    if !analysis.quotes.is_empty() {
        out.push_str("QUOTES\n\n");
        for quote in &analysis.quotes {
            let who = speaker(quote).unwrap_or("Unattributed");
            let _ = writeln!(
                out,
                "  {who}{}: “{}”",
                cue(quote),
                quote_text(article, quote)
            );
        }
        out.push('\n');
    }
    if !analysis.people.is_empty() {
        out.push_str("PEOPLE\n\n");
        for person in &analysis.people {
            let _ = writeln!(out, "  {}{}", person.name, about(person));
        }
        out.push('\n');
    }
    finish(out)
}

/// The article's fields, then its people and quotes as `byline extract`
/// writes them, pretty-printed.
#[derive(Serialize)]
struct Exported<'a> {
    id: &'a str,
    title: &'a str,
    subtitle: Option<&'a str>,
    source: Option<&'a str>,
    authors: &'a [String],
    published: Option<&'a str>,
    url: Option<&'a str>,
    body: &'a str,
    people: Vec<PersonRecord<'a>>,
    quotes: Vec<QuoteRecord<'a>>,
}

pub fn json(article: &Article, analysis: &Analysis) -> String {
    let Record { people, quotes, .. } = Record::new(article, analysis);
    let exported = Exported {
        id: &article.id,
        title: &article.title,
        subtitle: article.subtitle.as_deref(),
        source: article.source.as_deref(),
        authors: &article.authors,
        published: article.published.as_deref(),
        url: article.url.as_deref(),
        body: &article.body,
        people,
        quotes,
    };
    // Serialising plain strings and numbers cannot fail.
    let mut out = serde_json::to_string_pretty(&exported).unwrap_or_default();
    out.push('\n');
    out
}

/// `Source · 11 Oct 2023 · by A, B`, then the web address, if any.
fn push_meta(out: &mut String, article: &Article, show_url: impl Fn(&str) -> String) {
    let date = article
        .date()
        .map(|d| d.to_string())
        .or_else(|| article.published.clone());
    let authors =
        (!article.authors.is_empty()).then(|| format!("by {}", article.authors.join(", ")));
    let parts: Vec<String> = [article.source.clone(), date, authors]
        .into_iter()
        .flatten()
        .collect();
    if !parts.is_empty() {
        out.push_str(&parts.join(" · "));
        out.push('\n');
    }
    if let Some(url) = &article.url {
        out.push_str(&show_url(url));
        out.push('\n');
    }
    if !parts.is_empty() || article.url.is_some() {
        out.push('\n');
    }
}

fn push_body(out: &mut String, article: &Article) {
    for (_, paragraph) in article.paragraphs() {
        out.push_str(paragraph);
        out.push_str("\n\n");
    }
}

fn speaker(quote: &Quote) -> Option<&str> {
    quote.speaker.as_deref()
}

fn cue(quote: &Quote) -> String {
    quote
        .cue
        .as_deref()
        .map(|cue| format!(" ({cue})"))
        .unwrap_or_default()
}

fn quote_text<'a>(article: &'a Article, quote: &Quote) -> &'a str {
    quote.span.text(&article.body)
}

/// `, NATO Secretary General; also Stoltenberg; 5 mentions`.
fn about(person: &Person) -> String {
    let mut out = String::new();
    if let Some(role) = &person.role {
        let _ = write!(out, ", {role}");
    }
    if !person.aliases.is_empty() {
        let _ = write!(out, "; also {}", person.aliases.join(", "));
    }
    let n = person.mentions.len();
    let _ = write!(out, "; {n} mention{}", if n == 1 { "" } else { "s" });
    out
}

/// One line break at the end, however the last section ended.
fn finish(mut out: String) -> String {
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// A file name for the article: its title in lower case with dashes
/// (`harbour-council-approves-flood-barrier.md`), or its id if the title
/// gives nothing.
pub fn file_name(article: &Article, format: Format) -> String {
    let stem = [slug(&article.title), slug(&article.id)]
        .into_iter()
        .find(|s| !s.is_empty())
        .unwrap_or_else(|| "article".to_owned());
    format!("{stem}.{}", format.extension())
}

/// Letters and digits in lower case, runs of anything else as one dash,
/// at most 60 characters.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// Writes `text` to a new file at `path`, whole or not at all; fails with
/// `AlreadyExists` if something is there, and on any failure leaves
/// nothing behind.
pub fn write_new(path: &Path, text: &str) -> io::Result<()> {
    write_new_with(path, |file| file.write_all(text.as_bytes()))
}

fn write_new_with(path: &Path, fill: impl FnOnce(&mut File) -> io::Result<()>) -> io::Result<()> {
    // Not to write it all for nothing; placing it checks again.
    if fs::symlink_metadata(path).is_ok() {
        return Err(io::ErrorKind::AlreadyExists.into());
    }
    atomic::stage_with(path, fill)?.place_new(path)
}

/// Writes the article into `dir` under [`file_name`], or `name-2.md`,
/// `name-3.md`… when that is taken; returns the file written. The file is
/// whole or not there: a write that fails leaves nothing behind.
pub fn save_in(
    dir: &Path,
    article: &Article,
    analysis: &Analysis,
    format: Format,
) -> io::Result<PathBuf> {
    let text = render(article, analysis, format);
    let name = file_name(article, format);
    save_new_in(dir, &name, format.extension(), |file| {
        file.write_all(text.as_bytes())
    })
}

/// Stages the content `fill` writes beside `dir/name`, then places it under
/// the first free name of `name`, `stem-2.ext`, `stem-3.ext`…
fn save_new_in(
    dir: &Path,
    name: &str,
    extension: &str,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<PathBuf> {
    let stem = name.trim_end_matches(&format!(".{extension}"));
    let mut staged = atomic::stage_with(&dir.join(name), fill)?;
    for n in 1..1000 {
        let path = match n {
            1 => dir.join(name),
            n => dir.join(format!("{stem}-{n}.{extension}")),
        };
        match staged.place_new(&path) {
            Ok(()) => return Ok(path),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {}
            Err(err) => return Err(err),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("{name} and 998 other names are taken"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(
            slug("Harbour council approves flood barrier"),
            "harbour-council-approves-flood-barrier"
        );
        assert_eq!(slug("  «Genève» — vote!  "), "genève-vote");
        assert_eq!(slug("/home/ann/a.json#2"), "home-ann-a-json-2");
        assert_eq!(slug("!!!"), "");
        assert!(slug(&"word ".repeat(40)).chars().count() <= 60);
    }

    /// Writes `n` bytes, then fails as a full disk does.
    fn fills_then_fails(n: usize) -> impl FnOnce(&mut File) -> io::Result<()> {
        move |file| {
            file.write_all(&vec![b'x'; n])?;
            Err(io::Error::from(io::ErrorKind::StorageFull))
        }
    }

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_write_that_fails_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for _ in 0..2 {
            let err = save_new_in(d, "story.md", "md", fills_then_fails(65_536)).unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::StorageFull);
            assert!(names_in(d).is_empty(), "{:?}", names_in(d));
        }
        let err = write_new_with(&d.join("x.md"), fills_then_fails(10)).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
        assert!(names_in(d).is_empty());
        // With the name taken, the next one is not made either.
        fs::write(d.join("story.md"), "mine").unwrap();
        save_new_in(d, "story.md", "md", fills_then_fails(100)).unwrap_err();
        assert_eq!(names_in(d), ["story.md"]);
        assert_eq!(fs::read_to_string(d.join("story.md")).unwrap(), "mine");
        // And the next write that goes through takes the next name.
        let path = save_new_in(d, "story.md", "md", |f| f.write_all(b"new")).unwrap();
        assert_eq!(names_in(d), ["story-2.md", "story.md"]);
        assert_eq!(fs::read_to_string(path).unwrap(), "new");
    }

    #[test]
    fn write_new_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.md");
        write_new(&path, "one").unwrap();
        let err = write_new(&path, "two").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&path).unwrap(), "one");
        assert_eq!(names_in(dir.path()), ["x.md"]);
    }

    #[test]
    fn formats_read() {
        for format in [Format::Markdown, Format::Text, Format::Json] {
            assert_eq!(Format::parse(format.extension()), Some(format));
        }
        assert_eq!(Format::parse("html"), None);
    }
}
