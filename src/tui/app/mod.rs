//! The reader's state and `update(msg) → jobs`. No I/O and no terminal
//! here: the runtime feeds messages in and carries the jobs out, and draw
//! reads the state without changing it. Every cache draw needs (the wrapped
//! body, list and sidebar scroll offsets) is brought up to date at the end
//! of each update.

mod command;
mod fetch;
mod follow;
mod history;
mod list_state;
mod nav;
pub mod order;
mod overlay;
mod people;
mod queries;
mod query;
mod quote_list;
mod quotes;
mod reading;
mod said;
mod search;
mod search_people;
mod sources;
mod unread;
mod watching;
pub mod whole;

pub use command::Purpose;
pub use list_state::ListState;
pub use overlay::{HelpLine, HelpRow, help_lines, help_rows, overlay_rows};
pub use people::{IndexCopy, People, PersonQuote, sort_name, split as split_people};
pub use quote_list::QuoteList;
pub use reading::{Ask, Reading, position_in, position_of};
pub use search::Search;
pub use sources::SourceRow;
pub use watching::FileChange;

use super::body::BodyView;
use super::digest::Digest;
use super::keymap::{Action, Context, Key, Keymap, Outcome};
use super::layout::{self, Areas, Focus};
use super::story::Story;
use super::theme::Theme;
use crate::article::{Article, Loaded, Problem};
use crate::index::{SpeakerId, SpeakerIndex};
use crate::state::ReadingState;
use crossterm::event::MouseEvent;
use std::sync::Arc;

/// Everything that can happen to the reader.
#[derive(Debug, Clone)]
pub enum Msg {
    /// A key pressed (releases and keys without a name never come).
    Key(Key),
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// One file's articles and problems.
    Loaded(Loaded),
    /// Every input has been read.
    LoadDone,
    /// Stories analysed, by index, each as the reader keeps it.
    Analysed(Vec<(usize, Digest)>),
    /// A story with many quotes made ready to show off the drawing
    /// thread: its speakers, quotes and labels.
    Prepared(usize, Arc<Digest>, Box<Story>),
    /// Something went wrong after loading (an analysis that failed).
    Problem(Problem),
    /// A message for the status line (a browser that would not start).
    Status(String),
    /// A watched file appeared, changed or went away.
    File(FileChange),
    /// A fresh copy of the speaker index.
    Index(IndexCopy),
    /// Feeds fetched so far, of how many.
    FetchProgress(usize, usize),
    /// The fetch is over (its files came as [`Msg::File`]).
    Fetched(crate::tui::fetching::Fetched),
    /// Time for a fetch (`fetch_every`).
    FetchDue,
    /// A story's web page read for its full text (`t`), or why not.
    FullText {
        article: usize,
        url: String,
        text: Result<crate::feeds::FullText, String>,
    },
    /// What another byline saved to the reading state file, found as this
    /// one saved: merged into the reading state (the later change wins).
    Synced(ReadingState),
}

/// Work for the runtime: it owns the threads, the browser and the terminal.
#[derive(Debug, Clone)]
pub enum Job {
    /// Analyse this article before anything else: it is on screen.
    Analyse(usize, Arc<Article>),
    /// Analyse these, in this order, when there is nothing more urgent.
    AnalyseLater(Vec<(usize, Arc<Article>)>),
    /// These changed (a watched file was edited): analyse them again,
    /// whatever was analysed under their index before.
    AnalyseAgain(Vec<(usize, Arc<Article>)>),
    OpenUrl(String),
    /// Run this shell command with the story's text on its standard input,
    /// in the reader's place.
    Pipe(Arc<Article>, String),
    /// Write the story, with its quotes and people, at this path.
    SaveAs(Arc<Article>, String),
    /// Stop the reader as `Ctrl-z` stops a program, giving the terminal
    /// back to the shell until `fg`.
    Suspend,
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Write this story with its quotes and people to a Markdown file in
    /// the current folder.
    Export(Arc<Article>),
    /// Fetch every subscribed feed, answered by [`Msg::Fetched`].
    Fetch,
    /// Read the web page at this address for story `usize`'s full text,
    /// answered by [`Msg::FullText`].
    FullText(usize, String),
    /// Make the story with this analysis ready to show (a long one: on
    /// another thread), answered by [`Msg::Prepared`].
    Prepare(usize, Arc<Digest>, Arc<Article>),
}

