//! People extraction speed over the polnear-dev article bodies, in bytes
//! per second: `cargo bench --bench people`. Skips (with a message) when
//! `../shared/corpus/polnear-dev` is not there.

use byline::analysis::people::{find_people, warm_up};
use divan::Bencher;
use divan::counter::BytesCount;
use std::path::PathBuf;
use std::sync::LazyLock;

fn corpus_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/polnear-dev/articles.jsonl")
}

/// The bodies, paragraphs joined with a blank line as byline joins them.
static BODIES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let Ok(raw) = std::fs::read_to_string(corpus_path()) else {
        return Vec::new();
    };
    raw.lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .map(|v| match &v["body"] {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Array(a) => a
                .iter()
                .filter_map(|p| p.as_str())
                .collect::<Vec<_>>()
                .join("\n\n"),
            _ => String::new(),
        })
        .collect()
});

fn main() {
    if BODIES.is_empty() {
        println!(
            "skipping the people benchmark: {} is absent",
            corpus_path().display()
        );
        return;
    }
    let bytes: usize = BODIES.iter().map(String::len).sum();
    println!("people: {} bodies, {bytes} bytes", BODIES.len());
    warm_up();
    divan::main();
}

/// All bodies, one after the other, on one core.
#[divan::bench]
fn polnear_dev(bencher: Bencher) {
    let bytes: usize = BODIES.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        BODIES
            .iter()
            .map(|b| find_people(divan::black_box(b)).persons.len())
            .sum::<usize>()
    });
}
