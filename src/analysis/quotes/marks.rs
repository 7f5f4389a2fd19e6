//! Quotation marks → quoted stretches of text.
//!
//! 1. The text is read line by line (a line break ends a paragraph in news
//!    text, whether or not a blank line follows), and each line's double
//!    marks are found: `“ ” „ « »`, straight `"`, and the newspaper `''`
//!    and ``` `` ``` pairs.
//! 2. Each mark gets a role: its glyph says open or close, unless the
//!    letters around it clearly say the opposite (a `”` used to open); a
//!    straight mark opens or closes by the same flanking test, and toggles
//!    when that test cannot tell.
//! 3. Marks pair up within the line; a quote left open at the end of a
//!    line runs to the line's end and continues when the next line opens
//!    with a mark (the newspaper convention for quotations over several
//!    paragraphs), so an unbalanced mark never swallows more than its line.
//! 4. Texts that use single marks as their primary quotes (‘…’) are read
//!    the same way with single marks, keeping apostrophes out.

use crate::analysis::Span;
use crate::analysis::chars::is_alphanumeric;

/// One quoted stretch: the words between the marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marked {
    /// The text inside the marks, trimmed of white space.
    pub inner: Span,
    /// Where the opening mark starts (or the line start for a quote that
    /// carries on from the line before without a mark).
    pub open: usize,
    /// Where the closing mark ends (or the line end when it is left open).
    pub close: usize,
    /// The line (paragraph) the quote is in, counted from 0.
    pub line: usize,
    /// The quotation goes on in the next quote (a quotation over several
    /// paragraphs).
    pub continues: bool,
    /// The closing mark is missing.
    pub open_ended: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Glyph {
    Open,
    Close,
    Either,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Toggle,
}

/// One mark found in a line.
#[derive(Debug, Clone, Copy)]
struct Mark {
    start: usize,
    end: usize,
    glyph: Glyph,
    role: Role,
}

/// The quoted stretches of `text`, in order.
#[cfg(test)]
pub fn find(text: &str) -> Vec<Marked> {
    find_in(text, &lines(text))
}

/// `find` over the text's [`lines`], computed once by the caller.
pub fn find_in(text: &str, lines: &[(usize, usize)]) -> Vec<Marked> {
    let single = uses_single_marks(text);
    // Backticks and « » are rare: a text without them has its marks found
    // by a faster search for the other three bytes.
    let rare = memchr::memchr2(b'`', 0xC2, text.as_bytes()).is_some();
    let marks_of = |(start, end): (usize, usize)| {
        let line = &text[start..end];
        if !single {
            return double_marks(line, start, rare);
        }
        // Most lines of a text have no mark at all: one pass over the
        // bytes says so (every mark but the ASCII ones starts with 0xC2,
        // 0xE2: « » ‘ ’ “ ” „ ‹ ›).
        if !line.bytes().any(|b| MARK_START[usize::from(b)]) {
            return Vec::new();
        }
        single_marks(line, start)
    };
    let mut out = Vec::new();
    let mut carried = false;
    let mut marks = lines.first().map(|&l| marks_of(l)).unwrap_or_default();
    for (n, &line) in lines.iter().enumerate() {
        let next = lines.get(n + 1).map(|&l| (l, marks_of(l)));
        let left_open = pair(text, line, n, &marks, carried, &mut out);
        carried = false;
        if let (Some(last), Some(((next_start, _), next_marks))) =
            (left_open.then(|| out.last_mut()).flatten(), &next)
        {
            let first = next_marks.first();
            // The next paragraph opens with a mark: the newspaper convention.
            let reopens = first.is_some_and(|m| m.start == *next_start && m.role != Role::Close);
            // The next line closes first: a line break inside the quote.
            carried = !reopens
                && first.is_some_and(|m| m.role != Role::Open)
                && ends_mid_sentence(last.inner.text(text));
            last.continues = reopens || carried;
        }
        marks = next.map(|(_, m)| m).unwrap_or_default();
    }
    out
}

