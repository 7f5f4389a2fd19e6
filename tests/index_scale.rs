//! The speaker index on a large library: build time and memory, measured
//! apart from the analysis, and the time to answer the People view's
//! filter. Ignored by default (it needs a generated library and a release
//! build):
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --articles 100000 --out /tmp/big.jsonl
//! BYLINE_INDEX_LIBRARY=/tmp/big.jsonl \
//!     cargo test --release --test tests index_scale:: -- --ignored --nocapture
//! ```
//!
//! The generated library repeats a few hundred real stories, so it has few
//! speakers; a second test builds 100,000 stories with 200,000 distinct
//! speakers to time the filter where it has the most names to read.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use byline::article::{Article, Input, Origin, Place, load_each};
use byline::index::{Order, Position, Sort, SpeakerIndex};
use byline::{Analysis, Person, Quote, Span, analyse};
use rayon::prelude::*;
use std::time::{Duration, Instant};

/// The reader refreshes the index after each batch of analyses this big.
const BATCH: usize = 256;
/// One frame at 60 frames a second.
const FRAME: Duration = Duration::from_millis(16);

#[test]
#[ignore = "needs BYLINE_INDEX_LIBRARY and --release; see the module docs"]
fn a_large_library_indexes_quickly_and_filters_within_a_frame() {
    let Some(path) = std::env::var_os("BYLINE_INDEX_LIBRARY") else {
        eprintln!("skipping: set BYLINE_INDEX_LIBRARY to a generated library (see the docs)");
        return;
    };
    let started = Instant::now();
    let mut articles: Vec<Article> = Vec::new();
    let mut analyses: Vec<Analysis> = Vec::new();
    load_each(&[Input::Path(path.into())], |batch| {
        analyses.par_extend(batch.articles.par_iter().map(|a| analyse(&a.body)));
        articles.extend(batch.articles);
    });
    let quotes: usize = analyses.iter().map(|a| a.quotes.len()).sum();
    println!(
        "loaded and analysed {} articles ({quotes} quotes) in {:.1?}",
        articles.len(),
        started.elapsed()
    );

    let before = resident_kib();
    let (started, cpu) = (Instant::now(), thread_cpu());
    let mut index = SpeakerIndex::new();
    for (i, (article, analysis)) in articles.iter().zip(&analyses).enumerate() {
        index.add(i, article, analysis);
    }
    index.refresh();
    let (at_once, cpu) = (started.elapsed(), thread_cpu().saturating_sub(cpu));
    let grown = resident_kib().saturating_sub(before);
    println!(
        "index in one go: {at_once:.1?} ({cpu:.1?} CPU); {} speakers; heap {:.1} MiB (resident grew {:.1} MiB)",
        index.len(),
        index.heap_size() as f64 / 1_048_576.0,
        grown as f64 / 1024.0
    );
    drop(index);

    let index = by_batches(&articles, &analyses);
    measure_queries(&index, &articles);
}

#[test]
#[ignore = "timing: run with --release; see the module docs"]
fn two_hundred_thousand_speakers_filter_within_a_frame() {
    let stories: Vec<(Article, Analysis)> = (0..100_000).map(made_up_story).collect();
    let (started, cpu) = (Instant::now(), thread_cpu());
    let mut index = SpeakerIndex::new();
    for (i, (article, analysis)) in stories.iter().enumerate() {
        index.add(i, article, analysis);
    }
    index.refresh();
    println!(
        "index of {} made-up speakers: {:.1?} ({:.1?} CPU); heap {:.1} MiB",
        index.len(),
        started.elapsed(),
        thread_cpu().saturating_sub(cpu),
        index.heap_size() as f64 / 1_048_576.0
    );
    assert_eq!(index.len(), 200_000);
    let (sorted, took) = timed(11, || index.speakers(Sort::Quotes));
    println!("sorted by quotes: {took}");
    for query in ["a", "ke", "kelimo", "zzzz", "ta vu"] {
        let (found, took) = timed(51, || index.filter_in(&sorted, query).len());
        println!("filter {query:?}: {found} speakers; {took}");
        if !cfg!(debug_assertions) {
            assert!(took.cpu < FRAME, "filter {query:?}: {took}");
        }
    }
}

/// Story `n` of a made-up library: two people, never seen before, one
/// quote each.
fn made_up_story(n: usize) -> (Article, Analysis) {
    // A different consonant in each: no two made-up names are spelling
    // variants of each other.
    const SYLLABLES: [&str; 16] = [
        "ba", "de", "fi", "go", "hu", "xa", "ke", "li", "mo", "nu", "pa", "re", "si", "to", "vu",
        "za",
    ];
    let word = |mut k: usize, len: usize| -> String {
        let mut w = String::new();
        for _ in 0..len {
            w.push_str(SYLLABLES[k % SYLLABLES.len()]);
            k /= SYLLABLES.len();
        }
        let mut chars = w.chars();
        chars
            .next()
            .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
    };
    let name = |k: usize| format!("{} {}", word(k * 7 + 3, 2), word(k, 5));
    let body = format!("“Said by one, {n}.” “Said by two, {n}.”");
    let quote = |person: usize, from: usize, to: usize| Quote {
        span: Span::new(from, to),
        person: Some(person),
        speaker: Some(name(2 * n + person)),
        cue: Some("said".into()),
    };
    let first_end = body.find('”').unwrap();
    let second_start = body.rfind('“').unwrap() + '“'.len_utf8();
    let people = (0..2)
        .map(|p| Person {
            name: name(2 * n + p),
            aliases: Vec::new(),
            mentions: Vec::new(),
            role: None,
            gender: None,
            descriptors: Vec::new(),
        })
        .collect();
    let analysis = Analysis {
        people,
        quotes: vec![
            quote(0, '“'.len_utf8(), first_end),
            quote(1, second_start, body.len() - '”'.len_utf8()),
        ],
    };
    let article = Article {
        id: format!("made-up-{n}"),
        title: format!("Story {n}"),
        subtitle: None,
        body,
        source: None,
        authors: Vec::new(),
        published: Some("2024-01-01".into()),
        url: None,
        images: Vec::new(),
        truncated: false,
        read: None,
        origin: Origin {
            file: std::sync::Arc::from("made-up"),
            place: Place::Line(n + 1),
        },
    };
    (article, analysis)
}

