//! Recording GIL events (issue 6) and turning them into per-thread state
//! slices, the one model every view is drawn from: `--trace` (Chrome Trace
//! Event JSON, [`super::trace_json`]), `--timeline` ([`super::timeline`]) and
//! `--report` ([`super::report`]).
//!
//! [`Recorder`] is the [`EventSink`] plugged into
//! [`GilConfig::events`](super::gil::GilConfig::events) when one of those
//! flags is given; otherwise nothing here runs. Each thread gets its own
//! [`ThreadLog`] behind its own mutex, which only that thread locks while it
//! runs (uncontended: one atomic swap per event, and events happen only at
//! GIL state changes). [`Recorder::finish`] merges the logs at exit.
//!
//! asyncio task steps arrive as [`GilEvent::TaskStep`] / [`GilEvent::TaskStepEnd`]
//! events in the log of the thread running the loop; [`super::trace_tasks`]
//! turns them into one extra track per task, drawn under the threads.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};

use parking_lot::Mutex;

use super::events::{BlockKind, EventSink, GilEvent, GilThreadId, ReleaseReason, ThreadEvents};
use super::gil::{Gil, SwitchPolicy};

/// Everything one thread recorded, in time order.
#[derive(Debug)]
pub struct ThreadLog {
    /// The thread's GIL id (its track id).
    pub id: GilThreadId,
    /// Name at registration.
    pub name: String,
    /// Whether it is the interpreter's main thread.
    pub is_main: bool,
    /// Registration instant.
    pub started: Instant,
    /// The events, as recorded.
    pub events: Vec<(Instant, GilEvent)>,
}

struct ThreadRecorder {
    log: Arc<Mutex<ThreadLog>>,
    budget: Arc<Budget>,
}

/// The event budget every thread's recorder draws from (`--trace-limit`):
/// past it, recording stops, so `--switch instr=1` cannot fill the disk.
struct Budget {
    /// Most events kept (0: no limit).
    limit: usize,
    used: AtomicUsize,
    /// When the first event over the limit came.
    stopped: Mutex<Option<Instant>>,
}

impl ThreadEvents for ThreadRecorder {
    fn record(&mut self, at: Instant, event: GilEvent) {
        let b = &self.budget;
        // Counted with no limit too, for the progress lines (tools/progress.rs).
        if b.used.fetch_add(1, Ordering::Relaxed) >= b.limit && b.limit > 0 {
            b.stopped.lock().get_or_insert(at);
            return;
        }
        self.log.lock().events.push((at, event));
    }
}

/// The `EventSink` behind `--trace`, `--timeline` and `--report`.
pub struct Recorder {
    origin: Instant,
    /// The wall-clock time of `origin`, to line up child processes' traces.
    origin_wall: SystemTime,
    logs: Mutex<Vec<Arc<Mutex<ThreadLog>>>>,
    extra: Mutex<Vec<Track>>,
    budget: Arc<Budget>,
    /// Set in a forked child whose copy of the recording is unusable (a
    /// lock was held by a thread that did not survive the fork).
    forked_unusable: std::sync::atomic::AtomicBool,
}

impl Recorder {
    /// A recorder whose time zero is now, keeping every event.
    pub fn new() -> Arc<Recorder> {
        Recorder::with_limit(0)
    }

    /// A recorder that stops after `limit` events (0: never).
    pub fn with_limit(limit: usize) -> Arc<Recorder> {
        Arc::new(Recorder {
            origin: Instant::now(),
            origin_wall: SystemTime::now(),
            logs: Mutex::new(Vec::new()),
            extra: Mutex::new(Vec::new()),
            budget: Arc::new(Budget { limit, used: AtomicUsize::new(0), stopped: Mutex::new(None) }),
            forked_unusable: std::sync::atomic::AtomicBool::new(false),
        })
    }

    /// Events recorded so far (at most the limit).
    pub fn events(&self) -> usize {
        let used = self.budget.used.load(Ordering::Relaxed);
        if self.budget.limit > 0 { used.min(self.budget.limit) } else { used }
    }

