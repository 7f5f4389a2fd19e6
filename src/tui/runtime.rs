//! The runtime: the reader's threads (input and signals from
//! `terminal`, the loader, the analysis threads), one
//! channel of events, and the main loop: wait for an event, drain what else
//! is queued, draw once; slices of the app's own work (search, wrapping)
//! run while nothing waits, with a frame now and then.

use super::analyser::Analyser;
use super::app::{App, Job, Msg};
use super::effects::{in_terminal, open_in_browser, osc52, run_in_foreground, suspend};
use super::exporting::export_story;
use super::fetching::{FetchSetup, fetch_in_background, full_text_in_background};
use super::keymap::Keymap;
use super::saver::Saver;
use super::stats::Stats;
use super::terminal::{Handover, Screen, spawn_input, spawn_signals};
use super::theme::Theme;
use super::ui;
use super::watcher::spawn_watcher;
use super::worker::spawn_loader;
use crate::article::{Input, Place, Problem};
use crate::config::Config;
use crate::state::StateStore;
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

/// How the reader starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Capture the mouse (click and wheel).
    pub mouse: bool,
    /// When the program started, so that the figures in [`Stats`] count
    /// from there; by default, from when the reader starts.
    pub started: Option<Instant>,
    /// The settings and the problems met reading them.
    pub config: Config,
    /// Folders and files to watch for new and changed articles.
    pub watch: Vec<PathBuf>,
    /// Where the reading state is kept; `None`: `$XDG_STATE_HOME/byline`.
    pub state_dir: Option<PathBuf>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            mouse: true,
            started: None,
            config: Config::default(),
            watch: Vec::new(),
            state_dir: None,
        }
    }
}

/// What arrives on the UI thread's channel.
#[derive(Debug)]
pub enum Event {
    Msg(Msg),
    /// A key press or mouse event, and when it was read: its frame's
    /// latency counts from then.
    Input(Msg, Instant),
    /// A signal asked us to stop.
    Stop,
    /// The terminal could not be read.
    Failed(io::Error),
}

/// Runs the reader on `inputs` until the user quits.
pub fn run(inputs: Vec<Input>) -> io::Result<()> {
    run_with(inputs, &Options::default()).map(|_| ())
}

/// Runs the reader; returns what it measured.
pub fn run_with(inputs: Vec<Input>, options: &Options) -> io::Result<Stats> {
    use std::io::IsTerminal;
    if !io::stdout().is_terminal() {
        return Err(io::Error::other(
            "the reader needs a terminal; `byline extract` writes JSON Lines for scripts",
        ));
    }
    let started = options.started.unwrap_or_else(Instant::now);
    let stop = Arc::new(AtomicBool::new(false));
    let (events, inbox) = channel();
    let mut app = App::new(Theme::from_env(), Keymap::default());
    app.configure(&options.config);
    let saver = open_state(&mut app, options.state_dir.as_ref(), &events);
    let screen = Screen::enter(options.mouse)?;
    let result = (|| {
        let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        let handover = Handover::new(options.mouse);
        spawn_input(events.clone(), Arc::clone(&stop), Arc::clone(&handover))?;
        let signals = spawn_signals(events.clone())?;
        if super::guard::is_guarded() {
            let events = events.clone();
            super::guard::watch_guard(move || {
                let _ = events.send(Event::Stop);
            });
        }
        let size = terminal.size()?;
        app.update(Msg::Resize(size.width, size.height));
        let session = Session {
            inputs,
            events,
            stop: Arc::clone(&stop),
            started,
            saver,
            watch: options.watch.clone(),
            load: options.config.settings.load_options(),
            feeds: options.config.settings.feeds,
            handover: Some(handover),
        };
        let result = session.run(&mut terminal, &mut app, &inbox, &|_| false);
        signals.close();
        result
    })();
    stop.store(true, Ordering::Relaxed);
    // The screen comes back first; freeing a large library takes a moment.
    drop(screen);
    drop(app);
    result
}