/// Non-blank lines as `(start, end)` byte ranges, trimmed.
pub(super) fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]) {
        if let Some(line) = trimmed(text, at, end) {
            out.push(line);
        }
        at = end + 1;
    }
    out
}

/// `text[start..end]` without the white space around it, if anything is
/// left. A line that starts and ends with a visible ASCII character (most
/// lines) needs no trimming.
fn trimmed(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let bytes = &text.as_bytes()[start..end];
    let visible = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii_graphic());
    if visible(bytes.first()) && visible(bytes.last()) {
        return Some((start, end));
    }
    let line = &text[start..end];
    let lead = line.len() - line.trim_start().len();
    let trimmed = line.trim();
    (!trimmed.is_empty()).then(|| (start + lead, start + lead + trimmed.len()))
}

/// Pairs a line's marks, pushing the quotes found. `carried`: the line
/// before ended inside a quote that this line closes. Returns whether the
/// line ends inside a quote (whose text then runs to the line's end).
fn pair(
    text: &str,
    (line_start, line_end): (usize, usize),
    line: usize,
    marks: &[Mark],
    carried: bool,
    out: &mut Vec<Marked>,
) -> bool {
    let mut open: Option<(usize, usize)> = carried.then_some((line_start, line_start));
    let mut depth = usize::from(carried);
    for mark in marks {
        let opens = match mark.role {
            Role::Open => true,
            Role::Close => false,
            Role::Toggle => depth == 0,
        };
        if opens {
            if let Some((open_at, inner_start)) = open.filter(|_| depth > 0)
                && reopens_inside(text, (open_at, inner_start), mark)
            {
                // The quotation went on into a paragraph run together
                // with this one: its first part ends here, open.
                if push(
                    text,
                    out,
                    line,
                    open_at,
                    (inner_start, mark.start),
                    mark.start,
                    true,
                ) && let Some(last) = out.last_mut()
                {
                    last.continues = true;
                }
                open = Some((mark.start, mark.end));
                depth = 1;
                continue;
            }
            if depth == 0 {
                open = Some((mark.start, mark.end));
            }
            // A straight mark never nests; a curly one may (“…“…”…”).
            if depth == 0 || mark.glyph == Glyph::Open {
                depth += 1;
            }
        } else if depth > 0 {
            depth -= 1;
            if depth == 0
                && let Some((open_at, inner_start)) = open.take()
            {
                push(
                    text,
                    out,
                    line,
                    open_at,
                    (inner_start, mark.start),
                    mark.end,
                    false,
                );
            }
        }
    }
    let Some((open_at, inner_start)) = open else {
        return false;
    };
    push(
        text,
        out,
        line,
        open_at,
        (inner_start, line_end),
        line_end,
        true,
    )
}

/// An opening mark inside an open quote that starts a new sentence
/// (`"It was a hard year. "We expect more,"`): the paragraphs of one
/// quotation run together in one line, each opening with the same mark
/// and only the last closed. A quote inside a quote takes another mark
/// (`"… “…” …"`, `“… ‘…’ …”`) or follows no full stop.
fn reopens_inside(text: &str, (open_at, inner_start): (usize, usize), mark: &Mark) -> bool {
    let before = text[inner_start..mark.start].trim_end();
    let after = text[mark.end..].chars().next();
    let same_mark = text[open_at..].chars().next() == text[mark.start..].chars().next();
    mark.role == Role::Open
        && same_mark
        && before.len() < mark.start - inner_start
        && before.ends_with(['.', '!', '?'])
        && after.is_some_and(char::is_uppercase)
}

/// A quote left open at a line's end that does not end a sentence is most
/// likely cut by a line break inside the paragraph.
fn ends_mid_sentence(inner: &str) -> bool {
    !inner.trim_end().ends_with(['.', '!', '?', ':', '…'])
}

