//! Key → action → state, for every key the reader knows: moving,
//! focus, paging, sizes and the mouse here; quotes and search in
//! `quotes_and_search`.

mod people;
mod quotes_and_search;
mod reading;
mod sorting;
mod sources;
mod under_load;

use super::*;
use crate::tui::body::LineKind;
use crate::tui::digest::Digest;
use crate::tui::fixture::{self, press, type_text};
use crate::tui::keymap::key_pressed;
use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

pub(super) fn open(app: &App) -> &Open {
    app.open.as_ref().expect("a story is open")
}

/// The stories the jobs send to be analysed in the background (again,
/// for changed ones), in order.
pub(super) fn analysed_later(jobs: &[Job]) -> Vec<usize> {
    jobs.iter()
        .flat_map(|j| match j {
            Job::AnalyseLater(v) | Job::AnalyseAgain(v) => v.iter().map(|(i, _)| *i).collect(),
            _ => Vec::new(),
        })
        .collect()
}

pub(super) fn title(app: &App) -> &str {
    &app.open_article().expect("a story is open").title
}

/// The text of the current quote.
pub(super) fn current_quote(app: &App) -> &str {
    let open = open(app);
    let quote = open.story.as_ref().unwrap().quotes[open.current_quote.expect("a current quote")];
    quote.span.text(&app.library.articles[open.article].body)
}

/// Whether the current quote's first line is on screen.
pub(super) fn quote_on_screen(app: &App) -> bool {
    app.current_quote_on_screen().is_some()
}

#[test]
fn the_first_story_is_selected_when_it_arrives() {
    let mut app = fixture::unsorted();
    app.update(Msg::Resize(160, 45));
    let (articles, _): (Vec<_>, Vec<_>) = fixture::stories().into_iter().unzip();
    let jobs = app.update(Msg::Loaded(Loaded {
        articles,
        problems: vec![fixture::problem()],
    }));
    assert_eq!(app.selected, Some(0));
    assert!(
        jobs.iter().any(|j| matches!(j, Job::Analyse(0, _))),
        "the open story is analysed first"
    );
    assert!(
        !jobs.iter().any(|j| matches!(j, Job::AnalyseLater(_))),
        "the library waits until every story is listed"
    );
    assert_eq!(app.library.problems.len(), 1);
    assert!(app.library.loading);
    let jobs = app.update(Msg::LoadDone);
    assert!(!app.library.loading);
    let later = analysed_later(&jobs);
    assert_eq!(later, [0, 1, 2, 3], "then the whole library, top first");
    assert_eq!(app.library.analysing(), Some(0));
}

#[test]
fn j_k_and_arrows_move_in_the_list_and_the_body_follows() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "j");
    assert_eq!((app.selected, open(&app).article), (Some(1), 1));
    press(&mut app, "Down Down");
    assert_eq!(app.selected, Some(3));
    press(&mut app, "Down");
    assert_eq!(app.selected, Some(3), "stops at the end");
    press(&mut app, "k Up");
    assert_eq!(app.selected, Some(1));
}

#[test]
fn j_k_scroll_the_body_by_a_line() {
    let mut app = fixture::app(100, 20);
    press(&mut app, "Enter");
    assert_eq!(app.focus, Focus::Body);
    press(&mut app, "j j Down");
    assert_eq!(open(&app).scroll.offset, 3);
    press(&mut app, "k Up");
    assert_eq!(open(&app).scroll.offset, 1);
    press(&mut app, "k k k");
    assert_eq!(open(&app).scroll.offset, 0);
}

#[test]
fn paging_keys_page_and_half_page() {
    let mut app = fixture::app(100, 20);
    press(&mut app, "Enter");
    let page = app.body_height() - 1;
    for (keys, expected) in [
        ("Space", page),
        ("b", 0),
        ("PageDown", page),
        ("PageUp", 0),
        ("C-d", page / 2),
        ("C-u", 0),
    ] {
        press(&mut app, keys);
        assert_eq!(open(&app).scroll.offset, expected, "{keys}");
    }
}

#[test]
fn top_and_bottom_in_the_list_and_the_body() {
    let mut app = fixture::app(100, 20);
    press(&mut app, "G");
    assert_eq!(app.selected, Some(3));
    press(&mut app, "g g");
    assert_eq!(app.selected, Some(0));
    press(&mut app, "End");
    assert_eq!(app.selected, Some(3));
    press(&mut app, "Home Enter End");
    let last = open(&app).view.lines.len() - app.body_height();
    assert_eq!(open(&app).scroll.offset, last);
    press(&mut app, "g g");
    assert_eq!(open(&app).scroll.offset, 0);
    press(&mut app, "G");
    assert_eq!(open(&app).scroll.offset, last);
}

