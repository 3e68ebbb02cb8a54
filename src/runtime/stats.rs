//! Per-thread GIL statistics and the `--stats` table.
//!
//! Every number here comes from the real lock in [`super::gil`]: a thread's
//! time is split into *phases* (holding the GIL, waiting for it, blocked in a
//! call that released it, …) and the clock is read only when the phase changes,
//! which happens at acquire, release and blocking-call boundaries — never per
//! instruction. That keeps the bookkeeping cheap enough to be always on; the
//! table is only *printed* when `--stats` asks for it.
//!
//! Because the phases partition a thread's life, `held + waiting + blocked`
//! can never exceed its wall time; the rest is time spent running without a
//! GIL (`--gil off`) or not yet/no longer running Python code.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use super::gil::{BlockKind, GilThreadId, SwitchPolicy};

/// What a thread is doing right now, as far as the GIL is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Registered but not running Python code (before the first acquire,
    /// after a plain release, after exit).
    Idle,
    /// Running Python code while holding the GIL (GIL on).
    Holding,
    /// Running Python code with no GIL to hold (`--gil off`).
    Running,
    /// Wants the GIL and does not have it yet (including the forced-switch
    /// wait after honouring a drop request).
    Waiting,
    /// Inside a blocking call, with the GIL released.
    Blocked(BlockKind),
}

/// Counters and accumulated times for one thread. [`ThreadStats::snapshot`]
/// gives a copy whose current phase is accounted up to a given instant.
#[derive(Clone, Debug)]
pub struct ThreadStats {
    /// The thread's id in its `Gil` (1 for the first registered thread).
    pub id: GilThreadId,
    /// Display name (Python's `Thread.name`).
    pub name: String,
    /// Whether this is the interpreter's main thread.
    pub is_main: bool,
    /// When the thread was registered with the GIL.
    pub started: Instant,
    /// When the thread exited (released the GIL for good), if it has.
    pub ended: Option<Instant>,
    /// Total time spent holding the GIL.
    pub held: Duration,
    /// Total time spent waiting to acquire the GIL.
    pub waiting: Duration,
    /// Total time spent running Python code without a GIL (`--gil off`).
    pub running: Duration,
    /// Time blocked with the GIL released, per [`BlockKind`] (index with
    /// [`BlockKind::index`]).
    pub blocked_by_kind: [Duration; BlockKind::COUNT],
    /// Number of times the thread took the GIL.
    pub acquisitions: u64,
    /// Forced hand-offs: drop requests honoured, plus `instr=N` hand-offs.
    pub forced: u64,
    /// Blocking calls, around which the GIL (when on) was released voluntarily.
    pub voluntary: u64,
    /// Releases made by the `ticks=N` policy (Python 2's periodic release).
    pub tick_releases: u64,
    /// Of those, how many let another thread in before this one re-took it.
    pub tick_handoffs: u64,
    /// Drop requests this thread made while waiting for the GIL.
    pub drop_requests: u64,
    /// CPU time the OS gave the thread since it first ran Python code
    /// (final once it ended; up to the snapshot for a live thread).
    pub cpu: Duration,
    /// The thread's CPU clock and its reading when it first ran, while it
    /// lives: read by whoever takes a snapshot, closed by `finish`.
    cpu_clock: Option<(libc::clockid_t, Duration)>,
    phase: Phase,
    phase_since: Instant,
}

/// The CPU time consumed so far on `clock` (a thread's CPU-time clock).
fn read_cpu_clock(clock: libc::clockid_t) -> Option<Duration> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid out-pointer; a stale clock id fails with EINVAL.
    if unsafe { libc::clock_gettime(clock, &mut ts) } != 0 {
        return None;
    }
    Some(Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32))
}

impl ThreadStats {
    /// Fresh statistics for a thread registered at `now`.
    pub fn new(id: GilThreadId, name: String, is_main: bool, now: Instant) -> Self {
        ThreadStats {
            id,
            name,
            is_main,
            started: now,
            ended: None,
            held: Duration::ZERO,
            waiting: Duration::ZERO,
            running: Duration::ZERO,
            blocked_by_kind: [Duration::ZERO; BlockKind::COUNT],
            acquisitions: 0,
            forced: 0,
            voluntary: 0,
            tick_releases: 0,
            tick_handoffs: 0,
            drop_requests: 0,
            cpu: Duration::ZERO,
            cpu_clock: None,
            phase: Phase::Idle,
            phase_since: now,
        }
    }

