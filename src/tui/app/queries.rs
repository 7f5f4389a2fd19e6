//! What the screen asks of the state: the list's rows, the open story, the
//! panes' sizes. Reads only.

use super::{App, layout};
use crate::article::Article;
use crate::state::Filter;
use crate::tui::story::Story;

impl App {
    /// The number of rows in the list (all stories, or those the search
    /// and the read/starred filter keep).
    pub fn list_len(&self) -> usize {
        self.rows().map_or(self.order.len(), <[usize]>::len)
    }

    /// The article at list row `row`.
    pub fn list_item(&self, row: usize) -> Option<usize> {
        match self.rows() {
            Some(rows) => rows.get(row).copied(),
            None => self.order.story_at(row),
        }
    }

    /// The list row of `article`, if it is listed. A narrowed list is in
    /// the list's order, so this is a binary search on the rank.
    pub fn list_row(&self, article: usize) -> Option<usize> {
        match self.rows() {
            Some(rows) => self.order.search(rows, article).ok(),
            None => self.order.row_of(article),
        }
    }

    /// The listed articles, in the list's order, unless every story is
    /// listed.
    pub(super) fn rows(&self) -> Option<&[usize]> {
        match (&self.search, self.reading.filter) {
            (None, Filter::All) => None,
            (Some(search), Filter::All) => Some(&search.hits),
            (None, _) => Some(&self.reading.listed),
            (Some(_), _) => Some(&self.reading.combined),
        }
    }

    pub fn selected_row(&self) -> Option<usize> {
        self.selected.and_then(|a| self.list_row(a))
    }

    /// The open story's analysis, once it has arrived.
    pub fn story(&self) -> Option<&Story> {
        self.open.as_ref().and_then(|o| o.story.as_ref())
    }

    /// The open article.
    pub fn open_article(&self) -> Option<&Article> {
        self.open
            .as_ref()
            .map(|o| &*self.library.articles[o.article])
    }

    /// Whether the sidebar is on at the current width.
    pub fn sidebar_shown(&self) -> bool {
        if self.size.0 >= layout::ROOMY {
            self.sidebar_wide
        } else {
            self.sidebar_narrow
        }
    }

    /// Rows of the body text area.
    pub fn body_height(&self) -> usize {
        let pane = self.body_pane();
        usize::from(layout::text_area(pane).height).max(1)
    }

    /// The story's pane, full screen when zoomed.
    pub fn body_pane(&self) -> ratatui::layout::Rect {
        if self.zoomed {
            return layout::zoomed(self.size.0, self.size.1)
                .body
                .unwrap_or_default();
        }
        layout::body_pane(self.size.0, self.size.1, self.sidebar_shown())
    }

    /// Columns of text in the body pane.
    pub fn body_width(&self) -> usize {
        let pane = self.body_pane();
        usize::from(layout::text_area(pane).width).max(1)
    }

    /// Stories that fit in the list panel (two lines each).
    pub fn list_rows(&self) -> usize {
        let height = self.areas.list.map_or_else(
            || usize::from(self.size.1.saturating_sub(4)),
            |r| usize::from(r.height.saturating_sub(2)),
        );
        (height / 2).max(1)
    }
}
