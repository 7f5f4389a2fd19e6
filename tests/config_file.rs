//! The settings file: the default file, good and bad files (each problem
//! names its line and costs only its entry), and `byline config`.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use byline::config::{
    self, Action, Colour, Config, Context, DEFAULT_FILE, Key, Palette, Settings, ThemeName,
};
use std::path::PathBuf;
use std::process::{Command, Output};

fn byline(args: &[&str], env: &[(&str, &PathBuf)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_byline"));
    command.args(args);
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().unwrap()
}

/// The lines of the default file's table `[name]`.
fn table(name: &str) -> Vec<&'static str> {
    let header = format!("[{name}]");
    DEFAULT_FILE
        .lines()
        .skip_while(|l| *l != header)
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .collect()
}

fn lines_of(config: &Config) -> Vec<String> {
    config.problems.iter().map(ToString::to_string).collect()
}

#[test]
fn the_default_file_is_the_defaults() {
    let config = config::parse(DEFAULT_FILE, "config.toml");
    assert!(config.problems.is_empty(), "{:?}", lines_of(&config));
    assert_eq!(config.settings, Settings::default());
}

#[test]
fn every_action_is_in_the_default_file_with_a_comment() {
    for context in Context::ALL {
        let lines = table(context.table());
        for &action in Action::ALL {
            let bound = config::bindings::allowed(context, action);
            let line = lines
                .iter()
                .find(|l| l.starts_with(&format!("{} = ", action.name())));
            assert_eq!(line.is_some(), bound, "{action:?} in [{}]", context.table());
            if let Some(line) = line {
                assert!(line.contains(" # "), "{line}: say what it does");
            }
        }
    }
}

#[test]
fn the_default_file_groups_the_keys_as_the_help_does() {
    use byline::config::actions::GROUPS;
    let mut group = None;
    let mut seen = Vec::new();
    for line in table("keys") {
        if let Some(name) = line.strip_prefix("# ").filter(|n| GROUPS.contains(n)) {
            group = Some(name);
            seen.push(name);
        } else if let Some((name, _)) = line.split_once(" = ") {
            let action = Action::from_name(name).expect("an action");
            assert_eq!(Some(action.group()), group, "{name}");
        }
    }
    assert_eq!(seen, GROUPS, "every group, in the help's order");
}

/// Every action with a default key is in the default file's table.
#[test]
fn the_default_file_lists_every_bound_action() {
    for &(context, _, action) in config::actions::DEFAULTS {
        let name = action.name();
        assert!(
            table(context.table())
                .iter()
                .any(|l| l.starts_with(&format!("{name} = "))),
            "{name} is missing from [{}]",
            context.table()
        );
    }
}

/// The values of the default file's key tables: each quoted string.
fn key_values(name: &str) -> Vec<(String, &'static str)> {
    let mut values = Vec::new();
    for line in table(name).into_iter().filter(|l| !l.starts_with('#')) {
        let Some((_, rest)) = line.split_once(" = ") else {
            continue;
        };
        let value = rest.split("  #").next().unwrap().trim();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            if c == '"' || c == '\'' {
                let text: String = chars.by_ref().take_while(|&d| d != c).collect();
                values.push((text, line));
            }
        }
    }
    values
}

/// `config --default` writes every key as the help shows it (`Ctrl-d`,
/// `PgDn`, `Shift-Tab`, `↓`), so one spelling is seen everywhere.
#[test]
fn the_default_file_spells_keys_as_the_help_does() {
    let mut count = 0;
    for context in Context::ALL {
        for (text, line) in key_values(context.table()) {
            let shown = config::keys::canonical(&text);
            assert_eq!(shown.as_deref(), Some(text.as_str()), "{line}");
            count += 1;
        }
    }
    assert!(count > 60, "{count} keys read");
}

