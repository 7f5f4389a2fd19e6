//! Key → action → state for following people across the library: the
//! People view (`P`, typing, `S`, `Enter`), `}`/`{` across stories, `@name`
//! in the search, and the quotes-only view (`"`).
//!
//! The library: harbour (0), rail (1), chess (2), quiet (3), ferry (4) and
//! budget (5); Mayor Mara Lindqvist speaks in harbour (twice), ferry (once)
//! and budget (twice).

use super::{current_quote, open, title};
use crate::index::Sort;
use crate::tui::app::{App, Mode, Msg};
use crate::tui::digest::Digest;
use crate::tui::fixture::{self, press, type_text};
use crate::tui::layout::Focus;

fn people(app: &App) -> &crate::tui::app::People {
    app.people.as_ref().expect("the People view is shown")
}

/// The name of the person selected in the People view.
fn selected_name(app: &App) -> String {
    let people = people(app);
    let index = app.index.as_ref().unwrap();
    index
        .speaker(people.shown[people.row])
        .unwrap()
        .name()
        .to_owned()
}

/// The name of the first person listed.
fn first_name(app: &App) -> String {
    let index = app.index.as_ref().unwrap();
    index
        .speaker(people(app).shown[0])
        .unwrap()
        .name()
        .to_owned()
}

/// The People view on the mayor's quotes.
fn the_mayors_quotes() -> App {
    let mut app = fixture::app_with_index(160, 45);
    press(&mut app, "P");
    type_text(&mut app, "lindq");
    press(&mut app, "Enter");
    app
}

#[test]
fn p_shows_everyone_quoted_and_typing_filters() {
    let mut app = fixture::app_with_index(160, 45);
    press(&mut app, "P");
    assert_eq!(app.mode, Mode::PeopleFilter, "typing filters at once");
    assert_eq!(app.focus, Focus::List);
    assert_eq!(selected_name(&app), "Mara Lindqvist", "most quoted first");
    assert_eq!(people(&app).shown.len(), 8);
    type_text(&mut app, "okf");
    assert_eq!(selected_name(&app), "Sam Okafor", "fuzzy, like @");
    assert_eq!(people(&app).shown.len(), 1);
    press(&mut app, "Backspace Backspace Backspace Esc");
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(people(&app).shown.len(), 8);
    press(&mut app, "j");
    assert_eq!(people(&app).row, 1, "j moves in the People view");
    assert_eq!(app.selected, Some(0), "not in the hidden story list");
    press(&mut app, "P");
    assert!(app.people.is_none(), "P again: the stories are back");
}

#[test]
fn the_quotes_of_the_person_selected_come_newest_first() {
    let app = the_mayors_quotes();
    let people = people(&app);
    assert!(people.in_quotes, "Enter takes the keyboard to their quotes");
    let stories: Vec<usize> = people.quotes.iter().map(|q| q.article).collect();
    assert_eq!(stories, [5, 5, 4, 0, 0]);
    let first = people.quotes[0];
    let text = first.span.text(&app.library.articles[5].body);
    assert_eq!(text, "We will not borrow a single crown for the gates,");
    assert_eq!(
        first.date.map(|d| d.to_string()).as_deref(),
        Some("1 Aug 2026")
    );
}

#[test]
fn enter_on_a_quote_opens_its_story_with_the_quote_current() {
    let mut app = the_mayors_quotes();
    press(&mut app, "j j Enter");
    assert_eq!(title(&app), "Ferry fares frozen for another year");
    assert_eq!(app.selected, Some(4));
    assert_eq!(app.focus, Focus::Body);
    assert_eq!(
        current_quote(&app),
        "Nobody should pay more to cross the water,"
    );
    assert!(app.following.is_some(), "the mayor is followed from here");
    assert!(
        app.people.is_some(),
        "the People view stays in the list's place"
    );
}

#[test]
fn braces_follow_the_person_across_stories() {
    let mut app = the_mayors_quotes();
    press(&mut app, "G k Enter");
    assert_eq!(app.selected, Some(0));
    assert!(current_quote(&app).starts_with("Every winter"));
    press(&mut app, "}");
    assert!(current_quote(&app).starts_with("Not one crown"));
    press(&mut app, "}");
    assert_eq!(app.selected, Some(4), "on to the next story quoting her");
    assert!(current_quote(&app).starts_with("Nobody should pay"));
    press(&mut app, "}");
    assert_eq!(app.selected, Some(5));
    assert!(current_quote(&app).starts_with("We will not borrow"));
    press(&mut app, "} }");
    assert!(current_quote(&app).starts_with("every crown"));
    assert_eq!(
        app.status.as_deref(),
        Some("No quotes by Mara Lindqvist after this one")
    );
    press(&mut app, "{ { {");
    assert_eq!(app.selected, Some(0), "and back");
    assert!(current_quote(&app).starts_with("Not one crown"));
    press(&mut app, "J");
    assert_eq!(app.selected, Some(1), "J still moves to the next story");
}

