//! Pickling and copying the itertools iterators that wrap others or count
//! (`__reduce__` and `__setstate__`, in CPython 3.11's forms): `copy.copy`,
//! `copy.deepcopy` and `pickle` rebuild an object that goes on from where
//! the original is. The combinatoric ones, `groupby`, `tee` and
//! `zip_longest` are not picklable here yet.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use super::def;
use super::itertools_iter::{Accumulate, Chain, Compress, Count, Cycle, Islice, It, Predicate, Repeat, Starmap, Step};
use crate::object::class::Class;
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// The object a method was called on, as `It<T>`.
fn me<'a, T: Step>(vm: &Vm, a: &'a Args, name: &str) -> PyResult<&'a It<T>> {
    a.native_self::<It<T>>().ok_or_else(|| vm.type_error(&format!("descriptor requires a 'itertools.{name}' object")))
}

/// `(type(self), args)` or `(type(self), args, state)`.
fn reduced(class: &Arc<Class>, args: Vec<Value>, state: Option<Value>) -> Value {
    let mut t = vec![Value::Class(class.clone()), Value::tuple(args)];
    t.extend(state);
    Value::tuple(t)
}

fn class_in(d: &Dict, name: &str) -> Option<Arc<Class>> {
    match d.get_item_str(name) {
        Some(Value::Class(c)) => Some(c),
        _ => None,
    }
}

/// `iter(items)`: an iterator over a list.
fn iter_of(vm: &mut Vm, items: Vec<Value>) -> PyResult {
    vm.get_iter(&Value::list(items))
}

/// Adds the methods to the classes in the `itertools` module dict `d`.
pub fn register(d: &Dict) {
    if let Some(c) = class_in(d, "count") {
        def(&c.dict, "__reduce__", |vm, a| {
            let m = me::<Count>(vm, &a, "count")?;
            let (n, step) = m.inner.state.lock().clone();
            let args = if matches!(step, Value::Int(1)) { vec![n] } else { vec![n, step] };
            Ok(reduced(&m.class, args, None))
        });
    }
    if let Some(c) = class_in(d, "repeat") {
        def(&c.dict, "__reduce__", |vm, a| {
            let m = me::<Repeat>(vm, &a, "repeat")?;
            let mut args = vec![m.inner.obj.clone()];
            args.extend(m.inner.times.lock().map(Value::Int));
            Ok(reduced(&m.class, args, None))
        });
    }
    for name in ["dropwhile", "takewhile", "filterfalse"] {
        let Some(c) = class_in(d, name) else { continue };
        def(&c.dict, "__reduce__", move |vm, a| {
            let m = me::<Predicate>(vm, &a, name)?;
            let args = vec![m.inner.func.clone(), m.inner.it.clone()];
            // dropwhile's "done dropping" and takewhile's "stopped" flag.
            let state = (name != "filterfalse").then(|| Value::Bool(m.inner.flag.load(Ordering::Acquire)));
            Ok(reduced(&m.class, args, state))
        });
        if name != "filterfalse" {
            def(&c.dict, "__setstate__", move |vm, a| {
                a.check_method(vm, "__setstate__", 1, 1)?;
                let m = me::<Predicate>(vm, &a, name)?;
                let flag = vm.truthy(&a.pos[1])?;
                m.inner.flag.store(flag, Ordering::Release);
                Ok(Value::None)
            });
        }
    }
    if let Some(c) = class_in(d, "starmap") {
        def(&c.dict, "__reduce__", |vm, a| {
            let m = me::<Starmap>(vm, &a, "starmap")?;
            Ok(reduced(&m.class, vec![m.inner.func.clone(), m.inner.it.clone()], None))
        });
    }
    if let Some(c) = class_in(d, "compress") {
        def(&c.dict, "__reduce__", |vm, a| {
            let m = me::<Compress>(vm, &a, "compress")?;
            Ok(reduced(&m.class, vec![m.inner.data.clone(), m.inner.sel.clone()], None))
        });
    }
    register_stateful(d);
}

