//! The body panel: the visible slice of the wrapped story, centred when the
//! pane is wider than the text, with quotes tinted per speaker, each
//! speaker's name dim where their quote starts, search matches, and a scroll
//! position.

use super::{frame_panel, panel, put};
use crate::config::Labels;
use crate::text::{clean, fit, width as text_width};
use crate::tui::app::{App, Open};
use crate::tui::body::{BodyView, LABEL_MARK, Label, LineKind, VLine, gutter_width};
use crate::tui::keymap::{Action, Context};
use crate::tui::layout::{Focus, TWO_PANELS, text_area};
use crate::tui::needle::Needle;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// " Story ", or with the key that shows the people and quotes when they
/// are hidden and the screen has room for them.
fn story_title(app: &App) -> String {
    let quoted = app.story().is_some_and(|s| !s.quotes.is_empty());
    let hidden = !app.sidebar_shown() && !app.zoomed && app.size.0 >= TWO_PANELS;
    let key = app
        .keymap
        .keys_for(Context::Normal, Action::ToggleSidebar)
        .into_iter()
        .next();
    match key.filter(|_| quoted && hidden) {
        Some(key) => format!(" Story · {key} shows who is quoted "),
        None => " Story ".to_owned(),
    }
}

pub fn render_body(buf: &mut Buffer, app: &App, area: Rect) {
    // A search that found nothing leaves no story to show (the one open
    // before comes back with `Esc`).
    let found_none = app.search_found_none();
    let Some(open) = app.open.as_ref().filter(|_| !found_none) else {
        let inner = frame_panel(buf, panel(app, Line::from(" Story "), Focus::Body), area);
        let text = if found_none {
            "No story matches the search · Esc shows them all"
        } else if app.library.loading {
            "Loading…"
        } else {
            "No story to show"
        };
        let lines = super::list::why_empty(app, text, usize::from(inner.width));
        for (y, line) in (inner.y..inner.y + inner.height).zip(&lines) {
            put(buf, inner.x, y, line, inner.width);
        }
        return;
    };
    let text = text_area(area);
    let height = usize::from(text.height);
    let body = &app.library.articles[open.article].body;
    let indicator = scroll_indicator(&open.view, open.scroll.offset, height, body.len());
    let block = panel(app, Line::from(story_title(app)), Focus::Body).title_bottom(
        Line::from(indicator)
            .alignment(Alignment::Right)
            .style(app.theme.dim()),
    );
    frame_panel(buf, block, area);
    let gutter = gutter_width(open.view.mode, usize::from(text.width)) as u16;
    let shown = open
        .view
        .width
        .min(usize::from(text.width.saturating_sub(gutter))) as u16;
    let left = text.x + (text.width - shown - gutter) / 2;
    let x = left + gutter;
    let needle = app.search.as_ref().and_then(|s| s.needle.as_ref());
    for (i, line) in open
        .view
        .lines
        .iter()
        .skip(open.scroll.offset)
        .take(height)
        .enumerate()
    {
        let y = text.y + i as u16;
        let spans = match line.kind {
            LineKind::Body => {
                let margin = gutter_line(app.theme, open, line, usize::from(gutter));
                put(buf, left, y, &Line::from(margin), gutter);
                body_line(app.theme, open, body, line)
            }
            LineKind::Blank => continue,
            kind => extra_line(app.theme, kind, open.view.extra_text(line), needle),
        };
        put(buf, x, y, &Line::from(spans), shown);
    }
}

/// "12/87 · 42%", or "All" when the story fits. While a long story is
/// still being wrapped the total is not known: the share is by bytes.
fn scroll_indicator(view: &BodyView, scroll: usize, height: usize, bytes: usize) -> String {
    let total = view.lines.len();
    let last = (scroll + height).min(total);
    if !view.complete {
        let at = view
            .lines
            .get(last.saturating_sub(1))
            .map_or(0, |l| l.pos.max(l.end));
        return format!(" {last}/… · {}% ", at * 100 / bytes.max(1));
    }
    if total <= height {
        return " All ".to_owned();
    }
    format!(" {last}/{total} · {}% ", last * 100 / total)
}

