//! The reading state in memory: marks, filters, undo.

use super::*;

#[test]
fn opening_marks_read_and_remembers_the_story() {
    let mut state = ReadingState::new();
    assert!(!state.is_read("a", None));
    assert!(state.open("a"));
    assert!(state.is_read("a", None));
    assert_eq!(state.last_open(), Some("a"));
    assert!(!state.open("a"), "already read");
    assert!(state.is_dirty());
}

#[test]
fn toggles_and_filters() {
    let mut state = ReadingState::new();
    assert!(state.toggle_read("a", None));
    assert!(state.toggle_star("b"));
    assert!(state.keeps(Filter::Unread, "b", None));
    assert!(!state.keeps(Filter::Unread, "a", None));
    assert!(state.keeps(Filter::Starred, "b", None));
    assert!(!state.keeps(Filter::Starred, "a", None));
    assert!(state.keeps(Filter::All, "zzz", None));
    assert!(!state.toggle_read("a", None));
    assert!(!state.toggle_star("b"));
    assert!(!state.contains("b"), "defaults take no room");
    assert!(
        state.contains("a"),
        "an unread mark is kept: it wins over a feed reader's"
    );
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
    assert!(state.is_read("a", None) && !state.is_starred("a"));
    assert_eq!(state.position("a").unwrap().paragraph, 3, "positions stay");
    assert_eq!(state.undo().unwrap().change, Change::Opened);
    assert!(!state.is_read("a", None));
    assert_eq!(state.undo(), None);
}

#[test]
fn mark_all_read_is_one_step() {
    let mut state = ReadingState::new();
    state.set_read("b", true);
    state.toggle_star("c");
    let ids = ["a", "b", "c", "d"];
    assert_eq!(state.mark_all_read(ids), 3);
    assert!(ids.iter().all(|id| state.is_read(id, None)));
    let undone = state.undo().unwrap();
    assert_eq!(undone.ids, vec!["a", "c", "d"]);
    assert_eq!(undone.to_string(), "undone: 3 stories marked read");
    assert!(state.is_read("b", None), "it was read before");
    assert!(!state.is_read("a", None) && !state.is_read("c", None));
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

#[test]
fn a_feed_readers_mark_stands_until_byline_marks_the_story() {
    let mut state = ReadingState::new();
    assert!(state.is_read("n", Some(true)));
    assert!(!state.is_read("n", Some(false)) && !state.is_read("n", None));
    assert!(!state.keeps(Filter::Unread, "n", Some(true)));
    assert!(!state.toggle_read("n", Some(true)), "now unread in byline");
    assert!(!state.is_read("n", Some(true)));
    assert!(state.keeps(Filter::Unread, "n", Some(true)));
    let saved = codec::decode(&codec::encode(&state)).unwrap().state;
    assert!(!saved.is_read("n", Some(true)), "byline's mark is kept");
    state.undo();
    assert!(
        state.is_read("n", Some(true)),
        "undone: the feed reader's mark again"
    );
}
