//! Replacing a file so that a crash at any moment leaves either the old
//! file or the new one, never a mix: the bytes go to a temporary file in the
//! same folder (so the rename cannot cross file systems), are flushed to the
//! disk, and the temporary file is renamed over the old one. Or, for a file
//! that must not replace anything ([`Staged::place_new`]), linked in under
//! a name that is free. Either way, a write that fails (a full disk) leaves
//! nothing behind.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The new content, on disk beside the target but not yet in its place.
/// Dropped without [`Staged::commit`], it is removed; a crash leaves it
/// behind, hidden, and the target untouched.
#[derive(Debug)]
pub struct Staged {
    temp: PathBuf,
    target: PathBuf,
    committed: bool,
}

/// Writes `bytes` to a new hidden file beside `target` and flushes it.
pub fn stage(target: &Path, bytes: &[u8]) -> io::Result<Staged> {
    stage_with(target, |file| file.write_all(bytes))
}

/// Like [`stage`], with the content written by `write`. If it or the
/// flush fails, the temporary file is removed and the error returned.
pub fn stage_with(
    target: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<Staged> {
    let temp = temp_path(target)?;
    let staged = Staged {
        temp,
        target: target.to_owned(),
        committed: false,
    };
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&staged.temp)?;
    write(&mut file)?;
    file.sync_all()?;
    Ok(staged)
}

impl Staged {
    /// The temporary file.
    pub fn path(&self) -> &Path {
        &self.temp
    }

    /// Puts the new content in place of the old, in one rename.
    pub fn commit(mut self) -> io::Result<()> {
        fs::rename(&self.temp, &self.target)?;
        self.committed = true;
        sync_parent(&self.target);
        Ok(())
    }

    /// Puts the new content at `path` (in the same folder) unless something
    /// is there, whole or not at all: a hard link to the temporary file,
    /// which fails if the name is taken, then the temporary name removed.
    /// Where the file system has no hard links, the name is claimed with an
    /// empty file and the temporary file renamed over it. When `path` is
    /// taken the error is `AlreadyExists` and the content stays staged, to
    /// be placed under another name.
    pub fn place_new(&mut self, path: &Path) -> io::Result<()> {
        match fs::hard_link(&self.temp, path) {
            Ok(()) => {
                self.committed = true;
                let _ = fs::remove_file(&self.temp);
            }
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => return Err(err),
            Err(_) => {
                OpenOptions::new().write(true).create_new(true).open(path)?;
                if let Err(err) = fs::rename(&self.temp, path) {
                    // The empty file is ours: nothing else was there.
                    let _ = fs::remove_file(path);
                    return Err(err);
                }
                self.committed = true;
            }
        }
        sync_parent(path);
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

/// Replaces (or creates) `target` with `bytes` atomically.
pub fn write(target: &Path, bytes: &[u8]) -> io::Result<()> {
    stage(target, bytes)?.commit()
}

/// Whether `name` is a temporary file that [`stage`] made for `target_name`.
pub fn is_temp_of(name: &str, target_name: &str) -> bool {
    name.strip_prefix('.')
        .and_then(|rest| rest.strip_prefix(target_name))
        .and_then(|rest| rest.strip_prefix('.'))
        .is_some_and(|rest| Path::new(rest).extension().is_some_and(|e| e == "tmp"))
}

/// `.<name>.<pid>.<n>.tmp` beside `target`: hidden, and unique among the
/// writers of this process and of others.
fn temp_path(target: &Path) -> io::Result<PathBuf> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?
        .to_string_lossy();
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let temp = format!(".{name}.{}.{n}.tmp", std::process::id());
    Ok(target.with_file_name(temp))
}

/// Makes the rename itself durable. Best effort: not every system lets a
/// folder be opened and synced, and the rename has happened either way.
fn sync_parent(path: &Path) {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    if let Some(Ok(dir)) = dir.map(File::open) {
        let _ = dir.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("state.json");
        write(&target, b"one").unwrap();
        write(&target, b"two").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"two");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_staged_file_not_committed_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("state.json");
        write(&target, b"old").unwrap();
        let staged = stage(&target, b"new").unwrap();
        let temp = staged.path().to_owned();
        let name = temp.file_name().unwrap().to_string_lossy().into_owned();
        assert!(is_temp_of(&name, "state.json"), "{name}");
        assert_eq!(fs::read(&temp).unwrap(), b"new");
        drop(staged);
        assert!(!temp.exists());
        assert_eq!(fs::read(&target).unwrap(), b"old");
    }

    #[test]
    fn placing_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let taken = dir.path().join("story.md");
        fs::write(&taken, "mine").unwrap();
        let mut staged = stage(&taken, b"new").unwrap();
        let err = staged.place_new(&taken).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&taken).unwrap(), b"mine");
        assert!(staged.path().exists(), "still staged");
        let free = dir.path().join("story-2.md");
        staged.place_new(&free).unwrap();
        assert_eq!(fs::read(&free).unwrap(), b"new");
        drop(staged);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2, "no temp");
    }

    #[test]
    fn a_fill_that_fails_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("story.md");
        let err = stage_with(&target, |file| {
            file.write_all(&[b'x'; 4096])?;
            Err(io::Error::from(io::ErrorKind::StorageFull))
        })
        .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn temp_names() {
        assert!(is_temp_of(".state.json.12.0.tmp", "state.json"));
        assert!(!is_temp_of("state.json", "state.json"));
        assert!(!is_temp_of(".state.json", "state.json"));
        assert!(!is_temp_of(".state.jsonx.1.tmp", "state.json"));
    }
}
