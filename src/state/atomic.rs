//! Replacing a file so that a crash at any moment leaves either the old
//! file or the new one, never a mix: the bytes go to a temporary file in the
//! same folder (so the rename cannot cross file systems), are flushed to the
//! disk, and the temporary file is renamed over the old one.

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
    file.write_all(bytes)?;
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
    fn temp_names() {
        assert!(is_temp_of(".state.json.12.0.tmp", "state.json"));
        assert!(!is_temp_of("state.json", "state.json"));
        assert!(!is_temp_of(".state.json", "state.json"));
        assert!(!is_temp_of(".state.jsonx.1.tmp", "state.json"));
    }
}
