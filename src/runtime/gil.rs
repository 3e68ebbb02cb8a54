//! The global interpreter lock.
//!
//! # Why there is a GIL at all
//!
//! CPython's objects were written for one thread at a time: reference counts,
//! dict resizes and list appends are not atomic. Rather than lock every
//! object, CPython lets only one thread run Python bytecode at a time, and
//! that thread holds the *global interpreter lock*. Threads still help
//! whenever they *wait* — in `sleep`, on a socket, on a file — because every
//! blocking call releases the GIL first and takes it back afterwards
//! ([`GilThread::allow_threads`]). gilt keeps that design so students can see
//! it, and can switch it off (`--gil off`): our objects are `Send + Sync` and
//! lock themselves (ARCHITECTURE.md, decision 1), so the lock here protects
//! nothing the Rust compiler doesn't already protect — it is a faithful model
//! of the real thing, with the real consequences for timing.
//!
//! # The old GIL: ticks (Python ≤ 3.1, `--switch ticks=N`)
//!
//! Python 2's running thread released the lock every 100 "ticks"
//! (instructions) and immediately asked for it again. The lock was a plain
//! mutex and condition variable, so on one core the OS usually let the waiter
//! in. On two cores it doesn't: the waiter is woken, but before it is even
//! scheduled the releasing thread, still running, has taken the lock back.
//! The waiter wakes, finds the lock taken, sleeps, and is woken again 100
//! ticks later — a storm of useless wake-ups. David Beazley measured (2009)
//! that two CPU-bound threads then ran *slower* than one. [`SwitchPolicy::Ticks`]
//! reproduces this on purpose: release, notify, re-request, no hand-off.
//!
//! # The new GIL: a switch interval (Python ≥ 3.2, the default)
//!
//! Antoine Pitrou's redesign counts time, not instructions. A thread that wants
//! the GIL waits on a condition variable for at most one *switch interval*
//! (5 ms, `sys.setswitchinterval`). If it times out and no switch happened
//! meanwhile (the switch counter didn't move), it sets a *drop request*. The
//! holder can't be interrupted, so it must notice: the request is a bit in the
//! *eval-breaker*, one atomic word the interpreter loop reads with a relaxed
//! load on every backward jump and call (Lua does the same with its hook
//! mask). One word is the point: the common case — nothing to do — costs a
//! load and a predictable branch, and every rare reason to stop (drop request,
//! Ctrl-C, trace flush, deadlock check) shares it. The bits are only hints;
//! the real hand-over happens under the mutex, which orders everything else.
//!
//! Seeing the bit, the holder releases the GIL and then — *forced switching* —
//! waits until some other thread has actually taken it before it asks again.
//! Without that wait the old problem returns: the releaser, already running,
//! would beat the sleepy waiter. With it, two CPU threads alternate every
//! interval, and the GIL's overhead is a few hand-offs per interval, not a
//! storm.
//!
//! The price is latency. A thread that comes back from I/O must wait up to
//! an interval before its drop request even goes out, so beside a CPU-bound
//! thread each wake-up costs about 5 ms (the *convoy effect*, Beazley 2010).
//! `shared/bench/convoy.py` measures it; `--switch-interval` moves it.
//!
//! # Teaching policy: `--switch instr=N`
//!
//! The holder counts instructions and, every N, hands the GIL to a waiting
//! thread if there is one (release + forced wait). With N = 1 threads
//! interleave at every instruction, so the classic `counter += 1` race loses
//! updates even with the GIL on — the GIL protects the interpreter, never
//! your read-modify-write.
//!
//! # How the lock is built
//!
//! The GIL is not a Rust mutex guard: a thread holds it across arbitrary
//! amounts of interpreter work and other threads must see it as *taken*, so it
//! is a `locked` flag (plus holder and switch counter) inside a parking_lot
//! [`Mutex`] that is held only for the few instructions of a state change, with
//! two [`Condvar`]s: `released` (CPython's `gil->cond`, for acquirers) and
//! `taken` (CPython's `gil->switch_cond`, for forced switching). Each OS
//! thread owns a [`GilThread`] handle; its `&mut self` methods make "only the
//! holder releases" a compile-time fact. With the GIL off, acquire and release
//! return at once and only blocking time is recorded. Statistics (in
//! [`super::stats`]) and events (for `--trace`, issue 6) are taken at these
//! state changes only, never per instruction.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex, MutexGuard};

