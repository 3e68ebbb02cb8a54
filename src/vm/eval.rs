//! The dispatch loop: one function that executes instructions of the
//! current frame, pushing and popping frames for Python-to-Python calls
//! without recursing on the Rust stack.

use std::sync::Arc;

use super::bind_fast::First;
use super::cache::Site;
use super::frame::{Block, BlockKind, Frame};
use super::inline_attr::attr_hit;
use super::quick_ops::{float_op, quick_compare};
use super::{Args, PyErr, PyResult, Vm};
use crate::bytecode::Instr;
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::parse::ast::BinOp;

/// How a run of the loop ended.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

impl Vm {
    /// Runs `frame` until it returns or yields, then restores the previous
    /// current frame. Hands the frame back (generators keep it).
    pub fn run_pushed(&mut self, frame: Box<Frame>) -> (PyResult<Exit>, Box<Frame>) {
        if self.native_depth > self.max_native_depth() {
            let e = self.err("RecursionError", "maximum recursion depth exceeded");
            return (Err(e), frame);
        }
        let prev = std::mem::replace(&mut self.frame, frame);
        self.frames.push(prev);
        self.prof_enter();
        let base = self.frames.len();
        self.native_depth += 1;
        let r = match self.pending_throw.take() {
            Some(err) => {
                // Thrown in at a `yield` inside an `except`: the exception
                // being handled there becomes its context, as a raise there would.
                self.chain_context_to(&err, self.frame.handled.last().cloned());
                self.add_traceback_here(&err);
                match self.unwind(err, base) {
                    Ok(()) => self.run_frame(base),
                    Err(e) => Err(e),
                }
            }
            None => self.run_frame(base),
        };
        self.native_depth -= 1;
        // Whatever happened, frames above base are gone; pop back to the caller.
        while self.frames.len() > base {
            let p = self.frames.pop().expect("frame");
            self.frame = p;
        }
        let prev = self.frames.pop().expect("caller frame");
        let done = std::mem::replace(&mut self.frame, prev);
        self.prof_exit();
        (r, done)
    }

    fn max_native_depth(&self) -> usize {
        let limit = self.rt.recursion_limit.load(std::sync::atomic::Ordering::Relaxed);
        limit.clamp(50, 2500)
    }

    /// Runs until the frame at depth `base` returns or yields, handling
    /// exceptions by unwinding blocks and frames above `base`.
    fn run_frame(&mut self, base: usize) -> PyResult<Exit> {
        loop {
            // A Rust panic in an instruction becomes a SystemError raised by
            // that instruction: handlers and `finally` blocks run as usual.
            match self.catch_panics(|vm| vm.run_until_error(base)) {
                Ok(exit) => return Ok(exit),
                Err(mut err) => {
                    if !std::mem::take(&mut self.reraising) {
                        self.add_traceback_here(&err);
                        if self.tracing.is_some()
                            && let Err(e) = self.trace_exception(&err)
                        {
                            err = e;
                        }
                    }
                    self.unwind(err, base)?;
                }
            }
        }
    }

    /// Finds a handler for `err` in the current frame or its callers above
    /// `base`; jumps there, or returns the error when none is found.
    fn unwind(&mut self, mut err: PyErr, base: usize) -> PyResult<()> {
        loop {
            while let Some(block) = self.frame.blocks.pop() {
                match block.kind {
                    BlockKind::Handler => {
                        self.frame.handled.pop();
                    }
                    BlockKind::Except | BlockKind::Finally => {
                        let v = err.value();
                        self.frame.stack.truncate(block.depth as usize);
                        self.frame.blocks.push(Block { kind: BlockKind::Handler, handler: 0, depth: block.depth });
                        self.frame.handled.push(v.clone());
                        self.frame.stack.push(v);
                        self.frame.pc = block.handler as usize;
                        return Ok(());
                    }
                }
            }
            if self.tracing.is_some()
                && let Err(e) = self.trace_unwind_return()
            {
                err = e;
            }
            if self.frames.len() == base {
                return Err(err);
            }
            let parent = self.frames.pop().expect("parent frame");
            self.frame = parent;
            self.prof_exit();
            self.add_traceback_here(&err);
            if self.tracing.is_some()
                && let Err(e) = self.trace_exception(&err)
            {
                err = e;
            }
        }
    }

    #[inline]
    pub(super) fn pop(&mut self) -> Value {
        self.frame.stack.pop().expect("stack underflow")
    }

    /// Drops the top `n` stack values, which the caller has just seen to
    /// be ints: forgetting them skips the drop glue (an int owns nothing).
    #[inline]
    fn discard_ints(&mut self, n: usize) {
        for _ in 0..n {
            std::mem::forget(self.frame.stack.pop());
        }
    }

    /// The value of fast local `i`, or UnboundLocalError.
    #[inline(always)]
    fn local(&mut self, i: u32) -> PyResult<Value> {
        match &self.frame.locals[i as usize] {
            Some(v) => Ok(v.clone()),
            None => Err(self.unbound_local(i)),
        }
    }

    #[cold]
    fn unbound_local(&mut self, i: u32) -> PyErr {
        let name = self.frame.code.varnames[i as usize].clone();
        self.err(
            "UnboundLocalError",
            &format!("cannot access local variable '{}' where it is not associated with a value", name.as_str()),
        )
    }

    #[inline]
    pub(super) fn top(&self) -> &Value {
        self.frame.stack.last().expect("stack underflow")
    }

    #[inline]
    pub(super) fn push(&mut self, v: Value) {
        self.frame.stack.push(v)
    }