    /// The phase the thread is in now.
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// Closes the current phase at `now`, adding its length to the matching
    /// total, and starts `next`.
    pub fn enter(&mut self, next: Phase, now: Instant) {
        self.accrue(now);
        self.phase = next;
    }

    /// Starts counting CPU time, on the thread itself when it first runs
    /// Python code (its handle is registered by the parent, whose clock
    /// would be the wrong one; a reused worker thread starts from its
    /// current reading).
    pub fn start_cpu_clock(&mut self) {
        if self.cpu_clock.is_some() || self.ended.is_some() {
            return;
        }
        let mut clock: libc::clockid_t = 0;
        // SAFETY: pthread_self() is this live thread; `clock` is an out-pointer.
        if unsafe { libc::pthread_getcpuclockid(libc::pthread_self(), &mut clock) } == 0
            && let Some(start) = read_cpu_clock(clock)
        {
            self.cpu_clock = Some((clock, start.saturating_sub(self.cpu)));
        }
    }

    fn read_cpu(&mut self) {
        if let Some((clock, start)) = self.cpu_clock
            && let Some(now) = read_cpu_clock(clock)
        {
            self.cpu = now.saturating_sub(start);
        }
    }

    /// Marks the thread as finished at `now` (called on the thread itself,
    /// while its CPU clock is still valid).
    pub fn finish(&mut self, now: Instant) {
        self.enter(Phase::Idle, now);
        self.ended = Some(now);
        self.read_cpu();
        self.cpu_clock = None;
    }

    fn accrue(&mut self, now: Instant) {
        let spent = now.saturating_duration_since(self.phase_since);
        self.phase_since = now.max(self.phase_since);
        match self.phase {
            Phase::Idle => {}
            Phase::Holding => self.held += spent,
            Phase::Running => self.running += spent,
            Phase::Waiting => self.waiting += spent,
            Phase::Blocked(kind) => self.blocked_by_kind[kind.index()] += spent,
        }
    }

    /// A copy with the current phase accounted up to `now` (for live threads).
    pub fn snapshot(&self, now: Instant) -> ThreadStats {
        let mut copy = self.clone();
        if copy.ended.is_none() {
            copy.accrue(now);
            copy.read_cpu();
        }
        copy
    }

    /// Total time blocked, over all kinds.
    pub fn blocked(&self) -> Duration {
        self.blocked_by_kind.iter().sum()
    }

    /// Registration to exit (or to `now` for a live thread).
    pub fn wall(&self, now: Instant) -> Duration {
        self.ended.unwrap_or(now).saturating_duration_since(self.started)
    }
}

/// Lock-wide facts printed under the per-thread rows.
#[derive(Clone, Debug)]
pub struct GilSummary {
    /// Whether the GIL is on.
    pub enabled: bool,
    /// The switch policy in force.
    pub policy: SwitchPolicy,
    /// The switch interval at the time of printing.
    pub switch_interval: Duration,
    /// Times the GIL passed from one thread to a different one.
    pub switches: u64,
    /// Time since the GIL was created.
    pub elapsed: Duration,
}

/// At most this many thread rows are printed; the rest are summed in the totals.
pub const MAX_ROWS: usize = 24;
const NAME_WIDTH: usize = 15;

