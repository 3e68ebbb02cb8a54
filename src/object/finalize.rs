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

/// One queued object: who dropped it, and when.
struct Pending {
    thread: ThreadId,
    since: Instant,
    value: Value,
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
        let p = Pending { thread: std::thread::current().id(), since: Instant::now(), value };
        let mut q = self.pending.lock();
        q.push(p);
        // Under the queue's lock, so a concurrent `take` cannot clear the
        // bit after this push and leave the object stranded.
        self.gil.set_bit(BreakerBit::FINALIZE);
    }

    /// Takes, oldest first, what the calling thread dropped, plus what has
    /// waited too long for its own thread (everything when `all`); clears
    /// the bit once the queue is empty.
    pub fn take(&self, all: bool) -> Vec<Value> {
        let me = std::thread::current().id();
        let now = Instant::now();
        let mut q = self.pending.lock();
        let mine = |p: &Pending| all || p.thread == me || now.duration_since(p.since) >= ORPHAN_AFTER;
        let out: Vec<Value> = if q.iter().all(mine) {
            std::mem::take(&mut *q).into_iter().map(|p| p.value).collect()
        } else {
            let (take, keep): (Vec<Pending>, Vec<Pending>) = std::mem::take(&mut *q).into_iter().partition(mine);
            *q = keep;
            take.into_iter().map(|p| p.value).collect()
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
