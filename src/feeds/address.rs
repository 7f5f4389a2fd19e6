//! Web addresses: byline opens `http://` and `https://` ones only. A
//! feed's own links are hostile input; a `file:`, `javascript:` or `data:`
//! link must never be fetched, opened or followed.

/// Why an address is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AddressError {
    #[error("`{0}` is not an http:// or https:// address; byline fetches only those")]
    NotHttp(String),
    #[error(
        "`{0}` is not a web address byline can read (no host, or characters an address cannot hold)"
    )]
    Malformed(String),
}

/// The address, trimmed, when it is an `http` or `https` address with a
/// host that an HTTP request can be made to.
pub fn check(text: &str) -> Result<String, AddressError> {
    let text = text.trim();
    let shown = || crate::article::sanitize::clean_line(text);
    if !is_http(text) {
        return Err(AddressError::NotHttp(shown()));
    }
    let uri: ureq::http::Uri = text.parse().map_err(|_| AddressError::Malformed(shown()))?;
    if uri.host().is_none_or(str::is_empty) {
        return Err(AddressError::Malformed(shown()));
    }
    Ok(text.to_owned())
}

/// True when `text` starts with `http://` or `https://` (in any case).
pub fn is_http(text: &str) -> bool {
    let lower = |n: usize| text.get(..n).map(str::to_ascii_lowercase);
    lower(7).as_deref() == Some("http://") || lower(8).as_deref() == Some("https://")
}

/// The host of an address: after the scheme, before the path, without
/// the user or the port.
pub fn host(url: &str) -> Option<&str> {
    let rest = &url[url.find("://")? + 3..];
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = if host.starts_with('[') {
        host.split_inclusive(']').next()?
    } else {
        host.split(':').next()?
    };
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_with_a_host() {
        assert_eq!(
            check(" https://harbour.example/feed.xml ").unwrap(),
            "https://harbour.example/feed.xml"
        );
        assert!(check("HTTP://harbour.example/rss").is_ok());
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "data:text/html,x",
            "ftp://a/b",
            "harbour.example/feed",
        ] {
            assert!(matches!(check(bad), Err(AddressError::NotHttp(_))), "{bad}");
        }
        for bad in ["http://", "https:///path", "http://a b/c"] {
            assert!(
                matches!(check(bad), Err(AddressError::Malformed(_))),
                "{bad}"
            );
        }
        let message = check("file:///etc/passwd").unwrap_err().to_string();
        assert!(
            message.contains("not an http:// or https:// address"),
            "{message}"
        );
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host("https://ann@Harbour.example:8080/x?y#z"),
            Some("Harbour.example")
        );
        assert_eq!(host("http://[::1]:80/x"), Some("[::1]"));
        assert_eq!(host("http://127.0.0.1:5000"), Some("127.0.0.1"));
        assert_eq!(host("no address"), None);
    }
}
