//! The sidebar: the people of the open story (with "all speakers" first)
//! and its quotes, filtered to the selected person.

use super::{frame_panel, panel, put};
use crate::tui::app::App;
use crate::tui::layout::Focus;
use crate::tui::story::Story;
use crate::tui::text::{clean, fit, pad, width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn render_people(buf: &mut Buffer, app: &App, area: Rect) {
    let count = app
        .story()
        .map(|s| format!(" People · {} ", s.speakers.len()));
    let title = count.unwrap_or_else(|| " People ".to_owned());
    let inner = frame_panel(buf, panel(app, Line::from(title), Focus::People), area);
    let Some(story) = app.story() else {
        waiting(buf, app, inner);
        return;
    };
    let focused = app.focus == Focus::People;
    let rows = usize::from(inner.height) / 2;
    for (i, row) in (app.sidebar.people_offset..=story.speakers.len())
        .take(rows)
        .enumerate()
    {
        let selected = row == app.sidebar.person;
        let (first, second) = person_lines(app, story, row, selected, usize::from(inner.width));
        let y = inner.y + (i * 2) as u16;
        put(buf, inner.x, y, &first, inner.width);
        put(buf, inner.x, y + 1, &second, inner.width);
        if selected {
            let style = app.theme.selected(focused);
            buf.set_style(Rect::new(inner.x, y, inner.width, 2), style);
        }
    }
}

/// A person's two lines: name and number of quotes; role (or mentions).
/// Row 0 is "all speakers".
fn person_lines(
    app: &App,
    story: &Story,
    row: usize,
    selected: bool,
    w: usize,
) -> (Line<'static>, Line<'static>) {
    let theme = app.theme;
    let (name, quotes, detail, style) = match row.checked_sub(1).map(|p| &story.speakers[p]) {
        None => {
            let named = format!("{} named", story.speakers.len());
            (
                "All speakers".to_owned(),
                story.quotes.len(),
                named,
                theme.title(),
            )
        }
        Some(s) => {
            let detail = s
                .role
                .clone()
                .unwrap_or_else(|| plural(s.mentions, "mention"));
            (
                s.name.clone(),
                s.quotes,
                detail,
                theme.speaker(Some(s.slot)),
            )
        }
    };
    let mark = if selected { "▸ " } else { "  " };
    let number = quotes.to_string();
    let name_width = w.saturating_sub(2 + 1 + width(&number));
    let first = Line::from(vec![
        Span::raw(mark),
        Span::styled(pad(&name, name_width), style),
        Span::raw(" "),
        Span::raw(number),
    ]);
    let detail = format!("  {}", fit(&detail, w.saturating_sub(2)));
    (first, Line::from(Span::styled(detail, theme.dim())))
}

pub fn render_quotes(buf: &mut Buffer, app: &App, area: Rect) {
    let filter = app
        .sidebar
        .person
        .checked_sub(1)
        .and_then(|p| app.story()?.speakers.get(p));
    let title = match filter {
        Some(s) => format!(" Quotes · {} ", fit(s.label(), 20)),
        None => " Quotes ".to_owned(),
    };
    let inner = frame_panel(buf, panel(app, Line::from(title), Focus::Quotes), area);
    let Some(story) = app.story() else {
        waiting(buf, app, inner);
        return;
    };
    let quotes = app.sidebar_quotes();
    if quotes.is_empty() {
        let text = if story.quotes.is_empty() {
            "No quotes found"
        } else {
            "Not quoted"
        };
        let line = Line::from(Span::styled(
            fit(text, usize::from(inner.width)).into_owned(),
            app.theme.dim(),
        ));
        put(buf, inner.x, inner.y, &line, inner.width);
        return;
    }
    let focused = app.focus == Focus::Quotes;
    let current = app.open.as_ref().and_then(|o| o.current_quote);
    for (i, row) in (app.sidebar.quotes_offset..quotes.len())
        .take(usize::from(inner.height))
        .enumerate()
    {
        let quote = quotes[row];
        let mark = if current == Some(quote) { "▸ " } else { "  " };
        let line = quote_line(
            app,
            story,
            quote,
            mark,
            filter.is_none(),
            usize::from(inner.width),
        );
        let y = inner.y + i as u16;
        put(buf, inner.x, y, &line, inner.width);
        if row == app.sidebar.quote {
            buf.set_style(
                Rect::new(inner.x, y, inner.width, 1),
                app.theme.selected(focused),
            );
        }
    }
}

/// "▸ Stoltenberg: We will stand with…"
fn quote_line<'a>(
    app: &App,
    story: &'a Story,
    quote: usize,
    mark: &'a str,
    with_speaker: bool,
    w: usize,
) -> Line<'a> {
    let theme = app.theme;
    let q = story.quotes[quote];
    let slot = story.slot_of(quote);
    let mut spans = vec![Span::raw(mark)];
    let mut used = 2;
    if with_speaker {
        let who = q.speaker.map_or("?", |s| story.speakers[s].label());
        let who = fit(who, w.saturating_sub(used) / 2).into_owned();
        used += width(&who) + 2;
        spans.push(Span::styled(who, theme.label(slot)));
        spans.push(Span::raw(": "));
    }
    let body = app.open_article().map_or("", |a| a.body.as_str());
    // A row shows a few dozen characters: never look further into a long quote.
    let text = q.span.text(body);
    let shown = text
        .char_indices()
        .nth(4 * w)
        .map_or(text, |(at, _)| &text[..at]);
    let words = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    spans.push(Span::styled(
        fit(&clean(&words), w.saturating_sub(used)).into_owned(),
        theme.quote(slot),
    ));
    Line::from(spans)
}

fn waiting(buf: &mut Buffer, app: &App, inner: Rect) {
    let text = if app.open.is_some() {
        "Finding people…"
    } else {
        ""
    };
    let line = Line::from(Span::styled(
        fit(text, usize::from(inner.width)).into_owned(),
        app.theme.dim(),
    ));
    put(buf, inner.x, inner.y, &line, inner.width);
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
