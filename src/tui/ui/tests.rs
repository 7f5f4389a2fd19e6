//! Whole-screen snapshots on ratatui's `TestBackend`, and checks of the
//! styles a snapshot cannot show.

use super::draw;
use crate::article::Loaded;
use crate::tui::app::{App, Msg};
use crate::tui::digest::Digest;
use crate::tui::fixture::{self, press, type_text};
use crate::tui::keymap::Keymap;
use crate::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn buffer(app: &App) -> Buffer {
    let (width, height) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| draw(frame, app)).unwrap();
    terminal.backend().buffer().clone()
}

fn screen(app: &App) -> String {
    let (width, height) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| draw(frame, app)).unwrap();
    terminal.backend().to_string()
}

/// The bundled samples, loaded and analysed as the reader would.
fn samples(width: u16, height: u16) -> App {
    let loaded = crate::article::load(&crate::samples::inputs());
    let digests = loaded
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (i, Digest::of(&a.body, &crate::analyse(&a.body))))
        .collect();
    let mut app = App::new(Theme::default(), Keymap::default());
    app.update(Msg::Resize(width, height));
    app.update(Msg::Loaded(loaded));
    app.update(Msg::Analysed(digests));
    app.update(Msg::LoadDone);
    app
}

/// The row of the screen that contains `text`, with its column.
fn find(buf: &Buffer, text: &str) -> Option<(u16, u16)> {
    (0..buf.area.height).find_map(|y| {
        let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        row.find(text)
            .map(|at| (row[..at].chars().count() as u16, y))
    })
}

#[test]
fn samples_at_160x45() {
    insta::assert_snapshot!(screen(&samples(160, 45)));
}

#[test]
fn samples_at_100x30() {
    insta::assert_snapshot!(screen(&samples(100, 30)));
}

#[test]
fn samples_at_60x20() {
    insta::assert_snapshot!(screen(&samples(60, 20)));
}

#[test]
fn stories_at_160x45() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "Enter");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn stories_at_100x30_with_the_sidebar() {
    let mut app = fixture::app(100, 30);
    press(&mut app, "Enter");
    insta::assert_snapshot!("stories_at_100x30", screen(&app));
    press(&mut app, "Tab");
    insta::assert_snapshot!("stories_at_100x30_sidebar", screen(&app));
}

#[test]
fn stories_at_60x20_one_panel_at_a_time() {
    let mut app = fixture::app(60, 20);
    insta::assert_snapshot!("stories_at_60x20_list", screen(&app));
    press(&mut app, "Enter");
    insta::assert_snapshot!("stories_at_60x20_body", screen(&app));
    press(&mut app, "Tab");
    insta::assert_snapshot!("stories_at_60x20_people", screen(&app));
}

#[test]
fn the_help_on_a_wide_screen_shows_whole_descriptions_and_prompt_keys() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "?");
    let text = screen(&app);
    assert!(
        text.contains("open the story · go to the person's first quote · to the quote"),
        "{text}"
    );
    let footer = text.lines().last().unwrap();
    assert!(
        !footer.contains("j/k"),
        "j and k type into the search: {footer}"
    );
    assert!(text.contains("│ Stories and quotes"), "grouped: {text}");
}

#[test]
fn help_overlay_and_its_search() {
    let mut app = fixture::app(100, 30);
    press(&mut app, "?");
    insta::assert_snapshot!("help", screen(&app));
    type_text(&mut app, "quote");
    insta::assert_snapshot!("help_searched", screen(&app));
}

#[test]
fn a_search_with_matches() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "/");
    type_text(&mut app, "gate");
    insta::assert_snapshot!("search_typing", screen(&app));
    press(&mut app, "Enter n");
    let text = screen(&app);
    insta::assert_snapshot!("search_matches", text);
    let buf = buffer(&app);
    let (x, y) = find(&buf, "gates").expect("a match on screen");
    assert_eq!(buf[(x, y)].bg, Color::Yellow, "matches are highlighted");
}

