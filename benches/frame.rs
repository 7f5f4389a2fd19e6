//! The reader's cost per key press: `update` plus a full render on a test
//! backend at 200×60, with 100,000 stories listed and a 3 MB story open.
//! `cargo bench --bench frame`.
//!
//! Besides divan's timings it replays 10,000 key presses (moving, paging,
//! quotes, focus, stories, and a search typed, opened and cleared) and
//! prints the 50th and 99th percentile and slowest key-to-frame times, the
//! figure issue 6 asks for, per key too. The replay runs three times, each
//! on a fresh reader: "raw" pools every press; "steady" takes each press's
//! least time over the runs, which filters out the moments another process
//! had the processor (they seldom hit the same press twice), so it is what
//! the reader itself costs. Between presses the runtime would do a slice of
//! background work (the search scan, wrapping): those are timed apart,
//! since a key that arrives during one waits for it. The baseline, replayed
//! in the same run, is the same keys on a library of 100 short stories.
//!
//! `BYLINE_FRAME_KEYS=N` replays N presses, `BYLINE_FRAME_RUNS=N` N times;
//! `BYLINE_FRAME_REPLAY_ONLY=1` skips divan and `BYLINE_FRAME_LIBRARY=small`
//! the big library (for runs under valgrind).

use byline::article::{Article, Loaded, Origin, Place};
use byline::tui::Msg;
use byline::tui::digest::Digest;
use byline::tui::headless::Headless;
use byline::{Analysis, Quote, Span};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

const STORIES: usize = 100_000;
const BIG: usize = 3 << 20;
const SIZE: (u16, u16) = (200, 60);

fn setting(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let presses = setting("BYLINE_FRAME_KEYS", 10_000);
    let runs = setting("BYLINE_FRAME_RUNS", 3).max(1);
    let replays = |stories, big| -> Vec<Replay> {
        (0..runs)
            .map(|_| replay(&mut reader(stories, big), presses))
            .collect()
    };
    // `BYLINE_FRAME_LIBRARY=small` or `big` replays only one (for valgrind).
    let only = std::env::var("BYLINE_FRAME_LIBRARY").unwrap_or_default();
    let small = replays(100, false);
    if only == "small" {
        return report("baseline: 100 short stories", &small, false);
    }
    let big = replays(STORIES, true);
    let label = format!(
        "{STORIES} stories, a {} MB story open, {}x{}",
        BIG >> 20,
        SIZE.0,
        SIZE.1
    );
    report("baseline: 100 short stories", &small, false);
    report(&label, &big, true);
    let (small, big) = (Replay::steady(&small), Replay::steady(&big));
    println!(
        "steady, ratio to the baseline: p50 {:.2}×, p99 {:.2}×",
        big.percentile(50).as_secs_f64() / small.percentile(50).as_secs_f64(),
        big.percentile(99).as_secs_f64() / small.percentile(99).as_secs_f64(),
    );
    if std::env::var_os("BYLINE_FRAME_REPLAY_ONLY").is_none() {
        divan::main();
    }
}

fn article(i: usize, body: String) -> Article {
    Article {
        id: format!("story-{i}"),
        title: format!("Story number {i} about harbours, gates and the council budget"),
        subtitle: None,
        body,
        source: Some("Bench Wire".into()),
        authors: Vec::new(),
        published: Some("2026-03-14".into()),
        url: None,
        images: Vec::new(),
        truncated: false,
        read: None,
        origin: Origin {
            file: Arc::from("bench.jsonl"),
            place: Place::Line(i + 1),
        },
    }
}

/// A 3 MB story with a quote in every fifth paragraph, and its analysis.
fn big_story() -> (Article, Analysis) {
    let paragraph = "The council met again on Tuesday to argue about the harbour gates, the tides and the budget, and nobody left early.";
    let said = "\"We will build the gates before the storms come back,\" the mayor said.";
    let mut body = String::with_capacity(BIG + 1024);
    let mut quotes = Vec::new();
    let mut i = 0;
    while body.len() < BIG {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        if i % 5 == 0 {
            let start = body.len() + 1;
            let end = body.len() + said.rfind('"').unwrap_or(1);
            quotes.push(Quote {
                span: Span::new(start, end),
                person: None,
                speaker: Some("Mayor".into()),
                cue: None,
            });
            body.push_str(said);
        } else {
            body.push_str(paragraph);
        }
        i += 1;
    }
    (
        article(0, body),
        Analysis {
            people: Vec::new(),
            quotes,
        },
    )
}

/// The reader with `stories` listed, the first open: the 3 MB one if `big`.
fn reader(stories: usize, big: bool) -> Headless {
    let mut reader = Headless::new(SIZE.0, SIZE.1);
    let small = "A short story body with a few sentences in it about the gates. ".repeat(20);
    let (first, analysis) = if big {
        big_story()
    } else {
        (article(0, small.clone()), Analysis::default())
    };
    let digest = Digest::of(&first.body, &analysis);
    let mut articles = vec![first];
    articles.extend((1..stories).map(|i| article(i, small.clone())));
    reader.send(Msg::Loaded(Loaded {
        articles,
        problems: Vec::new(),
    }));
    reader.send(Msg::Analysed(vec![(0, digest)]));
    reader.send(Msg::LoadDone);
    reader.press("Enter");
    // The runtime wraps the rest of a long story while the reader is idle.
    while reader.app.work() {}
    reader
}

