//! Reading state: what was read, what is starred, where each story was left
//! and which story was open last, per article id.
//!
//! 1. [`ReadingState`] is the state in memory, changed by the reader's
//!    actions; read/unread and star changes can be undone one at a time,
//!    and "mark all listed as read" is one change. Each part of an entry
//!    (read, star, position) carries the time it last changed, so that two
//!    states can be merged ([`ReadingState::merge`]): the later change of
//!    each part wins;
//! 2. [`codec`] writes it as compact JSON (ids front-coded, defaults left
//!    out) and reads it back, keeping every good entry of a damaged file;
//! 3. [`StateStore`] keeps it in `$XDG_STATE_HOME/byline/state.json`,
//!    written atomically ([`atomic`]) and merged with what is there under a
//!    lock, so that two bylines running at once keep each other's changes;
//!    a missing file is an empty state, a damaged or newer one is set aside
//!    and reported, never lost.

pub mod atomic;
pub mod codec;
mod store;

pub use store::{FILE_NAME, LOCK_NAME, Restored, Saved, StateError, StateStore, default_dir};

use std::collections::HashMap;
use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

/// Where a story was left: the paragraph at the top of the view and the
/// byte offset into it of the first line shown. Independent of the width
/// the text is wrapped at, so it survives a resize.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, PartialOrd, Ord, Hash)]
pub struct Position {
    pub paragraph: u32,
    pub offset: u32,
}

/// The state of one article; [`Entry::default`] is unread, unstarred, at
/// the top.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Entry {
    pub read: bool,
    /// Read or unread was set in byline, so it wins over what the tool a
    /// story came from recorded (a feed reader's cache).
    pub marked: bool,
    pub starred: bool,
    /// `None` at the top of the story.
    pub position: Option<Position>,
}

/// When each part of an entry last changed, in milliseconds since 1970;
/// 0 when it never did as far as is known (a file from before the times
/// were kept). A cleared part keeps its time, so that the clearing reaches
/// other bylines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Stamps {
    /// Read, unread, or neither (`read` and `marked`).
    read: u64,
    star: u64,
    position: u64,
}

impl Stamps {
    fn latest(self) -> u64 {
        self.read.max(self.star).max(self.position)
    }
}

/// An entry and when its parts changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Slot {
    entry: Entry,
    stamps: Stamps,
}

impl Slot {
    /// Each part from whichever side changed it later (on the same
    /// millisecond, the greater value, so that the order does not matter).
    fn join(self, other: Slot) -> Slot {
        let (a, b) = (self.entry, other.entry);
        let (read, (entry_read, marked)) = later(
            (self.stamps.read, (a.read, a.marked)),
            (other.stamps.read, (b.read, b.marked)),
        );
        let (star, starred) = later(
            (self.stamps.star, a.starred),
            (other.stamps.star, b.starred),
        );
        let (position, at) = later(
            (self.stamps.position, a.position),
            (other.stamps.position, b.position),
        );
        Slot {
            entry: Entry {
                read: entry_read,
                marked,
                starred,
                position: at,
            },
            stamps: Stamps {
                read,
                star,
                position,
            },
        }
    }
}

fn later<T: Ord>(a: (u64, T), b: (u64, T)) -> (u64, T) {
    a.max(b)
}

/// Which stories the list shows (`1`, `2`, `3`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    Unread,
    Starred,
}

impl Filter {
    /// Whether the list shows a story: `read` as [`ReadingState::is_read`]
    /// answers it.
    pub fn keeps(self, entry: Entry, read: bool) -> bool {
        match self {
            Filter::All => true,
            Filter::Unread => !read,
            Filter::Starred => entry.starred,
        }
    }
}

/// A change that `u` can take back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Opening a story marked it read.
    Opened,
    Read,
    Unread,
    Starred,
    Unstarred,
    /// Every listed story marked read at once.
    AllRead,
}

/// What [`ReadingState::undo`] took back: the change and the ids it touched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undone {
    pub change: Change,
    pub ids: Vec<String>,
}

impl fmt::Display for Undone {
    /// `undone: 12 stories marked read`, for the status line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.change {
            Change::Opened | Change::Read | Change::AllRead => "marked read",
            Change::Unread => "marked unread",
            Change::Starred => "starred",
            Change::Unstarred => "unstarred",
        };
        match self.ids.len() {
            1 => write!(f, "undone: story {what}"),
            n => write!(f, "undone: {n} stories {what}"),
        }
    }
}

/// One undoable step: each id's entry before it (its position aside).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Step {
    change: Change,
    before: Vec<(String, Entry)>,
}

