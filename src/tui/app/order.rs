//! The order of the story list: newest first by default; by source (then
//! newest first); unread first (then newest first); or as the files hold
//! them. Rows map to stories and stories to rows both ways, so a list
//! position is found in constant time, and the lists narrowed by a filter
//! or a search keep this order (found by bisection on the rank).
//!
//! Stories that arrive while loading are sorted among themselves and
//! merged in, so a batch costs its own sort and one pass over the list,
//! and the stories already listed keep their order between them.

use crate::article::Article;
pub use crate::config::SortBy;
use std::cmp::Ordering;
use std::sync::Arc;

/// The list's order: row → story and story → row.
#[derive(Debug, Clone, Default)]
pub struct Order {
    pub by: SortBy,
    rows: Vec<usize>,
    rank: Vec<usize>,
    /// The highest story index in `rows[..=row]`, for each row: a search,
    /// which scans stories in the order they came, is sure of its first
    /// hit once it has scanned every story up to it in the list.
    highest: Vec<usize>,
}

impl Order {
    pub fn new(by: SortBy) -> Order {
        Order {
            by,
            ..Order::default()
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The story at a row of the whole list.
    pub fn story_at(&self, row: usize) -> Option<usize> {
        self.rows.get(row).copied()
    }

    /// The row of a story in the whole list.
    pub fn row_of(&self, story: usize) -> Option<usize> {
        self.rank.get(story).copied()
    }

    /// Where `story` is, or would go, in `list` (stories in this order).
    pub fn search(&self, list: &[usize], story: usize) -> Result<usize, usize> {
        let rank = self.row_of(story).unwrap_or(usize::MAX);
        list.binary_search_by_key(&rank, |&s| self.row_of(s).unwrap_or(usize::MAX))
    }

    /// Puts `list` (stories) in this order.
    pub fn arrange(&self, list: &mut [usize]) {
        list.sort_unstable_by_key(|&s| self.row_of(s).unwrap_or(usize::MAX));
    }

    /// Stories `first..articles.len()` join the list, each in its place.
    pub fn add(&mut self, articles: &[Arc<Article>], first: usize, read: &dyn Fn(usize) -> bool) {
        let mut fresh: Vec<usize> = (first..articles.len()).collect();
        let by = self.by;
        let cmp = |&a: &usize, &b: &usize| compare(by, articles, read, a, b);
        fresh.sort_by(cmp);
        let old = std::mem::take(&mut self.rows);
        self.rows.reserve(old.len() + fresh.len());
        let (mut i, mut j) = (0, 0);
        while i < old.len() && j < fresh.len() {
            if cmp(&fresh[j], &old[i]) == Ordering::Less {
                self.rows.push(fresh[j]);
                j += 1;
            } else {
                self.rows.push(old[i]);
                i += 1;
            }
        }
        self.rows.extend_from_slice(&old[i..]);
        self.rows.extend_from_slice(&fresh[j..]);
        self.rank_all(articles.len());
    }

    /// Sorts every story again, by `by`.
    pub fn sort(&mut self, by: SortBy, articles: &[Arc<Article>], read: &dyn Fn(usize) -> bool) {
        self.by = by;
        self.rows = (0..articles.len()).collect();
        self.rows
            .sort_by(|&a, &b| compare(by, articles, read, a, b));
        self.rank_all(articles.len());
    }

    /// The highest story index among the rows up to `row`.
    pub fn newest_story_to(&self, row: usize) -> usize {
        self.highest.get(row).copied().unwrap_or(usize::MAX)
    }

    fn rank_all(&mut self, stories: usize) {
        self.rank.resize(stories, 0);
        self.highest.clear();
        let mut highest = 0;
        for (row, &story) in self.rows.iter().enumerate() {
            self.rank[story] = row;
            highest = highest.max(story);
            self.highest.push(highest);
        }
    }
}

/// Newest first, undated last; ties (and the file order) by position in
/// the library.
fn compare(
    by: SortBy,
    articles: &[Arc<Article>],
    read: &dyn Fn(usize) -> bool,
    a: usize,
    b: usize,
) -> Ordering {
    let newest = || newest_first(&articles[a], &articles[b]);
    let order = match by {
        SortBy::Date => newest(),
        SortBy::Source => by_source(&articles[a], &articles[b]).then_with(newest),
        SortBy::Unread => read(a).cmp(&read(b)).then_with(newest),
        SortBy::File => Ordering::Equal,
    };
    order.then(a.cmp(&b))
}

fn newest_first(a: &Article, b: &Article) -> Ordering {
    // The day, then the time as written (ISO 8601 sorts as text): no
    // allocation, as this runs for every comparison of a sort.
    fn when(x: &Article) -> Option<(crate::article::Date, Option<&str>)> {
        x.date().map(|day| (day, x.published.as_deref()))
    }
    match (when(a), when(b)) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// By source name, any case; stories with no source last.
fn by_source(a: &Article, b: &Article) -> Ordering {
    match (&a.source, &b.source) {
        (Some(x), Some(y)) => x
            .chars()
            .flat_map(char::to_lowercase)
            .cmp(y.chars().flat_map(char::to_lowercase)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::fixture;

    fn dated(id: &str, date: Option<&str>, source: &str) -> Arc<Article> {
        let mut article = fixture::stories().remove(0).0;
        article.id = id.into();
        article.published = date.map(str::to_owned);
        article.source = Some(source.into());
        Arc::new(article)
    }

    fn ids(order: &Order, articles: &[Arc<Article>]) -> Vec<String> {
        (0..order.len())
            .map(|row| articles[order.story_at(row).unwrap()].id.clone())
            .collect()
    }

    #[test]
    fn newest_first_by_source_unread_first_and_as_filed() {
        let articles = vec![
            dated("a", Some("2026-01-02"), "Wire"),
            dated("b", None, "Courier"),
            dated("c", Some("2026-03-01T10:00:00Z"), "courier"),
            dated("d", Some("2026-03-01T09:00:00Z"), "Wire"),
        ];
        let read = |i: usize| i == 2;
        let mut order = Order::default();
        order.sort(SortBy::Date, &articles, &read);
        assert_eq!(ids(&order, &articles), ["c", "d", "a", "b"]);
        order.sort(SortBy::Source, &articles, &read);
        assert_eq!(ids(&order, &articles), ["c", "b", "d", "a"]);
        order.sort(SortBy::Unread, &articles, &read);
        assert_eq!(ids(&order, &articles), ["d", "a", "b", "c"]);
        order.sort(SortBy::File, &articles, &read);
        assert_eq!(ids(&order, &articles), ["a", "b", "c", "d"]);
        assert_eq!(order.row_of(2), Some(2));
    }

    #[test]
    fn stories_arriving_in_batches_are_merged_in_their_place() {
        let all = vec![
            dated("a", Some("2026-01-02"), "W"),
            dated("b", Some("2026-01-05"), "W"),
            dated("c", Some("2026-01-03"), "W"),
            dated("d", Some("2026-01-09"), "W"),
        ];
        let read = |_: usize| false;
        let mut order = Order::default();
        order.add(&all[..2], 0, &read);
        order.add(&all, 2, &read);
        assert_eq!(ids(&order, &all), ["d", "b", "c", "a"]);
        let mut list = vec![0, 3, 2];
        order.arrange(&mut list);
        assert_eq!(list, [3, 2, 0]);
        assert_eq!(order.search(&list, 2), Ok(1));
        assert_eq!(order.search(&list, 1), Err(1));
    }
}
