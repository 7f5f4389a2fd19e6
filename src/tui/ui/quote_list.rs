//! The quotes-only view, in the body's place: the open story's quotes in
//! order, three lines each: the speaker (in their colour) and the cue, then
//! the words, wrapped to two lines at most.

use super::{frame_panel, panel, put};
use crate::tui::app::{App, QUOTE_LINES, QuoteList};
use crate::tui::layout::{Focus, text_area};
use crate::tui::text::{clean, fit};
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
    let body = &app.library.articles[open.article].body;
    let cues: Vec<Option<&str>> = app.library.digests[open.article]
        .as_ref()
        .map(|d| d.cues().collect())
        .unwrap_or_default();
    let w = usize::from(inner.width);
    let rows = usize::from(inner.height) / QUOTE_LINES;
    let focused = app.focus == Focus::Body;
    for (i, q) in (list.offset..count).take(rows).enumerate() {
        let quote = story.quotes[q];
        let speaker = quote.speaker.map(|s| &story.speakers[s]);
        let slot = story.slot_of(q);
        let name = speaker.map_or("Unknown speaker", |s| s.name.as_str());
        let selected = q == list.selected;
        let mut head = vec![
            Span::raw(if selected { "▸ " } else { "  " }),
            Span::styled(name.to_owned(), app.theme.speaker(slot)),
        ];
        if let Some(cue) = cues.get(q).copied().flatten() {
            head.push(Span::styled(format!(" · {cue}"), app.theme.dim()));
        }
        let y = inner.y + (i * QUOTE_LINES) as u16;
        put(buf, inner.x, y, &Line::from(head), inner.width);
        let text = clean(quote.span.text(body).trim()).into_owned();
        let words = format!("“{text}”");
        for (j, line) in two_lines(&words, w.saturating_sub(4))
            .into_iter()
            .enumerate()
        {
            let line = Line::from(Span::styled(format!("    {line}"), app.theme.quote(slot)));
            put(buf, inner.x, y + 1 + j as u16, &line, inner.width);
        }
        if selected {
            let height = (QUOTE_LINES as u16).min(inner.bottom().saturating_sub(y));
            buf.set_style(
                Rect::new(inner.x, y, inner.width, height),
                app.theme.selected(focused),
            );
        }
    }
}

/// `text` wrapped to `width`, two lines at most, the second cut with an
/// ellipsis when there is more.
fn two_lines(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let lines = textwrap::wrap(text, width);
    match lines.as_slice() {
        [] => Vec::new(),
        [one] => vec![one.to_string()],
        [one, two] => vec![one.to_string(), two.to_string()],
        [one, rest @ ..] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            vec![one.to_string(), fit(&rest.join(" "), width).into_owned()]
        }
    }
}
