//! What the reader does outside itself: starting the browser (a terminal
//! browser in the reader's place), suspending to the shell, and putting
//! text on the clipboard with OSC 52.

use super::app::Msg;
use super::runtime::Event;
use super::terminal::Handover;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc::Sender;
use std::thread;

/// Starts `$BROWSER` (a list separated by `:`, `%s` standing for the
/// address), else the system's opener, detached from the terminal so it can
/// neither block the reader nor draw over it. A browser that cannot start,
/// or ends in failure, is reported on the status line.
pub fn open_in_browser(url: String, events: Sender<Event>) {
    let spawned = thread::Builder::new()
        .name("byline-browser".into())
        .spawn(move || {
            let report = |text: String| {
                let _ = events.send(Event::Msg(Msg::Status(text)));
            };
            for command in browser_commands(std::env::var("BROWSER").ok().as_deref(), &url) {
                let Some((program, args)) = command.split_first() else {
                    continue;
                };
                let child = Command::new(program)
                    .args(args)
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn();
                if let Ok(mut child) = child {
                    match child.wait() {
                        Ok(status) if !status.success() => {
                            report(format!("The browser `{program}` failed ({status})"));
                        }
                        Ok(_) => {}
                        Err(error) => report(format!("The browser `{program}`: {error}")),
                    }
                    return;
                }
            }
            report("Could not start a browser: set $BROWSER".into());
        });
    drop(spawned);
}

/// Browsers that draw in the terminal: they run in the reader's place,
/// with the screen handed over, rather than detached.
const TERMINAL_BROWSERS: &[&str] = &[
    "w3m",
    "lynx",
    "links",
    "links2",
    "elinks",
    "browsh",
    "carbonyl",
    "cha",
    "www-browser",
];

/// The command for `url` when `$BROWSER` names a terminal browser first.
pub fn in_terminal(url: &str) -> Option<Vec<String>> {
    let browser = std::env::var("BROWSER").ok()?;
    let command = browser_commands(Some(&browser), url).into_iter().next()?;
    let program = Path::new(command.first()?).file_name()?.to_str()?;
    TERMINAL_BROWSERS.contains(&program).then_some(command)
}

/// Runs a terminal browser in the reader's place and comes back when it
/// ends; a failure to start, or a failed end, is reported.
pub fn run_in_foreground(handover: &Handover, command: &[String], events: &Sender<Event>) {
    let Some((program, args)) = command.split_first() else {
        return;
    };
    handover.hand_over();
    let status = Command::new(program).args(args).status();
    let back = handover.take_back();
    let report = match (status, back) {
        (_, Err(error)) => Some(format!("Could not take the terminal back: {error}")),
        (Err(error), _) => Some(format!("Could not start `{program}`: {error}")),
        (Ok(status), _) if !status.success() => {
            Some(format!("The browser `{program}` failed ({status})"))
        }
        (Ok(_), _) => None,
    };
    if let Some(text) = report {
        let _ = events.send(Event::Msg(Msg::Status(text)));
    }
}

/// `Ctrl-z`: hands the terminal back and stops the reader's process group
/// (the guard with it) as the terminal would; `fg` continues it here.
pub fn suspend(handover: &Handover, events: &Sender<Event>) {
    handover.hand_over();
    let stopped = rustix::process::kill_current_process_group(rustix::process::Signal::TSTP);
    if let Err(error) = handover.take_back() {
        let _ = events.send(Event::Msg(Msg::Status(format!(
            "Could not take the terminal back: {error}"
        ))));
    } else if let Err(error) = stopped {
        let _ = events.send(Event::Msg(Msg::Status(format!(
            "Could not suspend: {error}"
        ))));
    }
}

/// The commands to try, in order, each as program and arguments.
pub fn browser_commands(browser: Option<&str>, url: &str) -> Vec<Vec<String>> {
    let mut commands = Vec::new();
    if let Some(browser) = browser {
        for entry in browser.split(':').filter(|e| !e.trim().is_empty()) {
            let mut words: Vec<String> = entry.split_whitespace().map(str::to_owned).collect();
            if words.iter().any(|w| w.contains("%s")) {
                for word in &mut words {
                    *word = word.replace("%s", url);
                }
            } else {
                words.push(url.to_owned());
            }
            commands.push(words);
        }
    }
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    commands.push(vec![opener.to_owned(), url.to_owned()]);
    commands
}

/// The OSC 52 sequence that puts `text` on the system clipboard.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        for (text, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("“é”", "4oCcw6nigJ0="),
        ] {
            assert_eq!(base64(text.as_bytes()), encoded, "{text}");
        }
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
    }

    #[test]
    fn browser_from_the_environment_then_the_system() {
        let url = "https://x.test/a";
        let opener = if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        };
        let words = |c: &[&str]| c.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(browser_commands(None, url), vec![words(&[opener, url])]);
        assert_eq!(
            browser_commands(Some("firefox --new-tab:lynx %s"), url),
            vec![
                words(&["firefox", "--new-tab", url]),
                words(&["lynx", url]),
                words(&[opener, url])
            ]
        );
    }
}
