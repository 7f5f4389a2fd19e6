//! [`BodyView`]: the open story wrapped for one text width, built once per
//! (article, width, analysis) in `update`, so a key press never re-wraps.
//!
//! 1. The header (title, subtitle, byline · source · date) and the image
//!    captions are wrapped into `extra`, a string the view owns.
//! 2. Each paragraph is wrapped with textwrap after the speaker's name (the
//!    quote *label*) has been put before each quote mark, so that the label
//!    takes room on the line like any word and sticks to the quote.
//! 3. Body lines keep only byte ranges into the article body; draw slices
//!    the visible ones and styles them with the quote and search spans.

use super::story::Story;
use super::text::fit;
use crate::article::{Article, paragraphs};

/// Text is wrapped no wider than this, however wide the pane, unless the
/// settings say otherwise.
pub const MAX_TEXT_WIDTH: usize = crate::config::DEFAULT_BODY_WIDTH;

/// A label longer than this (an organisation's full name) is cut.
const MAX_LABEL: usize = 20;

/// The mark between a label and its quote.
pub const LABEL_MARK: char = '▏';

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Subtitle,
    Meta,
    Caption,
    Body,
    Blank,
}

/// One screen line of the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VLine {
    pub kind: LineKind,
    /// A byte range into the body for `Body` lines, into
    /// [`BodyView::extra`] for the others.
    pub start: usize,
    pub end: usize,
    /// The body offset the line stands at: lines are sorted by it, which
    /// is how a reading position survives a re-wrap.
    pub pos: usize,
}

/// A speaker's name shown where a quote starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// The body offset the label stands before (the opening quote mark).
    pub at: usize,
    pub text: String,
    /// Index into [`Story::quotes`].
    pub quote: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BodyView {
    pub article: usize,
    /// The wrap width in columns.
    pub width: usize,
    /// Whether the view was built with the story's analysis (labels).
    pub analysed: bool,
    pub extra: String,
    pub lines: Vec<VLine>,
    /// Sorted by `at`.
    pub labels: Vec<Label>,
    /// The body offset where wrapping goes on.
    pub resume: usize,
    /// Paragraphs wrapped so far.
    pub paragraphs: usize,
    /// Whether the whole body is wrapped.
    pub complete: bool,
    /// The file holds only the start of the story: a note ends the view.
    pub truncated: bool,
}

/// Where a cut story ends.
pub const TRUNCATED_NOTE: &str = "… the rest of this story is not in the file";

/// Bytes of body wrapped per slice: about a millisecond.
pub const SLICE: usize = 64 << 10;

impl BodyView {
    /// The whole story wrapped at once.
    pub fn build(index: usize, article: &Article, story: Option<&Story>, width: usize) -> BodyView {
        let mut view = BodyView::start(index, article, story, width);
        view.extend(&article.body, usize::MAX);
        view
    }

    /// The header only; [`BodyView::extend`] wraps the body a slice at a
    /// time, so a 3 MB story shows its first screen at once.
    pub fn start(index: usize, article: &Article, story: Option<&Story>, width: usize) -> BodyView {
        // The cap (MAX_TEXT_WIDTH or the settings') is the caller's.
        let width = width.max(1);
        let mut view = BodyView {
            article: index,
            width,
            analysed: story.is_some(),
            truncated: article.truncated,
            ..BodyView::default()
        };
        view.labels = story.map(|s| labels(&article.body, s)).unwrap_or_default();
        view.push_header(article);
        view
    }

    /// Wraps about `budget` more bytes of `body`; true once all is wrapped.
    pub fn extend(&mut self, body: &str, budget: usize) -> bool {
        if self.complete {
            return true;
        }
        let from = self.resume;
        let mut used = 0;
        for (start, text) in paragraphs(body.get(from..).unwrap_or("")) {
            let (start, end) = (from + start, from + start + text.len());
            if self.paragraphs > 0 {
                let pos = self.lines.last().map_or(0, |l| l.pos.max(l.end));
                self.lines.push(VLine {
                    kind: LineKind::Blank,
                    start: 0,
                    end: 0,
                    pos,
                });
            }
            let first = self.labels.partition_point(|l| l.at < start);
            let last = self.labels.partition_point(|l| l.at < end);
            wrap_paragraph(
                &mut self.lines,
                start,
                text,
                &self.labels[first..last],
                self.width,
            );
            self.paragraphs += 1;
            self.resume = end;
            used += text.len();
            if used >= budget {
                return false;
            }
        }
        self.complete = true;
        if self.truncated {
            self.push_note(body.len());
        }
        true
    }