#[test]
fn g_then_another_key_is_dropped() {
    let mut app = fixture::app(100, 20);
    press(&mut app, "j g");
    assert_eq!(app.pending.len(), 1);
    press(&mut app, "x");
    assert!(app.pending.is_empty());
    assert_eq!(app.selected, Some(1));
}

#[test]
fn tab_and_h_l_move_focus_and_show_the_sidebar() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "Tab");
    assert_eq!(app.focus, Focus::Body);
    press(&mut app, "Tab Tab");
    assert_eq!(app.focus, Focus::Quotes);
    press(&mut app, "Tab");
    assert_eq!(app.focus, Focus::List);
    press(&mut app, "S-Tab");
    assert_eq!(app.focus, Focus::Quotes);
    press(&mut app, "h");
    assert_eq!(app.focus, Focus::Body);
    press(&mut app, "Left Left");
    assert_eq!(app.focus, Focus::List);
    press(&mut app, "l Right");
    assert_eq!(app.focus, Focus::People);

    let mut narrow = fixture::app(100, 30);
    press(&mut narrow, "l");
    assert!(
        narrow.areas.list.is_some() && narrow.areas.people.is_none(),
        "list and body"
    );
    press(&mut narrow, "l");
    assert_eq!(narrow.focus, Focus::People);
    assert!(
        narrow.areas.people.is_some() && narrow.areas.list.is_none(),
        "body and sidebar"
    );
    press(&mut narrow, "h");
    assert!(narrow.areas.list.is_some(), "back to list and body");
    press(&mut narrow, "s");
    assert_eq!(narrow.focus, Focus::Body);
    assert!(
        narrow.areas.people.is_some() && narrow.areas.list.is_none(),
        "the toggle pins the sidebar"
    );
}

#[test]
fn enter_opens_the_story_and_marks_it_read() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "j");
    assert!(!app.is_read(1));
    press(&mut app, "Enter");
    assert_eq!(
        (app.focus, title(&app)),
        (
            Focus::Body,
            "Rail strike talks collapse as union rejects pay offer"
        )
    );
    assert!(app.is_read(1));
}

#[test]
fn capital_j_k_change_story_from_any_panel() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "Enter J");
    assert_eq!((app.focus, app.selected), (Focus::Body, Some(1)));
    assert!(app.is_read(1));
    press(&mut app, "Tab J");
    assert_eq!((app.focus, app.selected), (Focus::People, Some(2)));
    press(&mut app, "K K K");
    assert_eq!(app.selected, Some(0));
}

#[test]
fn question_mark_opens_a_searchable_help() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "?");
    assert!(matches!(app.mode, Mode::Help { .. }));
    type_text(&mut app, "speaker");
    let Mode::Help { filter, .. } = &app.mode else {
        panic!()
    };
    let rows = help_rows(&app.keymap, filter);
    assert!(
        rows.iter().all(|r| r.description.contains("speaker")),
        "{rows:?}"
    );
    assert!(rows.iter().any(|r| r.keys == "}"));
    press(&mut app, "Esc");
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(
        help_rows(&app.keymap, "").len(),
        52,
        "every action is listed"
    );
}

#[test]
fn q_and_ctrl_c_quit_even_from_a_prompt() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "q");
    assert!(app.quit);
    let mut app = fixture::app(160, 45);
    press(&mut app, "/ q");
    assert!(!app.quit, "q is text in a prompt");
    press(&mut app, "C-c");
    assert!(app.quit);
}

#[test]
fn p_shows_the_problems_and_esc_closes_them() {
    let mut app = fixture::app(160, 45);
    app.update(Msg::Loaded(Loaded {
        articles: Vec::new(),
        problems: vec![fixture::problem()],
    }));
    let top = Mode::Problems {
        scroll: ListState::default(),
    };
    press(&mut app, "p");
    assert_eq!(app.mode, top);
    press(&mut app, "j");
    assert_eq!(app.mode, top, "one problem does not scroll");
    press(&mut app, "Esc");
    assert_eq!(app.mode, Mode::Normal);
    press(&mut app, "p q");
    assert!(
        !app.quit && app.mode == Mode::Normal,
        "q closes the panel first"
    );
}

