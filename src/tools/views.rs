//! Wiring of `--trace`, `--timeline` and `--report` into a run: builds the
//! [`Recorder`] when any of them is asked for (and only then), and writes
//! the views at exit. Also writes the small stats JSON `gilt compare` reads
//! from its children (env `GILT_STATS_JSON=FILE`). With `--trace`, child
//! processes record too and their events are merged in (`child_trace`).
//! [`write_profile`] prints the `--profile` table / writes `--profile-out`.

use std::sync::Arc;

use crate::runtime::events::EventSink;
use crate::runtime::gil::Gil;
use crate::runtime::trace::Recorder;
use crate::runtime::{report, timeline, trace_json};
use crate::tools::child_trace::ChildTrace;

/// The views asked for on the command line.
pub struct Views {
    trace: Option<String>,
    timeline: bool,
    report: Option<String>,
    recorder: Option<Arc<Recorder>>,
    /// Where child processes leave their events (`--trace` only).
    children: Option<ChildTrace>,
}

impl Views {
    /// Views for these flags; records only if at least one is set.
    pub fn new(trace: Option<String>, timeline: bool, report: Option<String>) -> Views {
        let wanted = trace.is_some() || timeline || report.is_some();
        let recorder = wanted.then(Recorder::new);
        let children = match (&trace, &recorder) {
            (Some(_), Some(r)) => Some(ChildTrace::for_parent(r.origin_wall())),
            _ => None,
        };
        Views { trace, timeline, report, recorder, children }
    }

    /// The flag that makes child processes record into this trace.
    pub fn child_flag(&self) -> Option<String> {
        self.children.as_ref().map(ChildTrace::flag)
    }

    /// The sink for `GilConfig::events` (`None` when nothing is recorded).
    pub fn sink(&self) -> Option<Arc<dyn EventSink>> {
        self.recorder.clone().map(|r| r as Arc<dyn EventSink>)
    }

    /// Writes the views; call after the main thread released the GIL for good.
    pub fn finish(&self, gil: &Gil, script: &str) {
        let Some(rec) = &self.recorder else { return };
        let trace = rec.finish(gil, script);
        let children = self.children.as_ref().map(ChildTrace::collect).unwrap_or_default();
        if let Some(path) = &self.trace
            && let Err(e) = std::fs::write(path, trace_json::render(&trace, &children))
        {
            eprintln!("gilt: cannot write trace {path}: {e}");
        }
        if let Some(path) = &self.report
            && let Err(e) = std::fs::write(path, report::render(&trace))
        {
            eprintln!("gilt: cannot write report {path}: {e}");
        }
        if self.timeline {
            use std::io::IsTerminal;
            let ansi = std::io::stderr().is_terminal();
            eprint!("{}", timeline::render(&trace, timeline::terminal_width(), ansi));
        }
    }
}

/// If `GILT_STATS_JSON` names a file, writes this run's GIL totals there
/// (for `gilt compare`).
pub fn write_stats_json(gil: &Gil) {
    let Some(path) = std::env::var_os("GILT_STATS_JSON") else { return };
    let threads = gil.thread_stats();
    let sum = |f: &dyn Fn(&crate::runtime::stats::ThreadStats) -> f64| threads.iter().map(f).sum::<f64>();
    let json = format!(
        "{{\"threads\":{},\"switches\":{},\"wait_ms\":{:.3},\"held_ms\":{:.3},\"waits\":{},\"forced\":{}}}\n",
        threads.len(),
        gil.switches(),
        sum(&|t| t.waiting.as_secs_f64() * 1e3),
        sum(&|t| t.held.as_secs_f64() * 1e3),
        sum(&|t| t.drop_requests as f64),
        sum(&|t| t.forced as f64),
    );
    let _ = std::fs::write(path, json);
}

/// At exit: the `--profile` table on stderr and/or the `--profile-out` CSV.
pub fn write_profile(p: &crate::runtime::profile::Profiler, table: bool, csv: Option<&str>) {
    use crate::runtime::profile_view;
    let rows = p.rows();
    if table {
        eprint!("{}", profile_view::table(&rows, p.thread_count(), p.elapsed()));
    }
    if let Some(path) = csv
        && let Err(e) = std::fs::write(path, profile_view::csv(&rows))
    {
        eprintln!("gilt: cannot write profile {path}: {e}");
    }
}
