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
    /// `--live` asked for.
    live_wanted: bool,
    /// The live view while it draws.
    live: Option<crate::tools::live::Live>,
    /// Progress lines of a long recording on stderr.
    progress: Option<crate::tools::progress::Progress>,
}

/// Default of `--trace-limit`: events kept before a recording stops (about
/// 100 MB of trace JSON; `--switch instr=1` reaches it within seconds).
pub const DEFAULT_TRACE_LIMIT: usize = 1_000_000;

/// Checks, before the run, that every output file asked for can be written
/// (so a typo fails at once, not after a long run). Creates them empty.
pub fn check_outputs(cli: &crate::cli_args::Cli) -> Result<(), String> {
    let files = [("--trace", &cli.trace), ("--report", &cli.report), ("--profile-out", &cli.profile_out)];
    for (flag, path) in files {
        if let Some(path) = path
            && let Err(e) = std::fs::OpenOptions::new().write(true).create(true).truncate(true).open(path)
        {
            return Err(format!("{flag} {path}: cannot write the file: {}", crate::cli_main::os_error_text(&e)));
        }
    }
    Ok(())
}

/// Writes one output file and names it on stderr.
fn write_file(path: &str, what: &str, text: String) {
    match std::fs::write(path, text) {
        Ok(()) => eprintln!("wrote {path} ({what})"),
        Err(e) => eprintln!("gilt: cannot write {what} {path}: {e}"),
    }
}

impl Views {
    /// Views for these flags; records only if at least one is set. A
    /// recording keeps at most `limit` events (`None`: the default, 0: all).
    pub fn new(
        trace: Option<String>,
        timeline: bool,
        report: Option<String>,
        limit: Option<usize>,
        live: bool,
    ) -> Views {
        let wanted = trace.is_some() || timeline || report.is_some() || live;
        let limit = limit.unwrap_or(DEFAULT_TRACE_LIMIT);
        let recorder = wanted.then(|| Recorder::with_limit(limit));
        let children = match (&trace, &recorder) {
            (Some(_), Some(r)) => Some(ChildTrace::for_parent(r.origin_wall())),
            _ => None,
        };
        let progress = recorder.as_ref().and_then(|r| crate::tools::progress::Progress::start(r, live));
        Views { trace, timeline, report, recorder, children, live_wanted: live, live: None, progress }
    }

    /// Starts `--live` drawing (if asked for) now that the GIL exists.
    pub fn start_live(&mut self, gil: &Arc<Gil>, script: &str) {
        if let (true, Some(rec)) = (self.live_wanted, &self.recorder) {
            match crate::tools::live::Live::start(Arc::clone(rec), Arc::clone(gil), script) {
                Ok(live) => self.live = Some(live),
                Err(why) => eprintln!("gilt: --live: {why}"),
            }
        }
    }

    /// The flag that makes child processes record into this trace.
    pub fn child_flag(&self) -> Option<String> {
        self.children.as_ref().map(ChildTrace::flag)
    }

    /// The sink for `GilConfig::events` (`None` when nothing is recorded).
    pub fn sink(&self) -> Option<Arc<dyn EventSink>> {
        self.recorder.clone().map(|r| r as Arc<dyn EventSink>)
    }

    /// Writes the views; call after the main thread released the GIL for
    /// good. `stats_table` is the `--stats` table of the run, shown as it is
    /// so every view agrees with it.
    pub fn finish(&mut self, gil: &Gil, script: &str, stats_table: String) {
        if let Some(live) = self.live.take() {
            live.stop();
        }
        let Some(rec) = &self.recorder else { return };
        if let Some(p) = self.progress.take() {
            p.finish(rec);
        }
        let mut trace = rec.finish(gil, script);
        trace.stats_table = stats_table;
        if let Some(n) = rec.capped() {
            eprintln!(
                "gilt: the recording stopped after {n} events, {:.2} s into the run: the views show that part \
                 (--trace-limit N raises the cap, --trace-limit 0 lifts it)",
                trace.end.as_secs_f64()
            );
        }
        let children = self.children.as_ref().map(ChildTrace::collect).unwrap_or_default();
        if let Some(path) = &self.trace {
            write_file(path, "trace: open it in ui.perfetto.dev", trace_json::render(&trace, &children));
        }
        if let Some(path) = &self.report {
            write_file(path, "report: open it in a browser", report::render(&trace));
        }
        if self.timeline {
            use std::io::IsTerminal;
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let ansi = std::io::stderr().is_terminal() && !no_color;
            eprint!("{}", timeline::render(&trace, timeline::terminal_width(super::os::terminal_columns()), ansi));
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
    if let Some(path) = csv {
        write_file(path, "profile CSV", profile_view::csv(&rows));
    }
}
