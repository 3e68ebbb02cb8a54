//! The `atexit` module: functions called at normal interpreter exit, last
//! registered first (`vm/shutdown.rs` runs them after the non-daemon
//! threads are joined and before what is left is finalized).

use std::sync::Arc;

use parking_lot::Mutex;

use super::def;
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// One registered call.
struct Callback {
    func: Value,
    args: Vec<Value>,
    kw: Vec<(Arc<PyStr>, Value)>,
}

/// The runtime's registered callbacks. As in CPython, `unregister` empties
/// slots rather than removing them, and `_ncallbacks()` counts slots.
#[derive(Default)]
pub struct Callbacks(Mutex<Vec<Option<Callback>>>);

/// Calls every registered function, last registered first, then forgets
/// them all. An exception is printed (`Exception ignored in atexit
/// callback: …` and its traceback) and the next function still runs.
pub fn run_exitfuncs(vm: &mut Vm) {
    // The slots present now; functions registered meanwhile are not run.
    let n = vm.rt.atexit.0.lock().len();
    for i in (0..n).rev() {
        let cb = vm.rt.atexit.0.lock().get_mut(i).and_then(Option::take);
        let Some(cb) = cb else { continue };
        if let Err(e) = vm.call_value(&cb.func, Args::with_kw(cb.args, cb.kw)) {
            vm.report_unraisable_obj(Some("Exception ignored in atexit callback"), cb.func.clone(), &e);
        }
    }
    vm.rt.atexit.0.lock().clear();
}

/// Creates the `atexit` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let _ = vm;
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("atexit"));
    def(&d, "register", |vm, mut a| {
        if a.pos.is_empty() {
            return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
        }
        let func = a.pos.remove(0);
        if !super::builtins_attr::is_callable(vm, &func) {
            return Err(vm.type_error("the first argument must be callable"));
        }
        let cb = Callback { func: func.clone(), args: std::mem::take(&mut a.pos), kw: std::mem::take(&mut a.kw) };
        vm.rt.atexit.0.lock().push(Some(cb));
        Ok(func)
    });
    def(&d, "unregister", |vm, a| {
        a.check(vm, "unregister", 1, 1)?;
        // Compare without the lock held: `==` may run Python.
        let funcs: Vec<(usize, Value)> = vm
            .rt
            .atexit
            .0
            .lock()
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.as_ref().map(|c| (i, c.func.clone())))
            .collect();
        for (i, f) in funcs {
            if vm.eq(&f, &a.pos[0])? {
                let mut slots = vm.rt.atexit.0.lock();
                if let Some(slot) = slots.get_mut(i)
                    && slot.as_ref().is_some_and(|c| c.func.is(&f))
                {
                    *slot = None;
                }
            }
        }
        Ok(Value::None)
    });
    def(&d, "_run_exitfuncs", |vm, _a| {
        run_exitfuncs(vm);
        Ok(Value::None)
    });
    def(&d, "_clear", |vm, _a| {
        vm.rt.atexit.0.lock().clear();
        Ok(Value::None)
    });
    def(&d, "_ncallbacks", |vm, _a| Ok(Value::Int(vm.rt.atexit.0.lock().len() as i64)));
    Ok(Value::Module(Arc::new(Module::new(Arc::from("atexit"), d))))
}
