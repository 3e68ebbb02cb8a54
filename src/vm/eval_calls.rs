//! The calls the dispatch loop (`eval.rs`) makes without recursing on the
//! Rust stack: frames for simple Python calls and plain `__init__`s, the
//! generic call path, global lookups and `raise`.

use std::sync::Arc;

use super::cache::Site;
use super::frame::Frame;
use super::{Args, PyErr, PyResult, Vm};
use crate::object::value::Value;

impl Vm {
    pub(super) fn unbound_deref(&self, i: u32) -> PyErr {
        let code = &self.frame.code;
        let ncell = code.cellvars.len();
        let (name, free) = if (i as usize) < ncell {
            (code.cellvars[i as usize].clone(), false)
        } else {
            (code.freevars[i as usize - ncell].clone(), true)
        };
        if free {
            self.err(
                "NameError",
                &format!(
                    "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
                    name.as_str()
                ),
            )
        } else {
            self.err(
                "UnboundLocalError",
                &format!("cannot access local variable '{}' where it is not associated with a value", name.as_str()),
            )
        }
    }

    /// globals, then builtins.
    #[inline]
    pub fn load_global(&mut self, name: &crate::object::str::PyStr) -> PyResult {
        if let Some(v) = self.frame.globals.get_str(name) {
            return Ok(v);
        }
        if let Some(v) = self.rt.builtins.get_str(name) {
            return Ok(v);
        }
        Err(self.name_error(name.as_str()))
    }

    pub(super) fn do_raise(&mut self, kind: u32) -> PyResult<PyErr> {
        match kind {
            0 => match self.current_handled() {
                Some(Value::Instance(i)) => {
                    self.reraising = true;
                    Ok(PyErr { exc: i })
                }
                _ => Err(self.runtime_error("No active exception to reraise")),
            },
            1 => {
                let v = self.pop();
                let e = self.make_raisable(v)?;
                self.chain_context(&e);
                Ok(e)
            }
            _ => {
                let cause = self.pop();
                let v = self.pop();
                let e = self.make_raisable(v)?;
                let cause = match cause {
                    Value::None => None,
                    c => match &c {
                        Value::Instance(i) if i.exc().is_some() => Some(c.clone()),
                        Value::Class(k) if k.is_subclass(&self.rt.types.exceptions["BaseException"]) => {
                            Some(self.make_raisable(c.clone())?.value())
                        }
                        _ => return Err(self.type_error("exception causes must derive from BaseException")),
                    },
                };
                if let Some(st) = e.exc.exc() {
                    let mut st = st.lock();
                    st.cause = cause;
                    st.suppress_context = true;
                }
                self.chain_context(&e);
                Ok(e)
            }
        }
    }

    /// Calls `f` from inside the loop: Python functions get a new frame on
    /// the frame stack; everything else is called directly and its result pushed.
    pub(super) fn call_in_loop(
        &mut self,
        f: Value,
        args: Vec<Value>,
        kw: Vec<(Arc<crate::object::str::PyStr>, Value)>,
    ) -> PyResult<()> {
        match &f {
            Value::Function(func) => {
                let func = func.clone();
                self.enter_function(&func, args, kw)
            }
            Value::Method(m) if matches!(m.func, Value::Function(_)) => {
                let Value::Function(func) = &m.func else { unreachable!() };
                let func = func.clone();
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(m.receiver.clone());
                full.extend(args);
                self.enter_function(&func, full, kw)
            }
            Value::Class(cls) if self.can_inline_init(cls) => {
                let cls = cls.clone();
                self.instantiate_inline(&cls, args, kw)
            }
            _ => {
                let r = self.call_value(&f, Args::with_kw(args, kw))?;
                self.push(r);
                // As CPython's CALL: a signal that arrived while a built-in blocked is
                // handled as it returns (inside the `try` that called it), not at the next call.
                self.safe_point()
            }
        }
    }

    /// A call of the Python function or bound Python method at
    /// `stack[base - 1]` whose arguments are `stack[base..]` (the last
    /// `names.len()` of them keyword arguments), bound without building
    /// argument vectors (see `bind_fast.rs`); `Ok(false)`: the generic path
    /// must make it.
    #[inline]
    pub(super) fn call_from_stack(&mut self, base: usize, names: &[Value]) -> PyResult<bool> {
        use super::bind_fast::First;
        match &self.frame.stack[base - 1] {
            Value::Function(_) => self.call_slot_fast(base - 1, base, 1, names),
            Value::Method(m) => {
                let Value::Function(func) = &m.func else { return Ok(false) };
                let (func, recv) = (func.clone(), m.receiver.clone());
                self.call_bound_fast(&func, First::Receiver(recv), base, 1, names)
            }
            _ => Ok(false),
        }
    }

    /// `call_bound_fast` of the Python function in stack slot `at`, moved
    /// out of its slot for the call instead of cloned (one atomic update
    /// less per call); put back when the generic path must make the call.
    #[inline]
    pub(super) fn call_slot_fast(&mut self, at: usize, base: usize, below: usize, names: &[Value]) -> PyResult<bool> {
        use super::bind_fast::First;
        let Value::Function(func) = std::mem::replace(&mut self.frame.stack[at], Value::None) else {
            unreachable!("call_slot_fast on a non-function")
        };
        let r = self.call_bound_fast(&func, First::Nothing, base, below, names);
        if !matches!(r, Ok(true)) {
            // Nothing was taken from the stack: the slot is still there.
            self.frame.stack[at] = Value::Function(func);
        }
        r
    }

