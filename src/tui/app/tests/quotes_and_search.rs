//! Key → action → state for moving by quote and speaker, the `@` picker,
//! search, copying and opening the page.

use super::super::*;
use super::{current_quote, key, open, quote_on_screen, title};
use crate::tui::fixture::{self, press, type_text};

#[test]
fn enter_on_a_person_jumps_to_their_first_quote_and_on_a_quote_to_it() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "l l j");
    assert_eq!(app.focus, Focus::People);
    assert_eq!(
        app.story().unwrap().speakers[app.sidebar.person() - 1].name,
        "Tomas Reyes"
    );
    assert_eq!(
        app.sidebar_quotes().len(),
        3,
        "the quotes list is filtered to the person"
    );
    press(&mut app, "Enter");
    assert!(current_quote(&app).starts_with("A gate that is never moved"));
    assert!(quote_on_screen(&app));
    press(&mut app, "Tab j Enter");
    assert_eq!(app.focus, Focus::Quotes);
    assert_eq!(
        current_quote(&app),
        "We begin where the water came in last time,"
    );
}

#[test]
fn brackets_move_between_quotes_in_order() {
    let mut app = fixture::app(100, 20);
    press(&mut app, "Enter ]");
    assert!(current_quote(&app).starts_with("Every winter"));
    press(&mut app, "]");
    assert!(current_quote(&app).starts_with("A gate"));
    assert!(quote_on_screen(&app));
    press(&mut app, "] ] ] ] ]");
    assert!(current_quote(&app).starts_with("supports any measure"));
    assert!(quote_on_screen(&app));
    press(&mut app, "]");
    assert!(app.status.as_deref().unwrap_or("").starts_with("No quotes"));
    press(&mut app, "[");
    assert_eq!(
        current_quote(&app),
        "and we finish before the autumn storms."
    );
}

#[test]
fn braces_follow_one_speaker() {
    let mut app = fixture::app(100, 20);
    press(&mut app, "Enter }");
    assert!(
        app.status
            .as_deref()
            .unwrap_or("")
            .contains("Pick a speaker"),
        "no speaker yet: {:?}",
        app.status
    );
    press(&mut app, "] ]");
    assert!(current_quote(&app).starts_with("A gate"), "Reyes speaks");
    press(&mut app, "}");
    assert_eq!(
        current_quote(&app),
        "We begin where the water came in last time,"
    );
    press(&mut app, "}");
    assert_eq!(
        current_quote(&app),
        "and we finish before the autumn storms."
    );
    assert!(quote_on_screen(&app));
    press(&mut app, "{ {");
    assert!(current_quote(&app).starts_with("A gate"));
}

#[test]
fn at_picks_a_speaker_by_part_of_the_name() {
    let mut app = fixture::app(100, 20);
    press(&mut app, "@");
    assert!(matches!(app.mode, Mode::Speaker { .. }));
    type_text(&mut app, "lindq");
    assert_eq!(app.speaker_matches("lindq").len(), 1);
    press(&mut app, "Enter");
    assert_eq!(app.mode, Mode::Normal);
    assert!(current_quote(&app).starts_with("Every winter"));
    press(&mut app, "}");
    assert!(
        current_quote(&app).starts_with("Not one crown"),
        "}} follows the picked person"
    );
    assert!(quote_on_screen(&app));

    press(&mut app, "@");
    type_text(&mut app, "zzz");
    press(&mut app, "Enter");
    assert!(app.status.as_deref().unwrap_or("").contains("Nobody"));
    press(&mut app, "@ Esc");
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn at_choice_moves_with_arrows() {
    let mut app = fixture::app(100, 20);
    press(&mut app, "@ Down Down Up Down");
    let Mode::Speaker { choice, .. } = app.mode else {
        panic!("picker open")
    };
    assert_eq!(choice, 2);
    press(&mut app, "Enter");
    let third = app.story().unwrap().speakers[2].name.clone();
    assert_eq!(
        app.story().unwrap().speakers[app.sidebar.person() - 1].name,
        third
    );
}

#[test]
fn slash_narrows_the_list_and_enter_opens_the_first_match() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "/");
    type_text(&mut app, "strike");
    assert_eq!(app.list_len(), 1);
    assert_eq!(
        app.selected,
        Some(1),
        "the list's selection is the body's story"
    );
    press(&mut app, "Enter");
    assert_eq!((app.mode.clone(), app.focus), (Mode::Normal, Focus::Body));
    assert_eq!(
        title(&app),
        "Rail strike talks collapse as union rejects pay offer"
    );
    assert_eq!(open(&app).matches.len(), 1);
    assert_eq!(open(&app).current_match, Some(0));
    press(&mut app, "Esc");
    assert!(app.search.is_none());
    assert_eq!(
        (app.list_len(), app.selected),
        (4, Some(1)),
        "the open story stays open"
    );
}