/// Renders the `--stats` table (≤ 80 columns): one row per thread, a totals
/// row, then the lock-wide summary. `threads` should be snapshots taken at
/// `now`, in registration order.
pub fn render_table(threads: &[ThreadStats], summary: &GilSummary, now: Instant) -> String {
    let on = summary.enabled;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<NAME_WIDTH$}{:>8}{:>8}{:>8}{:>8}{:>8}{:>6}{:>7}{:>6}{:>5}",
        "thread", "wall ms", "cpu ms", "held ms", "wait ms", "blocked", "acq", "forced", "vol", "req"
    );
    let rule = "-".repeat(79);
    let _ = writeln!(out, "{rule}");
    let shown = rows_to_show(threads);
    for t in threads.iter().filter(|t| shown.contains(&t.id)) {
        row(&mut out, &t.name, t.wall(now), t, on);
    }
    if threads.len() > shown.len() {
        let hidden = threads.len() - shown.len();
        let _ = writeln!(out, "… {hidden} more threads, counted in the totals");
    }
    let mut total = ThreadStats::new(GilThreadId(0), String::new(), false, now);
    for t in threads {
        total.held += t.held;
        total.running += t.running;
        total.cpu += t.cpu;
        total.waiting += t.waiting;
        for (sum, d) in total.blocked_by_kind.iter_mut().zip(t.blocked_by_kind) {
            *sum += d;
        }
        total.acquisitions += t.acquisitions;
        total.forced += t.forced;
        total.voluntary += t.voluntary;
        total.tick_releases += t.tick_releases;
        total.tick_handoffs += t.tick_handoffs;
        total.drop_requests += t.drop_requests;
    }
    let _ = writeln!(out, "{rule}");
    let label = format!("all {}", count_noun(threads.len() as u64, "thread", "threads"));
    row(&mut out, &label, summary.elapsed, &total, on);

    let secs = summary.elapsed.as_secs_f64();
    let mode = if on {
        let per_sec = if secs > 0.0 { summary.switches as f64 / secs } else { 0.0 };
        format!(
            "GIL on, --switch {}, switch interval {:.1} ms\n\
             {} in {:.2} s: {:.1} switches/s",
            summary.policy,
            summary.switch_interval.as_secs_f64() * 1e3,
            count_noun(summary.switches, "switch", "switches"),
            secs,
            per_sec
        )
    } else {
        format!("GIL off: threads ran in parallel for {secs:.2} s, no switches")
    };
    let _ = writeln!(out, "{mode}");
    if on && matches!(summary.policy, SwitchPolicy::Ticks(_)) {
        let _ = writeln!(
            out,
            "ticks: {}, {} let another thread in",
            count_noun(total.tick_releases, "periodic release", "periodic releases"),
            total.tick_handoffs
        );
    }
    let kinds: Vec<String> = BlockKind::ALL
        .iter()
        .filter(|k| !total.blocked_by_kind[k.index()].is_zero())
        .map(|k| format!("{} {}", k.name(), ms(total.blocked_by_kind[k.index()])))
        .collect();
    if !kinds.is_empty() {
        let _ = writeln!(out, "blocked ms by kind: {}", kinds.join(", "));
    }
    if let Some(note) = busy_machine_note(total.held + total.running, total.cpu) {
        let _ = writeln!(out, "{note}");
    }
    let _ = writeln!(
        out,
        "cpu = CPU time the OS gave the thread, blocked = in blocking calls (ms),\n\
         acq = GIL taken, forced = drop requests honoured, vol = blocking calls,\n\
         req = drop requests made while waiting"
    );
    out
}

/// A warning when threads that were running Python code (holding the GIL,
/// or running with it off) got much less CPU than that time from the OS:
/// other programs had the cores, so the picture shows threads "running"
/// that were really waiting for a CPU, and a GIL-off speedup looks smaller
/// than on a quiet machine.
fn busy_machine_note(running: Duration, cpu: Duration) -> Option<String> {
    if running < Duration::from_millis(100) || cpu.as_secs_f64() >= 0.8 * running.as_secs_f64() {
        return None;
    }
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_string))
        .map(|l| format!(", load average {l}"))
        .unwrap_or_default();
    Some(format!(
        "note: threads ran Python code for {:.2} s but got only {:.2} s of CPU\n\
         ({}{}): the machine was busy, so times are longer\n\
         and GIL-off speedups smaller than on a quiet machine",
        running.as_secs_f64(),
        cpu.as_secs_f64(),
        count_noun(cores as u64, "core", "cores"),
        load
    ))
}

