//! The queue of objects waiting to be finalized (`__del__`, closing an
//! abandoned generator).
//!
//! Finalizers are Python code, and the last reference to an object can go
//! anywhere: inside a dict's lock, in the middle of a list resize, on a
//! thread that holds no GIL. So `Drop` never runs Python: it moves the
//! object's contents into a fresh object (a resurrection CPython would
//! recognise from PEP 442) and pushes that here. Pushing sets the
//! [`BreakerBit::FINALIZE`] bit, and the dispatch loop drains the queue at its
//! next safe point (`Vm::run_finalizers`), where no object lock is held.
//! Values move out of the queue before anything is dropped or called.
//! The queue's own lock is a leaf: nothing is dropped or called under it.

use std::sync::Arc;
use std::thread::ThreadId;
use std::time::{Duration, Instant};

use parking_lot::Mutex;

use super::value::Value;
use crate::runtime::gil::{BreakerBit, Gil};

/// How long an object may wait for the thread that dropped it before any
/// thread may finalize it (that thread may be blocked, or not a Python one).
const ORPHAN_AFTER: Duration = Duration::from_millis(20);

/// What to do for a queued object.
pub enum Job {
    /// Run the object's finalizer (`__del__`, or close the generator).
    Finalize(Value),
    /// The referent of this `weakref.ref` (a Python object) died: call its
    /// `__callback__` with it.
    WeakCallback(Value),
}

/// One queued job: who queued it, and when.
struct Pending {
    thread: ThreadId,
    since: Instant,
    job: Job,
}

/// One runtime's pending finalizers, shared by every thread. Each object is
/// finalized by the thread that dropped it (as in CPython, where `__del__`
/// runs in the thread that released the last reference), unless that
/// thread has not come for it within [`ORPHAN_AFTER`].
pub struct Finalizers {
    pending: Mutex<Vec<Pending>>,
    gil: Arc<Gil>,
}

impl Finalizers {
    /// An empty queue that raises the breaker bit of `gil`.
    pub fn new(gil: Arc<Gil>) -> Arc<Finalizers> {
        Arc::new(Finalizers { pending: Mutex::new(Vec::new()), gil })
    }

    /// Queues an object whose last reference just went (called from `Drop`).
    pub fn push(&self, value: Value) {
        self.push_job(Job::Finalize(value));
    }

    /// Queues a job (called from `Drop`).
    pub fn push_job(&self, job: Job) {
        let p = Pending { thread: std::thread::current().id(), since: Instant::now(), job };
        let mut q = self.pending.lock();
        q.push(p);
        // Under the queue's lock, so a concurrent `take` cannot clear the
        // bit after this push and leave the object stranded.
        self.gil.set_bit(BreakerBit::FINALIZE);
    }

    /// Takes, oldest first, what the calling thread dropped, plus what has
    /// waited too long for its own thread (everything when `all`); clears
    /// the bit once the queue is empty.
    pub fn take(&self, all: bool) -> Vec<Job> {
        let me = std::thread::current().id();
        let now = Instant::now();
        let mut q = self.pending.lock();
        let mine = |p: &Pending| all || p.thread == me || now.duration_since(p.since) >= ORPHAN_AFTER;
        let out: Vec<Job> = if q.iter().all(mine) {
            std::mem::take(&mut *q).into_iter().map(|p| p.job).collect()
        } else {
            let (take, keep): (Vec<Pending>, Vec<Pending>) = std::mem::take(&mut *q).into_iter().partition(mine);
            *q = keep;
            take.into_iter().map(|p| p.job).collect()
        };
        if q.is_empty() {
            self.gil.clear_bit(BreakerBit::FINALIZE);
        }
        out
    }

    /// Whether anything is waiting.
    pub fn is_pending(&self) -> bool {
        self.gil.bit_is_set(BreakerBit::FINALIZE)
    }
}

/// The `weakref.ref` objects (Python instances, held weakly) that refer to
/// one instance: when it dies, each one still alive gets its callback
/// queued. Hung on the instance on first use, so instances never weakly
/// referenced carry one empty slot.
pub struct WeakList {
    refs: Mutex<Vec<std::sync::Weak<super::class::Instance>>>,
    queue: Arc<Finalizers>,
}

impl WeakList {
    /// An empty list whose callbacks go to `queue`.
    pub fn new(queue: Arc<Finalizers>) -> WeakList {
        WeakList { refs: Mutex::new(Vec::new()), queue }
    }

    /// Records a `weakref.ref` object.
    pub fn add(&self, r: &Arc<super::class::Instance>) {
        let mut refs = self.refs.lock();
        if refs.len() >= 8 && refs.len().is_power_of_two() {
            refs.retain(|w| w.strong_count() > 0);
        }
        refs.push(Arc::downgrade(r));
    }

    /// The `weakref.ref` objects still alive, oldest first.
    pub fn live(&self) -> Vec<Arc<super::class::Instance>> {
        self.refs.lock().iter().filter_map(std::sync::Weak::upgrade).collect()
    }

    /// Drops the refs `dead` says are garbage themselves (the collector:
    /// their callbacks must not run).
    pub fn forget(&self, dead: impl Fn(&super::class::Instance) -> bool) {
        self.refs.lock().retain(|w| w.upgrade().is_some_and(|r| !dead(&r)));
    }

    /// The referent died: queue the callback of every live ref, newest first
    /// (CPython calls them in that order).
    pub fn referent_died(&self) {
        for r in self.live().into_iter().rev() {
            self.queue.push_job(Job::WeakCallback(Value::Instance(r)));
        }
    }
}