/// How many steps `u` can go back.
const UNDO_DEPTH: usize = 100;

/// The reading state of every article byline has seen; ids in the default
/// state take no room, unless they were changed back to it (the change is
/// kept, with its time, for other bylines to take in).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReadingState {
    entries: HashMap<String, Slot>,
    /// Entries not in the default state.
    live: usize,
    last_open: Option<String>,
    undo: Vec<Step>,
    dirty: bool,
    /// The latest time stamped or taken in: the next change is later still,
    /// even if the system clock went back.
    clock: u64,
}

impl ReadingState {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn get(&self, id: &str) -> Entry {
        self.slot(id).entry
    }

    fn slot(&self, id: &str) -> Slot {
        self.entries.get(id).copied().unwrap_or_default()
    }

    /// Whether a story is read: as marked in byline, else as `source`
    /// (the tool the story came from) recorded it, else unread.
    pub fn is_read(&self, id: &str, source: Option<bool>) -> bool {
        let entry = self.get(id);
        if entry.marked {
            entry.read
        } else {
            source.unwrap_or(false)
        }
    }

    pub fn is_starred(&self, id: &str) -> bool {
        self.get(id).starred
    }

    /// Where the story was left, `None` at the top (or never opened).
    pub fn position(&self, id: &str) -> Option<Position> {
        self.get(id).position
    }

    /// Whether the list shows `id` under `filter`; `source` as for
    /// [`ReadingState::is_read`].
    pub fn keeps(&self, filter: Filter, id: &str, source: Option<bool>) -> bool {
        filter.keeps(self.get(id), self.is_read(id, source))
    }

    /// The story that was open when byline last stopped.
    pub fn last_open(&self) -> Option<&str> {
        self.last_open.as_deref()
    }

    /// Whether `id` has some state.
    pub fn contains(&self, id: &str) -> bool {
        self.get(id) != Entry::default()
    }

    /// How many ids have some state.
    pub fn len(&self) -> usize {
        self.live
    }

    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// Whether it holds nothing at all, not even an entry changed back to
    /// the default.
    pub fn is_blank(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every id with some state, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Entry)> {
        self.entries
            .iter()
            .filter(|(_, slot)| slot.entry != Entry::default())
            .map(|(id, slot)| (id.as_str(), slot.entry))
    }

    /// When `id`'s entry last changed (milliseconds since 1970), if that
    /// is known.
    pub fn changed(&self, id: &str) -> Option<u64> {
        Some(self.slot(id).stamps.latest()).filter(|&t| t > 0)
    }

    /// Takes in another state (what another byline wrote): for each part of
    /// each entry (read, star, position) the later change wins, and an id
    /// `theirs` does not have keeps its entry. Returns what changed here, as
    /// a state of its own that another copy can merge in turn. The story
    /// open last, the undo steps and whether the state changed since it was
    /// saved are this state's own and stay as they are.
    // What was taken in matters only to another copy: often it is dropped.
    #[allow(clippy::return_self_not_must_use)]
    pub fn merge(&mut self, theirs: &ReadingState) -> ReadingState {
        let mut taken = ReadingState::new();
        for (id, &their) in &theirs.entries {
            let ours = self.slot(id);
            let merged = ours.join(their);
            if merged != ours {
                self.put(id, merged);
                taken.put(id, merged);
            }
        }
        self.clock = self.clock.max(theirs.clock);
        taken.clock = theirs.clock;
        taken
    }

