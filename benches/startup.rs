//! Startup at scale: how soon the first stories show, how soon all of them
//! are listed, how long the background analysis of the whole library takes
//! and the peak memory, for the whole reader (loader, analysis threads,
//! main loop, frames drawn on a 200×60 test screen) reading a generated
//! 100,000-article JSON Lines file. `cargo bench --bench startup`.
//!
//! Every sample runs in a fresh process, since peak memory is per process.
//! The baseline, sampled in turn with the reader in the same run, is the
//! loader alone keeping every article (`load_each` into a `Vec`): the
//! reader's listing time is also given as a ratio to it, which holds
//! steadier than either time on a busy machine. A last sample runs until
//! the whole library is analysed and gives its peak memory against the
//! file's size.
//!
//! The corpus is `BYLINE_CORPUS` if set, else generated once by
//! `examples/gen_corpus` into the target folder (`BYLINE_BENCH_ARTICLES`
//! sets its size, 100,000 by default). `BYLINE_BENCH_SAMPLES` sets the
//! number of samples (5). Without a corpus the benchmark says why and skips.

use byline::article::{Input, load_each};
use byline::tui::headless::{self, Until};
use byline::tui::stats::peak_memory;
use std::env;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

const SAMPLE: &str = "BYLINE_STARTUP_SAMPLE";
const SIZE: (u16, u16) = (200, 60);

/// One sample's figures: first rows, all listed, all analysed, peak memory.
#[derive(Debug, Clone, Copy, Default)]
struct Sample {
    first: Duration,
    listed: Duration,
    analysed: Option<Duration>,
    peak: u64,
}

fn main() -> ExitCode {
    if let Ok(kind) = env::var(SAMPLE) {
        let Some(path) = env::args().nth(1) else {
            return ExitCode::FAILURE;
        };
        return child(&kind, Path::new(&path));
    }
    let articles = number("BYLINE_BENCH_ARTICLES", 100_000);
    let samples = number("BYLINE_BENCH_SAMPLES", 5);
    let Some(corpus) = corpus(articles) else {
        return ExitCode::SUCCESS;
    };
    match parent(&corpus, samples) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("startup: {err}");
            ExitCode::FAILURE
        }
    }
}

fn number(name: &str, default: usize) -> usize {
    env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Runs one sample in this process and prints it on one line.
fn child(kind: &str, path: &Path) -> ExitCode {
    let inputs = vec![Input::Path(path.to_owned())];
    let sample = match kind {
        "loader" => loader_alone(&inputs),
        "listed" | "analysed" => {
            let until = if kind == "listed" {
                Until::Listed
            } else {
                Until::Analysed
            };
            let Ok(stats) = headless::run(inputs, SIZE.0, SIZE.1, until) else {
                return ExitCode::FAILURE;
            };
            Sample {
                first: stats.first_rows.unwrap_or_default(),
                listed: stats.all_listed.unwrap_or_default(),
                analysed: stats.all_analysed,
                peak: stats.peak_memory.unwrap_or_default(),
            }
        }
        _ => return ExitCode::FAILURE,
    };
    let analysed = sample.analysed.map_or(-1.0, |d| d.as_secs_f64());
    println!(
        "{} {} {analysed} {}",
        sample.first.as_secs_f64(),
        sample.listed.as_secs_f64(),
        sample.peak
    );
    ExitCode::SUCCESS
}

/// The baseline: the loader, keeping every article, and nothing else.
fn loader_alone(inputs: &[Input]) -> Sample {
    let started = Instant::now();
    let mut first = None;
    let mut kept = Vec::new();
    load_each(inputs, |batch| {
        if first.is_none() && !batch.articles.is_empty() {
            first = Some(started.elapsed());
        }
        kept.extend(batch.articles);
    });
    let listed = started.elapsed();
    let peak = peak_memory().unwrap_or_default();
    drop(kept);
    Sample {
        first: first.unwrap_or(listed),
        listed,
        analysed: None,
        peak,
    }
}

fn run_child(kind: &str, corpus: &Path) -> Result<Sample, String> {
    let exe = env::current_exe().map_err(|e| e.to_string())?;
    let out = Command::new(exe)
        .arg(corpus)
        .env(SAMPLE, kind)
        .output()
        .map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&out.stdout);
    let fields: Vec<f64> = text
        .split_whitespace()
        .filter_map(|f| f.parse().ok())
        .collect();
    let [first, listed, analysed, peak] = fields[..] else {
        return Err(format!("a {kind} sample failed: {text}"));
    };
    Ok(Sample {
        first: Duration::from_secs_f64(first),
        listed: Duration::from_secs_f64(listed),
        analysed: (analysed >= 0.0).then(|| Duration::from_secs_f64(analysed)),
        peak: peak as u64,
    })
}

