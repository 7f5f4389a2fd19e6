//! Whole-analysis speed (people + quotes) over the polnear-dev article
//! bodies: `cargo bench --bench analysis`. People extraction alone runs in
//! the same process as the baseline, so the cost of the quote engine reads
//! as a ratio. Skips, saying so, when `../shared/corpus/polnear-dev` is not
//! there.

use byline::analysis::people::find_people;
use byline::analysis::warm_up;
use byline::article::{Input, load};
use divan::Bencher;
use divan::counter::BytesCount;
use std::path::PathBuf;
use std::sync::LazyLock;

fn corpus_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/polnear-dev/articles.jsonl")
}

/// The bodies as byline holds them after loading.
static BODIES: LazyLock<Vec<String>> = LazyLock::new(|| {
    if !corpus_path().exists() {
        return Vec::new();
    }
    load(&[Input::Path(corpus_path())])
        .articles
        .into_iter()
        .map(|a| a.body)
        .collect()
});

fn bytes() -> usize {
    BODIES.iter().map(String::len).sum()
}

fn main() {
    if BODIES.is_empty() {
        println!(
            "skipping the analysis benchmark: {} is absent",
            corpus_path().display()
        );
        return;
    }
    println!("analysis: {} bodies, {} bytes", BODIES.len(), bytes());
    warm_up();
    divan::main();
}

/// People and quotes, every body, one core.
#[divan::bench]
fn whole_analysis(bencher: Bencher) {
    bencher.counter(BytesCount::new(bytes())).bench(|| {
        BODIES
            .iter()
            .map(|b| byline::analyse(divan::black_box(b)).quotes.len())
            .sum::<usize>()
    });
}

/// The baseline: people alone, every body, one core.
#[divan::bench]
fn people_only(bencher: Bencher) {
    bencher.counter(BytesCount::new(bytes())).bench(|| {
        BODIES
            .iter()
            .map(|b| find_people(divan::black_box(b)).persons.len())
            .sum::<usize>()
    });
}
