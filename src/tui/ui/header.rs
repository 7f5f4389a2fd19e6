//! The header (where you are, the search or filter in force, loading and
//! problems) and the status line (prompts, messages, and key hints for the
//! focused panel, read from the keymap so they follow the bindings).

use super::put;
use crate::text::fit;
use crate::tui::app::{App, Mode};
use crate::tui::keymap::{Action, Context};
use crate::tui::layout::Focus;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

const SEP: &str = "  ·  ";

pub fn render_header(buf: &mut Buffer, app: &App, area: Rect) {
    let right = header_right(app);
    let right_width = right.width() as u16;
    put(buf, area.x, area.y, &header_left(app), area.width);
    if right_width + 20 <= area.width {
        put(buf, area.right() - right_width, area.y, &right, right_width);
    }
}

/// " byline · 12/340 · /nato 3/12 in story · @Jens Stoltenberg"
fn header_left(app: &App) -> Line<'static> {
    let theme = app.theme;
    let position = app.selected_row().map_or(0, |r| r + 1);
    let mut left = vec![
        Span::styled(" byline", theme.brand()),
        Span::raw(format!("{SEP}{position}/{}", app.list_len())),
    ];
    if let Some(search) = &app.search {
        let (at, count) = app.open.as_ref().map_or((0, 0), |o| {
            (o.current_match.map_or(0, |c| c + 1), o.matches.len())
        });
        let scanning = if search.scanned < app.library.articles.len() || app.finding_in_body() {
            " …"
        } else {
            ""
        };
        left.push(Span::raw(SEP));
        left.push(Span::styled(
            format!("/{}", fit(&search.query, 30)),
            theme.prompt(),
        ));
        if search.needle.is_some() && count == 0 && scanning.is_empty() {
            // Found by its title, source or people, not in its text.
            left.push(Span::raw("  not in the text"));
        } else if search.needle.is_some() {
            left.push(Span::raw(format!("  {at}/{count} in story{scanning}")));
        } else {
            // Only names: there is nothing to find in the text.
            left.push(Span::raw(format!(
                "  {} stories{scanning}",
                search.hits.len()
            )));
        }
    }
    let person = app.sidebar.person().checked_sub(1);
    if let Some(speaker) = person.and_then(|p| app.story()?.speakers.get(p)) {
        let style = theme.speaker(Some(speaker.slot));
        left.push(Span::raw(SEP));
        left.push(Span::styled(format!("@{}", fit(&speaker.name, 30)), style));
    }
    let followed = app.following.zip(app.index.as_ref());
    if let Some(speaker) = followed.and_then(|(id, index)| index.speaker(id)) {
        left.push(Span::raw(SEP));
        let name = fit(speaker.name(), 30);
        left.push(Span::styled(format!("following {name}"), theme.key()));
    }
    Line::from(left)
}

/// "loading… 1204 stories · 2 problems (p)", then "analysing 41%", then
/// "watching" while `--watch` sees changes.
fn header_right(app: &App) -> Line<'static> {
    let library = &app.library;
    let mut right = Vec::new();
    if library.loading {
        let stories = library.articles.len();
        right.push(Span::raw(format!("loading… {stories} stories")));
    } else if let Some(percent) = library.analysing() {
        right.push(Span::raw(format!("analysing {percent}%")));
    } else if library.watching {
        right.push(Span::styled("watching", app.theme.dim()));
    }
    let problems = library.problems.len();
    if problems > 0 {
        if !right.is_empty() {
            right.push(Span::raw(SEP));
        }
        let keys = first_key(app, Action::Problems);
        let noun = if problems == 1 { "problem" } else { "problems" };
        right.push(Span::styled(
            format!("{problems} {noun} ({keys})"),
            app.theme.warning(),
        ));
    }
    right.push(Span::raw(" "));
    Line::from(right)
}

pub fn render_status(buf: &mut Buffer, app: &App, area: Rect) {
    let theme = app.theme;
    let width = usize::from(area.width);
    let line = match &app.mode {
        Mode::Search { input } => Line::from(vec![
            Span::styled("/", theme.prompt()),
            Span::raw(format!("{}▏", fit(input, usize::from(area.width) / 2))),
            Span::styled(
                "   Enter open first · Esc clear · ↑/↓ earlier searches",
                theme.dim(),
            ),
        ]),
        Mode::Command { purpose, input } => Line::from(vec![
            Span::styled(format!("{} ", purpose.prompt()), theme.prompt()),
            Span::raw(format!("{}▏", fit(input, usize::from(area.width) / 2))),
            Span::styled("   Enter go · Esc cancel", theme.dim()),
        ]),
        Mode::PeopleFilter => Line::from(vec![
            Span::styled("people ", theme.prompt()),
            Span::raw(format!(
                "{}▏",
                fit(
                    app.people.as_ref().map_or("", |p| p.filter.as_str()),
                    usize::from(area.width) / 2
                )
            )),
            Span::styled(
                "   Enter their quotes · ↑/↓ move · Esc stop typing",
                theme.dim(),
            ),
        ]),
        Mode::Speaker { .. } => hints(
            app,
            &[
                (&[Action::Enter], "jump to their first quote"),
                (&[Action::Cancel], "cancel"),
            ],
            width,
        ),
        Mode::Help { .. } => hints(
            app,
            &[
                (&[Action::Cancel], "close"),
                (&[Action::Down, Action::Up], "scroll"),
            ],
            width,
        ),
        Mode::Sources { .. } => hints(
            app,
            &[
                (&[Action::Enter], "list alone"),
                (&[Action::MarkSourceRead], "mark read"),
                (&[Action::Cancel], "close"),
            ],
            width,
        ),
        Mode::Problems { .. } => hints(
            app,
            &[
                (&[Action::Down, Action::Up], "scroll"),
                (&[Action::Cancel], "close"),
            ],
            width,
        ),
        Mode::Normal => match &app.status {
            Some(message) => Line::from(Span::raw(format!(" {message}"))),
            None => focus_hints(app, width),
        },
    };
    put(buf, area.x, area.y, &line, area.width);
}

