//! Key → action → state with a big library or a long story: nothing a key
//! does waits for the whole of either, and what arrives in the background
//! (analyses, the rest of a search) joins what is on screen.

use super::super::*;
use super::open;
use crate::analysis::Analysis;
use crate::tui::digest::Digest;
use crate::tui::fixture::{self, press, type_text};

/// The fixture's stories, `copies` times over, listed and not analysed.
fn library(copies: usize) -> App {
    let mut app = fixture::unsorted();
    app.update(Msg::Resize(100, 30));
    let (articles, _): (Vec<_>, Vec<_>) = fixture::stories().into_iter().unzip();
    for _ in 0..copies {
        app.update(Msg::Loaded(Loaded {
            articles: articles.clone(),
            problems: Vec::new(),
        }));
    }
    app.update(Msg::LoadDone);
    app
}

#[test]
fn enter_opens_the_first_hit_without_waiting_for_the_scan() {
    let mut app = library(3000);
    let mut last = fixture::stories().remove(1).0;
    last.title = "The one about the lighthouse".into();
    app.update(Msg::Loaded(Loaded {
        articles: vec![last],
        problems: Vec::new(),
    }));
    press(&mut app, "/");
    type_text(&mut app, "lighthouse");
    press(&mut app, "Enter");
    assert_eq!(app.mode, Mode::Normal, "the prompt closes at once");
    assert!(app.busy(), "the scan goes on in slices");
    while app.work() {}
    assert_eq!(app.selected, Some(12_000), "then the hit opens");
    assert_eq!(app.focus, Focus::Body);
}

#[test]
fn a_key_pressed_meanwhile_cancels_the_pending_open() {
    let mut app = library(3000);
    press(&mut app, "/");
    type_text(&mut app, "lighthouse");
    press(&mut app, "Enter j");
    while app.work() {}
    assert_eq!(app.status, None);
    assert_eq!(app.focus, Focus::List);
}

#[test]
fn a_long_story_is_searched_a_slice_at_a_time_and_n_finds_what_it_needs() {
    let mut app = library(0);
    let mut long = fixture::stories().remove(0).0;
    long.body = vec![long.body.as_str(); 400].join("\n\n");
    let len = long.body.len();
    app.update(Msg::Loaded(Loaded {
        articles: vec![long],
        problems: Vec::new(),
    }));
    press(&mut app, "/");
    type_text(&mut app, "harbour");
    assert!(
        open(&app).matched_to < len,
        "only the first slice is searched"
    );
    press(&mut app, "Enter");
    assert_eq!(open(&app).current_match, Some(0));
    press(&mut app, "G N");
    let last = open(&app).current_match.expect("a match above the end");
    assert_eq!(open(&app).matched_to, len, "N searched to the bottom");
    assert_eq!(last + 1, open(&app).matches.len());
    assert_eq!(
        open(&app).matches,
        app.search
            .as_ref()
            .unwrap()
            .needle
            .as_ref()
            .unwrap()
            .find_all(&app.library.articles[0].body),
        "the slices found what one pass finds"
    );
}

#[test]
fn a_story_analysed_after_the_scan_passed_it_matches_by_its_people() {
    let mut app = library(1);
    press(&mut app, "/");
    type_text(&mut app, "okafor");
    while app.work() {}
    assert_eq!(app.search.as_ref().unwrap().hits, [1]);
    let quiet = &app.library.articles[3];
    let mut okafor = fixture::person_named("Sam Okafor");
    okafor.aliases = vec!["Okafor".into()];
    let analysis = Analysis {
        people: vec![okafor],
        quotes: Vec::new(),
    };
    let digest = Digest::of(&quiet.body, &analysis);
    app.update(Msg::Analysed(vec![(3, digest)]));
    assert_eq!(app.search.as_ref().unwrap().hits, [1, 3]);
    assert_eq!(app.library.analysed, 1);
}

/// A story quoting one person `quotes` times, and its digest.
fn many_quotes(quotes: usize) -> (Article, Digest) {
    let mut article = fixture::stories().remove(0).0;
    let said = "\"We will build it,\" Mara Lindqvist said. ";
    article.body = said.repeat(quotes);
    let spans = (0..quotes).map(|i| {
        let start = i * said.len() + 1;
        fixture::quote_at(crate::Span::new(start, start + 16), Some(0))
    });
    let analysis = Analysis {
        people: vec![fixture::person_named("Mara Lindqvist")],
        quotes: spans.collect(),
    };
    let digest = Digest::of(&article.body, &analysis);
    (article, digest)
}

