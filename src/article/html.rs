//! HTML bodies → the plain text byline reads, analyses and shows.
//!
//! Feeds and news APIs hand over bodies as HTML. They are tokenized as a
//! browser tokenizes them (html5ever's tokenizer, without a tree: a body
//! is read once, front to back) and written out as text:
//!
//! 1. each block (`<p>`, `<div>`, headings, list items, `<blockquote>`,
//!    table rows…) is a paragraph, paragraphs are joined by a blank line;
//!    `<br>` is a line break, two in a row a paragraph;
//! 2. white space collapses to one space, as a browser shows it (not in
//!    `<pre>`); links and other inline elements give their text;
//! 3. `<script>`, `<style>`, `<nav>`, `<aside>`, forms, embedded media and
//!    comments give nothing;
//! 4. a `<figcaption>` is a photo caption, not body text; the part of it
//!    whose class names a credit is the photo's credit;
//! 5. entities are decoded by the tokenizer (so the sanitiser must not
//!    decode them a second time: `&amp;lt;` is the text `&lt;`).
//!
//! A plain-text body with a `<` in it is not HTML: [`looks_like_html`]
//! wants a real element's tag, so only bodies with markup pay for this.

use super::Image;
use super::sanitize::{clean_decoded, one_line};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;

/// A body converted from HTML: its text and the captions of its photos.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Converted {
    /// The text, paragraphs separated by a blank line.
    pub text: String,
    /// The photos' captions and credits.
    pub images: Vec<Image>,
}

/// What markup a text holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    /// None: the text is plain.
    None,
    /// Only inline tags (`<a>`, `<em>`) in text whose own line breaks make
    /// its paragraphs: the tags go, the text stays as it is.
    Inline,
    /// Blocks (`<p>`, `<br>`, `<div>`): the tags make the paragraphs, and
    /// line breaks in the source are only white space.
    Blocks,
}

/// True when `text` holds a tag of a real HTML element (`<p>`, `</a>`,
/// `<br/>`, `<img src=…>`) or a comment; "a < b" and "<3" are text.
pub fn looks_like_html(text: &str) -> bool {
    first_tag(text.as_bytes(), 0).is_some()
}

/// What markup `text` holds: blocks as soon as one block tag is seen.
pub fn markup(text: &str) -> Markup {
    let bytes = text.as_bytes();
    let mut found = Markup::None;
    let mut at = 0;
    while let Some((name, next)) = first_tag(bytes, at) {
        if name.is_empty() || is_block_tag(name) {
            return Markup::Blocks;
        }
        found = Markup::Inline;
        at = next;
    }
    found
}

/// The next tag from `at`: its element name (empty for a comment or a
/// doctype) and where to go on looking.
fn first_tag(bytes: &[u8], mut at: usize) -> Option<(&[u8], usize)> {
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let open = at + found;
        if let Some(name) = tag_at(bytes, open + 1) {
            return Some((name, open + 1));
        }
        at = open + 1;
    }
    None
}

/// A tag that makes a paragraph (or hides its content, or is a document).
fn is_block_tag(name: &[u8]) -> bool {
    let name = name.to_ascii_lowercase();
    let name = std::str::from_utf8(&name).unwrap_or("");
    is_block(name) || is_dropped(name) || matches!(name, "br" | "figcaption" | "td" | "th")
}

/// The element name of the tag after a `<` (empty for `!--`, `!doctype`):
/// a real element's name (after an optional `/`) that ends properly and
/// closes with a `>` before the next `<`.
fn tag_at(bytes: &[u8], at: usize) -> Option<&[u8]> {
    let rest = &bytes[at.min(bytes.len())..];
    if rest.starts_with(b"!--")
        || rest
            .get(..8)
            .is_some_and(|d| d.eq_ignore_ascii_case(b"!doctype"))
    {
        return Some(&[]);
    }
    let rest = rest.strip_prefix(b"/").unwrap_or(rest);
    let name_len = rest
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let name = &rest[..name_len];
    let after = &rest[name_len..];
    if name.is_empty() || name.len() > 10 || !is_element(name) {
        return None;
    }
    if !matches!(
        after.first(),
        Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r')
    ) {
        return None;
    }
    // The first of `>` and `<` only: a scan to the end for each `<` would
    // make a text of many `<a ` without `>` quadratic.
    let closes = memchr::memchr2(b'>', b'<', after).is_some_and(|at| after[at] == b'>');
    closes.then_some(name)
}