#[test]
fn n_and_capital_n_step_through_matches_then_stories() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "/");
    type_text(&mut app, "harbour");
    press(&mut app, "Enter");
    let count = open(&app).matches.len();
    assert!(count >= 3, "{count}");
    press(&mut app, "n n");
    assert_eq!(open(&app).current_match, Some(2));
    press(&mut app, "N");
    assert_eq!(open(&app).current_match, Some(1));
    // Typing a query that also matches other stories: n goes on to them.
    press(
        &mut app,
        "/ Backspace Backspace Backspace Backspace Backspace Backspace Backspace",
    );
    type_text(&mut app, "said");
    press(&mut app, "Enter");
    let first = app.selected;
    for _ in 0..open(&app).matches.len() {
        press(&mut app, "n");
    }
    assert_ne!(app.selected, first, "n moved on to the next matching story");
    assert_eq!(open(&app).current_match, Some(0));
    press(&mut app, "N");
    assert_eq!(app.selected, first);
}

#[test]
fn search_without_a_query_says_so() {
    let mut app = fixture::app(100, 30);
    press(&mut app, "n");
    assert!(app.status.as_deref().unwrap_or("").contains("No search"));
    press(&mut app, "/");
    type_text(&mut app, "qqqqq");
    assert_eq!(app.list_len(), 0);
    press(&mut app, "Enter");
    assert_eq!(app.status.as_deref(), Some("No story matches"));
}

#[test]
fn search_finds_people_and_is_incremental_over_a_big_library() {
    let mut app = fixture::app(100, 30);
    let (articles, _): (Vec<_>, Vec<_>) = fixture::stories().into_iter().unzip();
    for _ in 0..3000 {
        app.update(Msg::Loaded(Loaded {
            articles: articles.clone(),
            problems: Vec::new(),
        }));
    }
    press(&mut app, "/");
    type_text(&mut app, "okafor");
    assert!(
        app.busy(),
        "a 12,000-story library is scanned a slice at a time"
    );
    while app.work() {}
    assert_eq!(app.list_len(), 3001);
    assert!(!app.busy());
}

#[test]
fn o_opens_the_page_and_y_copies_the_quote() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "Enter");
    let jobs = app.update(key("o"));
    assert!(
        matches!(jobs.as_slice(), [Job::OpenUrl(url)] if url == "https://news.example/harbour")
    );
    app.update(key("]"));
    let jobs = app.update(key("y"));
    let [Job::Copy(text)] = jobs.as_slice() else {
        panic!("{jobs:?}")
    };
    assert_eq!(
        text,
        "“Every winter we fill sandbags and hope, and hope is not a plan,” — Mara Lindqvist, “Harbour council approves flood barrier after two-year fight”, Northshore Gazette, 14 Mar 2026"
    );
    assert_eq!(
        app.status.as_deref(),
        Some("Copied a quote by Mara Lindqvist")
    );
    press(&mut app, "h G");
    assert!(
        app.update(key("o")).is_empty(),
        "the last story has no address"
    );
    assert_eq!(app.status.as_deref(), Some("This story has no web address"));
}

#[test]
fn esc_clears_the_person_then_the_current_quote() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "l l j Enter");
    assert_eq!(app.sidebar.person(), 1);
    press(&mut app, "Esc");
    assert_eq!(app.sidebar.person(), 0);
    assert!(open(&app).current_quote.is_some());
    press(&mut app, "Esc");
    assert!(open(&app).current_quote.is_none());
}

