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
}

/// A generator, coroutine or async generator object.
pub struct Generator {
    pub kind: GenKind,
    pub name: Arc<PyStr>,
    pub qualname: Arc<PyStr>,
    pub state: super::spinlock::SpinLock<GenState>,
}

impl Drop for Generator {
    /// A coroutine dropped before it ever ran warns, as CPython does (the
    /// creation site is not recorded, so the location is CPython's `sys:1`).
    fn drop(&mut self) {
        if self.kind != GenKind::Coroutine {
            return;
        }
        let st = self.state.get_mut();
        if !st.awaited && st.frame.as_ref().is_some_and(|f| f.pc == 0) {
            use std::io::Write;
            let _ = std::io::stdout().flush();
            eprintln!("sys:1: RuntimeWarning: coroutine '{}' was never awaited", self.qualname.as_str());
        }
    }
}