#[test]
fn a_person_selected() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "l l j Enter");
    insta::assert_snapshot!(screen(&app));
    let buf = buffer(&app);
    let reyes = app.story().unwrap().speakers[0].slot;
    let colour = Theme::default().speaker(Some(reyes)).fg;
    let (x, y) = find(&buf, "Reyes▏").expect("the label is on screen");
    assert!(
        buf[(x, y)].modifier.contains(Modifier::DIM),
        "the label is dim"
    );
    assert_eq!(buf[(x, y)].fg, colour.unwrap());
    let (x, y) = find(&buf, "gate that is never moved").expect("the quote is on screen");
    assert_eq!(
        buf[(x, y)].fg,
        colour.unwrap(),
        "the quote is in the speaker's colour"
    );
    assert!(
        buf[(x, y)].modifier.contains(Modifier::UNDERLINED),
        "and marked as current"
    );
    let (x, y) = find(&buf, "Every winter").expect("another speaker's quote");
    assert_ne!(buf[(x, y)].fg, colour.unwrap());
}

#[test]
fn a_load_problem_shown() {
    let mut app = fixture::app(100, 30);
    app.update(Msg::Loaded(Loaded {
        articles: Vec::new(),
        problems: vec![fixture::problem()],
    }));
    let text = screen(&app);
    assert!(
        text.lines().next().unwrap().contains("1 problem (p)"),
        "{text}"
    );
    press(&mut app, "p");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn while_loading() {
    let mut app = App::new(Theme::default(), Keymap::default());
    app.update(Msg::Resize(100, 12));
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn the_header_shows_loading_then_the_background_analysis() {
    let mut app = App::new(Theme::default(), Keymap::default());
    app.update(Msg::Resize(100, 12));
    let (articles, analyses): (Vec<_>, Vec<_>) = fixture::stories().into_iter().unzip();
    let digests: Vec<_> = articles
        .iter()
        .zip(&analyses)
        .enumerate()
        .map(|(i, (a, analysis))| (i, Digest::of(&a.body, analysis)))
        .collect();
    app.update(Msg::Loaded(Loaded {
        articles,
        problems: Vec::new(),
    }));
    let header = |app: &App| screen(app).lines().next().unwrap().to_owned();
    assert!(
        header(&app).contains("loading… 4 stories"),
        "{}",
        header(&app)
    );
    app.update(Msg::LoadDone);
    let mut digests = digests.into_iter();
    app.update(Msg::Analysed(digests.by_ref().take(1).collect()));
    assert!(header(&app).contains("analysing 25%"), "{}", header(&app));
    app.update(Msg::Analysed(digests.collect()));
    let done = header(&app);
    assert!(
        !done.contains("analysing") && !done.contains("loading"),
        "{done}"
    );
}

#[test]
fn speaker_picker() {
    let mut app = fixture::app(100, 30);
    press(&mut app, "@");
    type_text(&mut app, "re");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn terminal_too_small() {
    let app = fixture::app(19, 4);
    insta::assert_snapshot!(screen(&app));
    let app = fixture::app(1, 1);
    assert_eq!(screen(&app), "\"…\"\n");
}

#[test]
fn no_size_and_no_mode_panics() {
    let mut app = fixture::app(1, 1);
    let modes = ["Esc", "?", "/", "@", "p"];
    for (i, mode) in modes.iter().enumerate() {
        press(&mut app, "Esc Esc");
        press(&mut app, mode);
        for width in (0..140).step_by(7 + i) {
            for height in (0..40).step_by(3) {
                app.update(Msg::Resize(width, height));
                // `buffer`, not `screen`: TestBackend cannot print a 0-wide buffer.
                let _ = buffer(&app);
            }
        }
    }
}

#[test]
fn no_color_draws_without_colour() {
    let mut app = fixture::app(160, 45);
    app.theme = Theme {
        color: false,
        ..Theme::default()
    };
    press(&mut app, "l l j Enter /");
    type_text(&mut app, "gate");
    let buf = buffer(&app);
    for cell in &buf.content {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
    let (x, y) = find(&buf, "gate that is never moved").unwrap();
    assert!(
        buf[(x, y)]
            .modifier
            .contains(Modifier::UNDERLINED | Modifier::BOLD)
    );
}

#[test]
fn escapes_in_a_story_never_reach_the_screen() {
    let mut app = fixture::app(100, 30);
    let mut article = fixture::stories().remove(0).0;
    article.title = "Evil \u{1b}]2;pwned\u{7} title".into();
    article.body = "Text \u{1b}[2J with escapes.".into();
    app.update(Msg::Loaded(Loaded {
        articles: vec![article],
        problems: Vec::new(),
    }));
    press(&mut app, "G Enter");
    let buf = buffer(&app);
    assert!(
        buf.content
            .iter()
            .all(|c| !c.symbol().chars().any(char::is_control))
    );
    assert!(find(&buf, "Evil ]2;pwned title").is_some());
}

#[test]
fn reading_marks_and_the_question_before_marking_all_read() {
    let mut app = fixture::app(100, 30);
    // Story 0 read, story 1 read and starred, story 2's file gone, 3 unread.
    press(&mut app, "Enter J f");
    app.reading.gone[2] = true;
    press(&mut app, "h R");
    let shown = screen(&app);
    insta::assert_snapshot!("reading_marks", shown);
    let star = buffer(&app)
        .content()
        .iter()
        .find(|c| c.symbol() == "★")
        .map(|c| c.fg);
    assert_eq!(star, Some(Color::Yellow), "the dark palette's star");
    press(&mut app, "n 2");
    let title = screen(&app).lines().nth(1).unwrap_or_default().to_owned();
    assert!(title.contains("Stories · unread"), "{title}");
}

#[test]
fn the_light_theme_from_the_settings() {
    let mut app = fixture::app(100, 30);
    app.configure(&crate::config::parse("theme = \"light\"\n", "config.toml"));
    let unread = buffer(&app)
        .content()
        .iter()
        .find(|c| c.symbol() == "●")
        .map(|c| c.fg);
    assert_eq!(unread, Some(Color::Blue), "the light palette's unread mark");
}

#[test]
fn a_long_path_gives_way_to_the_reason_in_the_problems_panel() {
    let mut app = fixture::app(100, 30);
    let file = std::sync::Arc::from(format!("/tmp/{}/config/byline/config.toml", "x".repeat(80)));
    let problem = crate::article::Problem::new(
        &file,
        crate::article::Place::Line(3),
        "unknown action `not_an_action`",
    );
    app.update(Msg::Problem(problem));
    press(&mut app, "p");
    let shown = screen(&app);
    assert!(
        shown.contains("…/config.toml:3: unknown action `not_an_action`"),
        "{shown}"
    );
}

#[test]
fn the_people_view_with_a_person_selected() {
    let mut app = fixture::app_with_index(160, 45);
    press(&mut app, "P /");
    type_text(&mut app, "lindq");
    press(&mut app, "Enter j");
    let text = screen(&app);
    insta::assert_snapshot!("people_view", text);
    assert!(text.contains("Mara Lindqvist"), "{text}");
    assert!(
        text.contains("5 quotes in 3 stories · 1 Aug 2026"),
        "{text}"
    );
    assert!(
        text.contains("“We will not borrow a single crown for the gates,”"),
        "her quotes whole in the story's pane: {text}"
    );
}

#[test]
fn the_people_view_at_60x20() {
    let mut app = fixture::app_with_index(60, 20);
    press(&mut app, "P");
    insta::assert_snapshot!("people_view_60x20", screen(&app));
}

#[test]
fn the_quotes_only_view() {
    let mut app = fixture::app_with_index(160, 45);
    press(&mut app, "Enter \" j");
    let text = screen(&app);
    insta::assert_snapshot!("quotes_only", text);
    assert!(
        text.contains("Tomas Reyes · said"),
        "speaker and cue: {text}"
    );
}

#[test]
fn the_quotes_only_view_shows_every_quote_whole() {
    let mut app = fixture::app_with_index(40, 16);
    press(&mut app, "Enter \"");
    let text = screen(&app);
    // The words of the pane, its lines joined.
    let words: Vec<&str> = text
        .lines()
        .flat_map(|line| {
            line.trim_matches(|c| c == '"' || c == '│' || c == ' ')
                .split(' ')
        })
        .filter(|w| !w.is_empty())
        .collect();
    let words = words.join(" ");
    assert!(
        words.contains("“Every winter we fill sandbags and hope, and hope is not a plan,”"),
        "{text}"
    );
    insta::assert_snapshot!("quotes_only_40x16", text);
}

#[test]
fn the_header_says_who_is_followed_and_how_many_stories_quote_them() {
    let mut app = fixture::app_with_index(160, 45);
    press(&mut app, "/");
    type_text(&mut app, "@lindqvist");
    press(&mut app, "Enter");
    while app.work() {}
    let header = screen(&app).lines().next().unwrap().to_owned();
    assert!(header.contains("/@lindqvist  3 stories"), "{header}");
    assert!(header.contains("following Mara Lindqvist"), "{header}");
}

#[test]
fn the_people_view_before_the_index_arrives() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "P");
    let text = screen(&app);
    assert!(text.contains("Finding who said what…"), "{text}");
    assert!(
        !text.lines().last().unwrap().contains("people ▏"),
        "no prompt until / : {text}"
    );
    press(&mut app, "/");
    let text = screen(&app);
    assert!(
        text.lines().last().unwrap().contains("people ▏"),
        "the filter prompt: {text}"
    );
}

#[test]
fn an_empty_library_says_why_on_the_screen() {
    let mut app = App::new(Theme::default(), Keymap::default());
    app.update(Msg::Resize(100, 20));
    let file = std::sync::Arc::from("news/");
    let problem = crate::article::Problem::new(
        &file,
        crate::article::Place::File,
        "no .json, .jsonl or .ndjson files in this folder",
    );
    app.update(Msg::Loaded(Loaded {
        articles: Vec::new(),
        problems: vec![problem],
    }));
    app.update(Msg::LoadDone);
    let shown = screen(&app);
    assert!(shown.contains("No stories found"), "{shown}");
    assert!(
        shown.contains("news/: no .json, .jsonl or .ndjson files"),
        "{shown}"
    );
}

/// The body panel alone: the rows between its borders.
fn body_rows(app: &App) -> Vec<String> {
    let text = crate::tui::layout::text_area(app.areas.body.unwrap());
    let buf = buffer(app);
    (text.y..text.y + text.height)
        .map(|y| {
            (text.x..text.x + text.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

#[test]
fn gutter_labels_stand_beside_the_text_and_never_reflow_it() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "l l j Enter");
    app.configure(&crate::config::parse(
        "labels = \"gutter\"\n",
        "config.toml",
    ));
    insta::assert_snapshot!("gutter_labels", body_rows(&app).join("\n"));
    let analysed: Vec<_> = open_lines(&app);
    // The same story before its analysis: the same lines, the gutter empty.
    app.open.as_mut().unwrap().story = None;
    app.configure(&crate::config::parse(
        "labels = \"gutter\"\n",
        "config.toml",
    ));
    assert_eq!(
        open_lines(&app),
        analysed,
        "no reflow when the analysis comes"
    );
    let rows = body_rows(&app).join("\n");
    assert!(!rows.contains('▎'), "{rows}");
}

#[test]
fn labels_off_tint_the_quotes_only() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "l l j Enter");
    app.configure(&crate::config::parse("labels = \"off\"\n", "config.toml"));
    let rows = body_rows(&app).join("\n");
    assert!(!rows.contains('▎') && !rows.contains('▏'), "{rows}");
    assert!(
        rows.contains("said the gates would"),
        "the text as it is: {rows}"
    );
}

fn open_lines(app: &App) -> Vec<(usize, usize)> {
    let open = app.open.as_ref().unwrap();
    open.view.lines.iter().map(|l| (l.start, l.end)).collect()
}

#[test]
fn a_search_found_outside_the_text_or_nowhere_says_so() {
    let mut app = fixture::app(160, 45);
    press(&mut app, "/");
    type_text(&mut app, "northshore gazette");
    while app.work() {}
    let text = screen(&app);
    let header = text.lines().next().unwrap();
    assert!(header.contains("not in the text"), "{header}");
    press(&mut app, "Esc /");
    type_text(&mut app, "zeppelin");
    while app.work() {}
    let text = screen(&app);
    assert!(text.contains("No story matches the search"), "{text}");
}

#[test]
fn z_shows_the_story_alone_and_another_panel_brings_them_back() {
    let mut app = fixture::app(100, 30);
    press(&mut app, "z");
    let text = screen(&app);
    assert!(!text.contains("Stories"), "{text}");
    assert!(
        text.contains("Harbour council approves flood barrier"),
        "{text}"
    );
    insta::assert_snapshot!("zoomed_100x30", text);
    press(&mut app, "h");
    assert!(!app.zoomed);
    assert!(screen(&app).contains("Stories"));
}