    pub(super) fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let len = self.frame.stack.len();
        self.frame.stack.split_off(len - n)
    }

    /// Checks the eval breaker (GIL drop requests, Ctrl-C) at a safe point.
    #[inline]
    pub(super) fn safe_point(&mut self) -> PyResult<()> {
        if self.rt.gil.breaker_set() {
            self.handle_breaker()?;
        }
        Ok(())
    }

    fn run_until_error(&mut self, base: usize) -> PyResult<Exit> {
        // A local view of the current frame's code object: instructions,
        // names and constants are read through it without going through
        // `self.frame` and without touching reference counts (an `Arc` clone
        // here cost two atomic updates at every call and every return).
        //
        // Derived afresh for every instruction: the two loads it takes are
        // what checking a kept view against the frame's code would cost, and
        // no compare, select or spill is left.
        loop {
            let code = CodeView::of(&self.frame.code);
            let pc = self.frame.pc;
            self.frame.pc = pc + 1;
            if self.tick_every_instruction {
                self.tick_instruction(pc)?;
            }
            // Matched in place, not copied out first: each arm reads only
            // its own operands, instead of every field of the 12-byte
            // instruction being loaded (and spilled) before the jump.
            match code.instrs[pc] {
                Instr::Nop => {}
                Instr::LoadConst(i) => {
                    let v = code.consts[i as usize].clone();
                    self.push(v);
                }
                Instr::LoadFast(i) => {
                    let v = self.local(i)?;
                    self.push(v);
                }
                Instr::LoadFastFast(a, b) => {
                    let va = self.local(a)?;
                    self.push(va);
                    self.frame.pc = pc + 2;
                    let vb = self.local(b)?;
                    self.push(vb);
                }
                Instr::LoadFastConst(a, c) => {
                    let v = self.local(a)?;
                    self.push(v);
                    self.push(code.consts[c as usize].clone());
                    self.frame.pc = pc + 2;
                }
                Instr::BinaryFastConst(a, c, op) => {
                    let y = &code.consts[c as usize];
                    if let Some(Value::Int(x)) = &self.frame.locals[a as usize]
                        && let Value::Int(y) = y
                        && let Some(r) = small_int_op(*x, *y, op)
                    {
                        self.frame.pc = pc + 3;
                        self.push(Value::Int(r));
                        continue;
                    }
                    if let Some(x) = &self.frame.locals[a as usize]
                        && let Some(r) = float_op(x, y, op)
                    {
                        self.frame.pc = pc + 3;
                        self.push(Value::Float(r));
                        continue;
                    }
                    let x = self.local(a as u32)?;
                    self.frame.pc = pc + 3;
                    let r = self.binary_op(&x, y, op)?;
                    self.push(r);
                }
                Instr::BinaryFastFast(a, b, op) => {
                    if let (Some(Value::Int(x)), Some(Value::Int(y))) =
                        (&self.frame.locals[a as usize], &self.frame.locals[b as usize])
                        && let Some(r) = small_int_op(*x, *y, op)
                    {
                        self.frame.pc = pc + 3;
                        self.push(Value::Int(r));
                        continue;
                    }
                    if let (Some(x), Some(y)) = (&self.frame.locals[a as usize], &self.frame.locals[b as usize])
                        && let Some(r) = float_op(x, y, op)
                    {
                        self.frame.pc = pc + 3;
                        self.push(Value::Float(r));
                        continue;
                    }
                    let x = self.local(a as u32)?;
                    self.frame.pc = pc + 2;
                    let y = self.local(b as u32)?;
                    self.frame.pc = pc + 3;
                    let r = self.binary_op(&x, &y, op)?;
                    self.push(r);
                }
                Instr::LoadFastAttr(a, n) => {
                    let name = &code.names[n as usize];
                    // As LoadAttr, but reading the object where it lies in its
                    // local slot instead of a clone of it.
                    let cell = code.caches.cell(&code.instrs, pc);
                    if let Some(v) = self.frame.locals[a as usize].as_ref().and_then(|obj| attr_hit(obj, name, cell)) {
                        self.frame.pc = pc + 2;
                        self.push(v);
                        continue;
                    }
                    let obj = self.local(a)?;
                    self.frame.pc = pc + 2;
                    let v = self.load_attr_miss(&obj, name, cell)?;
                    self.push(v);
                }
                Instr::StoreFastAttr(a, n) => {
                    let name = &code.names[n as usize];
                    let mut v = self.pop();
                    if let Some(c) = code.caches.cell(&code.instrs, pc)
                        && let Some(obj) = self.frame.locals[a as usize].as_ref()
                    {
                        match Vm::store_attr_hinted(obj, name, v, c) {
                            Ok(()) => {
                                self.frame.pc = pc + 2;
                                continue;
                            }
                            Err(back) => v = back,
                        }
                    }
                    let obj = self.local(a)?;
                    self.frame.pc = pc + 2;
                    self.set_attr(&obj, name, v)?;
                }
                Instr::StoreFast(i) => {
                    let v = self.pop();
                    if let Some(old) = self.frame.locals[i as usize].replace(v) {
                        drop_value(old);
                    }
                }
                Instr::DeleteFast(i) => {
                    if self.frame.locals[i as usize].take().is_none() {
                        let name = self.frame.code.varnames[i as usize].clone();
                        return Err(self.err(
                            "UnboundLocalError",
                            &format!(
                                "cannot access local variable '{}' where it is not associated with a value",
                                name.as_str()
                            ),
                        ));
                    }
                    // `del x` may have dropped the last reference: let its
                    // finalizers run now, as CPython would.
                    self.safe_point()?;
                }
                Instr::LoadDeref(i) => {
                    let v = self.frame.cells[i as usize].get();
                    match v {
                        Some(v) => self.push(v),
                        None => return Err(self.unbound_deref(i)),
                    }
                }
                Instr::StoreDeref(i) => {
                    let v = self.pop();
                    self.frame.cells[i as usize].set(Some(v));
                }
                Instr::DeleteDeref(i) => {
                    let cell = self.frame.cells[i as usize].clone();
                    if cell.get().is_none() {
                        return Err(self.unbound_deref(i));
                    }
                    cell.set(None);
                }
                Instr::LoadClosure(i) => {
                    let c = self.frame.cells[i as usize].clone();
                    let cell = crate::object::descr::CellObject { cell: c, class: self.rt.types.cell.clone() };
                    self.push(Value::from_native(Arc::new(cell)));
                }
                Instr::LoadClassDeref(i, n) => {
                    let name = &code.names[n as usize];
                    let found = match self.ns_mapping() {
                        Some(m) => self.mapping_lookup(&m, name)?,
                        None => self.frame.locals_dict.as_ref().and_then(|d| d.get_str(name)),
                    };
                    match found {
                        Some(v) => self.push(v),
                        None => match self.frame.cells[i as usize].get() {
                            Some(v) => self.push(v),
                            None => return Err(self.unbound_deref(i)),
                        },
                    }
                }
                Instr::LoadGlobal(i) => {
                    let name = &code.names[i as usize];
                    let v = self.load_global_cached(name, code.caches.cell(&code.instrs, pc))?;
                    self.push(v);
                }
                Instr::StoreGlobal(i) => {
                    let name = &code.names[i as usize];
                    let v = self.pop();
                    let old = self.frame.globals.replace_str(name, v);
                    drop(old);
                    self.safe_point()?;
                }
                Instr::DeleteGlobal(i) => {
                    let name = &code.names[i as usize];
                    if self.frame.globals.remove_item_str(name.as_str()).is_none() {
                        return Err(self.name_error(name.as_str()));
                    }
                    self.safe_point()?;
                }
                Instr::LoadName(i) => {
                    let name = &code.names[i as usize];
                    let local = match self.ns_mapping() {
                        Some(m) => self.mapping_lookup(&m, name)?,
                        None => self.frame.locals_dict.as_ref().and_then(|d| d.get_str(name)),
                    };
                    let v = match local {
                        Some(v) => v,
                        None => self.load_global(name)?,
                    };
                    self.push(v);
                }
                Instr::StoreName(i) => {
                    let name = &code.names[i as usize];
                    let v = self.pop();
                    if let Some(m) = self.ns_mapping() {
                        self.set_item(&m, Value::Str(name.clone()), v)?;
                        continue;
                    }
                    let old = match &self.frame.locals_dict {
                        Some(d) => d.replace_str(name, v),
                        None => self.frame.globals.replace_str(name, v),
                    };
                    drop(old);
                    self.safe_point()?;
                }
                Instr::DeleteName(i) => {
                    let name = &code.names[i as usize];
                    if let Some(m) = self.ns_mapping() {
                        match self.del_item(&m, &Value::Str(name.clone())) {
                            Err(e) if e.exc.class.is_subclass(&self.rt.types.exc("KeyError")) => {
                                return Err(self.name_error(name.as_str()));
                            }
                            other => other?,
                        }
                        continue;
                    }
                    let d = self.frame.locals_dict.clone().unwrap_or_else(|| self.frame.globals.clone());
                    if d.remove_item_str(name.as_str()).is_none() {
                        return Err(self.name_error(name.as_str()));
                    }
                    self.safe_point()?;
                }
                Instr::LoadAttr(i) => {
                    let name = &code.names[i as usize];
                    let cell = code.caches.cell(&code.instrs, pc);
                    if let Some(v) = self.frame.stack.last().and_then(|obj| attr_hit(obj, name, cell)) {
                        if let Some(top) = self.frame.stack.last_mut() {
                            *top = v;
                        }
                        continue;
                    }
                    let obj = self.pop();
                    let v = self.load_attr_miss(&obj, name, cell)?;
                    self.push(v);
                }
                Instr::StoreAttr(i) => {
                    let name = &code.names[i as usize];
                    let obj = self.pop();
                    let mut v = self.pop();
                    if let Some(cell) = code.caches.cell(&code.instrs, pc) {
                        match Vm::store_attr_hinted(&obj, name, v, cell) {
                            Ok(()) => continue,
                            Err(back) => v = back,
                        }
                    }
                    self.set_attr(&obj, name, v)?;
                }
                Instr::DeleteAttr(i) => {
                    let name = &code.names[i as usize];
                    let obj = self.pop();
                    self.del_attr(&obj, name)?;
                }
                Instr::LoadMethod(i) => {
                    let name = &code.names[i as usize];
                    let obj = self.pop();
                    let cell = code.caches.cell(&code.instrs, pc);
                    if let Value::Module(m) = &obj {
                        // `math.sqrt(x)`: a plain call of the module's attribute.
                        let v = self.module_method(&obj, m, name, cell)?;
                        self.push(Value::None);
                        self.push(v);
                        continue;
                    }
                    if let Some(c) = cell
                        && let Some(m) = self.cached_method(&obj, name, c)
                    {
                        self.push(m);
                        self.push(obj);
                        continue;
                    }
                    match self.lookup_method(&obj, name)? {
                        Some(m) => {
                            if let Some(c) = cell {
                                self.remember_method(&obj, name, &m, c);
                            }
                            self.push(m);
                            self.push(obj);
                        }
                        None => {
                            if let Some((m, recv)) = super::inline::super_method(&obj, name) {
                                // `super().m(…)`: no bound method, the call
                                // takes the receiver as its first argument.
                                self.push(m);
                                self.push(recv);
                                continue;
                            }
                            let v = self.get_attr(&obj, name)?;
                            self.push(Value::None);
                            self.push(v);
                        }
                    }
                }
                Instr::CallMethod(argc) => {
                    self.safe_point()?;
                    let n = argc as usize;
                    let len = self.frame.stack.len();
                    if let Value::Function(func) = &self.frame.stack[len - n - 2]
                        && func.code.simple_args
                        && func.code.argcount as usize == n + 1
                    {
                        self.call_simple(n + 1)?;
                        continue;
                    }
                    // Defaults, keyword-only defaults, cells, generators:
                    // bound from the stack, the receiver first.
                    if matches!(self.frame.stack[len - n - 2], Value::Function(_))
                        && self.call_slot_fast(len - n - 2, len - n - 1, 1, &[])?
                    {
                        continue;
                    }
                    if self.frame.stack[len - n - 2].is_none()
                        && matches!(self.frame.stack[len - n - 1], Value::Function(_))
                        && self.call_slot_fast(len - n - 1, len - n, 2, &[])?
                    {
                        continue;
                    }
                    if let Value::Native(nf) = &self.frame.stack[len - n - 2]
                        && let Some(kind) = nf.fast
                        && let Some(r) = self.fast_call(kind, len - n - 1, n + 1)
                    {
                        self.frame.stack.truncate(len - n - 2);
                        self.push(r);
                        continue;
                    }
                    let is_plain = self.frame.stack[len - n - 2].is_none();
                    if is_plain {
                        let args = self.pop_n(n);
                        let f = self.pop();
                        self.pop();
                        self.call_in_loop(f, args, Vec::new())?;
                    } else {
                        // The receiver is already first: exactly the argument list the method takes.
                        let args = self.pop_n(n + 1);
                        let f = self.pop();
                        match &f {
                            Value::Function(func) => {
                                let func = func.clone();
                                self.enter_function(&func, args, Vec::new())?;
                            }
                            Value::Native(nf) => {
                                let nf = nf.clone();
                                let r = (nf.func)(self, Args::new(args))?;
                                self.push(r);
                                // As CPython's CALL: a signal that arrived while a built-in
                                // blocked is handled as it returns, not at the next call.
                                self.safe_point()?;
                            }
                            _ => {
                                let r = self.call_value(&f, Args::new(args))?;
                                self.push(r);
                                self.safe_point()?;
                            }
                        }
                    }
                }
                Instr::Call(argc) => {
                    self.safe_point()?;
                    let n = argc as usize;
                    let len = self.frame.stack.len();
                    if let Value::Function(func) = &self.frame.stack[len - n - 1]
                        && func.code.simple_args
                        && func.code.argcount as usize == n
                    {
                        self.call_simple(n)?;
                        continue;
                    }
                    if self.call_from_stack(len - n, &[])? {
                        continue;
                    }
                    if let Value::Class(cls) = &self.frame.stack[len - n - 1] {
                        if n == 1
                            && cls.builtin
                            && let Some(r) = self.construct_fast(cls, &self.frame.stack[len - 1])
                        {
                            self.frame.stack.truncate(len - 2);
                            self.push(r);
                            continue;
                        }
                        let cls = cls.clone();
                        let site = Site { code: code.addr(), name: usize::MAX, pc: pc as u32 };
                        if let Some(init) = self.cached_inline_init(&cls, site) {
                            if init.code.simple_args && init.code.argcount as usize == n + 1 {
                                self.instantiate_simple(&cls, &init, n)?;
                                continue;
                            }
                            if self.call_bound_fast(&init, First::NewInstance(&cls), len - n, 1, &[])? {
                                continue;
                            }
                        }
                    }
                    if let Value::Native(nf) = &self.frame.stack[len - n - 1]
                        && let Some(kind) = nf.fast
                        && let Some(r) = self.fast_call(kind, len - n, n)
                    {
                        self.frame.stack.truncate(len - n - 1);
                        self.push(r);
                        continue;
                    }
                    let args = self.pop_n(argc as usize);
                    let f = self.pop();
                    self.call_in_loop(f, args, Vec::new())?;
                }
                Instr::CallKw(argc) => {
                    self.safe_point()?;
                    let names = self.pop();
                    if let Value::Tuple(t) = &names {
                        let base = self.frame.stack.len() - argc as usize;
                        if self.call_from_stack(base, &t.items[..])? {
                            continue;
                        }
                        if let Value::Class(cls) = &self.frame.stack[base - 1] {
                            let cls = cls.clone();
                            let site = Site { code: code.addr(), name: usize::MAX, pc: pc as u32 };
                            if let Some(init) = self.cached_inline_init(&cls, site)
                                && self.call_bound_fast(&init, First::NewInstance(&cls), base, 1, &t.items[..])?
                            {
                                continue;
                            }
                        }
                    }
                    let mut args = self.pop_n(argc as usize);
                    let f = self.pop();
                    let kw = match names {
                        Value::Tuple(t) => {
                            let kwvals = args.split_off(args.len() - t.items.len());
                            t.items
                                .iter()
                                .zip(kwvals)
                                .map(|(k, v)| (k.as_str().cloned().expect("kw name"), v))
                                .collect()
                        }
                        _ => Vec::new(),
                    };
                    self.call_in_loop(f, args, kw)?;
                }
                Instr::CallEx(flag) => {
                    self.safe_point()?;
                    let kwargs = if flag & 1 != 0 { Some(self.pop()) } else { None };
                    let args = self.pop();
                    let f = self.pop();
                    let pos = match args {
                        Value::Tuple(t) => t.items.to_vec(),
                        other => match self.collect(&other) {
                            Ok(items) => items,
                            Err(e) => return Err(self.call_star_error(e, &f, &other)),
                        },
                    };
                    let mut kw = Vec::new();
                    if let Some(Value::Dict(d)) = kwargs {
                        for (k, v) in d.lock().items() {
                            match k {
                                Value::Str(s) => kw.push((s, v)),
                                // A str subclass key binds by its text, as in CPython.
                                Value::Instance(ref i) if let Some(Value::Str(s)) = i.builtin_value() => {
                                    kw.push((s.clone(), v))
                                }
                                _ => return Err(self.type_error("keywords must be strings")),
                            }
                        }
                    }
                    self.call_in_loop(f, pos, kw)?;
                }
                Instr::BinarySubscr => {
                    // list[int], tuple[int] and dict[str] inline.
                    if let [.., obj, key] = self.frame.stack.as_slice() {
                        let found = match (obj, key) {
                            (Value::List(l), Value::Int(i)) => {
                                let items = l.lock();
                                let i = if *i < 0 { *i + items.len() as i64 } else { *i };
                                usize::try_from(i).ok().and_then(|i| items.get(i).cloned())
                            }
                            (Value::Tuple(t), Value::Int(i)) => {
                                let i = if *i < 0 { *i + t.items.len() as i64 } else { *i };
                                usize::try_from(i).ok().and_then(|i| t.items.get(i).cloned())
                            }
                            (Value::Dict(d), Value::Str(k)) => d.get_str(k),
                            _ => None,
                        };
                        if let Some(v) = found {
                            let len = self.frame.stack.len();
                            self.frame.stack.truncate(len - 1);
                            self.frame.stack[len - 2] = v;
                            continue;
                        }
                    }
                    let key = self.pop();
                    let obj = self.pop();
                    let v = self.get_item(&obj, &key)?;
                    self.push(v);
                }
                Instr::StoreSubscr => {
                    let key = self.pop();
                    let obj = self.pop();
                    let v = self.pop();
                    self.set_item(&obj, key, v)?;
                }
                Instr::DeleteSubscr => {
                    let key = self.pop();
                    let obj = self.pop();
                    self.del_item(&obj, &key)?;
                }
                Instr::Binary(op) | Instr::Inplace(op) => {
                    if let [.., Value::Int(x), Value::Int(y)] = self.frame.stack.as_mut_slice()
                        && let Some(r) = small_int_op(*x, *y, op)
                    {
                        // The result overwrites the left int's payload in place.
                        *x = r;
                        self.discard_ints(1);
                        continue;
                    }
                    if let [.., a, b] = self.frame.stack.as_mut_slice()
                        && let Some(r) = float_op(a, b, op)
                    {
                        // Floats and ints own nothing: overwrite and forget.
                        std::mem::forget(std::mem::replace(a, Value::Float(r)));
                        self.discard_ints(1);
                        continue;
                    }
                    let b = self.pop();
                    let a = self.pop();
                    let r = if matches!(code.instrs[pc], Instr::Inplace(_)) {
                        self.inplace_op(&a, &b, op)?
                    } else {
                        self.binary_op(&a, &b, op)?
                    };
                    self.push(r);
                }
                Instr::Compare(op) => {
                    let len = self.frame.stack.len();
                    if let (Value::Int(x), Value::Int(y)) = (&self.frame.stack[len - 2], &self.frame.stack[len - 1]) {
                        let r = super::ops::cmp_result(x.cmp(y), op);
                        self.discard_ints(1);
                        std::mem::forget(std::mem::replace(&mut self.frame.stack[len - 2], Value::Bool(r)));
                        continue;
                    }
                    if let Some(r) = quick_compare(&self.frame.stack[len - 2], &self.frame.stack[len - 1], op) {
                        self.frame.stack.truncate(len - 2);
                        self.push(Value::Bool(r));
                        continue;
                    }
                    let b = self.pop();
                    let a = self.pop();
                    let r = self.compare(&a, &b, op)?;
                    self.push(r);
                }
                Instr::CompareJumpIfFalse(op, target) => {
                    self.frame.pc = pc + 1;
                    let len = self.frame.stack.len();
                    let holds = if let (Value::Int(x), Value::Int(y)) =
                        (&self.frame.stack[len - 2], &self.frame.stack[len - 1])
                    {
                        let r = super::ops::cmp_result(x.cmp(y), op);
                        self.discard_ints(2);
                        r
                    } else if let Some(r) = quick_compare(&self.frame.stack[len - 2], &self.frame.stack[len - 1], op) {
                        self.frame.stack.truncate(len - 2);
                        r
                    } else {
                        let b = self.pop();
                        let a = self.pop();
                        let r = self.compare(&a, &b, op)?;
                        self.frame.pc = pc + 2;
                        match r {
                            Value::Boolean(t) => t.get(),
                            other => self.truthy(&other)?,
                        }
                    };
                    self.frame.pc = if holds { pc + 2 } else { target as usize };
                }
                Instr::IsOp(inv) => {
                    let b = self.pop();
                    let a = self.pop();
                    let r = a.is(&b) != (inv == 1);
                    drop_value(b);
                    drop_value(a);
                    self.push(Value::Bool(r));
                }
                Instr::ContainsOp(inv) => {
                    let container = self.pop();
                    let item = self.pop();
                    let r = self.contains(&container, &item)?;
                    self.push(Value::Bool(r != (inv == 1)));
                }
                Instr::UnaryNeg => {
                    let a = self.pop();
                    let r = self.unary_neg(&a)?;
                    self.push(r);
                }
                Instr::UnaryPos => {
                    let a = self.pop();
                    let r = self.unary_pos(&a)?;
                    self.push(r);
                }
                Instr::UnaryInvert => {
                    let a = self.pop();
                    let r = self.unary_invert(&a)?;
                    self.push(r);
                }
                Instr::UnaryNot => {
                    let a = self.pop();
                    let t = self.truthy(&a)?;
                    self.push(Value::Bool(!t));
                }
                Instr::PopTop => {
                    // A generator or an instance whose last reference goes
                    // here is queued by its Drop and finalized at the next
                    // safe point (vm/finalize.rs).
                    let v = self.pop();
                    let coroutine = matches!(&v, Value::Generator(_));
                    drop_value(v);
                    if coroutine {
                        // `f()` on a line of its own: a coroutine that never
                        // ran warns here, on this line, as in CPython.
                        self.safe_point()?;
                    }
                }
                Instr::DupTop => {
                    let v = self.top().clone();
                    self.push(v);
                }
                Instr::DupTop2 => {
                    let len = self.frame.stack.len();
                    let a = self.frame.stack[len - 2].clone();
                    let b = self.frame.stack[len - 1].clone();
                    self.push(a);
                    self.push(b);
                }
                Instr::RotTwo => {
                    let len = self.frame.stack.len();
                    self.frame.stack.swap(len - 1, len - 2);
                }
                Instr::RotThree => {
                    let v = self.pop();
                    let len = self.frame.stack.len();
                    self.frame.stack.insert(len - 2, v);
                }
                Instr::RotFour => {
                    let v = self.pop();
                    let len = self.frame.stack.len();
                    self.frame.stack.insert(len - 3, v);
                }
                Instr::Jump(t) => {
                    if (t as usize) < pc {
                        self.safe_point()?;
                    }
                    self.frame.pc = t as usize;
                }
                Instr::PopJumpIfFalse(t) => {
                    let v = self.pop();
                    let b = match &v {
                        Value::Boolean(b) => b.get(),
                        Value::None => false,
                        Value::Int(i) => *i != 0,
                        other => self.truthy(other)?,
                    };
                    drop_value(v);
                    if !b {
                        self.frame.pc = t as usize;
                    }
                }
                Instr::PopJumpIfTrue(t) => {
                    let v = self.pop();
                    let b = match &v {
                        Value::Boolean(b) => b.get(),
                        Value::None => false,
                        Value::Int(i) => *i != 0,
                        other => self.truthy(other)?,
                    };
                    drop_value(v);
                    if b {
                        self.frame.pc = t as usize;
                    }
                }
                Instr::JumpIfFalseOrPop(t) => {
                    let v = self.top().clone();
                    if !self.truthy(&v)? {
                        self.frame.pc = t as usize;
                    } else {
                        self.pop();
                    }
                }
                Instr::JumpIfTrueOrPop(t) => {
                    let v = self.top().clone();
                    if self.truthy(&v)? {
                        self.frame.pc = t as usize;
                    } else {
                        self.pop();
                    }
                }
                Instr::GetIter => {
                    let v = self.pop();
                    let it = self.get_iter(&v)?;
                    self.push(it);
                }
                Instr::ForIter(t) => {
                    if let Some(Value::Iter(ni)) = self.frame.stack.last()
                        && let Some(next) = ni.next_simple()
                    {
                        match next {
                            Some(v) => self.frame.stack.push(v),
                            None => {
                                self.frame.stack.pop();
                                self.frame.pc = t as usize;
                            }
                        }
                        continue;
                    }
                    let it = self.top().clone();
                    match self.next_value(&it)? {
                        Some(v) => self.push(v),
                        None => {
                            self.pop();
                            self.frame.pc = t as usize;
                        }
                    }
                }
                Instr::BuildTuple(n) => {
                    let items = self.pop_n(n as usize);
                    self.push(Value::tuple(items));
                }
                Instr::BuildList(n) => {
                    let items = self.pop_n(n as usize);
                    self.push(Value::list(items));
                }
                Instr::BuildSet(n) => {
                    let items = self.pop_n(n as usize);
                    let s = self.new_set(items, false)?;
                    self.push(s);
                }
                Instr::BuildMap(n) => {
                    let items = self.pop_n(2 * n as usize);
                    let d = crate::object::gc::dict(Arc::new(Dict::new()));
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        self.dict_set(&d, k, v)?;
                    }
                    self.push(Value::Dict(d));
                }
                Instr::BuildString(n) => {
                    let len = self.frame.stack.len();
                    let parts = &self.frame.stack[len - n as usize..];
                    let strs =
                        || parts.iter().filter_map(|p| if let Value::Str(s) = p { Some(s.as_str()) } else { None });
                    // One allocation of the exact size: no regrowth, no shrink.
                    let mut s = String::with_capacity(strs().map(str::len).sum());
                    strs().for_each(|p| s.push_str(p));
                    self.frame.stack.truncate(len - n as usize);
                    self.push(Value::string(s));
                }
                Instr::BuildSlice(n) => {
                    let step = if n == 3 { self.pop() } else { Value::None };
                    let stop = self.pop();
                    let start = self.pop();
                    self.push(Value::Slice(Arc::new(crate::object::value::Slice { start, stop, step })));
                }
                Instr::ListAppend(d) => {
                    let v = self.pop();
                    let len = self.frame.stack.len();
                    if let Value::List(l) = &self.frame.stack[len - d as usize] {
                        l.push(v);
                    }
                }
                Instr::SetAdd(d) => {
                    let v = self.pop();
                    let len = self.frame.stack.len();
                    let s = self.frame.stack[len - d as usize].clone();
                    if let Value::Set(s) = s {
                        self.set_add(&s, v)?;
                    }
                }
                Instr::MapAdd(d) => {
                    let v = self.pop();
                    let k = self.pop();
                    let len = self.frame.stack.len();
                    let m = self.frame.stack[len - d as usize].clone();
                    if let Value::Dict(m) = m {
                        self.dict_set(&m, k, v)?;
                    }
                }
                Instr::ListExtend => {
                    let it = self.pop();
                    let items = self.collect(&it).map_err(|e| self.star_unpack_error(e, &it))?;
                    if let Value::List(l) = self.top() {
                        l.lock().extend(items);
                    }
                }
                Instr::SetUpdate => {
                    let it = self.pop();
                    if let (Value::Set(s), Value::Set(src)) = (self.top().clone(), &it) {
                        self.set_merge(&s, src)?;
                    } else {
                        let items = self.collect(&it)?;
                        if let Value::Set(s) = self.top().clone() {
                            for v in items {
                                self.set_add(&s, v)?;
                            }
                        }
                    }
                }
                Instr::DictUpdate | Instr::DictMerge => {
                    let m = self.pop();
                    let target = self.top().clone();
                    if let Value::Dict(d) = target {
                        let merge = code.instrs[pc] == Instr::DictMerge;
                        let pairs = match self.mapping_items(&m) {
                            Ok(pairs) => pairs,
                            Err(e) if merge && self.is_exc(&e, "TypeError") && !self.has_attr_str(&m, "keys") => {
                                let (fs, t) = (self.merge_callee_str(), self.type_name(&m));
                                return Err(
                                    self.type_error(&format!("{fs} argument after ** must be a mapping, not {t}"))
                                );
                            }
                            Err(e) => return Err(e),
                        };
                        for (k, v) in pairs {
                            if merge && self.dict_get(&d, &k)?.is_some() {
                                let (fs, ks) = (self.merge_callee_str(), self.str_of(&k)?);
                                return Err(
                                    self.type_error(&format!("{fs} got multiple values for keyword argument '{ks}'"))
                                );
                            }
                            self.dict_set(&d, k, v)?;
                        }
                    }
                }
                Instr::ListToTuple => {
                    let l = self.pop();
                    if let Value::List(l) = l {
                        let items = l.snapshot();
                        self.push(Value::tuple(items));
                    }
                }
                Instr::FormatValue(fl) => {
                    if fl == 0
                        && let Some(top) = self.frame.stack.last_mut()
                        && let Value::Int(i) = *top
                    {
                        // `{n}`: an int's str, without the format-spec machinery.
                        *top = Value::string(i.to_string());
                        continue;
                    }
                    let spec = if fl & 4 != 0 { Some(self.pop()) } else { None };
                    let v = self.pop();
                    let v = match fl & 3 {
                        1 => Value::string(self.str_of(&v)?),
                        2 => Value::string(self.repr_of(&v)?),
                        3 => Value::string(self.ascii_of(&v)?),
                        _ => v,
                    };
                    let spec_s = match &spec {
                        Some(Value::Str(s)) => s.as_str().to_string(),
                        _ => String::new(),
                    };
                    let r = match (&v, spec_s.is_empty()) {
                        (Value::Str(_), true) => v,
                        _ => Value::string(self.format_value(&v, &spec_s)?),
                    };
                    self.push(r);
                }
                Instr::UnpackSequence(n) => {
                    let seq = match self.pop() {
                        // A tuple of the right size (`for k, v in d.items()`): its
                        // items move out when nothing else holds it.
                        Value::Tuple(t) if t.items.len() == n as usize => {
                            match Arc::try_unwrap(t) {
                                Ok(mut t) => {
                                    std::mem::take(&mut t.items).into_vec().into_iter().rev().for_each(|v| self.push(v))
                                }
                                Err(t) => t.items.iter().rev().for_each(|v| self.push(v.clone())),
                            }
                            continue;
                        }
                        // A list of the right size: its items cloned straight
                        // onto the stack, without an intermediate vector.
                        Value::List(l) => {
                            let items = l.lock();
                            if items.len() == n as usize {
                                items.iter().rev().for_each(|v| self.frame.stack.push(v.clone()));
                                continue;
                            }
                            drop(items);
                            Value::List(l)
                        }
                        other => other,
                    };
                    let items = self.unpack(&seq, n as usize)?;
                    for v in items.into_iter().rev() {
                        self.push(v);
                    }
                }
                Instr::UnpackEx(arg) => {
                    let before = (arg & 0xffff) as usize;
                    let after = (arg >> 16) as usize;
                    let seq = self.pop();
                    let items = match self.collect(&seq) {
                        Ok(items) => items,
                        // A type that cannot be iterated at all, as UNPACK_SEQUENCE says it.
                        Err(e)
                            if self.is_exc(&e, "TypeError")
                                && !{
                                    let c = self.class_of(&seq);
                                    c.lookup("__iter__").is_some() || c.lookup("__getitem__").is_some()
                                } =>
                        {
                            let tn = self.type_name(&seq);
                            return Err(self.type_error(&format!("cannot unpack non-iterable {tn} object")));
                        }
                        Err(e) => return Err(e),
                    };
                    if items.len() < before + after {
                        return Err(self.value_error(&format!(
                            "not enough values to unpack (expected at least {}, got {})",
                            before + after,
                            items.len()
                        )));
                    }
                    let mid_end = items.len() - after;
                    let mut out = Vec::with_capacity(before + after + 1);
                    out.extend_from_slice(&items[..before]);
                    out.push(Value::list(items[before..mid_end].to_vec()));
                    out.extend_from_slice(&items[mid_end..]);
                    for v in out.into_iter().rev() {
                        self.push(v);
                    }
                }
                Instr::MakeFunction(fl) => {
                    let qualname = self.pop();
                    let code = self.pop();
                    let closure = if fl & 8 != 0 { Some(self.pop()) } else { None };
                    let annotations = if fl & 4 != 0 { Some(self.pop()) } else { None };
                    let kwdefaults = if fl & 2 != 0 { Some(self.pop()) } else { None };
                    let defaults = if fl & 1 != 0 { Some(self.pop()) } else { None };
                    let f = self.make_function(code, qualname, defaults, kwdefaults, closure, annotations)?;
                    self.push(f);
                }
                Instr::ReturnValue => {
                    let mut v = self.pop();
                    let mut bad_init = None;
                    if let Some(o) = self.frame.return_override.take() {
                        if !v.is_none() {
                            bad_init = Some(self.type_name(&v));
                        }
                        v = Value::Instance(o);
                    }
                    let init_error =
                        |vm: &Self, tn: String| vm.type_error(&format!("__init__() should return None, not '{tn}'"));
                    if self.frames.len() == base {
                        if let Some(tn) = bad_init {
                            return Err(init_error(self, tn));
                        }
                        return Ok(Exit::Return(v));
                    }
                    let parent = self.frames.pop().expect("caller frame");
                    let done = std::mem::replace(&mut self.frame, parent);
                    self.prof_exit();
                    self.recycle_frame(done);
                    // Raised in the caller, as CPython's check after `__init__`
                    // returned: the traceback ends at the `C()` call.
                    if let Some(tn) = bad_init {
                        return Err(init_error(self, tn));
                    }
                    self.push(v);
                }
                Instr::YieldValue => {
                    let v = self.pop();
                    return Ok(Exit::Yield(v));
                }
                Instr::GetYieldFromIter => {
                    let v = self.pop();
                    let it = match &v {
                        // A coroutine only under a coroutine (or `types.coroutine`) frame.
                        Value::Generator(g) if g.kind == crate::object::generator::GenKind::Coroutine => {
                            use crate::bytecode::code::flags::{COROUTINE, ITERABLE_COROUTINE};
                            if self.frame.code.flags & (COROUTINE | ITERABLE_COROUTINE) == 0 {
                                let msg = "cannot 'yield from' a coroutine object in a non-coroutine generator";
                                return Err(self.type_error(msg));
                            }
                            v
                        }
                        Value::Generator(g) if g.kind == crate::object::generator::GenKind::Generator => v,
                        _ => self.get_iter(&v)?,
                    };
                    self.push(it);
                }
                Instr::GetAwaitable(site) => {
                    let v = self.pop();
                    let aw = self.get_awaitable_at(v, site)?;
                    self.push(aw);
                }
                Instr::GetAIter => {
                    let v = self.pop();
                    let it = self.get_aiter(v)?;
                    self.push(it);
                }
                Instr::GetANext => {
                    let it = self.top().clone();
                    let aw = self.get_anext(&it)?;
                    self.push(aw);
                }
                Instr::BeforeAsyncWith => {
                    let mgr = self.top().clone();
                    let r = self.before_async_with(&mgr)?;
                    self.push(r);
                }
                Instr::Send(t) => {
                    let sent = self.pop();
                    let it = self.top().clone();
                    match self.send_to(&it, sent)? {
                        super::iter::SendResult::Yielded(y) => self.push(y),
                        super::iter::SendResult::Returned(r) => {
                            self.pop();
                            self.push(r);
                            self.frame.pc = t as usize;
                        }
                    }
                }
                Instr::SetupExcept(t) => {
                    let depth = self.frame.stack.len() as u32;
                    self.frame.blocks.push(Block { kind: BlockKind::Except, handler: t, depth });
                }
                Instr::SetupFinally(t) => {
                    let depth = self.frame.stack.len() as u32;
                    self.frame.blocks.push(Block { kind: BlockKind::Finally, handler: t, depth });
                }
                Instr::SetupWith(t) => {
                    // `__enter__` is a call: a safe point, so that what was
                    // dropped just before is finalized first (a generator
                    // abandoned inside `with lock:` releases the lock).
                    self.safe_point()?;
                    let cm = self.pop();
                    let (exit, entered) = self.enter_context(&cm)?;
                    self.push(exit);
                    let depth = self.frame.stack.len() as u32;
                    self.frame.blocks.push(Block { kind: BlockKind::Finally, handler: t, depth });
                    self.push(entered);
                }
                Instr::PopBlock => {
                    self.frame.blocks.pop();
                }
                Instr::PopExcept => {
                    if let Some(b) = self.frame.blocks.pop()
                        && b.kind == BlockKind::Handler
                    {
                        self.frame.handled.pop();
                    }
                }
                Instr::Reraise => {
                    let v = self.pop();
                    self.reraising = true;
                    return Err(match v {
                        Value::Instance(i) => PyErr { exc: i },
                        _ => self.runtime_error("bad re-raise"),
                    });
                }
                Instr::Raise(kind) => return Err(self.do_raise(kind)?),
                Instr::MatchPattern(i, fail) => {
                    let p = self.frame.code.patterns[i as usize].clone();
                    let at = self.frame.stack.len() - p.nvalues as usize;
                    let values: Vec<Value> = self.frame.stack.drain(at..).collect();
                    let subject = self.pop();
                    let mut binds = vec![Value::None; p.nbindings as usize];
                    if self.match_pat(&p.pat, &subject, &values, &mut binds)? {
                        self.frame.stack.extend(binds);
                    } else {
                        self.frame.pc = fail as usize;
                    }
                }
                Instr::ExcStarBegin => {
                    let v = self.pop();
                    self.push(v.clone());
                    self.push(v);
                    self.push(Value::list(Vec::new()));
                }
                Instr::ExcStarMatch(t) => {
                    let typ = self.pop();
                    match self.exc_star_match(typ)? {
                        Some(m) => self.push(m),
                        None => self.frame.pc = t as usize,
                    }
                }
                Instr::PushExcInfo => {
                    let v = self.pop();
                    let depth = self.frame.stack.len() as u32;
                    self.frame.blocks.push(Block { kind: BlockKind::Handler, handler: 0, depth });
                    self.frame.handled.push(v);
                }
                Instr::ExcStarCollect => {
                    let e = self.pop();
                    if let Value::List(l) = self.top() {
                        l.push(e);
                    }
                }
                Instr::ExcStarEnd => {
                    let raised = self.pop();
                    let rest = self.pop();
                    let orig = self.pop();
                    let r = self.prep_reraise_star(orig, raised, rest)?;
                    if !r.is_none() {
                        return Err(self.reraise_value(r));
                    }
                }
                Instr::CheckExcMatch => {
                    let spec = self.pop();
                    let exc = self.pop();
                    let m = self.exception_matches(&exc, &spec)?;
                    self.push(Value::Bool(m));
                }
                Instr::WithExitNormal => {
                    let exit = self.pop();
                    self.call(&exit, vec![Value::None, Value::None, Value::None])?;
                }
                Instr::WithExceptStart => {
                    let len = self.frame.stack.len();
                    let exit = self.frame.stack[len - 2].clone();
                    let exc = self.frame.stack[len - 1].clone();
                    let typ = Value::Class(self.class_of(&exc));
                    // `__exit__(type, value, traceback)`, the traceback as
                    // `value.__traceback__` holds it.
                    let tb = match &exc {
                        Value::Instance(i) => i.exc().map_or(Value::None, |st| self.exc_traceback(st)),
                        _ => Value::None,
                    };
                    let r = self.call(&exit, vec![typ, exc, tb])?;
                    let b = self.truthy(&r)?;
                    self.push(Value::Bool(b));
                }
                Instr::ImportName(n, fl) => {
                    let name = &code.names[n as usize];
                    let m = self.import_name(name.as_str(), fl & 0xffff, fl & (1 << 16) != 0)?;
                    self.push(m);
                }
                Instr::ImportFrom(n) => {
                    let name = &code.names[n as usize];
                    let m = self.top().clone();
                    let v = self.import_from(&m, name)?;
                    self.push(v);
                }
                Instr::ImportStar => {
                    let m = self.pop();
                    self.import_star(&m)?;
                }
                Instr::LoadAssertionError => {
                    let c = self.rt.types.exc("AssertionError");
                    self.push(Value::Class(c));
                }
                Instr::PrintExpr => {
                    // The REPL and `compile(..., "single")` echo through
                    // `sys.displayhook`, which a script may replace.
                    let v = self.pop();
                    match self.sys_attr("displayhook") {
                        Some(hook) => {
                            self.call(&hook, vec![v])?;
                        }
                        None => return Err(self.runtime_error("lost sys.displayhook")),
                    }
                }
                Instr::BuildClass(n) | Instr::BuildClassKw(n) => {
                    let kwnames =
                        if matches!(code.instrs[pc], Instr::BuildClassKw(_)) { Some(self.pop()) } else { None };
                    let mut items = self.pop_n(n as usize);
                    let mut kw = Vec::new();
                    if let Some(Value::Tuple(t)) = kwnames {
                        let vals = items.split_off(items.len() - t.items.len());
                        for (k, v) in t.items.iter().zip(vals) {
                            kw.push((k.as_str().cloned().expect("kw"), v));
                        }
                    }
                    let name = self.pop();
                    let body = self.pop();
                    let cls = self.build_class(body, name, items, kw)?;
                    self.push(cls);
                }
                Instr::BuildClassEx(fl) => {
                    let kwargs = if fl & 1 != 0 { Some(self.pop()) } else { None };
                    let bases = self.pop();
                    let name = self.pop();
                    let body = self.pop();
                    let items = self.collect(&bases)?;
                    let mut kw = Vec::new();
                    if let Some(Value::Dict(d)) = kwargs {
                        for (k, v) in d.lock().items() {
                            match k {
                                Value::Str(s) => kw.push((s, v)),
                                // A str subclass key binds by its text, as in CPython.
                                Value::Instance(ref i) if let Some(Value::Str(s)) = i.builtin_value() => {
                                    kw.push((s.clone(), v))
                                }
                                _ => return Err(self.type_error("keywords must be strings")),
                            }
                        }
                    }
                    let cls = self.build_class(body, name, items, kw)?;
                    self.push(cls);
                }
                Instr::LoadLocals => {
                    if let Some(m) = self.ns_mapping() {
                        self.push(m);
                        continue;
                    }
                    let d = self.frame.locals_dict.clone().unwrap_or_else(|| self.frame.globals.clone());
                    self.push(Value::Dict(d));
                }
                Instr::SetupAnnotations => {
                    if let Some(m) = self.ns_mapping() {
                        let key = self.rt.intern("__annotations__");
                        if self.mapping_lookup(&m, &key)?.is_none() {
                            self.set_item(&m, Value::Str(key), Value::Dict(Arc::new(Dict::new())))?;
                        }
                        continue;
                    }
                    let d = self.frame.locals_dict.clone().unwrap_or_else(|| self.frame.globals.clone());
                    if d.get_item_str("__annotations__").is_none() {
                        d.set_item_str("__annotations__", Value::Dict(Arc::new(Dict::new())));
                    }
                }
            }
        }
    }
}

