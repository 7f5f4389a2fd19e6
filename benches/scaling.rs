//! How the analysis grows with the text: `cargo bench --bench scaling`.
//!
//! Each shape of generated body (see `tests/scaling_support`) is analysed
//! at a size and at twice that size. Near-linear analysis takes about
//! twice as long for twice the text: the target is a ratio of at most
//! 2.2 (a little over 2 for the memory a larger text takes). The ratios
//! are printed first, from the fastest of several runs of each size; then
//! divan measures every size, with its throughput, which should be about
//! the same at both sizes.
//!
//! The instructions the analysis runs grow 2.0x for twice the text in
//! every shape (callgrind: 2.01x and 2.04x for 10,000 to 20,000 to 40,000
//! people). The time grows a little more, as the larger text's tables
//! outgrow the caches: on a 2-core VM with 16 MiB of cache, 2.1-2.2x for
//! the text shapes and 2.3-2.5x for the speaker shapes, whose tables hold
//! a word, a form and a person for every one of thousands of names.
//!
//! The shapes are the ones that once grew much faster than the text:
//! one paragraph of news sentences (no line break at all), the same
//! sentences a few to a paragraph, many distinct people each quoted once,
//! and those people in a single paragraph. `tests/analysis_scaling.rs`
//! checks the same ratios, with room for a loaded machine.

#[path = "../tests/scaling_support/mod.rs"]
mod scaling_support;

use divan::Bencher;
use divan::counter::BytesCount;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

/// A shape of body, by size: bytes, or people for the speaker shapes.
struct Shape {
    name: &'static str,
    make: fn(usize) -> String,
    /// The smaller size; the larger is twice it.
    size: usize,
    unit: &'static str,
}

const SHAPES: &[Shape] = &[
    Shape {
        name: "one_paragraph",
        make: scaling_support::one_paragraph,
        size: 1 << 20,
        unit: "bytes",
    },
    Shape {
        name: "paragraphs",
        make: scaling_support::paragraphs,
        size: 1 << 20,
        unit: "bytes",
    },
    Shape {
        name: "speakers",
        make: scaling_support::speakers,
        size: 10_000,
        unit: "people",
    },
    Shape {
        name: "speakers_in_one_paragraph",
        make: scaling_support::speakers_in_one_paragraph,
        size: 10_000,
        unit: "people",
    },
];

/// The bodies, made once: `BODIES[shape]` is (size, twice the size).
static BODIES: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    SHAPES
        .iter()
        .map(|s| ((s.make)(s.size), (s.make)(2 * s.size)))
        .collect()
});

/// The fastest of `runs` analyses of `body`.
fn fastest(body: &str, runs: usize) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            divan::black_box(byline::analyse(divan::black_box(body)));
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    byline::analysis::warm_up();
    println!("analysis time at a size and at twice it (fastest of 5; target ratio <= 2.2)");
    for (shape, (small, large)) in SHAPES.iter().zip(BODIES.iter()) {
        let (a, b) = (fastest(small, 5), fastest(large, 5));
        let ratio = b.as_secs_f64() / a.as_secs_f64().max(1e-9);
        println!(
            "  {:<26} {:>7} {} ({:>8} B) {:>9.1} ms | x2 ({:>8} B) {:>9.1} ms | ratio {ratio:.2}{}",
            shape.name,
            shape.size,
            shape.unit,
            small.len(),
            a.as_secs_f64() * 1e3,
            large.len(),
            b.as_secs_f64() * 1e3,
            if ratio > 2.2 { "  ABOVE TARGET" } else { "" },
        );
    }
    divan::main();
}

fn analyse(bencher: Bencher, shape: usize, twice: bool) {
    let (small, large) = &BODIES[shape];
    let body = if twice { large } else { small };
    bencher
        .counter(BytesCount::new(body.len()))
        .bench(|| byline::analyse(divan::black_box(body)).quotes.len());
}

/// One paragraph of news sentences, 1 MiB and 2 MiB.
#[divan::bench(args = [false, true], sample_count = 10)]
fn one_paragraph(bencher: Bencher, twice: bool) {
    analyse(bencher, 0, twice);
}

/// The same sentences a few to a paragraph, 1 MiB and 2 MiB.
#[divan::bench(args = [false, true], sample_count = 10)]
fn paragraphs(bencher: Bencher, twice: bool) {
    analyse(bencher, 1, twice);
}

/// 10,000 and 20,000 distinct people, each quoted once, a paragraph each.
#[divan::bench(args = [false, true], sample_count = 10)]
fn speakers(bencher: Bencher, twice: bool) {
    analyse(bencher, 2, twice);
}

/// 10,000 and 20,000 distinct people in one paragraph.
#[divan::bench(args = [false, true], sample_count = 10)]
fn speakers_in_one_paragraph(bencher: Bencher, twice: bool) {
    analyse(bencher, 3, twice);
}
