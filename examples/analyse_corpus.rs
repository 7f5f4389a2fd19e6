//! The whole analysis once over every body of a JSON Lines corpus, for
//! instruction counts that do not swing with the machine:
//! `valgrind --tool=callgrind --toggle-collect='analyse_corpus::analyse_all'
//! target/release/examples/analyse_corpus ARTICLES.jsonl`. With a number
//! after the path, runs that many rounds and prints the fastest.

use byline::article::{Input, load};
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: analyse_corpus ARTICLES.jsonl [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1);
    let bodies: Vec<String> = load(&[Input::Path(path.into())])
        .articles
        .into_iter()
        .map(|a| a.body)
        .collect();
    byline::analysis::warm_up();
    let mut fastest = Duration::MAX;
    let mut quotes = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        quotes = analyse_all(&bodies);
        fastest = fastest.min(start.elapsed());
    }
    println!(
        "{} bodies, {quotes} quotes, fastest {fastest:?}",
        bodies.len()
    );
}

/// Every body analysed once: the quotes found.
#[inline(never)]
fn analyse_all(bodies: &[String]) -> usize {
    bodies
        .iter()
        .map(|b| byline::analyse(std::hint::black_box(b)).quotes.len())
        .sum()
}
