//! End-to-end, in tmux (see `tui_support`): following one person across
//! two stories that spell her name differently, from the People view and
//! with `}`; and the quotes-only view. Skipped, with a message, where tmux
//! is not installed.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use crate::tui_support;

use tui_support::{Tmux, body, have_tmux, position};

/// A short story quoting the mayor, her name spelled as `name`.
fn story(id: &str, title: &str, date: &str, name: &str, words: &str, filler: usize) -> String {
    let mut paragraphs = vec![format!(
        "The harbour council met on {date} to talk about money."
    )];
    paragraphs.extend((1..=filler).map(|i| {
        format!("Background paragraph {i} about tides, quays and the long argument over cost.")
    }));
    paragraphs.push(format!("\"{words},\" Mayor {name} said."));
    paragraphs.push("The council meets again next month.".to_owned());
    let body = serde_json::to_string(&paragraphs.join("\n\n")).unwrap();
    format!(
        r#"{{"id": "{id}", "title": "{title}", "source": "Test Gazette", "published": "{date}", "body": {body}}}"#
    )
}

/// Two stories quoting one mayor, spelled Lindqvist and Lindkvist.
fn two_stories(tmux: &Tmux) -> Vec<std::path::PathBuf> {
    let ferry = story(
        "ferry",
        "Ferry fares frozen",
        "2026-03-01",
        "Mara Lindqvist",
        "Nobody should pay more to cross the water",
        2,
    );
    let gates = story(
        "gates",
        "No borrowing for the gates",
        "2026-04-01",
        "Mara Lindkvist",
        "We will not borrow a single crown for the gates",
        30,
    );
    vec![
        tmux.file("ferry.json", &ferry),
        tmux.file("gates.json", &gates),
    ]
}

#[test]
fn following_one_person_across_two_stories() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(160, 45);
    let files = two_stories(&tmux);
    let args: Vec<&std::path::Path> = files.iter().map(std::path::PathBuf::as_path).collect();
    tmux.byline(&args);
    tmux.wait_for("both stories", |s| {
        position(s) == "1/2" && !s.contains("loading")
    });
    tmux.keys(&["P"]);
    let screen = tmux.wait_for("the People view with the mayor once", |s| {
        s.contains("2 quotes in 2 stories")
    });
    // Lindqvist or Lindkvist, whichever the index names her: one entry.
    assert!(
        screen.contains("People · 1 · by quotes"),
        "one entry: {screen}"
    );
    assert!(screen.contains("▸ Mara Lind"), "{screen}");
    tmux.keys(&["/", "l", "i", "n", "d", "Enter", "G", "Enter"]);
    // The list is newest first: her oldest quote is in the second story,
    // and `{` goes up the list to the newer one.
    // The People view shows her quotes too: wait for the second story
    // itself, however late the keys are read.
    let screen = tmux.wait_for("her oldest quote, in the second story", |s| {
        position(s) == "2/2" && body(s).contains("Nobody should pay more")
    });
    assert_eq!(position(&screen), "2/2");
    assert!(!body(&screen).contains("single crown"), "{screen}");
    tmux.keys(&["{"]);
    let screen = tmux.wait_for("her quote in the first story", |s| {
        position(s) == "1/2" && body(s).contains("single crown for the gates")
    });
    assert!(
        !body(&screen).contains("Background paragraph 1 "),
        "scrolled down to the quote: {screen}"
    );
    tmux.keys(&["}"]);
    tmux.wait_for("back in the second story", |s| {
        position(s) == "2/2" && body(s).contains("Nobody should pay more")
    });
}

#[test]
fn the_quotes_only_view_and_back() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(160, 45);
    let files = two_stories(&tmux);
    tmux.byline(&[&files[1]]);
    tmux.wait_for("the story", |s| s.contains("No borrowing for the gates"));
    tmux.keys(&["Enter", "\""]);
    let screen = tmux.wait_for("the quotes alone", |s| s.contains("Quotes only · 1"));
    assert!(screen.contains("Mara Lindkvist · said"), "{screen}");
    tmux.keys(&["Enter"]);
    tmux.wait_for("the quote in the full text", |s| {
        !s.contains("Quotes only") && body(s).contains("single crown for the gates")
    });
}
