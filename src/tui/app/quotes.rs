//! Moving through a story by who is speaking: the sidebar's people and
//! quotes, `]`/`[`, `}`/`{`, the `@` speaker picker, copying a quote and
//! opening the story's page.

use super::nav::SLICES_PER_KEY;
use super::{App, CONTEXT, Job, Mode, ScrollTo};
use crate::index::{Pattern, fold};
use crate::tui::keymap::Action;
use crate::tui::layout::{Focus, TWO_PANELS};
use crate::tui::story::Story;

impl App {
    /// The quotes the sidebar lists: all, or the selected person's.
    pub fn sidebar_quotes(&self) -> Vec<usize> {
        self.story()
            .map(|s| s.quotes_by(self.sidebar.person().checked_sub(1)))
            .unwrap_or_default()
    }

    /// People that fit in the people panel (two lines each).
    pub fn people_rows(&self) -> usize {
        self.areas
            .people
            .map_or(1, |r| usize::from(r.height.saturating_sub(2)) / 2)
            .max(1)
    }

    /// Quotes that fit in the quotes panel (one line each).
    pub fn quote_rows(&self) -> usize {
        self.areas
            .quotes
            .map_or(1, |r| usize::from(r.height.saturating_sub(2)))
            .max(1)
    }

    /// Rows of the sidebar's people: everyone quoted, after "all speakers".
    fn sidebar_people(&self) -> usize {
        self.story().map_or(0, Story::quoted) + 1
    }

    pub(super) fn move_person(&mut self, delta: isize) {
        let mut people = self.sidebar.people;
        people.move_by(delta, self.sidebar_people());
        if people.selected != self.sidebar.person() {
            self.following = None;
            self.sidebar.pick(people.selected);
        }
    }

    pub(super) fn move_quote(&mut self, delta: isize) {
        let len = self.sidebar_quotes().len();
        self.sidebar.quotes.move_by(delta, len);
    }

    pub(super) fn settle_sidebar(&mut self) {
        let people = self.sidebar_people();
        self.sidebar.people.settle(people, self.people_rows());
        let quotes = self.sidebar_quotes().len();
        self.sidebar.quotes.settle(quotes, self.quote_rows());
    }

    /// `Enter` on a person: their first quote.
    pub(super) fn jump_to_person(&mut self) {
        self.following = None;
        if let Some(&quote) = self.sidebar_quotes().first() {
            self.sidebar.quotes.selected = 0;
            self.jump_to_quote(quote);
        } else {
            let name = self
                .selected_speaker_name()
                .unwrap_or_else(|| "Nobody".into());
            self.status = Some(format!("{name} is not quoted in this story"));
        }
    }

    pub(super) fn jump_to_selected_quote(&mut self) {
        if let Some(&quote) = self.sidebar_quotes().get(self.sidebar.quotes.selected) {
            self.jump_to_quote(quote);
        }
    }

    /// Marks a quote as current and scrolls it into view with a little
    /// context above, unless it is already comfortably in view.
    pub fn jump_to_quote(&mut self, quote: usize) {
        let height = self.body_height();
        let Some(open) = &mut self.open else { return };
        let Some(span) = open
            .story
            .as_ref()
            .and_then(|s| s.quotes.get(quote))
            .map(|q| q.span)
        else {
            return;
        };
        let body = &self.library.articles[open.article].body;
        let reached = open
            .view
            .extend_past(body, span.end, height, SLICES_PER_KEY);
        open.current_quote = Some(quote);
        if let Some(list) = &mut self.quote_list {
            list.quotes.selected = quote;
        }
        let first = open.view.line_at(span.start);
        let last = open.view.line_at(span.end.saturating_sub(1));
        let top = open.scroll.offset + CONTEXT.min(first);
        if !reached {
            let pos = span.start;
            open.scroll_to = Some(ScrollTo::Pos {
                pos,
                above: CONTEXT,
            });
        } else if first < top || last >= open.scroll.offset + height {
            open.scroll.offset = first.saturating_sub(CONTEXT);
        }
        if let Some(row) = self.sidebar_quotes().iter().position(|&q| q == quote) {
            self.sidebar.quotes.selected = row;
        }
        // A jump from the story list puts the keys in the text: `j` then
        // reads on rather than moving to the next story. From the sidebar
        // they stay there, to go through the quotes (unless it is hidden).
        if self.focus == Focus::List || self.size.0 < TWO_PANELS && self.focus.in_sidebar() {
            self.focus = Focus::Body;
        }
    }

