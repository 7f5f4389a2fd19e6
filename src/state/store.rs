//! Where the reading state lives: `state.json` in a folder of its own,
//! `$XDG_STATE_HOME/byline/` unless the caller names another (tests do),
//! never beside the user's articles.

use super::codec::{self, DecodeError};
use super::{ReadingState, atomic};
use crate::article::{Place, Problem};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The state file's name in its folder.
pub const FILE_NAME: &str = "state.json";

/// A temporary file older than this was left by a write that never
/// finished; younger ones may belong to another byline saving right now.
const STALE: Duration = Duration::from_secs(3600);

/// Why the state could not be kept.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("there is no home folder to keep the reading state in")]
    NoHome,
    #[error("the reading state could not be saved in {}: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error(
        "the reading state file {} could not be read nor set aside, so it is not overwritten",
        .0.display()
    )]
    Held(PathBuf),
}

/// The reading state found on disk, and what went wrong finding it. A
/// problem never costs more than the entries that could not be read: the
/// file itself is set aside, renamed beside it.
#[derive(Debug)]
pub struct Restored {
    pub state: ReadingState,
    pub problem: Option<Problem>,
}

/// The state file in its folder.
#[derive(Debug)]
pub struct StateStore {
    dir: PathBuf,
    /// Set when a file was there that could be neither read nor moved:
    /// saving would destroy it.
    held: AtomicBool,
}

impl StateStore {
    /// A store in `dir`, created on the first save.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: dir.into(),
            held: AtomicBool::new(false),
        }
    }

    /// The store in `$XDG_STATE_HOME/byline/` (`~/.local/state/byline/`).
    pub fn open_default() -> Result<Self, StateError> {
        default_dir().map(Self::new).ok_or(StateError::NoHome)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn file(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    /// Reads the state. Missing: an empty state. Damaged, unreadable or
    /// written by a newer byline: what could be read, with a problem saying
    /// where the file was set aside.
    pub fn load(&self) -> Restored {
        self.sweep_temps();
        let path = self.file();
        let text = match fs::read(&path) {
            Ok(bytes) => String::from_utf8(bytes),
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                return Restored {
                    state: ReadingState::new(),
                    problem: None,
                };
            }
            Err(err) => {
                let reason = format!("cannot be read ({err})");
                return self.set_aside("corrupt", &reason, ReadingState::new());
            }
        };
        let Ok(text) = text else {
            return self.set_aside("corrupt", "is not text", ReadingState::new());
        };
        match codec::decode(&text) {
            Ok(decoded) if decoded.skipped == 0 => Restored {
                state: decoded.state,
                problem: None,
            },
            Ok(mut decoded) => {
                let reason = format!(
                    "{} of its {} entries could not be read",
                    decoded.skipped, decoded.total
                );
                // The good entries are written back on the next save.
                decoded.state.dirty = true;
                self.set_aside("corrupt", &reason, decoded.state)
            }
            Err(err @ DecodeError::Newer(_)) => {
                self.set_aside("newer", &err.to_string(), ReadingState::new())
            }
            Err(err) => self.set_aside("corrupt", &err.to_string(), ReadingState::new()),
        }
    }

    /// Writes the state atomically, creating the folder if need be.
    pub fn save(&self, state: &ReadingState) -> Result<(), StateError> {
        let path = self.file();
        if self.held.load(Ordering::Relaxed) {
            return Err(StateError::Held(path));
        }
        let write = |source| StateError::Write {
            path: path.clone(),
            source,
        };
        fs::create_dir_all(&self.dir).map_err(write)?;
        atomic::write(&path, codec::encode(state).as_bytes()).map_err(write)
    }

    /// Saves if the state changed since it was loaded or saved; true if it did.
    pub fn save_if_dirty(&self, state: &mut ReadingState) -> Result<bool, StateError> {
        if !state.is_dirty() {
            return Ok(false);
        }
        self.save(state)?;
        state.mark_saved();
        Ok(true)
    }

    /// Renames the file to `state.json.<tag>-<unix time>` and says so.
    fn set_aside(&self, tag: &str, reason: &str, state: ReadingState) -> Restored {
        let path = self.file();
        let outcome = match self.free_name(tag) {
            Some(aside) => fs::rename(&path, &aside).map(|()| aside),
            None => Err(io::Error::other("no free name")),
        };
        let what_now = if state.is_empty() {
            "byline starts with no reading state"
        } else {
            "byline keeps the entries it could read"
        };
        let message = match outcome {
            Ok(aside) => {
                let name = aside.file_name().unwrap_or_default().to_string_lossy();
                format!("{reason}; it was set aside as {name} and {what_now}")
            }
            Err(err) => {
                self.held.store(true, Ordering::Relaxed);
                format!(
                    "{reason}, and it could not be set aside ({err}); it is left as it is \
                     and the reading state will not be saved this time"
                )
            }
        };
        let file: Arc<str> = Arc::from(path.display().to_string());
        Restored {
            state,
            problem: Some(Problem::new(&file, Place::File, message)),
        }
    }

    /// `state.json.<tag>-<seconds>`, with `-2`, `-3`… if that is taken.
    fn free_name(&self, tag: &str) -> Option<PathBuf> {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let base = format!("{FILE_NAME}.{tag}-{now}");
        (1..1000)
            .map(|n| match n {
                1 => self.dir.join(&base),
                n => self.dir.join(format!("{base}-{n}")),
            })
            .find(|path| !path.exists())
    }

    /// Removes temporary files that a crash left behind long ago.
    fn sweep_temps(&self) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name();
            let stale = entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > STALE));
            if stale && atomic::is_temp_of(&name.to_string_lossy(), FILE_NAME) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

/// `$XDG_STATE_HOME/byline` (`~/.local/state/byline` when unset); on systems
/// without a state folder, the data folder.
pub fn default_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let base = etcetera::choose_base_strategy().ok()?;
    let root = base.state_dir().unwrap_or_else(|| base.data_dir());
    Some(root.join("byline"))
}
