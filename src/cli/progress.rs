//! The progress bar of a batch: on stderr, only when stderr is a terminal, only once the run
//! has lasted a moment (a run of a few reports never flashes one), never with `--quiet`.
//! The count of reports is not known ahead (folders and standard input are read as they
//! are scored), so it shows the reports done, the rate and the time taken.

use crate::i18n::Ui;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::time::{Duration, Instant};

/// How long a run goes before the bar appears.
const DELAY: Duration = Duration::from_millis(500);

pub struct Progress {
    bar: Option<ProgressBar>,
    shown: bool,
    start: Instant,
}

impl Progress {
    /// A bar that may appear: `wanted` is false with `--quiet` or when stderr is not a terminal.
    pub fn new(wanted: bool, ui: Ui) -> Progress {
        let bar = wanted.then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
            let template = format!(
                "{{spinner}} {} {{human_pos}} · {{rate}} · {{elapsed}}",
                ui.progress_message()
            );
            if let Ok(style) = ProgressStyle::with_template(&template) {
                // Reports per second, whole: indicatif's own `per_sec` shows four decimals.
                bar.set_style(style.with_key(
                    "rate",
                    |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = write!(w, "{:.0}/s", state.per_sec());
                    },
                ));
            }
            bar
        });
        Progress {
            bar,
            shown: false,
            start: Instant::now(),
        }
    }

    /// One more report done.
    pub fn inc(&mut self) {
        let Some(bar) = &self.bar else {
            return;
        };
        bar.inc(1);
        if !self.shown && self.start.elapsed() >= DELAY {
            bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown = true;
        }
    }

    /// Prints to stderr without tearing the bar.
    pub fn eprint(&self, text: &str) {
        match &self.bar {
            Some(bar) if self.shown => bar.suspend(|| eprint!("{text}")),
            _ => eprint!("{text}"),
        }
    }

    /// Removes the bar, leaving the terminal as it was.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
