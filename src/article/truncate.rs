//! Bodies that a news API cut short: `NewsAPI` ends `content` with
//! `… [+352 chars]`, `GNews` with `... [1234 chars]`.
//!
//! The marker is taken off and the story is marked truncated; the
//! sentence it cut is kept for reading but not analysed (a cut inside
//! "Mayor Teresa Okafor" must not make "Ma" a speaker).

/// Takes a cut marker off the end of `body`, with the ellipsis and space
/// before it; true when there was one.
pub fn remove_marker(body: &mut String) -> bool {
    let Some(start) = marker_start(body) else {
        return false;
    };
    let before = body[..start].trim_end();
    let before = before
        .strip_suffix('…')
        .or_else(|| before.strip_suffix("..."))
        .unwrap_or(before);
    let kept = before.trim_end().len();
    body.truncate(kept);
    true
}

/// Where `[+N chars]` (or `[N chars]`, `[N characters]`) starts, when the
/// body ends with it.
fn marker_start(body: &str) -> Option<usize> {
    let inner = body.trim_end().strip_suffix(']')?;
    let open = inner.rfind('[')?;
    let inside = &inner[open + 1..];
    let count = inside.strip_prefix('+').unwrap_or(inside);
    let (digits, unit) = count.split_once(' ')?;
    let is_count = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit() || b == b',');
    (is_count && matches!(unit, "chars" | "characters" | "char")).then_some(open)
}

/// Where the text of a cut body that can be analysed ends: after its last
/// whole sentence (0 when it has none).
pub fn whole_sentences_end(body: &str) -> usize {
    let bytes = body.as_bytes();
    let mut at = body.len();
    while at > 0 {
        at -= 1;
        match bytes[at] {
            b'\n' => return at,
            b'.' | b'!' | b'?' => {
                let end = at + 1 + closers(&body[at + 1..]);
                let next = body[end..].chars().next();
                if next.is_none_or(char::is_whitespace)
                    && !(bytes[at] == b'.' && abbreviation_before(&body[..at]))
                {
                    return end;
                }
            }
            _ => {}
        }
    }
    0
}

/// How many bytes of closing quotes and brackets open `text`.
fn closers(text: &str) -> usize {
    text.chars()
        .take_while(|c| matches!(c, '"' | '\'' | ')' | '”' | '’' | '»'))
        .map(char::len_utf8)
        .sum()
}

/// Whether the word before a full stop is an abbreviation or an initial
/// ("Mr.", "J."), after which a sentence goes on.
fn abbreviation_before(text: &str) -> bool {
    let word = text
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let mut chars = word.chars();
    let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    initial || crate::analysis::is_abbreviation(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_of_news_apis_come_off() {
        let cases = [
            (
                "He said the pier would … [+352 chars]",
                "He said the pier would",
            ),
            (
                "He said the pier would... [1234 chars]",
                "He said the pier would",
            ),
            ("Cut here[+1,024 chars]", "Cut here"),
            ("Cut here… [42 characters]\n", "Cut here"),
            ("A whole one.... [9 chars]", "A whole one."),
        ];
        for (text, want) in cases {
            let mut body = text.to_owned();
            assert!(remove_marker(&mut body), "{text}");
            assert_eq!(body, want);
        }
        for text in [
            "A whole story.",
            "See [1] and [2]",
            "[chars]",
            "[+x chars]",
            "a [+12 words]",
        ] {
            let mut body = text.to_owned();
            assert!(!remove_marker(&mut body), "{text}");
            assert_eq!(body, text);
        }
    }

    #[test]
    fn the_cut_sentence_is_left_out_of_the_analysis() {
        let cases = [
            ("One. Two is cut", "One."),
            (
                "\"We will,\" she said. \"The pier is",
                "\"We will,\" she said.",
            ),
            ("It rose.\" Then Mayor Teresa Ok", "It rose.\""),
            ("Para one.\n\nPara two is cut", "Para one.\n"),
            ("He met Mr. Ruiz and J. Ode who", ""),
            ("No sentence end at all", ""),
            ("Ends whole.", "Ends whole."),
        ];
        for (body, want) in cases {
            assert_eq!(&body[..whole_sentences_end(body)], want, "{body}");
        }
    }
}