fn push(
    text: &str,
    out: &mut Vec<Marked>,
    line: usize,
    open: usize,
    (start, end): (usize, usize),
    close: usize,
    open_ended: bool,
) -> bool {
    let inner = &text[start..end];
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim();
    if trimmed.is_empty() {
        return false;
    }
    let span = Span::new(start + lead, start + lead + trimmed.len());
    out.push(Marked {
        inner: span,
        open,
        close,
        line,
        continues: false,
        open_ended,
    });
    true
}

/// The double marks of one line, with their roles.
/// The bytes a mark can start with: `"`, `'`, `` ` `` and the lead bytes of
/// « » ‘ ’ “ ” „ ‹ ›.
static MARK_START: [bool; 256] = {
    let mut table = [false; 256];
    table[b'"' as usize] = true;
    table[b'\'' as usize] = true;
    table[b'`' as usize] = true;
    table[0xC2] = true;
    table[0xE2] = true;
    table
};

/// Where the next byte a mark can start with is, from `bytes[from..]`;
/// `rare`: the text has backticks or « » (see [`MARK_START`]).
fn next_mark_start(bytes: &[u8], from: usize, rare: bool) -> Option<usize> {
    let rest = bytes.get(from..)?;
    if rare {
        rest.iter().position(|&b| MARK_START[usize::from(b)])
    } else {
        memchr::memchr3(b'"', b'\'', 0xE2, rest)
    }
}

fn double_marks(line: &str, offset: usize, rare: bool) -> Vec<Mark> {
    let bytes = line.as_bytes();
    let mut marks = Vec::new();
    let mut i = 0;
    // Only the bytes a mark can start with are looked at closely.
    while let Some(skip) = next_mark_start(bytes, i, rare) {
        i += skip;
        let (glyph, len) = match bytes[i] {
            b'"' => (Glyph::Either, 1),
            c @ (b'\'' | b'`') if bytes.get(i + 1) == Some(&c) => {
                // `,'''` closes a single quote and then the double one: the
                // double mark is the last two.
                let closing = i > 0 && !bytes[i - 1].is_ascii_whitespace();
                let at = if c == b'\'' && closing && bytes.get(i + 2) == Some(&b'\'') {
                    i + 1
                } else {
                    i
                };
                let glyph = if c == b'`' {
                    Glyph::Open
                } else {
                    Glyph::Either
                };
                marks.push(mark(line, at, at + 2, glyph, offset));
                i = at + 2;
                continue;
            }
            0xC2 | 0xE2 => match line[i..].chars().next() {
                Some(c @ ('“' | '„' | '«')) => (Glyph::Open, c.len_utf8()),
                Some(c @ ('”' | '»')) => (Glyph::Close, c.len_utf8()),
                _ => (Glyph::Either, 0),
            },
            _ => (Glyph::Either, 0),
        };
        if len > 0 {
            marks.push(mark(line, i, i + len, glyph, offset));
            i += len;
        } else {
            i += 1;
        }
    }
    marks
}

/// The single marks of one line (for texts quoting with ‘…’), without
/// apostrophes: a mark between two letters, or before a year or a
/// number (’90s), is an apostrophe.
fn single_marks(line: &str, offset: usize) -> Vec<Mark> {
    let mut marks = Vec::new();
    for (i, c) in line.char_indices() {
        let glyph = match c {
            '‘' | '‹' => Glyph::Open,
            '’' | '›' => Glyph::Close,
            '\'' => Glyph::Either,
            _ => continue,
        };
        let before = line[..i].chars().next_back();
        let after = line[i + c.len_utf8()..].chars().next();
        let inside_word = before.is_some_and(is_alphanumeric) && after.is_some_and(is_alphanumeric);
        let elision =
            after.is_some_and(|a| a.is_ascii_digit()) && !before.is_some_and(is_alphanumeric);
        if inside_word || elision {
            continue;
        }
        let m = mark(line, i, i + c.len_utf8(), glyph, offset);
        // A plural possessive (the students’ union) closes nothing.
        if m.role == Role::Close
            && before == Some('s')
            && after == Some(' ')
            && glyph != Glyph::Open
        {
            let rest = &line[i + c.len_utf8()..];
            if rest.contains(['’', '\'']) {
                continue;
            }
        }
        marks.push(m);
    }
    marks
}

