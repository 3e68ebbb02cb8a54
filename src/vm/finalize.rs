//! Running finalizers: `__del__` of instances and closing abandoned
//! generators, at a safe point of the dispatch loop (the queue they wait in
//! and why is `object/finalize.rs`; the order of things at exit is
//! `vm/shutdown.rs`).

use std::collections::HashSet;
use std::sync::Arc;

use super::{Args, PyErr, Vm};
use crate::object::finalize::Job;
use crate::object::generator::Generator;
use crate::object::value::Value;

/// How deep the exit pass follows containers from a module's globals.
const EXIT_WALK_DEPTH: usize = 64;

impl Vm {
    /// Runs every queued finalizer, oldest first, including those queued by
    /// the finalizers themselves. Called at safe points (the breaker bit),
    /// at `gc.collect()`, when a thread ends and at exit. A finalizer that
    /// drops more objects does not recurse: the outer loop picks them up.
    /// Returns how many ran.
    pub fn run_finalizers(&mut self) -> usize {
        self.run_finalizers_of(false)
    }

    /// `run_finalizers`, and with `all` also what other threads dropped
    /// (at exit, when no other thread will come for it).
    pub fn run_finalizers_of(&mut self, all: bool) -> usize {
        if self.finalizing {
            return 0;
        }
        let mut ran = 0;
        self.finalizing = true;
        let reraising = std::mem::replace(&mut self.reraising, false);
        loop {
            let batch = self.rt.finalizers.take(all);
            if batch.is_empty() {
                break;
            }
            ran += batch.len();
            for job in batch {
                match job {
                    Job::Finalize(v) => self.finalize_one(&v),
                    Job::WeakCallback(r) => self.run_weakref_callback(&r),
                }
            }
        }
        self.reraising = reraising;
        self.finalizing = false;
        ran
    }

    /// Finalizes one object: calls its class's `__del__`, or closes a
    /// generator. Errors are printed, never raised (CPython's unraisable hook).
    pub(super) fn finalize_one(&mut self, v: &Value) {
        match v {
            Value::Instance(inst) => {
                let Some(del) = inst.class.lookup("__del__") else { return };
                if let Err(e) = self.call_method_value(&del, v.clone(), vec![]) {
                    self.report_unraisable_obj(None, del, &e);
                }
            }
            Value::Generator(g) => {
                let warn = Generator::never_awaited(g.kind, &g.state.lock());
                if warn { self.warn_unawaited(g) } else { self.close_abandoned(g) }
            }
            _ => {}
        }
    }

    /// `RuntimeWarning: coroutine 'f' was never awaited` for a coroutine
    /// that goes without ever having run, through `warnings.warn` with the
    /// coroutine as its source, as CPython's `_PyErr_WarnUnawaitedCoroutine`:
    /// filters, `-W error` and `catch_warnings` apply, and the location is
    /// the frame that dropped it (`sys:1` when none runs, at exit). A warning
    /// turned into an error is reported as unraisable, as CPython does.
    ///
    /// As CPython's `_PyErr_WarnUnawaitedCoroutine`, the warning goes through
    /// `warnings._warn_unawaited_coroutine` (which adds the `cr_origin`
    /// frames); when that fails for another reason than the warning turned
    /// into an error, its error is reported as unraisable and the plain
    /// warning is given directly.
    pub(super) fn warn_unawaited(&mut self, g: &Arc<Generator>) {
        // Once: the coroutine may still be reachable (a global at exit).
        g.state.lock().awaited = true;
        let coro = Value::Generator(g.clone());
        let warnings = self.import_name("warnings", 0, true);
        let mut warned = false;
        let hook = match &warnings {
            Ok(w) => self.get_attr_str(w, "_warn_unawaited_coroutine"),
            Err(e) => Err(e.clone()),
        };
        let failed = match hook {
            Ok(Some(f)) => match self.call(&f, vec![coro.clone()]) {
                Ok(_) => {
                    warned = true;
                    None
                }
                Err(e) => {
                    warned = self.is_exc(&e, "RuntimeWarning");
                    Some(e)
                }
            },
            Ok(None) => None,
            Err(e) => Some(e),
        };
        if let Some(e) = failed {
            self.report_unraisable_obj(None, coro.clone(), &e);
        }
        if warned {
            return;
        }
        let msg = format!("coroutine '{}' was never awaited", g.qualname.as_str());
        let r = warnings.and_then(|w| {
            let Some(warn) = self.get_attr_str(&w, "warn")? else { return Ok(()) };
            let cat = Value::Class(self.rt.types.exc("RuntimeWarning"));
            self.call_value(&warn, Args::new(vec![Value::str(&msg), cat, Value::Int(1), coro.clone()]))?;
            Ok(())
        });
        if let Err(e) = r {
            self.report_unraisable_obj(None, coro, &e);
        }
    }

    /// Calls `r.__callback__(r)` for a `weakref.ref` whose referent died
    /// (once: the callback is taken).
    pub(super) fn run_weakref_callback(&mut self, r: &Value) {
        let Value::Instance(inst) = r else { return };
        let Some(d) = crate::object::weakref::data_of(inst) else { return };
        let Some(cb) = d.callback.lock().take() else { return };
        if let Err(e) = self.call(&cb, vec![r.clone()]) {
            self.report_unraisable_obj(None, cb, &e);
        }
    }

