//! Every style on the screen. Only the 16 ANSI colours are used, never a
//! background colour (the terminal's own shows through; selection is
//! reversed video), and with `NO_COLOR` set everything is told apart by
//! bold, dim, italic, underline and reverse alone. The colours are the
//! settings' palette (dark by default, or light).

use crate::config::{Colour, Palette};
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
}

impl Default for Theme {
    fn default() -> Self {
        Self {
            color: true,
            palette: Palette::DARK,
        }
    }
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to something non-empty (no-color.org).
    pub fn from_env() -> Self {
        Self {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            ..Self::default()
        }
    }

    /// The same theme with another palette; `NO_COLOR` still wins.
    #[must_use]
    pub fn with_palette(self, palette: Palette) -> Self {
        Self { palette, ..self }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// The colour of the speaker in slot `slot` (`None`: nobody found).
    pub fn speaker(self, slot: Option<usize>) -> Style {
        match slot {
            Some(slot) if self.color => {
                let speakers = &self.palette.speakers;
                Style::new().fg(color(speakers[slot % speakers.len()]))
            }
            // Monochrome, or nobody found: italic marks a quote.
            Some(_) | None => Style::new().add_modifier(Modifier::ITALIC),
        }
    }

    /// A quote's text.
    pub fn quote(self, slot: Option<usize>) -> Style {
        self.speaker(slot)
    }

    /// The quote that `]`, `}` or the sidebar last landed on.
    pub fn current_quote(self, slot: Option<usize>) -> Style {
        self.speaker(slot)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// The speaker's name shown where a quote starts.
    pub fn label(self, slot: Option<usize>) -> Style {
        self.speaker(slot)
            .remove_modifier(Modifier::ITALIC)
            .add_modifier(Modifier::DIM)
    }

    pub fn search_match(self) -> Style {
        if self.color {
            let palette = self.palette;
            Style::new()
                .fg(color(palette.match_fg))
                .bg(color(palette.match_bg))
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn current_match(self) -> Style {
        self.search_match()
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn subtitle(self) -> Style {
        Style::new().add_modifier(Modifier::ITALIC)
    }

    pub fn dim(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn caption(self) -> Style {
        Style::new().add_modifier(Modifier::ITALIC | Modifier::DIM)
    }

    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(color(self.palette.accent))
                .add_modifier(Modifier::BOLD)
        } else {
            self.dim()
        }
    }

    pub fn panel_title(self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        }
    }

    /// The selected row: reversed in the focused panel, bold elsewhere.
    pub fn selected(self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn unread(self) -> Style {
        self.fg(color(self.palette.unread))
            .add_modifier(Modifier::BOLD)
    }

    pub fn starred(self) -> Style {
        self.fg(color(self.palette.starred))
            .add_modifier(Modifier::BOLD)
    }

    pub fn brand(self) -> Style {
        self.fg(color(self.palette.accent))
            .add_modifier(Modifier::BOLD)
    }

    pub fn key(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn warning(self) -> Style {
        self.fg(color(self.palette.warning))
            .add_modifier(Modifier::BOLD)
    }

    pub fn prompt(self) -> Style {
        self.fg(color(self.palette.accent))
            .add_modifier(Modifier::BOLD)
    }
}

/// The terminal's own colour for a palette entry.
fn color(colour: Colour) -> Color {
    match colour {
        Colour::Black => Color::Black,
        Colour::Red => Color::Red,
        Colour::Green => Color::Green,
        Colour::Yellow => Color::Yellow,
        Colour::Blue => Color::Blue,
        Colour::Magenta => Color::Magenta,
        Colour::Cyan => Color::Cyan,
        Colour::Gray => Color::Gray,
        Colour::DarkGray => Color::DarkGray,
        Colour::LightRed => Color::LightRed,
        Colour::LightGreen => Color::LightGreen,
        Colour::LightYellow => Color::LightYellow,
        Colour::LightBlue => Color::LightBlue,
        Colour::LightMagenta => Color::LightMagenta,
        Colour::LightCyan => Color::LightCyan,
        Colour::White => Color::White,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_means_no_colour_at_all() {
        let theme = Theme {
            color: false,
            ..Theme::default()
        };
        let styles = [
            theme.speaker(Some(2)),
            theme.current_quote(Some(1)),
            theme.label(Some(0)),
            theme.search_match(),
            theme.border(true),
            theme.unread(),
            theme.starred(),
            theme.warning(),
        ];
        for style in styles {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
        assert_ne!(theme.search_match(), Style::new());
    }

    #[test]
    fn colour_never_sets_a_background_except_search_matches() {
        let theme = Theme::default();
        for slot in 0..12 {
            assert_eq!(theme.quote(Some(slot)).bg, None);
        }
        assert_ne!(theme.speaker(Some(0)), theme.speaker(Some(1)));
    }
}
