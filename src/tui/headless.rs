//! The reader without a terminal: the app drawn on ratatui's `TestBackend`,
//! driven by key names, or the whole reader (loader, analysis threads, main
//! loop) run on it until a milestone. For benchmarks and tests outside this
//! module, which must not name ratatui or crossterm themselves.

use super::app::{App, Job, Msg};
use super::keymap::{Key, Keymap};
use super::runtime::Session;
use super::stats::Stats;
use super::theme::Theme;
use super::ui;
use crate::article::Input;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::io;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::channel;
use std::time::Instant;

/// Where a headless run of the whole reader ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Until {
    /// At the first frame with every story listed.
    Listed,
    /// At the first frame with every story analysed.
    Analysed,
    /// At the first frame with every story analysed and in the speaker index.
    Indexed,
}

impl Until {
    fn reached(self, app: &App) -> bool {
        let library = &app.library;
        match self {
            Until::Listed => !library.loading,
            Until::Analysed => !library.loading && library.analysed == library.articles.len(),
            Until::Indexed => Until::Analysed.reached(app) && app.indexed == library.articles.len(),
        }
    }
}

/// Runs the reader, threads and all, on a `width`×`height` test screen,
/// reading `inputs`, until `until`; returns what it measured, counted from
/// the call.
pub fn run(inputs: Vec<Input>, width: u16, height: u16, until: Until) -> io::Result<Stats> {
    run_to(inputs, width, height, until).map(|(stats, _)| stats)
}

/// [`run`], also giving back the reader as it was at the end, to press
/// keys on and draw.
pub fn run_to(
    inputs: Vec<Input>,
    width: u16,
    height: u16,
    until: Until,
) -> io::Result<(Stats, Headless)> {
    let started = Instant::now();
    let mut reader = Headless::new(width, height);
    let (events, inbox) = channel();
    let session = Session {
        inputs,
        events,
        stop: Arc::new(AtomicBool::new(false)),
        started,
        saver: None,
        watch: Vec::new(),
        load: crate::article::Options::default(),
        feeds: crate::feeds::FeedSettings::default(),
        handover: None,
    };
    let done = move |app: &App| until.reached(app);
    let stats = session.run(&mut reader.terminal, &mut reader.app, &inbox, &done)?;
    Ok((stats, reader))
}

pub struct Headless {
    pub app: App,
    terminal: Terminal<TestBackend>,
}

impl Headless {
    /// A reader on a `width`×`height` screen, in colour.
    pub fn new(width: u16, height: u16) -> Headless {
        let mut app = App::new(Theme::default(), Keymap::default());
        app.update(Msg::Resize(width, height));
        let terminal = match Terminal::new(TestBackend::new(width, height)) {
            Ok(terminal) => terminal,
            Err(never) => match never {},
        };
        Headless { app, terminal }
    }

    pub fn send(&mut self, msg: Msg) -> Vec<Job> {
        self.app.update(msg)
    }

    /// Presses keys written as the keymap writes them, separated by
    /// spaces: `"j"`, `"g g"`, `"C-d"`, `"Enter"`. Unknown names are skipped.
    pub fn press(&mut self, keys: &str) -> Vec<Job> {
        let mut jobs = Vec::new();
        for key in keys.split(' ').filter_map(Key::parse) {
            jobs.extend(self.app.update(Msg::Key(key)));
        }
        jobs
    }

    /// Draws a frame of the current state.
    pub fn draw(&mut self) {
        let app = &self.app;
        match self.terminal.draw(|frame| ui::draw(frame, app)) {
            Ok(_) => {}
            Err(never) => match never {},
        }
    }

    /// The last frame as text, one quoted line per row.
    pub fn screen(&self) -> String {
        self.terminal.backend().to_string()
    }
}
