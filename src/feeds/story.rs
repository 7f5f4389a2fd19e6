//! A fetched story as it is written to its feed's JSON Lines file: byline's
//! own article format (what `byline::article::load` reads), plus a `fetch`
//! record of byline's own that the loader passes over: the item's key in
//! its feed, a hash of what the feed said of it, and when it was first
//! fetched.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Story {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    #[serde(default)]
    pub body: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<StoryImage>,
    pub fetch: Mark,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryImage {
    pub caption: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
}

/// byline's own record of a fetched story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// The item's guid in its feed, else its link: what makes it the same
    /// story from one fetch to the next.
    pub key: String,
    /// A hash of what the feed said of the item: a new one is a change.
    pub hash: String,
    /// When it was first fetched (ISO 8601, UTC).
    pub seen: String,
    /// The body is the story's web page's article (its subtitle the
    /// feed's summary).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub full_text: bool,
}

impl From<crate::article::Image> for StoryImage {
    fn from(image: crate::article::Image) -> Self {
        Self {
            caption: image.caption,
            credit: image.credit,
        }
    }
}