    /// `Some(limit)` when the recording stopped at its event limit.
    pub fn capped(&self) -> Option<usize> {
        self.budget.stopped.lock().map(|_| self.budget.limit)
    }

    /// False in a forked child whose copy cannot be finished (see
    /// `EventSink::after_fork_child`).
    pub fn usable_after_fork(&self) -> bool {
        !self.forked_unusable.load(Ordering::Relaxed)
    }

    /// Time zero of every slice.
    pub fn origin(&self) -> Instant {
        self.origin
    }

    /// Time zero as wall-clock time (child processes' traces are shifted
    /// by the difference between their origin and their parent's).
    pub fn origin_wall(&self) -> SystemTime {
        self.origin_wall
    }

    /// Adds a non-thread track drawn under the threads; `id` should not
    /// collide with GIL thread ids or task tracks (use ≥ 1_000_000).
    pub fn extra_track(&self, track: Track) {
        self.extra.lock().push(track);
    }

    /// Merges every thread's log into a [`Trace`], accounting live threads up
    /// to now. Call it after the main thread released the GIL for good.
    pub fn finish(&self, gil: &Gil, script: &str) -> Trace {
        // A capped recording ends where it stopped.
        let now = (*self.budget.stopped.lock()).unwrap_or_else(Instant::now);
        let logs: Vec<Arc<Mutex<ThreadLog>>> = self.logs.lock().clone();
        let gil_on = gil.enabled();
        let mut tracks = Vec::new();
        let mut releases: Vec<(GilThreadId, Vec<Duration>)> = Vec::new();
        let mut takes: Vec<(GilThreadId, GilThreadId, Duration)> = Vec::new();
        let mut tasks = Vec::new();
        for log in &logs {
            let log = log.lock();
            let (track, rel, tk) = build_track(&log, self.origin, now, gil_on);
            releases.push((log.id, rel));
            takes.extend(tk);
            tracks.push(track);
            tasks.push(super::trace_tasks::task_tracks(&log, self.origin, now));
        }
        tracks.sort_by_key(|t| t.id);
        tracks.extend(super::trace_tasks::number(tasks));
        tracks.extend(self.extra.lock().drain(..));
        let mut flows = Vec::new();
        for (to, from, at) in takes {
            let Some((_, rel)) = releases.iter().find(|(id, _)| *id == from) else { continue };
            let i = rel.partition_point(|&r| r <= at);
            if i > 0 {
                flows.push(Flow { from, to, released: rel[i - 1], taken: at });
            }
        }
        flows.sort_by_key(|f| f.taken);
        Trace {
            tracks,
            flows,
            end: now.saturating_duration_since(self.origin),
            script: script.to_string(),
            gil_on,
            policy: gil.policy(),
            switch_interval: gil.switch_interval(),
            switches: gil.switches(),
            stats_table: gil.stats_table(),
        }
    }
}

impl Recorder {
    /// The threads' tracks as they stand at `now`, for `--live`: like
    /// [`finish`](Self::finish) but leaving the recording as it is (no task
    /// tracks, hand-offs or extra tracks). Each log is locked only while
    /// its track is built.
    pub fn live_tracks(&self, gil_on: bool, now: Instant) -> Vec<Track> {
        let logs: Vec<Arc<Mutex<ThreadLog>>> = self.logs.lock().clone();
        let mut tracks: Vec<Track> = logs.iter().map(|l| build_track(&l.lock(), self.origin, now, gil_on).0).collect();
        tracks.sort_by_key(|t| t.id);
        tracks
    }
}

