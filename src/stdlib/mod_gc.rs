//! The `gc` module over the cycle collector (`object/gc.rs`,
//! `vm/gc_collect.rs`): collecting, switches, thresholds, counts, the
//! objects tracked and their referents/referrers, freezing, `callbacks`,
//! `garbage` and the `DEBUG_*` flags.

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use super::def;
use crate::object::dict::Dict;
use crate::object::gc::{GcObj, may_hold_refs};
use crate::object::module::Module;
use crate::object::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// An int argument (bools count), or CPython's TypeError.
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Boolean(b) => Ok(b.get() as i64),
        v => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// The objects `v` refers to, as values (what `gc.get_referents` shows).
fn referents(vm: &Vm, v: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    match v {
        Value::List(l) => out.extend(l.snapshot()),
        Value::Tuple(t) => out.extend(t.items.iter().cloned()),
        Value::Dict(d) => {
            for (k, v) in d.lock().items() {
                out.push(k);
                out.push(v);
            }
        }
        Value::Set(s) => out.extend(s.lock().keys()),
        Value::Instance(i) => {
            if !i.class.extra.no_dict {
                out.push(Value::Dict(i.dict.clone()));
            }
            if let Some(s) = &i.slots {
                out.extend(s.lock().iter().flatten().cloned());
            }
            out.push(Value::Class(i.class.clone()));
        }
        Value::Method(m) => {
            out.push(m.func.clone());
            out.push(m.receiver.clone());
        }
        Value::Function(f) => {
            out.push(Value::Code(f.code.clone()));
            out.push(Value::Dict(f.globals.clone()));
            out.push(f.module.lock().clone());
            let d = f.defaults.lock().clone();
            if !d.is_empty() {
                out.push(Value::tuple(d.to_vec()));
            }
        }
        Value::Class(c) => {
            out.push(Value::Dict(c.dict.clone()));
            out.extend(c.bases.iter().map(|b| Value::Class(b.clone())));
        }
        _ => {}
    }
    let _ = vm;
    out.retain(|v| !v.is_none());
    out
}

/// `gc.is_tracked`: what CPython tracks. Dicts and tuples holding only
/// atoms are not (CPython untracks them), containers are.
fn is_tracked(v: &Value) -> bool {
    match v {
        Value::Dict(d) => d.lock().items().iter().any(|(k, v)| may_hold_refs(k) || may_hold_refs(v)),
        Value::Tuple(t) => t.items.iter().any(may_hold_refs),
        Value::List(_)
        | Value::Set(_)
        | Value::Instance(_)
        | Value::Function(_)
        | Value::Method(_)
        | Value::Class(_)
        | Value::Generator(_)
        | Value::Module(_) => true,
        Value::Native2(_) | Value::Iter(_) | Value::Native(_) => true,
        _ => false,
    }
}