#[test]
fn a_story_of_many_quotes_is_made_ready_on_another_thread() {
    let mut app = library(0);
    let (article, digest) = many_quotes(5000);
    app.update(Msg::Loaded(Loaded {
        articles: vec![article.clone()],
        problems: Vec::new(),
    }));
    let jobs = app.update(Msg::Analysed(vec![(0, digest)]));
    let Some(Job::Prepare(0, digest, _)) = jobs.into_iter().find(|j| matches!(j, Job::Prepare(..)))
    else {
        panic!("no Prepare job");
    };
    assert!(open(&app).story.is_none(), "the text shows meanwhile");
    let story = crate::tui::story::Story::new(&digest, &article.body);
    // One made from an analysis replaced since is dropped.
    let (_, older) = many_quotes(5000);
    let stale = Box::new(story.clone());
    app.update(Msg::Prepared(0, std::sync::Arc::new(older), stale));
    assert!(open(&app).story.is_none());
    app.update(Msg::Prepared(0, digest, Box::new(story)));
    let ready = open(&app).story.as_ref().expect("the story is ready");
    assert_eq!(ready.quotes.len(), 5000);
    assert_eq!(open(&app).view.labels.len(), 5000, "labelled");
}

#[test]
fn a_story_of_few_quotes_is_made_ready_at_once() {
    let mut app = library(0);
    let (article, digest) = many_quotes(100);
    app.update(Msg::Loaded(Loaded {
        articles: vec![article],
        problems: Vec::new(),
    }));
    let jobs = app.update(Msg::Analysed(vec![(0, digest)]));
    assert!(!jobs.iter().any(|j| matches!(j, Job::Prepare(..))));
    assert_eq!(open(&app).story.as_ref().map(|s| s.quotes.len()), Some(100));
}

/// A reader with one story of about 4 MB open, focus in the body.
fn long_story_open() -> App {
    let mut app = library(0);
    let mut long = fixture::stories().remove(0).0;
    long.body = vec![long.body.as_str(); 4000].join("\n\n");
    app.update(Msg::Loaded(Loaded {
        articles: vec![long],
        problems: Vec::new(),
    }));
    press(&mut app, "Enter");
    assert_eq!(app.focus, Focus::Body);
    app
}

#[test]
fn g_in_a_long_story_goes_to_the_end_once_it_is_laid_out() {
    let mut app = long_story_open();
    press(&mut app, "G");
    assert!(
        !open(&app).view.complete,
        "a key wraps no more than its share"
    );
    assert!(open(&app).scroll_to.is_some());
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("laid out"))
    );
    while app.work() {}
    assert_eq!(app.status, None);
    let open = open(&app);
    assert!(open.view.complete && open.scroll_to.is_none());
    assert_eq!(
        open.scroll.offset,
        open.view.lines.len() - app.body_height()
    );
}

#[test]
fn a_key_meanwhile_cancels_the_way_to_the_end() {
    let mut app = long_story_open();
    press(&mut app, "G k");
    assert_eq!(open(&app).scroll_to, None);
    let scroll = open(&app).scroll.offset;
    while app.work() {}
    assert_eq!(open(&app).scroll.offset, scroll, "k stays where it went");
}

#[test]
fn resizing_back_and_forth_keeps_the_place_read() {
    let mut app = long_story_open();
    press(&mut app, "Space Space Space j j");
    let top = |app: &App| {
        let open = open(app);
        open.view.lines[open.scroll.offset].pos
    };
    let before = top(&app);
    for (w, h) in [
        (70, 24),
        (140, 40),
        (61, 20),
        (100, 30),
        (83, 25),
        (100, 30),
    ] {
        app.update(Msg::Resize(w, h));
        while app.work() {}
    }
    let after = top(&app);
    let line = open(&app).view.line_at(before);
    assert_eq!(
        open(&app).scroll.offset,
        line,
        "the line read at the top: {before} → {after}"
    );
}
