//! Where the speaker of a quote is shown, as the settings file names it.

/// `labels = "gutter" | "inline" | "off"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Labels {
    /// In a margin left of the text: the name where a quote starts and a
    /// bar in the speaker's colour along it; the text is never reflowed.
    #[default]
    Gutter,
    /// Before the quote's opening mark, inside the text.
    Inline,
    /// Nowhere: the quotes are only tinted.
    Off,
}

impl Labels {
    pub const ALL: [Labels; 3] = [Labels::Gutter, Labels::Inline, Labels::Off];

    pub fn name(self) -> &'static str {
        match self {
            Labels::Gutter => "gutter",
            Labels::Inline => "inline",
            Labels::Off => "off",
        }
    }

    pub fn parse(name: &str) -> Option<Labels> {
        Labels::ALL.into_iter().find(|l| l.name() == name)
    }
}
