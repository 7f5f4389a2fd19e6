//! The People view on the seed article (`../shared/seed/`, which holds it
//! twice) plus the bundled samples, with the whole reader running: loader,
//! analysis threads and index thread. Jens Stoltenberg and Volodymyr
//! Zelensky (spelled Zelenski and Volodymir too) are one entry each, with
//! the seed's quotes (5 and 8) in one story. Skipped, saying so, when the
//! seed folder is absent.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use byline::article::Input;
use byline::tui::headless::{Headless, Until, run_to};
use std::path::PathBuf;

fn reader() -> Option<Headless> {
    let seed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seed");
    if !seed.is_dir() {
        eprintln!("skipping: {} is absent", seed.display());
        return None;
    }
    let mut inputs = vec![Input::Path(seed)];
    inputs.extend(byline::samples::inputs());
    let (_, reader) = run_to(inputs, 160, 45, Until::Indexed).unwrap();
    Some(reader)
}

/// The People view filtered by `typed`: the people listed, and the screen.
fn people_matching(reader: &mut Headless, typed: &str) -> (Vec<String>, String) {
    reader.press("P /");
    let keys: Vec<String> = typed.chars().map(String::from).collect();
    reader.press(&keys.join(" "));
    reader.press("Esc");
    reader.draw();
    let app = &reader.app;
    let index = app.index.as_ref().unwrap();
    let people = app.people.as_ref().unwrap();
    let names = people
        .shown
        .iter()
        .map(|&id| index.speaker(id).unwrap().name().to_owned())
        .collect();
    let screen = reader.screen();
    reader.press("P");
    (names, screen)
}

#[test]
fn stoltenberg_and_zelensky_are_listed_once_each_with_their_quotes() {
    let Some(mut reader) = reader() else {
        return;
    };
    // (typed, given name and surname as the seed spells them, count)
    for (typed, given, surname, count) in [
        ("stoltenberg", "Jens", "Stoltenberg", "5 quotes in 1 story"),
        ("zelensky", "Volodym", "Zelensk", "8 quotes in 1 story"),
        ("zelenski", "Volodym", "Zelensk", "8 quotes in 1 story"),
        ("volodymir", "Volodym", "Zelensk", "8 quotes in 1 story"),
        ("zelenskyy", "Volodym", "Zelensk", "8 quotes in 1 story"),
    ] {
        let (names, screen) = people_matching(&mut reader, typed);
        // Volodymyr or Volodymir, Zelensky or Zelenski: one entry.
        let is_them = |n: &&String| n.starts_with(given) && n.contains(surname);
        assert!(
            names.first().is_some_and(|n| is_them(&n)),
            "{typed}: {names:?}"
        );
        let entries = names.iter().filter(is_them).count();
        assert_eq!(entries, 1, "{typed}: one entry, {names:?}");
        assert!(screen.contains(count), "{typed}: {count}\n{screen}");
    }
}
