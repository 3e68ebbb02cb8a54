//! Per-module import locks, as CPython's `_ModuleLock`: while one thread
//! runs a module's body, another thread importing the same module waits
//! until it is done instead of getting the half-built module. The thread
//! running the body may import it again (a circular import) and gets the
//! partial module at once. When waiting would close a cycle — thread A
//! initialising `a` waits for `b`, whose initialising thread B waits for `a`
//! — the thread that would close it gets the partial module, as CPython's
//! `_DeadlockError` path does.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::ThreadId;

use parking_lot::{Condvar, Mutex};

/// Which thread initialises which module, and who waits for what.
#[derive(Default)]
pub struct ImportLocks {
    state: Mutex<ImportState>,
    done: Condvar,
    /// Modules being initialised: lets the common case skip the lock.
    busy: AtomicUsize,
}

#[derive(Default)]
struct ImportState {
    /// Module name → the thread initialising it.
    owners: HashMap<String, ThreadId>,
    /// Thread → the module it is waiting for.
    waiting: HashMap<ThreadId, String>,
}

/// The import-lock table, locked across a `fork()`.
pub struct ImportForkLock<'a>(parking_lot::MutexGuard<'a, ImportState>, &'a AtomicUsize);

impl ImportForkLock<'_> {
    /// In the child: imports that other threads were running will never
    /// finish, so their modules are free again (CPython resets its import
    /// lock in the child too).
    pub fn child(mut self) {
        let me = std::thread::current().id();
        self.0.owners.retain(|_, t| *t == me);
        self.0.waiting.clear();
        self.1.store(self.0.owners.len(), Ordering::Release);
    }
}

/// What [`ImportLocks::claim`] decided.
pub enum Claim {
    /// This thread now initialises the module; call [`ImportLocks::release`] after.
    Owner,
    /// Another thread finished (or failed) initialising it meanwhile: look again.
    Retry,
    /// This thread already initialises it, or waiting would deadlock: use what is in sys.modules.
    Partial,
}

impl ImportLocks {
    /// True when no module is being initialised by any thread.
    pub fn idle(&self) -> bool {
        self.busy.load(Ordering::Acquire) == 0
    }

    /// True when `name` is being initialised by a thread other than this one.
    pub fn initialising_elsewhere(&self, name: &str) -> bool {
        if self.idle() {
            return false;
        }
        let me = std::thread::current().id();
        self.state.lock().owners.get(name).is_some_and(|t| *t != me)
    }

    /// Takes the lock of `name`, or waits for the thread that has it
    /// (`block` runs the wait with the GIL released).
    pub fn claim(&self, name: &str, block: &mut dyn FnMut(&dyn Fn())) -> Claim {
        let me = std::thread::current().id();
        let mut st = self.state.lock();
        match st.owners.get(name) {
            None => {
                st.owners.insert(name.to_string(), me);
                self.busy.fetch_add(1, Ordering::AcqRel);
                return Claim::Owner;
            }
            Some(t) if *t == me => return Claim::Partial,
            Some(_) => {}
        }
        if Self::would_deadlock(&st, me, name) {
            return Claim::Partial;
        }
        st.waiting.insert(me, name.to_string());
        drop(st);
        block(&|| {
            let mut st = self.state.lock();
            while st.owners.get(name).is_some_and(|t| *t != me) {
                self.done.wait(&mut st);
            }
        });
        self.state.lock().waiting.remove(&me);
        Claim::Retry
    }

    /// Follows "owner of the module I wait for waits for …": a cycle back
    /// to `me` means nobody could ever go on.
    fn would_deadlock(st: &ImportState, me: ThreadId, name: &str) -> bool {
        let mut module = name.to_string();
        for _ in 0..=st.owners.len() {
            let Some(owner) = st.owners.get(&module) else { return false };
            if *owner == me {
                return true;
            }
            match st.waiting.get(owner) {
                Some(m) => module = m.clone(),
                None => return false,
            }
        }
        false
    }

    /// Locks the table for a `fork()`; drop the lock in the parent, call
    /// [`ImportForkLock::child`] in the child.
    pub fn lock_for_fork(&self) -> ImportForkLock<'_> {
        ImportForkLock(self.state.lock(), &self.busy)
    }

    /// Ends this thread's initialisation of `name` and wakes its waiters.
    pub fn release(&self, name: &str) {
        let mut st = self.state.lock();
        if st.owners.remove(name).is_some() {
            self.busy.fetch_sub(1, Ordering::AcqRel);
        }
        drop(st);
        self.done.notify_all();
    }
}
