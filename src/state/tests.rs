//! The reading state in memory: marks, filters, undo.

use super::*;

#[test]
fn opening_marks_read_and_remembers_the_story() {
    let mut state = ReadingState::new();
    assert!(!state.is_read("a"));
    assert!(state.open("a"));
    assert!(state.is_read("a"));
    assert_eq!(state.last_open(), Some("a"));
    assert!(!state.open("a"), "already read");
    assert!(state.is_dirty());
}

#[test]
fn toggles_and_filters() {
    let mut state = ReadingState::new();
    assert!(state.toggle_read("a"));
    assert!(state.toggle_star("b"));
    assert!(state.keeps(Filter::Unread, "b"));
    assert!(!state.keeps(Filter::Unread, "a"));
    assert!(state.keeps(Filter::Starred, "b"));
    assert!(!state.keeps(Filter::Starred, "a"));
    assert!(state.keeps(Filter::All, "zzz"));
    assert!(!state.toggle_read("a"));
    assert!(!state.toggle_star("b"));
    assert!(state.is_empty(), "defaults take no room");
}

#[test]
fn undo_takes_back_one_change_at_a_time() {
    let mut state = ReadingState::new();
    state.open("a");
    state.toggle_star("a");
    state.set_position(
        "a",
        Position {
            paragraph: 3,
            offset: 40,
        },
    );
    let undone = state.undo().unwrap();
    assert_eq!(undone.change, Change::Starred);
    assert_eq!(undone.to_string(), "undone: story starred");
    assert!(state.is_read("a") && !state.is_starred("a"));
    assert_eq!(state.position("a").unwrap().paragraph, 3, "positions stay");
    assert_eq!(state.undo().unwrap().change, Change::Opened);
    assert!(!state.is_read("a"));
    assert_eq!(state.undo(), None);
}

#[test]
fn mark_all_read_is_one_step() {
    let mut state = ReadingState::new();
    state.set_read("b", true);
    state.toggle_star("c");
    let ids = ["a", "b", "c", "d"];
    assert_eq!(state.mark_all_read(ids), 3);
    assert!(ids.iter().all(|id| state.is_read(id)));
    let undone = state.undo().unwrap();
    assert_eq!(undone.ids, vec!["a", "c", "d"]);
    assert_eq!(undone.to_string(), "undone: 3 stories marked read");
    assert!(state.is_read("b"), "it was read before");
    assert!(!state.is_read("a") && !state.is_read("c"));
    assert!(state.is_starred("c"), "the star is not touched");
    assert_eq!(state.mark_all_read(["b"]), 0);
    assert!(state.can_undo(), "the earlier steps remain");
}

#[test]
fn undo_is_bounded() {
    let mut state = ReadingState::new();
    for i in 0..UNDO_DEPTH + 20 {
        state.toggle_star(&i.to_string());
    }
    let mut steps = 0;
    while state.undo().is_some() {
        steps += 1;
    }
    assert_eq!(steps, UNDO_DEPTH);
}

#[test]
fn a_position_at_the_top_is_no_position() {
    let mut state = ReadingState::new();
    let at = Position {
        paragraph: 2,
        offset: 0,
    };
    state.set_position("a", at);
    assert_eq!(state.position("a"), Some(at));
    state.set_position("a", Position::default());
    assert_eq!(state.position("a"), None);
    assert!(state.is_empty());
}
