//! Type-to-filter: a query matches a name when its letters appear in it in
//! order, case and accents aside. Letters in a run and at word starts
//! score more (as the reader's `@` does), so "stol" ranks "Jens
//! Stoltenberg" above "Jan Stolberg-Tolten", and a name that starts with
//! the query comes first.

use super::fold::each_folded;

/// A folded query, ready to score many names.
#[derive(Debug, Clone)]
pub struct Pattern {
    chars: Vec<char>,
    ascii: bool,
}

/// Extra for a name that starts with the whole query.
const PREFIX: i64 = 10;

impl Pattern {
    /// The pattern of `query`, folded as names are.
    pub fn new(query: &str) -> Pattern {
        let mut chars = Vec::with_capacity(query.len());
        // Names fold their punctuation to spaces ("Carvalho-Mota" is
        // "carvalho mota"), so the query drops it: "carvalho-mota" and
        // "o'neill" match.
        each_folded(query, |c| {
            if c.is_alphanumeric() {
                chars.push(c);
            }
        });
        let ascii = chars.iter().all(char::is_ascii);
        Pattern { chars, ascii }
    }

    /// The query has no letter or digit.
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// A quick test that rules out most names a pattern cannot match: for
    /// an ASCII pattern, are its bytes in `text` in order (across lines)?
    pub fn may_match(&self, text: &str) -> bool {
        if !self.ascii {
            return true;
        }
        let mut want = self.chars.iter().map(|&c| c as u8);
        let mut next = want.next();
        for &b in text.as_bytes() {
            match next {
                Some(n) if n == b => next = want.next(),
                Some(_) => {}
                None => break,
            }
        }
        next.is_none()
    }

    /// The best score over `forms`, folded names one per line.
    pub fn best(&self, forms: &str) -> Option<i64> {
        forms.split('\n').filter_map(|form| self.score(form)).max()
    }

    /// How well the pattern matches one folded name; `None` when it does
    /// not. Higher is better.
    pub fn score(&self, form: &str) -> Option<i64> {
        if self.chars.is_empty() {
            return Some(0);
        }
        let prefix = form
            .chars()
            .take(self.chars.len())
            .eq(self.chars.iter().copied());
        let bonus = if prefix { PREFIX } else { 0 };
        // Most names fold to ASCII: there bytes are chars, and matching
        // can start at the first occurrence of the first letter.
        if self.ascii && form.is_ascii() {
            let bytes = form.as_bytes();
            let at = bytes.iter().position(|&b| char::from(b) == self.chars[0])?;
            let before = at.checked_sub(1).map(|i| char::from(bytes[i]));
            let rest = bytes[at..].iter().map(|&b| char::from(b));
            return self.walk(rest, before).map(|s| s + bonus);
        }
        self.walk(form.chars(), None).map(|s| s + bonus)
    }

    /// The greedy, leftmost match of the pattern in `chars`, which follow
    /// `previous`.
    fn walk(&self, chars: impl Iterator<Item = char>, mut previous: Option<char>) -> Option<i64> {
        let pattern = &self.chars;
        let mut score = 0i64;
        let mut want = 0;
        let mut previous_matched = false;
        for c in chars {
            let at_word_start = previous.is_none_or(|p| !p.is_alphanumeric());
            let matched = c == pattern[want];
            if matched {
                score += 1;
                if previous_matched {
                    score += 5;
                }
                if at_word_start {
                    score += 8;
                }
                want += 1;
                if want == pattern.len() {
                    return Some(score);
                }
            } else {
                score -= i64::from(want > 0);
            }
            previous_matched = matched;
            previous = Some(c);
        }
        None
    }
}

/// The folded forms of every speaker's name (one per line), end to end in
/// one buffer: the filter reads them in memory order instead of chasing a
/// pointer per speaker.
#[derive(Debug, Clone, Default)]
pub struct Names {
    text: String,
    /// Entry → `(start, len)` of its forms in `text`.
    spans: Vec<(u32, u32)>,
    /// Bytes of `text` no entry points to any more.
    stale: usize,
}

impl Names {
    /// The forms of `entry`, folded, one per line.
    pub fn get(&self, entry: u32) -> &str {
        self.spans.get(entry as usize).map_or("", |&(start, len)| {
            let start = start as usize;
            self.text.get(start..start + len as usize).unwrap_or("")
        })
    }

