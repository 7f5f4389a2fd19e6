//! Where the reading state lives: `state.json` in a folder of its own,
//! `$XDG_STATE_HOME/byline/` unless the caller names another (tests do),
//! never beside the user's articles.
//!
//! Several bylines may run at once on the same folder. Each save takes an
//! advisory lock on `state.lock` (a file of its own: the new state file is
//! renamed into place, which would drop a lock held on the old one), reads
//! the file as it is now, merges it with the state in memory (for each part
//! of each entry the later change wins, see [`ReadingState::merge`]),
//! writes the result atomically and lets go. So no byline undoes another's
//! changes, and each takes in the others' as it saves.

use super::codec::{self, DecodeError};
use super::{ReadingState, atomic};
use crate::article::{Place, Problem};
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The state file's name in its folder.
pub const FILE_NAME: &str = "state.json";

/// The lock file's name in the same folder. It is never removed: removing
/// a lock file while another process waits on it would let two in.
pub const LOCK_NAME: &str = "state.lock";

/// A temporary file older than this was left by a write that never
/// finished; younger ones may belong to another byline saving right now.
const STALE: Duration = Duration::from_secs(3600);

/// The longest a save waits for another byline to finish its own. A save
/// takes milliseconds; a lock held longer belongs to a byline that is stuck
/// (a process that died has let go of it).
const LOCK_WAIT: Duration = Duration::from_secs(10);

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
    #[error(
        "the reading state file {} was written by a newer byline, so it is not overwritten",
        .0.display()
    )]
    Newer(PathBuf),
    #[error("the reading state could not be locked with {}: {source}", path.display())]
    Lock {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// The reading state found on disk, and what went wrong finding it. A
/// problem never costs more than the entries that could not be read: the
/// file itself is set aside, renamed beside it.
#[derive(Debug)]
pub struct Restored {
    pub state: ReadingState,
    pub problem: Option<Problem>,
}

/// What a save took in from the file, and what was wrong with it.
#[derive(Debug, Default)]
pub struct Saved {
    /// What the file held that the state saved did not (another byline's
    /// changes), now merged into it; a copy of that state made before the
    /// save can [`ReadingState::merge`] it in turn.
    pub taken: ReadingState,
    /// The file was damaged: it was set aside, and the entries it could be
    /// read for were merged.
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

/// What is in the state file now.
enum Found {
    Missing,
    Whole(ReadingState),
    /// Damaged or unreadable: what could be read of it, and why not all.
    Damaged {
        state: ReadingState,
        reason: String,
    },
    Newer(String),
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
    /// written by a newer byline: what could be read (every entry of a
    /// damaged file that can be, marked as changed so that the next save
    /// writes it back), with a problem saying where the file was set aside.
    pub fn load(&self) -> Restored {
        self.sweep_temps();
        // Not to set a file aside while another byline replaces it. Best
        // effort: without the folder there is nothing to read anyway.
        let _lock = self.dir.is_dir().then(|| self.lock().ok()).flatten();
        match self.find() {
            Found::Missing => Restored {
                state: ReadingState::new(),
                problem: None,
            },
            Found::Whole(state) => Restored {
                state,
                problem: None,
            },
            Found::Damaged { mut state, reason } => {
                // The good entries are written back on the next save.
                state.dirty = !state.is_blank();
                self.set_aside("corrupt", &reason, state)
            }
            Found::Newer(reason) => self.set_aside("newer", &reason, ReadingState::new()),
        }
    }

    /// Merges `state` with the file as it is now and writes the result
    /// atomically, under the lock, creating the folder if need be. `state`
    /// takes in what the file held that it did not (what another byline
    /// saved); its story open last replaces the file's. A damaged file is
    /// set aside first (its readable entries merged); one written by a newer
    /// byline is left as it is, and nothing is written.
    pub fn save(&self, state: &mut ReadingState) -> Result<Saved, StateError> {
        let path = self.file();
        if self.held.load(Ordering::Relaxed) {
            return Err(StateError::Held(path));
        }
        let write = |source| StateError::Write {
            path: path.clone(),
            source,
        };
        fs::create_dir_all(&self.dir).map_err(write)?;
        let _lock = self.lock()?;
        let mut saved = Saved::default();
        match self.find() {
            Found::Missing => {}
            Found::Whole(file) => saved.taken = state.merge(&file),
            Found::Damaged {
                state: file,
                reason,
            } => {
                let restored = self.set_aside("corrupt", &reason, file);
                if self.held.load(Ordering::Relaxed) {
                    return Err(StateError::Held(path));
                }
                saved.taken = state.merge(&restored.state);
                saved.problem = restored.problem;
            }
            Found::Newer(_) => return Err(StateError::Newer(path)),
        }
        atomic::write(&path, codec::encode(state).as_bytes()).map_err(write)?;
        Ok(saved)
    }

    /// Saves if the state changed since it was loaded or saved; true if it
    /// did. A damaged file found on the way is set aside as [`Self::save`]
    /// does, without a word.
    pub fn save_if_dirty(&self, state: &mut ReadingState) -> Result<bool, StateError> {
        if !state.is_dirty() {
            return Ok(false);
        }
        self.save(state)?;
        state.mark_saved();
        Ok(true)
    }

    /// The state file as it is now.
    fn find(&self) -> Found {
        let bytes = match fs::read(self.file()) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Found::Missing,
            Err(err) => {
                return Found::Damaged {
                    state: ReadingState::new(),
                    reason: format!("cannot be read ({err})"),
                };
            }
        };
        match codec::decode_bytes(&bytes) {
            Ok(decoded) if decoded.is_whole() => Found::Whole(decoded.state),
            Ok(decoded) => {
                let mut reasons = Vec::new();
                if let Some(why) = &decoded.broken {
                    reasons.push(format!("not valid JSON ({why})"));
                }
                if decoded.skipped > 0 {
                    reasons.push(format!(
                        "{} of its {} entries could not be read",
                        decoded.skipped, decoded.total
                    ));
                }
                Found::Damaged {
                    state: decoded.state,
                    reason: reasons.join("; "),
                }
            }
            Err(err @ DecodeError::Newer(_)) => Found::Newer(err.to_string()),
            Err(err) => Found::Damaged {
                state: ReadingState::new(),
                reason: err.to_string(),
            },
        }
    }

    /// Takes the lock on `state.lock`, waiting for another byline's save at
    /// most [`LOCK_WAIT`]; let go when the file is dropped. `None` where
    /// the file system has no locks: then saving goes on without.
    fn lock(&self) -> Result<Option<File>, StateError> {
        let path = self.dir.join(LOCK_NAME);
        let failed = |source| StateError::Lock {
            path: path.clone(),
            source,
        };
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(failed)?;
        let deadline = Instant::now() + LOCK_WAIT;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Some(file)),
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    thread::sleep(Duration::from_millis(5));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(failed(io::Error::new(
                        io::ErrorKind::TimedOut,
                        format!(
                            "another byline has held it for {} seconds",
                            LOCK_WAIT.as_secs()
                        ),
                    )));
                }
                Err(TryLockError::Error(err)) if err.kind() == io::ErrorKind::Unsupported => {
                    return Ok(None);
                }
                Err(TryLockError::Error(err)) => return Err(failed(err)),
            }
        }
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