#[test]
fn braces_go_on_to_the_next_story_for_a_speaker_picked_in_the_story() {
    let mut app = fixture::app_with_index(160, 45);
    press(&mut app, "@");
    type_text(&mut app, "lindq");
    press(&mut app, "Enter }");
    assert!(current_quote(&app).starts_with("Not one crown"));
    press(&mut app, "}");
    assert_eq!(app.selected, Some(4), "past her last quote here");
    assert!(current_quote(&app).starts_with("Nobody should pay"));
    press(&mut app, "{");
    assert_eq!(app.selected, Some(0));
    assert!(current_quote(&app).starts_with("Not one crown"));
}

#[test]
fn a_quote_in_a_story_not_yet_analysed_is_current_when_it_arrives() {
    let stories = fixture::stories_with_the_mayor();
    let mut app = fixture::app_with_index(160, 45);
    app.library.digests[4] = None;
    press(&mut app, "@");
    type_text(&mut app, "lindq");
    press(&mut app, "Enter } }");
    assert_eq!(app.selected, Some(4));
    assert!(open(&app).current_quote.is_none(), "no quotes known yet");
    let (article, analysis) = &stories[4];
    app.update(Msg::Analysed(vec![(
        4,
        Digest::of(&article.body, analysis),
    )]));
    assert!(current_quote(&app).starts_with("Nobody should pay"));
}

#[test]
fn s_cycles_the_sort() {
    let mut app = fixture::app_with_index(160, 45);
    press(&mut app, "P Esc");
    assert_eq!(people(&app).sort, Sort::Quotes);
    press(&mut app, "S");
    assert_eq!(people(&app).sort, Sort::Name);
    assert_eq!(first_name(&app), "Elin Berg", "by name");
    assert_eq!(selected_name(&app), "Mara Lindqvist", "the selection stays");
    press(&mut app, "S");
    assert_eq!(people(&app).sort, Sort::Latest);
    assert_eq!(first_name(&app), "Mara Lindqvist", "quoted on 1 Aug");
    press(&mut app, "S");
    assert_eq!(people(&app).sort, Sort::Quotes);
}

#[test]
fn esc_steps_back_out_of_the_people_view() {
    let mut app = the_mayors_quotes();
    press(&mut app, "Esc");
    assert!(!people(&app).in_quotes, "from the quotes to the people");
    assert_eq!(people(&app).filter, "lindq");
    press(&mut app, "Esc");
    assert_eq!(people(&app).filter, "", "then the filter goes");
    press(&mut app, "/");
    assert_eq!(app.mode, Mode::PeopleFilter, "/ types the filter again");
}

#[test]
fn at_names_in_the_search_narrow_to_stories_quoting_them() {
    let mut app = fixture::app_with_index(160, 45);
    press(&mut app, "/");
    type_text(&mut app, "@LINDQVIST");
    while app.work() {}
    assert_eq!(app.search.as_ref().unwrap().hits, [0, 4, 5]);
    press(&mut app, "Esc /");
    type_text(&mut app, "gates @lindqvist");
    while app.work() {}
    assert_eq!(
        app.search.as_ref().unwrap().hits,
        [0, 5],
        "words and names combine"
    );
    press(&mut app, "Esc /");
    type_text(&mut app, "@okafor");
    press(&mut app, "Enter");
    while app.work() {}
    assert_eq!(app.selected, Some(1));
    assert!(current_quote(&app).starts_with("would cut real pay"));
    assert!(
        app.following.is_some(),
        "Enter follows who was searched for"
    );
}

#[test]
fn at_names_wait_for_the_index() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "/");
    type_text(&mut app, "@reyes");
    while app.work() {}
    assert!(app.search.as_ref().unwrap().hits.is_empty());
    let stories = fixture::stories();
    app.update(Msg::Index(fixture::index_of(&stories), stories.len()));
    while app.work() {}
    assert_eq!(app.search.as_ref().unwrap().hits, [0]);
}

#[test]
fn a_quote_mark_shows_the_quotes_alone() {
    let mut app = fixture::app_with_index(160, 45);
    press(&mut app, "Enter \"");
    let list = app.quote_list.expect("the quotes-only view");
    assert_eq!((list.article, list.selected), (0, 0));
    press(&mut app, "j j j");
    assert_eq!(app.quote_list.unwrap().selected, 3);
    press(&mut app, "Enter");
    assert!(app.quote_list.is_none(), "Enter goes back to the text …");
    assert!(
        current_quote(&app).starts_with("Not one crown"),
        "… at that quote"
    );
    press(&mut app, "\" k Esc");
    assert!(app.quote_list.is_none());
    assert!(
        current_quote(&app).starts_with("Not one crown"),
        "Esc goes nowhere"
    );
    press(&mut app, "\" \"");
    assert!(app.quote_list.is_none(), "the key toggles");
}
