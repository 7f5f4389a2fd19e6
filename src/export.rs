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
/// Every text from the article (title, body, quotes, names, source) is
/// escaped ([`md_text`]): it shows as written and never becomes markup,
/// HTML or a link. The article's web address is a link only if it is
/// `http://` or `https://`, made safe to stand in `<…>` ([`md_link`]);
/// any other is left out.
pub fn markdown(article: &Article, analysis: &Analysis) -> String {
    let mut out = format!("# {}\n\n", md_text(&article.title));
    if let Some(subtitle) = &article.subtitle {
        let _ = write!(out, "*{}*\n\n", md_text(subtitle));
    }
    push_meta(&mut out, article, md_text, |url| {
        md_link(url).map(|url| format!("<{url}>"))
    });
    for (_, paragraph) in article.paragraphs() {
        let lines: Vec<String> = paragraph
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(md_text)
            .collect();
        out.push_str(&lines.join("\n"));
        out.push_str("\n\n");
    }
    if !analysis.quotes.is_empty() {
        out.push_str("## Quotes\n\n");
        for quote in &analysis.quotes {
            let who = speaker(quote).map_or_else(
                || "*Unattributed*".to_owned(),
                |s| format!("**{}**", md_text(s)),
            );
            let _ = writeln!(
                out,
                "- {who}{}: “{}”",
                cue(quote, md_text),
                md_text(quote_text(article, quote))
            );
        }
        out.push('\n');
    }
    if !analysis.people.is_empty() {
        out.push_str("## People\n\n");
        for person in &analysis.people {
            let _ = writeln!(
                out,
                "- **{}**{}",
                md_text(&person.name),
                about(person, md_text)
            );
        }
        out.push('\n');
    }
    finish(out)
}

/// Text as Markdown shows it and nothing more, on one line (runs of
/// white space, line breaks included, become one space): a backslash
/// before every character that Markdown or HTML could read as markup
/// (`` \ ` * _ [ ] < > # | ~ ``, `&` when it could start an entity), and
/// before what would open a block at the start of a line (`-`, `+`, `=`,
/// `1.`, `1)`).
pub fn md_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let mut chars = word.chars().peekable();
        while let Some(c) = chars.next() {
            let entity = c == '&'
                && chars
                    .peek()
                    .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#');
            if entity
                || matches!(
                    c,
                    '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
                )
            {
                out.push('\\');
            }
            out.push(c);
        }
    }
    block_start(out)
}

/// A backslash before what would make a line a list item, a heading
/// underline or a rule (`-`, `+`, `=`, `1.`, `1)`); the other block
/// openers (`#`, `>`, `*`, `_`, `` ` ``, `~`, `<`) are escaped anywhere.
fn block_start(mut line: String) -> String {
    if line.starts_with(['-', '+', '=']) {
        line.insert(0, '\\');
        return line;
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) && line[digits..].starts_with(['.', ')']) {
        line.insert(digits, '\\');
    }
    line
}

