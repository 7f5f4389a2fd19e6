//! End-to-end tests of the real `byline` binary in tmux (see
//! `tui_support`): reading, moving between stories, the sidebar, the
//! speaker picker and resizing. Skipped, with a message, where tmux is not
//! installed.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use crate::tui_support;

use tui_support::{Tmux, body, body_row, have_tmux, position, story};

#[test]
fn starts_on_the_samples_and_moves_between_stories() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(160, 45);
    tmux.byline(&[]);
    let screen = tmux.wait_for("the samples", |s| {
        position(s).starts_with("1/") && !s.contains("loading")
    });
    let total = position(&screen).trim_start_matches("1/").to_owned();
    assert!(
        total.parse::<usize>().unwrap_or(0) >= 2,
        "the samples hold several stories: {screen}"
    );
    let title = body_row(&screen, 2);
    tmux.keys(&["J"]);
    let screen = tmux.wait_for("the second story", |s| position(s) == format!("2/{total}"));
    assert_ne!(body_row(&screen, 2), title, "the body shows the next story");
    tmux.keys(&["J", "K", "K"]);
    let screen = tmux.wait_for("the first story again", |s| {
        position(s) == format!("1/{total}")
    });
    assert_eq!(body_row(&screen, 2), title);
}

#[test]
fn the_sidebar_the_speaker_picker_and_same_speaker_jumps() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(100, 30);
    let file = tmux.file("harbour.json", &story());
    tmux.byline(&[&file]);
    tmux.wait_for("the story", |s| {
        s.contains("Harbour council approves flood barrier")
    });
    tmux.keys(&["s"]);
    tmux.wait_for("the sidebar", |s| {
        s.contains("All speakers") && s.contains("Tomas Reyes")
    });
    tmux.keys(&["@"]);
    tmux.wait_for("the picker", |s| s.contains("Jump to a speaker"));
    tmux.keys(&["l", "i", "n", "d", "Enter"]);
    let screen = tmux.wait_for("the first quote", |s| {
        s.lines()
            .next()
            .is_some_and(|h| h.contains("@Mara Lindqvist"))
    });
    assert!(
        body(&screen).contains("We cannot keep filling sandbags"),
        "{screen}"
    );
    assert!(
        !body(&screen).contains("Not one crown"),
        "the last quote starts off screen:\n{screen}"
    );
    tmux.keys(&["}"]);
    tmux.wait_for("the next quote by the same speaker", |s| {
        body(s).contains("Not one crown")
    });
}

#[test]
fn resizing_keeps_the_reading_position() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(100, 30);
    tmux.read_story("");
    tmux.keys(&["Enter", "Space", "j", "j"]);
    // 26 rows of text: a page (25 lines) and two more put line 53 at the
    // bottom, as the scroll position in the border says.
    let screen = tmux.wait_for("a page and two lines down", |s| {
        s.lines().nth(28).is_some_and(|l| l.contains(" 53/"))
    });
    // The words that start the top line must still start the top of the
    // pane: on its first line, or running on to its second.
    let top = body_row(&screen, 2);
    let phrase = top.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    for (w, h) in [(70, 24), (140, 40), (100, 30), (60, 20)] {
        tmux.resize(w, h);
        let screen = tmux.wait_for_size(w, h);
        let first = body_row(&screen, 2);
        let both = format!("{first} {}", body_row(&screen, 3));
        assert!(
            both.contains(&phrase),
            "at {w}x{h} the top was {top:?} and is now {first:?}:\n{screen}"
        );
        let word = phrase.split(' ').next().unwrap_or_default();
        assert!(
            first.contains(word),
            "at {w}x{h} {word:?} left the top line {first:?}"
        );
    }
}

