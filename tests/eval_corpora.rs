//! The analysis scored against the hand-annotated corpora of the
//! evaluation kit in `../shared`, with the kit's own scorers. Each test
//! fails below the targets and is skipped, saying so, when the kit
//! (or Python, which runs its scorers) is absent.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use byline::article::{Input, load};
use byline::{analyse, extract};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

fn kit() -> Option<PathBuf> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let has_python = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !shared.join("eval").is_dir() || !has_python {
        eprintln!("skipped: the evaluation kit (../shared/eval) or python3 is absent");
        return None;
    }
    Some(shared)
}

/// Runs `byline extract`'s analysis on `articles` and the kit's `scorer` on
/// the result; returns the scorer's JSON.
fn score(shared: &Path, articles: &str, gold: &str, scorer: &str) -> Value {
    let loaded = load(&[Input::Path(shared.join(articles))]);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let mut pred = tempfile::NamedTempFile::new().unwrap();
    for article in &loaded.articles {
        writeln!(
            pred,
            "{}",
            extract::json_line(article, &analyse(&article.body))
        )
        .unwrap();
    }
    let out = Command::new("python3")
        .arg(shared.join("eval").join(scorer))
        .args([
            "--gold",
            shared.join(gold).to_str().unwrap(),
            "--pred",
            pred.path().to_str().unwrap(),
            "--json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn count(json: &Value, path: &[&str]) -> u64 {
    path.iter()
        .fold(json, |v, key| &v[*key])
        .as_u64()
        .unwrap_or_else(|| panic!("no {path:?} in {json}"))
}

fn number(json: &Value, path: &[&str]) -> f64 {
    path.iter()
        .fold(json, |v, key| &v[*key])
        .as_f64()
        .unwrap_or_else(|| panic!("no {path:?} in {json}"))
}

#[test]
fn quotes_and_speakers_on_polnear_dev_meet_the_targets() {
    let Some(shared) = kit() else { return };
    let json = score(
        &shared,
        "corpus/polnear-dev/articles.jsonl",
        "corpus/polnear-dev/gold.jsonl",
        "score.py",
    );
    let quote_f1 = number(&json, &["quotes_overlap", "f1"]);
    let speaker = number(&json, &["speaker", "overall", "accuracy"]);
    let end_to_end = number(&json, &["end_to_end", "f1"]);
    eprintln!(
        "polnear-dev: quote F1 {quote_f1:.3}, speaker accuracy {speaker:.3}, end-to-end F1 {end_to_end:.3}"
    );
    assert!(quote_f1 >= 0.95, "quote F1 {quote_f1:.3} < 0.95");
    assert!(speaker >= 0.90, "speaker accuracy {speaker:.3} < 0.90");
    assert!(end_to_end >= 0.85, "end-to-end F1 {end_to_end:.3} < 0.85");
}

#[test]
fn the_seed_article_has_all_13_quotes_with_their_speakers() {
    let Some(shared) = kit() else { return };
    let json = score(
        &shared,
        "seed/articles.jsonl",
        "seed/gold.jsonl",
        "score.py",
    );
    assert_eq!(count(&json, &["quotes_exact", "tp"]), 13, "{json}");
    assert_eq!(count(&json, &["quotes_overlap", "pred"]), 13, "{json}");
    assert_eq!(
        count(&json, &["speaker", "overall", "correct"]),
        13,
        "{json}"
    );
}