/// HTML's elements, sorted, for telling a tag from a `<` in prose.
const ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "bdi",
    "bdo",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "map",
    "mark",
    "menu",
    "meta",
    "meter",
    "nav",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "picture",
    "pre",
    "progress",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "script",
    "section",
    "select",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

fn is_element(name: &[u8]) -> bool {
    let mut lower = [0u8; 10];
    for (to, from) in lower.iter_mut().zip(name) {
        *to = from.to_ascii_lowercase();
    }
    let lower = &lower[..name.len()];
    ELEMENTS
        .binary_search_by(|e| e.as_bytes().cmp(lower))
        .is_ok()
}

/// Elements whose whole content is dropped: code, chrome around the story,
/// forms and embedded media.
fn is_dropped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "nav"
            | "aside"
            | "form"
            | "button"
            | "select"
            | "textarea"
            | "iframe"
            | "object"
            | "embed"
            | "svg"
            | "math"
            | "canvas"
            | "audio"
            | "video"
            | "head"
            | "title"
            | "map"
            | "dialog"
            | "noembed"
            | "noframes"
            | "xmp"
            | "plaintext"
    )
}

/// Elements that stand as paragraphs of their own.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figure"
            | "footer"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "legend"
            | "li"
            | "main"
            | "menu"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "tfoot"
            | "thead"
            | "tr"
            | "ul"
    )
}

/// The tokenizer state a start tag switches to, as the HTML tree builder
/// would ask: the content of these is text, not markup.
fn raw_kind(name: &str) -> Option<TokenSinkResult<()>> {
    Some(match name {
        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
            TokenSinkResult::RawData(RawKind::Rawtext)
        }
        "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
        "plaintext" => TokenSinkResult::Plaintext,
        _ => return None,
    })
}

/// Converts an HTML body. Total: any input gives some text, and no tag.
pub fn to_text(html: &str) -> Converted {
    let writer = Writer {
        // Text with only inline tags keeps its own line breaks and spaces.
        verbatim: markup(html) == Markup::Inline,
        ..Writer::default()
    };
    let sink = Sink(RefCell::new(writer));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let mut writer = tokenizer.sink.0.into_inner();
    writer.end_caption();
    let text = defuse(clean_decoded(writer.body.text));
    let images = writer
        .images
        .into_iter()
        .map(|image| Image {
            caption: defuse(image.caption),
            credit: image.credit.map(defuse),
        })
        .collect();
    Converted {
        text: match text.trim() {
            trimmed if trimmed.len() == text.len() => text,
            trimmed => trimmed.to_owned(),
        },
        images,
    }
}

/// Stands in `‹` for the `<` of every tag the text itself spells
/// (`&lt;p&gt;`, or `<</a>a>` whose pieces join into `<a>`): the converted
/// text is read back as plain text (a fetched feed's stored story), where a
/// tag would be taken for markup and its words lost.
fn defuse(text: String) -> String {
    // Right to left: whether a `<` opens a tag depends only on what follows
    // it, which is settled by then.
    let mut bytes = text.into_bytes();
    let lts: Vec<usize> = memchr::memchr_iter(b'<', &bytes).collect();
    let mut opens = Vec::new();
    for &open in lts.iter().rev() {
        if tag_at(&bytes, open + 1).is_some() {
            bytes[open] = 0;
            opens.push(open);
        }
    }
    let text = String::from_utf8(bytes).unwrap_or_default();
    if opens.is_empty() {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 2 * opens.len());
    let mut from = 0;
    for &open in opens.iter().rev() {
        out.push_str(&text[from..open]);
        out.push('‹');
        from = open + 1;
    }
    out.push_str(&text[from..]);
    out
}