impl EventSink for Recorder {
    fn after_fork_child(&self, survivor: GilThreadId, at: Instant) {
        // A thread that no longer exists may have held the lock at the fork
        // (it was registering a new thread); it will never release it, and
        // this recording cannot be written in the child.
        let Some(mut logs) = self.logs.try_lock() else {
            self.forked_unusable.store(true, Ordering::Relaxed);
            return;
        };
        logs.retain(|l| l.try_lock().is_some_and(|l| l.id == survivor));
        if let Some(log) = logs.first() {
            let mut log = log.lock();
            log.events.clear();
            log.started = at;
            // The survivor forked from Python code: it runs (holds the GIL) now.
            log.events.push((at, GilEvent::Take { from: None }));
        }
        drop(logs);
        if let Some(mut extra) = self.extra.try_lock() {
            extra.clear();
        }
        self.budget.used.store(0, Ordering::Relaxed);
    }

    fn recorder(self: Arc<Self>) -> Option<Arc<Recorder>> {
        Some(self)
    }

    fn thread_started(&self, id: GilThreadId, name: &str, is_main: bool, at: Instant) -> Box<dyn ThreadEvents> {
        let log = Arc::new(Mutex::new(ThreadLog {
            id,
            name: name.to_string(),
            is_main,
            started: at,
            events: Vec::with_capacity(1024),
        }));
        self.logs.lock().push(Arc::clone(&log));
        Box::new(ThreadRecorder { log, budget: Arc::clone(&self.budget) })
    }
}

/// What a thread is doing during a [`Slice`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum State {
    /// Running Python code holding the GIL.
    Holding,
    /// Running Python code, GIL off.
    Running,
    /// Waiting to take the GIL.
    Waiting,
    /// In a blocking call with the GIL released.
    Blocked(BlockKind),
    /// Alive but neither running nor waiting (between a release and the next request).
    Idle,
    /// asyncio task tracks: the loop runs a step of the task.
    TaskStep,
    /// asyncio task tracks: a step that ran 100 ms or more without yielding,
    /// blocking the event loop (and every other task).
    SlowStep,
    /// asyncio task tracks: the task is suspended, awaiting something.
    TaskAwait,
}

impl State {
    /// The slice name shown in trace viewers.
    pub fn label(self) -> String {
        match self {
            // Perfetto colours a slice by a hash of its name, so these
            // names were chosen for their colours there: running green,
            // waiting red, blocking calls neither (trace_json.rs tests it).
            State::Holding => "running Python (has the GIL)".into(),
            State::Running => "running Python (GIL is off)".into(),
            State::Waiting => "waiting for GIL".into(),
            State::Blocked(k) => format!("blocking: {} call", k.name()),
            State::Idle => "idle".into(),
            State::TaskStep => "task step".into(),
            State::SlowStep => "BLOCKING the event loop".into(),
            State::TaskAwait => "awaiting".into(),
        }
    }

    /// Whether the thread (or task) executes Python code in this state.
    pub fn is_running(self) -> bool {
        matches!(self, State::Holding | State::Running | State::TaskStep | State::SlowStep)
    }
}

/// One stretch of a thread in one state; times are offsets from the
/// recorder's origin.
#[derive(Clone, Debug)]
pub struct Slice {
    /// Start offset.
    pub start: Duration,
    /// End offset.
    pub end: Duration,
    /// The state.
    pub state: State,
    /// Why the thread entered the state (e.g. "handed over by Thread-1").
    pub began: String,
    /// Why it left it (e.g. "drop request").
    pub ended: String,
}

/// A loop callback or task step that blocked the event loop (100 ms or
/// more without yielding), marked on the track of the loop's thread.
#[derive(Clone, Debug)]
pub struct Mark {
    /// When the step began (offset).
    pub start: Duration,
    /// How long it ran.
    pub took: Duration,
    /// What ran and where.
    pub what: String,
}

