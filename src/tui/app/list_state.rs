//! Where a panel is in what it lists: the row selected and the first row
//! shown, as ratatui's `ListState` keeps them, with the arithmetic every
//! panel shares (move, scroll, keep the selection in view). Each panel owns
//! one; drawing only reads it.

/// A list's selected row and the first row on screen.
///
/// Lists with a selection move it ([`ListState::move_by`]) and are kept in
/// view by [`ListState::settle`]. Views with nothing to select (a story's
/// text, the help, the problems) use the offset alone
/// ([`ListState::scroll_by`], [`ListState::clamp`]), and so does the story
/// list, which selects a story rather than a row so that the story stays
/// selected as the list changes under it ([`ListState::reveal`]).
///
/// A view shows at least one row: a height of 0 counts as 1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListState {
    /// The row selected; 0 in an empty list.
    pub selected: usize,
    /// The first row shown.
    pub offset: usize,
}

impl ListState {
    /// Moves the selection by `delta` rows, staying within `len` rows.
    pub fn move_by(&mut self, delta: isize, len: usize) {
        self.selected = step(self.selected, delta, len.saturating_sub(1));
    }

    /// Selects the row `line` rows below the first shown (a click), or
    /// the last row when there are fewer.
    pub fn select_shown(&mut self, line: usize, len: usize) {
        self.selected = self.offset.saturating_add(line).min(len.saturating_sub(1));
    }

    /// Moves the view by `delta` rows, no further than the last page of
    /// `len` rows `height` high.
    pub fn scroll_by(&mut self, delta: isize, len: usize, height: usize) {
        self.offset = step(self.offset, delta, last_page(len, height));
    }

    /// Keeps the selection within `len` rows and on screen, moving the
    /// view as little as it can.
    pub fn settle(&mut self, len: usize, height: usize) {
        self.keep_within(len);
        self.reveal(self.selected, len, height);
    }

    /// Keeps the selection within `len` rows (on row 0 when there are none).
    pub fn keep_within(&mut self, len: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
    }

    /// Moves the view as little as it can to show `row`.
    pub fn reveal(&mut self, row: usize, len: usize, height: usize) {
        let height = height.max(1);
        if row < self.offset {
            self.offset = row;
        } else if row - self.offset >= height {
            // `row` is at least `height` here: no overflow at the very end.
            self.offset = row - (height - 1);
        }
        self.clamp(len, height);
    }

    /// Whether `row` is on screen in a view `height` rows high.
    pub fn shows(&self, row: usize, height: usize) -> bool {
        row >= self.offset && row - self.offset < height.max(1)
    }

    /// Keeps the view from running past the end: no blank rows below the
    /// last when there are rows enough to fill it.
    pub fn clamp(&mut self, len: usize, height: usize) {
        self.offset = self.offset.min(last_page(len, height));
    }
}

/// The offset of the last page of `len` rows `height` high.
fn last_page(len: usize, height: usize) -> usize {
    len.saturating_sub(height.max(1))
}

/// `value` moved by `delta`, kept within `0..=max`.
pub(super) fn step(value: usize, delta: isize, max: usize) -> usize {
    value.saturating_add_signed(delta).min(max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(selected: usize, offset: usize) -> ListState {
        ListState { selected, offset }
    }

    #[test]
    fn moving_stays_within_the_list() {
        let mut list = ListState::default();
        list.move_by(3, 10);
        assert_eq!(list.selected, 3);
        list.move_by(-5, 10);
        assert_eq!(list.selected, 0);
        list.move_by(isize::MAX, 10);
        assert_eq!(list.selected, 9);
        list.move_by(isize::MIN, 10);
        assert_eq!(list.selected, 0);
        list.move_by(1, 0);
        assert_eq!(list.selected, 0, "an empty list selects row 0");
    }

    #[test]
    fn a_click_selects_the_row_under_it_or_the_last() {
        let mut list = at(0, 4);
        list.select_shown(2, 10);
        assert_eq!(list.selected, 6);
        list.select_shown(20, 10);
        assert_eq!(list.selected, 9);
        list.select_shown(usize::MAX, 0);
        assert_eq!(list.selected, 0);
    }

    #[test]
    fn huge_moves_neither_overflow_nor_panic() {
        let mut list = at(usize::MAX, usize::MAX);
        list.move_by(isize::MAX, usize::MAX);
        assert_eq!(list.selected, usize::MAX - 1);
        list.scroll_by(isize::MAX, usize::MAX, 1);
        assert_eq!(list.offset, usize::MAX - 1);
        list.settle(usize::MAX, usize::MAX);
        assert_eq!(list.offset, 0);
        let mut list = at(usize::MAX, 0);
        list.reveal(usize::MAX, usize::MAX, 0);
        assert_eq!(list.offset, usize::MAX - 1);
    }

    #[test]
    fn settling_keeps_the_selection_in_view_with_the_least_scrolling() {
        let mut list = at(7, 0);
        list.settle(20, 5);
        assert_eq!(list, at(7, 3), "down: the selection at the bottom");
        list.selected = 1;
        list.settle(20, 5);
        assert_eq!(list, at(1, 1), "up: the selection at the top");
        list.selected = 4;
        list.settle(20, 5);
        assert_eq!(list, at(4, 1), "in view: nothing moves");
    }

    #[test]
    fn a_shrinking_list_takes_the_selection_and_view_with_it() {
        let mut list = at(15, 12);
        list.settle(8, 5);
        assert_eq!(list, at(7, 3));
        list.settle(3, 5);
        assert_eq!(list, at(2, 0), "shorter than the view: from the top");
        list.settle(0, 5);
        assert_eq!(list, at(0, 0), "empty");
    }

    #[test]
    fn a_view_shows_at_least_one_row() {
        for height in [0, 1] {
            let mut list = at(4, 0);
            list.settle(10, height);
            assert_eq!(list, at(4, 4), "height {height}");
            list.scroll_by(100, 10, height);
            assert_eq!(list.offset, 9, "height {height}");
        }
    }

    #[test]
    fn scrolling_stops_at_the_last_page() {
        let mut text = ListState::default();
        text.scroll_by(3, 10, 4);
        assert_eq!(text.offset, 3);
        text.scroll_by(100, 10, 4);
        assert_eq!(text.offset, 6);
        text.scroll_by(-100, 10, 4);
        assert_eq!(text.offset, 0);
        text.offset = 9;
        text.clamp(10, 4);
        assert_eq!(text.offset, 6);
        text.clamp(3, 4);
        assert_eq!(text.offset, 0, "a text shorter than the view");
    }

    #[test]
    fn what_is_on_screen() {
        let view = at(0, 3);
        assert!(!view.shows(2, 4));
        assert!(view.shows(3, 4));
        assert!(view.shows(6, 4));
        assert!(!view.shows(7, 4));
        assert!(view.shows(3, 0), "a view shows at least one row");
        assert!(at(0, usize::MAX).shows(usize::MAX, usize::MAX));
    }

    #[test]
    fn revealing_a_row_outside_the_list_only_clamps() {
        let mut list = at(0, 2);
        list.reveal(50, 10, 4);
        assert_eq!(list.offset, 6);
    }
}