/// Keys a reader presses in the body, round and round: moving, paging,
/// quotes, the sidebar, the next story and back, and a search.
const KEYS: &[&str] = &[
    "j", "j", "Space", "]", "]", "k", "b", "C-d", "[", "G", "g g", "Tab", "j", "S-Tab", "C-u", "J",
    "K", "/", "g", "a", "t", "e", "s", "Enter", "n", "n", "N", "Esc",
];

/// Key-to-frame times in the order of the presses, with their keys, and
/// the slices of background work done between presses.
#[derive(Clone)]
struct Replay {
    keys: Vec<(Duration, &'static str)>,
    slices: Vec<Duration>,
}

fn replay(reader: &mut Headless, presses: usize) -> Replay {
    let mut keys = Vec::with_capacity(presses);
    let mut slices = Vec::new();
    for &key in KEYS.iter().cycle().take(presses) {
        let start = Instant::now();
        reader.press(key);
        reader.draw();
        keys.push((start.elapsed(), key));
        if reader.app.busy() {
            let start = Instant::now();
            reader.app.work();
            slices.push(start.elapsed());
        }
    }
    Replay { keys, slices }
}

fn at<T: Copy>(sorted: &[T], p: usize) -> Option<T> {
    let last = sorted.len().checked_sub(1)?;
    Some(sorted[(sorted.len() * p / 100).min(last)])
}

fn ms(d: Option<Duration>) -> f64 {
    d.unwrap_or_default().as_secs_f64() * 1e3
}

impl Replay {
    /// Every press of every run.
    fn pooled(runs: &[Replay]) -> Replay {
        Replay {
            keys: runs.iter().flat_map(|r| r.keys.clone()).collect(),
            slices: runs.iter().flat_map(|r| r.slices.clone()).collect(),
        }
    }

    /// Each press (and slice) at its least time over the runs.
    fn steady(runs: &[Replay]) -> Replay {
        let mut steady = runs[0].clone();
        for run in &runs[1..] {
            for (best, &(d, _)) in steady.keys.iter_mut().zip(&run.keys) {
                best.0 = best.0.min(d);
            }
            for (best, &d) in steady.slices.iter_mut().zip(&run.slices) {
                *best = (*best).min(d);
            }
        }
        steady
    }

    fn sorted(&self) -> Vec<Duration> {
        let mut times: Vec<Duration> = self.keys.iter().map(|&(d, _)| d).collect();
        times.sort_unstable();
        times
    }

    fn percentile(&self, p: usize) -> Duration {
        at(&self.sorted(), p).unwrap_or_default()
    }

    fn line(&self) -> String {
        let times = self.sorted();
        let mut slices = self.slices.clone();
        slices.sort_unstable();
        format!(
            "p50 {:.2} ms, p99 {:.2} ms, slowest {:.2} ms; background slices p50 {:.2} ms, p99 {:.2} ms",
            ms(at(&times, 50)),
            ms(at(&times, 99)),
            ms(times.last().copied()),
            ms(at(&slices, 50)),
            ms(at(&slices, 99)),
        )
    }

    /// p50/p99 of each key, in ms.
    fn per_key(&self) -> String {
        let mut by_key: BTreeMap<&str, Vec<Duration>> = BTreeMap::new();
        for &(d, key) in &self.keys {
            by_key.entry(key).or_default().push(d);
        }
        let rows: Vec<String> = by_key
            .iter_mut()
            .map(|(key, times)| {
                times.sort_unstable();
                format!("{key} {:.2}/{:.2}", ms(at(times, 50)), ms(at(times, 99)))
            })
            .collect();
        rows.join(" · ")
    }
}

fn report(label: &str, runs: &[Replay], per_key: bool) {
    let presses = runs[0].keys.len();
    println!(
        "key to frame, {label}, {presses} presses × {} runs:",
        runs.len()
    );
    println!("  raw:    {}", Replay::pooled(runs).line());
    let each: Vec<String> = runs
        .iter()
        .map(|r| format!("{:.2}", r.percentile(99).as_secs_f64() * 1e3))
        .collect();
    println!("  raw p99 of each run, ms: {}", each.join(", "));
    let steady = Replay::steady(runs);
    println!("  steady: {}", steady.line());
    if per_key {
        println!("  steady per key, p50/p99 ms: {}", steady.per_key());
    }
}

#[divan::bench(args = ["j", "Space", "]", "J", "G"])]
fn key_then_frame(bencher: divan::Bencher, key: &str) {
    let mut reader = reader(STORIES, true);
    bencher.bench_local(|| {
        reader.press(key);
        if key == "J" {
            reader.press("K");
        }
        reader.draw();
    });
}

#[divan::bench]
fn wrap_a_3mb_story(bencher: divan::Bencher) {
    let (big, analysis) = big_story();
    let story = byline::tui::story::Story::new(&Digest::of(&big.body, &analysis), &big.body);
    bencher.bench(|| byline::tui::body::BodyView::build(0, &big, Some(&story), 100));
}
