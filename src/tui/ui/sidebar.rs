//! The sidebar: the people of the open story (with "all speakers" first)
//! and its quotes, filtered to the selected person.

use super::{frame_panel, panel, put};
use crate::text::{clean, fit, pad, width};
use crate::tui::app::App;
use crate::tui::layout::Focus;
use crate::tui::story::Story;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn render_people(buf: &mut Buffer, app: &App, area: Rect) {
    let count = app
        .story()
        .map(|s| format!(" People · {} quoted ", s.quoted()));
    let title = count.unwrap_or_else(|| " People ".to_owned());
    let inner = frame_panel(buf, panel(app, Line::from(title), Focus::People), area);
    let Some(story) = app.story() else {
        waiting(buf, app, inner);
        return;
    };
    let focused = app.focus == Focus::People;
    let rows = usize::from(inner.height) / 2;
    let shown = (app.sidebar.people.offset..=story.quoted()).take(rows);
    let mut y = inner.y;
    for row in shown {
        let selected = row == app.sidebar.person();
        let (first, second) = person_lines(app, story, row, selected, usize::from(inner.width));
        put(buf, inner.x, y, &first, inner.width);
        put(buf, inner.x, y + 1, &second, inner.width);
        if selected {
            let style = app.theme.selected(focused);
            buf.set_style(Rect::new(inner.x, y, inner.width, 2), style);
        }
        y += 2;
    }
    let below = Rect::new(inner.x, y, inner.width, inner.bottom().saturating_sub(y));
    also_named(buf, app, story, below);
}

/// The people the story names but does not quote, apart below the
/// speakers: "Also named: Jonas Ek (Harbour master), Vladimir Putin".
fn also_named(buf: &mut Buffer, app: &App, story: &Story, area: Rect) {
    let names: Vec<String> = story.speakers[story.quoted()..]
        .iter()
        .filter(|s| !s.name.is_empty())
        .map(|s| match &s.role {
            Some(role) => format!("{} ({role})", s.name),
            None => s.name.clone(),
        })
        .collect();
    if names.is_empty() || area.height < 2 {
        return;
    }
    let text = format!("Also named: {}", names.join(", "));
    let lines = textwrap::wrap(&text, usize::from(area.width.saturating_sub(2)).max(1));
    // A blank line sets them apart from the speakers.
    for (y, line) in (area.y + 1..area.bottom()).zip(&lines) {
        let line = Line::from(Span::styled(format!("  {line}"), app.theme.dim()));
        put(buf, area.x, y, &line, area.width);
    }
}

/// A speaker's two lines: name and number of quotes; their role, if the
/// story gives one. Row 0 is every quote of the story.
fn person_lines(
    app: &App,
    story: &Story,
    row: usize,
    selected: bool,
    w: usize,
) -> (Line<'static>, Line<'static>) {
    let theme = app.theme;
    let (name, quotes, detail, style) = match row.checked_sub(1).map(|p| &story.speakers[p]) {
        None => (
            "All speakers".to_owned(),
            story.quotes.len(),
            String::new(),
            theme.title(),
        ),
        Some(s) => (
            s.name.clone(),
            s.quotes,
            s.role.clone().unwrap_or_default(),
            theme.speaker(Some(s.slot)),
        ),
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
        .person()
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
    for (i, row) in (app.sidebar.quotes.offset..quotes.len())
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
        if row == app.sidebar.quotes.selected {
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
