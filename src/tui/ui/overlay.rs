//! Boxes drawn over the panels: the searchable help, the load problems,
//! the `@` speaker picker and the sources.

use super::put;
use crate::article::Problem;
use crate::text::{fit, pad};
use crate::tui::app::{App, HelpLine, SourceRow, help_lines, overlay_rows};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};
use std::path::Path;
use std::sync::Arc;
use unicode_width::UnicodeWidthStr;

/// A framed box, cleared underneath, `width` wide and from row 1 to the row
/// above the status line.
fn overlay_box(
    buf: &mut Buffer,
    app: &App,
    screen: Rect,
    width: u16,
    height: u16,
    title: String,
) -> Rect {
    let width = width.min(screen.width);
    let height = height.min(screen.height.saturating_sub(2));
    let area = Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + 1,
        width,
        height,
    );
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.border(true))
        .title(Line::from(title).style(app.theme.panel_title(true)));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// The help's widest box: room for the longest descriptions on a wide
/// screen, the screen less a margin on a narrow one.
const HELP_WIDTH: u16 = 110;

pub fn render_help(buf: &mut Buffer, app: &App, screen: Rect, filter: &str, scroll: usize) {
    let title = " Keys · type to search · ↑/↓ scroll · Esc closes ".to_owned();
    let width = HELP_WIDTH.min(screen.width.saturating_sub(4));
    let inner = overlay_box(
        buf,
        app,
        screen,
        width,
        screen.height.saturating_sub(2),
        title,
    );
    let theme = app.theme;
    let text_width = inner.width.saturating_sub(2);
    let prompt = Line::from(vec![
        Span::styled("Search: ", theme.prompt()),
        Span::raw(format!("{filter}▏")),
    ]);
    put(buf, inner.x + 1, inner.y, &prompt, text_width);
    let lines = help_lines(&app.keymap, filter);
    if lines.is_empty() {
        let none = Line::from(Span::styled("No key matches", theme.dim()));
        put(buf, inner.x + 1, inner.y + 2, &none, text_width);
    }
    let fits = overlay_rows(screen.height).min(usize::from(inner.height.saturating_sub(2)));
    if lines.len() > fits {
        let last = (scroll + fits).min(lines.len());
        let more = format!(" {}–{last} of {} ", scroll + 1, lines.len());
        let more = Line::from(Span::styled(more, theme.dim()));
        let width = more.width() as u16;
        put(
            buf,
            (inner.right() + 1).saturating_sub(width + 1),
            inner.bottom(),
            &more,
            width,
        );
    }
    let keys_width = 18.min(usize::from(inner.width) / 3);
    for (i, line) in lines.iter().skip(scroll).take(fits).enumerate() {
        let line = match line {
            HelpLine::Group(name) => Line::from(Span::styled(*name, theme.panel_title(true))),
            HelpLine::Row(row) => Line::from(vec![
                Span::raw("  "),
                Span::styled(pad(&row.keys, keys_width), theme.key()),
                Span::raw("  "),
                Span::raw(row.description),
            ]),
        };
        put(buf, inner.x + 1, inner.y + 2 + i as u16, &line, text_width);
    }
}

pub fn render_problems(buf: &mut Buffer, app: &App, screen: Rect, scroll: usize) {
    let problems = &app.library.problems;
    let title = format!(" Problems · {} ", problems.len());
    let height = (problems.len() as u16).saturating_add(4).max(6);
    let inner = overlay_box(
        buf,
        app,
        screen,
        screen.width.saturating_sub(4),
        height,
        title,
    );
    let w = usize::from(inner.width.saturating_sub(2));
    let intro = if problems.is_empty() {
        "Nothing went wrong while loading."
    } else {
        "These files or stories could not be read in full; the rest loaded."
    };
    put(
        buf,
        inner.x + 1,
        inner.y,
        &Line::from(Span::styled(fit(intro, w).into_owned(), app.theme.dim())),
        inner.width,
    );
    for (i, problem) in problems
        .iter()
        .skip(scroll)
        .take(overlay_rows(screen.height).min(usize::from(inner.height.saturating_sub(2))))
        .enumerate()
    {
        let line = Line::from(Span::styled(problem_line(problem, w), app.theme.warning()));
        put(
            buf,
            inner.x + 1,
            inner.y + 2 + i as u16,
            &line,
            inner.width.saturating_sub(2),
        );
    }
}