pub use super::events::{BlockKind, EventSink, GilEvent, GilThreadId, ReleaseReason, ThreadEvents};
use super::interrupt::InterruptCheck;
pub use super::policy::{ParsePolicyError, SwitchPolicy};
use super::stats::{self, GilSummary, Phase, ThreadStats};

/// One reason to leave the fast path, as a bit of the eval-breaker word.
/// Whoever sets a bit other than the two the GIL handles also clears it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct BreakerBit(u32);

impl BreakerBit {
    /// A thread has waited a whole switch interval: the holder must drop the GIL.
    pub const GIL_DROP_REQUEST: BreakerBit = BreakerBit(1);
    /// Ctrl-C (or `_thread.interrupt_main`) is pending for the main thread.
    pub const SIGNAL_PENDING: BreakerBit = BreakerBit(1 << 1);
    /// Spare: event buffers should be flushed (issue 6).
    pub const TRACE_FLUSH: BreakerBit = BreakerBit(1 << 2);
    /// Spare: the deadlock detector wants threads to report (issue 6).
    pub const DEADLOCK_CHECK: BreakerBit = BreakerBit(1 << 3);
    /// Spare: some thread has an asynchronous exception to raise.
    pub const ASYNC_EXCEPTION: BreakerBit = BreakerBit(1 << 4);
    /// Objects wait in the runtime's finalizer queue (`object/finalize.rs`).
    pub const FINALIZE: BreakerBit = BreakerBit(1 << 5);
    /// A thread's young objects reached the collector's threshold
    /// (`object/gc.rs`): move them to the registry, maybe collect.
    pub const GC: BreakerBit = BreakerBit(1 << 6);
    /// A thread asks the others to publish their stacks
    /// (`sys._current_frames`, `vm/thread_frames.rs`).
    pub const FRAMES_REQUEST: BreakerBit = BreakerBit(1 << 7);

    /// The bit's mask within the breaker word.
    pub const fn mask(self) -> u32 {
        self.0
    }
}

/// How to build a [`Gil`].
#[derive(Clone)]
pub struct GilConfig {
    /// `--gil on|off`: when false, acquire and release do nothing.
    pub enabled: bool,
    /// `--switch`.
    pub policy: SwitchPolicy,
    /// `--switch-interval` (changeable later with [`Gil::set_switch_interval`]).
    pub switch_interval: Duration,
    /// Event recording for `--trace` and friends; `None` = off.
    pub events: Option<Arc<dyn EventSink>>,
    /// Keep the statistics of threads that have ended (for `--stats` and the
    /// views). Off, a thread's entry leaves the registry when it ends, so a
    /// thread-per-request server does not grow without bound.
    pub keep_finished: bool,
}

impl Default for GilConfig {
    fn default() -> Self {
        GilConfig {
            enabled: true,
            policy: SwitchPolicy::Interval,
            switch_interval: Gil::DEFAULT_SWITCH_INTERVAL,
            events: None,
            keep_finished: true,
        }
    }
}

impl fmt::Debug for GilConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GilConfig")
            .field("enabled", &self.enabled)
            .field("policy", &self.policy)
            .field("switch_interval", &self.switch_interval)
            .field("events", &self.events.is_some())
            .finish()
    }
}

/// What [`GilThread::handle_breaker`] asks the VM to do next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[must_use]
pub enum BreakerAction {
    /// Go on executing.
    Continue,
    /// Raise `KeyboardInterrupt` now (main thread only).
    RaiseKeyboardInterrupt,
}

/// The state guarded by the GIL's mutex.
struct GilState {
    locked: bool,
    holder: Option<GilThreadId>,
    last_holder: Option<GilThreadId>,
    switches: u64,
    /// Threads that want the GIL: acquiring, or in a forced-switch wait.
    wanting: u32,
}

struct Registry {
    next_id: u32,
    threads: Vec<Arc<Mutex<ThreadStats>>>,
}

