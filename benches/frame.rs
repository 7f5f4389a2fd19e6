//! The reader's cost per key press: `update` plus a full render on a test
//! backend at 200×60, with 100,000 stories listed and a 3 MB story
//! open. `cargo bench --bench frame`.
//!
//! Besides divan's timings it replays 10,000 key presses and prints the
//! 50th, 99th and slowest key-to-frame times, the figure issue 6 asks for.

use byline::article::{Article, Loaded, Origin, Place};
use byline::tui::Msg;
use byline::tui::headless::Headless;
use byline::{Analysis, Quote, Span};
use std::sync::Arc;
use std::time::{Duration, Instant};

const STORIES: usize = 100_000;
const BIG: usize = 3 << 20;
const SIZE: (u16, u16) = (200, 60);

fn main() {
    replay();
    divan::main();
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

/// The reader with 100,000 stories listed and the 3 MB one open.
fn reader() -> Headless {
    let mut reader = Headless::new(SIZE.0, SIZE.1);
    let (big, analysis) = big_story();
    let small = "A short story body with a few sentences in it. ".repeat(20);
    let mut articles = vec![big];
    articles.extend((1..STORIES).map(|i| article(i, small.clone())));
    reader.send(Msg::Loaded(Loaded {
        articles,
        problems: Vec::new(),
    }));
    reader.send(Msg::Analysed(0, Arc::new(analysis)));
    reader.send(Msg::LoadDone);
    reader.press("Enter");
    // The runtime wraps the rest of a long story while the reader is idle.
    while reader.app.work() {}
    reader
}

/// Keys a reader presses in the body, round and round.
const KEYS: &[&str] = &[
    "j", "j", "Space", "]", "]", "k", "b", "C-d", "[", "G", "g g", "Tab", "j", "S-Tab", "C-u", "J",
    "K",
];

fn replay() {
    let started = Instant::now();
    let mut reader = reader();
    let setup = started.elapsed();
    let mut times: Vec<(Duration, &str)> = Vec::with_capacity(10_000);
    for key in KEYS.iter().cycle().take(10_000) {
        let start = Instant::now();
        reader.press(key);
        reader.draw();
        times.push((start.elapsed(), key));
    }
    times.sort();
    let at = |p: usize| times[(times.len() * p / 100).min(times.len() - 1)].0;
    println!(
        "key to frame, {STORIES} stories, a {} MB story open, {}x{}: p50 {:?}, p99 {:?}, slowest {:?} (setup {setup:?})",
        BIG >> 20,
        SIZE.0,
        SIZE.1,
        at(50),
        at(99),
        &times[times.len() - 3..],
    );
}

#[divan::bench(args = ["j", "Space", "]", "J", "G"])]
fn key_then_frame(bencher: divan::Bencher, key: &str) {
    let mut reader = reader();
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
    let story = byline::tui::story::Story::new(&big.body, Arc::new(analysis));
    bencher.bench(|| byline::tui::body::BodyView::build(0, &big, Some(&story), 100));
}