fn focus_hints(app: &App, width: usize) -> Line<'static> {
    use Action as A;
    let common: &[(&[Action], &str)] = &[(&[A::Help], "help"), (&[A::Quit], "quit")];
    let specific: &[(&[Action], &str)] = match app.focus {
        Focus::List if app.people.is_some() => &[
            (&[A::Down, A::Up], "move"),
            (&[A::Enter], "their quotes / open"),
            (&[A::Search], "filter"),
            (&[A::Sort], "sort"),
            (&[A::NextBySpeaker, A::PrevBySpeaker], "follow"),
            (&[A::People], "stories"),
        ],
        Focus::Body if app.quote_list.is_some() => &[
            (&[A::Down, A::Up], "move"),
            (&[A::Enter], "go to quote"),
            (&[A::QuotesOnly], "full text"),
        ],
        Focus::List => &[
            (&[A::Down, A::Up], "move"),
            (&[A::Enter], "open"),
            (&[A::Search], "search"),
            (&[A::PickSpeaker], "speaker"),
            (&[A::People], "people"),
        ],
        Focus::Body => &[
            (&[A::Down, A::Up], "scroll"),
            (&[A::NextStory, A::PrevStory], "story"),
            (&[A::NextQuote, A::PrevQuote], "quote"),
            (&[A::NextBySpeaker, A::PrevBySpeaker], "same speaker"),
            (&[A::PickSpeaker], "speaker"),
            (&[A::QuotesOnly], "quotes only"),
            (&[A::Search], "search"),
            (&[A::CopyQuote], "copy quote"),
            (&[A::OpenUrl], "open page"),
        ],
        Focus::People => &[
            (&[A::Down, A::Up], "person"),
            (&[A::Enter], "first quote"),
            (&[A::NextBySpeaker, A::PrevBySpeaker], "their quotes"),
            (&[A::PickSpeaker], "speaker"),
        ],
        Focus::Quotes => &[
            (&[A::Down, A::Up], "quote"),
            (&[A::Enter], "go to quote"),
            (&[A::CopyQuote], "copy"),
        ],
    };
    let mut all: Vec<(&[Action], &str)> = specific.to_vec();
    all.extend_from_slice(common);
    hints(app, &all, width)
}

/// "j/k move · Enter open · …" from the keys bound now. Items that do not
/// fit in `width` are left out whole, except the last two (help, quit),
/// which always show.
fn hints(app: &App, items: &[(&[Action], &str)], width: usize) -> Line<'static> {
    let rendered: Vec<(String, String)> = items
        .iter()
        .filter_map(|(actions, what)| {
            let keys: Vec<String> = actions
                .iter()
                .map(|&a| first_key(app, a))
                .filter(|k| !k.is_empty())
                .collect();
            (!keys.is_empty()).then(|| (keys.join("/"), format!(" {what}")))
        })
        .collect();
    let cost = |(keys, what): &(String, String)| keys.chars().count() + what.chars().count() + 3;
    let kept = rendered.len().saturating_sub(2);
    let mut room = width.saturating_sub(1 + rendered[kept..].iter().map(cost).sum::<usize>());
    let mut spans = vec![Span::raw(" ")];
    for (i, item) in rendered.iter().enumerate() {
        if i < kept {
            if cost(item) > room {
                continue;
            }
            room -= cost(item);
        }
        if spans.len() > 1 {
            spans.push(Span::styled(" · ", app.theme.dim()));
        }
        spans.push(Span::styled(item.0.clone(), app.theme.key()));
        spans.push(Span::styled(item.1.clone(), app.theme.dim()));
    }
    Line::from(spans)
}

fn first_key(app: &App, action: Action) -> String {
    // A prompt reads its own keys (↓, not j, moves while typing).
    let context = match app.mode {
        Mode::Normal | Mode::Problems { .. } | Mode::Sources { .. } => Context::Normal,
        _ => Context::Prompt,
    };
    app.keymap
        .keys_for(context, action)
        .into_iter()
        .next()
        .unwrap_or_default()
}
