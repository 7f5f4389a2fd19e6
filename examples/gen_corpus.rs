//! Builds a large article library for benchmarks, by cycling real article
//! bodies (the polnear-train corpus of the evaluation kit when it is there,
//! else the bundled samples) with distinct ids, titles and dates.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --articles 100000 --out big.jsonl
//! cargo run --release --example gen_corpus -- --articles 100000 --shape folder --out big/
//! cargo run --release --example gen_corpus -- --articles 100000 --shape array --out big.json
//! ```

use byline::article::{Article, Input, load};
use serde_json::json;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

struct Options {
    articles: usize,
    out: PathBuf,
    shape: String,
}

fn main() -> ExitCode {
    let options = match parse(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!(
                "gen_corpus: {message}\nusage: gen_corpus --articles N --out PATH [--shape jsonl|folder|array]"
            );
            return ExitCode::from(2);
        }
    };
    let sources = sources();
    if sources.is_empty() {
        eprintln!("gen_corpus: no source articles found");
        return ExitCode::FAILURE;
    }
    let result = match options.shape.as_str() {
        "jsonl" => write_lines(&options, &sources),
        "folder" => write_folder(&options, &sources),
        _ => write_array(&options, &sources),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("gen_corpus: {}: {err}", options.out.display());
            ExitCode::FAILURE
        }
    }
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        articles: 100_000,
        out: PathBuf::from("big.jsonl"),
        shape: "jsonl".into(),
    };
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--articles" => {
                options.articles = value()?.parse().map_err(|e| format!("--articles: {e}"))?;
            }
            "--out" => options.out = PathBuf::from(value()?),
            "--shape" => options.shape = value()?,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if !matches!(options.shape.as_str(), "jsonl" | "folder" | "array") {
        return Err(format!("unknown shape {}", options.shape));
    }
    Ok(options)
}

fn sources() -> Vec<Article> {
    let corpus =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/polnear-train/articles.jsonl");
    if corpus.exists() {
        eprintln!("gen_corpus: cycling the bodies of {}", corpus.display());
        return load(&[Input::Path(corpus)]).articles;
    }
    eprintln!("gen_corpus: the evaluation corpus is absent; cycling the bundled samples");
    load(&byline::samples::inputs()).articles
}

/// The `n`-th generated article: a source body with its own id, title and date.
fn article(n: usize, sources: &[Article]) -> serde_json::Value {
    let source = &sources[n % sources.len()];
    let day = n % 28 + 1;
    let month = (n / 28) % 12 + 1;
    let year = 2000 + (n / (28 * 12)) % 27;
    json!({
        "id": format!("gen-{n:06}"),
        "title": format!("{} ({})", source.title, n + 1),
        "source": source.source.clone().unwrap_or_else(|| "generated".into()),
        "author": source.authors.clone(),
        "published": format!("{year:04}-{month:02}-{day:02}"),
        "body": source.body,
    })
}

fn write_lines(options: &Options, sources: &[Article]) -> std::io::Result<()> {
    let mut out = BufWriter::new(fs::File::create(&options.out)?);
    for n in 0..options.articles {
        writeln!(out, "{}", article(n, sources))?;
    }
    out.flush()
}

fn write_array(options: &Options, sources: &[Article]) -> std::io::Result<()> {
    let mut out = BufWriter::new(fs::File::create(&options.out)?);
    write!(out, "[")?;
    for n in 0..options.articles {
        let comma = if n == 0 { "" } else { ",\n" };
        write!(out, "{comma}{}", article(n, sources))?;
    }
    writeln!(out, "]")?;
    out.flush()
}

/// One file per article, a hundred to a subfolder.
fn write_folder(options: &Options, sources: &[Article]) -> std::io::Result<()> {
    for n in 0..options.articles {
        let dir = options.out.join(format!("{:04}", n / 100));
        if n % 100 == 0 {
            fs::create_dir_all(&dir)?;
        }
        fs::write(
            dir.join(format!("{n:06}.json")),
            article(n, sources).to_string(),
        )?;
    }
    Ok(())
}
