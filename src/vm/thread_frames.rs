//! Other threads' frames (`sys._current_frames()`, `faulthandler`): what
//! each thread shows of its stack through its own [`FrameSlot`].
//!
//! A thread's frames live in its own `Vm` and change with every call, so no
//! other thread may read them while it runs Python. Two cases:
//! - a thread inside a blocking call (`Vm::allow_threads`) leaves only a
//!   pointer to its stack in its slot: the stack stays still until the call
//!   returns, and the thread takes the slot's lock to withdraw the pointer on
//!   the way out, so an asker holding that lock may copy the frames in place.
//!   Nothing is copied unless someone asks, so a blocking call costs two
//!   uncontended lock operations;
//! - a thread running Python copies its stack (code, globals, line, locals —
//!   [`FrameRec`]s) at the next eval-breaker check after an asker requested
//!   it (`BreakerBit::FRAMES_REQUEST`).
//!
//! The asker waits without the GIL and without any lock another thread
//! needs to answer, and never longer than [`ASK_TIMEOUT`]: with the GIL off
//! a thread busy in a long native computation cannot answer, and is left
//! out rather than waited for.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use super::Vm;
use super::frame::Frame;
use super::frameobj::{FrameObj, is_real_frame};
use crate::bytecode::CodeObject;
use crate::object::dict::Dict;
use crate::object::function::Cell;
use crate::object::value::Value;
use crate::runtime::gil::{BlockKind, BreakerBit};

/// How long an asker waits for the running threads to answer.
pub const ASK_TIMEOUT: Duration = Duration::from_millis(500);

/// One frame of a published stack.
pub struct FrameRec {
    pub code: Arc<CodeObject>,
    pub globals: Arc<Dict>,
    pub locals_dict: Option<Arc<Dict>>,
    pub line: u32,
    pub lasti: i64,
    pub locals: Vec<Option<Value>>,
    pub cells: Box<[Arc<Cell>]>,
    /// The exception its innermost `except` block handles.
    pub handled: Option<Value>,
}

/// Where a thread inside a blocking call left its stack: its `Vm`'s current
/// frame and callers, which do not change until the call returns.
#[derive(Clone, Copy)]
struct BlockedStack {
    frame: *const Frame,
    /// The `Vm`'s own stack type, pointed at, not copied.
    #[allow(clippy::vec_box)]
    frames: *const Vec<Box<Frame>>,
}

// SAFETY: the pointers are only dereferenced under the slot's lock while the
// owning thread is parked in its blocking call (it withdraws them under the
// same lock before it touches its frames again), and reading a frame only
// clones `Arc`s and `Value`s, which are thread-safe.
unsafe impl Send for BlockedStack {}

#[derive(Default)]
struct SlotState {
    /// Set while the thread is inside a blocking call.
    blocked: Option<BlockedStack>,
    /// Requests made by askers / answered by the thread (generations).
    requested: u64,
    answered: u64,
    /// The stack published for the last answered request (taken by the asker).
    answer: Option<Vec<FrameRec>>,
    /// The thread has finished running Python (it will not answer).
    gone: bool,
}

/// What one thread publishes of its stack.
#[derive(Default)]
pub struct FrameSlot {
    state: Mutex<SlotState>,
    changed: Condvar,
    /// The OS thread (`pthread_self`) running this Python thread, 0 until
    /// it starts: what `signal.pthread_kill` sends to.
    pthread: std::sync::atomic::AtomicU64,
}

impl FrameSlot {
    /// Records that the calling OS thread runs this slot's Python thread.
    pub fn note_os_thread(&self) {
        // SAFETY: pthread_self has no preconditions.
        let me = unsafe { libc::pthread_self() } as u64;
        self.pthread.store(me, std::sync::atomic::Ordering::Release);
    }
}

/// The runtime's table of thread slots, by thread ident.
#[derive(Default)]
pub struct ThreadFrames {
    slots: Mutex<HashMap<i64, Arc<FrameSlot>>>,
    /// One asker at a time (the breaker bit is theirs while they ask).
    asking: Mutex<()>,
}

impl ThreadFrames {
    /// Registers a new thread's slot.
    pub fn register(&self, ident: i64) -> Arc<FrameSlot> {
        let slot = Arc::new(FrameSlot::default());
        self.slots.lock().insert(ident, slot.clone());
        slot
    }

    /// The thread `ident` runs no more Python: askers stop waiting for it.
    pub fn unregister(&self, ident: i64, slot: &FrameSlot) {
        self.slots.lock().remove(&ident);
        {
            let mut st = slot.state.lock();
            st.gone = true;
            st.blocked = None;
        }
        slot.changed.notify_all();
    }

    /// The OS thread running the live Python thread `ident`, if any.
    pub fn pthread_of(&self, ident: i64) -> Option<libc::pthread_t> {
        let slot = self.slots.lock().get(&ident).cloned()?;
        match slot.pthread.load(std::sync::atomic::Ordering::Acquire) {
            0 => None,
            t => Some(t as libc::pthread_t),
        }
    }

    /// A thread that never started: its slot goes.
    pub fn slots_forget(&self, ident: i64) {
        self.slots.lock().remove(&ident);
    }

    /// Locks the table for a `fork()` (an asker in progress finishes
    /// first); drop it in the parent, call [`ForkLock::child`] in the child.
    pub fn lock_for_fork(&self) -> ForkLock<'_> {
        let asking = self.asking.lock();
        ForkLock { _asking: asking, slots: self.slots.lock() }
    }
}

/// The table, locked across a `fork()`.
pub struct ForkLock<'a> {
    _asking: parking_lot::MutexGuard<'a, ()>,
    slots: parking_lot::MutexGuard<'a, HashMap<i64, Arc<FrameSlot>>>,
}

