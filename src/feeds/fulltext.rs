//! Full text: a story's web page, fetched once and cached, and its
//! article found by readability (`dom_smoothie`): the paragraphs of the
//! story, not the navigation, the cookie banner, the related links or the
//! footer. The article's HTML is then converted as any body is. Only
//! `http` and `https` pages are ever fetched.

use super::address;
use super::charset;
use super::http::{ACCEPT_PAGE, Ask, Client, Reply};
use super::names::page_file;
use super::{FetchError, FetchOptions};
use crate::article::Image;
use crate::article::html::to_text;
use crate::article::sanitize::clean_line;

/// A story's article, from its web page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FullText {
    /// The article's text, paragraphs separated by a blank line.
    pub body: String,
    /// Its photos' captions.
    pub images: Vec<Image>,
    /// The page's title for the article, when it has one.
    pub title: Option<String>,
}

/// The article on the page at `url` (an http or https address), from the
/// cache when the page was fetched before. Blocks for at most the timeout
/// of the settings; call it off the thread that draws.
pub fn full_text(url: &str, options: &FetchOptions) -> Result<FullText, FetchError> {
    full_text_with(&Client::new(options), url, options)
}

pub(super) fn full_text_with(
    client: &Client,
    url: &str,
    options: &FetchOptions,
) -> Result<FullText, FetchError> {
    let url = address::check(url)?;
    let html = page(client, &url, options)?;
    extract(&html, &url)
}

/// The page's HTML as UTF-8: from the cache, else fetched and cached.
fn page(client: &Client, url: &str, options: &FetchOptions) -> Result<String, FetchError> {
    let cached = options.folders.pages.join(page_file(url));
    if let Ok(html) = std::fs::read_to_string(&cached) {
        return Ok(html);
    }
    let ask = Ask {
        accept: ACCEPT_PAGE,
        validators: None,
        cap: options.settings.max_page_size,
        setting: "max_page_size",
    };
    let Reply::Body(body) = client.get(url, &ask)? else {
        return Err(FetchError::Status("304 Not Modified".to_owned()));
    };
    if let Some(mime) = body.mime.as_deref().filter(|m| !is_page(m)) {
        let mime = clean_line(mime);
        return Err(FetchError::Network(format!("not a web page ({mime})")));
    }
    let html = charset::decode_html(&body.bytes, body.charset.as_deref());
    // The cache saves a fetch next time; a page not cached is no failure.
    if std::fs::create_dir_all(&options.folders.pages).is_ok() {
        let _ = crate::state::atomic::write(&cached, html.as_bytes());
    }
    Ok(html)
}

fn is_page(mime: &str) -> bool {
    matches!(mime, "text/html" | "application/xhtml+xml" | "text/plain")
}

/// The article of a page, converted to text.
pub(super) fn extract(html: &str, url: &str) -> Result<FullText, FetchError> {
    // Classes kept: a caption's credit is told by its class.
    let config = dom_smoothie::Config {
        keep_classes: true,
        ..dom_smoothie::Config::default()
    };
    let mut readability = dom_smoothie::Readability::new(html, Some(url), Some(config))
        .map_err(|_| FetchError::NoArticle)?;
    let article = readability.parse().map_err(|_| FetchError::NoArticle)?;
    let converted = to_text(&article.content);
    if converted.text.trim().is_empty() {
        return Err(FetchError::NoArticle);
    }
    Ok(FullText {
        body: converted.text,
        images: converted.images,
        title: Some(clean_line(&article.title)).filter(|t| !t.is_empty()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_without_the_clutter() {
        let page = include_str!("../../tests/fixtures/feeds/page-pier.html");
        let got = extract(page, "https://harbour.example/news/pier").unwrap();
        assert!(
            got.body
                .contains("“We will rebuild the pier,” said Mayor Teresa Okafor."),
            "{}",
            got.body
        );
        for clutter in [
            "Accept cookies",
            "Subscribe",
            "Related",
            "All rights reserved",
            "Home",
        ] {
            assert!(!got.body.contains(clutter), "{clutter} in {}", got.body);
        }
        assert_eq!(got.images.len(), 1, "{:?}", got.images);
        assert_eq!(got.images[0].caption, "The pier after the storm of 2024");
        assert_eq!(got.images[0].credit.as_deref(), Some("Photo: Bo Chan"));
    }

    #[test]
    fn a_page_with_no_article() {
        assert_eq!(
            extract("<html><body></body></html>", "https://a.example/"),
            Err(FetchError::NoArticle)
        );
    }
}
