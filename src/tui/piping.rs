//! `|` and `w` carried out: the story's text piped to a command typed (in
//! the reader's place, the terminal handed over, as `o` runs a terminal
//! browser), and the story written at a path typed, never over a file that
//! is there.

use super::app::Msg;
use super::runtime::Event;
use super::terminal::Handover;
use crate::analyse_article;
use crate::article::Article;
use crate::export::{Format, render, save_in, write_new};
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::thread;

fn report(events: &Sender<Event>, text: String) {
    let _ = events.send(Event::Msg(Msg::Status(text)));
}

/// Runs `command` with the shell (it is the user's own line, as in mutt or
/// newsboat) with the story as plain text on its standard input; then waits
/// for Enter, so that what it printed can be read, and takes the screen
/// back. Without a terminal (tests) the output goes nowhere.
pub fn pipe_story(
    handover: Option<&Handover>,
    article: &Article,
    command: &str,
    events: &Sender<Event>,
) {
    let text = render(article, &analyse_article(article), Format::Text);
    if let Some(handover) = handover {
        handover.hand_over();
    }
    let status = run_with_input(command, text, handover.is_some());
    if let Some(handover) = handover {
        print!("\n[byline: Enter goes back to the reader] ");
        let _ = io::stdout().flush();
        let _ = io::stdin().lock().read_line(&mut String::new());
        if let Err(err) = handover.take_back() {
            report(events, format!("Could not take the terminal back: {err}"));
            return;
        }
    }
    match status {
        Ok(status) if status.success() => report(events, format!("Piped the story to `{command}`")),
        Ok(status) => report(events, format!("`{command}` failed ({status})")),
        Err(err) => report(events, format!("Could not run `{command}`: {err}")),
    }
}

fn run_with_input(
    command: &str,
    text: String,
    terminal: bool,
) -> io::Result<std::process::ExitStatus> {
    let output = || {
        if terminal {
            Stdio::inherit()
        } else {
            Stdio::null()
        }
    };
    let mut child = Command::new("sh")
        .args(["-c", command])
        .stdin(Stdio::piped())
        .stdout(output())
        .stderr(output())
        .spawn()?;
    // Written from a thread: a command that reads nothing, or little,
    // must not leave the reader blocked on a full pipe.
    let stdin = child.stdin.take();
    let writer = thread::spawn(move || {
        if let Some(mut stdin) = stdin {
            let _ = stdin.write_all(text.as_bytes());
        }
    });
    let status = child.wait();
    let _ = writer.join();
    status
}

/// Writes the story at `typed` on a thread: into a folder under its own
/// name, else at that path, as Markdown, text or JSON by its extension
/// (Markdown when it has none known); never over a file that is there.
pub fn save_story_as(article: Arc<Article>, typed: String, events: Sender<Event>) {
    let spawned = thread::Builder::new()
        .name("byline-save".into())
        .spawn(move || {
            let path = expand_home(&typed);
            let analysis = analyse_article(&article);
            let written = if path.is_dir() {
                save_in(&path, &article, &analysis, Format::Markdown)
            } else {
                let format = path
                    .extension()
                    .and_then(|e| Format::parse(&e.to_string_lossy()))
                    .unwrap_or(Format::Markdown);
                write_new(&path, &render(&article, &analysis, format)).map(|()| path.clone())
            };
            let message = match written {
                Ok(path) => format!("saved to {}", path.display()),
                Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
                    format!("{} is there already: nothing was written", path.display())
                }
                Err(err) => format!("could not save the story, nothing was written: {err}"),
            };
            report(&events, message);
        });
    drop(spawned);
}

/// `~/x` in the home folder, as a shell would read it.
fn expand_home(typed: &str) -> PathBuf {
    match (typed.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => Path::new(&home).join(rest),
        _ => PathBuf::from(typed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::fixture;
    use std::sync::mpsc::channel;
    use std::time::Duration;

    fn status(inbox: &std::sync::mpsc::Receiver<Event>) -> String {
        match inbox.recv_timeout(Duration::from_secs(60)) {
            Ok(Event::Msg(Msg::Status(text))) => text,
            other => panic!("no status: {other:?}"),
        }
    }

    #[test]
    fn w_writes_a_new_file_and_never_over_one() {
        let dir = std::env::temp_dir().join(format!("byline-save-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let article = Arc::new(fixture::stories().remove(0).0);
        let (events, inbox) = channel();
        let path = dir.join("harbour.txt");
        save_story_as(
            Arc::clone(&article),
            path.display().to_string(),
            events.clone(),
        );
        assert_eq!(status(&inbox), format!("saved to {}", path.display()));
        let written = std::fs::read_to_string(&path).unwrap();
        assert!(
            written.starts_with(&article.title),
            "plain text by its extension"
        );
        std::fs::write(&path, "mine").unwrap();
        save_story_as(
            Arc::clone(&article),
            path.display().to_string(),
            events.clone(),
        );
        assert!(status(&inbox).ends_with("is there already: nothing was written"));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
        save_story_as(article, dir.display().to_string(), events);
        let saved = status(&inbox);
        assert!(
            Path::new(&saved).extension().is_some_and(|e| e == "md"),
            "a folder: under the story's name: {saved}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_pipe_gets_the_story_text() {
        let dir = std::env::temp_dir().join(format!("byline-pipe-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let article = fixture::stories().remove(0).0;
        let (events, inbox) = channel();
        let out = dir.join("piped.txt");
        pipe_story(
            None,
            &article,
            &format!("cat > '{}'", out.display()),
            &events,
        );
        assert!(status(&inbox).starts_with("Piped the story to"));
        let piped = std::fs::read_to_string(&out).unwrap();
        assert!(piped.contains(&article.title), "{piped}");
        pipe_story(None, &article, "exit 3", &events);
        assert_eq!(status(&inbox), "`exit 3` failed (exit status: 3)");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