/// chain, islice, accumulate and cycle: rebuilt, then given their state.
fn register_stateful(d: &Dict) {
    if let Some(c) = class_in(d, "chain") {
        def(&c.dict, "__reduce__", |vm, a| {
            let m = me::<Chain>(vm, &a, "chain")?;
            let (src, active) = m.inner.state.lock().clone();
            let state = src.map(|s| Value::tuple(std::iter::once(s).chain(active).collect()));
            Ok(reduced(&m.class, vec![], state))
        });
        def(&c.dict, "__setstate__", |vm, a| {
            a.check_method(vm, "__setstate__", 1, 1)?;
            let m = me::<Chain>(vm, &a, "chain")?;
            // CPython parses the tuple as the arguments "O|O".
            let items = match &a.pos[1] {
                Value::Tuple(t) if (1..=2).contains(&t.items.len()) => t.items.to_vec(),
                Value::Tuple(t) if t.items.is_empty() => {
                    return Err(vm.type_error("function takes at least 1 argument (0 given)"));
                }
                Value::Tuple(t) => {
                    let n = t.items.len();
                    return Err(vm.type_error(&format!("function takes at most 2 arguments ({n} given)")));
                }
                _ => return Err(vm.type_error("state is not a tuple")),
            };
            for it in &items {
                if vm.get_attr_str(it, "__next__")?.is_none() {
                    return Err(vm.type_error("Arguments must be iterators."));
                }
            }
            *m.inner.state.lock() = (items.first().cloned(), items.get(1).cloned());
            Ok(Value::None)
        });
    }
    if let Some(c) = class_in(d, "islice") {
        def(&c.dict, "__reduce__", |vm, a| {
            let m = me::<Islice>(vm, &a, "islice")?;
            let it = m.inner.it.lock().clone();
            let Some(it) = it else {
                let empty = iter_of(vm, vec![])?;
                return Ok(reduced(&m.class, vec![empty, Value::Int(0)], Some(Value::Int(0))));
            };
            let (next, cnt) = *m.inner.pos.lock();
            let stop = m.inner.stop.map(Value::Int).unwrap_or(Value::None);
            let args = vec![it, Value::Int(next), stop, Value::Int(m.inner.step)];
            Ok(reduced(&m.class, args, Some(Value::Int(cnt))))
        });
        def(&c.dict, "__setstate__", |vm, a| {
            a.check_method(vm, "__setstate__", 1, 1)?;
            let m = me::<Islice>(vm, &a, "islice")?;
            let cnt = vm.index_of(&a.pos[1])?;
            m.inner.pos.lock().1 = cnt;
            Ok(Value::None)
        });
    }
    if let Some(c) = class_in(d, "accumulate") {
        def(&c.dict, "__reduce__", |vm, a| {
            let m = me::<Accumulate>(vm, &a, "accumulate")?;
            let (total, initial) = m.inner.state.lock().clone();
            let func = m.inner.func.clone().unwrap_or(Value::None);
            if let Some(init) = initial {
                // The initial value not yet given: it comes first again.
                let chain = vm.get_iter(&Value::tuple(vec![init]))?;
                let chain_cls = vm.import_name("itertools", 0, true)?;
                let chain_cls = vm.get_attr_str(&chain_cls, "chain")?.unwrap_or(Value::None);
                let it = vm.call(&chain_cls, vec![chain, m.inner.it.clone()])?;
                return Ok(reduced(&m.class, vec![it, func], Some(Value::None)));
            }
            Ok(reduced(&m.class, vec![m.inner.it.clone(), func], Some(total.unwrap_or(Value::None))))
        });
        def(&c.dict, "__setstate__", |vm, a| {
            a.check_method(vm, "__setstate__", 1, 1)?;
            let m = me::<Accumulate>(vm, &a, "accumulate")?;
            let total = a.pos[1].clone();
            m.inner.state.lock().0 = (!total.is_none()).then_some(total);
            Ok(Value::None)
        });
    }
    if let Some(c) = class_in(d, "cycle") {
        def(&c.dict, "__reduce__", |vm, a| {
            let m = me::<Cycle>(vm, &a, "cycle")?;
            let (saved, pos, replaying, firstpass) = {
                let st = m.inner.state.lock();
                (st.saved.clone(), st.pos, st.replaying, st.firstpass)
            };
            if replaying {
                // Replaying: the rest of this round, then the saved items
                // from the start.
                let k = if saved.is_empty() { 0 } else { pos % saved.len() };
                let it = iter_of(vm, saved[k..].to_vec())?;
                let state = Value::tuple(vec![Value::list(saved), Value::Bool(true)]);
                return Ok(reduced(&m.class, vec![it], Some(state)));
            }
            let state = Value::tuple(vec![Value::list(saved), Value::Bool(firstpass)]);
            Ok(reduced(&m.class, vec![m.inner.it.clone()], Some(state)))
        });
        def(&c.dict, "__setstate__", |vm, a| {
            a.check_method(vm, "__setstate__", 1, 1)?;
            let m = me::<Cycle>(vm, &a, "cycle")?;
            // CPython parses the tuple as the arguments "O!i" (a list, an int).
            let (saved, firstpass) = match &a.pos[1] {
                Value::Tuple(t) if t.items.len() == 2 => match &t.items[0] {
                    Value::List(l) => {
                        let saved = l.lock().clone();
                        (saved, vm.index_of(&t.items[1])? != 0)
                    }
                    other => {
                        let tn = vm.type_name(other);
                        return Err(vm.type_error(&format!("argument 1 must be list, not {tn}")));
                    }
                },
                Value::Tuple(t) => {
                    let n = t.items.len();
                    return Err(vm.type_error(&format!("function takes exactly 2 arguments ({n} given)")));
                }
                _ => return Err(vm.type_error("state is not a tuple")),
            };
            let mut st = m.inner.state.lock();
            st.saved = saved;
            st.firstpass = firstpass;
            st.pos = 0;
            Ok(Value::None)
        });
    }
}
