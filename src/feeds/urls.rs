//! newsboat's `urls` file: a feed a line, its address first, then its
//! tags, a tag `"~Name"` naming it; `#` starts a comment. newsboat's query,
//! `exec:` and `filter:` feeds are no addresses byline can fetch: each is a
//! problem naming its line.

use super::Subscription;
use super::import::Imported;
use crate::article::sanitize::clean_line;

pub fn read(text: &str) -> Imported {
    let mut imported = Imported::default();
    for (n, line) in text.lines().enumerate() {
        let line_number = n + 1;
        let words = words(line);
        let Some((url, rest)) = words.split_first() else {
            continue;
        };
        let kind = url.split(':').next().unwrap_or("");
        if matches!(kind, "query" | "exec" | "filter") {
            imported.problems.push((
                line_number,
                format!("newsboat's {kind}: feeds are not fetched by byline; not imported"),
            ));
            continue;
        }
        let mut feed = Subscription::new(url.clone());
        for word in rest {
            if let Some(name) = word.strip_prefix('~') {
                feed.name = Some(clean_line(name)).filter(|n| !n.is_empty());
            } else if word != "!" && !feed.tags.contains(word) {
                feed.tags.push(clean_line(word));
            }
        }
        imported.add(feed, line_number);
    }
    imported
}

/// The words of a line: split at white space, a word in double quotes
/// (with `\"` and `\\` in it) kept whole, and nothing from a `#` outside
/// quotes to the end.
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '#' {
            break;
        } else if c == '"' {
            chars.next();
            let mut word = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '"' => break,
                    '\\' => word.extend(chars.next()),
                    c => word.push(c),
                }
            }
            words.push(word);
        } else {
            let mut word = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                word.push(c);
                chars.next();
            }
            words.push(word);
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_tags_and_names() {
        let text = "# my feeds\n\
                    https://harbour.example/rss local \"sea and ships\" \"~Harbour \\\"Gazette\\\"\"\n\
                    \n\
                    https://b.example/atom   # a comment\n\
                    \"query:Unread:unread = \\\"yes\\\"\"\n\
                    exec:~/bin/feed.sh\n\
                    file:///etc/passwd tag\n";
        let got = read(text);
        assert_eq!(got.feeds.len(), 2);
        let harbour = &got.feeds[0];
        assert_eq!(harbour.url, "https://harbour.example/rss");
        assert_eq!(harbour.name.as_deref(), Some("Harbour \"Gazette\""));
        assert_eq!(harbour.tags, ["local", "sea and ships"]);
        assert_eq!(got.feeds[1].url, "https://b.example/atom");
        let lines: Vec<usize> = got.problems.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [5, 6, 7], "{:?}", got.problems);
    }
}
