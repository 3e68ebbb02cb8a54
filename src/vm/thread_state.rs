//! Per-thread VM plumbing: creating a `Vm`, the GIL's eval-breaker hook,
//! context managers and writing to sys.stdout.

use std::sync::Arc;

use super::eval::Exit;
use super::frame::Frame;
use super::{PyErr, PyResult, Vm};
use crate::bytecode::CodeObject;
use crate::object::value::Value;
use crate::runtime::gil::{BreakerAction, GilThread};

impl Vm {
    /// A VM for one OS thread over a shared runtime.
    pub fn new(rt: Arc<super::Runtime>, gil: Option<GilThread>, is_main: bool) -> Vm {
        let dummy = rt.empty_code.clone();
        let tick = rt.gil.policy_needs_per_instruction();
        let ident = rt.next_thread_ident.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let globals = rt.builtins.clone();
        let profile = rt.config.profile.as_ref().map(|p| p.thread(gil.as_ref()));
        // This thread's new containers raise the collector's bit.
        crate::object::gc::attach_thread(Some(rt.gil.clone()), rt.gc.thresholds()[0]);
        let ident = 0x7f00_0000_0000 + ident * 0x1000;
        let frame_slot = rt.thread_frames.register(ident);
        if is_main {
            // The main VM is made on the thread it runs on.
            frame_slot.note_os_thread();
        }
        Vm {
            frame_slot,
            frame_serial: 0,
            top_frame_obj: None,
            frame: Box::new(Frame::new(dummy, globals)),
            frames: Vec::new(),
            native_depth: 0,
            gil,
            tick_every_instruction: tick,
            is_main_thread: is_main,
            ident,
            reraising: false,
            repr_guard: Vec::new(),
            data_depth: 0,
            pending_throw: None,
            finalizing: false,
            coro_origin_depth: 0,
            tracing: None,
            at_thread_end: Vec::new(),
            frame_pool: Vec::new(),
            class_ns: Vec::new(),
            cache: Box::default(),
            profile,
            context: Value::None,
            rt,
        }
    }

    /// Runs a module-level code object with the given globals.
    pub fn run_code(&mut self, code: Arc<CodeObject>, globals: Arc<crate::object::dict::Dict>) -> PyResult {
        let frame = Box::new(Frame::new(code, globals));
        self.run_to_return(frame)
    }

    /// Called when the eval breaker is set: honours GIL drop requests and Ctrl-C.
    pub fn handle_breaker(&mut self) -> PyResult<()> {
        // Finalizers first, before a GIL hand-off: with the GIL on, the
        // thread that dropped the objects is the one that runs them.
        if self.rt.finalizers.is_pending() && !self.finalizing {
            self.run_finalizers();
        }
        if self.rt.gil.bit_is_set(crate::runtime::gil::BreakerBit::GC) {
            self.gc_safe_point();
        }
        self.answer_frames_request();
        if let Some(g) = self.gil.as_mut()
            && g.handle_breaker() == BreakerAction::RaiseKeyboardInterrupt
        {
            // SIGINT's Python handler decides (KeyboardInterrupt by default).
            return crate::stdlib::mod_signal::sigint_arrived(self);
        }
        Ok(())
    }

    /// A wait in the main thread was cut short by a signal: runs the
    /// pending signals' Python handlers (SIGINT's raises KeyboardInterrupt
    /// by default). `Ok`: the wait may go on.
    pub fn run_signal_handlers(&mut self) -> PyResult<()> {
        crate::stdlib::mod_signal::sigint_arrived(self)
    }

    /// Per-instruction hook for the `ticks=N` / `instr=N` switch policies.
    /// Also the hook of `sys.settrace` / `sys.setprofile`, which turn the
    /// tick on while they are set.
    pub fn tick_instruction(&mut self, pc: usize) -> PyResult<()> {
        if let Some(g) = self.gil.as_mut() {
            g.count_instruction();
        }
        if self.tracing.is_some() {
            self.trace_tick(pc)?;
        }
        Ok(())
    }

    /// Runs a blocking operation with the GIL released.
    /// The stack is published for other threads' `sys._current_frames()`
    /// while the call lasts.
    pub fn allow_threads<R>(&mut self, kind: crate::runtime::gil::BlockKind, f: impl FnOnce() -> R) -> R {
        self.publish_blocked();
        let r = match self.gil.as_mut() {
            Some(g) => g.allow_threads(kind, f),
            None => f(),
        };
        self.unpublish_blocked();
        r
    }

    /// `with cm:` entry: returns (bound `__exit__`, result of `__enter__`).
    pub fn enter_context(&mut self, cm: &Value) -> PyResult<(Value, Value)> {
        let cls = self.class_of(cm);
        let (Some(enter), Some(exit)) = (cls.lookup("__enter__"), cls.lookup("__exit__")) else {
            let tn = self.type_name(cm);
            let missing = if cls.lookup("__enter__").is_none() { "" } else { "/__exit__" };
            let _ = missing;
            return Err(self.type_error(&format!("'{tn}' object does not support the context manager protocol")));
        };
        let exit_bound = self.descr_get(&exit, cm, &cls)?;
        let entered = self.call_method_value(&enter, cm.clone(), vec![])?;
        Ok((exit_bound, entered))
    }

    /// Writes to `sys.stdout` (whatever object it currently is).
    pub fn write_stdout(&mut self, s: &str) -> PyResult<()> {
        let out = self.sys_attr("stdout");
        match out {
            Some(o) => {
                self.call_method(&o, "write", vec![Value::str(s)])?;
                Ok(())
            }
            None => {
                use std::io::Write;
                let _ = std::io::stdout().write_all(s.as_bytes());
                Ok(())
            }
        }
    }

    /// An attribute of the `sys` module, if it is loaded.
    pub fn sys_attr(&self, name: &str) -> Option<Value> {
        match self.rt.modules.get_item_str("sys") {
            Some(Value::Module(m)) => m.dict.get_item_str(name),
            _ => None,
        }
    }

    /// Pushes `frame` and raises `err` inside it at once (for `gen.throw`).
    pub fn run_pushed_with_error(&mut self, frame: Box<Frame>, err: PyErr) -> (PyResult<Exit>, Box<Frame>) {
        self.pending_throw = Some(err);
        self.run_pushed(frame)
    }
}
