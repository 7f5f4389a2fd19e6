//! `|` and `w`: a line typed for the open story — a command to pipe it to,
//! or a path to save it at — then handed to the runtime as a job.

use super::{App, Job, Mode};
use crate::tui::keymap::Action;
use std::sync::Arc;

/// What the line typed is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A shell command the story's text goes to on its standard input.
    Pipe,
    /// A file (or a folder) to write the story to, as Markdown, plain text
    /// or JSON by its extension.
    SaveAs,
}

impl Purpose {
    /// The prompt's first word on the status line.
    pub fn prompt(self) -> &'static str {
        match self {
            Purpose::Pipe => "pipe to",
            Purpose::SaveAs => "save as",
        }
    }
}

impl App {
    /// `|` or `w`: asks for the command or the path.
    pub(super) fn start_command(&mut self, purpose: Purpose) {
        if self.open.is_none() {
            self.status = Some("No story is open".into());
            return;
        }
        self.mode = Mode::Command {
            purpose,
            input: String::new(),
        };
    }

    pub(super) fn act_command_prompt(&mut self, action: Action) {
        let Mode::Command { purpose, input } = &mut self.mode else {
            return;
        };
        match action {
            Action::Enter => {
                let (purpose, line) = (*purpose, input.trim().to_owned());
                self.mode = Mode::Normal;
                self.run_command(purpose, line);
            }
            Action::Cancel => self.mode = Mode::Normal,
            Action::Backspace => {
                input.pop();
            }
            _ => {}
        }
    }

    fn run_command(&mut self, purpose: Purpose, line: String) {
        let Some(open) = &self.open else {
            return;
        };
        if line.is_empty() {
            self.status = Some("Nothing typed: nothing done".into());
            return;
        }
        let article = Arc::clone(&self.library.articles[open.article]);
        match purpose {
            Purpose::Pipe => {
                self.jobs.push(Job::Pipe(article, line));
                // The command had the screen.
                self.repaint = true;
            }
            Purpose::SaveAs => {
                self.status = Some("saving…".into());
                self.jobs.push(Job::SaveAs(article, line));
            }
        }
    }
}
