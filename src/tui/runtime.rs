//! The runtime: the terminal set up and always restored (on quit, on error,
//! on a panic of the UI thread, on SIGTERM/SIGHUP/SIGINT), the input,
//! signal, loader and analysis threads, one channel of events, and the main
//! loop: wait for an event, drain what else is queued, draw once.

use super::app::{App, Job, Msg};
use super::effects::{open_in_browser, osc52};
use super::keymap::Keymap;
use super::theme::Theme;
use super::ui;
use super::worker::{Analyser, spawn_loader};
use crate::article::Input;
use crossterm::event::{self as term, DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use std::io::{self, Write};
use std::panic;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// How the reader starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Capture the mouse (click and wheel).
    pub mouse: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self { mouse: true }
    }
}

/// What arrives on the UI thread's channel.
#[derive(Debug)]
pub enum Event {
    Msg(Msg),
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
    let stop = Arc::new(AtomicBool::new(false));
    let (events, inbox) = channel();
    let screen = Screen::enter(options.mouse)?;
    let result = (|| {
        let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        spawn_input(events.clone(), Arc::clone(&stop))?;
        let signals = spawn_signals(events.clone())?;
        spawn_loader(inputs, events.clone())?;
        let analyser = Analyser::spawn(events.clone(), Arc::clone(&stop))?;
        let mut app = App::new(Theme::from_env(), Keymap::default());
        let size = terminal.size()?;
        app.update(Msg::Resize(size.width, size.height));
        let mut effects = Effects {
            analyser,
            events: events.clone(),
        };
        let result = main_loop(&mut terminal, &mut app, &inbox, &mut effects);
        signals.close();
        result
    })();
    stop.store(true, Ordering::Relaxed);
    drop(screen);
    result
}

/// Carries out the jobs `update` returns.
pub trait Perform {
    fn perform(&mut self, job: Job);
}

struct Effects {
    analyser: Analyser,
    events: Sender<Event>,
}

impl Perform for Effects {
    fn perform(&mut self, job: Job) {
        match job {
            Job::Analyse(index, article) => self.analyser.now(index, article),
            Job::AnalyseLater(articles) => self.analyser.later(articles),
            Job::OpenUrl(url) => open_in_browser(url, self.events.clone()),
            Job::Copy(text) => {
                let mut out = io::stdout();
                let _ = out
                    .write_all(osc52(&text).as_bytes())
                    .and_then(|()| out.flush());
            }
        }
    }
}

/// The longest the loop goes without drawing while events keep coming.
const FRAME_BUDGET: Duration = Duration::from_millis(30);

/// What a run measured: shown by `--stats-on-exit`, and the figures
/// issue 6 asks to see from the real binary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// From the start of the loop to the first frame with a story listed.
    pub first_rows: Option<Duration>,
    /// From the start of the loop to the frame after the last file was read.
    pub all_loaded: Option<Duration>,
    pub stories: usize,
    pub problems: usize,
    pub frames: usize,
    /// The longest time from an event (or a slice of background work) to
    /// its frame on screen.
    pub slowest_frame: Duration,
}

impl Stats {
    fn frame(&mut self, took: Duration, since_start: Duration, app: &App) {
        self.frames += 1;
        self.slowest_frame = self.slowest_frame.max(took);
        if self.first_rows.is_none() && app.list_len() > 0 {
            self.first_rows = Some(since_start);
        }
        if self.all_loaded.is_none() && !app.library.loading {
            self.all_loaded = Some(since_start);
        }
        self.close(app);
    }

    fn close(&mut self, app: &App) -> Stats {
        self.stories = app.library.articles.len();
        self.problems = app.library.problems.len();
        self.clone()
    }
}

impl std::fmt::Display for Stats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ms = |d: Option<Duration>| {
            d.map_or_else(
                || "-".to_owned(),
                |d| format!("{:.1} ms", d.as_secs_f64() * 1e3),
            )
        };
        write!(
            f,
            "stories {} · problems {} · first rows {} · all loaded {} · frames {} · slowest frame {}",
            self.stories,
            self.problems,
            ms(self.first_rows),
            ms(self.all_loaded),
            self.frames,
            ms(Some(self.slowest_frame)),
        )
    }
}

enum Next {
    Event(Event),
    /// Nothing waiting, and background work to do.
    Idle,
    Closed,
}