struct Sink(RefCell<Writer>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut writer = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => return writer.tag(&tag),
            Token::CharacterTokens(text) => writer.text(&text),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// Text written so far, with the break or space owed before the next word.
#[derive(Default)]
struct Flow {
    text: String,
    /// White space was seen since the last word.
    space: bool,
    /// 0 nothing, 1 a line break, 2 a paragraph break is owed.
    owed: u8,
}

impl Flow {
    fn push(&mut self, text: &str, pre: bool, verbatim: bool) {
        if verbatim {
            self.pay();
            self.text.push_str(text);
            return;
        }
        for c in text.chars() {
            if pre && c == '\n' {
                self.line();
            } else if !pre && matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                self.space = true;
            } else {
                self.pay();
                self.text.push(c);
            }
        }
    }

    /// Writes the break or space owed, if there is text before it.
    fn pay(&mut self) {
        if !self.text.is_empty() {
            match self.owed {
                2 => self.text.push_str("\n\n"),
                1 => self.text.push('\n'),
                _ if self.space => self.text.push(' '),
                _ => {}
            }
        }
        self.owed = 0;
        self.space = false;
    }

    fn paragraph(&mut self) {
        self.owed = 2;
    }

    fn line(&mut self) {
        self.owed = if self.owed == 0 { 1 } else { 2 };
    }
}

/// A `<figcaption>` being read: its text, and its credit's.
#[derive(Default)]
struct Caption {
    text: Flow,
    credit: Flow,
    /// Inside the credit: its element and how deep in its own kind.
    in_credit: Option<(String, usize)>,
}

#[derive(Default)]
struct Writer {
    body: Flow,
    images: Vec<Image>,
    caption: Option<Caption>,
    /// Inside a dropped element: its name, and how deep in its own kind.
    dropping: Option<(String, usize)>,
    /// How many `<pre>` are open.
    pre: usize,
    /// White space is text, as in `<pre>`, all through.
    verbatim: bool,
}

impl Writer {
    fn tag(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        let start = tag.kind == TagKind::StartTag;
        if let Some((dropped, depth)) = &mut self.dropping {
            if dropped == name {
                if start && !tag.self_closing {
                    *depth += 1;
                } else if !start {
                    *depth -= 1;
                    if *depth == 0 {
                        self.dropping = None;
                    }
                }
            }
            return TokenSinkResult::Continue;
        }
        if start && is_dropped(name) {
            if !tag.self_closing || raw_kind(name).is_some() {
                self.dropping = Some((name.to_owned(), 1));
            }
            return raw_kind(name).unwrap_or(TokenSinkResult::Continue);
        }
        match (name, start) {
            ("figcaption", true) => {
                self.end_caption();
                self.caption = Some(Caption::default());
            }
            ("figcaption", false) => self.end_caption(),
            ("br", _) => self.flow().line(),
            ("td" | "th", true) => self.flow().space = true,
            ("pre", true) => self.pre += 1,
            ("pre", false) => self.pre = self.pre.saturating_sub(1),
            _ => {}
        }
        if is_block(name) {
            self.flow().paragraph();
        }
        if let Some(caption) = &mut self.caption {
            caption.follow_credit(tag, name, start);
        }
        TokenSinkResult::Continue
    }

    fn text(&mut self, text: &str) {
        if self.dropping.is_none() {
            let (pre, verbatim) = (self.pre > 0, self.verbatim);
            self.flow().push(text, pre, verbatim);
        }
    }

    /// Where text goes now: the body, or the caption being read.
    fn flow(&mut self) -> &mut Flow {
        match &mut self.caption {
            Some(caption) => {
                if caption.in_credit.is_some() {
                    &mut caption.credit
                } else {
                    &mut caption.text
                }
            }
            None => &mut self.body,
        }
    }

