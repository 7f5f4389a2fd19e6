//! Key → action → state for following people across the library: the
//! People view (`P`, typing, `S`, `Enter`), `}`/`{` across stories, `@name`
//! in the search, and the quotes-only view (`"`).
//!
//! The library: harbour (0), rail (1), chess (2), quiet (3), ferry (4) and
//! budget (5); Mayor Mara Lindqvist speaks in harbour (twice), ferry (once)
//! and budget (twice).

use super::{current_quote, open, title};
use crate::index::Sort;
use crate::tui::app::{App, IndexCopy, Mode, Msg};
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
        .speaker(people.shown[people.speakers.selected])
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
    press(&mut app, "P /");
    type_text(&mut app, "lindq");
    press(&mut app, "Enter");
    app
}

#[test]
fn p_shows_everyone_quoted_and_typing_filters() {
    let mut app = fixture::app_with_index(160, 45);
    press(&mut app, "P");
    assert_eq!(app.mode, Mode::Normal, "the list has the keys");
    assert_eq!(app.focus, Focus::List);
    assert_eq!(selected_name(&app), "Mara Lindqvist", "most quoted first");
    assert_eq!(people(&app).shown.len(), 8);
    press(&mut app, "/");
    assert_eq!(app.mode, Mode::PeopleFilter, "/ filters");
    type_text(&mut app, "okf");
    assert_eq!(selected_name(&app), "Sam Okafor", "fuzzy, like @");
    assert_eq!(people(&app).shown.len(), 1);
    press(&mut app, "Backspace Backspace Backspace Esc");
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(people(&app).shown.len(), 8);
    press(&mut app, "j");
    assert_eq!(
        people(&app).speakers.selected,
        1,
        "j moves in the People view"
    );
    assert_eq!(app.selected, Some(0), "not in the hidden story list");
    press(&mut app, "P");
    assert!(app.people.is_none(), "P again: the stories are back");
}

#[test]
fn keys_in_the_people_view_do_what_they_say() {
    let mut app = fixture::app_with_index(160, 45);
    press(&mut app, "P ?");
    assert!(matches!(app.mode, Mode::Help { .. }), "? is help");
    press(&mut app, "Esc Esc");
    assert!(app.people.is_none(), "Esc leaves the view");
    press(&mut app, "P q");
    assert!(app.quit, "q quits as everywhere");
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
    press(&mut app, "P");
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
    press(&mut app, "Esc Esc");
    assert!(app.people.is_none(), "and Esc with nothing to clear leaves");
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
    type_text(&mut app, "@\"mara lindqvist\"");
    while app.work() {}
    assert_eq!(
        app.search.as_ref().unwrap().hits,
        [0, 4, 5],
        "a quoted name of two words"
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
    let copy = IndexCopy::new(fixture::index_of(&stories), stories.len());
    app.update(Msg::Index(copy));
    while app.work() {}
    assert_eq!(app.search.as_ref().unwrap().hits, [0]);
}

#[test]
fn a_quote_mark_shows_the_quotes_alone() {
    let mut app = fixture::app_with_index(160, 45);
    press(&mut app, "Enter \"");
    let list = app.quote_list.expect("the quotes-only view");
    assert_eq!((list.article, list.quotes.selected), (0, 0));
    press(&mut app, "j j j");
    assert_eq!(app.quote_list.unwrap().quotes.selected, 3);
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

#[test]
fn the_mouse_picks_people_and_quotes_in_the_people_view() {
    use super::mouse;
    use crossterm::event::{MouseButton, MouseEventKind};
    let mut app = fixture::app_with_index(160, 45);
    press(&mut app, "P");
    let list = app.areas.list.unwrap();
    // The second person's first line: below the border and the first person.
    app.update(mouse(
        MouseEventKind::Down(MouseButton::Left),
        3,
        list.y + 3,
    ));
    assert_eq!(people(&app).speakers.selected, 1);
    assert_eq!(selected_name(&app), "Tomas Reyes");
    app.update(mouse(MouseEventKind::ScrollDown, 3, list.y + 3));
    assert_eq!(people(&app).speakers.selected, 2);
    assert_eq!(app.selected, Some(0), "the hidden story list stays put");
    // Tomas Reyes's quotes, whole in the story's pane: a click on the
    // first one's words.
    let pane = app.said_pane().expect("their quotes beside the people");
    app.update(mouse(
        MouseEventKind::Down(MouseButton::Left),
        pane.x + 4,
        pane.y + 1,
    ));
    assert!(people(&app).in_quotes);
    assert_eq!(people(&app).said.selected, 0);
    assert_eq!(app.focus, Focus::List, "the keys stay in the People view");
}

#[test]
fn a_narrow_screen_lists_their_quotes_below_the_people() {
    use super::mouse;
    use crossterm::event::{MouseButton, MouseEventKind};
    let mut app = fixture::app_with_index(60, 20);
    press(&mut app, "P");
    assert!(app.said_pane().is_none());
    let (_, quotes) = crate::tui::app::split_people(app.areas.list.unwrap());
    app.update(mouse(
        MouseEventKind::Down(MouseButton::Left),
        3,
        quotes.y + 1,
    ));
    assert!(people(&app).in_quotes);
    assert_eq!(people(&app).said.selected, 0);
}

#[test]
fn the_quotes_only_view_follows_jumps_to_quotes() {
    let mut app = fixture::app_with_index(160, 45);
    press(&mut app, "Enter \" ] ]");
    assert_eq!(app.quote_list.unwrap().quotes.selected, 1);
}

#[test]
fn someone_quoted_thousands_of_times_is_listed_between_keys() {
    use crate::Analysis;
    use crate::article::Loaded;
    let mut article = fixture::stories().remove(2).0;
    let said: Vec<String> = (0..2_001)
        .map(|i| format!("\"Move {i},\" Holm said."))
        .collect();
    article.body = said.join(" ");
    let mut holm = fixture::person_named("Ida Holm");
    holm.aliases = vec!["Holm".into()];
    let quotes = article
        .body
        .match_indices("Move ")
        .map(|(at, _)| {
            let end = at + article.body[at..].find(',').unwrap() + 1;
            let mut quote = fixture::quote_at(crate::Span::new(at, end), Some(0));
            quote.speaker = Some("Ida Holm".into());
            quote
        })
        .collect();
    let analysis = Analysis {
        people: vec![holm],
        quotes,
    };
    let mut app = fixture::unsorted();
    app.update(Msg::Resize(160, 45));
    let digest = Digest::of(&article.body, &analysis);
    let stories = vec![(article.clone(), analysis)];
    app.update(Msg::Loaded(Loaded {
        articles: vec![article],
        problems: Vec::new(),
    }));
    app.update(Msg::Analysed(vec![(0, digest)]));
    app.update(Msg::Index(IndexCopy::new(fixture::index_of(&stories), 1)));
    press(&mut app, "P");
    assert!(people(&app).quotes_stale, "not on the key that selects her");
    assert!(app.busy());
    app.work();
    assert!(!people(&app).quotes_stale);
    assert_eq!(people(&app).quotes.len(), 2_001);
    assert!(!app.busy());
}

#[test]
fn a_search_from_the_story_brings_the_stories_back() {
    let mut app = the_mayors_quotes();
    press(&mut app, "Enter /");
    assert!(app.people.is_none(), "the list shows what the search finds");
    assert!(matches!(app.mode, Mode::Search { .. }));
}