/// Every usual spelling of a key reads in the file: the help's and the
/// short notation's, in any case.
#[test]
fn both_spellings_of_keys_read() {
    let text = r#"
[keys]
half_down = "Ctrl-d"
half_up = "C-u"
quit = ["Ctrl-q", "C-c"]
page_down = ["Space", "PgDn"]
page_up = "PageUp"
cancel = ["Escape", "Esc"]
focus_prev = "Shift-Tab"
focus_next = "Tab"
open_url = "Alt-o"
copy_quote = "M-y"
toggle_star = "Del"
export = "Delete"
full_text = "Return"
problems = "Ins"

[prompt_keys]
down = ["↓", "C-n"]
up = ["Up", "ctrl-p"]
"#;
    let config = config::parse(text, "config.toml");
    // `export` and `toggle_star` both name the Delete key: the later is refused.
    assert_eq!(
        lines_of(&config),
        [
            "config.toml:14: `Del` is already bound to `toggle_star` on line 13; \
          `export` keeps its default keys"
        ],
    );
    let keys = &config.settings.keys;
    let n = Context::Normal;
    let key = |text: &str| Key::parse(text).unwrap();
    for (text, action) in [
        ("C-d", Action::HalfDown),
        ("Ctrl-u", Action::HalfUp),
        ("C-q", Action::Quit),
        ("PageDown", Action::PageDown),
        ("PgUp", Action::PageUp),
        ("Esc", Action::Cancel),
        ("S-Tab", Action::FocusPrev),
        ("M-o", Action::OpenUrl),
        ("Alt-y", Action::CopyQuote),
        ("Delete", Action::ToggleStar),
        ("Enter", Action::FullText),
        ("Insert", Action::Problems),
    ] {
        assert_eq!(keys.action_for(n, &[key(text)]), Some(action), "{text}");
    }
    let p = Context::Prompt;
    assert_eq!(keys.action_for(p, &[key("Down")]), Some(Action::Down));
    assert_eq!(keys.action_for(p, &[key("Ctrl-p")]), Some(Action::Up));
}

/// The help's search finds a key however it is written.
#[test]
fn the_help_finds_a_key_written_either_way() {
    let keymap = byline::tui::keymap::Keymap::default();
    let found = |filter: &str| -> Vec<Action> {
        byline::tui::app::help_rows(&keymap, filter)
            .iter()
            .map(|row| row.action)
            .collect()
    };
    for (filters, action) in [
        (&["Ctrl-d", "C-d", "ctrl-d"][..], Action::HalfDown),
        (&["PgDn", "PageDown", "pagedown"], Action::PageDown),
        (&["Shift-Tab", "S-Tab", "BackTab"], Action::FocusPrev),
        (&["Esc", "Escape"], Action::Cancel),
        (&["Ctrl-r", "C-r"], Action::Fetch),
    ] {
        for filter in filters {
            assert!(
                found(filter).contains(&action),
                "{filter}: {:?}",
                found(filter)
            );
        }
    }
}

#[test]
fn a_good_file_applies_in_full() {
    let text = r#"
paths = ["~/news", "/srv/wire.jsonl"]
body_width = 72
theme = "light"
mouse = false
watch = true

[colours]
accent = "magenta"
speakers = ["red", "green", "blue", "cyan", "magenta", "black"]

[keys]
down = ["j", "C-n"]
top = "g g"
quit = "Q"
toggle_star = "*"

[prompt_keys]
cancel = ["Esc", "C-g"]
"#;
    let config = config::parse(text, "config.toml");
    assert!(config.problems.is_empty(), "{:?}", lines_of(&config));
    let s = &config.settings;
    assert_eq!(
        s.paths,
        [PathBuf::from("~/news"), PathBuf::from("/srv/wire.jsonl")]
    );
    assert_eq!(s.body_width, 72);
    assert_eq!(s.theme, ThemeName::Light);
    assert!(!s.mouse && s.watch);
    assert_eq!(s.colours.accent, Colour::Magenta);
    assert_eq!(
        s.colours.unread,
        Palette::LIGHT.unread,
        "the rest is the light theme"
    );
    assert_eq!(s.colours.speakers[5], Colour::Black);
    let n = Context::Normal;
    assert_eq!(s.keys.action_for(n, &[Key::ctrl('n')]), Some(Action::Down));
    assert_eq!(s.keys.action_for(n, &[Key::char('Q')]), Some(Action::Quit));
    assert_eq!(
        s.keys.action_for(n, &[Key::char('q')]),
        None,
        "quit took only Q"
    );
    assert_eq!(
        s.keys.keys_for(n, Action::Top).len(),
        1,
        "Home is no longer Top"
    );
    assert_eq!(
        s.keys.action_for(n, &[Key::char('*')]),
        Some(Action::ToggleStar)
    );
    assert_eq!(s.keys.action_for(n, &[Key::char('f')]), None);
    let p = Context::Prompt;
    assert_eq!(
        s.keys.action_for(p, &[Key::ctrl('g')]),
        Some(Action::Cancel)
    );
}