/// One row of every view: a thread (or an extra track such as a task).
#[derive(Clone, Debug)]
pub struct Track {
    /// GIL thread id (or a caller-chosen id for extra tracks).
    pub id: GilThreadId,
    /// Latest name.
    pub name: String,
    /// Whether it is the main thread.
    pub is_main: bool,
    /// Registration offset.
    pub start: Duration,
    /// Exit offset, or the end of recording for a live thread.
    pub end: Duration,
    /// States in time order, without gaps between `start` and `end`.
    pub slices: Vec<Slice>,
    /// Offsets at which this thread, waiting, set a drop request.
    pub drop_requests: Vec<Duration>,
    /// Whether this is an asyncio task's track rather than a thread's.
    pub is_task: bool,
    /// Steps that blocked the event loop while it ran on this thread.
    pub marks: Vec<Mark>,
}

impl Track {
    /// Total time spent in states matching `pred`.
    pub fn total(&self, pred: impl Fn(State) -> bool) -> Duration {
        self.slices.iter().filter(|s| pred(s.state)).map(|s| s.end - s.start).sum()
    }
}

/// A GIL hand-off: `from` released at `released`, `to` took it at `taken`.
#[derive(Clone, Debug)]
pub struct Flow {
    /// The releasing thread.
    pub from: GilThreadId,
    /// The acquiring thread.
    pub to: GilThreadId,
    /// When `from` released.
    pub released: Duration,
    /// When `to` took the GIL.
    pub taken: Duration,
}

/// The merged recording plus the run's settings: what every view draws.
#[derive(Clone, Debug)]
pub struct Trace {
    /// One track per thread, in id order, then one per asyncio task (in
    /// order of first step), then extra tracks.
    pub tracks: Vec<Track>,
    /// Hand-offs, by time taken.
    pub flows: Vec<Flow>,
    /// Length of the recording.
    pub end: Duration,
    /// The script's name (or `-c`).
    pub script: String,
    /// `--gil on`?
    pub gil_on: bool,
    /// `--switch`.
    pub policy: SwitchPolicy,
    /// Switch interval at the end.
    pub switch_interval: Duration,
    /// Total switches.
    pub switches: u64,
    /// The `--stats` table text.
    pub stats_table: String,
}

impl Trace {
    /// A one-line description of the GIL settings.
    pub fn settings(&self) -> String {
        if self.gil_on {
            format!(
                "GIL on, --switch {}, switch interval {:.1} ms, {}",
                self.policy,
                self.switch_interval.as_secs_f64() * 1e3,
                super::stats::count_noun(self.switches, "switch", "switches")
            )
        } else {
            "GIL off (threads run in parallel)".to_string()
        }
    }

    /// The state `track` spent most of `[from, to)` in, or `None` if it was
    /// alive for less than a third of it (used by the report).
    pub fn dominant(track: &Track, from: Duration, to: Duration) -> Option<State> {
        Self::shares(track, from, to).into_iter().max_by_key(|(_, d)| *d).map(|(s, _)| s)
    }

    /// Time per state within `[from, to)`; empty if `track` was alive for
    /// less than a third of it.
    pub fn shares(track: &Track, from: Duration, to: Duration) -> Vec<(State, Duration)> {
        let mut best: Vec<(State, Duration)> = Vec::new();
        let i = track.slices.partition_point(|s| s.end <= from);
        for s in &track.slices[i..] {
            if s.start >= to {
                break;
            }
            let overlap = s.end.min(to).saturating_sub(s.start.max(from));
            match best.iter_mut().find(|(st, _)| *st == s.state) {
                Some((_, d)) => *d += overlap,
                None => best.push((s.state, overlap)),
            }
        }
        let alive: Duration = best.iter().map(|(_, d)| *d).sum();
        if alive * 3 < (to - from) {
            return Vec::new();
        }
        best
    }
}

