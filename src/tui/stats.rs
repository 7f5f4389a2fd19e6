//! What a run of the reader measured: time to the first rows, until every
//! story was listed and analysed, peak memory, and how long key presses
//! took to reach the screen. `byline --stats-on-exit` prints it; the
//! startup benchmark reads it from a headless run.

use super::app::App;
use std::fmt;
use std::time::Duration;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// From the start to the first frame with a story listed.
    pub first_rows: Option<Duration>,
    /// From the start to the first frame after the last story was listed.
    pub all_listed: Option<Duration>,
    /// From the start to the first frame after every story was analysed.
    pub all_analysed: Option<Duration>,
    pub stories: usize,
    pub problems: usize,
    pub frames: usize,
    /// The longest time from an event (or a slice of background work) to
    /// its frame on screen.
    pub slowest_frame: Duration,
    /// For each key press or mouse event, from when it was read to the end
    /// of the frame that showed it.
    pub inputs: Vec<Duration>,
    /// The process's peak resident memory in bytes, where the system tells
    /// it (Linux).
    pub peak_memory: Option<u64>,
}

impl Stats {
    /// Notes a frame drawn at `since_start`, `took` after its event.
    pub fn frame(&mut self, took: Duration, since_start: Duration, app: &App) {
        self.frames += 1;
        self.slowest_frame = self.slowest_frame.max(took);
        let library = &app.library;
        if self.first_rows.is_none() && app.list_len() > 0 {
            self.first_rows = Some(since_start);
        }
        if self.all_listed.is_none() && !library.loading {
            self.all_listed = Some(since_start);
        }
        let analysed = !library.loading && library.analysed == library.articles.len();
        if self.all_analysed.is_none() && analysed {
            self.all_analysed = Some(since_start);
        }
    }

    /// The figures at the end of a run.
    #[must_use]
    pub fn close(&mut self, app: &App) -> Stats {
        self.stories = app.library.articles.len();
        self.problems = app.library.problems.len();
        self.peak_memory = peak_memory();
        self.clone()
    }

    /// The `p`-th percentile (0–100) of the input latencies.
    pub fn input_percentile(&self, p: usize) -> Option<Duration> {
        let mut sorted = self.inputs.clone();
        sorted.sort_unstable();
        let at = (sorted.len() * p / 100).min(sorted.len().checked_sub(1)?);
        sorted.get(at).copied()
    }
}

/// The peak resident set size (`VmHWM`) of this process, on Linux.
pub fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status_field(&status, "VmHWM:")
}

/// A `kB` field of `/proc/self/status`, in bytes.
fn status_field(status: &str, name: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with(name))?;
    let kb: u64 = line[name.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb * 1024)
}

fn ms(d: Option<Duration>) -> String {
    d.map_or_else(
        || "-".to_owned(),
        |d| format!("{:.1} ms", d.as_secs_f64() * 1e3),
    )
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "stories {} · problems {} · first rows {} · all listed {} · all analysed {}",
            self.stories,
            self.problems,
            ms(self.first_rows),
            ms(self.all_listed),
            ms(self.all_analysed),
        )?;
        if let Some(bytes) = self.peak_memory {
            write!(f, " · peak memory {:.0} MB", bytes as f64 / 1e6)?;
        }
        write!(
            f,
            " · frames {} · slowest frame {}",
            self.frames,
            ms(Some(self.slowest_frame))
        )?;
        if !self.inputs.is_empty() {
            write!(
                f,
                " · keys {}: p50 {}, p99 {}",
                self.inputs.len(),
                ms(self.input_percentile(50)),
                ms(self.input_percentile(99)),
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_peak_from_the_status_file() {
        let status = "Name:\tbyline\nVmPeak:\t  900 kB\nVmHWM:\t  612345 kB\nVmRSS:\t 1 kB\n";
        assert_eq!(status_field(status, "VmHWM:"), Some(612_345 * 1024));
        assert_eq!(status_field("", "VmHWM:"), None);
        if cfg!(target_os = "linux") {
            assert!(peak_memory().is_some_and(|b| b > 0));
        }
    }

    #[test]
    fn shows_every_figure_and_percentiles_of_key_presses() {
        let mut stats = Stats {
            first_rows: Some(Duration::from_millis(28)),
            stories: 3,
            peak_memory: Some(612_000_000),
            ..Stats::default()
        };
        stats.inputs = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(stats.input_percentile(50), Some(Duration::from_millis(51)));
        assert_eq!(stats.input_percentile(99), Some(Duration::from_millis(100)));
        let shown = stats.to_string();
        for part in [
            "stories 3",
            "first rows 28.0 ms",
            "all listed -",
            "peak memory 612 MB",
            "keys 100: p50 51.0 ms, p99 100.0 ms",
        ] {
            assert!(shown.contains(part), "{part} in {shown}");
        }
        assert_eq!(Stats::default().input_percentile(50), None);
    }
}
