//! The terminal in reader mode: raw mode, the alternate screen and the
//! mouse, always given back (when the [`Screen`] is dropped, on a panic of
//! the UI thread, on SIGTERM/SIGHUP/SIGINT, and by the [`guard`] process
//! when the reader is killed or aborts), and the threads that read keys
//! and signals into the UI thread's channel.
//!
//! [`guard`]: super::guard

use super::app::Msg;
use super::keymap::key_pressed;
use super::runtime::Event;
use crossterm::event::{self as term, DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use std::io;
use std::panic;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// The terminal in reader mode; restores it when dropped, and on a panic of
/// the thread that set it up.
pub struct Screen {
    mouse: bool,
}

/// The hook that was in place before ours, put back when the screen goes.
type Hook = Box<dyn Fn(&panic::PanicHookInfo<'_>) + Send + Sync>;
static PREVIOUS_HOOK: Mutex<Option<Arc<Hook>>> = Mutex::new(None);

impl Screen {
    pub fn enter(mouse: bool) -> io::Result<Screen> {
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

/// Leaves reader mode for a program that needs the terminal (a terminal
/// browser, the shell while suspended); [`Handover::take_back`] returns.
pub struct Handover {
    mouse: bool,
    /// The input thread is asked to stop reading …
    wanted: AtomicBool,
    /// … and says when it has.
    idle: AtomicBool,
}

/// How long the input thread waits for a key before looking at its flags.
const INPUT_POLL: Duration = Duration::from_millis(50);

impl Handover {
    pub fn new(mouse: bool) -> Arc<Handover> {
        Arc::new(Handover {
            mouse,
            wanted: AtomicBool::new(false),
            idle: AtomicBool::new(false),
        })
    }

    /// Stops reading keys (so that none is taken from the program that
    /// runs next) and gives the terminal back as it was.
    pub fn hand_over(&self) {
        self.wanted.store(true, Ordering::SeqCst);
        let asked = Instant::now();
        // The input thread looks at least once a poll; past a second it is
        // stuck, and the terminal is handed over anyway.
        while !self.idle.load(Ordering::SeqCst) && asked.elapsed() < Duration::from_secs(1) {
            thread::sleep(Duration::from_millis(5));
        }
        restore(self.mouse);
    }

    /// Reader mode again, and keys read again.
    pub fn take_back(&self) -> io::Result<()> {
        enable_raw_mode()?;
        execute!(io::stdout(), EnterAlternateScreen, cursor::Hide)?;
        if self.mouse {
            execute!(io::stdout(), EnableMouseCapture)?;
        }
        self.wanted.store(false, Ordering::SeqCst);
        Ok(())
    }

    /// Whether the input thread must leave the terminal alone; says it does.
    fn held(&self) -> bool {
        let held = self.wanted.load(Ordering::SeqCst);
        self.idle.store(held, Ordering::SeqCst);
        held
    }
}

/// Reads the terminal on a thread; only key presses, the mouse and
/// resizes go on. Nothing is read while `handover` holds the terminal.
pub fn spawn_input(
    events: Sender<Event>,
    stop: Arc<AtomicBool>,
    handover: Arc<Handover>,
) -> io::Result<()> {
    thread::Builder::new()
        .name("byline-input".into())
        .spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                if handover.held() {
                    thread::sleep(Duration::from_millis(10));
                    continue;
                }
                let event = match term::poll(INPUT_POLL) {
                    Ok(false) => continue,
                    Ok(true) => term::read(),
                    Err(error) => Err(error),
                };
                let event = match event {
                    Ok(term::Event::Key(event)) => match key_pressed(event) {
                        Some(key) => Event::Input(Msg::Key(key), Instant::now()),
                        None => continue,
                    },
                    Ok(term::Event::Mouse(mouse)) => {
                        Event::Input(Msg::Mouse(mouse), Instant::now())
                    }
                    Ok(term::Event::Resize(w, h)) => Event::Msg(Msg::Resize(w, h)),
                    Ok(_) => continue,
                    Err(error) => {
                        let _ = events.send(Event::Failed(error));
                        return;
                    }
                };
                let sent = events.send(event);
                if sent.is_err() {
                    return;
                }
            }
        })?;
    Ok(())
}

/// Turns SIGTERM, SIGHUP and SIGINT into a clean stop.
pub fn spawn_signals(events: Sender<Event>) -> io::Result<signal_hook::iterator::Handle> {
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
