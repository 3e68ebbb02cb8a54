//! Progress of a long recorded run on stderr: with `--trace`, `--timeline` or
//! `--report`, a script that runs for a while would otherwise look hung, and
//! the events it piles up make the views slow to write at exit. Every few
//! seconds a line says how long the recording has run and how many events
//! it holds; at exit, one line says the views are being written.
//!
//! Shown when stderr is a terminal (and `--live` is not drawing there), or
//! when `GILT_PROGRESS_SECS` sets the interval (default 5 s) explicitly.

use std::sync::Arc;
use std::sync::mpsc::{RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use crate::runtime::stats::count_noun;
use crate::runtime::trace::Recorder;

/// The reporting thread while it runs.
pub struct Progress {
    stop: Sender<()>,
    thread: std::thread::JoinHandle<bool>,
    started: Instant,
}

impl Progress {
    /// Starts reporting on `rec`, if progress is wanted (see the module doc).
    pub fn start(rec: &Arc<Recorder>, live: bool) -> Option<Progress> {
        use std::io::IsTerminal;
        let explicit = std::env::var("GILT_PROGRESS_SECS").ok().and_then(|v| v.trim().parse::<f64>().ok());
        let every = match explicit {
            Some(s) if s > 0.0 && s.is_finite() => Duration::from_secs_f64(s),
            Some(_) => return None,
            None if std::io::stderr().is_terminal() && !live => Duration::from_secs(5),
            None => return None,
        };
        let (stop, stopped) = channel::<()>();
        let rec = Arc::clone(rec);
        let started = Instant::now();
        let thread = std::thread::Builder::new()
            .name("gilt-progress".into())
            .spawn(move || {
                let mut shown = false;
                loop {
                    match stopped.recv_timeout(every) {
                        Err(RecvTimeoutError::Timeout) => {}
                        _ => return shown,
                    }
                    let events = count_noun(rec.events() as u64, "event", "events");
                    let capped = if rec.capped().is_some() { " (the recording stopped at --trace-limit)" } else { "" };
                    eprintln!("gilt: recording, {:.0} s so far: {events}{capped}", started.elapsed().as_secs_f64());
                    shown = true;
                }
            })
            .ok()?;
        Some(Progress { stop, thread, started })
    }

    /// Stops reporting; if anything was shown, says that the views are
    /// being written now (they can take a while for a long recording).
    pub fn finish(self, rec: &Recorder) {
        let _ = self.stop.send(());
        if self.thread.join().unwrap_or(false) {
            let events = count_noun(rec.events() as u64, "event", "events");
            eprintln!(
                "gilt: the run took {:.1} s; writing the views from {events}…",
                self.started.elapsed().as_secs_f64()
            );
        }
    }
}