fn median<T: Copy + PartialOrd>(mut values: Vec<T>) -> T {
    values.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    values[values.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1e3)
}

fn mb(bytes: u64) -> String {
    format!("{:.0} MB", bytes as f64 / 1e6)
}

fn parent(corpus: &Path, samples: usize) -> Result<(), String> {
    let size = std::fs::metadata(corpus).map_err(|e| e.to_string())?.len();
    println!(
        "startup on {} ({}), {samples} samples each",
        corpus.display(),
        mb(size)
    );
    let mut loader = Vec::new();
    let mut reader = Vec::new();
    for _ in 0..samples.max(1) {
        loader.push(run_child("loader", corpus)?);
        reader.push(run_child("listed", corpus)?);
    }
    let ratios: Vec<f64> = loader
        .iter()
        .zip(&reader)
        .map(|(l, r)| r.listed.as_secs_f64() / l.listed.as_secs_f64())
        .collect();
    let show = |name: &str, s: &[Sample]| {
        println!(
            "{name:<22} first rows {:>7} · all listed {:>8} · peak memory {:>7} (medians; all listed {})",
            ms(median(s.iter().map(|s| s.first).collect())),
            ms(median(s.iter().map(|s| s.listed).collect())),
            mb(median(s.iter().map(|s| s.peak).collect())),
            s.iter()
                .map(|s| ms(s.listed))
                .collect::<Vec<_>>()
                .join(", "),
        );
    };
    show("loader alone", &loader);
    show("reader", &reader);
    println!(
        "reader / loader alone, all listed: {:.2}× (median of {} pairs)",
        median(ratios),
        loader.len()
    );
    let whole = run_child("analysed", corpus)?;
    println!(
        "whole library analysed: first rows {} · all listed {} · all analysed {} · peak memory {} = {:.2}× the file",
        ms(whole.first),
        ms(whole.listed),
        whole.analysed.map_or_else(|| "-".to_owned(), ms),
        mb(whole.peak),
        whole.peak as f64 / size as f64,
    );
    Ok(())
}

/// The corpus to read: `BYLINE_CORPUS`, or one generated into the target
/// folder on first use. `None`, said on standard error, if there is none.
fn corpus(articles: usize) -> Option<PathBuf> {
    if let Some(path) = env::var_os("BYLINE_CORPUS") {
        return Some(PathBuf::from(path));
    }
    // The benchmark runs from <target>/release/deps/.
    let target = env::current_exe().ok()?.ancestors().nth(3)?.to_owned();
    let dir = target.join("bench-corpus");
    let path = dir.join(format!("articles-{articles}.jsonl"));
    if path.exists() {
        return Some(path);
    }
    let partial = dir.join(format!("articles-{articles}.jsonl.part"));
    let generated = std::fs::create_dir_all(&dir).is_ok()
        && Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args(["run", "--release", "--example", "gen_corpus", "--"])
            .arg("--articles")
            .arg(articles.to_string())
            .arg("--out")
            .arg(&partial)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .is_ok_and(|s| s.success())
        && std::fs::rename(&partial, &path).is_ok();
    if generated {
        Some(path)
    } else {
        eprintln!(
            "SKIPPED: could not generate the corpus with examples/gen_corpus; set BYLINE_CORPUS to a JSON Lines file"
        );
        None
    }
}
