//! Drawing: `draw(frame, &App)` lays out the screen and hands each area to
//! its panel's module. Nothing here changes the state; every panel draws only
//! the rows it can show.

mod body;
mod header;
mod list;
mod overlay;
mod people;
mod quote_list;
mod sidebar;

use super::app::{App, Mode};
use super::layout::{self, Focus};
use crate::text::{fit, width};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Widget};

/// Draws the whole screen for the state.
pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let area = frame.area();
    let areas = if app.zoomed {
        layout::zoomed(area.width, area.height)
    } else {
        layout::areas(area.width, area.height, app.focus, app.sidebar_shown())
    };
    let buf = frame.buffer_mut();
    if areas.too_small {
        too_small(buf, area);
        return;
    }
    header::render_header(buf, app, areas.header);
    if let Some(rect) = areas.list {
        match &app.people {
            Some(people) => people::render_people_view(buf, app, rect, people),
            None => list::render_list(buf, app, rect),
        }
    }
    if let Some(rect) = areas.body {
        match (&app.quote_list, &app.people) {
            (_, Some(people)) if app.said_pane().is_some() => {
                people::render_said(buf, app, rect, people);
            }
            (Some(list), _) => quote_list::render_quote_list(buf, app, rect, list),
            _ => body::render_body(buf, app, rect),
        }
    }
    if let Some(rect) = areas.people {
        sidebar::render_people(buf, app, rect);
    }
    if let Some(rect) = areas.quotes {
        sidebar::render_quotes(buf, app, rect);
    }
    header::render_status(buf, app, areas.status);
    match &app.mode {
        Mode::Help { filter, scroll } => {
            overlay::render_help(buf, app, area, filter, scroll.offset);
        }
        Mode::Problems { scroll } => overlay::render_problems(buf, app, area, scroll.offset),
        Mode::Speaker { input, choice } => overlay::render_picker(buf, app, area, input, *choice),
        Mode::Sources { rows, row } => overlay::render_sources(buf, app, area, rows, *row),
        Mode::Normal | Mode::Search { .. } | Mode::PeopleFilter | Mode::Command { .. } => {}
    }
}

fn too_small(buf: &mut Buffer, area: Rect) {
    let lines = ["Terminal too small", "byline needs 20×5"];
    for (i, text) in lines.iter().enumerate().take(usize::from(area.height)) {
        let text = fit(text, usize::from(area.width));
        let x = (area.width.saturating_sub(width(&text) as u16)) / 2;
        let y = area.height.saturating_sub(lines.len() as u16) / 2 + i as u16;
        buf.set_stringn(x, y, &text, usize::from(area.width), Style::new());
    }
}

/// A panel's frame: rounded border, title, bright when focused.
fn panel<'a>(app: &App, title: Line<'a>, focus: Focus) -> Block<'a> {
    let focused = app.focus == focus;
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.border(focused))
        .title(title.style(app.theme.panel_title(focused)))
}

/// Draws a block and returns its inside.
fn frame_panel(buf: &mut Buffer, block: Block<'_>, area: Rect) -> Rect {
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// Writes a line at `(x, y)`, cut to `width` columns and to the buffer.
fn put(buf: &mut Buffer, x: u16, y: u16, line: &Line<'_>, width: u16) {
    let area = buf.area;
    if y < area.y || y >= area.bottom() || x < area.x || x >= area.right() {
        return;
    }
    buf.set_line(x, y, line, width.min(area.right() - x));
}

#[cfg(test)]
mod tests;