    /// Binds arguments and either pushes a new frame (ordinary functions)
    /// or pushes a new generator/coroutine object.
    pub fn enter_function(
        &mut self,
        func: &Arc<crate::object::function::Function>,
        args: Vec<Value>,
        kw: Vec<(Arc<crate::object::str::PyStr>, Value)>,
    ) -> PyResult<()> {
        let frame = self.make_frame(func, args, kw)?;
        if func.code.is_generator_like() {
            let g = self.new_generator(func, frame);
            self.push(g);
            return Ok(());
        }
        self.push_frame(frame)
    }

    /// The fast call: moves the top `n` stack values into a new frame's
    /// locals and makes it current; the function just below them is popped
    /// too (for CallMethod the receiver is the first of the `n`).
    pub(super) fn call_simple(&mut self, n: usize) -> PyResult<()> {
        let limit = self.rt.recursion_limit.load(std::sync::atomic::Ordering::Relaxed);
        if self.frames.len() >= limit {
            return Err(self.err("RecursionError", "maximum recursion depth exceeded"));
        }
        let len = self.frame.stack.len();
        // Take the function out of its stack slot (no reference-count traffic).
        let Value::Function(func) = std::mem::replace(&mut self.frame.stack[len - n - 1], Value::None) else {
            unreachable!("call_simple on a non-function")
        };
        let mut frame = match self.frame_pool.pop() {
            Some(mut f) => {
                f.reset(&func.code, &func.globals);
                f
            }
            None => Box::new(Frame::new_unfilled(func.code.clone(), func.globals.clone())),
        };
        frame.serial = self.next_frame_serial();
        // Move the arguments into the new frame's first locals, leaving
        // `None`s behind, then drop the emptied slots without drop glue.
        let nlocals = frame.code.varnames.len();
        frame.locals.reserve(nlocals);
        for slot in &mut self.frame.stack[len - n..] {
            frame.locals.push(Some(std::mem::replace(slot, Value::None)));
        }
        frame.locals.resize(nlocals, None);
        for _ in 0..=n {
            std::mem::forget(self.frame.stack.pop());
        }
        let prev = std::mem::replace(&mut self.frame, frame);
        self.frames.push(prev);
        self.prof_enter();
        Ok(())
    }

    /// The `__init__` a call of `cls` can run as a plain frame (see
    /// `can_inline_init`), remembered per call site and class version.
    pub(super) fn cached_inline_init(
        &mut self,
        cls: &Arc<crate::object::class::Class>,
        site: Site,
    ) -> Option<Arc<crate::object::function::Function>> {
        let (ptr, vers) = (cls.tag(), super::cache::class_versions(cls));
        let found = match self.cache.get_method(site, ptr, vers) {
            Some(v) => v.clone(),
            None => {
                let v = if self.can_inline_init(cls) {
                    cls.lookup_str(&self.rt.names.init).unwrap_or(Value::None)
                } else {
                    Value::None
                };
                self.cache.put_method(site, ptr, vers, v.clone());
                v
            }
        };
        match found {
            Value::Function(f) => Some(f),
            _ => None,
        }
    }

    /// `cls(a1..an)` with a plain `__init__(self, a1..an)`: the new instance
    /// and the arguments go straight from the stack into `__init__`'s frame,
    /// whose return value is replaced by the instance.
    pub(super) fn instantiate_simple(
        &mut self,
        cls: &Arc<crate::object::class::Class>,
        init: &Arc<crate::object::function::Function>,
        n: usize,
    ) -> PyResult<()> {
        use crate::object::class::{Instance, Payload};
        let limit = self.rt.recursion_limit.load(std::sync::atomic::Ordering::Relaxed);
        if self.frames.len() >= limit {
            return Err(self.err("RecursionError", "maximum recursion depth exceeded"));
        }
        let inst = crate::object::gc::instance(Arc::new(Instance::new(cls.clone(), Payload::None)));
        let mut frame = match self.frame_pool.pop() {
            Some(mut f) => {
                f.reset(&init.code, &init.globals);
                f
            }
            None => Box::new(Frame::new_unfilled(init.code.clone(), init.globals.clone())),
        };
        frame.serial = self.next_frame_serial();
        let len = self.frame.stack.len();
        frame.fill_locals(std::iter::once(Value::Instance(inst.clone())).chain(self.frame.stack.drain(len - n..)));
        self.frame.stack.truncate(len - n - 1);
        frame.return_override = Some(inst);
        let prev = std::mem::replace(&mut self.frame, frame);
        self.frames.push(prev);
        self.prof_enter();
        Ok(())
    }

    /// Makes `frame` the current frame (a Python-to-Python call).
    pub fn push_frame(&mut self, frame: Box<Frame>) -> PyResult<()> {
        let limit = self.rt.recursion_limit.load(std::sync::atomic::Ordering::Relaxed);
        if self.frames.len() >= limit {
            return Err(self.err("RecursionError", "maximum recursion depth exceeded"));
        }
        let prev = std::mem::replace(&mut self.frame, frame);
        self.frames.push(prev);
        self.prof_enter();
        Ok(())
    }
}