#[test]
fn each_problem_names_its_line_and_the_rest_applies() {
    let text = r#"theme = "solarized"
body_width = 5
watch = true
colour = "red"
mouse = "no"

[colours]
accent = "teal"
unread = "green"

[keys]
help = "x"
quit = ["Q", "x"]
top = "Nope"
serch = "/"
next_story = "n"

[prompt_keys]
search = "C-s"
"#;
    let config = config::parse(text, "config.toml");
    let lines = lines_of(&config);
    let expected = [
        (1, "`theme` must be \"dark\" or \"light\"; using \"dark\""),
        (
            2,
            "`body_width` must be a whole number of columns from 20 to 1000; using 100",
        ),
        (4, "unknown setting `colour`; did you mean `colours`?"),
        (5, "`mouse` must be true or false; using true"),
        (8, "`accent` must be one of black, red"),
        (
            13,
            "`x` is already bound to `help` on line 12; `quit` keeps its default keys",
        ),
        (14, "`Nope` is not a key; write a character"),
        (
            15,
            "unknown action `serch` in [keys]; did you mean `search`?",
        ),
        (19, "`search` cannot be bound in [prompt_keys]"),
    ];
    assert_eq!(lines.len(), expected.len(), "{lines:#?}");
    for (line, (n, start)) in lines.iter().zip(expected) {
        assert!(
            line.starts_with(&format!("config.toml:{n}: {start}")),
            "{line}"
        );
    }
    let s = &config.settings;
    assert_eq!(s.theme, ThemeName::Dark);
    assert_eq!(s.body_width, 100);
    assert!(s.watch, "a good line among bad ones applies");
    assert!(s.mouse);
    assert_eq!(s.colours.accent, Palette::DARK.accent);
    assert_eq!(s.colours.unread, Colour::Green);
    let n = Context::Normal;
    assert_eq!(s.keys.action_for(n, &[Key::char('x')]), Some(Action::Help));
    assert_eq!(s.keys.action_for(n, &[Key::char('q')]), Some(Action::Quit));
    assert_eq!(
        s.keys.keys_for(n, Action::Top).len(),
        2,
        "top keeps g g and Home"
    );
    assert_eq!(
        s.keys.action_for(n, &[Key::char('n')]),
        Some(Action::NextStory)
    );
    assert_eq!(
        s.keys.keys_for(n, Action::NextMatch).len(),
        0,
        "n was taken"
    );
}

#[test]
fn broken_toml_is_reported_by_line_too() {
    let config = config::parse(
        "watch = true\nbody_width = [1,\ntheme = \"light\"\n",
        "c.toml",
    );
    assert!(!config.problems.is_empty());
    for line in lines_of(&config) {
        assert!(
            line.starts_with("c.toml:2:") || line.starts_with("c.toml:3:"),
            "{line}"
        );
    }
    assert!(config.settings.watch, "the line before the break applies");
}

#[test]
fn config_default_prints_the_default_file() {
    let out = byline(&["config", "--default"], &[]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), DEFAULT_FILE);
}

#[test]
fn config_check_reports_and_sets_the_exit_status() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("config");
    let file = home.join("byline/config.toml");
    let env = [("XDG_CONFIG_HOME", &home)];
    // No file: the defaults, nothing wrong.
    let out = byline(&["config", "--check"], &env);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("no settings file"));
    // The file byline reads is under XDG_CONFIG_HOME.
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, "watch = true\nbody_width = \"wide\"\n").unwrap();
    let out = byline(&["config", "--check"], &env);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout,
        format!(
            "{}:2: `body_width` must be a whole number of columns from 20 to 1000; using 100\n",
            file.display()
        )
    );
    std::fs::write(&file, DEFAULT_FILE).unwrap();
    let out = byline(&["config", "--check", file.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(0));
}

