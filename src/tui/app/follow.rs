//! Following a person across stories: `}`/`{` past the last (or first)
//! quote of a speaker in the open story go on to their next (or previous)
//! quote in the story list's order, opening its story. Who a story's speaker is in
//! the library comes from the speaker index; the person picked in the
//! People view is followed by the index alone.

use super::App;
use crate::index::{Position, SpeakerId};

impl App {
    /// `}`/`{` for the followed person; false when nobody is followed or
    /// the index is not there yet.
    pub(super) fn follow_across(&mut self, forward: bool) -> bool {
        let (Some(id), Some(index)) = (self.following, &self.index) else {
            return false;
        };
        let Some(from) = self.reading_position(forward) else {
            return false;
        };
        let rank = |article| self.order.row_of(article).unwrap_or(usize::MAX);
        let found = if forward {
            index.next_quote_ranked(id, from, rank)
        } else {
            index.previous_quote_ranked(id, from, rank)
        };
        let name = index.speaker(id).map(|s| s.name().to_owned());
        if let Some(said) = found {
            self.go_to_quote_at(said.article, said.span.start);
        } else {
            let way = if forward { "after" } else { "before" };
            let name = name.unwrap_or_else(|| "them".into());
            self.status = Some(format!("No quotes by {name} {way} this one"));
        }
        true
    }

    /// Where `}`/`{` go on from: the current quote if it is on screen, else
    /// the top of the screen.
    fn reading_position(&self, forward: bool) -> Option<Position> {
        let open = self.open.as_ref()?;
        let at = |offset| Position {
            article: open.article,
            offset,
        };
        if let Some(q) = self.current_quote_on_screen() {
            return Some(at(open.story.as_ref()?.quotes[q].span.start));
        }
        let top = open.view.lines.get(open.scroll.offset).map_or(0, |l| l.pos);
        // Forward includes a quote starting on the top line.
        Some(at(if forward { top.saturating_sub(1) } else { top }))
    }

    /// The library's person behind speaker `speaker` of the open story:
    /// whoever the index files their first quote under.
    pub(super) fn person_of(&self, speaker: usize) -> Option<SpeakerId> {
        let index = self.index.as_ref()?;
        let open = self.open.as_ref()?;
        let quote = open
            .story
            .as_ref()?
            .quotes
            .iter()
            .find(|q| q.speaker == Some(speaker))?;
        let at = Position {
            article: open.article,
            offset: quote.span.start,
        };
        index.speaker_of(index.quote_at(at)?)
    }

    /// Past a speaker's last quote in the open story: the story and offset
    /// of their next quote elsewhere, and who they are in the library.
    pub(super) fn next_across(
        &self,
        forward: bool,
        speaker: usize,
    ) -> Option<(SpeakerId, usize, usize)> {
        let id = self.person_of(speaker)?;
        let index = self.index.as_ref()?;
        let article = self.open.as_ref()?.article;
        let rank = |article| self.order.row_of(article).unwrap_or(usize::MAX);
        let said = if forward {
            let end = Position {
                article,
                offset: usize::MAX,
            };
            index.next_quote_ranked(id, end, rank)
        } else {
            index.previous_quote_ranked(id, Position { article, offset: 0 }, rank)
        }?;
        Some((id, said.article, said.span.start))
    }

    /// Opens `article` (leaving a search it is not among) and makes its
    /// quote starting at `start` current; if the story's analysis has not
    /// arrived, as soon as it does.
    pub(super) fn go_to_quote_at(&mut self, article: usize, start: usize) {
        if self.search.is_some() && self.list_row(article).is_none() {
            self.clear_search();
        }
        self.select(article);
        self.mark_read();
        self.pending_jump = Some((article, start));
        self.resolve_pending_jump();
    }

    /// Makes the quote waited for current, once its story is there.
    pub(super) fn resolve_pending_jump(&mut self) {
        let Some((article, start)) = self.pending_jump else {
            return;
        };
        let Some(open) = self.open.as_ref().filter(|o| o.article == article) else {
            self.pending_jump = None;
            return;
        };
        let Some(story) = &open.story else { return };
        self.pending_jump = None;
        if let Some(q) = story.quotes.iter().position(|q| q.span.start == start) {
            self.sidebar.people.selected = 0;
            self.jump_to_quote(q);
        }
    }
}