fn mark(line: &str, start: usize, end: usize, glyph: Glyph, offset: usize) -> Mark {
    let before = line[..start].chars().next_back();
    let after = line[end..].chars().next();
    let can_open = after.is_some_and(|c| !c.is_whitespace()) && before.is_none_or(opens_after);
    let can_close = before.is_some_and(|c| !c.is_whitespace()) && after.is_none_or(closes_before);
    // A curly glyph is trusted unless its place plainly says the opposite
    // (French spacing, « mot », is not the opposite).
    let word_after = after.is_some_and(is_alphanumeric);
    let word_before =
        before.is_some_and(|c| is_alphanumeric(c) || matches!(c, '.' | ',' | '!' | '?'));
    let role = match glyph {
        Glyph::Open if word_before && !word_after && after.is_none_or(closes_before) => Role::Close,
        Glyph::Close if before.is_none_or(char::is_whitespace) && word_after => Role::Open,
        Glyph::Open => Role::Open,
        Glyph::Close => Role::Close,
        Glyph::Either if can_open && !can_close => Role::Open,
        Glyph::Either if can_close && !can_open => Role::Close,
        Glyph::Either => Role::Toggle,
    };
    Mark {
        start: offset + start,
        end: offset + end,
        glyph,
        role,
    }
}

/// What may stand just before an opening mark.
fn opens_after(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '“' | '‘' | '"' | '\''
        )
}

/// What may stand just after a closing mark.
fn closes_before(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '}'
                | '—'
                | '–'
                | '-'
                | '/'
                | '…'
                | '”'
                | '’'
                | '"'
                | '\''
        )
}

