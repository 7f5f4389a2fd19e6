//! The overlays and prompts: the searchable help, the problems panel, and
//! the text typed into prompts.

use super::nav::motion_delta;
use super::{App, ListState, Mode};
use crate::config::actions::{DEFAULTS, GROUPS};
use crate::tui::keymap::{Action, Context, Keymap};
use crate::tui::needle::Needle;

/// One line of the help: the keys for an action and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    pub keys: String,
    pub action: Action,
    pub description: &'static str,
}

/// A line of the help as drawn: a group's name, or a row under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Group(&'static str),
    Row(HelpRow),
}

/// The help's lines: the rows `filter` keeps, under their groups' names,
/// as the settings file groups them.
pub fn help_lines(keymap: &Keymap, filter: &str) -> Vec<HelpLine> {
    let rows = help_rows(keymap, filter);
    let mut lines = Vec::with_capacity(rows.len() + GROUPS.len());
    for &group in GROUPS {
        let mut under = rows.iter().filter(|r| r.action.group() == group).peekable();
        if under.peek().is_some() {
            lines.push(HelpLine::Group(group));
            lines.extend(under.cloned().map(HelpLine::Row));
        }
    }
    lines
}

/// The help's lines, in the order of the default table, keeping those
/// whose keys or description contain `filter`.
pub fn help_rows(keymap: &Keymap, filter: &str) -> Vec<HelpRow> {
    let needle = Needle::new(filter);
    // A key written another way than the help writes it (`C-d`, `pagedown`).
    let key = crate::config::keys::canonical(filter).and_then(|k| Needle::new(&k));
    let mut seen = Vec::new();
    let mut rows = Vec::new();
    for &(context, _, action) in DEFAULTS {
        if context != Context::Normal || seen.contains(&action) {
            continue;
        }
        seen.push(action);
        let keys = keymap.keys_for(Context::Normal, action).join(" / ");
        let row = HelpRow {
            keys,
            action,
            description: action.describe(),
        };
        if needle
            .as_ref()
            .is_none_or(|n| n.is_in(&row.keys) || n.is_in(row.description))
            || key.as_ref().is_some_and(|k| k.is_in(&row.keys))
        {
            rows.push(row);
        }
    }
    rows
}

impl App {
    pub(super) fn act_help(&mut self, action: Action) {
        let rows = overlay_rows(self.size.1);
        let Mode::Help { filter, scroll } = &mut self.mode else {
            return;
        };
        let Some(delta) = motion_delta(action, OVERLAY_PAGE) else {
            match action {
                Action::Cancel | Action::Enter => self.mode = Mode::Normal,
                Action::Backspace => {
                    filter.pop();
                    *scroll = ListState::default();
                }
                _ => {}
            }
            return;
        };
        scroll.scroll_by(delta, help_lines(&self.keymap, filter).len(), rows);
    }

    pub(super) fn act_problems(&mut self, action: Action) {
        let rows = overlay_rows(self.size.1);
        let Mode::Problems { scroll } = &mut self.mode else {
            return;
        };
        let Some(delta) = overlay_motion(action) else {
            let close = [
                Action::Cancel,
                Action::Quit,
                Action::Problems,
                Action::Enter,
            ];
            if close.contains(&action) {
                self.mode = Mode::Normal;
            }
            return;
        };
        scroll.scroll_by(delta, self.library.problems.len(), rows);
    }

    /// A printable key typed into the prompt in force.
    pub(super) fn type_char(&mut self, c: char) {
        match &mut self.mode {
            Mode::Search { input } => {
                input.push(c);
                let query = input.clone();
                self.set_query(&query);
            }
            Mode::Speaker { input, choice } => {
                input.push(c);
                *choice = 0;
            }
            Mode::Help { filter, scroll } => {
                filter.push(c);
                *scroll = ListState::default();
            }
            Mode::PeopleFilter => self.type_people(c),
            Mode::Command { input, .. } => input.push(c),
            Mode::Normal | Mode::Problems { .. } | Mode::Sources { .. } => {}
        }
    }

    /// Keeps overlay scroll positions and choices within their lists.
    pub(super) fn settle_overlay(&mut self) {
        let rows = overlay_rows(self.size.1);
        let problems = self.library.problems.len();
        let speakers = match &self.mode {
            Mode::Speaker { input, .. } => self.speaker_matches(input).len(),
            _ => 0,
        };
        let help = match &self.mode {
            Mode::Help { filter, .. } => help_lines(&self.keymap, filter).len(),
            _ => 0,
        };
        match &mut self.mode {
            Mode::Help { scroll, .. } => scroll.clamp(help, rows),
            Mode::Problems { scroll } => scroll.clamp(problems, rows),
            Mode::Speaker { choice, .. } => *choice = (*choice).min(speakers.saturating_sub(1)),
            Mode::Normal
            | Mode::Search { .. }
            | Mode::PeopleFilter
            | Mode::Sources { .. }
            | Mode::Command { .. } => {}
        }
    }
}

/// Rows a page key moves the help, the problems and the sources by.
const OVERLAY_PAGE: isize = 10;

/// How far a motion key moves in the problems or the sources, where half
/// a page is a whole one; `None` for any other action.
pub(super) fn overlay_motion(action: Action) -> Option<isize> {
    match action {
        Action::HalfDown => Some(OVERLAY_PAGE),
        Action::HalfUp => Some(-OVERLAY_PAGE),
        _ => motion_delta(action, OVERLAY_PAGE),
    }
}

/// Rows of an overlay list (help, problems) on a screen `height` high:
/// the box leaves a row above and below, and has borders and a prompt line.
pub fn overlay_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(6)).max(1)
}
