//! Keeping Rust failures away from the user: a panic is caught where Python
//! code runs and becomes a `SystemError`, and recursion that follows user
//! data (comparison, repr, hashing, …) is bounded by the recursion limit and
//! by the room left on the OS thread's stack, so it ends in `RecursionError`
//! instead of a stack overflow (which would abort the process).

use std::any::Any;
use std::cell::Cell;
use std::panic::AssertUnwindSafe;

use super::{PyErr, PyResult, Vm};

/// Stack that must stay free below the current frame when a guarded
/// recursion goes one level deeper: the deepest non-recursive work a level
/// does (formatting, a nested Python call's first frames) fits in it.
const STACK_MARGIN: usize = 1 << 20;

thread_local! {
    /// How many [`catch`] calls are active on this thread: a panic inside
    /// one is reported as a Python exception, so the hook stays silent.
    static CATCHING: Cell<usize> = const { Cell::new(0) };
    /// Lowest usable address of this thread's stack (0: not asked yet).
    static STACK_LO: Cell<usize> = const { Cell::new(0) };
}

/// Installs the process's panic hook (once; later calls do nothing). A panic
/// that a [`catch`] will turn into a `SystemError` prints nothing: the
/// message travels in the exception. Developers get Rust's report back with
/// `RUST_BACKTRACE=1`; a panic outside any catch is reported as Rust does.
pub fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let caught = CATCHING.with(|c| c.get() > 0);
            let developer = std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0");
            if !caught || developer {
                default(info);
            }
        }));
    });
}

/// Runs `f`; a panic inside it is returned as its message.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    CATCHING.with(|c| c.set(c.get() + 1));
    let r = std::panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(c.get() - 1));
    r.map_err(|p| panic_message(p.as_ref()))
}

fn panic_message(p: &(dyn Any + Send)) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

/// True when this thread's stack has less than [`STACK_MARGIN`] left: a
/// recursion must stop here. Costs one comparison after the first call.
pub fn stack_low() -> bool {
    // A real local (a `&0u8` literal would point into the binary's data).
    let probe = 0u8;
    let here = std::hint::black_box(&probe) as *const u8 as usize;
    let lo = STACK_LO.with(|c| {
        if c.get() == 0 {
            c.set(query_stack_lo().unwrap_or(1));
        }
        c.get()
    });
    lo > 1 && here < lo.saturating_add(STACK_MARGIN)
}

/// The lowest address of the calling thread's stack, from pthreads.
fn query_stack_lo() -> Option<usize> {
    // SAFETY: `attr` is initialised by pthread_getattr_np before it is read
    // and destroyed once; the out-pointers point at live locals.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return None;
        }
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let r = libc::pthread_attr_getstack(&attr, &mut addr, &mut size);
        libc::pthread_attr_destroy(&mut attr);
        (r == 0 && !addr.is_null()).then_some(addr as usize)
    }
}

impl Vm {
    /// The `SystemError` a caught Rust panic becomes.
    pub fn internal_error(&self, msg: &str) -> PyErr {
        self.err("SystemError", &format!("internal error in gilt: {msg}"))
    }

    /// Runs `f` on this VM; a Rust panic inside becomes a `SystemError`
    /// raised here, and the VM's Rust-side nesting counters are put back to
    /// what they were (the unwinding skipped the code that restores them).
    pub fn catch_panics<T>(&mut self, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
        let (native, data, reprs) = (self.native_depth, self.data_depth, self.repr_guard.len());
        match catch(|| f(self)) {
            Ok(r) => r,
            Err(msg) => {
                self.native_depth = native;
                self.data_depth = data;
                self.repr_guard.truncate(reprs);
                Err(self.internal_error(&msg))
            }
        }
    }

    /// Enters one level of a recursion over user data (CPython's
    /// `Py_EnterRecursiveCall`): fails with `RecursionError` ("maximum
    /// recursion depth exceeded" + `what`) when the Python frames plus such
    /// levels reach `sys.getrecursionlimit()`, or the stack runs low. Pair
    /// every `Ok` with [`Vm::leave_recursion`].
    pub fn enter_recursion(&mut self, what: &str) -> PyResult<()> {
        let limit = self.rt.recursion_limit.load(std::sync::atomic::Ordering::Relaxed);
        if self.frames.len() + self.data_depth >= limit || stack_low() {
            return Err(self.recursion_error(what));
        }
        self.data_depth += 1;
        Ok(())
    }

    /// Leaves a level entered with [`Vm::enter_recursion`].
    pub fn leave_recursion(&mut self) {
        self.data_depth = self.data_depth.saturating_sub(1);
    }

    /// `RecursionError: maximum recursion depth exceeded{what}`.
    pub fn recursion_error(&self, what: &str) -> PyErr {
        self.err("RecursionError", &format!("maximum recursion depth exceeded{what}"))
    }

    /// Runs `f` one recursion level deeper (see [`Vm::enter_recursion`]).
    pub fn recursing<T>(&mut self, what: &str, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
        self.enter_recursion(what)?;
        let r = f(self);
        self.leave_recursion();
        r
    }
}
