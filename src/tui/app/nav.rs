//! Moving around: selection, scrolling, focus, opening stories, resizing
//! (which re-wraps the body and keeps the line at the top) and the mouse.

use super::list_state::step;
use super::{App, ListState, Mode, Open, ScrollTo, Sidebar};
use crate::tui::body::{BodyView, LineKind, SLICE, gutter_width};
use crate::tui::digest::Digest;
use crate::tui::keymap::Action;
use crate::tui::layout::{self, Focus, TWO_PANELS};
use crate::tui::story::Story;
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use std::sync::Arc;

/// Stories with more quotes than this are made ready on another thread:
/// their speakers and labels would hold up a frame (a few milliseconds
/// per thousand quotes).
const PREPARE_APART: usize = 2_000;

/// Slices of a story wrapped for a scroll key at most (a few milliseconds
/// each); a longer way goes on between frames.
pub(super) const SLICES_PER_KEY: usize = 8;

/// The status line while a long way down a story is wrapped.
pub(super) const LAYING_OUT: &str = "going on as the rest of the story is laid out…";

/// Lines or rows moved by one turn of the mouse wheel.
const WHEEL: isize = 3;

/// How far a motion key moves through `page` rows of a list or text;
/// `None` for any other action.
pub(super) fn motion_delta(action: Action, page: isize) -> Option<isize> {
    Some(match action {
        Action::Down => 1,
        Action::Up => -1,
        Action::PageDown | Action::ReadOn => page,
        Action::PageUp => -page,
        Action::HalfDown => (page / 2).max(1),
        Action::HalfUp => -(page / 2).max(1),
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        _ => return None,
    })
}

impl App {
    pub(super) fn motion(&mut self, action: Action) {
        let page = self.page(self.focus);
        let Some(delta) = motion_delta(action, page) else {
            return;
        };
        self.move_in(self.focus, delta);
    }

    fn move_in(&mut self, focus: Focus, delta: isize) {
        match focus {
            Focus::List => self.move_list(delta),
            Focus::Body => self.scroll_body(delta),
            Focus::People => self.move_person(delta),
            Focus::Quotes => self.move_quote(delta),
        }
    }

    /// A page for the panel: what it shows, less a line of overlap in text.
    fn page(&self, focus: Focus) -> isize {
        let rows = match focus {
            Focus::List => self.list_rows(),
            Focus::Body => self.body_height().saturating_sub(1),
            Focus::People => self.people_rows(),
            Focus::Quotes => self.quote_rows(),
        };
        isize::try_from(rows.max(1)).unwrap_or(isize::MAX)
    }

    pub(super) fn move_list(&mut self, delta: isize) {
        let len = self.list_len();
        if len == 0 {
            return;
        }
        let row = step(self.selected_row().unwrap_or(0), delta, len - 1);
        if let Some(article) = self.list_item(row) {
            if Some(article) != self.selected {
                self.leave();
            }
            self.select(article);
        }
    }

    pub(super) fn scroll_body(&mut self, delta: isize) {
        let height = self.body_height();
        let Some(open) = &mut self.open else { return };
        // Only what is about to show needs wrapping now, and no more than
        // a frame's worth: the rest is wrapped between frames.
        let body = &self.library.articles[open.article].body;
        let target = open.scroll.offset.saturating_add_signed(delta);
        let wanted = target.saturating_add(height);
        for _ in 0..SLICES_PER_KEY {
            if open.view.complete || open.view.lines.len() >= wanted {
                break;
            }
            open.view.extend(body, SLICE);
        }
        open.scroll.scroll_by(delta, open.view.lines.len(), height);
        open.touched |= delta > 0;
        let short = !open.view.complete && open.view.lines.len() < wanted;
        open.scroll_to = short.then_some(ScrollTo::Line(target));
        if short {
            self.status = Some(LAYING_OUT.into());
        }
    }

    /// Selects an article in the list, which shows it in the body.
    pub(super) fn select(&mut self, article: usize) {
        self.selected = Some(article);
        self.show(article);
    }

    /// Puts an article in the body (wrapped for the current width) and
    /// asks for its analysis first if it has none yet.
    pub(super) fn show(&mut self, index: usize) {
        if self.open.as_ref().is_some_and(|o| o.article == index) {
            return;
        }
        self.note_position();
        let Some(article) = self.library.articles.get(index).cloned() else {
            return;
        };
        let analysed = self.library.digests[index].is_some();
        if !analysed {
            self.jobs
                .push(super::Job::Analyse(index, Arc::clone(&article)));
        }
        let width = self.wrap_width().unwrap_or(40);
        let cached = self
            .wrapped
            .iter()
            .position(|(v, _)| v.article == index && v.width == width && v.analysed == analysed);
        let (view, story) = if let Some(at) = cached {
            self.wrapped.remove(at)
        } else {
            let story = self.story_of(index);
            let mut view = BodyView::start_as(index, &article, story.as_ref(), width, self.labels);
            view.extend(&article.body, SLICE);
            (view, story)
        };
        if let Some(old) = self.open.take() {
            self.wrapped.push((old.view, old.story));
            if self.wrapped.len() > super::WRAPPED_KEPT {
                self.wrapped.remove(0);
            }
        }
        self.open = Some(Open {
            article: index,
            story,
            view,
            scroll: ListState::default(),
            current_quote: None,
            matches: Vec::new(),
            matched_to: 0,
            current_match: None,
            scroll_to: None,
            anchor: None,
            touched: false,
        });
        self.sidebar = Sidebar::default();
        self.restore_position();
        self.find_in_body();
    }