/// What the keyboard is talking to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Normal,
    /// Typing a search; the list narrows as it changes.
    Search { input: String },
    /// Typing part of a speaker's name; `choice` indexes the ranked matches.
    Speaker { input: String, choice: usize },
    /// The keys, narrowed by `filter`, scrolled (`offset`).
    Help { filter: String, scroll: ListState },
    /// What went wrong loading, scrolled (`offset`).
    Problems { scroll: ListState },
    /// Typing the People view's filter (kept in [`People::filter`]).
    PeopleFilter,
    /// A command to pipe the story to, or a path to save it at, typed.
    Command { purpose: Purpose, input: String },
    /// The sources with their unread counts, `row` selected.
    Sources {
        rows: Vec<sources::SourceRow>,
        row: usize,
    },
}

/// Every article read so far, with what is known about each.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub articles: Vec<Arc<Article>>,
    /// Each story's people and quotes, once analysed.
    pub digests: Vec<Option<Arc<Digest>>>,
    /// How many `digests` are there.
    pub analysed: usize,
    pub problems: Vec<Problem>,
    pub loading: bool,
    /// `--watch` has begun to see changes.
    pub watching: bool,
    /// A fetch is on: feeds done, of how many (0 of 0 until it knows).
    pub fetching: Option<(usize, usize)>,
}

impl Library {
    /// How far the background analysis has gone, in percent, while it
    /// runs: it starts once every story is listed.
    pub fn analysing(&self) -> Option<usize> {
        let total = self.articles.len();
        (!self.loading && self.analysed < total).then(|| self.analysed * 100 / total)
    }
}

/// The story in the body panel.
#[derive(Debug, Clone)]
pub struct Open {
    pub article: usize,
    pub story: Option<Story>,
    pub view: BodyView,
    /// The first line shown (`offset`: nothing is selected in a text).
    pub scroll: ListState,
    /// Index into `Story::quotes` of the quote last jumped to.
    pub current_quote: Option<usize>,
    /// Search matches in the body, as byte ranges, in order …
    pub matches: Vec<(usize, usize)>,
    /// … found so far: the body has been searched up to this byte.
    pub matched_to: usize,
    pub current_match: Option<usize>,
    /// Where the view goes once the body is wrapped that far (`G`, a
    /// quote or a match far down a long story): the wrapping goes on
    /// between frames.
    pub scroll_to: Option<ScrollTo>,
    /// The body offset the last re-wrap kept at the top, and the line it
    /// put there: kept through the next re-wrap if the view stayed.
    pub anchor: Option<(usize, usize)>,
    /// The reader scrolled the text: read, when left.
    pub touched: bool,
}

/// A place in the story not wrapped yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScrollTo {
    /// This first line (past the end: the bottom).
    Line(usize),
    /// Body offset `pos`, `above` lines down from the top.
    Pos { pos: usize, above: usize },
}

impl Open {
    /// Scrolls to where [`Open::scroll_to`] says once it is wrapped; true
    /// on arriving.
    fn arrive(&mut self, height: usize) -> bool {
        let view = &self.view;
        let top = match self.scroll_to {
            Some(ScrollTo::Line(line)) if view.complete || view.lines.len() >= line + height => {
                line
            }
            Some(ScrollTo::Pos { pos, above }) if view.shows(pos, height) => {
                view.line_at(pos).saturating_sub(above)
            }
            _ => return false,
        };
        self.scroll.offset = top;
        self.scroll.clamp(view.lines.len(), height);
        self.scroll_to = None;
        true
    }
}

/// The sidebar's two lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sidebar {
    /// Row 0 is "all speakers"; row `n` is `Story::speakers[n - 1]`.
    pub people: ListState,
    /// The quotes of the person selected (all of them on row 0).
    pub quotes: ListState,
}

impl Sidebar {
    /// The person selected: 0 for everyone, `n` for `Story::speakers[n - 1]`.
    pub fn person(&self) -> usize {
        self.people.selected
    }

    /// Selects a person (0: everyone), their quotes from the first.
    pub fn pick(&mut self, person: usize) {
        self.people.selected = person;
        self.quotes = ListState::default();
    }
}