#[test]
fn s_toggles_the_sidebar_and_keeps_the_reading_position() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "Enter");
    for _ in 0..6 {
        press(&mut app, "j");
    }
    let top = open(&app).view.lines[open(&app).scroll.offset].pos;
    press(&mut app, "s");
    assert!(!app.sidebar_wide && app.areas.people.is_none());
    let line = open(&app).view.lines[open(&app).scroll.offset];
    assert!(
        line.start <= top && top <= line.end.max(line.pos),
        "{line:?} {top}"
    );
    press(&mut app, "s");
    assert!(app.sidebar_wide && app.areas.people.is_some());
}

#[test]
fn resizing_keeps_the_paragraph_at_the_top() {
    let mut app = fixture::app(60, 20);
    press(&mut app, "Enter");
    let body = app.library.articles[0].body.clone();
    let at = body.find("Opponents had argued").unwrap();
    let line = open(&app).view.line_at(at);
    for _ in 0..line {
        press(&mut app, "j");
    }
    assert_eq!(open(&app).scroll.offset, line);
    for (w, h) in [(100, 16), (60, 20), (200, 12), (81, 24), (130, 14)] {
        app.update(Msg::Resize(w, h));
        let open = open(&app);
        let top = open.view.lines[open.scroll.offset];
        assert_eq!(top.kind, LineKind::Body, "{w}x{h}");
        assert!(
            body[top.start..top.end].starts_with("Opponents had argued"),
            "{w}x{h}: {:?}",
            &body[top.start..top.end]
        );
    }
}

#[test]
fn tiny_sizes_keep_the_wrap_and_never_panic() {
    let mut app = fixture::app(100, 30);
    let width = open(&app).view.width;
    for (w, h) in [(1, 1), (0, 0), (19, 4), (20, 5)] {
        app.update(Msg::Resize(w, h));
        press(&mut app, "j G ] } Tab Space");
    }
    app.update(Msg::Resize(100, 30));
    assert_eq!(open(&app).view.width, width);
}

#[test]
fn only_key_presses_count() {
    let mut app = fixture::app(160, 45);
    let mut release = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    let j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    for (event, selected) in [(release, 0), (j, 1)] {
        if let Some(key) = key_pressed(event) {
            app.update(Msg::Key(key));
        }
        assert_eq!(app.selected, Some(selected));
    }
}

#[test]
fn the_mouse_clicks_to_focus_and_select_and_wheels_to_scroll() {
    let mut app = fixture::app(160, 24);
    let list = app.areas.list.unwrap();
    app.update(mouse(
        MouseEventKind::Down(MouseButton::Left),
        list.x + 3,
        list.y + 1 + 2 * 2,
    ));
    assert_eq!((app.focus, app.selected), (Focus::List, Some(2)));
    press(&mut app, "g g");
    let body = app.areas.body.unwrap();
    app.update(mouse(MouseEventKind::ScrollDown, body.x + 5, body.y + 5));
    assert_eq!(open(&app).scroll.offset, 3);
    app.update(mouse(MouseEventKind::ScrollUp, body.x + 5, body.y + 5));
    assert_eq!(open(&app).scroll.offset, 0);
    let people = app.areas.people.unwrap();
    app.update(mouse(
        MouseEventKind::Down(MouseButton::Left),
        people.x + 3,
        people.y + 1 + 2,
    ));
    assert_eq!((app.focus, app.sidebar.person()), (Focus::People, 1));
    let quotes = app.areas.quotes.unwrap();
    app.update(mouse(
        MouseEventKind::Down(MouseButton::Left),
        quotes.x + 3,
        quotes.y + 2,
    ));
    assert_eq!(app.focus, Focus::Quotes);
    assert_eq!(
        current_quote(&app),
        "We begin where the water came in last time,"
    );
}

