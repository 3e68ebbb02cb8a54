//! Python functions, built-in functions and bound methods.

use std::sync::Arc;
use std::sync::atomic::{AtomicPtr, Ordering};

use parking_lot::Mutex;

use super::dict::Dict;
use super::str::PyStr;
use super::value::Value;
use crate::bytecode::CodeObject;
use crate::vm::{Args, PyResult, Vm};

/// A closure cell: a variable shared between a function and the functions
/// nested in it. `None` = not yet bound.
pub struct Cell(pub crate::object::spinlock::SpinLock<Option<Value>>);

impl Cell {
    pub fn new(v: Option<Value>) -> Cell {
        Cell(crate::object::spinlock::SpinLock::new(v))
    }
    pub fn get(&self) -> Option<Value> {
        self.0.lock().clone()
    }
    pub fn set(&self, v: Option<Value>) {
        *self.0.lock() = v;
    }
}

/// Keyword-only parameter defaults: (name, value) in definition order.
pub type KwDefaults = Vec<(Arc<PyStr>, Value)>;

/// A function defined in Python: code plus the environment it closes over.
pub struct Function {
    /// `__code__`: read on every call, replaced by `f.__code__ = g.__code__`.
    pub code: CodeSlot,
    pub globals: Arc<Dict>,
    /// Defaults of the last positional parameters (`__defaults__`, writable;
    /// a call takes a snapshot of the `Arc`).
    pub defaults: Mutex<Arc<Vec<Value>>>,
    /// Defaults of keyword-only parameters, by name (`__kwdefaults__`).
    pub kwdefaults: Mutex<Arc<KwDefaults>>,
    pub closure: Vec<Arc<Cell>>,
    pub name: Mutex<Arc<PyStr>>,
    pub qualname: Mutex<Arc<PyStr>>,
    pub doc: Mutex<Value>,
    pub module: Mutex<Value>,
    /// `__annotations__`: made by the `def` when it has annotations, or
    /// empty on first read.
    pub annotations: Mutex<Option<Value>>,
    /// Attributes set on the function (`f.calls = 0`, `__wrapped__`, …).
    pub dict: Arc<Dict>,
}

/// A function's code object, which Python may replace (`f.__code__ = …`,
/// as `types.coroutine` does) while other threads read it without a lock.
///
/// Reads give `&Arc<CodeObject>` (through `Deref`), so the slot keeps every
/// code object it ever held alive until the function dies: a reader's
/// reference can never dangle, and replacing code is rare enough that the
/// few kept objects do not matter.
pub struct CodeSlot {
    current: AtomicPtr<Arc<CodeObject>>,
    /// Owns every box `current` ever pointed to (boxes never move, Vec items would).
    #[allow(clippy::vec_box)]
    held: Mutex<Vec<Box<Arc<CodeObject>>>>,
}

impl CodeSlot {
    pub fn new(code: Arc<CodeObject>) -> CodeSlot {
        let mut b = Box::new(code);
        let p: *mut Arc<CodeObject> = &mut *b;
        CodeSlot { current: AtomicPtr::new(p), held: Mutex::new(vec![b]) }
    }

    /// Makes `code` the function's code for the calls that start from now on.
    pub fn set(&self, code: Arc<CodeObject>) {
        let mut held = self.held.lock();
        let mut b = Box::new(code);
        let p: *mut Arc<CodeObject> = &mut *b;
        held.push(b);
        self.current.store(p, Ordering::Release);
    }
}

impl std::ops::Deref for CodeSlot {
    type Target = Arc<CodeObject>;
    fn deref(&self) -> &Arc<CodeObject> {
        // SAFETY: `current` always points into a box owned by `held`, and
        // boxes are only dropped with the slot itself, which outlives `&self`.
        unsafe { &*self.current.load(Ordering::Acquire) }
    }
}

/// The Rust signature every built-in function has.
pub type NativeFn = dyn Fn(&mut Vm, Args) -> PyResult + Send + Sync;

/// A function implemented in Rust.
pub struct NativeFunction {
    pub name: Arc<str>,
    pub func: Box<NativeFn>,
    /// For methods of built-in types: the class they belong to (for errors and repr).
    pub owner: Option<Arc<str>>,
    /// Set on the few built-ins the dispatch loop may run inline.
    pub fast: Option<FastCall>,
    /// The native module that created the function (its `__module__`), stamped once when
    /// the module is first imported, so a re-export (`codecs.encode` is `_codecs.encode`)
    /// keeps naming the module that defines it, as pickle's `whichmodule` expects.
    pub module: std::sync::OnceLock<Arc<str>>,
}

impl NativeFunction {
    /// A module's function (`len`, `math.floor`, `os.getpid`), stamped when its module was
    /// created: CPython's `builtin_function_or_method`, which has no `__get__`, so one stored
    /// on a class is never bound (`__floor__ = math.floor` gets no instance). Methods of
    /// built-in types (`list.append`, a native class's own functions) are descriptors: they bind.
    #[inline]
    pub fn is_module_function(&self) -> bool {
        self.owner.is_none() && self.module.get().is_some()
    }
}

/// Built-ins the dispatch loop runs inline when their arguments are of
/// the usual built-in types (as CPython 3.11 specialises calls of `len`,
/// `isinstance` and `list.append`): no argument vector and no reference
/// counting on the arguments. Any other case calls the function itself,
/// so the inline path never decides anything the function would not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FastCall {
    Len,
    Isinstance,
    ListAppend,
    DictGet,
}

/// A function bound to the object it was looked up on (`obj.method`).
pub struct BoundMethod {
    pub receiver: Value,
    pub func: Value,
}
