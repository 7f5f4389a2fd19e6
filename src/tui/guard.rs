//! The terminal's guard: the reader runs in a child process, and the
//! process the shell started waits for it and puts the terminal back if
//! the reader could not.
//!
//! The reader restores the terminal when it quits, on a panic of its UI
//! thread and on SIGTERM, SIGHUP and SIGINT. Nothing in a process can do
//! it after `kill -9`, an abort (memory exhausted) or a crash. The guard
//! can, and since the shell waits for the guard, the terminal is back
//! before the shell prints its prompt:
//!
//! 1. the guard reads the terminal's modes, then starts this same binary
//!    with the same arguments as the reader (marked by [`CHILD`] in its
//!    environment) and waits for it;
//! 2. SIGTERM, SIGHUP and SIGINT sent to the guard are passed on to the
//!    reader, which stops cleanly;
//! 3. when the reader ends by a signal, the guard leaves the alternate
//!    screen, turns mouse reporting off, shows the cursor and sets the
//!    terminal's modes back, then exits as the reader did;
//! 4. the reader watches its parent: if the guard itself is killed, the
//!    reader stops (and restores the terminal, being alive to do it).

use rustix::process::{Pid, Signal, kill_process};
use rustix::termios::{OptionalActions, Termios, tcgetattr, tcsetattr};
use std::io::{self, Write};
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, ExitCode};

/// In the reader's environment: it runs under a guard.
pub const CHILD: &str = "BYLINE_GUARDED";

/// Whether this process is the reader under a guard.
pub fn is_guarded() -> bool {
    std::env::var_os(CHILD).is_some()
}

/// Runs the reader under a guard. `None` when the reader could not be
/// started as a child (it then runs in this process, unguarded).
pub fn supervise() -> Option<ExitCode> {
    let tty = tty()?;
    let modes = tcgetattr(&tty).ok();
    let mut args = std::env::args_os();
    let program = std::env::current_exe().ok()?;
    let mut child = Command::new(program)
        .args(args.by_ref().skip(1))
        .env(CHILD, "1")
        .spawn()
        .ok()?;
    let pid = Pid::from_raw(i32::try_from(child.id()).ok()?)?;
    let forwarding = forward_signals(pid);
    let status = child.wait();
    if let Ok(handle) = forwarding {
        handle.close();
    }
    let Ok(status) = status else {
        return Some(ExitCode::FAILURE);
    };
    if let Some(signal) = status.signal() {
        restore(&tty, modes.as_ref());
        return Some(ExitCode::from(
            128u8.saturating_add(u8::try_from(signal).unwrap_or(0)),
        ));
    }
    let code = status.code().unwrap_or(1);
    if code == 101 {
        // A panic the reader could not catch.
        restore(&tty, modes.as_ref());
    }
    Some(ExitCode::from(u8::try_from(code).unwrap_or(1)))
}

/// Passes SIGTERM, SIGHUP and SIGINT on to the reader.
fn forward_signals(pid: Pid) -> io::Result<signal_hook::iterator::Handle> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let handle = signals.handle();
    std::thread::Builder::new()
        .name("byline-guard".into())
        .spawn(move || {
            for signal in signals.forever() {
                let signal = match signal {
                    SIGHUP => Signal::HUP,
                    SIGINT => Signal::INT,
                    _ => Signal::TERM,
                };
                let _ = kill_process(pid, signal);
            }
        })?;
    Ok(handle)
}

/// Puts the terminal back as the reader would have.
fn restore(tty: &std::fs::File, modes: Option<&Termios>) {
    let mut out = io::stdout();
    // Mouse reporting off (every mode the reader may set), the main
    // screen, the cursor shown.
    let _ = out.write_all(b"\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1015l\x1b[?1006l");
    let _ = out.write_all(b"\x1b[?1049l\x1b[?25h");
    let _ = out.flush();
    if let Some(modes) = modes {
        let _ = tcsetattr(tty, OptionalActions::Now, modes);
    }
}

/// The controlling terminal.
fn tty() -> Option<std::fs::File> {
    std::fs::File::options()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .ok()
}

/// In the reader: calls `stop` once the guard is gone (killed), so that
/// the reader does not go on reading keys in a terminal the shell has
/// taken back.
pub fn watch_guard(stop: impl FnOnce() + Send + 'static) {
    let parent = std::os::unix::process::parent_id();
    let _ = std::thread::Builder::new()
        .name("byline-guarded".into())
        .spawn(move || {
            while std::os::unix::process::parent_id() == parent {
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            stop();
        });
}
