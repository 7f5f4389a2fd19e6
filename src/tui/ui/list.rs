//! The story list: two lines a story (unread mark and title; starred
//! mark, source and date, or that its file is gone), built only for the rows on screen, so its cost does not grow with
//! the library.

use super::{frame_panel, panel, put};
use crate::state::Filter;
use crate::text::fit;
use crate::tui::app::App;
use crate::tui::layout::Focus;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn render_list(buf: &mut Buffer, app: &App, area: Rect) {
    let shown = match app.reading.filter {
        Filter::All => "",
        Filter::Unread => " · unread",
        Filter::Starred => " · starred",
    };
    let title = match &app.search {
        Some(search) => format!(" Stories{shown} · /{} ", fit(&search.query, 20)),
        None => format!(" Stories{shown} "),
    };
    let inner = frame_panel(buf, panel(app, Line::from(title), Focus::List), area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let len = app.list_len();
    if len == 0 {
        render_empty(buf, app, inner);
        return;
    }
    let rows = usize::from(inner.height) / 2;
    let focused = app.focus == Focus::List;
    let first = app.list.offset;
    for (i, row) in (first..len.min(first + rows)).enumerate() {
        let Some(index) = app.list_item(row) else {
            break;
        };
        let selected = app.selected == Some(index);
        let (title, meta) = story_lines(app, index, selected, usize::from(inner.width));
        let y = inner.y + (i * 2) as u16;
        put(buf, inner.x, y, &title, inner.width);
        put(buf, inner.x, y + 1, &meta, inner.width);
        if selected {
            let style = app.theme.selected(focused);
            buf.set_style(Rect::new(inner.x, y, inner.width, 2), style);
        }
    }
}

/// "▸● Title" and " ★ Source · 11 Oct 2023"; a long title goes on in
/// the second line: " ★ goes on here… · 11 Oct 2023".
fn story_lines(
    app: &App,
    index: usize,
    selected: bool,
    width: usize,
) -> (Line<'static>, Line<'static>) {
    let theme = app.theme;
    let article = &app.library.articles[index];
    let unread = !app.is_read(index);
    let mark = if selected { "▸" } else { " " };
    let dot = if unread {
        Span::styled("●", theme.unread())
    } else {
        Span::raw(" ")
    };
    // A title too long for its line goes on in the second, before the
    // date; the source gives way to it.
    let room = width.saturating_sub(3).max(1);
    let wrapped = textwrap::wrap(&article.title, room);
    let (first, rest) = match wrapped.as_slice() {
        [first, _, ..] => {
            let rest = article.title.get(first.len()..).unwrap_or("");
            (first.to_string(), Some(rest.trim_start().to_owned()))
        }
        _ => (fit(&article.title, room).into_owned(), None),
    };
    let title = Line::from(vec![
        Span::raw(mark),
        dot,
        Span::raw(" "),
        Span::styled(first, theme.title()),
    ]);
    let mut meta: Vec<String> = app
        .is_gone(index)
        .then(|| "file gone".to_owned())
        .into_iter()
        .collect();
    if rest.is_none() {
        meta.extend(article.source.iter().cloned());
    }
    meta.extend(article.date().map(|d| d.to_string()));
    let star = if app.is_starred(index) {
        Span::styled("★", theme.starred())
    } else {
        Span::raw(" ")
    };
    let meta = meta.join(" · ");
    let mut second = vec![Span::raw(" "), star, Span::raw(" ")];
    if let Some(rest) = rest {
        let room = width.saturating_sub(3 + 3 + crate::text::width(&meta));
        second.push(Span::styled(fit(&rest, room).into_owned(), theme.title()));
        second.push(Span::styled(format!(" · {meta}"), theme.dim()));
    } else {
        let meta = fit(&meta, width.saturating_sub(3)).into_owned();
        second.push(Span::styled(meta, theme.dim()));
    }
    (title, Line::from(second))
}

/// An empty list says why: the search, the loading, or what was wrong with
/// what was opened (an empty folder, files that are not articles).
fn render_empty(buf: &mut Buffer, app: &App, inner: Rect) {
    let text = if app.search.is_some() {
        "No story matches the search"
    } else if app.library.loading {
        "Loading…"
    } else {
        "No stories found"
    };
    let lines = why_empty(app, text, usize::from(inner.width));
    for (y, line) in (inner.y..inner.y + inner.height).zip(&lines) {
        put(buf, inner.x, y, line, inner.width);
    }
}

/// `headline`, then, for a library that holds nothing once loaded, each
/// problem met opening it, wrapped to `width`.
pub(super) fn why_empty(app: &App, headline: &str, width: usize) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(
        fit(headline, width).into_owned(),
        app.theme.dim(),
    ))];
    if app.search.is_none() && !app.library.loading && app.library.articles.is_empty() {
        for problem in &app.library.problems {
            lines.push(Line::default());
            for part in textwrap::wrap(&problem.to_string(), width.max(1)) {
                lines.push(Line::from(Span::styled(
                    part.into_owned(),
                    app.theme.warning(),
                )));
            }
        }
    }
    lines
}
