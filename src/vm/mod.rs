//! The virtual machine: a per-thread `Vm` running frames over a shared
//! `Runtime` (types, modules, the GIL).

pub mod args;
pub mod async_ops;
pub mod attr;
mod bind_fast;
mod bytes_format;
pub mod c_standin;
pub mod cache;
pub mod call;
mod class_assign;
pub mod class_attr;
pub mod class_build;
pub mod containers;
pub mod context;
pub mod convert;
pub mod eval;
mod eval_calls;
pub mod exc;
mod exc_star;
pub mod fastcall;
pub mod finalize;
pub mod frame;
pub mod frameobj;
pub mod func_attr;
pub mod gc_collect;
pub mod guard;
pub mod import;
pub mod import_find;
pub mod import_lock;
pub mod import_verbose;
pub mod inline;
pub mod inline_attr;
pub mod iter;
mod memory;
mod module_attr;
mod module_repr;
pub mod numeric;
pub mod ops;
mod pattern;
pub mod profile_hooks;
pub mod quick_ops;
pub mod runtime;
pub mod shutdown;
pub mod slicing;
pub mod slots;
pub mod source_lines;
mod suggest;
pub mod tb_chain;
pub mod thread_frames;
pub mod thread_local;
pub mod thread_state;
pub mod traceback;
pub mod tracing;
mod warn;

use std::sync::Arc;

pub use args::Args;
pub use runtime::Runtime;

use crate::object::class::Instance;
use crate::object::value::Value;
use frame::Frame;

impl Vm {
    /// The `__prepare__` mapping standing behind the current frame's locals
    /// dict, if the frame is a class body over one (see `class_ns`).
    #[inline]
    pub fn ns_mapping(&self) -> Option<Value> {
        if self.class_ns.is_empty() {
            return None;
        }
        let d = self.frame.locals_dict.as_ref()?;
        let at = Arc::as_ptr(d) as usize;
        self.class_ns.iter().rev().find(|(p, _)| *p == at).map(|(_, m)| m.clone())
    }

    /// A frame for `code` with all locals unbound, recycled from the pool when possible.
    pub fn alloc_frame(
        &mut self,
        code: Arc<crate::bytecode::CodeObject>,
        globals: Arc<crate::object::dict::Dict>,
    ) -> Box<Frame> {
        self.alloc_frame_with(code, globals, std::iter::empty())
    }

    /// A frame whose first locals are `args` (the rest unbound).
    #[inline]
    pub fn alloc_frame_with(
        &mut self,
        code: Arc<crate::bytecode::CodeObject>,
        globals: Arc<crate::object::dict::Dict>,
        args: impl Iterator<Item = Value>,
    ) -> Box<Frame> {
        let mut f = match self.frame_pool.pop() {
            Some(mut f) => {
                f.reset(&code, &globals);
                f
            }
            None => Box::new(Frame::new_unfilled(code, globals)),
        };
        f.fill_locals(args);
        f.serial = self.next_frame_serial();
        f
    }

    /// The number of a new activation (`Frame::serial`; never 0).
    #[inline]
    pub fn next_frame_serial(&mut self) -> u32 {
        self.frame_serial = self.frame_serial.wrapping_add(1).max(1);
        self.frame_serial
    }

    /// Returns a finished frame to the pool.
    pub fn recycle_frame(&mut self, mut f: Box<Frame>) {
        if self.frame_pool.len() < 64 {
            f.stack.clear();
            f.locals.clear();
            if !f.cells.is_empty() {
                f.cells = Box::default();
            }
            f.blocks.clear();
            f.handled.clear();
            f.locals_dict = None;
            f.return_override = None;
            self.frame_pool.push(f);
        }
    }
}

/// A raised Python exception (always an instance of BaseException).
#[derive(Clone)]
pub struct PyErr {
    pub exc: Arc<Instance>,
}

impl PyErr {
    pub fn value(&self) -> Value {
        Value::Instance(self.exc.clone())
    }
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyErr({})", self.exc.class.name().as_str())
    }
}

/// The result of anything that may raise.
pub type PyResult<T = Value> = Result<T, PyErr>;

/// One thread's interpreter: its frames and its view of the runtime. Python
/// calls push frames onto `frames` instead of recursing on the Rust stack.
pub struct Vm {
    pub rt: Arc<Runtime>,
    /// The frame being executed.
    pub frame: Box<Frame>,
    /// Its callers, outermost first.
    pub frames: Vec<Box<Frame>>,
    /// Nesting of Rust-level re-entries into the interpreter (native code
    /// calling back into Python), bounded so the Rust stack cannot overflow.
    pub native_depth: usize,
    /// This thread's GIL handle (None before the runtime's lock exists).
    pub gil: Option<crate::runtime::gil::GilThread>,
    /// Whether the current switch policy needs a per-instruction tick.
    pub tick_every_instruction: bool,
    /// True for the process's main thread (receives KeyboardInterrupt).
    pub is_main_thread: bool,
    /// Thread ident as reported by threading.get_ident().
    pub ident: i64,
    /// Set by a re-raise so the traceback gets no duplicate entry.
    pub reraising: bool,
    /// Containers being repr'd (to print `[...]` for self-references).
    pub repr_guard: Vec<i64>,
    /// Levels of Rust recursion over user data (comparison, repr, hash)
    /// now active; they count against the recursion limit with the frames.
    pub data_depth: usize,
    /// LoadGlobal / LoadMethod caches of this thread.
    pub cache: Box<cache::LookupCache>,
    /// Finished frames kept for reuse, so a call allocates nothing.
    pub frame_pool: Vec<Box<Frame>>,
    /// Class bodies running over a `__prepare__` mapping that is not a plain
    /// dict: (address of the frame's placeholder `locals_dict`, mapping).
    /// Name operations of such a body go through the mapping's methods.
    pub class_ns: Vec<(usize, Value)>,
    /// An exception to raise in the next frame run (generator `throw`).
    pub pending_throw: Option<PyErr>,
    /// This thread's `--profile` state (None: not profiling).
    pub profile: Option<crate::runtime::profile::ThreadProfile>,
    /// Running queued finalizers (they do not nest: see `vm/finalize.rs`).
    pub finalizing: bool,
    /// `sys.set_coroutine_origin_tracking_depth`: how many of the creating
    /// frames a new coroutine records as its `cr_origin` (per thread, as
    /// CPython's; 0 records nothing).
    pub coro_origin_depth: u32,
    /// `sys.settrace` / `sys.setprofile` state (None: neither is set).
    pub tracing: Option<Box<tracing::TraceState>>,
    /// Work for this thread's end (`_thread._local` dicts, `_set_sentinel`
    /// locks), run by the thread's epilogue (`thread_local.rs`).
    pub at_thread_end: Vec<thread_local::EndHook>,
    /// Where this thread publishes its stack for other threads
    /// (`sys._current_frames`, see `thread_frames.rs`).
    pub frame_slot: Arc<thread_frames::FrameSlot>,
    /// The numbering of activations (`Frame::serial`).
    pub frame_serial: u32,
    /// The frame object last made for an innermost frame: (frame address,
    /// serial, object), so `sys._getframe() is sys._getframe()` as in CPython.
    pub top_frame_obj: Option<(usize, u32, std::sync::Weak<frameobj::FrameObj>)>,
    /// The current `contextvars.Context` (None: none made yet); see `context.rs`.
    pub context: Value,
}
