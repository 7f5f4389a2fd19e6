//! Key → action → state for the reading state: `r`, `R` (asked, then
//! confirmed or not), `u`, `f`, `1`/`2`/`3`, `e`, positions kept per
//! story and across a restart, settings that rebind keys, watched files.

use super::*;
use crate::article::{Place, Problem};
use crate::config;
use crate::state::{Filter, Position, ReadingState, Restored};

fn id(app: &App, article: usize) -> String {
    app.library.articles[article].id.clone()
}

fn listed(app: &App) -> Vec<usize> {
    (0..app.list_len())
        .filter_map(|r| app.list_item(r))
        .collect()
}

#[test]
fn r_toggles_read_and_u_undoes() {
    // Short enough that story 0 is not read by being shown whole.
    let mut app = fixture::app(160, 12);
    press(&mut app, "j");
    assert!(!app.is_read(1), "selecting alone does not mark read");
    press(&mut app, "r");
    assert!(app.is_read(1));
    assert_eq!(app.status.as_deref(), Some("marked read"));
    press(&mut app, "r");
    assert!(!app.is_read(1));
    press(&mut app, "u");
    assert!(app.is_read(1), "undo takes back the last change");
    assert_eq!(app.status.as_deref(), Some("undone: story marked unread"));
    press(&mut app, "u");
    assert!(!app.is_read(1));
    press(&mut app, "u");
    assert_eq!(app.status.as_deref(), Some("nothing to undo"));
}

#[test]
fn opening_marks_read_and_u_takes_it_back() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "Enter");
    assert!(app.is_read(0));
    press(&mut app, "u");
    assert!(!app.is_read(0));
}

#[test]
fn capital_r_asks_then_marks_every_listed_story() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "R");
    assert!(app.reading.asking.is_some());
    assert_eq!(
        app.status.as_deref(),
        Some("Mark 4 listed stories read? (y/n)")
    );
    press(&mut app, "y");
    assert!((0..4).all(|i| app.is_read(i)));
    assert!(app.reading.asking.is_none());
    press(&mut app, "u");
    assert!((0..4).all(|i| !app.is_read(i)), "one undo takes back all");
}

#[test]
fn capital_r_cancelled_changes_nothing() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "R n");
    assert!((0..4).all(|i| !app.is_read(i)));
    assert_eq!(app.status.as_deref(), Some("nothing marked"));
    // The answer is only the answer: `j` cancels and does not move.
    press(&mut app, "R j");
    assert_eq!(app.selected, Some(0));
    assert!((0..4).all(|i| !app.is_read(i)));
}

#[test]
fn capital_r_marks_only_the_listed_stories() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "/");
    type_text(&mut app, "strike");
    press(&mut app, "Enter");
    let hits = listed(&app);
    assert!(!hits.is_empty() && hits.len() < 4, "{hits:?}");
    press(&mut app, "R y");
    for i in 0..4 {
        assert_eq!(app.is_read(i), hits.contains(&i), "story {i}");
    }
}

#[test]
fn f_stars_and_three_lists_the_starred() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "j f");
    assert!(app.is_starred(1));
    assert_eq!(app.status.as_deref(), Some("marked starred"));
    press(&mut app, "3");
    assert_eq!(app.reading.filter, Filter::Starred);
    assert_eq!(listed(&app), [1]);
    assert_eq!(app.status.as_deref(), Some("starred: 1 stories"));
    press(&mut app, "f");
    assert!(!app.is_starred(1));
    assert_eq!(
        listed(&app),
        [1],
        "it stays listed until the list is picked again"
    );
    press(&mut app, "3");
    assert!(listed(&app).is_empty());
    press(&mut app, "1");
    assert_eq!(listed(&app), [0, 1, 2, 3]);
}

#[test]
fn two_lists_the_unread_and_moves_off_a_read_story() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "Enter J");
    assert!(app.is_read(0) && app.is_read(1));
    press(&mut app, "2");
    assert_eq!(listed(&app), [2, 3]);
    assert_eq!(app.selected, Some(2), "the next unread story");
    press(&mut app, "k");
    assert_eq!(app.selected, Some(2), "the read ones are not listed");
    press(&mut app, "/");
    type_text(&mut app, "strike");
    assert!(
        listed(&app).iter().all(|&i| i >= 2),
        "search within the unread"
    );
}

