//! The analysis grows with the text, not faster: for each shape of body
//! that once made it grow with the square (or the cube) of the text, twice
//! the text must take at most about twice the time.
//!
//! Time on a loaded machine is noisy, so the check is built not to flake:
//! the time is the CPU time of this thread (from `/proc/thread-self/schedstat`
//! where there is one, so waiting for a core does not count; else the
//! clock), each size is run several times with the two sizes alternating,
//! the fastest run of each counts, and the test fails only above 3x. A
//! quadratic step gives 4x, a cubic one 8x. `cargo bench --bench scaling`
//! measures the same shapes, larger, against the target of 2.2x.

use crate::scaling_support;

use std::time::{Duration, Instant};

/// The largest ratio allowed between the time for twice the text and the
/// time for the text.
const MAX_RATIO: f64 = 3.0;

/// Runs of each size; the fastest counts.
const RUNS: usize = 3;

/// The CPU time this thread has used so far, if the system tells it.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// How long `byline::analyse(body)` takes: CPU time where the system
/// tells it, else wall time. Some kernels count CPU time in ticks of a few
/// milliseconds: a time of a few ticks is too coarse, and the clock's is
/// taken instead.
fn cost(body: &str) -> Duration {
    let (cpu, wall) = (thread_cpu_time(), Instant::now());
    std::hint::black_box(byline::analyse(std::hint::black_box(body)));
    let wall = wall.elapsed();
    let cpu = cpu.zip(thread_cpu_time()).map(|(a, b)| b.saturating_sub(a));
    cpu.filter(|&t| t >= Duration::from_millis(20))
        .unwrap_or(wall)
}

/// The ratio of the fastest analysis of `large` to that of `small`, the
/// two run alternately.
fn ratio(small: &str, large: &str) -> (Duration, Duration, f64) {
    let (mut a, mut b) = (Duration::MAX, Duration::MAX);
    for _ in 0..RUNS {
        a = a.min(cost(small));
        b = b.min(cost(large));
    }
    let r = b.as_secs_f64() / a.as_secs_f64().max(1e-9);
    (a, b, r)
}

/// Sizes that measure something in a few seconds in either build: a debug
/// build analyses about ten times slower than a release one.
fn scale(release: usize) -> usize {
    if cfg!(debug_assertions) {
        release / 8
    } else {
        release
    }
}

/// A shape of body: its name, how it is made for a size, and the size.
type Shape = (&'static str, fn(usize) -> String, usize);

#[test]
fn twice_the_text_takes_about_twice_the_time() {
    byline::analysis::warm_up();
    let shapes: [Shape; 4] = [
        (
            "one paragraph",
            scaling_support::one_paragraph,
            scale(1 << 20),
        ),
        (
            "many paragraphs",
            scaling_support::paragraphs,
            scale(1 << 20),
        ),
        (
            "distinct speakers",
            scaling_support::speakers,
            scale(16_000),
        ),
        (
            "distinct speakers in one paragraph",
            scaling_support::speakers_in_one_paragraph,
            scale(16_000),
        ),
    ];
    let mut report = Vec::new();
    let mut failed = false;
    for (name, make, n) in shapes {
        let (small, large) = (make(n), make(2 * n));
        let (a, b, r) = ratio(&small, &large);
        // A ratio above the bound may be a burst of load: measured again
        // before it counts.
        let (a, b, r) = if r > MAX_RATIO {
            ratio(&small, &large)
        } else {
            (a, b, r)
        };
        failed |= r > MAX_RATIO;
        report.push(format!(
            "{name}: {} B in {a:?}, {} B in {b:?}: {r:.2}x",
            small.len(),
            large.len()
        ));
    }
    let report = report.join("\n");
    println!("{report}");
    assert!(
        !failed,
        "twice the text took more than {MAX_RATIO}x the time:\n{report}"
    );
}

/// The generated bodies are what the shapes say: quotes with speakers, and
/// as many people as asked for.
#[test]
fn the_generated_bodies_have_their_shapes() {
    let one = scaling_support::one_paragraph(20_000);
    assert!(!one.contains('\n') && one.len() >= 20_000);
    let analysis = byline::analyse(&one);
    let attributed = analysis.quotes.iter().filter(|q| q.speaker.is_some());
    assert!(analysis.quotes.len() > 100, "{}", analysis.quotes.len());
    assert!(attributed.count() * 10 > analysis.quotes.len() * 9);
    let paragraphs = scaling_support::paragraphs(20_000);
    assert!(paragraphs.matches("\n\n").count() > 20);
    let speakers = byline::analyse(&scaling_support::speakers(300));
    assert_eq!(speakers.people.len(), 300);
    assert_eq!(speakers.quotes.len(), 300);
    let names: std::collections::HashSet<String> =
        (0..4096).map(scaling_support::surname).collect();
    assert_eq!(names.len(), 4096, "surnames are distinct");
}