    /// "The rest of this story is not in the file", after a blank line,
    /// standing at the end of the body.
    fn push_note(&mut self, end: usize) {
        let first = self.lines.len();
        self.lines.push(VLine {
            kind: LineKind::Blank,
            start: 0,
            end: 0,
            pos: end,
        });
        self.push_extra(LineKind::Caption, TRUNCATED_NOTE);
        for line in &mut self.lines[first..] {
            line.pos = end;
        }
    }

    /// Wraps until body offset `pos` is wrapped and `lines` lines exist
    /// past it (or the story ends).
    pub fn extend_past(&mut self, body: &str, pos: usize, lines: usize) {
        while !self.complete && (self.resume <= pos || self.lines.len() < self.line_at(pos) + lines)
        {
            self.extend(body, SLICE);
        }
    }

    /// Wraps until there are `lines` lines (or the story ends).
    pub fn extend_lines(&mut self, body: &str, lines: usize) {
        while !self.complete && self.lines.len() < lines {
            self.extend(body, SLICE);
        }
    }

    fn push_header(&mut self, article: &Article) {
        self.push_extra(LineKind::Title, &article.title);
        if let Some(subtitle) = article.subtitle.as_deref().filter(|s| !s.trim().is_empty()) {
            self.push_extra(LineKind::Subtitle, subtitle);
        }
        let meta = meta_line(article);
        if !meta.is_empty() {
            self.push_extra(LineKind::Meta, &meta);
        }
        for image in article
            .images
            .iter()
            .filter(|i| !i.caption.trim().is_empty())
        {
            let caption = match &image.credit {
                Some(credit) => format!("▣ {} ({credit})", image.caption.trim()),
                None => format!("▣ {}", image.caption.trim()),
            };
            self.push_extra(LineKind::Caption, &caption);
        }
        self.lines.push(VLine {
            kind: LineKind::Blank,
            start: 0,
            end: 0,
            pos: 0,
        });
    }

    fn push_extra(&mut self, kind: LineKind, text: &str) {
        let options = wrap_options(self.width);
        for line in textwrap::wrap(text, options) {
            let start = self.extra.len();
            self.extra.push_str(&line);
            self.lines.push(VLine {
                kind,
                start,
                end: self.extra.len(),
                pos: 0,
            });
        }
    }

    /// The text of a non-body line.
    pub fn extra_text(&self, line: &VLine) -> &str {
        self.extra.get(line.start..line.end).unwrap_or("")
    }

    /// The line to show at the top so that body offset `pos` stays in view.
    pub fn line_at(&self, pos: usize) -> usize {
        self.lines
            .partition_point(|l| l.pos <= pos)
            .saturating_sub(1)
    }

    /// The labels standing in `start..end`.
    pub fn labels_in(&self, start: usize, end: usize) -> &[Label] {
        let from = self.labels.partition_point(|l| l.at < start);
        let to = self.labels.partition_point(|l| l.at < end);
        &self.labels[from..to]
    }
}

/// "By A and B · Source · 11 Oct 2023"
pub fn meta_line(article: &Article) -> String {
    let mut parts = Vec::new();
    match article.authors.as_slice() {
        [] => {}
        [one] => parts.push(format!("By {one}")),
        [init @ .., last] => parts.push(format!("By {} and {last}", init.join(", "))),
    }
    parts.extend(article.source.clone());
    match article.date() {
        Some(date) => parts.push(date.to_string()),
        None => parts.extend(article.published.clone()),
    }
    parts.join(" · ")
}

