//! The searches typed in this session, for `↑`/`↓` in the search prompt
//! as a shell recalls its commands.

/// Searches kept, the oldest dropped first.
const KEPT: usize = 100;

/// Past searches, oldest first, and which one the prompt shows.
#[derive(Debug, Clone, Default)]
pub struct History {
    entries: Vec<String>,
    /// Index into `entries` of the one recalled; `None`: none yet.
    at: Option<usize>,
}

impl History {
    /// A prompt opens: recalling starts from the newest again.
    pub fn start(&mut self) {
        self.at = None;
    }

    /// A search made: kept as the newest, once.
    pub fn record(&mut self, query: &str) {
        let query = query.trim();
        if query.is_empty() {
            return;
        }
        self.entries.retain(|e| e != query);
        self.entries.push(query.to_owned());
        if self.entries.len() > KEPT {
            self.entries.remove(0);
        }
        self.at = None;
    }

    /// The search before the one recalled (the newest first).
    pub fn older(&mut self) -> Option<String> {
        let at = match self.at {
            None => self.entries.len().checked_sub(1)?,
            Some(at) => at.checked_sub(1)?,
        };
        self.at = Some(at);
        self.entries.get(at).cloned()
    }

    /// The search after the one recalled; past the newest, an empty prompt.
    pub fn newer(&mut self) -> Option<String> {
        let at = self.at?;
        if at + 1 < self.entries.len() {
            self.at = Some(at + 1);
            self.entries.get(at + 1).cloned()
        } else {
            self.at = None;
            Some(String::new())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::History;

    #[test]
    fn up_and_down_walk_the_searches_made() {
        let mut history = History::default();
        assert_eq!(history.older(), None);
        for query in ["harbour", "@reyes", "harbour", " "] {
            history.record(query);
        }
        assert_eq!(history.older().as_deref(), Some("harbour"));
        assert_eq!(history.older().as_deref(), Some("@reyes"));
        assert_eq!(history.older(), None, "the oldest, once");
        assert_eq!(history.newer().as_deref(), Some("harbour"));
        assert_eq!(history.newer().as_deref(), Some(""));
        assert_eq!(history.newer(), None);
    }
}