    /// The story of analysed article `index`, ready to show; `None` when it
    /// is not analysed, or has so many quotes that it is made ready on
    /// another thread (a job, answered by [`super::Msg::Prepared`]).
    pub(super) fn story_of(&mut self, index: usize) -> Option<Story> {
        let digest = self.library.digests.get(index)?.as_ref()?;
        let article = &self.library.articles[index];
        if digest.quotes().len() > PREPARE_APART {
            let job = super::Job::Prepare(index, Arc::clone(digest), Arc::clone(article));
            self.jobs.push(job);
            return None;
        }
        Some(Story::new(digest, &article.body))
    }

    /// The open story's analysis is ready: shown with its labels.
    pub(super) fn story_ready(&mut self, index: usize, story: Option<Story>) {
        let Some(open) = self.open.as_mut().filter(|o| o.article == index) else {
            return;
        };
        let Some(story) = story else {
            return;
        };
        open.story = Some(story);
        open.current_quote = None;
        self.sidebar = Sidebar::default();
        self.rewrap(true);
    }

    /// A story made ready on another thread; dropped if its analysis has
    /// been replaced since (a watched file changed).
    pub(super) fn on_prepared(&mut self, index: usize, digest: &Arc<Digest>, story: Story) {
        let current = self.library.digests.get(index).and_then(Option::as_ref);
        if current.is_some_and(|d| Arc::ptr_eq(d, digest)) {
            self.story_ready(index, Some(story));
            self.resolve_pending_jump();
        }
    }

    /// The body's wrap width, or `None` while the screen is too small to
    /// show it (re-wrapping a long story one column wide helps nobody).
    pub(super) fn wrap_width(&self) -> Option<usize> {
        let (width, height) = self.size;
        if width < layout::MIN_WIDTH || height < layout::MIN_HEIGHT {
            return None;
        }
        let pane = self.body_pane();
        let text = usize::from(layout::text_area(pane).width);
        let text = text.saturating_sub(gutter_width(self.labels, text));
        Some(text.clamp(1, self.body_width.max(1)))
    }

    /// Re-wraps the open story if its width or analysis changed (or when
    /// `force`d), keeping the body offset at the top of the pane in place.
    pub(crate) fn rewrap(&mut self, force: bool) {
        let Some(width) = self.wrap_width() else {
            return;
        };
        let Some(open) = &mut self.open else { return };
        if !force && open.view.width == width && open.view.analysed == open.story.is_some() {
            return;
        }
        // The place read, as the last re-wrap kept it if the view has not
        // moved since: resizing back and forth never drifts up the text.
        let kept = open.anchor.filter(|&(_, line)| line == open.scroll.offset);
        let anchor = kept.map(|(pos, _)| pos).or_else(|| {
            open.view
                .lines
                .get(open.scroll.offset)
                .filter(|l| l.kind == LineKind::Body || l.pos > 0)
                .map(|l| l.pos)
        });
        let article = &self.library.articles[open.article];
        open.view = BodyView::start_as(
            open.article,
            article,
            open.story.as_ref(),
            width,
            self.labels,
        );
        let lines = 2 * usize::from(self.size.1);
        let pos = anchor.unwrap_or(0);
        if !open
            .view
            .extend_past(&article.body, pos, lines, SLICES_PER_KEY)
        {
            open.scroll_to = Some(ScrollTo::Pos { pos, above: 0 });
        } else if anchor.is_some() {
            open.scroll.offset = open.view.line_at(pos);
        }
        open.anchor = anchor.map(|pos| (pos, open.scroll.offset));
    }

