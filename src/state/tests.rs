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

/// Two bylines' states after `first` and then `second` saved: what the
/// file holds, and each one as it is after taking the file in.
fn saved_in_turn(first: &mut ReadingState, second: &mut ReadingState) -> ReadingState {
    let mut file = ReadingState::new();
    for state in [&mut *first, &mut *second] {
        state.merge(&file);
        file = codec::decode(&codec::encode(state)).unwrap().state;
    }
    // The first takes in the second's changes on its next save.
    first.merge(&file);
    file
}

/// Lets the clock move on, so that the next change is later.
fn later() {
    std::thread::sleep(std::time::Duration::from_millis(3));
}

#[test]
fn a_merge_keeps_both_bylines_changes_in_either_order() {
    for a_first in [true, false] {
        let (mut a, mut b) = (ReadingState::new(), ReadingState::new());
        a.toggle_star("story-1");
        b.open("story-2");
        let file = if a_first {
            saved_in_turn(&mut a, &mut b)
        } else {
            saved_in_turn(&mut b, &mut a)
        };
        for state in [&file, &a, &b] {
            assert!(state.is_starred("story-1"), "a_first: {a_first}");
            assert!(state.is_read("story-2", None), "a_first: {a_first}");
            assert_eq!(state.len(), 2);
        }
        assert_eq!(a.last_open(), None, "the story open is each one's own");
        assert_eq!(b.last_open(), Some("story-2"));
    }
}

#[test]
fn the_same_part_changed_in_both_the_later_wins() {
    for a_first in [true, false] {
        let (mut a, mut b) = (ReadingState::new(), ReadingState::new());
        a.set_read("story-1", true);
        later();
        b.set_read("story-1", false);
        let file = if a_first {
            saved_in_turn(&mut a, &mut b)
        } else {
            saved_in_turn(&mut b, &mut a)
        };
        for state in [&file, &a, &b] {
            assert!(!state.is_read("story-1", Some(true)), "a_first: {a_first}");
        }
    }
}

#[test]
fn different_parts_of_one_story_are_both_kept() {
    let (mut a, mut b) = (ReadingState::new(), ReadingState::new());
    a.toggle_star("story-1");
    later();
    let at = Position {
        paragraph: 4,
        offset: 9,
    };
    b.open("story-1");
    b.set_position("story-1", at);
    let file = saved_in_turn(&mut a, &mut b);
    for state in [&file, &a, &b] {
        assert!(state.is_starred("story-1") && state.is_read("story-1", None));
        assert_eq!(state.position("story-1"), Some(at));
    }
}

#[test]
fn a_change_back_to_the_default_reaches_the_other_byline() {
    let mut a = ReadingState::new();
    a.toggle_star("story-1");
    let mut b = codec::decode(&codec::encode(&a)).unwrap().state;
    later();
    a.toggle_star("story-1");
    assert!(a.is_empty() && !a.contains("story-1"), "no entry to show");
    assert!(!a.is_blank(), "but the change is kept for the other byline");
    // b saves later without touching story 1: the unstar stands.
    let file = saved_in_turn(&mut a, &mut b);
    for state in [&file, &a, &b] {
        assert!(!state.is_starred("story-1"));
    }
}

#[test]
fn what_a_merge_took_in_merges_into_a_newer_copy() {
    let mut other = ReadingState::new();
    other.toggle_star("theirs");
    let file = codec::decode(&codec::encode(&other)).unwrap().state;
    let mut ours = ReadingState::new();
    ours.set_read("mine", true);
    // The copy being saved takes the file in...
    let mut copy = ours.clone();
    let taken = copy.merge(&file);
    assert_eq!(taken.len(), 1);
    assert!(taken.is_starred("theirs") && !taken.contains("mine"));
    // ...while the reader went on: its newer change is kept.
    later();
    ours.set_read("mine", false);
    ours.merge(&taken);
    assert!(ours.is_starred("theirs"));
    assert!(!ours.is_read("mine", None));
    assert!(
        ours.merge(&taken).is_blank(),
        "a merge taken twice changes nothing"
    );
}

#[test]
fn undo_takes_back_its_own_part_only() {
    let mut a = ReadingState::new();
    a.toggle_star("story-1");
    let mut b = ReadingState::new();
    later();
    b.open("story-1");
    a.merge(&b);
    assert!(a.is_read("story-1", None) && a.is_starred("story-1"));
    let undone = a.undo().unwrap();
    assert_eq!(undone.change, Change::Starred);
    assert!(!a.is_starred("story-1"));
    assert!(a.is_read("story-1", None), "b's read mark stays");
    // The undo is a change of its own, later than b's.
    b.merge(&a);
    assert!(!b.is_starred("story-1") && b.is_read("story-1", None));
}

#[test]
fn a_clock_that_goes_back_still_orders_the_changes() {
    let mut state = ReadingState::new();
    state.clock = u64::MAX / 2;
    state.toggle_star("a");
    let first = state.changed("a").unwrap();
    state.toggle_star("a");
    assert!(state.changed("a").unwrap() > first);
}