/// The global interpreter lock, shared as `Arc<Gil>`. See the module essay.
pub struct Gil {
    /// The eval-breaker word; read by the VM with a relaxed load.
    breaker: AtomicU32,
    enabled: bool,
    policy: SwitchPolicy,
    interval_ns: AtomicU64,
    state: Mutex<GilState>,
    /// Signalled when the GIL is released (CPython's `gil->cond`).
    released: Condvar,
    /// Signalled when a thread takes the GIL (CPython's `gil->switch_cond`).
    taken: Condvar,
    /// Copy of `GilState::wanting` for the lock-free check of `instr=N`.
    wanting: AtomicU32,
    /// Ctrl-C pending for the main thread; an `Arc` so signal-hook can read it.
    interrupt_pending: Arc<AtomicBool>,
    /// A simulated signal (`_thread.interrupt_main`) is pending: it runs the
    /// handlers at the next breaker check but, as in CPython, does not cut a
    /// blocking wait short (no OS signal interrupts it).
    simulated_pending: AtomicBool,
    /// Signals caught but whose Python handlers have not run yet, one bit
    /// per signal number (CPython's `Handlers[i].tripped`).
    pending_signals: AtomicU64,
    /// `signal.set_wakeup_fd`'s descriptor (-1: none): the OS handler writes
    /// the signal number to it, which is how an event loop's `poll` wakes.
    wakeup_fd: std::sync::atomic::AtomicI32,
    registry: Mutex<Registry>,
    events: Option<Arc<dyn EventSink>>,
    created: Instant,
    keep_finished: bool,
    /// Registered threads not finished yet.
    live: std::sync::atomic::AtomicUsize,
}

impl Gil {
    /// CPython's default switch interval.
    pub const DEFAULT_SWITCH_INTERVAL: Duration = Duration::from_millis(5);
    /// The shortest switch interval; shorter requests are raised to it.
    pub const MIN_SWITCH_INTERVAL: Duration = Duration::from_micros(1);

    /// Creates a GIL; nobody holds it yet.
    pub fn new(config: GilConfig) -> Arc<Gil> {
        let gil = Gil {
            breaker: AtomicU32::new(0),
            enabled: config.enabled,
            policy: config.policy,
            interval_ns: AtomicU64::new(0),
            state: Mutex::new(GilState { locked: false, holder: None, last_holder: None, switches: 0, wanting: 0 }),
            released: Condvar::new(),
            taken: Condvar::new(),
            wanting: AtomicU32::new(0),
            interrupt_pending: Arc::new(AtomicBool::new(false)),
            simulated_pending: AtomicBool::new(false),
            pending_signals: AtomicU64::new(0),
            wakeup_fd: std::sync::atomic::AtomicI32::new(-1),
            registry: Mutex::new(Registry { next_id: 1, threads: Vec::new() }),
            events: config.events,
            created: Instant::now(),
            keep_finished: config.keep_finished,
            live: Default::default(),
        };
        gil.set_switch_interval(config.switch_interval);
        Arc::new(gil)
    }

    /// Whether the GIL is on (`sys._is_gil_enabled()`).
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// The switch policy chosen at creation.
    pub fn policy(&self) -> SwitchPolicy {
        self.policy
    }

    /// Whether the VM must call [`GilThread::count_instruction`] for every
    /// instruction: only for `ticks=N` / `instr=N` with the GIL on. Check once
    /// per thread and keep the answer in a local.
    pub fn policy_needs_per_instruction(&self) -> bool {
        self.enabled && self.policy.needs_per_instruction()
    }

    /// The switch interval (`sys.getswitchinterval()`).
    pub fn switch_interval(&self) -> Duration {
        Duration::from_nanos(self.interval_ns.load(Ordering::Relaxed))
    }

    /// Changes the switch interval; waiters use it from their next wait on.
    /// Values below [`Gil::MIN_SWITCH_INTERVAL`] are raised to it (the VM's
    /// `sys.setswitchinterval` should reject ≤ 0 with ValueError first).
    pub fn set_switch_interval(&self, interval: Duration) {
        let ns = interval.max(Self::MIN_SWITCH_INTERVAL).as_nanos();
        self.interval_ns.store(u64::try_from(ns).unwrap_or(u64::MAX), Ordering::Relaxed);
    }

    /// The fast-path check: is any breaker bit set? One relaxed load.
    #[inline]
    pub fn breaker_set(&self) -> bool {
        self.breaker.load(Ordering::Relaxed) != 0
    }

    /// The whole breaker word (for diagnostics and tests).
    pub fn breaker_bits(&self) -> u32 {
        self.breaker.load(Ordering::Relaxed)
    }

    /// Sets `bit` in the breaker word. Async-signal-safe.
    pub fn set_bit(&self, bit: BreakerBit) {
        self.breaker.fetch_or(bit.mask(), Ordering::SeqCst);
    }

