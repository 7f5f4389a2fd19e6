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
use crate::article::{Article, find_blank_line, paragraphs};
use crate::config::Labels;
use crate::text::fit;
use std::sync::Arc;

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
    /// Shared by every label of a speaker.
    pub text: Arc<str>,
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
    /// Sorted by `at`; the story's, shared.
    pub labels: Arc<[Label]>,
    /// The body offset where wrapping goes on.
    pub resume: usize,
    /// Paragraphs wrapped so far.
    pub paragraphs: usize,
    /// The start of the paragraph `resume` is inside, if it is: a long
    /// paragraph is wrapped a slice at a time too.
    within: Option<usize>,
    /// Whether the whole body is wrapped.
    pub complete: bool,
    /// The file holds only the start of the story: a note ends the view.
    pub truncated: bool,
    /// Where the speakers' names go: put into the text only `Inline`.
    pub mode: Labels,
}

/// Columns left of the text for the speakers' names (`labels = "gutter"`):
/// a name of up to twelve, a space, the bar.
pub const GUTTER: usize = 14;

/// A body pane narrower than this keeps only the bar of the gutter.
const GUTTER_NAMES_FROM: usize = 56;

/// The gutter's width in a body pane `pane` columns wide.
pub fn gutter_width(mode: Labels, pane: usize) -> usize {
    match mode {
        Labels::Gutter if pane >= GUTTER_NAMES_FROM => GUTTER,
        Labels::Gutter => 2,
        Labels::Inline | Labels::Off => 0,
    }
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
        BodyView::start_as(index, article, story, width, Labels::Inline)
    }

    /// [`BodyView::start`] with the speakers' names shown as `mode` says.
    pub fn start_as(
        index: usize,
        article: &Article,
        story: Option<&Story>,
        width: usize,
        mode: Labels,
    ) -> BodyView {
        // The cap (MAX_TEXT_WIDTH or the settings') is the caller's.
        let width = width.max(1);
        let mut view = BodyView {
            article: index,
            width,
            analysed: story.is_some(),
            truncated: article.truncated,
            mode,
            ..BodyView::default()
        };
        view.labels = story.map(|s| Arc::clone(&s.labels)).unwrap_or_default();
        view.push_header(article);
        view
    }

    /// Wraps about `budget` more bytes of `body`; true once all is wrapped.
    pub fn extend(&mut self, body: &str, budget: usize) -> bool {
        if self.complete {
            return true;
        }
        let mut used = 0;
        loop {
            if self.within.is_none() {
                let Some(start) = paragraph_start(body, self.resume) else {
                    break;
                };
                self.begin_paragraph(start);
            }
            used += self.wrap_slice(body);
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

    /// A blank line between paragraphs; wrapping goes on at `start`.
    fn begin_paragraph(&mut self, start: usize) {
        if self.paragraphs > 0 {
            let pos = self.lines.last().map_or(0, |l| l.pos.max(l.end));
            self.lines.push(VLine {
                kind: LineKind::Blank,
                start: 0,
                end: 0,
                pos,
            });
        }
        self.paragraphs += 1;
        self.resume = start;
        self.within = Some(start);
    }

    /// Wraps the paragraph from `resume` on, at most a slice of it: the
    /// paragraph's end if it is that near, else up to a space, with the
    /// last line left for the next slice (first fit decides a line by what
    /// comes before it, so the lines are those of the whole paragraph
    /// wrapped at once). Returns the bytes read.
    fn wrap_slice(&mut self, body: &str) -> usize {
        let start = self.resume;
        let end = paragraph_end_within(body, start, SLICE);
        let cut = end.unwrap_or_else(|| slice_end(body, start, start + SLICE));
        let first = self.labels.partition_point(|l| l.at < start);
        let last = self.labels.partition_point(|l| l.at < cut);
        // Only inline labels take room in the text.
        let labels = if self.mode == Labels::Inline {
            &self.labels[first..last]
        } else {
            &[]
        };
        let before = self.lines.len();
        wrap_paragraph(
            &mut self.lines,
            start,
            &body[start..cut],
            labels,
            self.width,
        );
        if end.is_some() {
            self.resume = cut;
            self.within = None;
            return cut - start;
        }
        // A slice of one line (no space to cut at) is kept whole.
        self.resume = match self.lines.len() - before {
            0 | 1 => cut,
            _ => self.lines.pop().map_or(cut, |l| l.start),
        };
        // A slice cut short at a space counts whole.
        SLICE
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
    /// past it (or the story ends), in at most `slices` slices; whether
    /// that was enough.
    pub fn extend_past(&mut self, body: &str, pos: usize, lines: usize, slices: usize) -> bool {
        for _ in 0..slices {
            if self.shows(pos, lines) {
                break;
            }
            self.extend(body, SLICE);
        }
        self.shows(pos, lines)
    }

    /// Whether body offset `pos` is wrapped with `lines` lines past it, or
    /// the story is.
    pub fn shows(&self, pos: usize, lines: usize) -> bool {
        self.complete || (self.resume > pos && self.lines.len() >= self.line_at(pos) + lines)
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
pub fn labels(body: &str, story: &Story) -> Arc<[Label]> {
    let texts: Vec<Arc<str>> = story
        .speakers
        .iter()
        .map(|s| Arc::from(format!("{}{LABEL_MARK}", fit(s.label(), MAX_LABEL))))
        .collect();
    let mut labels: Vec<Label> = story
        .quotes
        .iter()
        .enumerate()
        .filter_map(|(i, quote)| {
            let speaker = quote.speaker?;
            let start = quote.span.start;
            let at = body[..start]
                .chars()
                .next_back()
                .filter(|c| matches!(c, '"' | '“' | '„' | '«' | '‘' | '\'' | '‹' | '»' | '”'))
                .map_or(start, |c| start - c.len_utf8());
            Some(Label {
                at,
                text: Arc::clone(&texts[speaker]),
                quote: i,
            })
        })
        .collect();
    labels.sort_by_key(|l| l.at);
    labels.dedup_by_key(|l| l.at);
    labels.into()
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

/// Where the next paragraph from `from` on starts, as
/// [`paragraphs`] finds it, reading no further than it must.
fn paragraph_start(body: &str, mut from: usize) -> Option<usize> {
    while from < body.len() {
        let limit = char_floor(body, from + SLICE);
        match paragraphs(&body[from..limit]).next() {
            Some((start, _)) => return Some(from + start),
            // Only blank lines so far.
            None => from = limit,
        }
    }
    None
}

/// The end of the paragraph going on at `start` (as [`paragraphs`] ends
/// it), if it lies within `reach` bytes.
fn paragraph_end_within(body: &str, start: usize, reach: usize) -> Option<usize> {
    let limit = char_floor(body, start + reach);
    let window = &body[start..limit];
    let end = match find_blank_line(window) {
        Some((at, _)) => at,
        None if limit == body.len() => window.len(),
        None => return None,
    };
    Some(start + window[..end].trim_end().len())
}

/// `at`, or the character boundary before it, within `body`.
fn char_floor(body: &str, at: usize) -> usize {
    let mut at = at.min(body.len());
    while !body.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Where a slice of a long paragraph from `start` ends: at the last
/// space before `limit`, or at `limit` (on a character boundary) when
/// there is none.
fn slice_end(body: &str, start: usize, limit: usize) -> usize {
    let limit = char_floor(body, limit);
    body[start..limit]
        .rfind(char::is_whitespace)
        .map(|at| start + at)
        .filter(|&at| at > start)
        .unwrap_or(limit)
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
        let story = Story::new(&Digest::of(body, &analysis), body);
        let view = BodyView::build(0, &a, Some(&story), 20);
        assert_eq!(view.labels.len(), 1);
        assert_eq!(view.labels[0].at, start - 1);
        assert_eq!(&*view.labels[0].text, "Stoltenberg▏");
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

    /// The lines of `body` wrapped a paragraph at a time, whole.
    fn wrapped_whole(body: &str, labels: &[Label], width: usize) -> Vec<VLine> {
        let mut lines = Vec::new();
        for (n, (start, text)) in paragraphs(body).enumerate() {
            if n > 0 {
                let pos = lines.last().map_or(0, |l: &VLine| l.pos.max(l.end));
                lines.push(VLine {
                    kind: LineKind::Blank,
                    start: 0,
                    end: 0,
                    pos,
                });
            }
            let first = labels.partition_point(|l| l.at < start);
            let last = labels.partition_point(|l| l.at < start + text.len());
            wrap_paragraph(&mut lines, start, text, &labels[first..last], width);
        }
        lines
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(16))]
        #[test]
        fn slices_wrap_as_whole_paragraphs_do(
            parts in proptest::collection::vec((0usize..150_000, 0usize..3), 1..4),
            seed: u64,
            width in 1usize..90,
        ) {
            // Paragraphs up to twice a slice long, of words, spaces, runs
            // of spaces, hard line breaks (never two in a row: that would
            // end the paragraph) and multibyte text.
            const TOKENS: [&str; 16] = [
                "word", " ", "東京", "\r\nx", "Ström ", "  ", "a-b", "\nword", "the ", "harbour ",
                "flood", " ", "barrier ", "x", " ", "Lindqvist ",
            ];
            const BREAKS: [&str; 3] = ["\n\n", "\n \n", "\n\n\n  \n"];
            let mut state = seed | 1;
            let mut body = String::new();
            for (len, gap) in parts {
                let end = body.len() + len;
                while body.len() < end {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    body.push_str(TOKENS[(state % 16) as usize]);
                }
                body.push_str(BREAKS[gap]);
            }
            let a = article("T", &body);
            let view = BodyView::build(0, &a, None, width);
            let whole = wrapped_whole(&body, &[], width);
            // The title and the blank line under it come first.
            let header = BodyView::start(0, &a, None, width).lines.len();
            proptest::prop_assert!(view.lines[header..] == whole[..]);
        }
    }

    #[test]
    fn a_long_paragraph_is_wrapped_in_slices_as_a_whole() {
        // 300 KB with no blank line: words of every length, some longer
        // than the width, multibyte ones, and quotes with labels.
        let words = [
            "the",
            "harbour",
            "Ström",
            "東京都",
            "a",
            "flood-barrier",
            "x",
        ];
        let mut body = String::new();
        let mut quotes = Vec::new();
        for i in 0..50_000 {
            if i % 997 == 0 {
                let start = body.len() + 1;
                body.push_str("\"we will stand\" ");
                quotes.push(fixture::quote_at(Span::new(start, start + 13), Some(0)));
            }
            body.push_str(words[i * 3 % words.len()]);
            if i % 501 == 0 {
                body.push_str(&"w".repeat(90));
            }
            body.push(' ');
        }
        let body = body.trim_end().to_owned();
        assert!(body.len() > 4 * SLICE && !body.contains("\n\n"));
        let analysis = Analysis {
            people: vec![fixture::person_named("Jens Stoltenberg")],
            quotes,
        };
        let story = Story::new(&Digest::of(&body, &analysis), &body);
        let a = article("T", &body);
        for width in [7, 33, 80] {
            let view = BodyView::build(0, &a, Some(&story), width);
            let mut whole = Vec::new();
            wrap_paragraph(&mut whole, 0, &body, &view.labels, width);
            let wrapped = &view.lines[view.lines.len() - whole.len()..];
            assert!(wrapped == whole, "width {width}");
            assert!(view.complete && view.paragraphs == 1);
        }
        // A slice is a slice even inside one paragraph.
        let mut view = BodyView::start(0, &a, Some(&story), 33);
        assert!(!view.extend(&body, SLICE));
        assert!(view.resume <= SLICE, "{}", view.resume);
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
        assert!(partial.extend_past(&story.body, far, 10, usize::MAX));
        assert!(!partial.complete && partial.resume > far);
        assert_eq!(partial.lines[..], whole.lines[..partial.lines.len()]);
    }
}
