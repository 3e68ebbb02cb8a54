//! Generators and coroutines: a suspended frame waiting to be resumed.

use std::sync::Arc;

use parking_lot::Mutex;

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
    pub state: Mutex<GenState>,
}
