//! Ctrl-C → `KeyboardInterrupt` in the main thread.
//!
//! A signal handler may run between any two machine instructions of any
//! thread, so it may only touch atomics: ours stores `true` into the GIL's
//! pending flag and sets [`BreakerBit::SIGNAL_PENDING`] in the eval-breaker
//! (that is [`Gil::interrupt_main`]). The main thread then finds out in one of
//! two ways:
//!
//! - running Python code, at its next breaker check:
//!   [`GilThread::handle_breaker`] returns
//!   [`BreakerAction::RaiseKeyboardInterrupt`];
//! - blocked (sleep, join, lock, queue…), because every such wait in the main
//!   thread runs through an [`InterruptCheck`] that looks at the flag at least
//!   every [`POLL_SLICE`]. A handler can't notify a condition variable
//!   (that takes a lock), so waits are cut into slices instead.
//!
//! Other threads never react: their [`InterruptCheck`] is inert and their
//! `handle_breaker` ignores the bit, as in CPython.
//!
//! Pressing Ctrl-C a second time while the first is still pending (the main
//! thread is stuck somewhere that doesn't check, e.g. a long read) kills the
//! process the default way, so gilt can always be stopped.
//!
//! # Crate choice and the one `unsafe`
//!
//! We use `signal-hook` rather than raw `libc::sigaction`: it is the
//! maintained, audited way to do this in Rust, chains with other handlers,
//! keeps `errno` intact, and its closures can capture an `Arc`, so the pending
//! flag lives in the `Gil` instead of a global — no static is needed at all,
//! and two `Gil`s in one process (tests) don't share state. Setting a bit
//! inside the breaker word needs `fetch_or`, which signal-hook's safe `flag`
//! helpers don't offer (they only `store`), hence one `unsafe` call to
//! `low_level::register`, below, with its justification.
//!
//! [`BreakerBit::SIGNAL_PENDING`]: super::gil::BreakerBit::SIGNAL_PENDING
//! [`GilThread::handle_breaker`]: super::gil::GilThread::handle_breaker
//! [`BreakerAction::RaiseKeyboardInterrupt`]: super::gil::BreakerAction::RaiseKeyboardInterrupt

use std::fmt;
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use signal_hook::SigId;
use signal_hook::consts::SIGINT;

use super::gil::Gil;

/// Longest a main-thread wait blocks between two looks at the pending flag.
pub const POLL_SLICE: Duration = Duration::from_millis(50);

/// Slice for waits that can't be interrupted (effectively "forever").
const LONG_SLICE: Duration = Duration::from_secs(3600);

/// Keeps the SIGINT handler installed; dropping it uninstalls the handler
/// (after which signal-hook leaves Ctrl-C ignored, so keep it for the run).
#[derive(Debug)]
pub struct SigintHandler {
    ids: Vec<SigId>,
}

