//! Text in any encoding, as UTF-8. The charset of the `Content-Type`
//! header wins (as RFC 7303 says for XML), then a byte order mark, then
//! what the document says of itself: the XML declaration, or an HTML
//! page's `<meta charset>`; else UTF-8. Bytes that are not in the
//! encoding become U+FFFD. An XML declaration is rewritten to say UTF-8,
//! so that the feed parser does not decode the text a second time.

use encoding_rs::{Encoding, UTF_8};

/// An XML (or JSON) document as UTF-8 text.
pub fn decode_xml(bytes: &[u8], charset: Option<&str>) -> String {
    let encoding = known(charset)
        .or_else(|| known(xml_declared(bytes)))
        .unwrap_or(UTF_8);
    let (text, _, _) = encoding.decode(bytes);
    let text = text.into_owned();
    match text.strip_prefix("<?xml").and_then(|rest| rest.find("?>")) {
        Some(end) => format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>{}",
            &text[5 + end + 2..]
        ),
        None => text,
    }
}

/// An HTML page as UTF-8 text.
pub fn decode_html(bytes: &[u8], charset: Option<&str>) -> String {
    let encoding = known(charset)
        .or_else(|| known(meta_charset(bytes).as_deref()))
        .unwrap_or(UTF_8);
    encoding.decode(bytes).0.into_owned()
}

fn known(label: Option<&str>) -> Option<&'static Encoding> {
    Encoding::for_label(label?.trim().as_bytes())
}

/// The `encoding` of an XML declaration at the start of `bytes`.
fn xml_declared(bytes: &[u8]) -> Option<&str> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let head = bytes.strip_prefix(b"<?xml")?;
    let head = &head[..head.len().min(256)];
    let decl = &head[..memchr::memmem::find(head, b"?>")?];
    let at = memchr::memmem::find(decl, b"encoding")?;
    let rest = std::str::from_utf8(&decl[at + 8..]).ok()?.trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|&c| c == '"' || c == '\'')?;
    rest[1..].split(quote).next()
}

/// The charset an HTML page names in its first kilobyte
/// (`<meta charset="…">` or `<meta http-equiv … content="…; charset=…">`).
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let at = head.find("<meta")?;
    let rest = &head[at..];
    let rest = &rest[rest.find("charset")? + 7..];
    let rest = rest.trim_start().strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    (end > 0).then(|| rest[..end].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_declaration_decides_and_then_says_utf8() {
        let latin1 = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>Z\xfcrich</rss>";
        assert_eq!(
            decode_xml(latin1, None),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss>Zürich</rss>"
        );
    }

    #[test]
    fn the_header_wins_over_the_declaration() {
        let bytes = b"<?xml version='1.0' encoding='utf-8'?><rss>Z\xfcrich</rss>";
        assert!(decode_xml(bytes, Some("iso-8859-1")).ends_with("<rss>Zürich</rss>"));
        assert!(decode_xml(b"<rss>Z\xfcrich</rss>", Some("latin1")).contains("Zürich"));
    }

    #[test]
    fn utf8_by_default_and_bad_bytes_replaced() {
        assert_eq!(
            decode_xml("<rss>Zürich</rss>".as_bytes(), None),
            "<rss>Zürich</rss>"
        );
        assert_eq!(
            decode_xml(b"<rss>\xff</rss>", Some("no-such-charset")),
            "<rss>\u{fffd}</rss>"
        );
        assert_eq!(decode_xml(b"\xef\xbb\xbf{\"a\":1}", None), "{\"a\":1}");
    }

    #[test]
    fn pages_by_header_then_meta() {
        let page =
            b"<html><head><meta charset=\"windows-1252\"></head><p>caf\xe9 \x93quoted\x94</p>";
        assert!(decode_html(page, None).contains("café “quoted”"));
        let page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>\xe9";
        assert!(decode_html(page, None).ends_with("<p>é"));
        assert!(decode_html("<p>é".as_bytes(), Some("utf-8")).ends_with('é'));
    }
}