/// A rebinding may take another action's key, but never silently: every
/// key taken is a warning naming the action and what it is left with, on
/// the line that took it.
#[test]
fn every_key_taken_by_a_rebinding_is_warned_about() {
    let text = "[keys]\nnext_story = \"n\"\ntoggle_star = \"s s\"\nhelp = \"j\"\nopen_url = []\n";
    let config = config::parse(text, "config.toml");
    assert!(config.problems.is_empty(), "{:?}", lines_of(&config));
    let warnings: Vec<String> = config.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "config.toml:2: warning: `n` was `next_match`'s key; `next_match` has no key now \
             (give it one in [keys])",
            "config.toml:3: warning: `s s` starts with `s`, `toggle_sidebar`'s key, which \
             cannot be both; `toggle_sidebar` has no key now (give it one in [keys])",
            "config.toml:4: warning: `j` was `down`'s key; `down` keeps `↓`",
        ]
    );
    // The default file moves no key.
    assert!(config::parse(DEFAULT_FILE, "c").warnings.is_empty());
}

#[test]
fn config_check_prints_warnings_and_problems_in_line_order() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, "[keys]\nnext_story = \"n\"\n").unwrap();
    let out = byline(&["config", "--check", file.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(0), "warnings alone: the file holds");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout,
        format!(
            "{}:2: warning: `n` was `next_match`'s key; `next_match` has no key now \
             (give it one in [keys])\n",
            file.display()
        )
    );
    std::fs::write(&file, "theme = 3\n[keys]\nnext_story = \"n\"\n").unwrap();
    let out = byline(&["config", "--check", file.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(lines[0].contains(":1: `theme` must be"), "{stdout}");
    assert!(lines[1].contains(":3: warning: `n` was"), "{stdout}");
}

/// The reader lists the warnings with the problems (`p`).
#[test]
fn the_reader_lists_the_warnings_with_the_problems() {
    let config = config::parse("[keys]\ntoggle_star = \"s s\"\nbody = 3\n", "config.toml");
    let mut reader = byline::tui::headless::Headless::new(160, 40);
    reader.app.configure(&config);
    let listed: Vec<String> = reader
        .app
        .library
        .problems
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert!(
        listed[0].starts_with("config.toml:2: warning: `s s` starts with `s`"),
        "{listed:?}"
    );
    assert!(listed[1].starts_with("config.toml:3: unknown action `body`"));
    reader.press("p");
    reader.draw();
    let screen = reader.screen();
    assert!(
        screen.contains("warning: `s s` starts with `s`"),
        "{screen}"
    );
}

#[test]
fn config_shows_where_the_files_are() {
    let dir = tempfile::tempdir().unwrap();
    let (conf, state, data) = (
        dir.path().join("c"),
        dir.path().join("s"),
        dir.path().join("d"),
    );
    let out = byline(
        &["config"],
        &[
            ("XDG_CONFIG_HOME", &conf),
            ("XDG_STATE_HOME", &state),
            ("XDG_DATA_HOME", &data),
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let expected = format!(
        "settings: {}\nreading state: {}\nsubscriptions: {}\nfetched stories: {}\n",
        conf.join("byline/config.toml").display(),
        state.join("byline/state.json").display(),
        conf.join("byline/feeds.toml").display(),
        data.join("byline/feeds").display()
    );
    assert_eq!(stdout, expected);
}

#[test]
fn the_feeds_table_applies_and_each_mistake_names_its_line() {
    let text = "[feeds]\ntimeout = 5\nconcurrency = 0\nmax_feed_size = \"2 MiB\"\nkeep_days = 30\nretries = 3\n";
    let config = config::parse(text, "config.toml");
    let feeds = &config.settings.feeds;
    assert_eq!(feeds.timeout, std::time::Duration::from_secs(5));
    assert_eq!(feeds.concurrency, 8, "a bad value keeps the default");
    assert_eq!(feeds.max_feed_size, 2 << 20);
    assert_eq!(feeds.keep_days, 30);
    assert_eq!(
        lines_of(&config),
        [
            "config.toml:3: `concurrency` must be a whole number of feeds from 1 to 64; using 8",
            "config.toml:6: unknown entry `retries` in [feeds]",
        ]
    );
}
