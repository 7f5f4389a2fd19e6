//! What the reader can be asked to do, by the names the settings file uses,
//! and the default key for each: one table, [`DEFAULTS`], that the settings
//! file patches.

/// Which set of bindings applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    /// Reading: panels, overlays that are only scrolled (`[keys]`).
    Normal,
    /// Typing into a prompt, where printable keys are text (`[prompt_keys]`).
    Prompt,
}

impl Context {
    pub const ALL: [Context; 2] = [Context::Normal, Context::Prompt];

    /// The table of the settings file that binds keys in this context.
    pub fn table(self) -> &'static str {
        match self {
            Context::Normal => "keys",
            Context::Prompt => "prompt_keys",
        }
    }
}

/// Declares [`Action`] with its name in the settings file, in one list, so a
/// name can never be missing for a variant.
macro_rules! actions {
    ($($(#[$doc:meta])* $variant:ident = $name:literal,)*) => {
        /// What the reader can be asked to do. The variants are the reader's
        /// actions; their settings-file names are snake case.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action {
            $($(#[$doc])* $variant,)*
        }

        impl Action {
            /// Every action, in the order the default settings file lists them.
            pub const ALL: &'static [Action] = &[$(Action::$variant,)*];

            /// The action's name in the settings file (`half_down`).
            pub fn name(self) -> &'static str {
                match self {
                    $(Action::$variant => $name,)*
                }
            }
        }
    };
}

actions! {
    Down = "down",
    Up = "up",
    PageDown = "page_down",
    PageUp = "page_up",
    HalfDown = "half_down",
    HalfUp = "half_up",
    Top = "top",
    Bottom = "bottom",
    FocusNext = "focus_next",
    FocusPrev = "focus_prev",
    FocusLeft = "focus_left",
    FocusRight = "focus_right",
    Enter = "enter",
    /// Page the story; at its end, the next unread story.
    ReadOn = "read_on",
    /// The next unread story.
    NextUnread = "next_unread",
    NextStory = "next_story",
    PrevStory = "prev_story",
    NextQuote = "next_quote",
    PrevQuote = "prev_quote",
    NextBySpeaker = "next_by_speaker",
    PrevBySpeaker = "prev_by_speaker",
    PickSpeaker = "pick_speaker",
    /// The People view: everyone quoted in the library.
    People = "people",
    /// The next sort order: of the stories, or in the People view of the
    /// people.
    Sort = "sort",
    /// The open story's quotes alone.
    QuotesOnly = "quotes_only",
    Search = "search",
    NextMatch = "next_match",
    PrevMatch = "prev_match",
    Cancel = "cancel",
    OpenUrl = "open_url",
    CopyQuote = "copy_quote",
    ToggleSidebar = "toggle_sidebar",
    /// The story alone on the screen, as a pager shows it.
    Zoom = "zoom",
    Problems = "problems",
    Help = "help",
    Quit = "quit",
    /// Stop the reader and go back to the shell (`fg` returns).
    Suspend = "suspend",
    /// Paint the whole screen again.
    Redraw = "redraw",
    /// Delete the last character of a prompt.
    Backspace = "backspace",
    /// Mark the story read or unread.
    ToggleRead = "toggle_read",
    /// Mark every story in the list as read (after asking), as one change.
    MarkAllRead = "mark_all_read",
    /// Take back the last read/unread/starred change.
    Undo = "undo",
    ToggleStar = "toggle_star",
    /// List every story.
    ShowAll = "show_all",
    /// List the unread stories only.
    ShowUnread = "show_unread",
    /// List the starred stories only.
    ShowStarred = "show_starred",
    /// Write the story with its quotes and people to a file.
    Export = "export",
    /// Write the story to a file or folder typed.
    SaveAs = "save_as",
    /// Send the story's text to a shell command typed.
    Pipe = "pipe",
    /// The sources (feeds, papers) with their unread counts.
    Sources = "sources",
    /// Mark every story of a source read (after asking).
    MarkSourceRead = "mark_source_read",
    /// Fetch every subscribed feed now.
    Fetch = "fetch",
    /// Fetch the story's web page and read its full text.
    FullText = "full_text",
}

/// The groups of actions, in the order the help and the settings file
/// show them.
pub const GROUPS: &[&str] = &[
    "Moving",
    "Panels",
    "Stories and quotes",
    "Searching",
    "Reading state",
    "Feeds and sources",
    "Elsewhere",
];

impl Action {
    /// The group the help and the settings file list the action under
    /// (one of [`GROUPS`]).
    pub fn group(self) -> &'static str {
        use Action as A;
        match self {
            A::Down
            | A::Up
            | A::PageDown
            | A::PageUp
            | A::HalfDown
            | A::HalfUp
            | A::Top
            | A::Bottom
            | A::Backspace => "Moving",
            A::FocusNext
            | A::FocusPrev
            | A::FocusLeft
            | A::FocusRight
            | A::Enter
            | A::ToggleSidebar
            | A::Zoom => "Panels",
            A::ReadOn
            | A::NextUnread
            | A::NextStory
            | A::PrevStory
            | A::NextQuote
            | A::PrevQuote
            | A::NextBySpeaker
            | A::PrevBySpeaker
            | A::PickSpeaker
            | A::People
            | A::Sort
            | A::QuotesOnly => "Stories and quotes",
            A::Search | A::NextMatch | A::PrevMatch | A::Cancel => "Searching",
            A::ToggleRead
            | A::MarkAllRead
            | A::Undo
            | A::ToggleStar
            | A::ShowAll
            | A::ShowUnread
            | A::ShowStarred => "Reading state",
            A::Fetch | A::Sources | A::MarkSourceRead | A::FullText => "Feeds and sources",
            A::OpenUrl
            | A::CopyQuote
            | A::Export
            | A::SaveAs
            | A::Pipe
            | A::Problems
            | A::Help
            | A::Quit
            | A::Suspend
            | A::Redraw => "Elsewhere",
        }
    }

    /// The line shown for the action in the help overlay.
    pub fn describe(self) -> &'static str {
        use Action as A;
        match self {
            A::Down => "move down / scroll down a line",
            A::Up => "move up / scroll up a line",
            A::PageDown => "page down",
            A::PageUp => "page up",
            A::HalfDown => "half a page down",
            A::HalfUp => "half a page up",
            A::Top => "go to the top",
            A::Bottom => "go to the bottom",
            A::FocusNext => "focus the next panel",
            A::FocusPrev => "focus the previous panel",
            A::FocusLeft => "focus the panel on the left",
            A::FocusRight => "focus the panel on the right",
            A::Enter => "open the story · go to the person's first quote · to the quote",
            A::ReadOn => "page the story; at its end, the next unread",
            A::NextUnread => "the next unread story",
            A::NextStory => "next story",
            A::PrevStory => "previous story",
            A::NextQuote => "next quote in the story",
            A::PrevQuote => "previous quote in the story",
            A::NextBySpeaker => "next quote by the same speaker",
            A::PrevBySpeaker => "previous quote by the same speaker",
            A::PickSpeaker => "pick a speaker by part of the name, go to their first quote",
            A::Search => "search stories (text, people); @name: stories quoting them",
            A::NextMatch => "next search match",
            A::PrevMatch => "previous search match",
            A::Cancel => "clear the search and filters / close",
            A::OpenUrl => "open the story's web page in the browser",
            A::CopyQuote => "copy the current quote with its attribution",
            A::ToggleSidebar => "show or hide the people and quotes",
            A::Zoom => "the story alone on the screen, or back to the panels",
            A::Problems => "show the problems met while loading",
            A::Help => "this help (type to search it)",
            A::Quit => "quit",
            A::Suspend => "suspend to the shell (fg comes back)",
            A::Redraw => "redraw the screen",
            A::People => "everyone quoted in the library; / filters",
            A::Sort => "sort by date, source, unread, file · People: quotes, name",
            A::QuotesOnly => "the story's quotes alone, with speaker and cue",
            A::Backspace => "delete a character",
            A::ToggleRead => "mark the story read or unread",
            A::MarkAllRead => "mark every listed story read (asks first)",
            A::Undo => "undo the last read, unread or star change",
            A::ToggleStar => "star or unstar the story",
            A::ShowAll => "list every story",
            A::ShowUnread => "list the unread stories",
            A::ShowStarred => "list the starred stories",
            A::Export => "export the story, its quotes and people as Markdown",
            A::SaveAs => "write the story with its quotes and people to a path you type",
            A::Pipe => "send the story's text to a command you type (| less, | wc -w)",
            A::Sources => "the sources with unread counts; Enter lists one alone",
            A::MarkSourceRead => "mark every story of the source read (asks first)",
            A::Fetch => "fetch every subscribed feed now",
            A::FullText => "fetch the story's web page for its full text",
        }
    }

    /// The action with this settings-file name.
    pub fn from_name(name: &str) -> Option<Action> {
        // `sort_people` was the name before the stories could be sorted.
        let name = if name == "sort_people" { "sort" } else { name };
        Action::ALL.iter().copied().find(|a| a.name() == name)
    }
}