/// Builds the index as the reader does, refreshing after every batch, and
/// reports the total and the slowest batch's adding and refreshing.
fn by_batches(articles: &[Article], analyses: &[Analysis]) -> SpeakerIndex {
    let (started, cpu) = (Instant::now(), thread_cpu());
    let mut index = SpeakerIndex::new();
    let (mut slowest_add, mut slowest_refresh) = (Duration::ZERO, Duration::ZERO);
    for (n, chunk) in analyses.chunks(BATCH).enumerate() {
        let adding = Instant::now();
        for (i, analysis) in chunk.iter().enumerate() {
            let at = n * BATCH + i;
            index.add(at, &articles[at], analysis);
        }
        slowest_add = slowest_add.max(adding.elapsed());
        let refreshing = Instant::now();
        index.refresh();
        slowest_refresh = slowest_refresh.max(refreshing.elapsed());
    }
    println!(
        "index by batches of {BATCH}: {:.1?} ({:.1?} CPU); slowest batch: add {slowest_add:.2?}, \
         refresh {slowest_refresh:.2?}",
        started.elapsed(),
        thread_cpu().saturating_sub(cpu)
    );
    index
}

fn measure_queries(index: &SpeakerIndex, articles: &[Article]) {
    let sorted = index.speakers(Sort::Quotes);
    for query in ["s", "stol", "trump", "hc", "zzzz", "Donald J"] {
        let (found, took) = timed(51, || index.filter_in(&sorted, query).len());
        println!("filter {query:?}: {found} speakers; {took}");
        if !cfg!(debug_assertions) {
            assert!(took.cpu < FRAME, "filter {query:?}: {took}");
        }
    }
    let (listed, took) = timed(21, || index.speakers(Sort::Name).len());
    println!("all {listed} speakers by name: {took}");
    let top = index.speakers(Sort::Quotes)[0];
    let speaker = index.speaker(top).unwrap();
    let (shown, took) = timed(11, || index.quotes(top, Order::Newest).len());
    println!(
        "{}: {} quotes ({} with wire copies, {} stories); newest first, {shown} listed: {took}",
        speaker.name(),
        speaker.quotes(),
        speaker.occurrences(),
        speaker.stories(),
    );
    let middle = Position {
        article: articles.len() / 2,
        offset: 0,
    };
    let (_, took) = timed(21, || index.next_quote(top, middle).map(|s| s.article));
    println!("next quote across stories: {took}");
}

/// How long something took over several runs: the median and slowest
/// wall time, and the CPU time per run, which a busy machine does not
/// inflate (the assertions use it).
struct Took {
    median: Duration,
    slowest: Duration,
    cpu: Duration,
}

impl std::fmt::Display for Took {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "CPU {:.2?} a run; wall median {:.2?}, slowest {:.2?}",
            self.cpu, self.median, self.slowest
        )
    }
}

/// The result of `f` and how long it took over `runs` runs.
fn timed<T>(runs: usize, mut f: impl FnMut() -> T) -> (T, Took) {
    let mut times = Vec::with_capacity(runs);
    let mut result = None;
    let cpu = thread_cpu();
    for _ in 0..runs {
        let started = Instant::now();
        result = Some(f());
        times.push(started.elapsed());
    }
    let cpu = thread_cpu().saturating_sub(cpu) / u32::try_from(runs).unwrap();
    times.sort();
    let took = Took {
        median: times[runs / 2],
        slowest: times[runs - 1],
        cpu,
    };
    (result.unwrap(), took)
}

/// CPU time this thread has used (Linux), which a busy machine does not
/// inflate as it does wall time; zero elsewhere.
fn thread_cpu() -> Duration {
    let Ok(stat) = std::fs::read_to_string("/proc/thread-self/stat") else {
        return Duration::ZERO;
    };
    // After the command name in parentheses: utime and stime are fields
    // 14 and 15, in clock ticks (100 a second on Linux).
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let ticks: u64 = [11, 12]
        .iter()
        .filter_map(|&i| fields.get(i)?.parse::<u64>().ok())
        .sum();
    Duration::from_millis(ticks * 10)
}

/// Resident memory of this process (Linux), in KiB; 0 elsewhere.
fn resident_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
            line.split_whitespace().nth(1)?.parse().ok()
        })
        .unwrap_or(0)
}
