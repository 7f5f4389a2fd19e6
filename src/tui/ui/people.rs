//! The People view, in the list's place: everyone quoted in the library
//! (two lines each: name and quote count; stories and latest date); the
//! selected person's quotes, newest first, each with its story's title and
//! date — whole in the story's pane, or one line each below the people on
//! a narrow screen. Only the rows on screen are built.

use super::{frame_panel, put};
use crate::text::{clean, fit, pad, width};
use crate::tui::app::{App, People, PersonQuote, sort_name, split_people, whole};
use crate::tui::layout::{Focus, text_area};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType};

pub fn render_people_view(buf: &mut Buffer, app: &App, area: Rect, people: &People) {
    if !app.people_split() {
        render_speakers(buf, app, area, people);
        return;
    }
    let (top, bottom) = split_people(area);
    render_speakers(buf, app, top, people);
    render_their_quotes(buf, app, bottom, people);
}

/// The person's quotes whole, in the story's pane: the date and story of
/// each, then its words.
pub fn render_said(buf: &mut Buffer, app: &App, area: Rect, people: &People) {
    let focused = people.in_quotes;
    let inner = frame_panel(
        buf,
        titled(app, quotes_title(app, people, area), focused),
        area,
    );
    if people.quotes_stale {
        waiting(buf, app, inner, "Listing their quotes…");
        return;
    }
    if people.quotes.is_empty() {
        waiting(buf, app, inner, "Pick someone to read what they said");
        return;
    }
    let inner = text_area(area);
    let w = usize::from(inner.width);
    let mut y = inner.y;
    for (i, quote) in people.quotes.iter().enumerate().skip(people.said_whole) {
        if y >= inner.bottom() {
            break;
        }
        let selected = i == people.said.selected;
        let mark = if selected { "▸ " } else { "  " };
        let head = Line::from(vec![
            Span::raw(mark),
            Span::styled(about(app, quote, w.saturating_sub(2)), app.theme.dim()),
        ]);
        let words = app.said_lines(i);
        let lines = std::iter::once(head).chain(
            words
                .iter()
                .map(|line| Line::from(format!("{}{line}", " ".repeat(whole::INDENT)))),
        );
        let height = ((words.len() + 1) as u16).min(inner.bottom() - y);
        for (j, line) in lines.take(usize::from(height)).enumerate() {
            put(buf, inner.x, y + j as u16, &line, inner.width);
        }
        if selected {
            buf.set_style(
                Rect::new(inner.x, y, inner.width, height),
                app.theme.selected(focused),
            );
        }
        y = y.saturating_add(whole::height(words.len()) as u16);
    }
}

fn quotes_title(app: &App, people: &People, area: Rect) -> String {
    let name = app
        .index
        .as_ref()
        .zip(people.person)
        .and_then(|(index, id)| index.speaker(id))
        .map(|s| s.name().to_owned());
    match &name {
        Some(name) => format!(" Quotes · {} ", fit(name, usize::from(area.width) / 2)),
        None => " Quotes ".to_owned(),
    }
}

fn render_speakers(buf: &mut Buffer, app: &App, area: Rect, people: &People) {
    let filter = if people.filter.is_empty() {
        String::new()
    } else {
        format!("/{} · ", fit(&people.filter, 16))
    };
    let title = format!(
        " People · {filter}{} · {} ",
        people.shown.len(),
        sort_name(people.sort)
    );
    let focused = app.focus == Focus::List && !people.in_quotes;
    let inner = frame_panel(buf, titled(app, title, focused), area);
    let Some(index) = &app.index else {
        waiting(buf, app, inner, "Finding who said what…");
        return;
    };
    if people.shown.is_empty() {
        waiting(buf, app, inner, "Nobody quoted matches");
        return;
    }
    let w = usize::from(inner.width);
    let rows = usize::from(inner.height) / 2;
    let visible = people
        .shown
        .iter()
        .enumerate()
        .skip(people.speakers.offset)
        .take(rows);
    for (i, (row, &id)) in visible.enumerate() {
        let Some(speaker) = index.speaker(id) else {
            continue;
        };
        let selected = row == people.speakers.selected;
        let count = speaker.quotes().to_string();
        let mark = if selected { "▸ " } else { "  " };
        let name = fit(speaker.name(), w.saturating_sub(count.len() + 3));
        let first = Line::from(vec![
            Span::raw(mark),
            Span::styled(
                pad(&name, w.saturating_sub(count.len() + 2)),
                app.theme.title(),
            ),
            Span::styled(count, app.theme.key()),
        ]);
        let stories = speaker.stories();
        let mut detail = format!(
            "{} in {stories} stor{}",
            quotes(speaker.quotes()),
            plural_y(stories)
        );
        if let Some(date) = speaker.latest() {
            detail = format!("{detail} · {date}");
        }
        let second = Line::from(Span::styled(
            format!("  {}", fit(&detail, w.saturating_sub(2))),
            app.theme.dim(),
        ));
        let style = selected.then(|| app.theme.selected(focused));
        two_line_row(buf, inner, i, [&first, &second], style);
    }
}

