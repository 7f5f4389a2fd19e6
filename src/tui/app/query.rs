//! What a search query asks for: words to find, `@names` of people who
//! must be quoted, and `source:` for one source's stories alone.

/// A query taken apart.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The words to find, as typed, separated by single spaces.
    pub words: String,
    /// People named with `@name` or `@"two words"`.
    pub names: Vec<String>,
    /// `source:name` or `source:"two words"`: that source's stories only.
    pub source: Option<String>,
}

/// `"nato @stoltenberg"` → words `nato`, names `stoltenberg`;
/// `@"jens stoltenberg"` names one person by two words (the closing quote
/// may be still to type); `source:"Capital Wire"` keeps one source. A lone
/// `@` or `source:` is neither.
pub fn parse_query(query: &str) -> Query {
    let mut phrases: Vec<String> = Vec::new();
    let mut parsed = Query::default();
    let mut rest = query.trim_start();
    while !rest.is_empty() {
        rest = if let Some(after) = rest.strip_prefix('@') {
            let (name, after) = term(after);
            if !name.is_empty() {
                parsed.names.push(name);
            }
            after
        } else if let Some(after) = strip_prefix_ignoring_case(rest, "source:") {
            let (name, after) = term(after);
            if !name.is_empty() {
                parsed.source = Some(name);
            }
            after
        } else if rest.starts_with('"') {
            // A phrase in quotation marks is its words: the words are
            // found as a phrase anyway.
            let (phrase, after) = term(rest);
            if !phrase.is_empty() {
                phrases.push(phrase);
            }
            after
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            phrases.push(rest[..end].to_owned());
            &rest[end..]
        }
        .trim_start();
    }
    parsed.words = phrases.join(" ");
    parsed
}

/// A quoted run of words (`"two words"`, the closing quote optional) or
/// one word, with what follows it.
fn term(text: &str) -> (String, &str) {
    if let Some(quoted) = text.strip_prefix('"') {
        let end = quoted.find('"').unwrap_or(quoted.len());
        let words: Vec<&str> = quoted[..end].split_whitespace().collect();
        (words.join(" "), quoted.get(end + 1..).unwrap_or(""))
    } else {
        let end = text.find(char::is_whitespace).unwrap_or(text.len());
        (text[..end].to_owned(), &text[end..])
    }
}

fn strip_prefix_ignoring_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

#[cfg(test)]
mod tests {
    use super::parse_query;

    #[test]
    fn words_and_names_part() {
        for (query, words, names) in [
            ("nato", "nato", &[][..]),
            ("@stoltenberg", "", &["stoltenberg"][..]),
            ("nato @stoltenberg", "nato", &["stoltenberg"]),
            ("@zelenski nato  support", "nato support", &["zelenski"]),
            ("@ nato", "nato", &[]),
            ("@\"jens  stoltenberg\" nato", "nato", &["jens stoltenberg"]),
            ("nato @\"jens stolt", "nato", &["jens stolt"]),
            ("@\"\" nato @\"", "nato", &[]),
            ("\"river cuts\"", "river cuts", &[]),
            ("\"river  cuts", "river cuts", &[]),
            ("@\"jens\"stoltenberg", "stoltenberg", &["jens"]),
        ] {
            let parsed = parse_query(query);
            assert_eq!(parsed.words, words, "{query}");
            assert_eq!(parsed.names, names, "{query}");
            assert_eq!(parsed.source, None, "{query}");
        }
    }

    #[test]
    fn a_source_keeps_its_stories() {
        let parsed = parse_query("source:\"Capital  Wire\" strike");
        assert_eq!(parsed.source.as_deref(), Some("Capital Wire"));
        assert_eq!(parsed.words, "strike");
        assert_eq!(
            parse_query("Source:Gazette").source.as_deref(),
            Some("Gazette")
        );
        assert_eq!(parse_query("source: nato").source, None, "a lone source:");
        assert_eq!(parse_query("source: nato").words, "nato");
    }
}