    pub(super) fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        self.rewrap(false);
    }

    pub(super) fn mark_read(&mut self) {
        if let Some(open) = &self.open {
            let id = &self.library.articles[open.article].id;
            self.reading.state.open(id);
        }
    }

    /// `J`/`K`: done with this story (read), on to the next; the next is
    /// read too when the text has the keys.
    pub(super) fn next_story(&mut self, delta: isize) {
        self.mark_read();
        let before = self.selected;
        self.move_list(delta);
        if self.selected == before {
            let end = if delta > 0 { "last" } else { "first" };
            self.status = Some(format!("This is the {end} story"));
        }
        if self.focus == Focus::Body {
            self.mark_read();
        }
    }

    pub(super) fn enter(&mut self) {
        match self.focus {
            Focus::List if self.open.is_some() => {
                self.mark_read();
                self.focus = Focus::Body;
            }
            Focus::List | Focus::Body => {}
            Focus::People => self.jump_to_person(),
            Focus::Quotes => self.jump_to_selected_quote(),
        }
    }

    /// `z`: the story alone on the screen, as a pager shows it, or back.
    pub(super) fn toggle_zoom(&mut self) {
        self.zoomed = !self.zoomed;
        if self.zoomed {
            self.quote_list = None;
            self.focus_on(Focus::Body);
        }
        self.rewrap(false);
    }

    pub(super) fn move_focus(&mut self, action: Action) {
        let at = Focus::ORDER
            .iter()
            .position(|&f| f == self.focus)
            .unwrap_or(0);
        let n = Focus::ORDER.len();
        let focus = match (action, self.focus) {
            (Action::FocusNext, _) => Focus::ORDER[(at + 1) % n],
            (Action::FocusPrev, _) => Focus::ORDER[(at + n - 1) % n],
            (Action::FocusLeft, Focus::List | Focus::Body) => Focus::List,
            (Action::FocusLeft, _) | (Action::FocusRight, Focus::List) => Focus::Body,
            (Action::FocusRight, Focus::Body) => Focus::People,
            (Action::FocusRight, other) => other,
            _ => return,
        };
        self.focus_on(focus);
    }

    /// Focuses a panel, showing the sidebar when it is asked for.
    pub(super) fn focus_on(&mut self, focus: Focus) {
        self.focus = focus;
        // Another panel is asked for: the story is no longer alone.
        if self.zoomed && focus != Focus::Body {
            self.zoomed = false;
            self.rewrap(false);
        }
        if focus.in_sidebar() && self.size.0 >= layout::ROOMY && !self.sidebar_wide {
            self.sidebar_wide = true;
            self.rewrap(false);
        }
        if focus == Focus::Body {
            self.mark_read();
        }
    }

    pub(super) fn toggle_sidebar(&mut self) {
        let shown = if self.size.0 >= layout::ROOMY {
            self.sidebar_wide = !self.sidebar_wide;
            self.sidebar_wide
        } else {
            self.sidebar_narrow = !self.sidebar_narrow;
            self.sidebar_narrow
        };
        if !shown && self.focus.in_sidebar() {
            self.focus = Focus::Body;
        }
        // Two panels show the sidebar beside the body; one shows it alone.
        if shown && self.size.0 < TWO_PANELS {
            self.focus = Focus::People;
        } else if shown && self.focus == Focus::List {
            self.focus = Focus::Body;
        }
        self.rewrap(false);
    }

    /// `Esc`: undoes the innermost thing in force, one at a time.
    pub(super) fn cancel(&mut self) {
        if self.search.is_some() {
            self.clear_search();
        } else if self.sidebar.person() != 0 {
            self.sidebar.pick(0);
        } else if self.following.is_some() {
            self.following = None;
            self.status = Some("No longer following anyone".into());
        } else if self.reading.filter != crate::state::Filter::All {
            self.show_only(crate::state::Filter::All);
        } else if let Some(open) = &mut self.open {
            open.current_quote = None;
        }
    }

    pub(super) fn on_mouse(&mut self, mouse: MouseEvent) {
        if mouse.kind != MouseEventKind::Moved {
            self.reading.chosen = true;
        }
        if self.mode != Mode::Normal {
            return;
        }
        let Some(panel) = self.areas.hit(mouse.column, mouse.row) else {
            return;
        };
        if panel == Focus::List && self.people.is_some() {
            self.people_mouse(mouse);
            return;
        }
        if panel == Focus::Body && self.said_pane().is_some() {
            self.said_mouse(mouse);
            return;
        }
        match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                self.focus_on(panel);
                self.click(panel, mouse.row);
            }
            MouseEventKind::ScrollDown => {
                self.move_in(panel, if panel == Focus::Body { WHEEL } else { 1 });
            }
            MouseEventKind::ScrollUp => {
                self.move_in(panel, if panel == Focus::Body { -WHEEL } else { -1 });
            }
            _ => {}
        }
    }

    /// Selects the row clicked in a list-like panel.
    fn click(&mut self, panel: Focus, y: u16) {
        let rect = match panel {
            Focus::List => self.areas.list,
            Focus::People => self.areas.people,
            Focus::Quotes => self.areas.quotes,
            Focus::Body => None,
        };
        let Some(rect) = rect else { return };
        let Some(line) = usize::from(y).checked_sub(usize::from(rect.y) + 1) else {
            return;
        };
        match panel {
            Focus::List => {
                if let Some(article) = self.list_item(self.list.offset + line / 2) {
                    if Some(article) != self.selected {
                        self.leave();
                    }
                    self.select(article);
                }
            }
            Focus::People => {
                let row = self.sidebar.people.offset + line / 2;
                if row <= self.story().map_or(0, crate::tui::story::Story::quoted) {
                    self.sidebar.pick(row);
                }
            }
            Focus::Quotes => {
                let row = self.sidebar.quotes.offset + line;
                if row < self.sidebar_quotes().len() {
                    self.sidebar.quotes.selected = row;
                    self.jump_to_selected_quote();
                }
            }
            Focus::Body => {}
        }
    }
}
