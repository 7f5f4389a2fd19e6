//! The quotes-only view, in the body's place: the open story's quotes in
//! order, each whole: the speaker (in their colour) and the cue, then the
//! words, wrapped.

use super::{frame_panel, panel, put};
use crate::tui::app::{App, QuoteList, whole};
use crate::tui::layout::{Focus, text_area};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn render_quote_list(buf: &mut Buffer, app: &App, area: Rect, list: &QuoteList) {
    let story = app.story();
    let count = story.map_or(0, |s| s.quotes.len());
    let title = format!(" Quotes only · {count} ");
    frame_panel(buf, panel(app, Line::from(title), Focus::Body), area);
    let inner = text_area(area);
    let (Some(open), Some(story)) = (&app.open, story) else {
        let line = Line::from(Span::styled("Finding the quotes…", app.theme.dim()));
        put(buf, inner.x, inner.y, &line, inner.width);
        return;
    };
    if count == 0 {
        let line = Line::from(Span::styled("No quotes in this story", app.theme.dim()));
        put(buf, inner.x, inner.y, &line, inner.width);
        return;
    }
    let cues: Vec<Option<&str>> = app.library.digests[open.article]
        .as_ref()
        .map(|d| d.cues().collect())
        .unwrap_or_default();
    let focused = app.focus == Focus::Body;
    let mut y = inner.y;
    for q in list.quotes.offset..count {
        if y >= inner.bottom() {
            break;
        }
        let quote = story.quotes[q];
        let speaker = quote.speaker.map(|s| &story.speakers[s]);
        let slot = story.slot_of(q);
        let name = speaker.map_or("Unknown speaker", |s| s.name.as_str());
        let selected = q == list.quotes.selected;
        let mut head = vec![
            Span::raw(if selected { "▸ " } else { "  " }),
            Span::styled(name.to_owned(), app.theme.speaker(slot)),
        ];
        if let Some(cue) = cues.get(q).copied().flatten() {
            head.push(Span::styled(format!(" · {cue}"), app.theme.dim()));
        }
        let lines: Vec<Line> = std::iter::once(Line::from(head))
            .chain(app.quote_list_lines(q).into_iter().map(|line| {
                let indented = format!("{}{line}", " ".repeat(whole::INDENT));
                Line::from(Span::styled(indented, app.theme.quote(slot)))
            }))
            .collect();
        let height = (lines.len() as u16).min(inner.bottom() - y);
        for (j, line) in lines.iter().take(usize::from(height)).enumerate() {
            put(buf, inner.x, y + j as u16, line, inner.width);
        }
        if selected {
            buf.set_style(
                Rect::new(inner.x, y, inner.width, height),
                app.theme.selected(focused),
            );
        }
        y = y.saturating_add(whole::height(lines.len() - 1) as u16);
    }
}
