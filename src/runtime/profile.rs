//! `--profile` / `--profile-out FILE`: a deterministic profiler of Python
//! functions that also says how long each one waited for the GIL and how
//! long it was blocked (sleep, I/O, lock, join…), which no other profiler
//! can, because only the interpreter knows.
//!
//! Each thread's `Vm` owns a [`ThreadProfile`], a handle on that thread's
//! [`ProfileState`]; the [`Profiler`] (in the runtime's configuration) keeps
//! the list of them and merges them at exit. The state sits behind a mutex
//! that only its own thread locks while it runs (uncontended), so that at
//! exit the main thread can also read threads that are still running.
//!
//! The VM calls [`ThreadProfile::enter`] when a frame becomes current by a
//! call or a generator's resumption, and [`ThreadProfile::exit`] when frames
//! are popped (return, exception, yield). Semantics are cProfile's: *own*
//! time excludes the Python functions it called (built-ins count as the
//! caller's own time), *total* time includes them and is counted only for
//! the outermost active call of a recursive function; a generator's calls
//! count its first run only, its time is the sum of its runs.
//!
//! GIL wait and blocked time come from the thread's GIL statistics, read at
//! every enter/exit: whatever accrued since the previous read happened
//! while the same function was on top of the stack, so it is charged to it.
//! Both are part of that function's own time.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::Mutex;

use super::events::BlockKind;
use super::gil::GilThread;
use crate::bytecode::CodeObject;

/// Time per [`BlockKind`] (index with [`BlockKind::index`]).
pub type PerKind = [Duration; BlockKind::COUNT];

/// What one thread measured for one function.
#[derive(Clone)]
pub struct FuncStats {
    /// The function's code (kept alive so its address stays its identity).
    pub code: Arc<CodeObject>,
    /// Calls (a generator's resumptions are not calls).
    pub calls: u64,
    /// Total (cumulative) time, outermost calls only.
    pub total: Duration,
    /// Own time: total minus the Python functions it called.
    pub own: Duration,
    /// Part of the own time spent waiting for the GIL.
    pub gil_wait: Duration,
    /// Part of the own time spent blocked, per kind.
    pub blocked: PerKind,
    /// Activations on the stack now (recursion depth).
    active: u32,
}

/// One activation on a thread's profile stack.
#[derive(Clone, Copy, Debug)]
struct Active {
    func: u32,
    /// `Vm::frames.len()` when its frame became current.
    depth: usize,
    start: Instant,
    /// Time spent in Python callees so far.
    children: Duration,
}

/// One thread's profile: its functions and its stack of activations.
pub struct ProfileState {
    funcs: Vec<FuncStats>,
    index: HashMap<usize, u32>,
    stack: Vec<Active>,
    last_wait: Duration,
    last_blocked: PerKind,
}

/// A thread's handle on its profile (held by its `Vm`).
pub struct ThreadProfile {
    state: Arc<Mutex<ProfileState>>,
}

impl ThreadProfile {
    /// A frame running `code` became current at frame depth `depth`; `call`
    /// is false when a suspended generator resumes.
    #[inline(never)]
    pub fn enter(&self, code: &Arc<CodeObject>, depth: usize, call: bool, gil: Option<&GilThread>) {
        let now = Instant::now();
        let mut st = self.state.lock();
        st.charge_idle(gil);
        let key = Arc::as_ptr(code) as usize;
        let func = match st.index.get(&key) {
            Some(&i) => i,
            None => {
                let i = st.funcs.len() as u32;
                st.funcs.push(FuncStats {
                    code: code.clone(),
                    calls: 0,
                    total: Duration::ZERO,
                    own: Duration::ZERO,
                    gil_wait: Duration::ZERO,
                    blocked: PerKind::default(),
                    active: 0,
                });
                st.index.insert(key, i);
                i
            }
        };
        let f = &mut st.funcs[func as usize];
        f.calls += u64::from(call);
        f.active += 1;
        st.stack.push(Active { func, depth, start: now, children: Duration::ZERO });
    }

    /// Frames were popped: the frame stack is now `depth` deep, so every
    /// activation entered deeper than that has ended.
    #[inline(never)]
    pub fn exit(&self, depth: usize, gil: Option<&GilThread>) {
        let now = Instant::now();
        let mut st = self.state.lock();
        st.charge_idle(gil);
        while st.stack.last().is_some_and(|a| a.depth > depth) {
            let a = st.stack.pop().expect("activation");
            let elapsed = now.saturating_duration_since(a.start);
            let f = &mut st.funcs[a.func as usize];
            f.own += elapsed.saturating_sub(a.children);
            f.active -= 1;
            if f.active == 0 {
                f.total += elapsed;
            }
            if let Some(parent) = st.stack.last_mut() {
                parent.children += elapsed;
            }
        }
    }
}

impl ProfileState {
    fn new(gil: Option<&GilThread>) -> ProfileState {
        let (last_wait, last_blocked) = gil.map(GilThread::idle_totals).unwrap_or_default();
        ProfileState { funcs: Vec::new(), index: HashMap::new(), stack: Vec::new(), last_wait, last_blocked }
    }

    /// Charges the GIL wait and blocked time accrued since the last call to
    /// the function on top of the stack (none: before the thread's first
    /// Python frame, and it is dropped).
    fn charge_idle(&mut self, gil: Option<&GilThread>) {
        let Some(g) = gil else { return };
        let (wait, blocked) = g.idle_totals();
        let dw = wait.saturating_sub(self.last_wait);
        let last = std::mem::replace(&mut self.last_blocked, blocked);
        self.last_wait = wait;
        if let Some(top) = self.stack.last() {
            let f = &mut self.funcs[top.func as usize];
            f.gil_wait += dw;
            for ((sum, now), before) in f.blocked.iter_mut().zip(blocked).zip(last) {
                *sum += now.saturating_sub(before);
            }
        }
    }