/// Reads the reading state into the app (a damaged file is a problem, not
/// an error) and starts the thread that saves it.
fn open_state(app: &mut App, dir: Option<&PathBuf>, events: &Sender<Event>) -> Option<Saver> {
    let store = match dir {
        Some(dir) => StateStore::new(dir),
        None => match StateStore::open_default() {
            Ok(store) => store,
            Err(err) => {
                let file = Arc::from("reading state");
                app.library
                    .problems
                    .push(Problem::new(&file, Place::File, err.to_string()));
                return None;
            }
        },
    };
    app.restore_state(store.load());
    Saver::spawn(store, events.clone()).ok()
}

/// The reader's work on any backend: the loader and analysis threads and
/// the main loop. The terminal, input and signals are the caller's.
pub struct Session {
    pub inputs: Vec<Input>,
    /// Where the threads send their events.
    pub events: Sender<Event>,
    /// Set when the session is over: the loader stops reading.
    pub stop: Arc<AtomicBool>,
    pub started: Instant,
    /// Saves the reading state; `None`: it is not kept.
    pub saver: Option<Saver>,
    /// Paths to watch for new and changed articles.
    pub watch: Vec<PathBuf>,
    /// How files are read (the user's formats).
    pub load: crate::article::Options,
    /// How feeds are fetched (`Ctrl-r`, `fetch_every`).
    pub feeds: crate::feeds::FeedSettings,
    /// Gives the terminal to another program and takes it back; `None`
    /// when the screen is not a terminal (tests).
    pub handover: Option<Arc<Handover>>,
}

impl Session {
    /// Runs until the app quits, the channel closes or `done` says so;
    /// every thread it started stops after the story it is on.
    pub fn run<B: Backend>(
        self,
        terminal: &mut Terminal<B>,
        app: &mut App,
        inbox: &Receiver<Event>,
        done: &dyn Fn(&App) -> bool,
    ) -> io::Result<Stats> {
        let load = self.load;
        let load_again = load.clone();
        spawn_loader(
            self.inputs,
            load.clone(),
            self.events.clone(),
            Arc::clone(&self.stop),
        )?;
        if !self.watch.is_empty() {
            spawn_watcher(
                self.watch,
                load,
                self.events.clone(),
                Arc::clone(&self.stop),
            );
        }
        let analyser =
            Analyser::spawn_indexing(self.events.clone(), Analyser::background_threads())?;
        super::fetching::fetch_every(self.feeds.fetch_every, self.events.clone());
        let mut effects = Effects {
            analyser,
            events: self.events,
            saver: self.saver,
            fetch: FetchSetup {
                feeds: self.feeds,
                load: load_again,
            },
            handover: self.handover,
        };
        let result = main_loop_until(terminal, app, inbox, &mut effects, self.started, done);
        self.stop.store(true, Ordering::Relaxed);
        if let Some(saver) = effects.saver {
            saver.finish(app);
        }
        result
    }
}

/// Carries out the jobs `update` returns.
pub trait Perform {
    fn perform(&mut self, job: Job);

    /// Called after each frame: work due now and then rather than per job
    /// (saving the reading state). Returns how long the loop may wait for
    /// an event before calling again.
    fn tick(&mut self, _app: &mut App) -> Option<Duration> {
        None
    }
}

struct Effects {
    analyser: Analyser,
    events: Sender<Event>,
    saver: Option<Saver>,
    fetch: FetchSetup,
    handover: Option<Arc<Handover>>,
}

impl Perform for Effects {
    fn perform(&mut self, job: Job) {
        match job {
            Job::Analyse(index, article) => self.analyser.now(index, article),
            Job::AnalyseLater(articles) => self.analyser.later(articles),
            Job::AnalyseAgain(articles) => self.analyser.again(articles),
            Job::OpenUrl(url) => match (&self.handover, in_terminal(&url)) {
                (Some(handover), Some(command)) => {
                    run_in_foreground(handover, &command, &self.events);
                }
                _ => open_in_browser(url, self.events.clone()),
            },
            Job::Pipe(article, command) => {
                super::piping::pipe_story(
                    self.handover.as_deref(),
                    &article,
                    &command,
                    &self.events,
                );
            }
            Job::SaveAs(article, path) => {
                super::piping::save_story_as(article, path, self.events.clone());
            }
            Job::Suspend => {
                if let Some(handover) = &self.handover {
                    suspend(handover, &self.events);
                }
            }
            Job::Copy(text) => {
                let mut out = io::stdout();
                let _ = out
                    .write_all(osc52(&text).as_bytes())
                    .and_then(|()| out.flush());
            }
            Job::Export(article) => export_story(article, self.events.clone()),
            Job::Fetch => fetch_in_background(self.fetch.clone(), self.events.clone()),
            Job::FullText(article, url) => {
                let feeds = self.fetch.feeds;
                full_text_in_background(article, url, feeds, self.events.clone());
            }
            Job::Prepare(index, digest, article) => {
                super::story::prepare_apart(index, digest, article, self.events.clone());
            }
        }
    }

