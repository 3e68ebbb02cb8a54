//! Generators and coroutines: a suspended frame waiting to be resumed.

use std::sync::Arc;

use super::str::PyStr;
use crate::vm::frame::Frame;

/// Which flavour of suspended function this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

/// The mutable part of a generator.
pub struct GenState {
    /// The suspended frame; `None` while running or once finished.
    pub frame: Option<Box<Frame>>,
    pub running: bool,
    pub finished: bool,
    /// For coroutines: whether anyone ever awaited it (for the warning).
    pub awaited: bool,
    /// While running: the address of its frame's box on the running
    /// thread's stack, so `gi_frame` can find the live frame (0 otherwise).
    pub running_frame: usize,
}

/// A generator, coroutine or async generator object.
pub struct Generator {
    pub kind: GenKind,
    pub name: Arc<PyStr>,
    pub qualname: Arc<PyStr>,
    /// The code object it runs (`gi_code`), kept after the frame is gone.
    pub code: Arc<crate::bytecode::CodeObject>,
    pub state: super::spinlock::SpinLock<GenState>,
    /// Where to queue the generator if it is dropped while suspended inside
    /// a `try`/`with` block, so that it gets closed (see `object/finalize.rs`).
    /// `None` on the copy that is being finalized: it is closed only once.
    pub finalizers: Option<Arc<super::finalize::Finalizers>>,
    /// A coroutine's `cr_origin`: ((filename, lineno, function), …) of the
    /// frames that created it, innermost first, when origin tracking was on.
    pub origin: Option<super::value::Value>,
}

impl Generator {
    /// Whether closing this generator would run code: it is a plain
    /// generator, started, suspended inside a `try`/`with` block.
    pub fn needs_close(kind: GenKind, st: &GenState) -> bool {
        kind == GenKind::Generator && !st.running && st.frame.as_ref().is_some_and(|f| f.pc > 0 && !f.blocks.is_empty())
    }

    /// Whether dropping this generator must warn: a coroutine that never
    /// started and that nobody awaited, closed or threw into (CPython's
    /// `coroutine 'f' was never awaited`).
    pub fn never_awaited(kind: GenKind, st: &GenState) -> bool {
        kind == GenKind::Coroutine && !st.awaited && !st.running && st.frame.as_ref().is_some_and(|f| f.pc == 0)
    }

    /// Whether dropping this generator runs something (see `Drop`).
    pub fn has_finalizer(kind: GenKind, st: &GenState) -> bool {
        Self::needs_close(kind, st) || Self::never_awaited(kind, st)
    }
}

impl Drop for Generator {
    /// A generator abandoned inside a `try`/`with` block is queued to be
    /// closed at the next safe point (its `finally`/`__exit__` must run, as
    /// in CPython, or a lock taken by `with lock:` stays held forever).
    /// A coroutine dropped before it ever ran is queued too: its finalizer
    /// warns through `warnings` (see `Vm::warn_unawaited`), as CPython's.
    fn drop(&mut self) {
        let st = self.state.get_mut();
        if Self::has_finalizer(self.kind, st)
            && let Some(q) = self.finalizers.take()
        {
            let copy = Generator {
                kind: self.kind,
                name: self.name.clone(),
                qualname: self.qualname.clone(),
                code: self.code.clone(),
                state: super::spinlock::SpinLock::new(GenState {
                    frame: st.frame.take(),
                    running: false,
                    finished: false,
                    awaited: st.awaited,
                    running_frame: 0,
                }),
                finalizers: None,
                origin: self.origin.take(),
            };
            q.push(super::value::Value::Generator(Arc::new(copy)));
        }
    }
}