impl Drop for SigintHandler {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// The calling thread's blocked signals.
pub fn current_signal_mask() -> libc::sigset_t {
    // SAFETY: an all-zero sigset_t is a valid out-buffer; a null new set only reads the mask.
    let mut old: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    unsafe { libc::pthread_sigmask(libc::SIG_BLOCK, std::ptr::null(), &mut old) };
    old
}

/// Sets the calling thread's blocked signals (a Python thread starting on
/// a parked worker takes its creator's mask, as a new thread would).
pub fn set_signal_mask(set: &libc::sigset_t) {
    // SAFETY: `set` is a valid sigset_t.
    unsafe { libc::pthread_sigmask(libc::SIG_SETMASK, set, std::ptr::null_mut()) };
}

/// Blocks every signal in the calling thread and returns the old mask.
/// gilt's own threads (the OS main thread waiting for the Python one,
/// watchdogs) call it: CPython has no such threads, so a process-directed
/// signal that the script blocks in its threads (to `sigwait` for it) must
/// not land in one of them and kill the process.
pub fn block_all_signals() -> libc::sigset_t {
    // SAFETY: an all-zero sigset_t is valid for sigfillset to fill.
    let mut all: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: `all` is a valid sigset_t.
    unsafe { libc::sigfillset(&mut all) };
    let old = current_signal_mask();
    // SAFETY: `all` is a valid sigset_t.
    unsafe { libc::pthread_sigmask(libc::SIG_BLOCK, &all, std::ptr::null_mut()) };
    old
}

/// Installs the SIGINT handler that interrupts `gil`'s main thread.
pub fn install_sigint_handler(gil: &Arc<Gil>) -> io::Result<SigintHandler> {
    let mut ids = Vec::with_capacity(2);
    // Runs first: if an earlier Ctrl-C is still pending, act like the
    // default handler (terminate). The first Ctrl-C finds the flag false.
    ids.push(signal_hook::flag::register_conditional_default(SIGINT, Arc::clone(gil.interrupt_flag()))?);
    let target = Arc::clone(gil);
    // SAFETY: the action is async-signal-safe. `Gil::interrupt_main` does
    // one atomic store and one atomic `fetch_or` on fields of a `Gil` kept
    // alive by the captured `Arc` (lock-free on every platform Rust's
    // `AtomicBool`/`AtomicU32` exist on): no allocation, no lock, no panic,
    // no `errno` change. The `Arc` itself is only dropped by `unregister`,
    // in normal (non-signal) context.
    let id = unsafe { signal_hook::low_level::register(SIGINT, move || target.interrupt_main()) };
    match id {
        Ok(id) => ids.push(id),
        Err(err) => {
            drop(SigintHandler { ids });
            return Err(err);
        }
    }
    Ok(SigintHandler { ids })
}

/// A wait was cut short by Ctrl-C: the VM should re-take the GIL and raise
/// `KeyboardInterrupt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interrupted;

impl fmt::Display for Interrupted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("interrupted by Ctrl-C")
    }
}

impl std::error::Error for Interrupted {}

/// Lets a blocking wait notice Ctrl-C. Get one from
/// [`GilThread::interrupt_check`](super::gil::GilThread::interrupt_check)
/// *before* entering `allow_threads` (the closure can't borrow the thread);
/// it is live in the main thread and inert elsewhere. Cheap to clone.
#[derive(Clone, Debug)]
pub struct InterruptCheck {
    flag: Option<Arc<AtomicBool>>,
}

impl InterruptCheck {
    /// A check that never reports an interrupt (non-main threads).
    pub fn never() -> Self {
        InterruptCheck { flag: None }
    }

    /// A check watching the pending flag of a `Gil`.
    pub(crate) fn watching(flag: Arc<AtomicBool>) -> Self {
        InterruptCheck { flag: Some(flag) }
    }

    /// Whether this check can ever report an interrupt.
    pub fn is_live(&self) -> bool {
        self.flag.is_some()
    }

    /// Consumes a pending Ctrl-C: true at most once per Ctrl-C.
    pub fn take_pending_interrupt(&self) -> bool {
        self.flag.as_ref().is_some_and(|flag| flag.swap(false, Ordering::SeqCst))
    }

    fn slice(&self) -> Duration {
        if self.is_live() { POLL_SLICE } else { LONG_SLICE }
    }

    /// Sleeps for `duration`, or until Ctrl-C (main thread). Call it inside
    /// `allow_threads(BlockKind::Sleep, …)`.
    pub fn interruptible_sleep(&self, duration: Duration) -> Result<(), Interrupted> {
        let deadline = Instant::now().checked_add(duration);
        self.wait_until(deadline, |slice| {
            std::thread::sleep(slice);
            false
        })
        .map(drop)
    }

