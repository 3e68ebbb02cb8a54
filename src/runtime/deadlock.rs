//! Deadlock detection (issue 6): a registry of who waits for what, kept by
//! the native lock and join code only on its slow path (when a thread really
//! blocks), and a watchdog thread that looks at it every 200 ms.
//!
//! A wait is *hopeless* when it has no timeout and the thing waited for is
//! held by a thread (a lock's owner, a thread still running). When every
//! live thread is in a hopeless wait — nobody is left to release anything —
//! and the picture is the same at two consecutive looks (so a release in
//! flight is not mistaken for a deadlock), the watchdog prints
//! `Deadlock detected:` with the wait-for cycle and exits with status 3.
//! The watchdog starts with the first hopeless wait; a program that never
//! blocks without a timeout never gets one.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, Weak};
use std::time::Duration;

use parking_lot::Mutex;

use super::events::GilThreadId;
use super::gil::Gil;
use crate::bytecode::CodeObject;

/// Where a lock was taken or a thread waits: a code object and a pc, turned
/// into `file:line` only when a report is printed.
#[derive(Clone)]
pub struct Site(pub Arc<CodeObject>, pub usize);

impl Site {
    /// `file:line`.
    pub fn describe(&self) -> String {
        let line = if self.1 == 0 { self.0.firstlineno } else { self.0.line_of(self.1 - 1) };
        format!("{}:{}", self.0.filename, line)
    }
}

/// Who holds what a thread waits for.
pub struct Holder {
    /// The holding thread's ident (`threading.get_ident()`).
    pub ident: i64,
    /// Where it took the lock, if known.
    pub site: Option<Site>,
}

/// Asks the waited-for object who holds it now (`None`: nobody; the waiter
/// will get it soon).
pub type HolderFn = Arc<dyn Fn() -> Option<Holder> + Send + Sync>;

/// One blocked thread.
pub struct Wait {
    /// The waiting thread's ident.
    pub ident: i64,
    /// Its GIL id (for its name and liveness).
    pub thread: GilThreadId,
    /// What it waits for, e.g. `lock 0x7f…` or `thread Thread-2 to finish`.
    pub what: String,
    /// Where it waits.
    pub site: Option<Site>,
    /// Finds a friendlier name for the object (a global variable holding
    /// it, say); called only when a report is printed.
    pub name: Option<Arc<dyn Fn() -> Option<String> + Send + Sync>>,
    /// Whether the wait has a timeout (then it is never part of a deadlock).
    pub timeout: bool,
    /// Who holds the object.
    pub holder: HolderFn,
}

struct RegistryInner {
    waits: HashMap<i64, (u64, Wait)>,
    seq: u64,
    gil: Option<Weak<Gil>>,
}

/// Who is waiting on what, for one runtime (kept in `Runtime::deadlocks`).
pub struct Registry {
    inner: Arc<Mutex<RegistryInner>>,
}

impl Default for Registry {
    fn default() -> Self {
        Registry { inner: Arc::new(Mutex::new(RegistryInner { waits: HashMap::new(), seq: 0, gil: None })) }
    }
}

/// The registry, locked across a `fork()` ([`Registry::lock_for_fork`]).
pub struct ForkLock<'a>(parking_lot::MutexGuard<'a, RegistryInner>);

impl Registry {
    /// Locks the registry for a `fork()`; drop the lock in the parent, call
    /// [`ForkLock::child`] in the child.
    pub fn lock_for_fork(&self) -> ForkLock<'_> {
        ForkLock(self.inner.lock())
    }
}

impl ForkLock<'_> {
    /// In the child, where only the thread `ident` is left: the other
    /// threads' waits are gone, and so is the watchdog thread (the next wait
    /// without a timeout starts a new one).
    pub fn child(mut self, ident: i64) {
        self.0.waits.retain(|k, _| *k == ident);
        self.0.gil = None;
    }
}

/// Removes the wait from the registry when dropped (the wait ended).
pub struct WaitGuard(Arc<Mutex<RegistryInner>>, i64);

impl Drop for WaitGuard {
    fn drop(&mut self) {
        self.0.lock().waits.remove(&self.1);
    }
}

/// Records that a thread is about to block; keep the guard for the length
/// of the wait. Starts the watchdog at the first wait without a timeout.
pub fn begin_wait(registry: &Registry, gil: &Arc<Gil>, wait: Wait) -> WaitGuard {
    let ident = wait.ident;
    let start = {
        let mut reg = registry.inner.lock();
        reg.seq += 1;
        let seq = reg.seq;
        let start = !wait.timeout && reg.gil.is_none();
        if start {
            reg.gil = Some(Arc::downgrade(gil));
        }
        reg.waits.insert(ident, (seq, wait));
        start
    };
    if start {
        let reg = registry.inner.clone();
        let _ = std::thread::Builder::new().name("gilt-deadlock-watchdog".into()).spawn(move || {
            crate::runtime::interrupt::block_all_signals();
            watchdog(reg)
        });
    }
    WaitGuard(registry.inner.clone(), ident)
}