#[test]
fn a_search_typed_before_the_stories_arrive_still_leaves_one_selected() {
    let mut app = fixture::unsorted();
    app.update(Msg::Resize(100, 30));
    press(&mut app, "/");
    type_text(&mut app, "zzz");
    let (articles, _): (Vec<_>, Vec<_>) = fixture::stories().into_iter().unzip();
    app.update(Msg::Loaded(Loaded {
        articles,
        problems: Vec::new(),
    }));
    while app.work() {}
    assert_eq!((app.list_len(), app.selected), (0, None));
    press(&mut app, "Esc Esc");
    assert_eq!(app.selected, Some(0));
    assert_eq!(open(&app).article, 0);
}

/// A jump into the text from the story list puts the keys in the text:
/// `j` then reads on instead of moving to the next story.
#[test]
fn a_jump_from_the_list_puts_the_keys_in_the_story() {
    // (keys that make a quote current, then go back to the list; the jump)
    let cases = [
        ("", "]"),
        ("] ] h", "["),
        ("] h", "}"),
        ("] h } h", "{"),
        ("", "@ l i n d q Enter"),
    ];
    for (before, jump) in cases {
        let mut app = fixture::app(160, 45);
        let story = app.selected;
        if !before.is_empty() {
            press(&mut app, before);
        }
        assert_eq!(app.focus, Focus::List, "{before}");
        let current = app.open.as_ref().and_then(|o| o.current_quote);
        press(&mut app, jump);
        assert_ne!(
            app.open.as_ref().and_then(|o| o.current_quote),
            current,
            "{jump}"
        );
        assert_eq!(app.focus, Focus::Body, "{jump}");
        press(&mut app, "j");
        assert_eq!(app.selected, story, "{jump}: the same story");
    }
}

fn hits(app: &mut App) -> Vec<usize> {
    while app.work() {}
    app.search
        .as_ref()
        .map(|s| s.hits.clone())
        .unwrap_or_default()
}

#[test]
fn at_takes_part_of_a_name_in_the_search_too() {
    let mut app = fixture::app_with_index(160, 45);
    press(&mut app, "/");
    type_text(&mut app, "@lindq");
    assert_eq!(hits(&mut app), [0, 4, 5]);
    press(&mut app, "Esc /");
    type_text(&mut app, "@\"mara lind\"");
    assert_eq!(hits(&mut app), [0, 4, 5], "two words, the last one begun");
}

#[test]
fn a_phrase_in_quotation_marks_is_found_as_its_words() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "/");
    type_text(&mut app, "\"flood barrier\"");
    assert_eq!(hits(&mut app), [0]);
}

#[test]
fn up_and_down_in_the_prompt_recall_earlier_searches() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "/");
    type_text(&mut app, "strike");
    press(&mut app, "Enter Esc /");
    type_text(&mut app, "ferry");
    press(&mut app, "Enter Esc / Up");
    let input = |app: &App| match &app.mode {
        Mode::Search { input } => input.clone(),
        other => panic!("not searching: {other:?}"),
    };
    assert_eq!(input(&app), "ferry");
    assert_eq!(
        app.search.as_ref().unwrap().query,
        "ferry",
        "searched at once"
    );
    press(&mut app, "Up");
    assert_eq!(input(&app), "strike");
    press(&mut app, "Down Down");
    assert_eq!(input(&app), "");
}

#[test]
fn a_search_that_finds_nothing_shows_no_story() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "/");
    type_text(&mut app, "zeppelin");
    hits(&mut app);
    assert!(app.search_found_none());
    press(&mut app, "Esc");
    assert!(!app.search_found_none());
    assert!(app.open.is_some(), "the story open before is back");
}

#[test]
fn the_story_people_are_its_speakers_and_at_picks_only_them() {
    let mut app = fixture::app(160, 45);
    let story = app.story().expect("analysed");
    let quoted = story.quoted();
    assert!(
        quoted < story.speakers.len(),
        "the fixture names someone unquoted"
    );
    let unquoted = story.speakers[quoted].name.clone();
    press(&mut app, "Tab Tab G");
    assert_eq!(
        app.sidebar.person(),
        quoted,
        "the last row is the last speaker"
    );
    press(&mut app, "@");
    type_text(&mut app, &unquoted);
    assert!(
        app.speaker_matches(&unquoted)
            .iter()
            .all(|&i| app.story().unwrap().speakers[i].quotes > 0),
        "{unquoted} is not offered"
    );
}