    /// Clears `bit` in the breaker word.
    pub fn clear_bit(&self, bit: BreakerBit) {
        self.breaker.fetch_and(!bit.mask(), Ordering::SeqCst);
    }

    /// Whether `bit` is set.
    pub fn bit_is_set(&self, bit: BreakerBit) -> bool {
        self.breaker.load(Ordering::Relaxed) & bit.mask() != 0
    }

    /// Makes the main thread raise `KeyboardInterrupt` at its next breaker
    /// check or interruptible wait. Only atomics: async-signal-safe, so this
    /// is what the SIGINT handler calls.
    pub fn interrupt_main(&self) {
        self.trip_signal(libc::SIGINT);
    }

    /// Signal `sig` arrived (or is simulated): marks it pending, writes its
    /// number to the wake-up fd and makes the main thread run the Python
    /// handlers at its next breaker check or interruptible wait. Only
    /// atomics and `write(2)`: async-signal-safe (signal-hook keeps errno).
    pub fn trip_signal(&self, sig: i32) {
        self.mark_signal(sig);
        self.interrupt_pending.store(true, Ordering::SeqCst);
        self.set_bit(BreakerBit::SIGNAL_PENDING);
    }

    /// `_thread.interrupt_main(sig)`: signal `sig` is pending as if it had
    /// arrived, but a wait the main thread is blocked in goes on (CPython
    /// sends no OS signal, so nothing returns EINTR); the handlers run at
    /// the main thread's next breaker check.
    pub fn simulate_signal(&self, sig: i32) {
        self.mark_signal(sig);
        self.simulated_pending.store(true, Ordering::SeqCst);
        self.set_bit(BreakerBit::SIGNAL_PENDING);
    }

    /// Marks `sig` pending and writes it to the wake-up fd. Only atomics and
    /// `write(2)`: async-signal-safe (signal-hook keeps errno).
    fn mark_signal(&self, sig: i32) {
        if (1..64).contains(&sig) {
            self.pending_signals.fetch_or(1 << sig, Ordering::SeqCst);
        }
        let fd = self.wakeup_fd.load(Ordering::SeqCst);
        if fd >= 0 {
            let b = [sig as u8];
            // SAFETY: write(2) of one byte from a valid buffer; a failure
            // (full pipe, closed fd) is ignored as CPython does by default.
            unsafe { libc::write(fd, b.as_ptr().cast(), 1) };
        }
    }

    /// Takes the set of pending signals (bit `n` = signal `n`), clearing it.
    pub fn take_pending_signals(&self) -> u64 {
        self.pending_signals.swap(0, Ordering::SeqCst)
    }

    /// Puts signals back as pending (a handler raised before the others ran).
    pub fn repend_signals(&self, mask: u64) {
        if mask != 0 {
            self.pending_signals.fetch_or(mask, Ordering::SeqCst);
            self.interrupt_pending.store(true, Ordering::SeqCst);
            self.set_bit(BreakerBit::SIGNAL_PENDING);
        }
    }

    /// Sets the wake-up fd (-1: none); returns the previous one.
    pub fn set_wakeup_fd(&self, fd: i32) -> i32 {
        self.wakeup_fd.swap(fd, Ordering::SeqCst)
    }

    /// The pending-interrupt flag, for the signal handler.
    pub(crate) fn interrupt_flag(&self) -> &Arc<AtomicBool> {
        &self.interrupt_pending
    }

    /// The thread holding the GIL now, if any.
    pub fn holder(&self) -> Option<GilThreadId> {
        self.state.lock().holder
    }

    /// How many times the GIL passed from one thread to a different one.
    pub fn switches(&self) -> u64 {
        self.state.lock().switches
    }

    /// Registers the interpreter's main thread (once): the only thread that
    /// reacts to Ctrl-C. The handle starts without the GIL; call `acquire`.
    pub fn register_main_thread(self: &Arc<Self>, name: impl Into<String>) -> GilThread {
        self.register(name.into(), true)
    }

    /// Registers another thread. Call it in the parent just before spawning
    /// (and move the handle in) or first thing in the new thread; the
    /// thread's wall time starts here. The handle starts without the GIL.
    pub fn register_thread(self: &Arc<Self>, name: impl Into<String>) -> GilThread {
        self.register(name.into(), false)
    }

