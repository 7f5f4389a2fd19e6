//! End-to-end tests of the real `byline` binary in tmux (see
//! `tui_support`) for living with it: the reading state across a restart,
//! the settings file, watched folders and export. Every run keeps its
//! state and settings in the test's own folder (`XDG_STATE_HOME`,
//! `XDG_CONFIG_HOME`, `HOME`), never the user's. Skipped, with a message,
//! where tmux is not installed.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use crate::tui_support;

use std::path::PathBuf;
use std::time::Instant;
use tui_support::{Tmux, body, have_tmux, position, story};

/// `XDG_…=…` for a reader that keeps everything in the test's folder.
fn private_dirs(tmux: &Tmux) -> String {
    let dir = tmux.dir.display();
    format!("XDG_STATE_HOME={dir}/state XDG_CONFIG_HOME={dir}/config")
}

/// A short story in a file of its own, newer than `story()`: it lists
/// above it.
fn short_story(id: &str, title: &str) -> String {
    format!(
        r#"{{"id": "{id}", "title": "{title}", "source": "Wire", "published": "2026-06-01", "body": "A short story about {id}.\n\nIt ends here."}}"#
    )
}

/// The list row of the story titled `title`: `▸● Title` when unread.
fn list_row<'a>(screen: &'a str, title: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(title))
        .unwrap_or_default()
}

fn quit(tmux: &Tmux) {
    tmux.keys(&["q"]);
    tmux.wait_for("the prompt", |s| s.contains("exit=0"));
}

/// The body rows, without the first (the header, with the status).
fn body_text(screen: &str) -> String {
    body(screen).lines().skip(1).collect::<Vec<_>>().join("\n")
}

#[test]
fn a_story_read_is_read_after_a_restart_and_opens_where_it_was_left() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(100, 30);
    let folder = tmux.dir.join("news");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("a-other.json"),
        short_story("other", "Other news"),
    )
    .unwrap();
    std::fs::write(folder.join("b-harbour.json"), story()).unwrap();
    let env = private_dirs(&tmux);
    tmux.byline_with(&env, &[&folder]);
    tmux.wait_for("both stories analysed", |s| {
        position(s) == "1/2" && !s.contains("analysing")
    });
    tmux.keys(&["J", "Enter"]);
    for _ in 0..12 {
        tmux.keys(&["j"]);
    }
    // Every key handled: the screen has stopped changing.
    let mut last = String::new();
    let before = tmux.wait_for("the story scrolled", |s| {
        let done = s == last && !body(s).contains("Harbour council approves flood barrier");
        s.clone_into(&mut last);
        done
    });
    assert_eq!(position(&before), "2/2");
    assert!(
        !list_row(&before, "Harbour council").contains('●'),
        "read: {before}"
    );
    quit(&tmux);
    let state = tmux.dir.join("state/byline/state.json");
    assert!(state.is_file(), "the state is kept under XDG_STATE_HOME");

    tmux.byline_with(&env, &[&folder]);
    let after = tmux.wait_for("the story it was on", |s| {
        position(s) == "2/2" && body_text(s) == body_text(&before)
    });
    assert!(
        !list_row(&after, "Harbour council").contains('●'),
        "{after}"
    );
    assert!(
        !list_row(&after, "Other news").contains('●'),
        "J marked the story it left read: {after}"
    );
    quit(&tmux);
}

#[test]
fn the_settings_file_opens_its_paths_rebinds_keys_and_reports_a_bad_entry() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(100, 30);
    let config: PathBuf = tmux.dir.join("config/byline");
    std::fs::create_dir_all(&config).unwrap();
    let file = tmux.file("harbour.json", &story());
    let settings = format!(
        "paths = [\"{}\"]\n[keys]\ntoggle_star = \"F\"\nnot_an_action = \"x\"\n",
        file.display()
    );
    std::fs::write(config.join("config.toml"), settings).unwrap();
    // No path on the command line: the settings' paths are opened.
    tmux.byline_with(&private_dirs(&tmux), &[]);
    tmux.wait_for("the story from the settings' paths", |s| {
        s.contains("Harbour council approves flood barrier")
    });
    // The bad entry, and the warning that `F` was taken from `sources`.
    let screen = tmux.wait_for("the problem and the warning counted", |s| {
        s.lines().next().is_some_and(|h| h.contains("2 problems"))
    });
    assert!(!screen.contains('★'));
    tmux.keys(&["F"]);
    tmux.wait_for("the star", |s| s.contains('★'));
    tmux.keys(&["p"]);
    tmux.wait_for("the problem, with its line", |s| {
        s.contains("config.toml:4: unknown action `not_an_action`")
            && s.contains("config.toml:3: warning: `F` was `sources`'s key")
    });
    // `p` again closes the panel (Escape and a quick `q` would read as Alt-q).
    tmux.keys(&["p"]);
    quit(&tmux);
}

#[test]
fn watching_picks_up_a_new_file_and_marks_a_deleted_one() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(100, 30);
    let folder = tmux.dir.join("news");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("a.json"), short_story("first", "First news")).unwrap();
    let env = private_dirs(&tmux);
    tmux.byline_with(&env, &[&PathBuf::from("--watch"), &folder]);
    tmux.wait_for("the watcher", |s| watching(s) && position(s) == "1/1");
    let written = Instant::now();
    std::fs::write(folder.join("b.json"), short_story("second", "Second news")).unwrap();
    let screen = tmux.wait_for("the new story", |s| s.contains("Second news"));
    eprintln!("a new file was listed after {:?}", written.elapsed());
    assert_eq!(position(&screen), "1/2", "the selection stays: {screen}");
    std::fs::remove_file(folder.join("a.json")).unwrap();
    let screen = tmux.wait_for("the gone mark", |s| s.contains("file gone"));
    assert!(
        screen.contains("First news"),
        "kept until restart: {screen}"
    );
    quit(&tmux);
}