    /// This thread's functions, with activations still on the stack
    /// accounted up to `now` (a thread still running at exit).
    fn snapshot(&self, now: Instant) -> Vec<FuncStats> {
        let mut funcs = self.funcs.clone();
        let mut outermost_seen = vec![false; funcs.len()];
        for (i, a) in self.stack.iter().enumerate() {
            let until = self.stack.get(i + 1).map_or(now, |next| next.start);
            let f = &mut funcs[a.func as usize];
            f.own += until.saturating_duration_since(a.start).saturating_sub(a.children);
            if !std::mem::replace(&mut outermost_seen[a.func as usize], true) {
                f.total += now.saturating_duration_since(a.start);
            }
        }
        funcs
    }
}

/// The collector behind `--profile` and `--profile-out`, shared by every
/// thread through the runtime's configuration.
pub struct Profiler {
    threads: Mutex<Vec<Arc<Mutex<ProfileState>>>>,
    started: Instant,
}

impl std::fmt::Debug for Profiler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Profiler").field("threads", &self.threads.lock().len()).finish()
    }
}

/// One function's row, summed over threads.
#[derive(Clone, Debug)]
pub struct Row {
    /// Source file of the function.
    pub file: String,
    /// Line of its `def` (1 for a module).
    pub line: u32,
    /// Qualified name (`<module>` for module code).
    pub name: String,
    /// Calls.
    pub calls: u64,
    /// Total (cumulative) time.
    pub total: Duration,
    /// Own time.
    pub own: Duration,
    /// Part of the own time spent waiting for the GIL.
    pub gil_wait: Duration,
    /// Part of the own time spent blocked, per kind.
    pub blocked: PerKind,
    /// Threads that ran it.
    pub threads: u32,
}

impl Row {
    /// Total blocked time over all kinds.
    pub fn blocked_total(&self) -> Duration {
        self.blocked.iter().sum()
    }
}

impl Profiler {
    /// A profiler whose clock starts now.
    pub fn new() -> Arc<Profiler> {
        Arc::new(Profiler { threads: Mutex::new(Vec::new()), started: Instant::now() })
    }

    /// Registers a thread; call when its `Vm` is created.
    pub fn thread(&self, gil: Option<&GilThread>) -> ThreadProfile {
        let state = Arc::new(Mutex::new(ProfileState::new(gil)));
        self.threads.lock().push(state.clone());
        ThreadProfile { state }
    }

    /// Time since the profiler was created.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// Number of threads that were profiled.
    pub fn thread_count(&self) -> usize {
        self.threads.lock().len()
    }

    /// Every function, summed over threads, by own time (largest first).
    pub fn rows(&self) -> Vec<Row> {
        let now = Instant::now();
        let threads: Vec<Arc<Mutex<ProfileState>>> = self.threads.lock().clone();
        let mut merged: HashMap<usize, Row> = HashMap::new();
        for t in threads {
            for f in t.lock().snapshot(now) {
                let row = merged.entry(Arc::as_ptr(&f.code) as usize).or_insert_with(|| Row {
                    file: f.code.filename.to_string(),
                    line: f.code.firstlineno,
                    name: f.code.qualname.as_str().to_string(),
                    calls: 0,
                    total: Duration::ZERO,
                    own: Duration::ZERO,
                    gil_wait: Duration::ZERO,
                    blocked: PerKind::default(),
                    threads: 0,
                });
                row.calls += f.calls;
                row.total += f.total;
                row.own += f.own;
                row.gil_wait += f.gil_wait;
                for k in 0..BlockKind::COUNT {
                    row.blocked[k] += f.blocked[k];
                }
                row.threads += 1;
            }
        }
        let mut rows: Vec<Row> = merged.into_values().collect();
        rows.sort_by(|a, b| b.own.cmp(&a.own).then(b.total.cmp(&a.total)).then(a.name.cmp(&b.name)));
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(name: &str) -> Arc<CodeObject> {
        let mut c = crate::compile::codegen::empty_code();
        c.qualname = Arc::new(crate::object::str::PyStr::new(name));
        Arc::new(c)
    }

    #[test]
    fn recursion_counts_total_once_and_own_per_call() {
        let p = Profiler::new();
        let t = p.thread(None);
        let f = code("f");
        // f → f → f, each returning in turn.
        for d in 1..=3 {
            t.enter(&f, d, true, None);
            std::thread::sleep(Duration::from_millis(2));
        }
        for d in (0..3).rev() {
            t.exit(d, None);
        }
        let rows = p.rows();
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        assert_eq!(r.calls, 3);
        assert!(r.total >= Duration::from_millis(6));
        // Own time adds up the three levels; total is the outermost call.
        let diff = r.total.abs_diff(r.own);
        assert!(diff < Duration::from_millis(1), "total {:?} own {:?}", r.total, r.own);
    }

    #[test]
    fn open_frames_are_accounted_at_exit() {
        let p = Profiler::new();
        let t = p.thread(None);
        let (f, g) = (code("f"), code("g"));
        t.enter(&f, 1, true, None);
        t.enter(&g, 2, true, None);
        std::thread::sleep(Duration::from_millis(3));
        let rows = p.rows();
        let g_row = rows.iter().find(|r| r.name == "g").unwrap();
        let f_row = rows.iter().find(|r| r.name == "f").unwrap();
        assert!(g_row.own >= Duration::from_millis(3));
        assert!(f_row.total >= g_row.total && f_row.own < g_row.own);
    }
}
