//! The story list's order: newest first unless the settings say
//! otherwise, `S` going round the orders, and the keys that walk the
//! list (`j`, `J`, `}`) walking it in that order.
//!
//! The fixture's stories by date: rail (1, 19 Jul), chess (2, 2 May),
//! harbour (0, 14 Mar), quiet (3, 9 Jan); with the mayor's, budget (5,
//! 1 Aug) and ferry (4, 2 Apr) join them.

use super::{current_quote, title};
use crate::article::Loaded;
use crate::config::{self, SortBy};
use crate::tui::app::{App, Msg};
use crate::tui::fixture::{self, press, type_text};
use crate::tui::keymap::Keymap;
use crate::tui::theme::Theme;

fn listed(app: &App) -> Vec<usize> {
    (0..app.list_len())
        .filter_map(|r| app.list_item(r))
        .collect()
}

fn sorted(mut app: App, by: &str) -> App {
    let config = config::parse(&format!("sort = \"{by}\"\n"), "config.toml");
    assert!(config.problems.is_empty(), "{:?}", config.problems);
    app.configure(&config);
    // The fixture selected its first story before the sort: the top one
    // is selected as at start (a key would leave the first one read).
    let top = app.list_item(0).expect("stories");
    app.select(top);
    app
}

#[test]
fn the_list_is_newest_first_by_default() {
    let app = sorted(fixture::app(160, 45), "date");
    assert_eq!(
        App::new(Theme::default(), Keymap::default()).order.by,
        SortBy::Date
    );
    assert_eq!(listed(&app), [1, 2, 0, 3]);
}

#[test]
fn s_goes_round_the_orders_and_says_which() {
    let mut app = sorted(fixture::app(160, 45), "date");
    press(&mut app, "S");
    assert_eq!(app.status.as_deref(), Some("stories by source"));
    // Board & Clock, Capital Wire, then the Gazette's two newest first.
    assert_eq!(listed(&app), [2, 1, 0, 3]);
    press(&mut app, "r");
    press(&mut app, "S");
    assert_eq!(app.status.as_deref(), Some("stories unread first"));
    assert_eq!(listed(&app), [2, 0, 3, 1], "rail was marked read");
    press(&mut app, "S");
    assert_eq!(app.status.as_deref(), Some("stories as in the files"));
    assert_eq!(listed(&app), [0, 1, 2, 3]);
    press(&mut app, "S");
    assert_eq!(listed(&app), [1, 2, 0, 3], "and round again");
}

#[test]
fn the_selection_stays_on_its_story_when_the_order_changes() {
    let mut app = sorted(fixture::app(160, 45), "date");
    press(&mut app, "j");
    assert_eq!(app.selected, Some(2));
    press(&mut app, "S S S");
    assert_eq!(app.selected, Some(2), "the same story, in another row");
    press(&mut app, "j");
    assert_eq!(app.selected, Some(3), "and j goes on from its new row");
    press(&mut app, "S K");
    assert_eq!(
        app.selected,
        Some(0),
        "K too: harbour is just newer than quiet"
    );
}

#[test]
fn the_settings_choose_the_order() {
    let app = sorted(fixture::app(160, 45), "source");
    assert_eq!(listed(&app), [2, 1, 0, 3]);
    let config = config::parse("sort = \"size\"\n", "config.toml");
    assert_eq!(
        config.settings.sort,
        SortBy::Date,
        "a wrong one keeps the default"
    );
    let problem = &config.problems[0];
    assert!(
        problem.reason.contains("`sort` must be one of"),
        "{}",
        problem.reason
    );
}

#[test]
fn filters_and_searches_keep_the_order() {
    let mut app = sorted(fixture::app(160, 45), "date");
    press(&mut app, "/");
    type_text(&mut app, "the");
    press(&mut app, "Enter");
    let hits = listed(&app);
    let rows: Vec<_> = hits.iter().map(|&s| app.order.row_of(s)).collect();
    assert!(rows.is_sorted(), "hits {hits:?} at rows {rows:?}");
    assert!(app.is_read(1), "Enter opened the first hit, the newest");
    press(&mut app, "Esc 2");
    assert_eq!(listed(&app), [2, 0, 3], "unread ones, newest first");
}

#[test]
fn braces_follow_the_person_down_the_list() {
    let mut app = sorted(fixture::app_with_index(160, 45), "date");
    assert_eq!(listed(&app), [5, 1, 2, 4, 0, 3]);
    press(&mut app, "Enter @");
    type_text(&mut app, "lindq");
    press(&mut app, "Enter");
    assert!(current_quote(&app).starts_with("We will not borrow"));
    press(&mut app, "} }");
    assert_eq!(app.selected, Some(4), "the ferry story is next in the list");
    assert!(current_quote(&app).starts_with("Nobody should pay"));
    press(&mut app, "}");
    assert_eq!(app.selected, Some(0));
    assert_eq!(
        title(&app),
        "Harbour council approves flood barrier after two-year fight"
    );
    press(&mut app, "{");
    assert_eq!(app.selected, Some(4), "and back up");
}

/// A reader loading the fixture's stories in batches of the given ones.
fn loading(batches: &[&[usize]]) -> App {
    let stories = fixture::stories_with_the_mayor();
    let mut app = App::new(Theme::default(), Keymap::default());
    app.update(Msg::Resize(160, 45));
    for batch in batches {
        app.update(Msg::Loaded(Loaded {
            articles: batch.iter().map(|&i| stories[i].0.clone()).collect(),
            problems: Vec::new(),
        }));
    }
    app
}

#[test]
fn while_loading_the_newest_story_so_far_is_selected() {
    // harbour (14 Mar), then rail (19 Jul) and chess: rail is on top.
    let mut app = loading(&[&[0], &[1, 2]]);
    assert_eq!(app.selected, Some(1), "the newest so far");
    assert_eq!(app.open.as_ref().map(|o| o.article), Some(1));
    press(&mut app, "j");
    assert_eq!(app.selected, Some(2));
    app.update(Msg::Loaded(Loaded {
        articles: vec![fixture::stories_with_the_mayor()[5].0.clone()],
        problems: Vec::new(),
    }));
    app.update(Msg::LoadDone);
    assert_eq!(
        app.selected,
        Some(2),
        "a key keeps the selection where it is"
    );
    assert_eq!(listed(&app)[0], 3, "budget, newest, listed on top");
}