/// The whole reader.
#[derive(Debug, Clone)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent flags: the sidebar at each width, zoom, quitting, repainting"
)]
pub struct App {
    pub theme: Theme,
    pub keymap: Keymap,
    pub library: Library,
    /// Read and starred marks, the list shown, positions.
    pub reading: Reading,
    /// The widest the body is wrapped, in columns.
    pub body_width: usize,
    /// The article selected in the list (and shown in the body).
    pub selected: Option<usize>,
    /// The story list's order: newest first unless the settings say.
    pub order: order::Order,
    /// Where a quote's speaker is shown (`labels` in the settings).
    pub labels: crate::config::Labels,
    /// The story list's first row shown (`offset`). The story selected
    /// is `selected`, an article rather than a row, so that it stays
    /// selected as stories come in and the list narrows.
    pub list: ListState,
    pub focus: Focus,
    /// Whether the sidebar shows beside the body when there is room for
    /// three panels (the default) …
    pub sidebar_wide: bool,
    /// … and when there is room for two (off by default: list and body).
    pub sidebar_narrow: bool,
    pub open: Option<Open>,
    pub sidebar: Sidebar,
    pub search: Option<Search>,
    pub mode: Mode,
    /// Keys of an unfinished sequence (`g` of `g g`).
    pub pending: Vec<Key>,
    pub size: (u16, u16),
    pub areas: Areas,
    /// A one-line message for the status line, until the next key.
    pub status: Option<String>,
    pub quit: bool,
    /// The terminal's screen may not be ours (`Ctrl-l`, back from a
    /// suspend or a terminal browser): the next frame paints it whole.
    pub repaint: bool,
    /// The story alone on the screen (`z`).
    pub zoomed: bool,
    /// Searches made, for `↑`/`↓` in the prompt.
    pub searches: history::History,
    /// The last copy of the speaker index, once there is one …
    pub index: Option<Arc<SpeakerIndex>>,
    /// … how many stories it holds, and everyone in it by quotes.
    pub indexed: usize,
    by_quotes: Vec<SpeakerId>,
    /// The People view, while it replaces the story list.
    pub people: Option<People>,
    /// The person `}`/`{` follow across stories.
    pub following: Option<SpeakerId>,
    /// The quotes-only view of the open story, while it is shown.
    pub quote_list: Option<QuoteList>,
    /// A quote to make current once its story's analysis arrives.
    pending_jump: Option<(usize, usize)>,
    /// Stories shown lately, wrapped and with their speakers, so that
    /// going back to one (`K` after `J`) builds neither again.
    wrapped: Vec<(BodyView, Option<Story>)>,
    jobs: Vec<Job>,
}

/// How many wrapped stories are kept besides the open one.
const WRAPPED_KEPT: usize = 4;

/// Lines of context kept above a quote or match jumped to.
pub const CONTEXT: usize = 2;

impl App {
    pub fn new(theme: Theme, keymap: Keymap) -> App {
        App {
            theme,
            keymap,
            library: Library {
                loading: true,
                ..Library::default()
            },
            reading: Reading::default(),
            body_width: super::body::MAX_TEXT_WIDTH,
            selected: None,
            order: order::Order::default(),
            labels: crate::config::Labels::default(),
            list: ListState::default(),
            focus: Focus::List,
            sidebar_wide: true,
            sidebar_narrow: false,
            open: None,
            sidebar: Sidebar::default(),
            search: None,
            mode: Mode::Normal,
            pending: Vec::new(),
            size: (0, 0),
            areas: Areas::default(),
            status: None,
            quit: false,
            repaint: false,
            zoomed: false,
            searches: history::History::default(),
            index: None,
            indexed: 0,
            by_quotes: Vec::new(),
            people: None,
            following: None,
            quote_list: None,
            pending_jump: None,
            wrapped: Vec::new(),
            jobs: Vec::new(),
        }
    }

    /// Applies one message; returns what the runtime must do.
    pub fn update(&mut self, msg: Msg) -> Vec<Job> {
        match msg {
            Msg::Key(key) => self.on_key(key),
            Msg::Mouse(mouse) => self.on_mouse(mouse),
            Msg::Resize(width, height) => self.resize(width, height),
            Msg::Loaded(batch) => self.on_loaded(batch),
            Msg::LoadDone => self.on_load_done(),
            Msg::Analysed(digests) => self.on_analysed(digests),
            Msg::Prepared(index, digest, story) => self.on_prepared(index, &digest, *story),
            Msg::Problem(problem) => self.library.problems.push(problem),
            Msg::Status(message) => self.status = Some(message),
            Msg::File(change) => self.on_file(change),
            Msg::Index(copy) => self.on_index(copy),
            Msg::FetchProgress(done, total) => self.on_fetch_progress(done, total),
            Msg::Fetched(fetched) => self.on_fetched(fetched),
            Msg::FetchDue => self.fetch_due(),
            Msg::FullText { article, url, text } => self.on_full_text(article, &url, text),
            Msg::Synced(theirs) => {
                self.reading.state.merge(&theirs);
            }
        }
        self.settle();
        std::mem::take(&mut self.jobs)
    }

