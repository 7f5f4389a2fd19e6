//! HTTP for feeds and pages: one blocking client (ureq, rustls) shared by
//! the fetching threads. Every request has a timeout from connecting to
//! the last byte, follows up to ten redirects, asks for gzip, names
//! byline in its User-Agent, and reads no more of a body than its cap.
//! A feed's validators (`ETag`, `Last-Modified`) are sent back, so that a
//! feed that has not changed costs a `304 Not Modified` and no body.

use super::address;
use super::clock;
use super::error::FetchError;
use super::settings::FetchOptions;
use std::time::Duration;
use ureq::http::{HeaderMap, StatusCode};

/// What a feed's server said last time, to send back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A body that came back, with what is needed to read it and to ask again.
#[derive(Debug)]
pub struct Body {
    pub bytes: Vec<u8>,
    /// The `Content-Type` header's type (`text/html`) and charset.
    pub mime: Option<String>,
    pub charset: Option<String>,
    pub validators: Validators,
    pub status: String,
}

#[derive(Debug)]
pub enum Reply {
    Body(Body),
    NotModified,
}

/// What a request asks for.
pub struct Ask<'a> {
    pub accept: &'a str,
    pub validators: Option<&'a Validators>,
    pub cap: u64,
    /// The setting that sets the cap, for the message.
    pub setting: &'static str,
}

pub const ACCEPT_FEED: &str = "application/rss+xml, application/atom+xml, application/feed+json, \
                               application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";
pub const ACCEPT_PAGE: &str = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

/// The client shared by every fetch of a run.
#[derive(Debug, Clone)]
pub struct Client {
    agent: ureq::Agent,
    timeout: Duration,
}

impl Client {
    pub fn new(options: &FetchOptions) -> Self {
        let timeout = options.settings.timeout;
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .http_status_as_error(false)
            .user_agent(options.user_agent.as_str())
            // Redirects are followed here, each checked.
            .max_redirects(0)
            .max_redirects_will_error(false)
            .build()
            .into();
        Self { agent, timeout }
    }

    /// GETs `url` (an http or https address only), following up to
    /// [`MAX_REDIRECTS`] redirects to http or https addresses.
    pub fn get(&self, url: &str, ask: &Ask<'_>) -> Result<Reply, FetchError> {
        let mut url = address::check(url)?;
        for _ in 0..=MAX_REDIRECTS {
            let response = self.call(&url, ask)?;
            let status = response.status();
            let location = header(response.headers(), "location");
            match location {
                Some(location) if is_redirect(status) => url = redirect(&url, &location)?,
                _ => return self.read(response, ask),
            }
        }
        Err(FetchError::Network(format!(
            "more than {MAX_REDIRECTS} redirects"
        )))
    }

    fn call(
        &self,
        url: &str,
        ask: &Ask<'_>,
    ) -> Result<ureq::http::Response<ureq::Body>, FetchError> {
        let mut request = self.agent.get(url).header("Accept", ask.accept);
        if let Some(validators) = ask.validators {
            if let Some(etag) = &validators.etag {
                request = request.header("If-None-Match", etag.as_str());
            }
            if let Some(since) = &validators.last_modified {
                request = request.header("If-Modified-Since", since.as_str());
            }
        }
        request.call().map_err(|err| self.failed(err))
    }

    /// The body of an answer that is not a redirect.
    fn read(
        &self,
        mut response: ureq::http::Response<ureq::Body>,
        ask: &Ask<'_>,
    ) -> Result<Reply, FetchError> {
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED && ask.validators.is_some() {
            return Ok(Reply::NotModified);
        }
        if !status.is_success() {
            return Err(refused(status, response.headers()));
        }
        let mime = response.body().mime_type().map(str::to_ascii_lowercase);
        let charset = response.body().charset().map(str::to_owned);
        let validators = Validators {
            etag: header(response.headers(), "etag"),
            last_modified: header(response.headers(), "last-modified"),
        };
        let bytes = response
            .body_mut()
            .with_config()
            .limit(ask.cap)
            .read_to_vec()
            .map_err(|err| match err {
                ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge {
                    cap: ask.cap,
                    setting: ask.setting,
                },
                err => self.failed(err),
            })?;
        Ok(Reply::Body(Body {
            bytes,
            mime,
            charset,
            validators,
            status: describe(status),
        }))
    }

    fn failed(&self, err: ureq::Error) -> FetchError {
        let network = FetchError::Network;
        match err {
            ureq::Error::Timeout(_) => FetchError::Timeout(self.timeout.as_secs().max(1)),
            ureq::Error::HostNotFound => network("the host was not found".to_owned()),
            ureq::Error::ConnectionFailed => network("could not connect".to_owned()),
            ureq::Error::Io(err) => network(format!("the connection failed: {err}")),
            err => network(err.to_string()),
        }
    }
}

/// The most redirects followed for one request.
pub const MAX_REDIRECTS: usize = 10;

fn is_redirect(status: StatusCode) -> bool {
    matches!(status.as_u16(), 301 | 302 | 303 | 307 | 308)
}

/// Where a redirect from `from` to `location` goes: an http or https
/// address, or an error naming where it wanted to go.
fn redirect(from: &str, location: &str) -> Result<String, FetchError> {
    let to = url::Url::parse(from)
        .and_then(|base| base.join(location))
        .map_err(|_| FetchError::Network(format!("a redirect to a bad address: {location}")))?;
    address::check(to.as_str()).map_err(|_| {
        FetchError::Network(format!(
            "redirected to {to}, which is not an http:// or https:// address; not followed"
        ))
    })
}

/// The error for an answer that is not a success: a 429 or 503 with a
/// `Retry-After` says when to ask again.
fn refused(status: StatusCode, headers: &HeaderMap) -> FetchError {
    let wait = matches!(status.as_u16(), 429 | 503)
        .then(|| header(headers, "retry-after"))
        .flatten()
        .and_then(|value| clock::retry_after(&value, clock::now()));
    match wait {
        Some(until) => FetchError::RetryLater {
            status: describe(status),
            until: clock::iso(until),
        },
        None => FetchError::Status(describe(status)),
    }
}

/// `404 Not Found`.
fn describe(status: StatusCode) -> String {
    match status.canonical_reason() {
        Some(reason) => format!("{} {reason}", status.as_u16()),
        None => status.as_u16().to_string(),
    }
}

/// A header's value when it is short visible text (a validator is sent
/// back as it came, so it must be one a request can carry).
fn header(headers: &HeaderMap, name: &str) -> Option<String> {
    let value = headers.get(name)?.to_str().ok()?.trim();
    let fine = !value.is_empty()
        && value.len() <= 1024
        && value.bytes().all(|b| (b' '..=b'~').contains(&b));
    fine.then(|| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirects_resolve_and_only_to_web_addresses() {
        let from = "https://harbour.example/news/feed.xml";
        assert_eq!(
            redirect(from, "rss.xml").unwrap(),
            "https://harbour.example/news/rss.xml"
        );
        assert_eq!(
            redirect(from, "/feed").unwrap(),
            "https://harbour.example/feed"
        );
        assert_eq!(
            redirect(from, "//cdn.example/f").unwrap(),
            "https://cdn.example/f"
        );
        assert_eq!(
            redirect(from, "http://other.example/").unwrap(),
            "http://other.example/"
        );
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "data:text/xml,<rss/>",
            "ftp://x/",
        ] {
            let err = redirect(from, bad).unwrap_err().to_string();
            assert!(err.contains("not followed"), "{bad}: {err}");
        }
    }
}
