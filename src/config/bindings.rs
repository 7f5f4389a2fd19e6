//! The key bindings in force: the defaults, patched by the settings file.
//!
//! An action named in the file takes exactly the keys given there (`[]`
//! unbinds it); the others keep their defaults, less any key the file gave
//! to another action. Two entries of the file that claim the same key, or a
//! key and a longer sequence starting with it (`g` and `g g`), cannot both
//! hold: the later one is refused and keeps its defaults.
//!
//! A default key that an entry takes from another action is allowed (it is
//! how `next_story = "n"` moves `n`), but it is warned about, on the line of
//! the entry, with what the other action is left with: `next_match` keeps
//! `N`; `toggle_sidebar` has no key now. An action the file unbinds itself
//! (`= []`) is what was asked for, and is not warned about.

use super::actions::{Action, Context, DEFAULTS};
use super::keys::{Key, parse_sequence, show_sequence};

/// One binding: a key sequence in a context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub context: Context,
    pub keys: Vec<Key>,
    pub action: Action,
}

/// The bindings in force, in the order the help lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bindings {
    pub bindings: Vec<Binding>,
}

impl Default for Bindings {
    fn default() -> Self {
        let bindings = DEFAULTS
            .iter()
            .filter_map(|&(context, keys, action)| {
                Some(Binding {
                    context,
                    keys: parse_sequence(keys)?,
                    action,
                })
            })
            .collect();
        Self { bindings }
    }
}

impl Bindings {
    /// The key sequences bound to `action` in `context`.
    pub fn keys_for(&self, context: Context, action: Action) -> Vec<&[Key]> {
        self.bindings
            .iter()
            .filter(|b| b.context == context && b.action == action)
            .map(|b| b.keys.as_slice())
            .collect()
    }

    /// The action a complete key sequence runs in `context`.
    pub fn action_for(&self, context: Context, keys: &[Key]) -> Option<Action> {
        self.bindings
            .iter()
            .find(|b| b.context == context && b.keys == keys)
            .map(|b| b.action)
    }
}

/// The actions that may be bound in a context: those with a default there.
pub fn allowed(context: Context, action: Action) -> bool {
    DEFAULTS
        .iter()
        .any(|&(c, _, a)| c == context && a == action)
}

/// One `action = keys` entry of the settings file, its keys already read.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub context: Context,
    pub action: Action,
    pub keys: Vec<Vec<Key>>,
    pub line: usize,
}

/// Two sequences clash when one starts the other: the shorter would always
/// win, or the longer would never finish.
fn clash(a: &[Key], b: &[Key]) -> bool {
    let n = a.len().min(b.len());
    a[..n] == b[..n]
}

/// Why an entry clashes with itself (`["g", "g g"]`), if it does.
fn self_clash(entry: &Entry) -> Option<String> {
    for (i, a) in entry.keys.iter().enumerate() {
        if let Some(b) = entry.keys[i + 1..].iter().find(|b| clash(a, b) && a != *b) {
            return Some(format!(
                "`{}` and `{}` cannot both be keys: one starts the other",
                show_sequence(a),
                show_sequence(b)
            ));
        }
    }
    None
}

/// Why `entry` cannot hold next to the entries already accepted, if so.
fn clash_with(entry: &Entry, accepted: &[Entry]) -> Option<String> {
    for earlier in accepted.iter().filter(|e| e.context == entry.context) {
        for a in &entry.keys {
            if let Some(b) = earlier.keys.iter().find(|b| clash(a, b)) {
                let how = if a == b {
                    format!("`{}` is already bound", show_sequence(a))
                } else {
                    format!("`{}` clashes with `{}`", show_sequence(a), show_sequence(b))
                };
                return Some(format!(
                    "{how} to `{}` on line {}",
                    earlier.action.name(),
                    earlier.line
                ));
            }
        }
    }
    None
}

/// The file's entries applied to the defaults.
#[derive(Debug)]
pub(super) struct Applied {
    pub bindings: Bindings,
    /// Entries refused, as `(line, message)`; each keeps its defaults.
    pub refused: Vec<(usize, String)>,
    /// Default keys taken from other actions, as `(line, message)`.
    pub warnings: Vec<(usize, String)>,
}

/// Applies the file's entries to the defaults: refused entries keep their
/// defaults, and every default key taken from another action is warned
/// about.
pub(super) fn apply(entries: Vec<Entry>) -> Applied {
    let (accepted, refused) = accept(entries);
    let (bindings, taken) = merge(&accepted);
    let warnings = taken
        .iter()
        .map(|take| (take.by.line, take.warning(&bindings)))
        .collect();
    Applied {
        bindings,
        refused,
        warnings,
    }
}