    fn tick(&mut self, app: &mut App) -> Option<Duration> {
        self.saver.as_mut()?.offer(app)
    }
}

/// The longest the loop goes without drawing while events keep coming.
const FRAME_BUDGET: Duration = Duration::from_millis(30);

enum Next {
    Event(Event),
    /// Nothing waiting, and background work to do.
    Idle,
    Closed,
}

/// The next event; without blocking while the app has work of its own,
/// nor past `wake`.
fn next(app: &App, inbox: &Receiver<Event>, wake: Option<Duration>) -> Next {
    let wait = if app.busy() {
        Some(Duration::ZERO)
    } else {
        wake
    };
    if let Some(wait) = wait {
        match inbox.recv_timeout(wait) {
            Ok(event) => Next::Event(event),
            Err(RecvTimeoutError::Timeout) => Next::Idle,
            Err(RecvTimeoutError::Disconnected) => Next::Closed,
        }
    } else {
        inbox.recv().map_or(Next::Closed, Next::Event)
    }
}

/// Waits for events, applies them, and draws; returns when the app quits
/// or the channel closes. Events that queued up while a frame was drawn
/// are all applied before the next one. Generic over the backend, so it
/// runs on `TestBackend` in tests.
pub fn main_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    inbox: &Receiver<Event>,
    perform: &mut impl Perform,
) -> io::Result<Stats> {
    main_loop_until(terminal, app, inbox, perform, Instant::now(), &|_| false)
}

/// [`main_loop`], also returning after the first frame for which `done`
/// holds; the figures count from `started`.
pub fn main_loop_until<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    inbox: &Receiver<Event>,
    perform: &mut impl Perform,
    started: Instant,
    done: &dyn Fn(&App) -> bool,
) -> io::Result<Stats> {
    let mut stats = Stats::default();
    draw(terminal, app)?;
    let mut drawn = Instant::now();
    let mut wake = None;
    loop {
        let event = next(app, inbox, wake);
        let began = Instant::now();
        // The earliest input this frame answers.
        let mut input: Option<Instant> = None;
        match event {
            Next::Closed => return Ok(stats.close(app)),
            Next::Idle => {
                // Slices of the app's own work show a frame now and then,
                // not after each one.
                if app.work() && drawn.elapsed() < FRAME_BUDGET {
                    continue;
                }
            }
            Next::Event(event) => {
                handle(app, event, perform, &mut input)?;
                while !app.quit && began.elapsed() < FRAME_BUDGET {
                    let Ok(event) = inbox.try_recv() else { break };
                    handle(app, event, perform, &mut input)?;
                }
            }
        }
        if app.quit {
            return Ok(stats.close(app));
        }
        if std::mem::take(&mut app.repaint) {
            terminal
                .clear()
                .map_err(|e| io::Error::other(e.to_string()))?;
        }
        draw(terminal, app)?;
        drawn = Instant::now();
        wake = perform.tick(app);
        stats.frame(began.elapsed(), started.elapsed(), app);
        if let Some(at) = input {
            stats.inputs.push(at.elapsed());
        }
        if done(app) {
            return Ok(stats.close(app));
        }
    }
}

fn handle(
    app: &mut App,
    event: Event,
    perform: &mut impl Perform,
    input: &mut Option<Instant>,
) -> io::Result<()> {
    let msg = match event {
        Event::Msg(msg) => msg,
        Event::Input(msg, at) => {
            input.get_or_insert(at);
            msg
        }
        Event::Stop => {
            app.quit = true;
            return Ok(());
        }
        Event::Failed(error) => return Err(error),
    };
    for job in app.update(msg) {
        perform.perform(job);
    }
    Ok(())
}