    pub fn set(&mut self, entry: u32, forms: &str) {
        if self.get(entry) == forms {
            return;
        }
        let e = entry as usize;
        if self.spans.len() <= e {
            self.spans.resize(e + 1, (0, 0));
        }
        self.stale += self.spans[e].1 as usize;
        let start = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        self.text.push_str(forms);
        self.spans[e] = (start, u32::try_from(forms.len()).unwrap_or(0));
        // Rewriting when half is stale keeps the cost per change constant.
        if self.stale > 4096 && self.stale * 2 > self.text.len() {
            self.compact();
        }
    }

    pub fn clear(&mut self, entry: u32) {
        if let Some(span) = self.spans.get_mut(entry as usize) {
            self.stale += span.1 as usize;
            *span = (0, 0);
        }
    }

    fn compact(&mut self) {
        let mut text = String::with_capacity(self.text.len() - self.stale);
        for span in &mut self.spans {
            let (start, len) = (span.0 as usize, span.1 as usize);
            let forms = self.text.get(start..start + len).unwrap_or("");
            span.0 = u32::try_from(text.len()).unwrap_or(u32::MAX);
            text.push_str(forms);
        }
        self.text = text;
        self.stale = 0;
    }

    /// Calls `found` with every entry the pattern matches and its score,
    /// in entry order.
    pub fn score_all(&self, pattern: &Pattern, mut found: impl FnMut(u32, i64)) {
        for (e, &(start, len)) in self.spans.iter().enumerate() {
            if len == 0 {
                continue;
            }
            let (start, len) = (start as usize, len as usize);
            let forms = self.text.get(start..start + len).unwrap_or("");
            if !pattern.may_match(forms) {
                continue;
            }
            if let Some(score) = pattern.best(forms) {
                found(e as u32, score);
            }
        }
    }

    pub fn heap_size(&self) -> usize {
        self.text.capacity() + self.spans.capacity() * 8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(query: &str, name: &str) -> Option<i64> {
        Pattern::new(query).score(&super::super::fold(name))
    }

    #[test]
    fn runs_and_word_starts_rank_first() {
        let a = score("stol", "Jens Stoltenberg").unwrap();
        let b = score("stol", "Jan Sxtxoxl").unwrap();
        assert!(a > b);
        assert!(score("stol", "Stoltenberg").unwrap() > a, "a prefix wins");
        assert!(score("zel", "Volodymyr Zelensky").is_some());
        assert!(score("vz", "Volodymyr Zelensky").is_some(), "initials");
        assert!(score("xyz", "Volodymyr Zelensky").is_none());
        assert_eq!(score("", "anything"), Some(0));
    }

    #[test]
    fn case_and_accents_do_not_matter() {
        assert!(score("LEFEVRE", "Hélène Lefèvre").is_some());
        assert!(score("lefèvre", "Helene Lefevre").is_some());
        assert!(score("sorensen", "Annika Sørensen-Blom").is_some());
        assert!(score("東京", "東京 Bookshop").is_some());
    }

    #[test]
    fn punctuation_in_the_query_is_no_obstacle() {
        assert!(score("carvalho-mota", "Inês Carvalho-Mota").is_some());
        assert!(score("o'neill", "Siobhan O’Neill").is_some());
        assert!(score("st. john", "Ama St John").is_some());
    }

    #[test]
    fn names_are_kept_end_to_end_and_compacted() {
        let mut names = Names::default();
        for round in 0..200 {
            for e in 0..50 {
                names.set(e, &format!("name {e} round {round}\nalias {e}"));
            }
        }
        assert_eq!(names.get(7), "name 7 round 199\nalias 7");
        assert!(
            names.text.len() < 2 * 50 * 40 + 8192,
            "compacted: {}",
            names.text.len()
        );
        names.clear(7);
        assert_eq!(names.get(7), "");
        assert_eq!(names.get(500), "");
        let pattern = Pattern::new("alias 7");
        let mut found = Vec::new();
        names.score_all(&pattern, |e, _| found.push(e));
        let one_by_one: Vec<u32> = (0..50)
            .filter(|&e| pattern.best(names.get(e)).is_some())
            .collect();
        assert_eq!(found, one_by_one);
        assert_eq!(found, [17, 27, 37, 47], "the cleared entry is gone");
    }

    #[test]
    fn the_best_form_counts() {
        let p = Pattern::new("zelenski");
        let forms = "volodymyr zelensky\nzelenski";
        assert_eq!(p.best(forms), p.score("zelenski"));
    }
}