/// The default bindings: `(context, keys, action)`, keys separated by spaces
/// for a sequence, in the order the help lists them. The reader's keymap is
/// this table (or the settings file's changes to it) in terminal keys.
pub const DEFAULTS: &[(Context, &str, Action)] = {
    use Action as A;
    use Context::{Normal as N, Prompt as P};
    &[
        (N, "j", A::Down),
        (N, "Down", A::Down),
        (N, "k", A::Up),
        (N, "Up", A::Up),
        (N, "Space", A::ReadOn),
        (N, "PageDown", A::PageDown),
        (N, "b", A::PageUp),
        (N, "PageUp", A::PageUp),
        (N, "C-d", A::HalfDown),
        (N, "C-u", A::HalfUp),
        (N, "g g", A::Top),
        (N, "Home", A::Top),
        (N, "G", A::Bottom),
        (N, "End", A::Bottom),
        (N, "Tab", A::FocusNext),
        (N, "S-Tab", A::FocusPrev),
        (N, "h", A::FocusLeft),
        (N, "Left", A::FocusLeft),
        (N, "l", A::FocusRight),
        (N, "Right", A::FocusRight),
        (N, "Enter", A::Enter),
        (N, "U", A::NextUnread),
        (N, "J", A::NextStory),
        (N, "K", A::PrevStory),
        (N, "]", A::NextQuote),
        (N, "[", A::PrevQuote),
        (N, "}", A::NextBySpeaker),
        (N, "{", A::PrevBySpeaker),
        (N, "@", A::PickSpeaker),
        (N, "P", A::People),
        (N, "S", A::Sort),
        (N, "\"", A::QuotesOnly),
        (N, "/", A::Search),
        (N, "n", A::NextMatch),
        (N, "N", A::PrevMatch),
        (N, "Esc", A::Cancel),
        (N, "o", A::OpenUrl),
        (N, "y", A::CopyQuote),
        (N, "s", A::ToggleSidebar),
        (N, "z", A::Zoom),
        (N, "p", A::Problems),
        (N, "?", A::Help),
        (N, "q", A::Quit),
        (N, "C-c", A::Quit),
        (N, "C-z", A::Suspend),
        (N, "C-l", A::Redraw),
        (N, "r", A::ToggleRead),
        (N, "R", A::MarkAllRead),
        (N, "u", A::Undo),
        (N, "f", A::ToggleStar),
        (N, "1", A::ShowAll),
        (N, "2", A::ShowUnread),
        (N, "3", A::ShowStarred),
        (N, "e", A::Export),
        (N, "w", A::SaveAs),
        (N, "|", A::Pipe),
        (N, "F", A::Sources),
        (N, "A", A::MarkSourceRead),
        (N, "C-r", A::Fetch),
        (N, "t", A::FullText),
        (P, "Enter", A::Enter),
        (P, "Esc", A::Cancel),
        (P, "Backspace", A::Backspace),
        (P, "Down", A::Down),
        (P, "C-n", A::Down),
        (P, "Up", A::Up),
        (P, "C-p", A::Up),
        (P, "PageDown", A::PageDown),
        (P, "PageUp", A::PageUp),
        (P, "C-c", A::Quit),
    ]
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_found() {
        for &action in Action::ALL {
            assert_eq!(Action::from_name(action.name()), Some(action));
        }
        assert_eq!(Action::from_name("HalfDown"), None);
    }

    #[test]
    fn every_action_has_a_default_key() {
        for &action in Action::ALL {
            assert!(DEFAULTS.iter().any(|&(_, _, a)| a == action), "{action:?}");
        }
    }
}