/// The entries that can hold, and why each of the others cannot.
fn accept(entries: Vec<Entry>) -> (Vec<Entry>, Vec<(usize, String)>) {
    let mut refused = Vec::new();
    let mut accepted: Vec<Entry> = Vec::new();
    for mut entry in entries {
        let mut seen = Vec::new();
        entry.keys.retain(|k| {
            let fresh = !seen.contains(k);
            seen.push(k.clone());
            fresh
        });
        match self_clash(&entry).or_else(|| clash_with(&entry, &accepted)) {
            Some(why) => refused.push((
                entry.line,
                format!("{why}; `{}` keeps its default keys", entry.action.name()),
            )),
            None => accepted.push(entry),
        }
    }
    (accepted, refused)
}

/// A default binding that an entry of the file took from its action.
struct Taken<'a> {
    /// The default binding that gave way.
    from: Binding,
    /// The entry that took it, and its keys that clash with it.
    by: &'a Entry,
    keys: &'a [Key],
}

impl Taken<'_> {
    /// `` `n` was `next_match`'s key; `next_match` keeps `N` ``, with what
    /// the action is left with once every entry is applied.
    fn warning(&self, bindings: &Bindings) -> String {
        let (context, action) = (self.from.context, self.from.action);
        let name = action.name();
        let (mine, theirs) = (show_sequence(self.keys), show_sequence(&self.from.keys));
        let how = if self.keys == self.from.keys.as_slice() {
            format!("`{mine}` was `{name}`'s key")
        } else if self.keys.len() > self.from.keys.len() {
            format!("`{mine}` starts with `{theirs}`, `{name}`'s key, which cannot be both")
        } else {
            format!("`{mine}` starts `{theirs}`, `{name}`'s key, which cannot be both")
        };
        let left: Vec<String> = bindings
            .keys_for(context, action)
            .iter()
            .map(|keys| format!("`{}`", show_sequence(keys)))
            .collect();
        let table = context.table();
        let rest = if left.is_empty() {
            format!("`{name}` has no key now (give it one in [{table}])")
        } else {
            format!("`{name}` keeps {}", left.join(", "))
        };
        format!("warning: {how}; {rest}")
    }
}