    fn register(self: &Arc<Self>, name: String, is_main: bool) -> GilThread {
        let now = Instant::now();
        self.live.fetch_add(1, Ordering::Relaxed);
        let (id, stats) = {
            let mut reg = self.registry.lock();
            let id = GilThreadId(reg.next_id);
            reg.next_id += 1;
            let stats = Arc::new(Mutex::new(ThreadStats::new(id, name.clone(), is_main, now)));
            reg.threads.push(Arc::clone(&stats));
            (id, stats)
        };
        let recorder = self.events.as_ref().map(|sink| sink.thread_started(id, &name, is_main, now));
        let every = match self.policy {
            SwitchPolicy::Interval => u32::MAX,
            SwitchPolicy::Ticks(n) | SwitchPolicy::Instr(n) => n.max(1),
        };
        GilThread {
            gil: Arc::clone(self),
            id,
            is_main,
            active: false,
            countdown: every,
            every,
            stats,
            recorder,
            exited: false,
            cpu_clock_started: false,
        }
    }

    /// How many threads the registry holds (live ones, plus finished ones
    /// when [`GilConfig::keep_finished`] is on).
    pub fn registered_threads(&self) -> usize {
        self.registry.lock().threads.len()
    }

    /// How many registered threads have not finished.
    pub fn live_threads(&self) -> usize {
        self.live.load(Ordering::Relaxed)
    }

    /// Statistics of every thread registered (live ones accounted up to
    /// now; finished ones only with [`GilConfig::keep_finished`]).
    pub fn thread_stats(&self) -> Vec<ThreadStats> {
        let now = Instant::now();
        let reg = self.registry.lock();
        reg.threads.iter().map(|s| s.lock().snapshot(now)).collect()
    }

    /// The `--stats` table (≤ 80 columns), for the VM to print to stderr at exit.
    pub fn stats_table(&self) -> String {
        let threads = self.thread_stats();
        let now = Instant::now();
        let summary = GilSummary {
            enabled: self.enabled,
            policy: self.policy,
            switch_interval: self.switch_interval(),
            switches: self.switches(),
            elapsed: now.saturating_duration_since(self.created),
        };
        stats::render_table(&threads, &summary, now)
    }

    /// Takes the GIL's two internal mutexes for the length of a `fork()`, so
    /// that no other thread is half-way through a state change when the
    /// address space is copied; drop the guard in both processes after.
    pub fn lock_for_fork(&self) -> ForkGuard<'_> {
        ForkGuard { _state: self.state.lock(), _registry: self.registry.lock() }
    }

    /// In a child made by `fork()`, where only the thread `survivor` exists:
    /// nobody else wants the GIL any more, and the other threads' entries
    /// leave the registry (they will never run, release or finish here).
    pub fn after_fork_child(&self, survivor: Option<GilThreadId>) {
        let mut st = self.state.lock();
        st.wanting = 0;
        self.wanting.store(0, Ordering::Relaxed);
        if st.locked && st.holder != survivor {
            st.locked = false;
            st.holder = None;
        }
        drop(st);
        self.clear_bit(BreakerBit::GIL_DROP_REQUEST);
        // Another thread's stats may have been locked at the fork: that entry
        // is not the survivor's, and goes.
        self.registry.lock().threads.retain(|s| s.try_lock().is_some_and(|s| Some(s.id) == survivor));
        if let (Some(sink), Some(id)) = (&self.events, survivor) {
            sink.after_fork_child(id, Instant::now());
        }
    }

    /// The `--trace`/`--timeline`/`--report` recorder, when one records.
    pub fn recorder(&self) -> Option<Arc<super::trace::Recorder>> {
        self.events.clone().and_then(|s| s.recorder())
    }

    fn set_wanting(&self, st: &mut GilState, delta: i32) {
        st.wanting = st.wanting.saturating_add_signed(delta);
        self.wanting.store(st.wanting, Ordering::Relaxed);
    }
}

/// The GIL's internal locks held across `fork()` ([`Gil::lock_for_fork`]).
pub struct ForkGuard<'a> {
    _state: MutexGuard<'a, GilState>,
    _registry: MutexGuard<'a, Registry>,
}

impl fmt::Debug for Gil {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gil")
            .field("enabled", &self.enabled)
            .field("policy", &self.policy)
            .field("switch_interval", &self.switch_interval())
            .field("breaker", &self.breaker_bits())
            .finish_non_exhaustive()
    }
}