#[test]
fn an_analysis_arriving_for_the_open_story_keeps_the_position() {
    let mut app = fixture::unsorted();
    app.update(Msg::Resize(100, 20));
    let (articles, analyses): (Vec<_>, Vec<_>) = fixture::stories().into_iter().unzip();
    app.update(Msg::Loaded(Loaded {
        articles,
        problems: Vec::new(),
    }));
    press(&mut app, "Enter");
    assert!(app.story().is_none());
    press(&mut app, "]");
    assert!(
        app.status
            .as_deref()
            .unwrap_or("")
            .contains("Still finding")
    );
    press(&mut app, "@");
    assert!(
        matches!(app.mode, Mode::Speaker { .. }),
        "the picker opens before the people are found"
    );
    press(&mut app, "Esc");
    press(&mut app, "Space");
    let body = app.library.articles[0].body.clone();
    let top = open(&app).view.lines[open(&app).scroll.offset];
    let text = body[top.start..top.end].to_owned();
    let digest = Digest::of(&app.library.articles[0].body, &analyses[0]);
    app.update(Msg::Analysed(vec![(0, digest)]));
    assert!(app.story().is_some());
    let top = open(&app).view.lines[open(&app).scroll.offset];
    assert!(
        text.starts_with(&body[top.start..top.start + 5]),
        "{text:?}"
    );
    assert!(!open(&app).view.labels.is_empty());
}

pub(super) fn key(text: &str) -> Msg {
    Msg::Key(Key::parse(text).unwrap())
}

pub(super) fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Msg {
    Msg::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

#[test]
fn a_long_story_is_wrapped_a_slice_at_a_time() {
    let mut app = fixture::app(100, 30);
    let mut long = fixture::stories().remove(0).0;
    long.body = vec![long.body.as_str(); 400].join("\n\n");
    app.update(Msg::Loaded(Loaded {
        articles: vec![long],
        problems: Vec::new(),
    }));
    press(&mut app, "G Enter");
    assert!(
        !open(&app).view.complete && app.busy(),
        "only the first slices are wrapped"
    );
    press(&mut app, "Space");
    assert_eq!(open(&app).scroll.offset, app.body_height() - 1);
    let mut slices = 0;
    while app.work() {
        slices += 1;
    }
    assert!(open(&app).view.complete && slices > 2, "{slices}");
    press(&mut app, "g g");
    let mut again = fixture::app(100, 30);
    let mut long = fixture::stories().remove(0).0;
    long.body = vec![long.body.as_str(); 400].join("\n\n");
    again.update(Msg::Loaded(Loaded {
        articles: vec![long],
        problems: Vec::new(),
    }));
    press(&mut again, "G Enter G");
    assert!(open(&again).view.complete, "G wraps to the end");
    assert_eq!(
        open(&again).scroll.offset + again.body_height(),
        open(&again).view.lines.len()
    );
}

#[test]
fn the_focus_never_stays_on_a_hidden_panel() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "s");
    app.update(Msg::Resize(100, 30));
    press(&mut app, "l l");
    assert_eq!(app.focus, Focus::People);
    app.update(Msg::Resize(160, 45));
    assert_eq!(app.focus, Focus::Body, "the sidebar is off at this width");
    assert!(app.areas.body.is_some());
}

#[test]
fn ctrl_z_asks_to_suspend_and_ctrl_l_repaints() {
    let mut app = fixture::app(100, 30);
    let jobs = app.update(Msg::Key(Key::ctrl('z')));
    assert!(jobs.iter().any(|j| matches!(j, Job::Suspend)), "{jobs:?}");
    assert!(app.repaint, "the screen is painted whole on return");
    app.repaint = false;
    press(&mut app, "C-l");
    assert!(app.repaint);
}

#[test]
fn a_key_that_does_nothing_says_so() {
    let mut app = fixture::app(100, 30);
    press(&mut app, "g");
    assert_eq!(
        app.status.as_deref(),
        Some("g …"),
        "waiting for its second key"
    );
    press(&mut app, "g");
    assert_eq!(app.status, None);
    press(&mut app, "x");
    assert_eq!(
        app.status.as_deref(),
        Some("x does nothing here · ? lists the keys")
    );
    press(&mut app, "g x");
    assert_eq!(
        app.status.as_deref(),
        Some("g x does nothing here · ? lists the keys")
    );
    press(&mut app, "G J");
    assert_eq!(app.status.as_deref(), Some("This is the last story"));
}

#[test]
fn widening_never_narrows_the_story_until_the_sidebar_is_asked_for() {
    let mut app = fixture::app(80, 30);
    let mut last = 0;
    for width in 80..150 {
        app.update(Msg::Resize(width, 30));
        let text = app.body_width();
        assert!(text >= last, "{width} columns: {text} < {last}");
        last = text;
    }
    press(&mut app, "s");
    assert!(app.areas.people.is_some(), "s shows the people and quotes");
}