/// A header or caption line, with search matches picked out.
fn extra_line<'a>(
    theme: Theme,
    kind: LineKind,
    text: &'a str,
    needle: Option<&Needle>,
) -> Vec<Span<'a>> {
    let style = match kind {
        LineKind::Title => theme.title(),
        LineKind::Subtitle => theme.subtitle(),
        LineKind::Caption => theme.caption(),
        _ => theme.dim(),
    };
    let found = needle.map(|n| n.find_all(text)).unwrap_or_default();
    let mut spans = Vec::new();
    let mut at = 0;
    for (start, end) in found {
        spans.push(Span::styled(clean(&text[at..start]), style));
        spans.push(Span::styled(
            clean(&text[start..end]),
            style.patch(theme.search_match()),
        ));
        at = end;
    }
    spans.push(Span::styled(clean(&text[at..]), style));
    spans
}

/// A body line cut where its style changes: quote edges, match edges and
/// labels.
fn body_line<'a>(theme: Theme, open: &'a Open, body: &'a str, line: &VLine) -> Vec<Span<'a>> {
    let (start, end) = (line.start, line.end);
    let quotes = open
        .story
        .as_ref()
        .map(|s| s.quotes.as_slice())
        .unwrap_or_default();
    let labels = open.view.labels_in(start, end);
    let first_quote = quotes.partition_point(|q| q.span.end <= start);
    let first_match = open.matches.partition_point(|m| m.1 <= start);
    let mut cuts = vec![start, end];
    cuts.extend(labels.iter().map(|l| l.at));
    for q in quotes[first_quote..]
        .iter()
        .take_while(|q| q.span.start < end)
    {
        cuts.extend([q.span.start, q.span.end]);
    }
    for m in open.matches[first_match..].iter().take_while(|m| m.0 < end) {
        cuts.extend([m.0, m.1]);
    }
    cuts.retain(|&c| (start..=end).contains(&c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = Vec::new();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        push_labels(&mut spans, theme, open, labels, a);
        let Some(text) = body.get(a..b) else { continue };
        spans.push(Span::styled(clean(text), style_at(theme, open, a)));
    }
    spans
}

/// The gutter beside a body line: the speaker's name where a quote starts
/// (right-aligned, the room allowing), a bar in their colour along it.
fn gutter_line<'a>(theme: Theme, open: &'a Open, line: &VLine, width: usize) -> Vec<Span<'a>> {
    let Some(story) = open.story.as_ref().filter(|_| width > 0) else {
        return Vec::new();
    };
    let label = open
        .view
        .labels_in(line.start, line.end.max(line.start + 1))
        .first();
    let Some(quote) = label
        .map(|l| l.quote)
        .or_else(|| story.quote_at(line.start))
    else {
        return Vec::new();
    };
    let slot = story.slot_of(quote);
    let room = width.saturating_sub(2);
    let name = label.map_or("", |l| l.text.trim_end_matches(LABEL_MARK));
    let name = fit(name, room);
    let padding = " ".repeat(room.saturating_sub(text_width(&name)));
    vec![
        Span::raw(padding),
        Span::styled(name.into_owned(), theme.label(slot)),
        Span::raw(" "),
        Span::styled("▎", theme.quote(slot)),
    ]
}

fn push_labels<'a>(
    spans: &mut Vec<Span<'a>>,
    theme: Theme,
    open: &'a Open,
    labels: &'a [Label],
    at: usize,
) {
    if open.view.mode != Labels::Inline {
        return;
    }
    for label in labels.iter().filter(|l| l.at == at) {
        let slot = open.story.as_ref().and_then(|s| s.slot_of(label.quote));
        spans.push(Span::styled(&*label.text, theme.label(slot)));
    }
}

/// The style of the body text at byte `at`.
fn style_at(theme: Theme, open: &Open, at: usize) -> Style {
    let mut style = Style::new();
    if let Some(story) = &open.story
        && let Some(q) = story.quote_at(at)
    {
        let slot = story.slot_of(q);
        style = if open.current_quote == Some(q) {
            theme.current_quote(slot)
        } else {
            theme.quote(slot)
        };
    }
    let m = open.matches.partition_point(|m| m.1 <= at);
    if open.matches.get(m).is_some_and(|m| m.0 <= at) {
        let current = open.current_match == Some(m);
        style = style.patch(if current {
            theme.current_match()
        } else {
            theme.search_match()
        });
    }
    style
}