/// The next event; without blocking while the app has work of its own.
fn next(app: &App, inbox: &Receiver<Event>) -> Next {
    if app.busy() {
        match inbox.recv_timeout(Duration::ZERO) {
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
    let started = Instant::now();
    let mut stats = Stats::default();
    draw(terminal, app)?;
    loop {
        let event = next(app, inbox);
        let began = Instant::now();
        match event {
            Next::Closed => return Ok(stats.close(app)),
            Next::Idle => {
                app.work();
            }
            Next::Event(event) => {
                handle(app, event, perform)?;
                while !app.quit && began.elapsed() < FRAME_BUDGET {
                    let Ok(event) = inbox.try_recv() else { break };
                    handle(app, event, perform)?;
                }
            }
        }
        if app.quit {
            return Ok(stats.close(app));
        }
        draw(terminal, app)?;
        stats.frame(began.elapsed(), started.elapsed(), app);
    }
}

fn handle(app: &mut App, event: Event, perform: &mut impl Perform) -> io::Result<()> {
    match event {
        Event::Msg(msg) => {
            for job in app.update(msg) {
                perform.perform(job);
            }
        }
        Event::Stop => app.quit = true,
        Event::Failed(error) => return Err(error),
    }
    Ok(())
}

fn draw<B: Backend>(terminal: &mut Terminal<B>, app: &App) -> io::Result<()> {
    terminal
        .draw(|frame| ui::draw(frame, app))
        .map(|_| ())
        .map_err(|e| io::Error::other(e.to_string()))
}

/// The terminal in reader mode; restores it when dropped, and on a panic of
/// the thread that set it up.
struct Screen {
    mouse: bool,
}

/// The hook that was in place before ours, put back when the screen goes.
type Hook = Box<dyn Fn(&panic::PanicHookInfo<'_>) + Send + Sync>;
static PREVIOUS_HOOK: Mutex<Option<Arc<Hook>>> = Mutex::new(None);

impl Screen {
    fn enter(mouse: bool) -> io::Result<Screen> {
        let previous: Arc<Hook> = Arc::new(panic::take_hook());
        if let Ok(mut slot) = PREVIOUS_HOOK.lock() {
            *slot = Some(Arc::clone(&previous));
        }
        let ui_thread = thread::current().id();
        panic::set_hook(Box::new(move |info| {
            // Other threads catch their own panics and report them as
            // problems; only a UI panic ends the reader.
            if thread::current().id() == ui_thread {
                restore(mouse);
                previous(info);
            }
        }));
        let screen = Screen { mouse };
        enable_raw_mode()?;
        execute!(io::stdout(), EnterAlternateScreen, cursor::Hide)?;
        if mouse {
            execute!(io::stdout(), EnableMouseCapture)?;
        }
        Ok(screen)
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        restore(self.mouse);
        let previous = PREVIOUS_HOOK.lock().ok().and_then(|mut slot| slot.take());
        if let Some(previous) = previous {
            let _ = panic::take_hook();
            panic::set_hook(Box::new(move |info| previous(info)));
        }
    }
}

/// Puts the terminal back; errors are ignored (the terminal may be gone).
fn restore(mouse: bool) {
    let mut out = io::stdout();
    if mouse {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(out, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
}

/// Reads the terminal on a thread; only key presses, the mouse and
/// resizes go on.
fn spawn_input(events: Sender<Event>, stop: Arc<AtomicBool>) -> io::Result<()> {
    thread::Builder::new()
        .name("byline-input".into())
        .spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                let event = match term::poll(Duration::from_millis(100)) {
                    Ok(false) => continue,
                    Ok(true) => term::read(),
                    Err(error) => Err(error),
                };
                let sent = match event {
                    Ok(term::Event::Key(key)) if key.kind == term::KeyEventKind::Press => {
                        events.send(Event::Msg(Msg::Key(key)))
                    }
                    Ok(term::Event::Mouse(mouse)) => events.send(Event::Msg(Msg::Mouse(mouse))),
                    Ok(term::Event::Resize(w, h)) => events.send(Event::Msg(Msg::Resize(w, h))),
                    Ok(_) => Ok(()),
                    Err(error) => {
                        let _ = events.send(Event::Failed(error));
                        return;
                    }
                };
                if sent.is_err() {
                    return;
                }
            }
        })?;
    Ok(())
}

/// Turns SIGTERM, SIGHUP and SIGINT into a clean stop.
fn spawn_signals(events: Sender<Event>) -> io::Result<signal_hook::iterator::Handle> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let handle = signals.handle();
    thread::Builder::new()
        .name("byline-signals".into())
        .spawn(move || {
            if signals.forever().next().is_some() {
                let _ = events.send(Event::Stop);
            }
        })?;
    Ok(handle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Loaded;
    use crate::tui::fixture;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::backend::TestBackend;

    #[derive(Default)]
    struct Recorder(Vec<Job>);

    impl Perform for Recorder {
        fn perform(&mut self, job: Job) {
            self.0.push(job);
        }
    }

    fn key(c: char) -> Event {
        Event::Msg(Msg::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )))
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
        let mut app = App::new(Theme::default(), Keymap::default());
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
        let mut app = App::new(Theme::default(), Keymap::default());
        let (events, inbox) = channel();
        events.send(Event::Stop).unwrap();
        main_loop(&mut terminal, &mut app, &inbox, &mut Recorder::default()).unwrap();
        assert!(app.quit);
        let mut app = App::new(Theme::default(), Keymap::default());
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
        let mut app = App::new(Theme::default(), Keymap::default());
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
