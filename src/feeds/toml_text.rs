//! Writing the subscriptions file by hand: TOML basic strings with every
//! character TOML forbids in them escaped, and one `[[feed]]` table per
//! subscription. (The `toml` crate is built with its parser only.)

use super::Subscription;
use std::fmt::Write as _;

/// `text` as a TOML basic string: quotes and backslashes escaped, control
/// characters (which TOML does not allow raw) as escapes.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c.is_control() && u32::from(c) < 0x80 => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One subscription's table, ending with a newline.
pub fn table(feed: &Subscription) -> String {
    let mut out = format!("[[feed]]\nurl = {}\n", string(&feed.url));
    if let Some(name) = &feed.name {
        let _ = writeln!(out, "name = {}", string(name));
    }
    if feed.full_text {
        out.push_str("full_text = true\n");
    }
    if !feed.tags.is_empty() {
        let tags: Vec<String> = feed.tags.iter().map(|t| string(t)).collect();
        let _ = writeln!(out, "tags = [{}]", tags.join(", "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml::de::DeTable;

    fn read_back(text: &str) -> String {
        let source = format!("x = {text}");
        let doc = DeTable::parse(&source).unwrap();
        doc.get_ref()["x"].get_ref().as_str().unwrap().to_owned()
    }

    #[test]
    fn every_string_reads_back_as_written() {
        for text in [
            "",
            "plain",
            "quote \" and backslash \\",
            "lines\nand\ttabs\r",
            "\u{0}\u{1}\u{1b}[31m\u{7f}",
            "Léman Courier · ☕ 😀",
            "''' \"\"\" #not a comment",
        ] {
            assert_eq!(read_back(&string(text)), text, "{text:?}");
        }
    }

    #[test]
    fn a_table_has_only_what_is_set() {
        let feed = Subscription {
            url: "https://harbour.example/feed".into(),
            name: Some("Harbour \"Gazette\"".into()),
            full_text: true,
            tags: vec!["local".into(), "sea".into()],
        };
        assert_eq!(
            table(&feed),
            "[[feed]]\nurl = \"https://harbour.example/feed\"\nname = \"Harbour \\\"Gazette\\\"\"\n\
             full_text = true\ntags = [\"local\", \"sea\"]\n"
        );
        let plain = Subscription::new("https://a.example/rss".into());
        assert_eq!(table(&plain), "[[feed]]\nurl = \"https://a.example/rss\"\n");
    }
}