/// Creates the `gc` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("gc"));
    def(&d, "collect", |vm, mut a: Args| {
        let g = a.arg(0, "generation");
        a.no_extra_kw(vm, "collect")?;
        a.check(vm, "collect", 0, 1)?;
        let g = match g {
            Some(v) => int_arg(vm, &v)?,
            None => 2,
        };
        if !(0..=2).contains(&g) {
            return Err(vm.value_error("invalid generation"));
        }
        Ok(Value::Int(vm.gc_collect(g as usize) as i64))
    });
    def(&d, "enable", |vm, a| {
        a.posonly(vm, "enable", 0, 0)?;
        vm.rt.gc.set_enabled(true);
        Ok(Value::None)
    });
    def(&d, "disable", |vm, a| {
        a.posonly(vm, "disable", 0, 0)?;
        vm.rt.gc.set_enabled(false);
        Ok(Value::None)
    });
    def(&d, "isenabled", |vm, a| {
        a.posonly(vm, "isenabled", 0, 0)?;
        Ok(Value::Bool(vm.rt.gc.is_enabled()))
    });
    def(&d, "get_count", |vm, a| {
        a.posonly(vm, "get_count", 0, 0)?;
        let c = vm.rt.gc.counts();
        Ok(Value::tuple(c.iter().map(|&n| Value::Int(n as i64)).collect()))
    });
    def(&d, "get_threshold", |vm, a| {
        a.posonly(vm, "get_threshold", 0, 0)?;
        let t = vm.rt.gc.thresholds();
        Ok(Value::tuple(t.iter().map(|&n| Value::Int(n as i64)).collect()))
    });
    def(&d, "set_threshold", |vm, a| {
        a.no_kw(vm, "set_threshold")?;
        if a.pos.is_empty() || a.pos.len() > 3 {
            let n = a.pos.len();
            let msg = if n == 0 {
                "set_threshold expected at least 1 argument, got 0".to_string()
            } else {
                format!("set_threshold expected at most 3 arguments, got {n}")
            };
            return Err(vm.type_error(&msg));
        }
        let mut t = vm.rt.gc.thresholds();
        for (i, v) in a.pos.iter().enumerate() {
            t[i] = int_arg(vm, v)?.max(0) as usize;
        }
        vm.rt.gc.set_thresholds(t);
        Ok(Value::None)
    });
    def(&d, "get_objects", |vm, mut a: Args| {
        let g = a.arg(0, "generation");
        a.no_extra_kw(vm, "get_objects")?;
        a.check(vm, "get_objects", 0, 1)?;
        let g = match g.filter(|v| !v.is_none()) {
            None => None,
            Some(v) => {
                let g = int_arg(vm, &v)?;
                if g >= 3 {
                    return Err(vm.value_error(
                        "generation parameter must be less than the number of available generations (3)",
                    ));
                }
                if g < 0 {
                    return Err(vm.value_error("generation parameter cannot be negative"));
                }
                Some(g as usize)
            }
        };
        let objs = vm.rt.gc.objects(g);
        Ok(Value::list(objs.iter().filter_map(GcObj::to_value).collect()))
    });
    def(&d, "get_referents", |vm, a| {
        a.no_kw(vm, "get_referents")?;
        let mut out = Vec::new();
        for v in &a.pos {
            if is_tracked(v) {
                out.extend(referents(vm, v));
            }
        }
        Ok(Value::list(out))
    });
    def(&d, "get_referrers", |vm, a| {
        a.no_kw(vm, "get_referrers")?;
        let targets: HashSet<usize> = a.pos.iter().filter_map(Value::ptr).collect();
        let mut out = Vec::new();
        for o in vm.rt.gc.objects(None) {
            let mut hit = false;
            o.traverse(&mut |p| hit |= targets.contains(&p));
            if hit && let Some(v) = o.to_value() {
                out.push(v);
            }
        }
        // Module globals are not tracked, but CPython reports the dicts.
        for (_, m) in vm.rt.modules.lock().items() {
            if let Value::Module(m) = m
                && m.dict.lock().items().iter().any(|(_, v)| v.ptr().is_some_and(|p| targets.contains(&p)))
            {
                out.push(Value::Dict(m.dict.clone()));
            }
        }
        Ok(Value::list(out))
    });
    def(&d, "is_tracked", |vm, a| {
        a.posonly(vm, "is_tracked", 1, 1)?;
        Ok(Value::Bool(is_tracked(&a.pos[0])))
    });
    def(&d, "is_finalized", |vm, a| {
        a.posonly(vm, "is_finalized", 1, 1)?;
        Ok(Value::Bool(match &a.pos[0] {
            Value::Instance(i) => i.weakrefs.finalized() && i.class.finalizers.get().is_some(),
            _ => false,
        }))
    });
    def(&d, "freeze", |vm, a| {
        a.posonly(vm, "freeze", 0, 0)?;
        vm.rt.gc.freeze();
        Ok(Value::None)
    });
    def(&d, "unfreeze", |vm, a| {
        a.posonly(vm, "unfreeze", 0, 0)?;
        vm.rt.gc.unfreeze();
        Ok(Value::None)
    });
    def(&d, "get_freeze_count", |vm, a| {
        a.posonly(vm, "get_freeze_count", 0, 0)?;
        Ok(Value::Int(vm.rt.gc.freeze_count() as i64))
    });
    def(&d, "get_stats", |vm, a| {
        a.posonly(vm, "get_stats", 0, 0)?;
        let mut out = Vec::new();
        for s in vm.rt.gc.stats() {
            let d = Arc::new(Dict::new());
            d.set_item_str("collections", Value::Int(s.collections as i64));
            d.set_item_str("collected", Value::Int(s.collected as i64));
            d.set_item_str("uncollectable", Value::Int(s.uncollectable as i64));
            out.push(Value::Dict(d));
        }
        Ok(Value::list(out))
    });
    def(&d, "set_debug", |vm, a| {
        a.posonly(vm, "set_debug", 1, 1)?;
        let f = int_arg(vm, &a.pos[0])?;
        vm.rt.gc.debug.store(f as u32, Ordering::Relaxed);
        Ok(Value::None)
    });
    def(&d, "get_debug", |vm, a| {
        a.posonly(vm, "get_debug", 0, 0)?;
        Ok(Value::Int(vm.rt.gc.debug.load(Ordering::Relaxed) as i64))
    });
    for (name, v) in [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", 32),
        ("DEBUG_LEAK", 38),
    ] {
        d.set_item_str(name, Value::Int(v));
    }
    d.set_item_str("callbacks", vm.rt.gc.callbacks.clone());
    d.set_item_str("garbage", vm.rt.gc.garbage.clone());
    Ok(Value::Module(Arc::new(Module::new(Arc::from("gc"), d))))
}