impl ForkLock<'_> {
    /// In the child, where only the thread `ident` is left: a fresh slot
    /// for it (another thread may have held the old one's lock) and no
    /// other thread to wait for.
    pub fn child(mut self, ident: i64) -> Arc<FrameSlot> {
        let slot = Arc::new(FrameSlot::default());
        slot.note_os_thread();
        self.slots.clear();
        self.slots.insert(ident, slot.clone());
        slot
    }
}

/// Copies a stack (the callers, outermost first, then the current frame).
fn capture(frames: &[Box<Frame>], frame: &Frame) -> Vec<FrameRec> {
    let mut out = Vec::with_capacity(frames.len() + 1);
    for f in frames.iter().map(|b| &**b).chain(std::iter::once(frame)) {
        if !is_real_frame(f) {
            continue;
        }
        out.push(FrameRec {
            code: f.code.clone(),
            globals: f.globals.clone(),
            locals_dict: f.locals_dict.clone(),
            line: f.line(),
            lasti: f.pc as i64 - 1,
            locals: f.locals.clone(),
            cells: f.cells.clone(),
            handled: f.handled.last().cloned(),
        });
    }
    out
}

impl Vm {
    /// Copies this thread's stack, outermost frame first.
    fn capture_stack(&self) -> Vec<FrameRec> {
        capture(&self.frames, &self.frame)
    }

    /// Before a blocking call: where the stack is, for askers while the call
    /// lasts. The caller must not touch its frames until [`Self::unpublish_blocked`].
    pub(crate) fn publish_blocked(&self) {
        let at = BlockedStack { frame: &*self.frame, frames: &self.frames };
        self.frame_slot.state.lock().blocked = Some(at);
        // Only an asker waiting for this thread to answer needs waking.
        if self.rt.gil.bit_is_set(BreakerBit::FRAMES_REQUEST) {
            self.frame_slot.changed.notify_all();
        }
    }

    /// After a blocking call: the pointer is withdrawn (waiting for an asker
    /// still copying the frames), so the stack may change again.
    pub(crate) fn unpublish_blocked(&self) {
        self.frame_slot.state.lock().blocked = None;
    }

    /// At an eval-breaker check: answers a pending request.
    pub(crate) fn answer_frames_request(&self) {
        if !self.rt.gil.bit_is_set(BreakerBit::FRAMES_REQUEST) {
            return;
        }
        {
            let st = self.frame_slot.state.lock();
            if st.answered >= st.requested {
                return;
            }
        }
        let stack = self.capture_stack();
        {
            let mut st = self.frame_slot.state.lock();
            st.answered = st.requested;
            st.answer = Some(stack);
        }
        self.frame_slot.changed.notify_all();
    }

    /// The innermost frame object of a published stack, its callers
    /// chained by `f_back`.
    /// Also the exception the thread is handling (the innermost one).
    fn frames_from_recs(&self, recs: Vec<FrameRec>) -> Option<(Arc<FrameObj>, Option<Value>)> {
        let mut back = None;
        let mut exc = None;
        for mut r in recs {
            if let Some(e) = r.handled.take() {
                exc = Some(e);
            }
            back = Some(FrameObj::from_rec(self.rt.types.frame.clone(), r, back));
        }
        back.map(|f| (f, exc))
    }

    /// `sys._current_frames()` and `sys._current_exceptions()`: (thread
    /// ident, innermost frame, exception being handled) of every thread
    /// running Python, this one included.
    pub fn current_frames(&mut self) -> Vec<(i64, Arc<FrameObj>, Option<Value>)> {
        let mut out = Vec::new();
        let me = self.ident;
        if let Some(f) = self.frame_object(0) {
            out.push((me, f, self.current_handled()));
        }
        let rt = self.rt.clone();
        let got: Vec<(i64, Vec<FrameRec>)> = self.allow_threads(BlockKind::Lock, || {
            let Some(_asking) = rt.thread_frames.asking.try_lock_for(ASK_TIMEOUT * 4) else {
                return Vec::new();
            };
            let slots: Vec<(i64, Arc<FrameSlot>)> = {
                let m = rt.thread_frames.slots.lock();
                m.iter().filter(|(k, _)| **k != me).map(|(k, v)| (*k, v.clone())).collect()
            };
            let mut pending = Vec::new();
            for (id, s) in &slots {
                let mut st = s.state.lock();
                st.requested += 1;
                pending.push((*id, s.clone(), st.requested));
            }
            rt.gil.set_bit(BreakerBit::FRAMES_REQUEST);
            let deadline = Instant::now() + ASK_TIMEOUT;
            let mut got = Vec::new();
            for (id, s, want) in pending {
                let mut st = s.state.lock();
                loop {
                    if st.gone {
                        break;
                    }
                    if st.answered >= want
                        && let Some(a) = st.answer.take()
                    {
                        got.push((id, a));
                        break;
                    }
                    if let Some(at) = st.blocked {
                        // SAFETY: see `BlockedStack`: the thread stays parked
                        // in its call while this lock is held.
                        let copy = unsafe { capture(&*at.frames, &*at.frame) };
                        got.push((id, copy));
                        break;
                    }
                    if s.changed.wait_until(&mut st, deadline).timed_out() {
                        break;
                    }
                }
            }
            rt.gil.clear_bit(BreakerBit::FRAMES_REQUEST);
            got
        });
        for (id, recs) in got {
            if let Some((f, exc)) = self.frames_from_recs(recs) {
                out.push((id, f, exc));
            }
        }
        out
    }
}