    /// Whether work of the UI thread's own is waiting: searching the
    /// library or the open story, wrapping the open story.
    pub fn busy(&self) -> bool {
        let scanning = self
            .search
            .as_ref()
            .is_some_and(|s| s.scanned < self.library.articles.len());
        scanning
            || self.finding_in_body()
            || self.people_waiting()
            || self.open.as_ref().is_some_and(|o| !o.view.complete)
    }

    /// Does a slice of that work; true while more remains. The runtime
    /// calls it when no message is waiting.
    pub fn work(&mut self) -> bool {
        // Quotes waiting to be listed go in one piece: tens of milliseconds
        // for the most quoted, and only once per person selected.
        self.people_work();
        let mut more = self.search_step();
        more |= self.find_more_in_body();
        let height = self.body_height();
        if let Some(open) = &mut self.open {
            let body = &self.library.articles[open.article].body;
            more |= !open.view.extend(body, super::body::SLICE);
            if open.arrive(height) && self.status.as_deref() == Some(nav::LAYING_OUT) {
                self.status = None;
            }
        }
        self.settle();
        more
    }

    fn on_key(&mut self, key: Key) {
        self.reading.resume = None;
        self.reading.chosen = true;
        if self.reading.asking.is_some() {
            self.answer(key);
            return;
        }
        self.status = None;
        // A key overrides a scroll still waiting for the wrapping …
        if let Some(open) = &mut self.open {
            open.scroll_to = None;
        }
        // … and an `Enter` still waiting for its first hit.
        if let Some(search) = &mut self.search {
            search.open_first = false;
        }
        if key == Key::ctrl('c') {
            self.quit = true;
            return;
        }
        let context = match self.mode {
            Mode::Normal | Mode::Problems { .. } | Mode::Sources { .. } => Context::Normal,
            _ => Context::Prompt,
        };
        match self.keymap.resolve(context, &self.pending, key) {
            Outcome::Pending => {
                self.pending.push(key);
                // `g` waits for its second key: say so.
                let typed: Vec<String> = self.pending.iter().map(ToString::to_string).collect();
                self.status = Some(format!("{} …", typed.join(" ")));
            }
            Outcome::Action(action) => {
                self.pending.clear();
                self.act(action);
            }
            Outcome::Text(c) => {
                self.pending.clear();
                self.type_char(c);
            }
            Outcome::Unbound => {
                self.pending.push(key);
                let typed: Vec<String> = self.pending.iter().map(ToString::to_string).collect();
                self.status = Some(format!(
                    "{} does nothing here · ? lists the keys",
                    typed.join(" ")
                ));
                self.pending.clear();
            }
        }
    }

    /// Runs an action in the current mode.
    pub fn act(&mut self, action: Action) {
        match self.mode {
            Mode::Normal => self.act_normal(action),
            Mode::Problems { .. } => self.act_problems(action),
            Mode::Sources { .. } => self.act_sources(action),
            Mode::Help { .. } => self.act_help(action),
            Mode::Search { .. } => self.act_search_prompt(action),
            Mode::Command { .. } => self.act_command_prompt(action),
            Mode::Speaker { .. } => self.act_speaker_prompt(action),
            Mode::PeopleFilter => self.act_people_prompt(action),
        }
    }

    fn act_normal(&mut self, action: Action) {
        use Action as A;
        if self.act_people(action) || self.act_quote_list(action) {
            return;
        }
        match action {
            A::Down
            | A::Up
            | A::PageDown
            | A::PageUp
            | A::HalfDown
            | A::HalfUp
            | A::Top
            | A::Bottom => self.motion(action),
            A::FocusNext | A::FocusPrev | A::FocusLeft | A::FocusRight => self.move_focus(action),
            A::Enter => self.enter(),
            A::ReadOn => self.read_on(),
            A::NextUnread => self.next_unread(),
            A::NextStory => self.next_story(1),
            A::PrevStory => self.next_story(-1),
            A::NextQuote => self.next_quote(true, false),
            A::PrevQuote => self.next_quote(false, false),
            A::NextBySpeaker => self.next_quote(true, true),
            A::PrevBySpeaker => self.next_quote(false, true),
            A::PickSpeaker => self.start_speaker_pick(),
            A::Search => self.start_search(),
            A::NextMatch => self.next_match(true),
            A::PrevMatch => self.next_match(false),
            A::Cancel => self.cancel(),
            A::OpenUrl => self.open_url(),
            A::CopyQuote => self.copy_quote(),
            A::ToggleSidebar => self.toggle_sidebar(),
            A::Problems => {
                self.mode = Mode::Problems {
                    scroll: ListState::default(),
                }
            }
            A::Help => {
                self.mode = Mode::Help {
                    filter: String::new(),
                    scroll: ListState::default(),
                }
            }
            A::Quit => self.quit = true,
            A::Suspend => {
                self.jobs.push(Job::Suspend);
                self.repaint = true;
            }
            A::Redraw => self.repaint = true,
            A::Zoom => self.toggle_zoom(),
            A::Pipe => self.start_command(Purpose::Pipe),
            A::SaveAs => self.start_command(Purpose::SaveAs),
            A::People => self.toggle_people(),
            A::Sort if self.people.is_some() => self.cycle_people_sort(),
            A::Sort => self.cycle_story_sort(),
            A::QuotesOnly => self.toggle_quote_list(),
            A::Sources => self.open_sources(),
            A::Fetch => self.fetch(),
            A::FullText => self.ask_full_text(),
            A::Backspace => {}
            A::ToggleRead
            | A::MarkAllRead
            | A::Undo
            | A::ToggleStar
            | A::ShowAll
            | A::ShowUnread
            | A::ShowStarred
            | A::MarkSourceRead
            | A::Export => self.act_reading(action),
        }
    }

