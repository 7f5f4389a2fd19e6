//! Importing subscriptions from another reader: an OPML file (OPML 1 or
//! 2), or newsboat's `urls` file, told apart by their content.

use super::{Subscription, address, opml, urls};

/// The feeds of a file to import, and the problems met reading it, each
/// as (line, message).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Imported {
    pub feeds: Vec<Subscription>,
    pub problems: Vec<(usize, String)>,
}

impl Imported {
    /// Adds a feed read at `line`, its address checked; one whose address
    /// is not http(s) is a problem, and one listed twice counts once.
    pub(super) fn add(&mut self, mut feed: Subscription, line: usize) {
        match address::check(&feed.url) {
            Ok(url) if self.feeds.iter().any(|f| f.url == url) => {}
            Ok(url) => {
                feed.url = url;
                self.feeds.push(feed);
            }
            Err(err) => self.problems.push((line, format!("{err}; not imported"))),
        }
    }
}

/// The feeds of an OPML file (it starts with `<`) or a newsboat `urls`
/// file (anything else), in any encoding an XML file can declare.
pub fn import(bytes: &[u8]) -> Imported {
    let text = super::charset::decode_xml(bytes, None);
    if text.trim_start().starts_with('<') {
        opml::read(&text)
    } else {
        urls::read(&text)
    }
}
