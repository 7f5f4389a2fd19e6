//! Key → action → state for the sources and fetching: `F` lists the
//! sources with their unread counts, `Enter` one alone, `A` marks one
//! read after asking; `Ctrl-r` asks for one fetch at a time and the
//! status line follows it.
//!
//! The fixture's sources: Northshore Gazette (harbour 0, quiet 3), Capital
//! Wire (rail 1), Board & Clock (chess 2).

use super::*;
use crate::article::{Place, Problem};
use crate::tui::app::{Job, SourceRow};
use crate::tui::fetching::Fetched;

fn rows(app: &App) -> Vec<SourceRow> {
    match &app.mode {
        Mode::Sources { rows, .. } => rows.clone(),
        other => panic!("the sources are not shown: {other:?}"),
    }
}

fn row(name: &str, unread: usize, stories: usize) -> SourceRow {
    SourceRow {
        name: Some(name.into()),
        unread,
        stories,
    }
}

#[test]
fn f_lists_the_sources_with_their_unread_counts() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "r F");
    assert_eq!(
        rows(&app),
        [
            row("Board & Clock", 1, 1),
            row("Capital Wire", 1, 1),
            row("Northshore Gazette", 1, 2),
        ]
    );
    assert!(
        matches!(app.mode, Mode::Sources { row: 2, .. }),
        "the selected story's source first"
    );
    press(&mut app, "Esc");
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn enter_lists_one_source_alone_and_esc_all_again() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "F g g j Enter");
    assert_eq!(app.mode, Mode::Normal);
    let listed: Vec<_> = (0..app.list_len())
        .filter_map(|r| app.list_item(r))
        .collect();
    assert_eq!(listed, [1], "Capital Wire's story alone");
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("Capital Wire alone"))
    );
    press(&mut app, "Esc");
    assert_eq!(app.list_len(), 4);
}

#[test]
fn a_marks_a_whole_source_read_after_asking() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "A");
    assert_eq!(
        app.status.as_deref(),
        Some("Mark 2 stories of Northshore Gazette read? (y/n)")
    );
    press(&mut app, "n");
    assert!(!app.is_read(0) && !app.is_read(3));
    press(&mut app, "F A y");
    assert!(app.is_read(0) && app.is_read(3), "both Gazette stories");
    assert!(!app.is_read(1));
    assert_eq!(
        rows(&app)[2],
        row("Northshore Gazette", 0, 2),
        "counted again"
    );
    press(&mut app, "Esc u");
    assert!(
        !app.is_read(0) && !app.is_read(3),
        "u takes it back in one step"
    );
}

#[test]
fn ctrl_r_fetches_once_at_a_time_and_says_how_it_went() {
    let mut app = fixture::app(160, 45);
    let jobs = app.update(Msg::Key(Key::ctrl('r')));
    assert!(jobs.iter().any(|j| matches!(j, Job::Fetch)));
    let again = app.update(Msg::FetchDue);
    assert!(
        !again.iter().any(|j| matches!(j, Job::Fetch)),
        "one fetch at a time"
    );
    app.update(Msg::FetchProgress(3, 12));
    assert_eq!(app.status.as_deref(), Some("fetching the feeds: 3 of 12…"));
    let url: std::sync::Arc<str> = std::sync::Arc::from("https://a.example/rss");
    app.update(Msg::Fetched(Fetched {
        summary: "fetched 12 feeds: 4 new stories, 0 changed · 1 failed (p shows why)".into(),
        problems: vec![Problem::new(&url, Place::File, "the server answered 500")],
    }));
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.starts_with("fetched 12 feeds"))
    );
    assert_eq!(app.library.problems.len(), 1);
    let next = app.update(Msg::FetchDue);
    assert!(
        next.iter().any(|j| matches!(j, Job::Fetch)),
        "then the next one"
    );
}

#[test]
fn t_reads_the_web_page_for_the_full_text() {
    let mut app = fixture::app(160, 45);
    let jobs = app.update(Msg::Key(Key::char('t')));
    let url = "https://news.example/harbour".to_owned();
    assert!(
        jobs.iter()
            .any(|j| matches!(j, Job::FullText(0, u) if *u == url)),
        "{jobs:?}"
    );
    let summary = app.library.articles[0].body.clone();
    app.update(Msg::FullText {
        article: 0,
        url: "https://elsewhere.example/".into(),
        text: Err("late".into()),
    });
    assert_eq!(
        app.status.as_deref(),
        Some("fetching the story's web page…"),
        "not its page"
    );
    let full = crate::feeds::FullText {
        body: "One.\n\n\"Two,\" said Ann Lee.\n\nThree.".into(),
        images: Vec::new(),
        title: None,
    };
    let jobs = app.update(Msg::FullText {
        article: 0,
        url: url.clone(),
        text: Ok(full),
    });
    let article = &app.library.articles[0];
    assert_eq!(article.body, "One.\n\n\"Two,\" said Ann Lee.\n\nThree.");
    assert!(
        article.subtitle.is_some(),
        "the harbour story keeps its own subtitle"
    );
    assert_ne!(article.body, summary);
    assert!(
        jobs.iter().any(|j| matches!(j, Job::AnalyseAgain(_))),
        "analysed again"
    );
    assert_eq!(app.status.as_deref(), Some("the full text: 3 paragraphs"));
    app.update(Msg::FullText {
        article: 0,
        url,
        text: Err("the server answered 404 Not Found".into()),
    });
    assert_eq!(
        app.status.as_deref(),
        Some("could not read the full text: the server answered 404 Not Found")
    );
}

#[test]
fn t_needs_a_web_address() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "G");
    assert_eq!(app.selected, Some(3), "the quiet story has no address");
    let jobs = app.update(Msg::Key(Key::char('t')));
    assert!(!jobs.iter().any(|j| matches!(j, Job::FullText(..))));
    assert_eq!(
        app.status.as_deref(),
        Some("this story has no http(s) web address")
    );
}