    /// Changed since it was loaded or last saved.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    pub fn mark_saved(&mut self) {
        self.dirty = false;
    }

    /// A story was opened: it is read, and it is the one to return to.
    /// Marking it read can be undone. Returns true if it was unread.
    pub fn open(&mut self, id: &str) -> bool {
        self.set_last_open(Some(id));
        self.change_flags(Change::Opened, [id], mark(true)) > 0
    }

    /// Records the story that is open (`None`: none is).
    pub fn set_last_open(&mut self, id: Option<&str>) {
        if self.last_open.as_deref() != id {
            self.last_open = id.map(str::to_owned);
            self.dirty = true;
        }
    }

    /// Marks a story read or unread (`r`); returns true if that changed it.
    pub fn set_read(&mut self, id: &str, read: bool) -> bool {
        let change = if read { Change::Read } else { Change::Unread };
        self.change_flags(change, [id], mark(read)) > 0
    }

    /// Flips read/unread (`source` as for [`ReadingState::is_read`]);
    /// returns whether the story is now read.
    pub fn toggle_read(&mut self, id: &str, source: Option<bool>) -> bool {
        let read = !self.is_read(id, source);
        self.set_read(id, read);
        read
    }

    /// Flips the star (`f`); returns whether the story is now starred.
    pub fn toggle_star(&mut self, id: &str) -> bool {
        let starred = !self.is_starred(id);
        let change = if starred {
            Change::Starred
        } else {
            Change::Unstarred
        };
        self.change_flags(change, [id], |e| e.starred = starred);
        starred
    }

    /// Marks every id read as one change (`R`); returns how many were unread.
    pub fn mark_all_read<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>) -> usize {
        self.change_flags(Change::AllRead, ids, mark(true))
    }

    /// Remembers where a story was left; not a change `u` takes back.
    pub fn set_position(&mut self, id: &str, position: Position) {
        let position = (position != Position::default()).then_some(position);
        if self.get(id).position != position {
            let now = self.tick();
            self.update(id, now, |e| e.position = position);
            self.dirty = true;
        }
    }

    /// Takes back the last read/unread/star change, if any: the part of each
    /// entry that change made (read or star) is as it was before, which is
    /// a change of its own for other bylines. Whatever else changed since,
    /// here or in another byline, stays.
    pub fn undo(&mut self) -> Option<Undone> {
        let step = self.undo.pop()?;
        let now = self.tick();
        let mut ids = Vec::with_capacity(step.before.len());
        for (id, before) in step.before {
            self.update(&id, now, |e| match step.change {
                Change::Starred | Change::Unstarred => e.starred = before.starred,
                Change::Opened | Change::Read | Change::Unread | Change::AllRead => {
                    e.read = before.read;
                    e.marked = before.marked;
                }
            });
            ids.push(id);
        }
        self.dirty = true;
        Some(Undone {
            change: step.change,
            ids,
        })
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Applies `edit` to each id; the ids it changed become one undo step.
    fn change_flags<'a>(
        &mut self,
        change: Change,
        ids: impl IntoIterator<Item = &'a str>,
        edit: impl Fn(&mut Entry),
    ) -> usize {
        let now = self.tick();
        let mut before = Vec::new();
        for id in ids {
            let old = self.get(id);
            let mut new = old;
            edit(&mut new);
            if new != old {
                self.update(id, now, |e| *e = new);
                before.push((id.to_owned(), old));
            }
        }
        let changed = before.len();
        if changed > 0 {
            if self.undo.len() == UNDO_DEPTH {
                self.undo.remove(0);
            }
            self.undo.push(Step { change, before });
            self.dirty = true;
        }
        changed
    }

    /// The time for a change made now: the system clock's, or just after
    /// the latest known if that is later.
    fn tick(&mut self) -> u64 {
        self.clock = now().max(self.clock + 1);
        self.clock
    }

    /// Edits one entry; the parts that changed take the time `now`.
    fn update(&mut self, id: &str, now: u64, edit: impl FnOnce(&mut Entry)) {
        let old = self.slot(id);
        let mut new = old;
        edit(&mut new.entry);
        let (a, b) = (old.entry, new.entry);
        if (a.read, a.marked) != (b.read, b.marked) {
            new.stamps.read = now;
        }
        if a.starred != b.starred {
            new.stamps.star = now;
        }
        if a.position != b.position {
            new.stamps.position = now;
        }
        if new != old {
            self.put(id, new);
        }
    }

    /// Sets a slot, dropping it when it holds nothing (the default entry,
    /// never changed).
    fn put(&mut self, id: &str, slot: Slot) {
        let was_live = self.get(id) != Entry::default();
        let is_live = slot.entry != Entry::default();
        self.live = self.live + usize::from(is_live) - usize::from(was_live);
        if slot == Slot::default() {
            self.entries.remove(id);
        } else if let Some(old) = self.entries.get_mut(id) {
            *old = slot;
        } else {
            self.entries.insert(id.to_owned(), slot);
        }
    }

    /// Sets an entry as read from a file: no undo step, not dirty.
    fn restore(&mut self, id: String, entry: Entry, stamps: Stamps) {
        let slot = Slot { entry, stamps };
        if slot == Slot::default() {
            self.put(&id, slot);
            return;
        }
        if let Some(old) = self.entries.insert(id, slot) {
            self.live -= usize::from(old.entry != Entry::default());
        }
        self.live += usize::from(entry != Entry::default());
        self.clock = self.clock.max(stamps.latest());
    }
}

/// Milliseconds since 1970 by the system clock.
fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// An edit that marks an entry read or unread in byline.
fn mark(read: bool) -> impl Fn(&mut Entry) {
    move |e| {
        e.read = read;
        e.marked = true;
    }
}

#[cfg(test)]
mod tests;