/// Where each attributed quote gets its label: before its opening mark.
fn labels(body: &str, story: &Story) -> Vec<Label> {
    let mut labels: Vec<Label> = story
        .quotes
        .iter()
        .enumerate()
        .filter_map(|(i, quote)| {
            let speaker = &story.speakers[quote.speaker?];
            let start = quote.span.start;
            let at = body[..start]
                .chars()
                .next_back()
                .filter(|c| matches!(c, '"' | '“' | '„' | '«' | '‘' | '\'' | '‹' | '»' | '”'))
                .map_or(start, |c| start - c.len_utf8());
            Some(Label {
                at,
                text: format!("{}{LABEL_MARK}", fit(speaker.label(), MAX_LABEL)),
                quote: i,
            })
        })
        .collect();
    labels.sort_by_key(|l| l.at);
    labels.dedup_by_key(|l| l.at);
    labels
}

/// Wraps one paragraph (at body offset `base`) with its labels put in.
fn wrap_paragraph(out: &mut Vec<VLine>, base: usize, text: &str, labels: &[Label], width: usize) {
    let mut shown = String::with_capacity(text.len() + labels.len() * 16);
    // (offset in `shown`, body offset, label length)
    let mut inserts = Vec::with_capacity(labels.len());
    let mut last = 0;
    for label in labels {
        let rel = label.at - base;
        shown.push_str(&text[last..rel]);
        inserts.push((shown.len(), label.at, label.text.len()));
        shown.push_str(&label.text);
        last = rel;
    }
    shown.push_str(&text[last..]);
    let to_body = |at: usize| -> usize {
        match inserts
            .partition_point(|&(shown_at, _, _)| shown_at <= at)
            .checked_sub(1)
        {
            None => base + at,
            Some(i) => {
                let (shown_at, body_at, len) = inserts[i];
                if at < shown_at + len {
                    body_at
                } else {
                    body_at + (at - shown_at - len)
                }
            }
        }
    };
    let options = wrap_options(width);
    let mut cursor = 0;
    for line in textwrap::wrap(&shown, options) {
        let start = offset_in(&shown, &line, cursor);
        let end = start + line.len();
        cursor = end;
        let (start, end) = (to_body(start), to_body(end));
        out.push(VLine {
            kind: LineKind::Body,
            start,
            end,
            pos: start,
        });
    }
}

/// First fit, as less and newsboat wrap: predictable, and linear on a
/// 3 MB story.
fn wrap_options(width: usize) -> textwrap::Options<'static> {
    textwrap::Options::new(width)
        .break_words(true)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
}