#[test]
fn e_asks_the_runtime_to_export_the_open_story() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "j");
    let jobs = app.update(Msg::Key(Key::char('e')));
    let exported: Vec<&str> = jobs
        .iter()
        .filter_map(|j| match j {
            Job::Export(article) => Some(article.id.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(exported, [id(&app, 1)]);
    assert_eq!(app.status.as_deref(), Some("exporting…"));
}

#[test]
fn a_story_reopens_where_it_was_left() {
    let mut app = fixture::app(100, 20);
    press(&mut app, "Enter j j j j j j j j j j");
    assert_eq!(open(&app).scroll.offset, 10);
    press(&mut app, "J");
    assert_eq!(open(&app).scroll.offset, 0);
    press(&mut app, "K");
    assert_eq!(open(&app).scroll.offset, 10);
    let position = app.reading.state.position(&id(&app, 0));
    assert!(position.is_some_and(|p| p != Position::default()));
}

#[test]
fn a_restart_returns_to_the_story_open_at_its_position() {
    let mut app = fixture::app(100, 20);
    press(&mut app, "j j Enter j j j j");
    let scroll = open(&app).scroll.offset;
    // As the runtime does before saving.
    app.note_position();
    let state = app.reading.state.clone();
    assert_eq!(state.last_open(), Some(id(&app, 2).as_str()));
    let mut again = fixture::unsorted();
    again.update(Msg::Resize(100, 20));
    again.restore_state(Restored {
        state,
        problem: None,
    });
    let (articles, _): (Vec<_>, Vec<_>) = fixture::stories().into_iter().unzip();
    again.update(Msg::Loaded(Loaded {
        articles,
        problems: Vec::new(),
    }));
    assert_eq!(again.selected, Some(2));
    assert_eq!(again.focus, Focus::Body);
    assert_eq!(open(&again).scroll.offset, scroll);
    assert!(again.is_read(2));
}

#[test]
fn a_damaged_state_file_is_a_problem_not_a_crash() {
    let mut app = fixture::app(100, 20);
    let problem = fixture::problem();
    app.restore_state(Restored {
        state: ReadingState::new(),
        problem: Some(problem.clone()),
    });
    assert!(app.library.problems.contains(&problem));
    app.update(Msg::File(FileChange::Removed {
        file: Arc::from("fixture.json"),
    }));
    assert!(
        app.is_gone(3),
        "restored after loading, the marks still fit"
    );
}

#[test]
fn positions_survive_the_round_trip_through_paragraphs() {
    let body = "One two.\n\nThree «four».\n\n\nFive six seven.";
    for pos in [0, 4, 10, 15, body.len() - 3] {
        let position = position_of(body, pos);
        assert_eq!(position_in(body, position), pos, "{pos} {position:?}");
    }
    let far = Position {
        paragraph: 9,
        offset: 3,
    };
    assert_eq!(position_in(body, far), body.len(), "a story that shrank");
}

#[test]
fn a_rebound_key_works_and_a_bad_entry_keeps_its_default() {
    let text = "[keys]\ntoggle_star = \"s\"\nexport = \"nope-key\"\n";
    let config = config::parse(text, "config.toml");
    assert_eq!(config.problems.len(), 1, "{:?}", config.problems);
    let mut app = fixture::app(160, 45);
    app.configure(&config);
    press(&mut app, "s");
    assert!(app.is_starred(0), "s now stars");
    let problem = app.library.problems.last().expect("reported");
    assert!(problem.to_string().contains("config.toml:3"), "{problem}");
    let jobs = app.update(Msg::Key(Key::char('e')));
    assert!(
        jobs.iter().any(|j| matches!(j, Job::Export(_))),
        "e still exports"
    );
    let rows = help_rows(&app.keymap, "star");
    assert!(
        rows.iter().any(|r| r.keys == "s"),
        "the help shows the bound key"
    );
}

#[test]
fn the_help_lists_the_reading_keys() {
    let rows = help_rows(&Keymap::default(), "");
    for key in ["r", "R", "u", "f", "1", "2", "3", "e"] {
        assert!(rows.iter().any(|r| r.keys == key), "{key}");
    }
}

#[test]
fn the_body_width_comes_from_the_settings() {
    let mut app = fixture::app(200, 45);
    assert_eq!(open(&app).view.width, 100);
    let config = config::parse("body_width = 60\n", "config.toml");
    app.configure(&config);
    app.update(Msg::Resize(201, 45));
    assert_eq!(open(&app).view.width, 60);
}

#[test]
fn a_changed_file_replaces_its_stories_in_place_and_keeps_the_place() {
    let mut app = fixture::app(100, 20);
    press(&mut app, "j Enter j j j j j j j j j j");
    let scroll = open(&app).scroll.offset;
    let mut articles: Vec<Article> = app.library.articles.iter().map(|a| (**a).clone()).collect();
    articles[3].title = "Library extends opening hours again".into();
    articles.remove(2);
    let mut added = articles[0].clone();
    added.id = "brand-new".into();
    added.title = "A brand new story".into();
    articles.push(added);
    let jobs = app.update(Msg::File(FileChange::Loaded {
        file: Arc::from("fixture.json"),
        loaded: Loaded {
            articles,
            problems: Vec::new(),
        },
    }));
    assert_eq!(app.library.articles.len(), 5, "the new story is listed");
    assert_eq!(app.library.articles[4].title, "A brand new story");
    assert_eq!(
        app.library.articles[3].title,
        "Library extends opening hours again"
    );
    assert!(app.is_gone(2), "no longer in the file");
    assert!(!app.is_gone(3));
    assert_eq!((app.selected, open(&app).scroll.offset), (Some(1), scroll));
    let later = analysed_later(&jobs);
    assert_eq!(later, [3, 4], "the changed and the new story are analysed");
    app.update(Msg::File(FileChange::Removed {
        file: Arc::from("fixture.json"),
    }));
    assert!((0..5).all(|i| app.is_gone(i)));
}

#[test]
fn a_changed_files_problems_replace_those_of_its_last_version() {
    let mut app = fixture::app(100, 20);
    let file: Arc<str> = Arc::from("fixture.json");
    let articles: Vec<Article> = app.library.articles.iter().map(|a| (**a).clone()).collect();
    let reload = |app: &mut App, problems: Vec<Problem>| {
        app.update(Msg::File(FileChange::Loaded {
            file: Arc::clone(&file),
            loaded: Loaded {
                articles: articles.clone(),
                problems,
            },
        }));
    };
    let half = Problem::new(
        &file,
        Place::Line(5),
        "truncated: the JSON ends early (line 1)",
    );
    reload(&mut app, vec![half.clone()]);
    reload(&mut app, vec![half]);
    assert_eq!(app.library.problems.len(), 1, "not piled up");
    reload(&mut app, Vec::new());
    assert!(app.library.problems.is_empty(), "the line is whole now");
}

#[test]
fn an_analysis_of_an_earlier_version_is_dropped() {
    let mut app = fixture::app(100, 20);
    let long = "word ".repeat(200) + "\"A quote at the very end,\" Ann Lee said.";
    let digest = Digest::of(&long, &crate::analyse(&long));
    assert!(digest.quotes().len() > 0);
    let mut short = (*app.library.articles[0]).clone();
    short.body = "A short body now.".into();
    app.update(Msg::File(FileChange::Loaded {
        file: Arc::from("fixture.json"),
        loaded: Loaded {
            articles: vec![short],
            problems: Vec::new(),
        },
    }));
    assert!(app.library.digests[0].is_none());
    app.update(Msg::Analysed(vec![(0, digest)]));
    assert!(app.library.digests[0].is_none(), "it does not fit the body");
    let _ = screen_of(&app);
}

/// Draws the app, as a check that nothing panics.
fn screen_of(app: &App) -> String {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal
        .draw(|frame| crate::tui::ui::draw(frame, app))
        .unwrap();
    terminal.backend().to_string()
}

#[test]
fn a_feed_readers_read_mark_shows_until_byline_marks_the_story() {
    let mut app = fixture::unsorted();
    app.update(Msg::Resize(160, 45));
    let mut articles: Vec<Article> = fixture::stories().into_iter().map(|(a, _)| a).collect();
    articles[1].read = Some(true);
    articles[2].read = Some(false);
    app.update(Msg::Loaded(Loaded {
        articles,
        problems: Vec::new(),
    }));
    app.update(Msg::LoadDone);
    assert!(app.is_read(1) && !app.is_read(2) && !app.is_read(0));
    press(&mut app, "2");
    assert!(!listed(&app).contains(&1), "read in newsboat: not unread");
    press(&mut app, "1 j r");
    assert!(!app.is_read(1), "marked unread in byline");
    assert_eq!(app.status.as_deref(), Some("marked unread"));
    press(&mut app, "u");
    assert!(app.is_read(1), "undone: newsboat's mark again");
}

#[test]
fn a_story_previewed_to_its_end_is_read_when_left() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "j");
    assert!(app.is_read(0), "shown whole beside the list, then left");
    assert!(!app.is_read(1), "the one selected is not read yet");
}

