//! The People view on a large library, with the whole reader running
//! (loader, analysis threads, index thread): how long until every story is
//! in the index, the slowest frame meanwhile, and how long the view takes
//! to answer each key typed into its filter. Ignored by default (it needs a
//! generated library and a release build):
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --articles 100000 --out /tmp/big.jsonl
//! BYLINE_INDEX_LIBRARY=/tmp/big.jsonl \
//!     cargo test --release --test tests tui_people_scale:: -- --ignored --nocapture
//! ```

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use byline::article::Input;
use byline::tui::headless::{Until, run_to};
use std::time::{Duration, Instant};

#[test]
#[ignore = "needs BYLINE_INDEX_LIBRARY and --release; see the module docs"]
fn the_people_view_filters_a_large_library_within_a_frame() {
    let Some(path) = std::env::var_os("BYLINE_INDEX_LIBRARY") else {
        eprintln!("skipping: set BYLINE_INDEX_LIBRARY to a generated library (see the docs)");
        return;
    };
    let started = Instant::now();
    let (stats, mut reader) =
        run_to(vec![Input::Path(path.into())], 160, 45, Until::Indexed).unwrap();
    let index = reader.app.index.clone().unwrap();
    println!(
        "{} stories listed, analysed and indexed in {:.1?}; {} speakers, index heap {:.1} MiB",
        stats.stories,
        started.elapsed(),
        index.len(),
        index.heap_size() as f64 / 1_048_576.0
    );
    println!(
        "frames meanwhile: {}, slowest {:.1?}",
        stats.frames, stats.slowest_frame
    );

    // A key's frame, then the work left for between keys (the quotes of
    // the person selected, when they are many) and its frame.
    let timed = |reader: &mut byline::tui::headless::Headless, keys: &str| {
        let at = Instant::now();
        reader.press(keys);
        reader.draw();
        let key = at.elapsed();
        let at = Instant::now();
        while reader.app.work() {}
        reader.draw();
        (key, at.elapsed())
    };
    let (opened, after) = timed(&mut reader, "P");
    println!("P (sort everyone, draw): {opened:.2?}; then {after:.2?}");
    reader.press("/");
    let mut slowest = Duration::ZERO;
    for key in ["s", "t", "o", "l", "Backspace", "Backspace", "z", "e"] {
        let (took, after) = timed(&mut reader, key);
        println!("typed {key:>9}: {took:.2?}; then {after:.2?}");
        slowest = slowest.max(took);
    }
    let (sorted, after) = timed(&mut reader, "Esc S");
    println!("S (sort by name, filter, draw): {sorted:.2?}; then {after:.2?}");
    assert!(
        slowest < Duration::from_millis(16),
        "each key typed answers within a frame: {slowest:?}"
    );
}
