//! The attribute dict of a `_thread._local` for the running thread (see
//! `object/thread_local.rs`), and the work a thread leaves for its end.

use std::sync::Arc;

use super::{Args, PyResult, Vm};
use crate::object::class::Instance;
use crate::object::dict::Dict;
use crate::object::thread_local::{forget_thread, local_of, weak_payload};
use crate::object::value::Value;

/// When a thread-end hook runs: first the thread's `_local` dicts are
/// dropped, then (as CPython does on deleting the thread state) the
/// `_set_sentinel` locks that `Thread.join` waits on are released.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EndPhase {
    Locals,
    Sentinels,
}

/// One piece of work for the end of a thread.
pub type EndHook = (EndPhase, Box<dyn FnOnce() + Send>);

impl Vm {
    /// The dict `inst`'s attributes live in for this thread: the instance's
    /// own, or for a `_thread._local` this thread's one, made on first use
    /// (running the class's `__init__` with the object's constructor
    /// arguments, as CPython does in every thread but the creating one).
    pub fn instance_dict(&mut self, inst: &Arc<Instance>) -> PyResult<Arc<Dict>> {
        let Some(data) = local_of(inst) else { return Ok(inst.dict.clone()) };
        if let Some(d) = data.dicts.lock().get(&self.ident) {
            return Ok(d.clone());
        }
        let d = Arc::new(Dict::new());
        data.dicts.lock().insert(self.ident, d.clone());
        if let Some(weak) = weak_payload(inst) {
            let ident = self.ident;
            self.at_thread_end.push((EndPhase::Locals, Box::new(move || forget_thread(&weak, ident))));
        }
        let init = inst.class.lookup("__init__");
        let own_init = init.as_ref().is_some_and(|i| match self.rt.types.object.dict.get_item_str("__init__") {
            Some(o) => !i.is(&o),
            None => true,
        });
        if let Some(init) = init.filter(|_| own_init) {
            let mut pos = vec![Value::Instance(inst.clone())];
            pos.extend(data.args.iter().cloned());
            if let Err(e) = self.call_value(&init, Args::with_kw(pos, data.kw.clone())) {
                data.dicts.lock().remove(&self.ident);
                return Err(e);
            }
        }
        Ok(d)
    }

    /// CPython's error for assigning or deleting a `_local`'s `__dict__`.
    pub fn local_dict_read_only(&mut self, obj: &Value) -> super::PyErr {
        let cls = self.class_of(obj);
        // A C type's name carries its module (`_thread._local`).
        let tn = if cls.builtin { format!("_thread.{}", cls.name().as_str()) } else { self.type_name(obj) };
        self.err("AttributeError", &format!("'{tn}' object attribute '__dict__' is read-only"))
    }

    /// Runs the work of `phase` this thread left for its end.
    pub fn run_thread_end_hooks(&mut self, phase: EndPhase) {
        let (now, later): (Vec<EndHook>, Vec<EndHook>) =
            std::mem::take(&mut self.at_thread_end).into_iter().partition(|h| h.0 == phase);
        self.at_thread_end = later;
        for (_, f) in now {
            f();
        }
    }
}