#[test]
fn a_story_previewed_in_part_stays_unread() {
    let mut app = fixture::app(160, 12);
    press(&mut app, "j");
    assert!(!app.is_read(0), "only its start was on screen");
}

#[test]
fn capital_j_marks_the_story_left_not_the_next() {
    let mut app = fixture::app(160, 12);
    press(&mut app, "J");
    assert_eq!(app.selected, Some(1));
    assert!(app.is_read(0), "done with it");
    assert!(!app.is_read(1), "not read yet: the list has the keys");
    press(&mut app, "Enter J");
    assert!(app.is_read(2), "from the text, the next is being read");
}

#[test]
fn space_pages_the_story_then_goes_on_to_the_next_unread() {
    let mut app = fixture::app(160, 12);
    press(&mut app, "j r k");
    assert!(app.is_read(1) && !app.is_read(0));
    let mut pages = 0;
    while app.selected == Some(0) {
        press(&mut app, "Space");
        pages += 1;
        assert!(pages < 50, "Space never left the story");
    }
    assert!(pages > 1, "the story was paged first");
    assert!(app.is_read(0), "paged to its end: read");
    assert_eq!(app.selected, Some(2), "the read story 1 is skipped");
    assert_eq!(app.focus, Focus::List, "the keys stay where they were");
}