/// The code object of the running frame, borrowed without a reference count.
///
/// SAFETY: `run_until_error` derives the view from `self.frame.code` at
/// the top of every instruction, so the view starts each instruction
/// pointing at a code object the current frame owns an `Arc` of. Within an instruction that frame is not dropped: calls
/// move it to `self.frames` (still owned), nested runs restore it before
/// returning, and the only arm that releases it (`ReturnValue`, recycling
/// the finished frame) does not read the view afterwards. Frames belong to
/// one thread's `Vm`, so no other thread can release it either.
#[derive(Clone, Copy)]
struct CodeView(*const crate::bytecode::CodeObject);

impl CodeView {
    #[inline]
    fn of(code: &Arc<crate::bytecode::CodeObject>) -> CodeView {
        CodeView(Arc::as_ptr(code))
    }

    #[inline]
    fn addr(self) -> usize {
        self.0 as usize
    }
}

impl std::ops::Deref for CodeView {
    type Target = crate::bytecode::CodeObject;
    #[inline]
    fn deref(&self) -> &crate::bytecode::CodeObject {
        // SAFETY: see the type's comment.
        unsafe { &*self.0 }
    }
}

/// Drops a value, skipping the out-of-line drop glue for the variants
/// that own nothing (ints, floats, bools, None): the common case of a
/// loop variable rebound or an expression statement's result.
#[inline(always)]
fn drop_value(v: Value) {
    match v {
        Value::None | Value::Int(_) | Value::Flt(_) | Value::Boolean(_) => std::mem::forget(v),
        other => drop(other),
    }
}

/// Int ∘ int without overflow and without Python's sign subtleties: the
/// cases the dispatch loop finishes inline (None: take the general path).
#[inline]
fn small_int_op(x: i64, y: i64, op: BinOp) -> Option<i64> {
    match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mult => x.checked_mul(y),
        BinOp::Mod if y > 0 && x >= 0 => Some(x % y),
        BinOp::FloorDiv if y > 0 && x >= 0 => Some(x / y),
        BinOp::BitAnd => Some(x & y),
        BinOp::BitOr => Some(x | y),
        BinOp::BitXor => Some(x ^ y),
        _ => None,
    }
}
