//! Where each panel goes for a terminal size: a pure function used by
//! `update` (page sizes, wrap width, mouse hits) and by `draw` alike, so the
//! two always agree.

use ratatui::layout::{Position, Rect};

/// Smallest usable screen; anything smaller gets a short message.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;
/// From this width the three panels are shown together.
pub const THREE_PANELS: u16 = 120;
/// From this width two panels are shown side by side.
pub const TWO_PANELS: u16 = 80;
/// From this width the sidebar shows unless hidden (`s`); from
/// [`TWO_PANELS`] to here it shows when asked for, so that 120 columns
/// give the story more room than 119 rather than less (the three panels
/// leave it 60 columns at 120, 81 here, as two panels do at 119).
pub const ROOMY: u16 = 150;

/// The panel that has the keyboard. The sidebar is two stops: its people,
/// then its quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Body,
    People,
    Quotes,
}

impl Focus {
    pub const ORDER: [Focus; 4] = [Focus::List, Focus::Body, Focus::People, Focus::Quotes];

    pub fn in_sidebar(self) -> bool {
        matches!(self, Focus::People | Focus::Quotes)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub header: Rect,
    pub status: Rect,
    pub list: Option<Rect>,
    pub body: Option<Rect>,
    pub people: Option<Rect>,
    pub quotes: Option<Rect>,
    pub too_small: bool,
}

impl Areas {
    /// The panel under a screen position.
    pub fn hit(&self, x: u16, y: u16) -> Option<Focus> {
        let at = Position::new(x, y);
        [
            (self.list, Focus::List),
            (self.body, Focus::Body),
            (self.people, Focus::People),
            (self.quotes, Focus::Quotes),
        ]
        .into_iter()
        .find_map(|(rect, focus)| rect.filter(|r| r.contains(at)).map(|_| focus))
    }
}

/// Lays out a `width`×`height` screen.
pub fn areas(width: u16, height: u16, focus: Focus, sidebar_shown: bool) -> Areas {
    let screen = Rect::new(0, 0, width, height);
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return Areas {
            header: screen,
            too_small: true,
            ..Areas::default()
        };
    }
    let header = Rect::new(0, 0, width, 1);
    let status = Rect::new(0, height - 1, width, 1);
    let main = Rect::new(0, 1, width, height - 2);
    let mut areas = Areas {
        header,
        status,
        ..Areas::default()
    };
    let (list, body, sidebar) = columns(width);
    let column = |x: u16, w: u16| Rect::new(x, main.y, w, main.height);
    if width >= THREE_PANELS {
        areas.list = Some(column(0, list));
        if sidebar_shown {
            areas.body = Some(column(list, body));
            split_sidebar(&mut areas, column(list + body, sidebar));
        } else {
            areas.body = Some(column(list, width - list));
        }
    } else if width >= TWO_PANELS {
        if focus.in_sidebar() || (sidebar_shown && focus == Focus::Body) {
            areas.body = Some(column(0, body));
            split_sidebar(&mut areas, column(body, sidebar));
        } else {
            areas.list = Some(column(0, list));
            areas.body = Some(column(list, body));
        }
    } else {
        match focus {
            Focus::List => areas.list = Some(main),
            Focus::Body => areas.body = Some(main),
            Focus::People | Focus::Quotes => split_sidebar(&mut areas, main),
        }
    }
    areas
}

/// Widths of (list, body, sidebar). In the two-panel range the list and the
/// sidebar take the same width, so the body keeps its width (and its wrap)
/// whichever pair is shown.
fn columns(width: u16) -> (u16, u16, u16) {
    if width >= THREE_PANELS {
        let list = (width * 26 / 100).clamp(32, 48);
        let sidebar = (width * 20 / 100).clamp(28, 40);
        (list, width - list - sidebar, sidebar)
    } else if width >= TWO_PANELS {
        let side = (width * 32 / 100).clamp(26, 38);
        (side, width - side, side)
    } else {
        (width, width, width)
    }
}

fn split_sidebar(areas: &mut Areas, rect: Rect) {
    let people = (rect.height * 2 / 5).max(3).min(rect.height);
    areas.people = Some(Rect {
        height: people,
        ..rect
    });
    areas.quotes = Some(Rect {
        y: rect.y + people,
        height: rect.height - people,
        ..rect
    });
}

/// The story alone, full screen (`z`): the pager's layout.
pub fn zoomed(width: u16, height: u16) -> Areas {
    let mut areas = areas(width, height, Focus::Body, false);
    if !areas.too_small {
        areas.list = None;
        areas.people = None;
        areas.quotes = None;
        areas.body = Some(Rect::new(0, 1, width, height - 2));
    }
    areas
}

/// The body pane as it is (or would be, when hidden) at this size: its
/// width does not depend on focus, so neither does the wrap.
pub fn body_pane(width: u16, height: u16, sidebar_shown: bool) -> Rect {
    let focus = if (TWO_PANELS..THREE_PANELS).contains(&width) {
        Focus::List
    } else {
        Focus::Body
    };
    areas(width, height, focus, sidebar_shown)
        .body
        .unwrap_or_default()
}

/// Inside a bordered pane: the text area (one column of padding each side)
/// and the wrap width, capped and centred by the caller.
pub fn text_area(pane: Rect) -> Rect {
    Rect {
        x: pane.x.saturating_add(2),
        y: pane.y.saturating_add(1),
        width: pane.width.saturating_sub(4),
        height: pane.height.saturating_sub(2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_two_and_one_panels() {
        let a = areas(160, 45, Focus::List, true);
        assert!(a.list.is_some() && a.body.is_some() && a.people.is_some() && a.quotes.is_some());
        let total: u16 = [a.list, a.body, a.people]
            .iter()
            .map(|r| r.unwrap().width)
            .sum();
        assert_eq!(total, 160);

        let a = areas(100, 30, Focus::List, false);
        assert!(a.list.is_some() && a.body.is_some() && a.people.is_none());
        let b = areas(100, 30, Focus::People, false);
        assert!(b.list.is_none() && b.people.is_some());
        assert_eq!(a.body.unwrap().width, b.body.unwrap().width);

        let a = areas(60, 20, Focus::Quotes, false);
        assert_eq!((a.list, a.body), (None, None));
        assert_eq!(a.quotes.unwrap().width, 60);
    }

    #[test]
    fn tiny_sizes_are_too_small_and_never_overflow() {
        for w in 0..130 {
            for h in 0..12 {
                for focus in Focus::ORDER {
                    let a = areas(w, h, focus, true);
                    assert_eq!(a.too_small, w < MIN_WIDTH || h < MIN_HEIGHT);
                    for rect in [a.list, a.body, a.people, a.quotes].into_iter().flatten() {
                        assert!(rect.right() <= w && rect.bottom() <= h, "{w}x{h} {rect:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn hits_find_the_panel() {
        let a = areas(160, 45, Focus::List, true);
        assert_eq!(a.hit(1, 5), Some(Focus::List));
        assert_eq!(a.hit(80, 5), Some(Focus::Body));
        assert_eq!(a.hit(159, 3), Some(Focus::People));
        assert_eq!(a.hit(159, 40), Some(Focus::Quotes));
        assert_eq!(a.hit(5, 0), None);
    }
}