fn watchdog(registry: Arc<Mutex<RegistryInner>>) {
    let mut last: Option<Vec<(i64, u64)>> = None;
    loop {
        std::thread::sleep(Duration::from_millis(200));
        let gil = match registry.lock().gil.as_ref().and_then(Weak::upgrade) {
            Some(g) => g,
            None => return,
        };
        match check(&gil, &registry) {
            Some((key, report)) if last.as_ref() == Some(&key) => {
                use std::io::Write;
                let _ = std::io::stdout().flush();
                eprint!("{report}");
                let _ = std::io::stderr().flush();
                std::process::exit(3);
            }
            Some((key, _)) => last = Some(key),
            None => last = None,
        }
    }
}

/// If every live thread is in a hopeless wait: the snapshot key and the report.
fn check(gil: &Gil, registry: &Mutex<RegistryInner>) -> Option<(Vec<(i64, u64)>, String)> {
    let threads = gil.thread_stats();
    let live: Vec<GilThreadId> = threads.iter().filter(|t| t.ended.is_none()).map(|t| t.id).collect();
    if live.is_empty() {
        return None;
    }
    let name_of = |id: GilThreadId| threads.iter().find(|t| t.id == id).map(|t| t.name.clone()).unwrap_or_default();
    let reg = registry.lock();
    let mut holders = HashMap::new();
    for (ident, (_, w)) in &reg.waits {
        if w.timeout {
            return None;
        }
        holders.insert(*ident, (w.holder)()?);
    }
    let waiting: Vec<GilThreadId> = reg.waits.values().map(|(_, w)| w.thread).collect();
    if !live.iter().all(|id| waiting.contains(id)) {
        return None;
    }
    let mut key: Vec<(i64, u64)> = reg.waits.iter().map(|(i, (s, _))| (*i, *s)).collect();
    key.sort_unstable();
    // Follow "waits for something held by" from the lowest waiter into a cycle.
    let by_ident = |i: i64| reg.waits.get(&i).map(|(_, w)| w);
    let mut path: Vec<i64> = Vec::new();
    let mut cur = key[0].0;
    let cycle: Vec<i64> = loop {
        if let Some(p) = path.iter().position(|&i| i == cur) {
            break path[p..].to_vec();
        }
        path.push(cur);
        match holders.get(&cur) {
            Some(h) if by_ident(h.ident).is_some() => cur = h.ident,
            _ => break path.clone(),
        }
    };
    let mut out = String::from("Deadlock detected:\n");
    let describe = |ident: i64| -> String {
        let w = by_ident(ident).expect("waiter");
        if w.what == super::eventloop_deadlock::IDLE_LOOP {
            let tasks = w.name.as_ref().and_then(|f| f()).unwrap_or_default();
            return format!(
                "  {} runs an asyncio event loop whose every task waits for something no task or thread can provide:\n{tasks}",
                name_of(w.thread)
            );
        }
        let h = &holders[&ident];
        let holder = by_ident(h.ident).map(|hw| name_of(hw.thread)).unwrap_or_else(|| "a finished thread".into());
        let holder = if h.ident == ident { "itself".to_string() } else { holder };
        let taken = h.site.as_ref().map(|s| format!(", taken at {}", s.describe())).unwrap_or_default();
        let at = w.site.as_ref().map(|s| format!(" at {}", s.describe())).unwrap_or_default();
        let what = match w.name.as_ref().and_then(|f| f()) {
            Some(n) => format!("lock '{n}'"),
            None => w.what.clone(),
        };
        if w.what.ends_with("(join)") {
            return format!("  {} waits{at} for {holder} to finish (join)\n", name_of(w.thread));
        }
        format!("  {} waits{at} for {what}, held by {holder}{taken}\n", name_of(w.thread))
    };
    for &i in &cycle {
        out.push_str(&describe(i));
    }
    let others: Vec<i64> = key.iter().map(|(i, _)| *i).filter(|i| !cycle.contains(i)).collect();
    if !others.is_empty() {
        out.push_str("  and, waiting on that cycle:\n");
        for i in others {
            out.push_str(&describe(i));
        }
    }
    let _ = writeln!(out, "every thread is blocked and none can ever be released: gilt exits with status 3");
    Some((key, out))
}