    fn end_caption(&mut self) {
        let Some(caption) = self.caption.take() else {
            return;
        };
        let text = one_line(&clean_decoded(caption.text.text));
        let credit = one_line(&clean_decoded(caption.credit.text));
        if !text.is_empty() || !credit.is_empty() {
            self.images.push(Image {
                caption: text,
                credit: (!credit.is_empty()).then_some(credit),
            });
        }
    }
}

impl Caption {
    /// Enters or leaves the element whose class says it is the credit.
    fn follow_credit(&mut self, tag: &Tag, name: &str, start: bool) {
        match &mut self.in_credit {
            Some((credit, depth)) if credit == name => {
                if start {
                    *depth += 1;
                } else {
                    *depth -= 1;
                    if *depth == 0 {
                        self.in_credit = None;
                    }
                }
            }
            None if start && !tag.self_closing && names_credit(tag) => {
                self.in_credit = Some((name.to_owned(), 1));
            }
            Some(_) | None => {}
        }
    }
}

fn names_credit(tag: &Tag) -> bool {
    tag.attrs.iter().any(|attr| {
        &*attr.name.local == "class" && attr.value.to_ascii_lowercase().contains("credit")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn text(html: &str) -> String {
        to_text(html).text
    }

    #[test]
    fn a_tag_spelled_as_text_never_reads_as_markup() {
        let cases = [
            ("<</a>a>", "‹a>"),
            (
                "<p>&lt;p&gt;is a paragraph&lt;/p&gt;</p>",
                "‹p>is a paragraph‹/p>",
            ),
            ("<p>&lt;a &lt;b&gt;</p>", "‹a ‹b>"),
            (
                "<p>&lt;!-- note --&gt; and a &lt; b</p>",
                "‹!-- note --> and a < b",
            ),
        ];
        for (html, want) in cases {
            assert_eq!(text(html), want, "{html}");
            assert!(!looks_like_html(want));
        }
    }

    #[test]
    fn many_unclosed_tags_are_text_in_one_pass() {
        // Each `<` looks only as far as the next `<` or `>`.
        let text = "<a ".repeat(200_000);
        assert!(!looks_like_html(&text));
        assert_eq!(super::markup(&text), Markup::None);
    }

    #[test]
    fn blocks_are_paragraphs_and_inline_is_text() {
        let cases = [
            ("<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
            (
                "<p>A <a href=\"https://x.test\">link</a> and <em>more</em>.</p>",
                "A link and more.",
            ),
            ("<h2>Head</h2>\n<p>Body\n  text</p>", "Head\n\nBody text"),
            ("<ul><li>one</li><li>two</li></ul>", "one\n\ntwo"),
            ("<p>line<br>next</p>", "line\nnext"),
            ("para<br><br>para", "para\n\npara"),
            ("<div><p>nested</p></div>after", "nested\n\nafter"),
            ("<blockquote><p>Held.</p></blockquote>", "Held."),
            ("<pre>a  b\nc</pre>", "a  b\nc"),
            (
                "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
                "a b\n\nc",
            ),
            (
                "<p>Caf&eacute; &ldquo;hi&rdquo; &amp;lt;</p>",
                "Café “hi” &lt;",
            ),
            // Inline tags only: the text's own paragraphs and spaces stand.
            (
                "One  <a href=x>link</a>.\n\nTwo <em>b</em>\n\n\nThree",
                "One  link.\n\nTwo b\n\n\nThree",
            ),
            ("  <p>  </p> <p>x</p>  ", "x"),
        ];
        for (html, want) in cases {
            assert_eq!(text(html), want, "{html}");
        }
    }

    #[test]
    fn noise_gives_nothing() {
        let html = r#"<p>Before.</p>
            <script>var s = "\"Not a quote,\" said nobody"; if (a<b) {}</script>
            <style>p::before { content: "\"" }</style>
            <nav><a href="/">"Home"</a></nav>
            <aside><p>"Related," it said.</p><aside>inner</aside>still aside</aside>
            <!-- "a quote in a comment," he said -->
            <form><input value="x"><button>"Send"</button></form>
            <p>After.</p>"#;
        assert_eq!(text(html), "Before.\n\nAfter.");
    }

    #[test]
    fn figure_captions_are_images_not_text() {
        let html = r#"<p>Start.</p><figure><img src="a.jpg" alt="ignored">
            <figcaption>Divers at the quay. <span class="credit">Photograph: Ana Ruiz/Agency</span></figcaption>
            </figure><p>End.</p><figure><figcaption>No credit here</figcaption></figure>"#;
        let got = to_text(html);
        assert_eq!(got.text, "Start.\n\nEnd.");
        assert_eq!(
            got.images,
            [
                Image {
                    caption: "Divers at the quay.".into(),
                    credit: Some("Photograph: Ana Ruiz/Agency".into()),
                },
                Image {
                    caption: "No credit here".into(),
                    credit: None,
                },
            ]
        );
    }

    #[test]
    fn escape_sequences_are_removed_after_decoding() {
        assert_eq!(text("<p>a&#27;[31mred\u{1b}[0m</p>"), "ared");
    }

    #[test]
    fn tells_markup_from_prose() {
        for html in [
            "<p>x</p>",
            "a<br>b",
            "a<br/>b",
            "<IMG SRC=\"x\">",
            "text </div>",
            "<!-- c -->",
            "<!DOCTYPE html><html>",
            "<a\nhref=\"x\">y</a>",
        ] {
            assert!(looks_like_html(html), "{html}");
        }
        for prose in [
            "",
            "a < b and c > d",
            "I <3 news",
            "if x<y then",
            "<unknown>",
            "<b and then< b>",
            "the <p tag",
            "<",
        ] {
            assert!(!looks_like_html(prose), "{prose}");
        }
    }

    /// Markup from a small grammar: elements with attributes, text without
    /// `<` or `&`, comments, unclosed and stray tags.
    fn markup() -> impl Strategy<Value = String> {
        let name = prop::sample::select(vec![
            "p",
            "div",
            "a",
            "em",
            "script",
            "style",
            "nav",
            "aside",
            "figure",
            "figcaption",
            "span",
            "br",
            "pre",
            "li",
            "ul",
            "table",
            "td",
            "tr",
            "h1",
            "form",
            "title",
            "textarea",
            "svg",
            "plaintext",
            "xmp",
            "noscript",
        ]);
        let piece = prop_oneof![
            "[a-zA-Z \"'.,\n]{0,12}".prop_map(|t| t),
            (name.clone(), "( class=\"[a-z ]{0,8}\")?").prop_map(|(n, a)| format!("<{n}{a}>")),
            name.clone().prop_map(|n| format!("</{n}>")),
            name.prop_map(|n| format!("<{n}/>")),
            Just("<!-- \"c\" -->".to_owned()),
            Just("&amp;&quot;&#8220;".to_owned()),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
    }

    proptest! {
        #[test]
        fn any_markup_gives_text_without_tags(html in markup()) {
            let got = to_text(&html);
            for out in std::iter::once(&got.text).chain(got.images.iter().map(|i| &i.caption)) {
                prop_assert!(!looks_like_html(out), "{:?} → {:?}", html, out);
                prop_assert!(!out.contains("<p") && !out.contains("</"), "{:?} → {:?}", html, out);
                prop_assert!(out.trim() == out, "{:?} → {:?}", html, out);
                // Blocks make the paragraphs; text with inline tags only
                // keeps its own.
                if super::markup(&html) == Markup::Blocks {
                    prop_assert!(!out.contains("\n\n\n"), "{:?} → {:?}", html, out);
                }
            }
        }

        #[test]
        fn any_text_never_panics(html in "\\PC{0,200}") {
            let _ = to_text(&html);
            let _ = looks_like_html(&html);
        }
    }
}