/// One OS thread's handle on the GIL. Owned by that thread (it is `Send` so
/// it can be created by the parent and moved in); dropping it is [`exit`].
///
/// [`exit`]: GilThread::exit
pub struct GilThread {
    gil: Arc<Gil>,
    id: GilThreadId,
    is_main: bool,
    /// Inside Python code: holding the GIL (or, GIL off, running).
    active: bool,
    countdown: u32,
    every: u32,
    stats: Arc<Mutex<ThreadStats>>,
    recorder: Option<Box<dyn ThreadEvents>>,
    exited: bool,
    /// Whether this thread's CPU clock was started (at its first acquire,
    /// which runs on the thread itself).
    cpu_clock_started: bool,
}

impl GilThread {
    /// This thread's id.
    pub fn id(&self) -> GilThreadId {
        self.id
    }

    /// Whether this is the main thread (the one Ctrl-C interrupts).
    pub fn is_main(&self) -> bool {
        self.is_main
    }

    /// The GIL this handle belongs to.
    pub fn gil(&self) -> &Arc<Gil> {
        &self.gil
    }

    /// Whether this thread holds the GIL (GIL off: is running Python code).
    pub fn holds_gil(&self) -> bool {
        self.active
    }

    /// Same as [`Gil::breaker_set`], for a VM that keeps only this handle.
    #[inline]
    pub fn breaker_set(&self) -> bool {
        self.gil.breaker_set()
    }

    /// Total time this thread has waited for the GIL, and been blocked per
    /// [`BlockKind`], so far. `--profile` reads it at every call and return
    /// and charges the difference to the function on top of the thread's
    /// stack; read while Python code runs, both totals are final.
    pub fn idle_totals(&self) -> (Duration, [Duration; BlockKind::COUNT]) {
        let s = self.stats.lock();
        (s.waiting, s.blocked_by_kind)
    }

    /// Whether events are being recorded (`--trace`, `--timeline`, `--report`).
    #[inline]
    pub fn is_recording(&self) -> bool {
        self.recorder.is_some()
    }

    /// Records an event that is not a GIL state change (asyncio task steps,
    /// slow loop steps) at `at`; nothing when not recording.
    pub fn record_event(&mut self, at: Instant, event: GilEvent) {
        self.record(at, event);
    }

    /// Renames the thread (Python's `Thread.name = …`), for stats and traces.
    pub fn set_name(&mut self, name: impl Into<String>) {
        let name = name.into();
        self.stats.lock().name.clone_from(&name);
        self.record(Instant::now(), GilEvent::Renamed(name));
    }

    /// A handle blocking waits use to notice Ctrl-C: live in the main
    /// thread, inert ([`InterruptCheck::never`]) in the others.
    pub fn interrupt_check(&self) -> InterruptCheck {
        if self.is_main {
            InterruptCheck::watching(Arc::clone(self.gil.interrupt_flag()))
        } else {
            InterruptCheck::never()
        }
    }

    /// Takes the GIL, waiting (and making drop requests) as needed. Does
    /// nothing if this thread already holds it; with the GIL off it only
    /// notes that the thread runs.
    pub fn acquire(&mut self) {
        self.acquire_gil();
    }

    /// `acquire`, returning the previous holder when the take was a switch.
    fn acquire_gil(&mut self) -> Option<GilThreadId> {
        if self.active {
            return None;
        }
        self.active = true;
        let now = Instant::now();
        if !self.cpu_clock_started {
            self.cpu_clock_started = true;
            self.stats.lock().start_cpu_clock();
        }
        if !self.gil.enabled {
            self.stats.lock().enter(Phase::Running, now);
            self.record(now, GilEvent::Take { from: None });
            return None;
        }
        self.stats.lock().enter(Phase::Waiting, now);
        self.record(now, GilEvent::Request);
        let gil = Arc::clone(&self.gil);
        let mut st = gil.state.lock();
        let waited = st.locked;
        if waited {
            gil.set_wanting(&mut st, 1);
            self.wait_while_locked(&mut st);
            gil.set_wanting(&mut st, -1);
        }
        let from = self.take(&mut st);
        drop(st);
        self.took(if waited { Instant::now() } else { now }, from);
        from
    }