/// Replays one thread's events into slices; also returns its release
/// offsets and its takes-from-another-thread `(to, from, at)`.
#[allow(clippy::type_complexity)]
fn build_track(
    log: &ThreadLog,
    origin: Instant,
    now: Instant,
    gil_on: bool,
) -> (Track, Vec<Duration>, Vec<(GilThreadId, GilThreadId, Duration)>) {
    let off = |t: Instant| t.saturating_duration_since(origin);
    let start = off(log.started);
    let mut track = Track {
        id: log.id,
        name: log.name.clone(),
        is_main: log.is_main,
        start,
        end: off(now),
        slices: Vec::new(),
        drop_requests: Vec::new(),
        is_task: false,
        marks: Vec::new(),
    };
    let mut releases = Vec::new();
    let mut takes = Vec::new();
    let mut cur = Cursor { state: State::Idle, since: start, began: String::from("thread started") };
    let mut last_release = String::from("first request");
    let mut ended_at = None;
    for (at, ev) in &log.events {
        let at = off(*at);
        match ev {
            GilEvent::Request => {
                let why = format!("wants the GIL ({last_release})");
                cur.go(&mut track, at, State::Waiting, "requested the GIL", why);
            }
            GilEvent::Take { from } => {
                let next = if gil_on { State::Holding } else { State::Running };
                let why = match from {
                    Some(f) => format!("handed over by thread {}", f.0),
                    None if gil_on => "took the GIL".to_string(),
                    None => "runs (no GIL)".to_string(),
                };
                if let Some(f) = from {
                    takes.push((log.id, *f, at));
                }
                cur.go(&mut track, at, next, "took the GIL", why);
            }
            GilEvent::Release(reason) => {
                let next = match reason {
                    ReleaseReason::BlockingCall(k) => State::Blocked(*k),
                    _ => State::Idle,
                };
                last_release = reason.to_string();
                if cur.state.is_running() {
                    releases.push(at);
                }
                let why = format!("released: {reason}");
                cur.go(&mut track, at, next, &why, why.clone());
            }
            GilEvent::DropRequest => track.drop_requests.push(at),
            GilEvent::Renamed(name) => track.name.clone_from(name),
            GilEvent::ThreadEnd => {
                cur.go(&mut track, at, State::Idle, "thread exit", String::new());
                ended_at = Some(at);
            }
            GilEvent::SlowStep { what, took, .. } => {
                track.marks.push(Mark { start: at.saturating_sub(*took), took: *took, what: what.clone() });
            }
            // Task tracks are built by `trace_tasks`.
            GilEvent::TaskStep { .. } | GilEvent::TaskStepEnd { .. } => {}
        }
    }
    match ended_at {
        Some(at) => track.end = at,
        None => {
            let end = track.end;
            cur.go(&mut track, end, State::Idle, "still alive at exit", String::new());
        }
    }
    track.slices.retain(|s| s.end > s.start);
    (track, releases, takes)
}

/// The replay position: current state, since when, and why it began.
struct Cursor {
    state: State,
    since: Duration,
    began: String,
}

impl Cursor {
    /// Closes the current slice at `at` and enters `next`.
    fn go(&mut self, track: &mut Track, at: Duration, next: State, why_end: &str, why_begin: String) {
        let at = at.max(self.since);
        if at > self.since || self.state != State::Idle {
            track.slices.push(Slice {
                start: self.since,
                end: at,
                state: self.state,
                began: std::mem::take(&mut self.began),
                ended: why_end.to_string(),
            });
        }
        self.state = next;
        self.since = at;
        self.began = why_begin;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::gil::GilConfig;

    #[test]
    fn held_time_matches_stats() {
        let rec = Recorder::new();
        let sink: Arc<dyn EventSink> = rec.clone();
        let gil = Gil::new(GilConfig { events: Some(sink), ..GilConfig::default() });
        let mut main = gil.register_main_thread("MainThread");
        main.acquire();
        std::thread::sleep(Duration::from_millis(2));
        main.allow_threads(BlockKind::Sleep, || std::thread::sleep(Duration::from_millis(3)));
        main.release(ReleaseReason::ThreadExit);
        let trace = rec.finish(&gil, "t.py");
        let held = trace.tracks[0].total(|s| s == State::Holding);
        let stats = gil.thread_stats();
        assert_eq!(held, stats[0].held);
        assert!(trace.tracks[0].slices.iter().any(|s| s.state == State::Blocked(BlockKind::Sleep)));
        drop(main);
    }
}