/// `n` and its noun, singular for one ("1 switch", "2 switches"), for every
/// count the tools print in words.
pub fn count_noun(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn row(out: &mut String, name: &str, wall: Duration, t: &ThreadStats, on: bool) {
    // A name too long for its column gets a line of its own, so that
    // names differing only at the end stay distinguishable.
    let name = if name.chars().count() < NAME_WIDTH {
        name
    } else {
        let _ = writeln!(out, "{}:", clip(name, 79));
        ""
    };
    let gil_ms = |d: Duration| if on { ms(d) } else { "-".to_string() };
    let gil_count = |n: u64| if on { count(n) } else { "-".to_string() };
    let _ = writeln!(
        out,
        "{:<NAME_WIDTH$}{:>8}{:>8}{:>8}{:>8}{:>8}{:>6}{:>7}{:>6}{:>5}",
        name,
        ms(wall),
        ms(t.cpu),
        gil_ms(t.held),
        gil_ms(t.waiting),
        ms(t.blocked()),
        gil_count(t.acquisitions),
        gil_count(t.forced),
        count(t.voluntary),
        gil_count(t.drop_requests),
    );
}

/// Which thread ids get a row: all of them if few, otherwise the main thread
/// and the busiest others (by held + waiting + blocked time).
fn rows_to_show(threads: &[ThreadStats]) -> Vec<GilThreadId> {
    if threads.len() <= MAX_ROWS {
        return threads.iter().map(|t| t.id).collect();
    }
    let mut by_activity: Vec<&ThreadStats> = threads.iter().collect();
    by_activity.sort_by_key(|t| std::cmp::Reverse((t.is_main, t.held + t.waiting + t.blocked())));
    by_activity.iter().take(MAX_ROWS).map(|t| t.id).collect()
}

/// Milliseconds with one decimal, switching to whole seconds when too wide.
fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms < 99_999.95 { format!("{ms:.1}") } else { format!("{:.0}s", d.as_secs_f64()) }
}

/// A count, abbreviated above six digits so the columns stay narrow.
fn count(n: u64) -> String {
    match n {
        0..=99_999 => n.to_string(),
        100_000..=9_999_999 => format!("{:.0}k", n as f64 / 1e3),
        _ => format!("{:.1}M", n as f64 / 1e6),
    }
}

/// Cuts `s` to at most `width` characters, marking the cut with `…`.
fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut cut: String = s.chars().take(width - 1).collect();
        cut.push('…');
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Without `--stats` or a view, a finished thread leaves the GIL's
    /// registry (a thread-per-request server must not grow without bound);
    /// with them, every thread's statistics stay for the table.
    #[test]
    fn registry_keeps_finished_threads_only_when_asked() {
        use crate::runtime::gil::{Gil, GilConfig};
        for keep in [false, true] {
            let gil = Gil::new(GilConfig { keep_finished: keep, ..GilConfig::default() });
            let main = gil.register_main_thread("MainThread");
            for i in 0..100 {
                let mut t = gil.register_thread(format!("Thread-{i}"));
                t.acquire();
                t.exit();
            }
            let want = if keep { 101 } else { 1 };
            assert_eq!(gil.registered_threads(), want, "keep_finished = {keep}");
            assert_eq!(gil.thread_stats().len(), want);
            main.exit();
        }
    }

    #[test]
    fn phases_partition_time() {
        let t0 = Instant::now();
        let mut s = ThreadStats::new(GilThreadId(1), "t".into(), true, t0);
        s.enter(Phase::Waiting, t0 + Duration::from_millis(1));
        s.enter(Phase::Holding, t0 + Duration::from_millis(3));
        s.enter(Phase::Blocked(BlockKind::Sleep), t0 + Duration::from_millis(10));
        s.enter(Phase::Waiting, t0 + Duration::from_millis(20));
        s.finish(t0 + Duration::from_millis(21));
        assert_eq!(s.waiting, Duration::from_millis(3));
        assert_eq!(s.held, Duration::from_millis(7));
        assert_eq!(s.blocked(), Duration::from_millis(10));
        assert_eq!(s.wall(t0 + Duration::from_secs(9)), Duration::from_millis(21));
    }

    #[test]
    fn table_fits_80_columns() {
        let now = Instant::now();
        let mut threads = Vec::new();
        for i in 0..30 {
            let name = format!("Thread-{i} (a rather long target name)");
            let mut s = ThreadStats::new(GilThreadId(i + 1), name, i == 0, now);
            s.held = Duration::from_secs(100_000);
            s.acquisitions = 123_456_789;
            threads.push(s);
        }
        for policy in [SwitchPolicy::Interval, SwitchPolicy::Ticks(100)] {
            for enabled in [true, false] {
                let summary = GilSummary {
                    enabled,
                    policy,
                    switch_interval: Duration::from_millis(5),
                    switches: 123_456,
                    elapsed: Duration::from_secs(2),
                };
                let table = render_table(&threads, &summary, now);
                for line in table.lines() {
                    assert!(line.chars().count() <= 80, "too wide: {line:?}");
                }
                assert!(table.contains("more threads"));
            }
        }
    }
}