/// Where `line` (returned by textwrap for `text`) starts in `text`.
/// textwrap borrows its lines from `text` when it can: then the address
/// says where; otherwise the line is looked for after `cursor`.
fn offset_in(text: &str, line: &str, cursor: usize) -> usize {
    let offset = (line.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    if offset + line.len() <= text.len() && text.is_char_boundary(offset) {
        return offset;
    }
    text.get(cursor..)
        .and_then(|tail| tail.find(line))
        .map_or(cursor, |i| cursor + i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Origin, Place};
    use crate::tui::digest::Digest;
    use crate::tui::fixture;
    use crate::{Analysis, Span};
    use std::sync::Arc;

    pub(crate) fn article(title: &str, body: &str) -> Article {
        Article {
            id: "x".into(),
            title: title.into(),
            subtitle: None,
            body: body.into(),
            source: Some("Wire".into()),
            authors: vec!["Ann Lee".into()],
            published: Some("2023-10-11".into()),
            url: None,
            images: Vec::new(),
            truncated: false,
            read: None,
            origin: Origin {
                file: Arc::from("x.json"),
                place: Place::File,
            },
        }
    }

    fn body_text<'a>(view: &BodyView, body: &'a str) -> Vec<&'a str> {
        view.lines
            .iter()
            .filter(|l| l.kind == LineKind::Body)
            .map(|l| &body[l.start..l.end])
            .collect()
    }

    #[test]
    fn wraps_paragraphs_into_body_ranges() {
        let story = article("A title", "One two three four five six.\n\nSeven eight.");
        let view = BodyView::build(0, &story, None, 10);
        assert_eq!(
            body_text(&view, &story.body),
            vec!["One two", "three four", "five six.", "Seven", "eight."]
        );
        let kinds: Vec<_> = view.lines.iter().map(|l| l.kind).collect();
        let (title, meta, blank, text) = (
            LineKind::Title,
            LineKind::Meta,
            LineKind::Blank,
            LineKind::Body,
        );
        let expected = [
            title, meta, meta, meta, meta, blank, text, text, text, blank, text, text,
        ];
        assert_eq!(kinds, expected);
        assert_eq!(view.extra_text(&view.lines[1]), "By Ann Lee");
        let positions: Vec<_> = view.lines.iter().map(|l| l.pos).collect();
        assert!(positions.windows(2).all(|w| w[0] <= w[1]), "{positions:?}");
        assert_eq!(view.line_at(story.body.find("eight").unwrap()), 11);
        assert_eq!(view.line_at(story.body.find("three").unwrap() + 2), 7);
    }

    #[test]
    fn a_cut_story_ends_with_a_note() {
        let mut cut = article("T", "One.\n\nTwo is cut");
        cut.truncated = true;
        let view = BodyView::build(0, &cut, None, 80);
        let last = view.lines.last().unwrap();
        assert_eq!(view.extra_text(last), TRUNCATED_NOTE);
        assert_eq!(last.pos, cut.body.len());
        let whole = BodyView::build(0, &article("T", "One."), None, 40);
        assert_eq!(whole.lines.last().unwrap().kind, LineKind::Body);
    }

    #[test]
    fn width_is_at_least_one() {
        let a = article("T", &"word ".repeat(100));
        let view = BodyView::build(0, &a, None, 0);
        assert_eq!(view.width, 1);
    }

    #[test]
    fn labels_go_before_the_quote_mark_and_take_room() {
        let body = "He said \"we will stand with you\" today.";
        let a = article("T", body);
        let start = body.find("we").unwrap();
        let analysis = Analysis {
            people: vec![fixture::person_named("Jens Stoltenberg")],
            quotes: vec![fixture::quote_at(Span::new(start, start + 23), Some(0))],
        };
        let story = Story::new(&Digest::of(body, &analysis));
        let view = BodyView::build(0, &a, Some(&story), 20);
        assert_eq!(view.labels.len(), 1);
        assert_eq!(view.labels[0].at, start - 1);
        assert_eq!(view.labels[0].text, "Stoltenberg▏");
        // "Stoltenberg▏\"we will" is one unit for the wrap.
        let lines = body_text(&view, body);
        assert_eq!(
            lines,
            vec!["He said", "\"we will", "stand with you\"", "today."]
        );
        assert_eq!(view.labels_in(8, 30).len(), 1);
    }

    #[test]
    fn multibyte_text_and_hard_line_breaks_keep_boundaries() {
        let body =
            "Ελληνικά κείμενα με «εισαγωγικά»\nκαι νέα γραμμή. 日本語の文章はとても長いです。";
        let a = article("T", body);
        for width in 1..40 {
            let view = BodyView::build(0, &a, None, width);
            for line in view.lines.iter().filter(|l| l.kind == LineKind::Body) {
                assert!(
                    body.get(line.start..line.end).is_some(),
                    "width {width}: {line:?}"
                );
            }
        }
    }

    #[test]
    fn wrapping_in_slices_gives_the_same_lines() {
        let paragraph = "A paragraph of several words that wraps over a few lines at this width.";
        let story = article("T", &vec![paragraph; 3000].join("\n\n"));
        let whole = BodyView::build(0, &story, None, 30);
        let mut in_slices = BodyView::start(0, &story, None, 30);
        let mut slices = 0;
        while !in_slices.extend(&story.body, 1000) {
            slices += 1;
        }
        assert!(slices > 100, "{slices}");
        assert_eq!(in_slices, whole);
        let mut partial = BodyView::start(0, &story, None, 30);
        let far = story.body.len() / 2;
        partial.extend_past(&story.body, far, 10);
        assert!(!partial.complete && partial.resume > far);
        assert_eq!(partial.lines[..], whole.lines[..partial.lines.len()]);
    }
}