    /// Closes a generator nobody refers to any more (or that is left at exit).
    pub(super) fn close_abandoned(&mut self, g: &Arc<Generator>) {
        if !Generator::needs_close(g.kind, &g.state.lock()) {
            return;
        }
        if let Err(e) = self.gen_close(g) {
            self.report_unraisable_obj(None, Value::Generator(g.clone()), &e);
        }
    }

    /// `Exception ignored in: WHAT` and the traceback, on stderr. As
    /// CPython's default `sys.unraisablehook`, only the exception itself is
    /// shown, not the chain of its `__context__`/`__cause__`.
    pub fn report_unraisable(&mut self, what: &str, e: &PyErr) {
        self.report_unraisable_msg(&format!("Exception ignored in: {what}"), e);
    }

    /// An error raised by `obj` (a `__del__`, a callback) that nobody can
    /// catch: handed to `sys.unraisablehook` (whose default prints
    /// `ERR_MSG: repr(obj)` and the traceback), or printed here without `sys`.
    pub fn report_unraisable_obj(&mut self, err_msg: Option<&str>, obj: Value, e: &PyErr) {
        if crate::stdlib::sys_hooks::call_unraisablehook(self, err_msg, Some(obj.clone()), e) {
            return;
        }
        let what = self.repr_of(&obj).unwrap_or_else(|_| "<object repr() failed>".into());
        let msg = err_msg.unwrap_or("Exception ignored in");
        self.report_unraisable_msg(&format!("{msg}: {what}"), e);
    }

    /// `MSG` and the exception's own traceback, on stderr.
    pub fn report_unraisable_msg(&mut self, msg: &str, e: &PyErr) {
        let mut text = String::new();
        self.format_one(&e.value(), &mut text);
        use std::io::Write;
        let _ = std::io::stdout().flush();
        eprint!("{msg}\n{text}");
    }

    /// At exit, before anything is torn down: finalizes the objects still
    /// reachable from the globals of `module` (instances with `__del__`,
    /// suspended generators), as CPython's last collection does with every
    /// global still in place. The order follows CPython's for the common
    /// cases: instances and generators held by globals (and what instances
    /// hold) in definition order, then the contents of global lists, tuples
    /// and dicts — lists and tuples from the end.
    pub fn finalize_module_globals(&mut self, module: &str) {
        let Some(Value::Module(m)) = self.rt.modules.get_item_str(module) else { return };
        let mut found = Vec::new();
        let mut seen = HashSet::new();
        let globals = m.dict.lock().items();
        let is_container = |v: &Value| matches!(v, Value::List(_) | Value::Tuple(_) | Value::Dict(_));
        for (_, v) in globals.iter().filter(|(_, v)| !is_container(v)) {
            collect_finalizable(v, &mut found, &mut seen, EXIT_WALK_DEPTH);
        }
        for (_, v) in globals.iter().filter(|(_, v)| is_container(v)) {
            collect_finalizable(v, &mut found, &mut seen, EXIT_WALK_DEPTH);
        }
        for v in found {
            match &v {
                Value::Instance(inst) if !inst.weakrefs.mark_finalized() => self.finalize_one(&v),
                Value::Generator(_) => self.finalize_one(&v),
                _ => {}
            }
            self.run_finalizers();
        }
    }
}

/// Pushes onto `found` every object under `v` that has a finalizer, parents
/// before what they hold; `seen` (addresses) stops cycles.
fn collect_finalizable(v: &Value, found: &mut Vec<Value>, seen: &mut HashSet<usize>, depth: usize) {
    if depth == 0 {
        return;
    }
    let addr = match v {
        Value::Instance(i) => Arc::as_ptr(i) as usize,
        Value::List(l) => Arc::as_ptr(l) as usize,
        Value::Tuple(t) => Arc::as_ptr(t) as usize,
        Value::Dict(d) => Arc::as_ptr(d) as usize,
        Value::Generator(g) => Arc::as_ptr(g) as usize,
        _ => return,
    };
    if !seen.insert(addr) {
        return;
    }
    match v {
        Value::Instance(i) => {
            if i.class.finalizers.get().is_some() && !i.weakrefs.finalized() {
                found.push(v.clone());
            }
            if let Some(b) = i.builtin_value() {
                collect_finalizable(b, found, seen, depth - 1);
            }
            for (_, x) in i.dict.lock().items() {
                collect_finalizable(&x, found, seen, depth - 1);
            }
        }
        Value::List(l) => {
            for x in l.snapshot().iter().rev() {
                collect_finalizable(x, found, seen, depth - 1);
            }
        }
        Value::Tuple(t) => {
            for x in t.items.iter().rev() {
                collect_finalizable(x, found, seen, depth - 1);
            }
        }
        Value::Dict(d) => {
            for (_, x) in d.lock().items() {
                collect_finalizable(&x, found, seen, depth - 1);
            }
        }
        Value::Generator(g) if Generator::has_finalizer(g.kind, &g.state.lock()) => found.push(v.clone()),
        _ => {}
    }
}