/// A text quotes with single marks when it has no double marks at all and
/// does have an opening single mark.
fn uses_single_marks(text: &str) -> bool {
    // Asked of every text: a byte search for ‘ first, which most lack.
    if memchr::memmem::find(text.as_bytes(), "‘".as_bytes()).is_none() {
        return false;
    }
    let double = text.contains(['“', '”', '"', '„', '«']) || text.contains("''");
    !double
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        find(text).iter().map(|m| m.inner.text(text)).collect()
    }

    #[test]
    fn lines_are_trimmed_and_never_blank() {
        // The plain definition: split at line feeds, trim, drop the blank.
        fn reference(text: &str) -> Vec<(usize, usize)> {
            let mut out = Vec::new();
            let mut at = 0;
            for line in text.split('\n') {
                let lead = line.len() - line.trim_start().len();
                let trimmed = line.trim();
                if !trimmed.is_empty() {
                    out.push((at + lead, at + lead + trimmed.len()));
                }
                at += line.len() + 1;
            }
            out
        }
        let texts = [
            "",
            "\n\n",
            "one line",
            "a\nb\n\nc\n",
            "  padded \r\n\tTabbed\t\n",
            "\u{a0}no-break space\u{a0}\n\u{2003}em\u{2003}",
            "“curly”\n’",
        ];
        for text in texts {
            assert_eq!(lines(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn finds_quotes_in_every_style() {
        let rows: &[(&str, &str, &[&str])] = &[
            ("curly", "“We will win,” he said.", &["We will win,"]),
            ("straight", "\"We will win,\" he said.", &["We will win,"]),
            (
                "newspaper pairs",
                "''It is long,'' Ms. Tchen said.",
                &["It is long,"],
            ),
            (
                "guillemets",
                "« Nous gagnerons », a-t-il dit.",
                &["Nous gagnerons"],
            ),
            (
                "german",
                "Er sagte: „Wir schaffen das“.",
                &["Wir schaffen das"],
            ),
            ("two in a line", "“A,” he said, “B.”", &["A,", "B."]),
            (
                "straight pair twice",
                "\"A,\" he said. \"B.\"",
                &["A,", "B."],
            ),
            (
                "single primary",
                "‘We will,’ she said. ‘Soon.’",
                &["We will,", "Soon."],
            ),
            ("apostrophes", "It’s the students’ union, don’t ask.", &[]),
            ("no marks", "Nothing quoted here.", &[]),
            ("empty marks", "He said “” and left.", &[]),
            ("backticks", "``Go,'' he said.", &["Go,"]),
            (
                "three apostrophes",
                "''They say, 'go home,''' he said.",
                &["They say, 'go home,'"],
            ),
        ];
        for &(name, text, want) in rows {
            assert_eq!(quoted(text), want, "{name}");
        }
    }

    #[test]
    fn a_quote_inside_a_quote_stays_inside() {
        let text = "“He told me ‘never again’ and meant it,” she said.";
        assert_eq!(quoted(text), ["He told me ‘never again’ and meant it,"]);
        let text = "“He said “no” to me,” she said.";
        assert_eq!(quoted(text), ["He said “no” to me,"]);
    }

    #[test]
    fn misused_glyphs_are_read_by_their_place() {
        assert_eq!(quoted("He said ”hello” twice."), ["hello"]);
        assert_eq!(quoted("He said “hello“ twice."), ["hello"]);
    }

    #[test]
    fn a_quotation_over_several_paragraphs() {
        let text = "“First part.\n\n“Second part.\n\n“Last part,” she said.";
        let found = find(text);
        let parts: Vec<_> = found
            .iter()
            .map(|m| (m.inner.text(text), m.continues))
            .collect();
        assert_eq!(
            parts,
            [
                ("First part.", true),
                ("Second part.", true),
                ("Last part,", false)
            ]
        );
    }

    #[test]
    fn paragraphs_run_together_are_parts_of_one_quotation() {
        let text = "\"It was a hard year. \"We expect more,\" she said.";
        let found = find(text);
        assert_eq!(quoted(text), ["It was a hard year.", "We expect more,"]);
        assert!(found[0].continues && found[0].open_ended && !found[1].continues);
        let text = "“It was a hard year. “We expect more,” she said.";
        assert_eq!(quoted(text), ["It was a hard year.", "We expect more,"]);
        // A quote inside a quote, or a mark after no full stop, stays inside.
        assert_eq!(quoted("“He said “No” twice.”"), ["He said “No” twice."]);
        let text = "\"It ended. “We won,” he said, and left.\"";
        assert_eq!(quoted(text), ["It ended. “We won,” he said, and left."]);
    }

    #[test]
    fn an_unbalanced_mark_stops_at_its_paragraph() {
        let text = "He said “this never ends.\n\nNext paragraph, “quoted” here.";
        let found = find(text);
        assert_eq!(quoted(text), ["this never ends.", "quoted"]);
        assert!(found[0].open_ended && !found[0].continues);
    }

    #[test]
    fn a_quote_broken_by_a_line_break_carries_on() {
        let text = "He said “this is\nstill the quote,” and left.";
        assert_eq!(quoted(text), ["this is", "still the quote,"]);
        assert!(find(text)[0].continues);
        // A line that does not close it is not carried.
        let text = "He said “this is\nnot quoted here.";
        assert_eq!(quoted(text), ["this is"]);
    }

    #[test]
    fn spans_never_include_the_marks() {
        let text = "“ Spaced ” and \"tight\"";
        for m in find(text) {
            let inner = m.inner.text(text);
            assert!(
                !inner.starts_with([' ', '“', '"']) && !inner.ends_with([' ', '”', '"']),
                "{inner}"
            );
        }
    }
}