/// A web address made safe to stand between `<` and `>` in Markdown: only
/// `http://` and `https://` (`None` for any other, `javascript:` and
/// `data:` among them), with every character that could end the link or
/// break it (`<`, `>`, `(`, `)`, quotes, backslashes, back quotes, spaces,
/// control characters) percent-encoded.
pub fn md_link(url: &str) -> Option<String> {
    let url = url.trim();
    let scheme = |s: &str| {
        url.get(..s.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(s))
    };
    if !scheme("http://") && !scheme("https://") {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_whitespace()
            || c.is_control()
            || matches!(c, '<' | '>' | '(' | ')' | '"' | '\'' | '\\' | '`')
        {
            let mut bytes = [0; 4];
            for byte in c.encode_utf8(&mut bytes).bytes() {
                let _ = write!(out, "%{byte:02X}");
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// The same as [`markdown`] without markup: a title underlined, sections in
/// capitals, quotes and people indented.
pub fn text(article: &Article, analysis: &Analysis) -> String {
    let rule = "=".repeat(article.title.width().max(1));
    let mut out = format!("{}\n{rule}\n\n", article.title);
    if let Some(subtitle) = &article.subtitle {
        let _ = write!(out, "{subtitle}\n\n");
    }
    push_meta(&mut out, article, ToOwned::to_owned, |url| {
        Some(url.to_owned())
    });
    for (_, paragraph) in article.paragraphs() {
        out.push_str(paragraph);
        out.push_str("\n\n");
    }
    if !analysis.quotes.is_empty() {
        out.push_str("QUOTES\n\n");
        for quote in &analysis.quotes {
            let who = speaker(quote).unwrap_or("Unattributed");
            let _ = writeln!(
                out,
                "  {who}{}: “{}”",
                cue(quote, ToOwned::to_owned),
                quote_text(article, quote)
            );
        }
        out.push('\n');
    }
    if !analysis.people.is_empty() {
        out.push_str("PEOPLE\n\n");
        for person in &analysis.people {
            let _ = writeln!(out, "  {}{}", person.name, about(person, ToOwned::to_owned));
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
    /// ISO 8601, or `null` when the file gave no time byline could read.
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
        published: article.published_iso(),
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

/// `Source · 11 Oct 2023 · by A, B`, then the web address, if any and
/// `show_url` shows it; `show` writes each text of the article.
fn push_meta(
    out: &mut String,
    article: &Article,
    show: impl Fn(&str) -> String,
    show_url: impl Fn(&str) -> Option<String>,
) {
    let date = article
        .date()
        .map(|d| d.to_string())
        .or_else(|| article.published.clone());
    let authors = (!article.authors.is_empty()).then(|| {
        let names: Vec<String> = article.authors.iter().map(|a| show(a)).collect();
        format!("by {}", names.join(", "))
    });
    let parts: Vec<String> = [
        article.source.as_deref().map(&show),
        date.map(|d| show(&d)),
        authors,
    ]
    .into_iter()
    .flatten()
    .collect();
    if !parts.is_empty() {
        out.push_str(&parts.join(" · "));
        out.push('\n');
    }
    let url = article.url.as_deref().and_then(show_url);
    if let Some(url) = &url {
        out.push_str(url);
        out.push('\n');
    }
    if !parts.is_empty() || url.is_some() {
        out.push('\n');
    }
}

fn speaker(quote: &Quote) -> Option<&str> {
    quote.speaker.as_deref()
}

fn cue(quote: &Quote, show: impl Fn(&str) -> String) -> String {
    quote
        .cue
        .as_deref()
        .map(|cue| format!(" ({})", show(cue)))
        .unwrap_or_default()
}

fn quote_text<'a>(article: &'a Article, quote: &Quote) -> &'a str {
    quote.span.text(&article.body)
}

/// `, NATO Secretary General; also Stoltenberg; 5 mentions`.
fn about(person: &Person, show: impl Fn(&str) -> String) -> String {
    let mut out = String::new();
    if let Some(role) = &person.role {
        let _ = write!(out, ", {}", show(role));
    }
    if !person.aliases.is_empty() {
        let aliases: Vec<String> = person.aliases.iter().map(|a| show(a)).collect();
        let _ = write!(out, "; also {}", aliases.join(", "));
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

    /// `text` with every escaped character taken back, and whether a
    /// character Markdown reads was left unescaped.
    fn unescape(text: &str) -> (String, bool) {
        let mut out = String::new();
        let mut bare = false;
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => out.extend(chars.next()),
                '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '\n' => {
                    bare = true;
                    out.push(c);
                }
                c => out.push(c),
            }
        }
        (out, bare)
    }

    proptest::proptest! {
        #[test]
        fn md_text_shows_any_text_as_it_is(text in "[ -~\n\t é“”]{0,40}") {
            let escaped = md_text(&text);
            let (back, bare) = unescape(&escaped);
            proptest::prop_assert!(!bare, "{escaped:?}");
            let words: Vec<&str> = text.split_whitespace().collect();
            proptest::prop_assert_eq!(back, words.join(" "));
            proptest::prop_assert!(!escaped.starts_with(['-', '+', '=']));
            let digits = escaped.bytes().take_while(u8::is_ascii_digit).count();
            proptest::prop_assert!(
                digits == 0 || digits > 9 || !escaped[digits..].starts_with(['.', ')'])
            );
            proptest::prop_assert!(!escaped.contains("&amp;") || escaped.contains("\\&amp;"));
        }

        #[test]
        fn md_link_cannot_break_out(rest in "[ -~\n\t é]{0,40}") {
            let link = md_link(&format!("https://x.test/{rest}")).unwrap();
            proptest::prop_assert!(
                !link.contains(|c: char| c.is_whitespace()
                    || matches!(c, '<' | '>' | '(' | ')' | '"' | '\'' | '\\' | '`')),
                "{link}"
            );
        }
    }

    #[test]
    fn formats_read() {
        for format in [Format::Markdown, Format::Text, Format::Json] {
            assert_eq!(Format::parse(format.extension()), Some(format));
        }
        assert_eq!(Format::parse("html"), None);
    }
}