    /// Releases the GIL for `reason`. Never waits: forced switching is done
    /// by [`handle_breaker`](Self::handle_breaker) and
    /// [`count_instruction`](Self::count_instruction). With a
    /// `BlockingCall` reason the thread counts as blocked until the next
    /// `acquire` (prefer [`allow_threads`](Self::allow_threads)).
    pub fn release(&mut self, reason: ReleaseReason) {
        if !self.active {
            return;
        }
        self.active = false;
        let now = Instant::now();
        let next = match reason {
            ReleaseReason::BlockingCall(kind) => Phase::Blocked(kind),
            _ => Phase::Idle,
        };
        self.count_release(reason, next, now);
        if self.gil.enabled {
            self.unlock();
        }
    }

    /// Runs `blocking` with the GIL released and takes it back afterwards
    /// (also if `blocking` panics). This is how sleeping threads overlap.
    pub fn allow_threads<R>(&mut self, kind: BlockKind, blocking: impl FnOnce() -> R) -> R {
        struct Retake<'a> {
            thread: &'a mut GilThread,
            was_active: bool,
        }
        impl Drop for Retake<'_> {
            fn drop(&mut self) {
                if self.was_active {
                    self.thread.acquire();
                } else {
                    self.thread.stats.lock().enter(Phase::Idle, Instant::now());
                }
            }
        }
        let was_active = self.active;
        if was_active {
            self.release(ReleaseReason::BlockingCall(kind));
        } else {
            let now = Instant::now();
            self.count_release(ReleaseReason::BlockingCall(kind), Phase::Blocked(kind), now);
        }
        let _retake = Retake { thread: self, was_active };
        blocking()
    }

    /// Called by the VM when [`breaker_set`](Gil::breaker_set) is true:
    /// honours a drop request (release, wait until another thread took the
    /// GIL, re-acquire) and reports a pending Ctrl-C to the main thread.
    /// Other threads ignore the signal bit, which the main thread clears.
    pub fn handle_breaker(&mut self) -> BreakerAction {
        let bits = self.gil.breaker_bits();
        // Only the holder can see the request (nobody else runs with the GIL
        // on, and it is never set with the GIL off or under `ticks`).
        if bits & BreakerBit::GIL_DROP_REQUEST.mask() != 0 && self.active && self.gil.enabled {
            self.hand_off(ReleaseReason::DropRequest);
        }
        if self.is_main && self.gil.bit_is_set(BreakerBit::SIGNAL_PENDING) {
            self.gil.clear_bit(BreakerBit::SIGNAL_PENDING);
            let simulated = self.gil.simulated_pending.swap(false, Ordering::SeqCst);
            if self.gil.interrupt_pending.swap(false, Ordering::SeqCst) || simulated {
                return BreakerAction::RaiseKeyboardInterrupt;
            }
        }
        BreakerAction::Continue
    }

    /// Counts one executed instruction; call it per instruction only when
    /// [`Gil::policy_needs_per_instruction`] is true. Every N instructions it
    /// applies the policy: `ticks` releases and re-requests, `instr` hands
    /// the GIL to a waiting thread.
    #[inline]
    pub fn count_instruction(&mut self) {
        self.countdown -= 1;
        if self.countdown == 0 {
            self.policy_due();
        }
    }

    #[cold]
    #[inline(never)]
    fn policy_due(&mut self) {
        self.countdown = self.every;
        if !self.active || !self.gil.enabled {
            return;
        }
        match self.gil.policy {
            SwitchPolicy::Interval => {}
            SwitchPolicy::Ticks(_) => self.tick(),
            SwitchPolicy::Instr(_) => {
                if self.gil.wanting.load(Ordering::Relaxed) > 0 {
                    self.hand_off(ReleaseReason::PolicyInstr);
                }
            }
        }
    }

    /// Python 2's periodic release: unlock, signal, and ask again at once, as
    /// two separate critical sections, so the releaser usually wins.
    fn tick(&mut self) {
        self.release(ReleaseReason::PolicyTick);
        if self.acquire_gil().is_some() {
            self.stats.lock().tick_handoffs += 1;
        }
    }

    /// Forced switching: release, wait until another thread has taken the
    /// GIL (if anyone else wants it), then acquire again. One critical
    /// section up to the wait, and this thread counts as wanting throughout,
    /// so `instr=N` in the new holder sees it at once.
    fn hand_off(&mut self, reason: ReleaseReason) {
        let now = Instant::now();
        self.active = false;
        self.count_release(reason, Phase::Waiting, now);
        self.record(now, GilEvent::Request);
        let gil = Arc::clone(&self.gil);
        let mut st = gil.state.lock();
        gil.set_wanting(&mut st, 1);
        st.locked = false;
        st.holder = None;
        gil.released.notify_one();
        while st.last_holder == Some(self.id) && st.wanting > 1 {
            gil.taken.wait(&mut st);
        }
        self.wait_while_locked(&mut st);
        gil.set_wanting(&mut st, -1);
        let from = self.take(&mut st);
        drop(st);
        self.active = true;
        self.took(Instant::now(), from);
    }

    /// Waits until the GIL is free. Interval/Instr: timed waits of one
    /// switch interval, setting a drop request when one passes without a
    /// switch. Ticks: an untimed wait, as Python 2 did.
    fn wait_while_locked(&mut self, st: &mut MutexGuard<'_, GilState>) {
        let gil = Arc::clone(&self.gil);
        if let SwitchPolicy::Ticks(_) = gil.policy {
            while st.locked {
                gil.released.wait(st);
            }
            return;
        }
        while st.locked {
            let saved = st.switches;
            let timed_out = gil.released.wait_for(st, gil.switch_interval()).timed_out();
            if timed_out && st.locked && st.switches == saved {
                let before = gil.breaker.fetch_or(BreakerBit::GIL_DROP_REQUEST.mask(), Ordering::SeqCst);
                if before & BreakerBit::GIL_DROP_REQUEST.mask() == 0 {
                    self.stats.lock().drop_requests += 1;
                    self.record(Instant::now(), GilEvent::DropRequest);
                }
            }
        }
    }

    /// Marks the GIL taken by this thread; returns the previous holder if
    /// this is a switch. Must be called with the GIL free.
    fn take(&self, st: &mut GilState) -> Option<GilThreadId> {
        debug_assert!(!st.locked);
        st.locked = true;
        st.holder = Some(self.id);
        let from = st.last_holder.filter(|&prev| prev != self.id);
        if st.last_holder != Some(self.id) {
            st.last_holder = Some(self.id);
            st.switches += 1;
        }
        self.gil.taken.notify_all();
        if self.gil.bit_is_set(BreakerBit::GIL_DROP_REQUEST) {
            self.gil.clear_bit(BreakerBit::GIL_DROP_REQUEST);
        }
        from
    }

    fn took(&mut self, now: Instant, from: Option<GilThreadId>) {
        {
            let mut s = self.stats.lock();
            s.enter(Phase::Holding, now);
            s.acquisitions += 1;
        }
        self.record(now, GilEvent::Take { from });
    }

    /// Plain unlock: Python 2's "release the lock, then signal".
    fn unlock(&self) {
        let mut st = self.gil.state.lock();
        st.locked = false;
        st.holder = None;
        drop(st);
        self.gil.released.notify_one();
    }

    fn count_release(&mut self, reason: ReleaseReason, next: Phase, now: Instant) {
        {
            let mut s = self.stats.lock();
            s.enter(next, now);
            match reason {
                ReleaseReason::DropRequest | ReleaseReason::PolicyInstr => s.forced += 1,
                ReleaseReason::BlockingCall(_) => s.voluntary += 1,
                ReleaseReason::PolicyTick => s.tick_releases += 1,
                ReleaseReason::ThreadExit => {}
            }
        }
        self.record(now, GilEvent::Release(reason));
    }

    #[inline]
    fn record(&mut self, at: Instant, event: GilEvent) {
        if let Some(recorder) = &mut self.recorder {
            recorder.record(at, event);
        }
    }

    /// The thread is done: releases the GIL if held and records the end.
    /// Dropping the handle does the same.
    pub fn exit(self) {
        drop(self);
    }

    fn finish(&mut self) {
        if std::mem::replace(&mut self.exited, true) {
            return;
        }
        self.release(ReleaseReason::ThreadExit);
        self.gil.live.fetch_sub(1, Ordering::Relaxed);
        let now = Instant::now();
        self.stats.lock().finish(now);
        self.record(now, GilEvent::ThreadEnd);
        if !self.gil.keep_finished {
            let mut reg = self.gil.registry.lock();
            if let Some(i) = reg.threads.iter().position(|s| Arc::ptr_eq(s, &self.stats)) {
                reg.threads.swap_remove(i);
            }
        }
    }
}

impl Drop for GilThread {
    fn drop(&mut self) {
        self.finish();
    }
}

impl fmt::Debug for GilThread {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GilThread")
            .field("id", &self.id)
            .field("is_main", &self.is_main)
            .field("holds_gil", &self.active)
            .finish_non_exhaustive()
    }
}
