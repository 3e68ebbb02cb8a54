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
//! The queue's own lock is a leaf: nothing is dropped or called under it.

use std::sync::Arc;

use parking_lot::Mutex;

use super::value::Value;
use crate::runtime::gil::{BreakerBit, Gil};

/// One runtime's pending finalizers, shared by every thread.
pub struct Finalizers {
    pending: Mutex<Vec<Value>>,
    gil: Arc<Gil>,
}

impl Finalizers {
    /// An empty queue that raises the breaker bit of `gil`.
    pub fn new(gil: Arc<Gil>) -> Arc<Finalizers> {
        Arc::new(Finalizers { pending: Mutex::new(Vec::new()), gil })
    }

    /// Queues an object whose last reference just went (called from `Drop`).
    pub fn push(&self, v: Value) {
        let mut q = self.pending.lock();
        q.push(v);
        // Under the queue's lock, so a concurrent `take` cannot clear the
        // bit after this push and leave the object stranded.
        self.gil.set_bit(BreakerBit::FINALIZE);
    }

    /// Takes everything queued so far (oldest first) and clears the bit.
    pub fn take(&self) -> Vec<Value> {
        let mut q = self.pending.lock();
        self.gil.clear_bit(BreakerBit::FINALIZE);
        std::mem::take(&mut *q)
    }

    /// Whether anything is waiting.
    pub fn is_pending(&self) -> bool {
        self.gil.bit_is_set(BreakerBit::FINALIZE)
    }
}