/// The defaults in table order, each action that the file bound taking its
/// keys from there instead; defaults that clash with the file's keys go,
/// and are returned as taken.
fn merge(accepted: &[Entry]) -> (Bindings, Vec<Taken<'_>>) {
    let user = |context, action| {
        accepted
            .iter()
            .find(|e| e.context == context && e.action == action)
    };
    let claimant = |context: Context, keys: &[Key]| {
        accepted
            .iter()
            .filter(|e| e.context == context)
            .find_map(|e| Some((e, e.keys.iter().find(|k| clash(k, keys))?)))
    };
    let mut bindings = Vec::new();
    let mut taken = Vec::new();
    let mut placed: Vec<(Context, Action)> = Vec::new();
    for binding in Bindings::default().bindings {
        let (context, action) = (binding.context, binding.action);
        match user(context, action) {
            Some(entry) if !placed.contains(&(context, action)) => {
                placed.push((context, action));
                bindings.extend(entry.keys.iter().map(|keys| Binding {
                    context,
                    keys: keys.clone(),
                    action,
                }));
            }
            // Already placed.
            Some(_) => {}
            None => match claimant(context, &binding.keys) {
                Some((by, keys)) => taken.push(Taken {
                    from: binding,
                    by,
                    keys,
                }),
                None => bindings.push(binding),
            },
        }
    }
    (Bindings { bindings }, taken)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(action: Action, keys: &[&str], line: usize) -> Entry {
        Entry {
            context: Context::Normal,
            action,
            keys: keys.iter().filter_map(|k| parse_sequence(k)).collect(),
            line,
        }
    }

    #[test]
    fn the_defaults_never_clash() {
        let defaults = Bindings::default();
        assert_eq!(defaults.bindings.len(), DEFAULTS.len());
        for (i, a) in defaults.bindings.iter().enumerate() {
            for b in &defaults.bindings[i + 1..] {
                assert!(
                    a.context != b.context || !clash(&a.keys, &b.keys),
                    "{a:?} / {b:?}"
                );
            }
        }
    }

    fn apply(entries: Vec<Entry>) -> (Bindings, Vec<(usize, String)>) {
        let applied = super::apply(entries);
        (applied.bindings, applied.refused)
    }

    fn warnings(entries: Vec<Entry>) -> Vec<(usize, String)> {
        super::apply(entries).warnings
    }

    #[test]
    fn a_rebound_key_leaves_its_old_action() {
        let (map, refused) = apply(vec![entry(Action::Up, &["j"], 3)]);
        assert!(refused.is_empty());
        let n = Context::Normal;
        assert_eq!(map.action_for(n, &[Key::char('j')]), Some(Action::Up));
        assert_eq!(map.keys_for(n, Action::Up), vec![&[Key::char('j')][..]]);
        assert_eq!(map.keys_for(n, Action::Down).len(), 1, "Down keeps ↓");
    }

    #[test]
    fn a_key_claimed_twice_is_refused_on_the_later_line() {
        let (map, refused) = apply(vec![
            entry(Action::Help, &["x"], 4),
            entry(Action::Quit, &["Q", "x"], 9),
        ]);
        assert_eq!(refused.len(), 1);
        assert_eq!(refused[0].0, 9);
        assert!(
            refused[0]
                .1
                .contains("`x` is already bound to `help` on line 4")
        );
        let n = Context::Normal;
        assert_eq!(map.action_for(n, &[Key::char('q')]), Some(Action::Quit));
        assert_eq!(map.action_for(n, &[Key::char('Q')]), None);
    }

    #[test]
    fn a_prefix_clashes_with_its_sequence() {
        let (_, refused) = apply(vec![
            entry(Action::Top, &["g g"], 2),
            entry(Action::Help, &["g"], 3),
        ]);
        assert!(
            refused[0].1.contains("`g` clashes with `g g`"),
            "{refused:?}"
        );
        let (map, refused) = apply(vec![entry(Action::Help, &["g"], 3)]);
        assert!(refused.is_empty());
        let n = Context::Normal;
        assert_eq!(map.keys_for(n, Action::Top).len(), 1, "`g g` gives way");
        let (_, refused) = apply(vec![entry(Action::Top, &["g", "g g"], 5)]);
        assert_eq!(refused[0].0, 5);
    }

    #[test]
    fn an_empty_list_unbinds() {
        let (map, _) = apply(vec![entry(Action::OpenUrl, &[], 1)]);
        assert!(map.keys_for(Context::Normal, Action::OpenUrl).is_empty());
    }

    #[test]
    fn every_key_taken_from_another_action_is_warned_about() {
        assert_eq!(
            warnings(vec![entry(Action::NextStory, &["n"], 4)]),
            [(
                4,
                "warning: `n` was `next_match`'s key; `next_match` has no key now \
                 (give it one in [keys])"
                    .to_owned()
            )]
        );
        // Taking one of two keys: the action keeps the other.
        assert_eq!(
            warnings(vec![entry(Action::Help, &["j"], 2)]),
            [(
                2,
                "warning: `j` was `down`'s key; `down` keeps `↓`".to_owned()
            )]
        );
        // A sequence that starts with another action's key, and a key
        // that starts another's sequence.
        assert_eq!(
            warnings(vec![entry(Action::ToggleStar, &["s s"], 7)]),
            [(
                7,
                "warning: `s s` starts with `s`, `toggle_sidebar`'s key, which cannot be \
                 both; `toggle_sidebar` has no key now (give it one in [keys])"
                    .to_owned()
            )]
        );
        assert_eq!(
            warnings(vec![entry(Action::Help, &["g"], 1)]),
            [(
                1,
                "warning: `g` starts `g g`, `top`'s key, which cannot be both; `top` keeps \
                 `Home`"
                    .to_owned()
            )]
        );
    }

    #[test]
    fn moving_keys_about_or_unbinding_is_not_warned_about() {
        // The action that had the key is given another: nothing is lost.
        assert!(
            warnings(vec![
                entry(Action::NextStory, &["n"], 1),
                entry(Action::NextMatch, &["m"], 2),
            ])
            .is_empty()
        );
        assert!(warnings(vec![entry(Action::OpenUrl, &[], 1)]).is_empty());
        assert!(warnings(vec![entry(Action::Down, &["j", "↓", "C-n"], 1)]).is_empty());
        // Each key taken is named, on the line that took it.
        let found = warnings(vec![
            entry(Action::Help, &["j"], 3),
            entry(Action::Quit, &["↓"], 5),
        ]);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].1.contains("`down` has no key now"), "{found:?}");
        assert_eq!((found[0].0, found[1].0), (3, 5));
    }
}