#[test]
fn on_the_samples_the_top_speaker_can_be_picked_and_followed() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(160, 45);
    tmux.byline(&[]);
    tmux.keys(&["Tab", "Tab"]);
    // The people panel is the last column; its first person follows "All speakers".
    let sidebar = |s: &str, row: usize| {
        let line = s.lines().nth(row).unwrap_or_default();
        line.trim_end_matches('│')
            .rsplit('│')
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned()
    };
    let screen = tmux.wait_for("the people of the first sample", |s| {
        sidebar(s, 2).contains("All speakers") && sidebar(s, 4).split_whitespace().count() >= 2
    });
    let top = sidebar(&screen, 4);
    let (name, count) = top.rsplit_once(' ').expect("a name and a number");
    let (name, count): (String, usize) = (name.trim().to_owned(), count.parse().expect("a count"));
    let surname = name.rsplit(' ').next().unwrap_or_default().to_owned();
    tmux.keys(&["@"]);
    tmux.wait_for("the picker", |s| s.contains("Jump to a speaker"));
    for c in surname.to_lowercase().chars() {
        tmux.run(&["send-keys", "-t", "t", "-l", &c.to_string()]);
    }
    tmux.keys(&["Enter"]);
    // The gutter names the speaker where a quote starts, in twelve columns.
    let shown: String = if surname.chars().count() <= 12 {
        surname.clone()
    } else {
        surname.chars().take(11).chain(['…']).collect()
    };
    let label = format!("{shown} ▎");
    let screen = tmux.wait_for("the first quote", |s| {
        s.lines()
            .next()
            .is_some_and(|h| h.contains(&format!("@{name}")))
    });
    assert!(
        count == 0 || body(&screen).contains(&label),
        "{name}'s first quote is on screen:\n{screen}"
    );
    if count >= 2 {
        // The current quote is marked ▸ in the quotes panel, below the people.
        let current = |s: &str| {
            (0..s.lines().count())
                .rev()
                .find(|&row| sidebar(s, row).starts_with('▸'))
        };
        let before = current(&screen);
        tmux.keys(&["}"]);
        let screen = tmux.wait_for("the next quote", |s| current(s) != before);
        assert!(
            current(&screen) > before,
            "the mark moved down the quotes:\n{screen}"
        );
        assert!(
            body(&screen).contains(&label),
            "{name}'s next quote is on screen:\n{screen}"
        );
    }
}

#[test]
fn space_reads_through_one_story_and_on_to_the_next_unread() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(100, 30);
    // The harbour story (14 Mar 2026) is listed first, newest first; the
    // short one (1 Jan 2026) after it.
    let long = tmux.file("harbour.json", &story());
    let short = tmux.file(
        "short.json",
        r#"{"title": "Ferry timetable changes", "published": "2026-01-01", "body": "The winter timetable starts on Monday."}"#,
    );
    tmux.byline(&[&long, &short]);
    tmux.wait_for("the harbour story first", |s| {
        position(s) == "1/2" && body(s).contains("harbour council voted")
    });
    // Space from the list pages the story; pressed on, past its end, it
    // goes on to the next unread story.
    let mut presses = 0;
    let mut before = tmux.screen();
    loop {
        tmux.keys(&["Space"]);
        presses += 1;
        // Each Space moves the text: wait for it before the next.
        let screen = tmux.wait_for("the next page or the next story", |s| {
            body(s) != body(&before)
        });
        before.clone_from(&screen);
        if position(&screen) == "2/2" {
            assert!(body(&screen).contains("winter timetable"), "{screen}");
            break;
        }
        assert!(presses < 30, "Space never went on: {screen}");
    }
    assert!(presses > 2, "the story was paged first");
}

#[test]
fn after_at_a_name_j_scrolls_the_story_not_the_list() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(100, 30);
    let long = tmux.file("harbour.json", &story());
    let other = tmux.file(
        "other.json",
        r#"{"title": "Ferry timetable changes", "published": "2026-01-01", "body": "The winter timetable starts on Monday."}"#,
    );
    tmux.byline(&[&long, &other]);
    tmux.wait_for("the analysed story", |s| {
        position(s) == "1/2" && s.contains("Lindqvist ▎")
    });
    tmux.keys(&["@"]);
    tmux.wait_for("the picker", |s| s.contains("Jump to a speaker"));
    tmux.run(&["send-keys", "-t", "t", "-l", "reyes"]);
    tmux.keys(&["Enter"]);
    let at = tmux.wait_for("the engineer's quote", |s| {
        s.lines().next().is_some_and(|h| h.contains("@Tomas Reyes"))
    });
    tmux.keys(&["j"]);
    let screen = tmux.wait_for("the story a line further", |s| body(s) != body(&at));
    assert_eq!(position(&screen), "1/2", "still the same story:\n{screen}");
}

#[test]
fn a_wrong_path_is_an_error_and_the_screen_never_starts() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(100, 30);
    let missing = tmux.dir.join("no-such-folder");
    tmux.shell(&format!(
        "{} {}; echo \"exit=$?\"",
        tui_support::binary(),
        missing.display()
    ));
    let screen = tmux.wait_for("the error and the exit status", |s| s.contains("exit=1"));
    assert!(screen.contains("no such file or folder"), "{screen}");
    assert_eq!(tmux.format("#{alternate_on}"), "0");
}
