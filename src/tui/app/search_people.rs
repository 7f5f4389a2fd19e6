//! `@name` in a search: the list narrows to stories quoting that person,
//! any form of their name, case and accents aside (`/@zelenski`), and
//! combines with words (`/nato @stoltenberg`). A name of several words
//! is quoted (`/@"jens stoltenberg"`). Who the names name comes
//! from the speaker index, looked up again when a newer copy arrives.

use super::App;
use super::search::Search;
use crate::index::{Position, SpeakerId};

/// The people a search names and the stories quoting them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quoting {
    pub names: Vec<String>,
    pub people: Vec<SpeakerId>,
    /// Article indices, ascending.
    pub stories: Vec<usize>,
}

impl Search {
    /// Whether the story at `article` quotes the people the search names
    /// (every story, when it names nobody).
    pub fn admits(&self, article: usize) -> bool {
        self.quoting
            .as_ref()
            .is_none_or(|q| q.stories.binary_search(&article).is_ok())
    }
}

impl App {
    /// The stories quoting anyone `names` names; none before the index
    /// has arrived.
    pub(super) fn quoting(&self, names: Vec<String>) -> Quoting {
        let Some(index) = &self.index else {
            return Quoting {
                names,
                people: Vec::new(),
                stories: Vec::new(),
            };
        };
        // A name as the index knows it, else part of one (`@castell`).
        let mut people: Vec<SpeakerId> = names
            .iter()
            .flat_map(|n| match index.find(n) {
                found if found.is_empty() => index.find_part(n),
                found => found,
            })
            .collect();
        people.sort_unstable();
        people.dedup();
        let mut stories: Vec<usize> = people.iter().flat_map(|&id| index.stories_of(id)).collect();
        stories.sort_unstable();
        stories.dedup();
        Quoting {
            names,
            people,
            stories,
        }
    }

    /// A newer index may know more stories quoting the people searched for.
    pub(super) fn index_changed(&mut self) {
        let Some(search) = &self.search else { return };
        let Some(quoting) = &search.quoting else {
            return;
        };
        let fresh = self.quoting(quoting.names.clone());
        if fresh.stories != quoting.stories {
            let (query, open_first) = (search.query.clone(), search.open_first);
            self.set_query(&query);
            if let Some(search) = &mut self.search {
                search.open_first = open_first;
            }
        }
    }

    /// `Enter` on a search that only names people: the open story at the
    /// first quote by them, who `}`/`{` then follow.
    pub(super) fn first_quote_by_named(&mut self) {
        let (Some(index), Some(open)) = (&self.index, &self.open) else {
            return;
        };
        let people = self
            .search
            .as_ref()
            .and_then(|s| s.quoting.as_ref())
            .map(|q| q.people.clone())
            .unwrap_or_default();
        let article = open.article;
        let start = Position { article, offset: 0 };
        let first = people
            .iter()
            .filter_map(|&id| Some((index.next_quote(id, start)?, id)))
            .filter(|(said, _)| said.article == article)
            .min_by_key(|(said, _)| said.span.start);
        if let Some((said, id)) = first {
            let offset = said.span.start;
            self.following = Some(id);
            self.go_to_quote_at(article, offset);
        }
    }
}
