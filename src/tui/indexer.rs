//! The index thread: builds the [`SpeakerIndex`] of the whole library from
//! the analyses the analysis threads make, and now and then hands the UI
//! thread a copy of it to read (`Msg::Index`). The UI never waits for the
//! index and never locks it: it reads the last copy it was given, which is
//! immutable, while this thread goes on adding to its own.
//!
//! Each copy comes with everyone sorted by quotes, the People view's first
//! order, so the UI thread does not sort either. A copy costs time in
//! proportion to the index (tens of milliseconds for 100,000 stories), so
//! copies are spaced out as the index grows: never closer than
//! [`MIN_GAP`], nor than [`GAP_FACTOR`] times the last copy took. The last
//! stories of a run are always published.

use super::app::{IndexCopy, Msg};
use super::runtime::Event;
use crate::Analysis;
use crate::article::Article;
use crate::index::SpeakerIndex;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread;
use std::time::{Duration, Instant};

/// One analysed story for the index.
pub type Fed = (usize, Arc<Article>, Analysis);

/// Copies for the UI are at least this far apart.
const MIN_GAP: Duration = Duration::from_millis(250);
/// … and at least this many times what the last copy took.
const GAP_FACTOR: u32 = 20;

/// Starts the index thread; it stops once every sender is dropped.
pub fn spawn(events: Sender<Event>) -> std::io::Result<Sender<Fed>> {
    let (feed, inbox) = channel();
    thread::Builder::new()
        .name("byline-index".into())
        .spawn(move || index_loop(&inbox, &events))?;
    Ok(feed)
}

fn index_loop(inbox: &Receiver<Fed>, events: &Sender<Event>) {
    let mut index = SpeakerIndex::new();
    let mut gap = MIN_GAP;
    let mut published = Instant::now();
    // The copies given out lately: the older is freed here, not on the UI
    // thread, once the UI has surely moved on to the newer.
    let mut kept: Vec<Arc<SpeakerIndex>> = Vec::new();
    // Each story is analysed once, so this counts the stories held.
    let mut stories = 0;
    loop {
        let wait = gap.saturating_sub(published.elapsed());
        let got = if index.is_stale() {
            inbox.recv_timeout(wait)
        } else {
            inbox.recv().map_err(|_| RecvTimeoutError::Disconnected)
        };
        match got {
            Ok((i, article, analysis)) => {
                index.add(i, &article, &analysis);
                stories += 1;
                // Take what else has queued before deciding to publish.
                while let Ok((i, article, analysis)) = inbox.try_recv() {
                    index.add(i, &article, &analysis);
                    stories += 1;
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => {
                if index.is_stale() {
                    publish(&mut index, stories, events, &mut kept);
                }
                return;
            }
        }
        if index.is_stale() && published.elapsed() >= gap {
            let started = Instant::now();
            if !publish(&mut index, stories, events, &mut kept) {
                return;
            }
            gap = MIN_GAP.max(started.elapsed() * GAP_FACTOR);
            published = Instant::now();
        }
    }
}

/// Refreshes the index and sends a copy; false once nobody listens.
fn publish(
    index: &mut SpeakerIndex,
    stories: usize,
    events: &Sender<Event>,
    kept: &mut Vec<Arc<SpeakerIndex>>,
) -> bool {
    index.refresh();
    // The copy before last went out a while ago (copies are spaced out) and
    // the UI has long moved on from it: freed before the new copy is made,
    // so no more than three indexes are ever held at once.
    if kept.len() >= 2 {
        kept.remove(0);
    }
    let copy = Arc::new(index.clone());
    kept.push(Arc::clone(&copy));
    let copy = IndexCopy::new(copy, stories);
    events.send(Event::Msg(Msg::Index(copy))).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::Sort;
    use crate::tui::fixture;

    #[test]
    fn analyses_fed_in_come_out_as_an_index() {
        let (events, inbox) = channel();
        let feed = spawn(events).unwrap();
        for (i, (article, analysis)) in fixture::stories().into_iter().enumerate() {
            feed.send((i, Arc::new(article), analysis)).unwrap();
        }
        drop(feed);
        let mut last = None;
        while let Ok(event) = inbox.recv_timeout(Duration::from_secs(10)) {
            if let Event::Msg(Msg::Index(copy)) = event {
                last = Some(copy);
            }
        }
        let IndexCopy {
            index,
            stories,
            by_quotes,
        } = last.expect("an index was published");
        assert_eq!(by_quotes, index.speakers(Sort::Quotes));
        assert_eq!(stories, 4);
        assert!(!index.is_stale());
        let reyes = index.find("Reyes");
        assert_eq!(reyes.len(), 1);
        assert_eq!(index.speaker(reyes[0]).unwrap().quotes(), 3);
    }
}