    /// A batch joins the list: sorted among itself and merged in, nothing
    /// copied per story but a pointer, so listing keeps pace with the
    /// loader.
    fn on_loaded(&mut self, batch: Loaded) {
        let library = &mut self.library;
        let batch_len = batch.articles.len();
        let total = library.articles.len() + batch_len;
        library
            .articles
            .extend(batch.articles.into_iter().map(Arc::new));
        let first = library.articles.len() - batch_len;
        library.digests.resize_with(total, || None);
        library.problems.extend(batch.problems);
        let mut order = std::mem::take(&mut self.order);
        order.add(&self.library.articles, first, &|i| self.is_read(i));
        self.order = order;
        self.listed(first..total);
    }

    /// Every story is listed: the rest of the library is analysed in the
    /// background, from the top of the list down, so that the loader has
    /// had the processor to itself until now.
    fn on_load_done(&mut self) {
        self.library.loading = false;
        // A story to resume that never came: the top one, as with none.
        if !self.reading.chosen {
            self.reading.resume = None;
            self.settle();
        }
        self.reading.chosen = true;
        let later: Vec<(usize, Arc<Article>)> = (0..self.order.len())
            .filter_map(|row| self.order.story_at(row))
            .filter(|&i| self.library.digests[i].is_none())
            .map(|i| (i, Arc::clone(&self.library.articles[i])))
            .collect();
        if !later.is_empty() {
            self.jobs.push(Job::AnalyseLater(later));
        }
    }

    fn on_analysed(&mut self, digests: Vec<(usize, Digest)>) {
        for (index, digest) in digests {
            let Some(slot) = self.library.digests.get_mut(index) else {
                continue;
            };
            if !watching::fits(&self.library.articles[index].body, &digest) {
                continue;
            }
            if slot.is_none() {
                self.library.analysed += 1;
            }
            let digest = slot.insert(Arc::new(digest));
            if let Some(search) = &mut self.search {
                search.analysed(index, digest, &self.order);
            }
            let Some(open) = self.open.as_mut().filter(|o| o.article == index) else {
                continue;
            };
            open.story = None;
            let story = self.story_of(index);
            self.story_ready(index, story);
        }
        self.resolve_pending_jump();
    }

    /// Keeps every scroll offset valid for the current size and content.
    fn settle(&mut self) {
        self.combine_filters();
        // Whatever emptied the list before, a story is selected once there
        // is one; while loading, the newest so far.
        let follow = !self.reading.chosen && self.reading.resume.is_none();
        if (self.selected.is_none() || follow)
            && let Some(first) = self.list_item(0)
            && self.selected != Some(first)
        {
            self.select(first);
        }
        // A hidden sidebar cannot keep the focus (after a resize to three panels).
        if self.focus.in_sidebar() && self.size.0 >= layout::ROOMY && !self.sidebar_wide {
            self.focus = Focus::Body;
        }
        self.areas = if self.zoomed {
            layout::zoomed(self.size.0, self.size.1)
        } else {
            layout::areas(self.size.0, self.size.1, self.focus, self.sidebar_shown())
        };
        let (len, rows) = (self.list_len(), self.list_rows());
        match self.selected_row() {
            Some(row) => self.list.reveal(row, len, rows),
            None => self.list.clamp(len, rows),
        }
        let height = self.body_height();
        if let Some(open) = &mut self.open {
            open.scroll.clamp(open.view.lines.len(), height);
        }
        self.settle_sidebar();
        self.settle_people();
        self.settle_quote_list();
        self.settle_overlay();
    }
}

#[cfg(test)]
mod tests;