fn render_their_quotes(buf: &mut Buffer, app: &App, area: Rect, people: &People) {
    if area.height == 0 {
        return;
    }
    let title = quotes_title(app, people, area);
    let focused = app.focus == Focus::List && people.in_quotes;
    let inner = frame_panel(buf, titled(app, title, focused), area);
    if people.quotes_stale {
        waiting(buf, app, inner, "Listing their quotes…");
        return;
    }
    if people.quotes.is_empty() {
        waiting(buf, app, inner, "Pick someone to see what they said");
        return;
    }
    let rows = usize::from(inner.height) / 2;
    let visible = people
        .quotes
        .iter()
        .enumerate()
        .skip(people.said.offset)
        .take(rows);
    for (i, (row, quote)) in visible.enumerate() {
        let selected = row == people.said.selected;
        let (first, second) = quote_lines(app, quote, selected, usize::from(inner.width));
        let style = selected.then(|| app.theme.selected(focused));
        two_line_row(buf, inner, i, [&first, &second], style);
    }
}

/// "▸ “The words…”" and "  11 Oct 2023 · also in 2 stories · Story title".
fn quote_lines(
    app: &App,
    quote: &PersonQuote,
    selected: bool,
    w: usize,
) -> (Line<'static>, Line<'static>) {
    let article = app.library.articles.get(quote.article);
    let text = article.map_or("", |a| quote.span.text(&a.body));
    let text = clean(text.trim());
    let mark = if selected { "▸ " } else { "  " };
    let words = format!("“{}”", fit(&text, w.saturating_sub(4)));
    let first = Line::from(vec![Span::raw(mark), Span::raw(words)]);
    let about = about(app, quote, w.saturating_sub(2));
    let second = Line::from(Span::styled(format!("  {about}"), app.theme.dim()));
    (first, second)
}

/// "11 Oct 2023 · also in 2 stories · Story title", cut to `w`.
fn about(app: &App, quote: &PersonQuote, w: usize) -> String {
    let article = app.library.articles.get(quote.article);
    // The date first: a long title is cut, the date never.
    let mut about: Vec<String> = quote.date.map(|d| d.to_string()).into_iter().collect();
    if quote.also_in > 0 {
        about.push(format!(
            "also in {} stor{}",
            quote.also_in,
            plural_y(quote.also_in)
        ));
    }
    about.extend(article.map(|a| a.title.clone()));
    fit(&about.join(" · "), w).into_owned()
}

/// A panel frame focused by the People view's own halves.
/// Row `i` of a list of two-line rows in `inner`, in `style` when selected.
fn two_line_row(
    buf: &mut Buffer,
    inner: Rect,
    i: usize,
    lines: [&Line; 2],
    style: Option<ratatui::style::Style>,
) {
    let y = inner.y + (i * 2) as u16;
    put(buf, inner.x, y, lines[0], inner.width);
    put(buf, inner.x, y + 1, lines[1], inner.width);
    if let Some(style) = style {
        buf.set_style(Rect::new(inner.x, y, inner.width, 2), style);
    }
}

fn titled(app: &App, title: String, focused: bool) -> Block<'static> {
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.border(focused))
        .title(Line::from(title).style(app.theme.panel_title(focused)))
}

fn waiting(buf: &mut Buffer, app: &App, inner: Rect, text: &str) {
    let text = fit(text, usize::from(inner.width)).into_owned();
    let x = inner.x + (inner.width.saturating_sub(width(&text) as u16)) / 2;
    put(
        buf,
        x,
        inner.y,
        &Line::from(Span::styled(text, app.theme.dim())),
        inner.width,
    );
}

fn quotes(n: usize) -> String {
    if n == 1 {
        "1 quote".into()
    } else {
        format!("{n} quotes")
    }
}

fn plural_y(n: usize) -> &'static str {
    if n == 1 { "y" } else { "ies" }
}