#[test]
fn capital_u_goes_to_the_next_unread_and_says_when_none_is_left() {
    let mut app = fixture::app(160, 12);
    press(&mut app, "j r k U");
    assert_eq!(app.selected, Some(2));
    let stories = app.list_len();
    for _ in 0..stories {
        press(&mut app, "U");
    }
    assert!((0..stories).all(|i| app.is_read(i)));
    assert_eq!(app.status.as_deref(), Some("No more unread stories"));
}

#[test]
fn space_on_a_narrow_screen_opens_the_story() {
    let mut app = fixture::app(60, 20);
    press(&mut app, "Space");
    assert_eq!(app.focus, Focus::Body);
    assert!(app.is_read(0));
}

#[test]
fn a_pipe_and_save_as_ask_for_their_line_then_hand_it_over() {
    let mut app = fixture::app(100, 30);
    press(&mut app, "Enter |");
    assert!(matches!(app.mode, Mode::Command { .. }));
    type_text(&mut app, "wc -w");
    let jobs = app.update(Msg::Key(Key::new(
        crate::config::KeyCode::Enter,
        false,
        false,
        false,
    )));
    assert!(
        jobs.iter()
            .any(|j| matches!(j, Job::Pipe(_, line) if line == "wc -w")),
        "{jobs:?}"
    );
    press(&mut app, "w");
    type_text(&mut app, "~/saved.md");
    press(&mut app, "Esc");
    assert_eq!(app.mode, Mode::Normal, "Esc: nothing saved");
}

#[test]
fn esc_clears_every_filter_one_at_a_time() {
    let mut app = fixture::app_with_index(160, 45);
    press(&mut app, "r 2 /");
    type_text(&mut app, "@lindqvist");
    press(&mut app, "Enter");
    while app.work() {}
    assert!(app.following.is_some() && app.search.is_some());
    press(&mut app, "Esc");
    assert!(app.search.is_none(), "the search first");
    press(&mut app, "Esc");
    assert!(app.following.is_none(), "then the person followed");
    assert_eq!(app.reading.filter, Filter::Unread);
    press(&mut app, "Esc");
    assert_eq!(app.reading.filter, Filter::All, "then the unread-only list");
}