/// A problem in `width` columns. When it does not fit, the file's folders
/// give way first (`…/config.toml:3: …`), so that the reason stays.
fn problem_line(problem: &Problem, width: usize) -> String {
    let full = problem.to_string();
    if full.width() <= width {
        return full;
    }
    let name = Path::new(&*problem.file)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    let short = match name {
        Some(name) if name != *problem.file => Problem {
            file: Arc::from(format!("…/{name}")),
            ..problem.clone()
        }
        .to_string(),
        _ => full,
    };
    fit(&short, width).into_owned()
}

pub fn render_picker(buf: &mut Buffer, app: &App, screen: Rect, input: &str, choice: usize) {
    let matches = app.speaker_matches(input);
    let room = usize::from(screen.height.saturating_sub(6)).max(1);
    let height = matches.len().clamp(1, room) as u16 + 4;
    let inner = overlay_box(buf, app, screen, 48, height, " Jump to a speaker ".into());
    let theme = app.theme;
    let text_width = inner.width.saturating_sub(2);
    let prompt = Line::from(vec![
        Span::styled("@ ", theme.prompt()),
        Span::raw(format!("{input}▏")),
    ]);
    put(buf, inner.x + 1, inner.y, &prompt, text_width);
    let note = match app.story() {
        None => Some("Finding people…"),
        Some(_) if matches.is_empty() => Some("Nobody matches"),
        Some(_) => None,
    };
    if let Some(note) = note {
        put(
            buf,
            inner.x + 1,
            inner.y + 2,
            &Line::from(Span::styled(note, theme.dim())),
            text_width,
        );
    }
    let Some(story) = app.story() else { return };
    let shown = usize::from(inner.height.saturating_sub(2));
    let first = choice.saturating_sub(shown.saturating_sub(1));
    for (i, &s) in matches.iter().enumerate().skip(first).take(shown) {
        let speaker = &story.speakers[s];
        let count = format!("{} quotes", speaker.quotes);
        let name = pad(
            &speaker.name,
            usize::from(text_width).saturating_sub(count.len() + 1),
        );
        let line = Line::from(vec![
            Span::styled(name, theme.speaker(Some(speaker.slot))),
            Span::raw(" "),
            Span::styled(count, theme.dim()),
        ]);
        let y = inner.y + 2 + (i - first) as u16;
        put(buf, inner.x + 1, y, &line, text_width);
        if i == choice {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), theme.selected(true));
        }
    }
}

/// `F`: each source with its unread count, the selected one marked.
pub fn render_sources(buf: &mut Buffer, app: &App, screen: Rect, rows: &[SourceRow], row: usize) {
    let room = usize::from(screen.height.saturating_sub(6)).max(1);
    let height = rows.len().clamp(1, room) as u16 + 4;
    let title = format!(" Sources · {} ", rows.len());
    let inner = overlay_box(buf, app, screen, 64, height, title);
    let theme = app.theme;
    let text_width = inner.width.saturating_sub(2);
    let intro = "Enter lists one alone · A marks it read · Esc closes";
    let intro = Line::from(Span::styled(intro, theme.dim()));
    put(buf, inner.x + 1, inner.y, &intro, text_width);
    let shown = usize::from(inner.height.saturating_sub(2));
    let first = row.saturating_sub(shown.saturating_sub(1));
    for (i, source) in rows.iter().enumerate().skip(first).take(shown) {
        let count = if source.unread == 0 {
            format!("all {} read", source.stories)
        } else {
            format!("{} unread of {}", source.unread, source.stories)
        };
        let name = source.name.as_deref().unwrap_or("(no source)");
        let name = pad(
            name,
            usize::from(text_width).saturating_sub(count.width() + 3),
        );
        let mark = if i == row { "▸ " } else { "  " };
        let style = if i == row {
            theme.selected(true)
        } else {
            theme.title()
        };
        let count_style = if source.unread == 0 {
            theme.dim()
        } else {
            theme.unread()
        };
        let line = Line::from(vec![
            Span::styled(format!("{mark}{name}"), style),
            Span::raw(" "),
            Span::styled(count, count_style),
        ]);
        put(
            buf,
            inner.x + 1,
            inner.y + 2 + (i - first) as u16,
            &line,
            text_width,
        );
    }
}