fn draw<B: Backend>(terminal: &mut Terminal<B>, app: &App) -> io::Result<()> {
    terminal
        .draw(|frame| ui::draw(frame, app))
        .map(|_| ())
        .map_err(|e| io::Error::other(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Loaded;
    use crate::tui::fixture;
    use crate::tui::keymap::Key;
    use ratatui::backend::TestBackend;
    use std::thread;

    #[derive(Default)]
    struct Recorder(Vec<Job>);

    impl Perform for Recorder {
        fn perform(&mut self, job: Job) {
            self.0.push(job);
        }
    }

    fn key(c: char) -> Event {
        Event::Msg(Msg::Key(Key::char(c)))
    }

    fn stories() -> Loaded {
        let (articles, _): (Vec<_>, Vec<_>) = fixture::stories().into_iter().unzip();
        Loaded {
            articles,
            problems: Vec::new(),
        }
    }

    #[test]
    fn the_loop_applies_events_draws_and_quits() {
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        let mut app = crate::tui::fixture::unsorted();
        app.update(Msg::Resize(100, 30));
        let (events, inbox) = channel();
        events.send(Event::Msg(Msg::Loaded(stories()))).unwrap();
        events.send(Event::Msg(Msg::LoadDone)).unwrap();
        events.send(key('j')).unwrap();
        // Quit once the queue has been drawn, so the screen shows it.
        let quitter = thread::spawn(move || {
            thread::sleep(Duration::from_millis(300));
            events.send(key('q')).unwrap();
        });
        let mut jobs = Recorder::default();
        let stats = main_loop(&mut terminal, &mut app, &inbox, &mut jobs).unwrap();
        quitter.join().unwrap();
        assert!(app.quit);
        assert_eq!(app.selected, Some(1));
        assert!(jobs.0.iter().any(|j| matches!(j, Job::Analyse(0, _))));
        assert!(jobs.0.iter().any(|j| matches!(j, Job::Analyse(1, _))));
        assert_eq!(stats.stories, 4);
        let shown = terminal.backend().to_string();
        assert!(shown.contains("Harbour council"), "{shown}");
    }

    #[test]
    fn the_loop_ends_when_the_channel_closes_or_a_signal_comes() {
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        let mut app = crate::tui::fixture::unsorted();
        let (events, inbox) = channel();
        events.send(Event::Stop).unwrap();
        main_loop(&mut terminal, &mut app, &inbox, &mut Recorder::default()).unwrap();
        assert!(app.quit);
        let mut app = crate::tui::fixture::unsorted();
        drop(events);
        main_loop(&mut terminal, &mut app, &inbox, &mut Recorder::default()).unwrap();
        let (events, inbox) = channel();
        events
            .send(Event::Failed(io::Error::other("gone")))
            .unwrap();
        assert!(main_loop(&mut terminal, &mut app, &inbox, &mut Recorder::default()).is_err());
    }

    #[test]
    fn quitting_while_stories_pour_in_is_prompt() {
        let mut terminal = Terminal::new(TestBackend::new(160, 45)).unwrap();
        let mut app = crate::tui::fixture::unsorted();
        app.update(Msg::Resize(160, 45));
        let (events, inbox) = channel();
        let flood = events.clone();
        let loader = thread::spawn(
            move || {
                while flood.send(Event::Msg(Msg::Loaded(stories()))).is_ok() {}
            },
        );
        let quitter = thread::spawn(move || {
            thread::sleep(Duration::from_millis(200));
            let _ = events.send(key('q'));
        });
        let started = Instant::now();
        let stats = main_loop(&mut terminal, &mut app, &inbox, &mut Recorder::default()).unwrap();
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
        assert!(
            stats.first_rows.is_some() && stats.frames > 1,
            "frames were drawn while loading: {stats}"
        );
        drop(inbox);
        quitter.join().unwrap();
        loader.join().unwrap();
    }
}