/// The header says the watcher sees changes (analysis done).
fn watching(screen: &str) -> bool {
    screen
        .lines()
        .next()
        .is_some_and(|l| l.contains("watching"))
}

/// A watched story edited in place is analysed again: its quotes are
/// marked, and the header does not wait for an analysis for ever. A single
/// file watched on its own is analysed too.
#[test]
fn an_edited_story_is_analysed_again() {
    if !have_tmux() {
        return;
    }
    for single in [false, true] {
        let tmux = Tmux::start(120, 30);
        let folder = tmux.dir.join("news");
        std::fs::create_dir_all(&folder).unwrap();
        let file = folder.join("harbour.json");
        std::fs::write(&file, story()).unwrap();
        let watched = if single { file.clone() } else { folder.clone() };
        tmux.byline_with(&private_dirs(&tmux), &[&PathBuf::from("--watch"), &watched]);
        tmux.wait_for("analysed and watched", |s| {
            watching(s) && s.contains("Mara Lindqvist")
        });
        std::fs::write(&file, story().replace("Harbour council", "Port council")).unwrap();
        tmux.wait_for("the new title, analysed again", |s| {
            s.contains("Port council") && watching(s) && s.contains("Mara Lindqvist")
        });
        quit(&tmux);
    }
}

#[test]
fn e_exports_the_story_into_the_current_folder() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(100, 30);
    let out = tmux.dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(
        out.join("harbour-council-approves-flood-barrier.md"),
        "mine",
    )
    .unwrap();
    let file = tmux.file("harbour.json", &story());
    tmux.shell(&format!("cd {}", out.display()));
    tmux.byline_with(&private_dirs(&tmux), &[&file]);
    tmux.keys(&["e"]);
    tmux.wait_for("the path in the status line", |s| {
        s.contains("exported to ./harbour-council-approves-flood-barrier-2.md")
    });
    quit(&tmux);
    let mine = std::fs::read_to_string(out.join("harbour-council-approves-flood-barrier.md"));
    assert_eq!(
        mine.unwrap(),
        "mine",
        "an existing file is never overwritten"
    );
    let written = std::fs::read_to_string(out.join("harbour-council-approves-flood-barrier-2.md"));
    let written = written.unwrap();
    assert!(written.contains("Mara Lindqvist"), "{written}");
    assert!(
        written.contains("We cannot keep filling sandbags"),
        "{written}"
    );
}

#[test]
fn a_damaged_state_file_is_reported_and_set_aside() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(100, 30);
    let state = tmux.dir.join("state/byline");
    std::fs::create_dir_all(&state).unwrap();
    std::fs::write(state.join("state.json"), "{ this is not the state").unwrap();
    let file = tmux.file("harbour.json", &story());
    tmux.byline_with(&private_dirs(&tmux), &[&file]);
    tmux.wait_for("the problem counted", |s| {
        s.lines().next().is_some_and(|h| h.contains("1 problem"))
    });
    tmux.keys(&["p"]);
    tmux.wait_for("the problem", |s| s.contains("set aside"));
    tmux.keys(&["p", "Enter"]);
    quit(&tmux);
    let names: Vec<String> = std::fs::read_dir(&state)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().any(|n| n.starts_with("state.json.corrupt-")),
        "{names:?}"
    );
    let saved = std::fs::read_to_string(state.join("state.json")).unwrap();
    assert!(saved.contains("harbour"), "a new state is written: {saved}");
}

/// Two readers open on one library at once: each one's marks survive the
/// other's saves (A's star on one story, B's read on another).
#[test]
fn two_readers_at_once_keep_each_others_marks() {
    if !have_tmux() {
        return;
    }
    let a = Tmux::start(100, 30);
    let b = Tmux::start(100, 30);
    let folder = a.dir.join("news");
    std::fs::create_dir_all(&folder).unwrap();
    for (name, id, title) in [
        ("1.json", "one", "First news"),
        ("2.json", "two", "Second news"),
        ("3.json", "three", "Third news"),
    ] {
        std::fs::write(folder.join(name), short_story(id, title)).unwrap();
    }
    let env = private_dirs(&a);
    a.byline_with(&env, &[&folder]);
    b.byline_with(&env, &[&folder]);
    // A story's two list rows: its title, and its source with the star.
    let rows = |s: &str, title: &str| -> String {
        let lines: Vec<&str> = s.lines().collect();
        let in_list = |l: &&str| {
            l.split("││")
                .next()
                .is_some_and(|list| list.contains(title))
        };
        let at = lines.iter().position(in_list).unwrap_or(0);
        lines[at..lines.len().min(at + 2)].join("\n")
    };
    a.keys(&["j", "f"]);
    a.wait_for("A's star", |s| rows(s, "Second news").contains('★'));
    // B opens the second and third stories (whatever panel it resumed in):
    // both are read.
    b.keys(&["J", "J"]);
    b.wait_for("B on the third story", |s| position(s) == "3/3");
    quit(&a);
    quit(&b);
    a.byline_with(&env, &[&folder]);
    a.wait_for("both readers' marks", |s| {
        let second = rows(s, "Second news");
        second.contains('★') && !second.contains('●') && !rows(s, "Third news").contains('●')
    });
}