    /// `]`/`[` (any speaker) and `}`/`{` (the same speaker).
    pub(super) fn next_quote(&mut self, forward: bool, same_speaker: bool) {
        if same_speaker && self.follow_across(forward) {
            return;
        }
        let Some(story) = self.story() else {
            self.status = Some("Still finding the quotes in this story…".into());
            return;
        };
        if story.quotes.is_empty() {
            self.status = Some("No quotes found in this story".into());
            return;
        }
        let current = self.current_quote_on_screen();
        let speaker = match self.sidebar.person() {
            0 => current.and_then(|q| story.quotes[q].speaker),
            n => Some(n - 1),
        };
        if same_speaker && speaker.is_none() {
            self.status = Some("Whose quotes? Pick a speaker with @ or in the sidebar".into());
            return;
        }
        let wanted = |q: usize| !same_speaker || story.quotes[q].speaker == speaker;
        let Some(open) = &self.open else { return };
        let line_of = |q: usize| open.view.line_at(story.quotes[q].span.start);
        let mut candidates = (0..story.quotes.len()).filter(|&q| wanted(q));
        let found = match (forward, current) {
            (true, Some(c)) => candidates.find(|&q| q > c),
            (true, None) => candidates.find(|&q| line_of(q) >= open.scroll.offset),
            (false, Some(c)) => candidates.rfind(|&q| q < c),
            (false, None) => candidates.rfind(|&q| line_of(q) < open.scroll.offset),
        };
        // Past their last quote here: on to their next story.
        let across = speaker
            .filter(|_| same_speaker && found.is_none())
            .and_then(|s| self.next_across(forward, s));
        if let Some((person, article, start)) = across {
            self.following = Some(person);
            self.go_to_quote_at(article, start);
        } else if let Some(quote) = found {
            self.jump_to_quote(quote);
        } else {
            let by = speaker
                .filter(|_| same_speaker)
                .map(|s| format!(" by {}", story.speakers[s].name));
            let way = if forward { "after" } else { "before" };
            self.status = Some(format!(
                "No quotes{} {way} this one",
                by.unwrap_or_default()
            ));
        }
    }

    /// The current quote, if its first line is on screen.
    pub fn current_quote_on_screen(&self) -> Option<usize> {
        let open = self.open.as_ref()?;
        let quote = open.current_quote?;
        let line = open
            .view
            .line_at(open.story.as_ref()?.quotes.get(quote)?.span.start);
        open.scroll.shows(line, self.body_height()).then_some(quote)
    }

    fn selected_speaker_name(&self) -> Option<String> {
        let person = self.sidebar.person().checked_sub(1)?;
        Some(self.story()?.speakers.get(person)?.name.clone())
    }

    pub(super) fn start_speaker_pick(&mut self) {
        // Before the analysis arrives the picker opens anyway and fills in
        // when it does, so a fast `@` is not lost.
        match self.story() {
            Some(story) if story.speakers.is_empty() => {
                self.status = Some("Nobody is named in this story".into());
            }
            _ if self.open.is_none() => self.status = Some("No story is open".into()),
            _ => {
                self.mode = Mode::Speaker {
                    input: String::new(),
                    choice: 0,
                }
            }
        }
    }

    /// The open story's speakers that match `input`, best first.
    pub fn speaker_matches(&self, input: &str) -> Vec<usize> {
        let Some(story) = self.story() else {
            return Vec::new();
        };
        // The People view's matching: case and accents aside.
        let pattern = Pattern::new(input);
        // Only those quoted: picking someone is going to their quotes.
        let mut scored: Vec<(i64, usize)> = story.speakers[..story.quoted()]
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let names = std::iter::once(&s.name).chain(&s.aliases);
                names
                    .filter_map(|name| pattern.score(&fold(name)))
                    .max()
                    .map(|score| (score, i))
            })
            .collect();
        scored.sort_by_key(|&(score, i)| (std::cmp::Reverse(score), i));
        scored.into_iter().map(|(_, i)| i).collect()
    }

    pub(super) fn act_speaker_prompt(&mut self, action: Action) {
        let Mode::Speaker { input, choice } = &mut self.mode else {
            return;
        };
        match action {
            Action::Enter => {
                let (input, choice) = (input.clone(), *choice);
                self.mode = Mode::Normal;
                match self.speaker_matches(&input).get(choice) {
                    Some(&speaker) => {
                        self.sidebar.pick(speaker + 1);
                        self.jump_to_person();
                    }
                    None => self.status = Some(format!("Nobody in this story matches “{input}”")),
                }
            }
            Action::Cancel => self.mode = Mode::Normal,
            Action::Backspace => {
                input.pop();
                *choice = 0;
            }
            Action::Down => *choice += 1,
            Action::Up => *choice = choice.saturating_sub(1),
            _ => {}
        }
    }

    /// `y`: the current quote (or the first on screen) with who said it,
    /// where and when, for the clipboard.
    pub(super) fn copy_quote(&mut self) {
        let Some(open) = &self.open else { return };
        let Some(story) = &open.story else { return };
        let on_screen = || {
            story
                .quotes
                .iter()
                .position(|q| open.view.line_at(q.span.start) >= open.scroll.offset)
        };
        let Some(quote) = open.current_quote.or_else(on_screen) else {
            self.status = Some("No quote to copy".into());
            return;
        };
        let article = &self.library.articles[open.article];
        let q = story.quotes[quote];
        let speaker = q
            .speaker
            .map_or("Unknown speaker", |s| story.speakers[s].name.as_str());
        let mut whence = vec![format!("“{}”", article.title)];
        whence.extend(article.source.clone());
        whence.extend(article.date().map(|d| d.to_string()));
        let text = format!(
            "“{}” — {speaker}, {}",
            q.span.text(&article.body).trim(),
            whence.join(", ")
        );
        self.jobs.push(Job::Copy(text));
        self.status = Some(format!("Copied a quote by {speaker}"));
    }

    /// `o`: the story's page in the browser (only web addresses are opened).
    pub(super) fn open_url(&mut self) {
        let url = self.open_article().and_then(|a| a.url.clone());
        match url.filter(|u| u.starts_with("https://") || u.starts_with("http://")) {
            Some(url) => {
                self.status = Some(format!("Opening {url}"));
                self.jobs.push(Job::OpenUrl(url));
                // A terminal browser may have had the screen meanwhile.
                self.repaint = true;
            }
            None => self.status = Some("This story has no web address".into()),
        }
    }
}