    /// The pattern for every interruptible wait (lock, join, queue, event…).
    /// `wait` blocks for *at most* the slice it is given — typically one
    /// `Condvar::wait_for` — and returns true once the awaited thing has
    /// happened. It is called repeatedly, with the pending flag checked
    /// between calls, until it returns true (`Ok(true)`), the `deadline`
    /// passes (`Ok(false)`; `None` = no deadline), or Ctrl-C arrives
    /// (`Err(Interrupted)`). It is called at least once, so a deadline in the
    /// past is a non-blocking try.
    ///
    /// A lock acquire with a timeout, inside `allow_threads(BlockKind::Lock, …)`
    /// (here the lock is held elsewhere and never released, so it times out):
    ///
    /// ```
    /// use std::time::{Duration, Instant};
    /// use gilt::runtime::interrupt::InterruptCheck;
    /// use parking_lot::{Condvar, Mutex};
    ///
    /// let (locked, released) = (Mutex::new(true), Condvar::new());
    /// let check = InterruptCheck::never(); // thread.interrupt_check() in the VM
    /// let deadline = Some(Instant::now() + Duration::from_millis(20));
    /// let mut guard = locked.lock();
    /// let got = check.wait_until(deadline, |slice| {
    ///     if *guard {
    ///         released.wait_for(&mut guard, slice);
    ///     }
    ///     !*guard
    /// });
    /// assert_eq!(got, Ok(false)); // Ok(true): take it; Err(Interrupted): raise
    /// ```
    ///
    /// A join is the same with "the thread's result is present" as the
    /// condition, a queue get with "the queue is non-empty".
    pub fn wait_until(
        &self,
        deadline: Option<Instant>,
        mut wait: impl FnMut(Duration) -> bool,
    ) -> Result<bool, Interrupted> {
        loop {
            if self.take_pending_interrupt() {
                return Err(Interrupted);
            }
            let slice = match deadline {
                None => self.slice(),
                Some(deadline) => deadline.saturating_duration_since(Instant::now()).min(self.slice()),
            };
            if wait(slice) {
                return Ok(true);
            }
            if deadline.is_some_and(|deadline| Instant::now() >= deadline) {
                return Ok(false);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::gil::{BlockKind, BreakerAction, GilConfig};

    #[test]
    fn only_the_main_thread_is_interrupted() {
        let gil = Gil::new(GilConfig::default());
        let mut main = gil.register_main_thread("MainThread");
        let mut other = gil.register_thread("Thread-1");
        other.acquire();
        gil.interrupt_main();
        assert!(gil.breaker_set());
        assert_eq!(other.handle_breaker(), BreakerAction::Continue);
        assert!(!other.interrupt_check().take_pending_interrupt());
        other.exit();
        main.acquire();
        assert_eq!(main.handle_breaker(), BreakerAction::RaiseKeyboardInterrupt);
        assert!(!gil.breaker_set());
        assert_eq!(main.handle_breaker(), BreakerAction::Continue);
    }

    #[test]
    fn sleep_and_waits_are_cut_short() {
        let gil = Gil::new(GilConfig::default());
        let mut main = gil.register_main_thread("MainThread");
        main.acquire();
        let check = main.interrupt_check();
        let g = Arc::clone(&gil);
        let start = Instant::now();
        let t = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(100));
            g.interrupt_main();
        });
        let r = main.allow_threads(BlockKind::Sleep, || check.interruptible_sleep(Duration::from_secs(10)));
        t.join().unwrap();
        assert_eq!(r, Err(Interrupted));
        assert!(start.elapsed() < Duration::from_secs(2));
        // The wait consumed the interrupt; the leftover bit is cleared quietly.
        assert_eq!(main.handle_breaker(), BreakerAction::Continue);
        // Deadlines and non-blocking tries.
        let never = InterruptCheck::never();
        let past = Some(Instant::now());
        assert_eq!(never.wait_until(past, |_| false), Ok(false));
        assert_eq!(never.wait_until(past, |_| true), Ok(true));
        let soon = Some(Instant::now() + Duration::from_millis(30));
        assert_eq!(
            check.wait_until(soon, |s| {
                std::thread::sleep(s);
                false
            }),
            Ok(false)
        );
    }

    #[test]
    fn a_real_sigint_reaches_the_main_thread() {
        let gil = Gil::new(GilConfig::default());
        let mut main = gil.register_main_thread("MainThread");
        main.acquire();
        let handler = install_sigint_handler(&gil).expect("install handler");
        signal_hook::low_level::raise(SIGINT).expect("raise SIGINT");
        assert!(gil.breaker_set());
        assert_eq!(main.handle_breaker(), BreakerAction::RaiseKeyboardInterrupt);
        drop(handler);
    }
}
