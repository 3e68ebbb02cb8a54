//! The `_functools` module under CPython's own `functools.py`: `reduce`,
//! `cmp_to_key`, `_lru_cache_wrapper` (the cache behind `lru_cache` and
//! `cache`) and `partial` (in `functools_partial.rs`), which functools.py
//! takes over its pure-Python versions as it takes CPython's C ones.
//!
//! The cache wrapper calls the user function straight from Rust: one
//! recursion level for the wrapper (as CPython's C call counts one) and no
//! Python frame, so memoized recursion stops where CPython's does. Its
//! cache is a gilt dict (Python hashing and equality of the keys), used in
//! insertion order as the LRU order; no lock of ours is held while Python
//! code runs, so with the GIL off concurrent calls may both miss and both
//! call the function, as CPython's may.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::def;
use crate::object::class::{Class, Instance, Layout, Payload};
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::value::Value;
use crate::vm::runtime::{new_builtin_class, new_overriding_builtin_class};
use crate::vm::{Args, PyResult, Vm};

/// The state of one `_lru_cache_wrapper`.
pub struct Lru {
    class: Arc<Class>,
    func: Value,
    /// `None`: unbounded; `Some(0)`: no caching at all.
    maxsize: Option<usize>,
    typed: bool,
    info_type: Value,
    /// Separates positional from keyword arguments in a key.
    kwd_mark: Value,
    cache: Arc<Dict>,
    hits: AtomicU64,
    misses: AtomicU64,
}

crate::object::native::impl_native_object!(Lru);

fn lru_of(v: &Value) -> Option<&Lru> {
    match v {
        Value::Instance(i) => match i.builtin_value()? {
            Value::Native2(n) => n.as_any().downcast_ref::<Lru>(),
            _ => None,
        },
        Value::Native2(n) => n.as_any().downcast_ref::<Lru>(),
        _ => None,
    }
}

fn this<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a Lru> {
    a.pos
        .first()
        .and_then(lru_of)
        .ok_or_else(|| vm.type_error("descriptor requires a 'functools._lru_cache_wrapper' object"))
}

/// The cache key of a call, as CPython's `_make_key`: a lone int or str
/// argument is its own key; otherwise a tuple of the positionals, the
/// marker and the keyword pairs, then the argument types when `typed`.
fn make_key(vm: &Vm, lru: &Lru, a: &Args) -> Value {
    let pos = &a.pos[1..];
    if a.kw.is_empty() && pos.len() == 1 && matches!(pos[0], Value::Int(_) | Value::Str(_) | Value::BigInt(_)) {
        return pos[0].clone();
    }
    let mut items: Vec<Value> = pos.to_vec();
    if !a.kw.is_empty() {
        items.push(lru.kwd_mark.clone());
        for (k, v) in &a.kw {
            items.push(Value::Str(k.clone()));
            items.push(v.clone());
        }
    }
    if lru.typed {
        for v in pos {
            items.push(Value::Class(vm.class_of(v)));
        }
        for (_, v) in &a.kw {
            items.push(Value::Class(vm.class_of(v)));
        }
    }
    Value::tuple(items)
}

/// `wrapper(*args, **kw)`.
fn lru_call(vm: &mut Vm, a: Args) -> PyResult {
    let me = a.pos.first().cloned().unwrap_or(Value::None);
    let Some(lru) = lru_of(&me) else { return Err(vm.type_error("bad lru_cache wrapper")) };
    vm.enter_recursion("")?;
    let r = lru_call_inner(vm, lru, a);
    vm.leave_recursion();
    r
}

fn lru_call_inner(vm: &mut Vm, lru: &Lru, a: Args) -> PyResult {
    if lru.maxsize == Some(0) {
        lru.misses.fetch_add(1, Ordering::Relaxed);
        return vm.call_value(&lru.func, Args::with_kw(a.pos[1..].to_vec(), a.kw));
    }
    let key = make_key(vm, lru, &a);
    if let Some(v) = vm.dict_get(&lru.cache, &key)? {
        lru.hits.fetch_add(1, Ordering::Relaxed);
        if lru.maxsize.is_some() {
            // Most recently used goes last.
            if vm.dict_del(&lru.cache, &key)?.is_some() {
                vm.dict_set(&lru.cache, key, v.clone())?;
            }
        }
        return Ok(v);
    }
    lru.misses.fetch_add(1, Ordering::Relaxed);
    let r = vm.call_value(&lru.func, Args::with_kw(a.pos[1..].to_vec(), a.kw))?;
    vm.dict_set(&lru.cache, key, r.clone())?;
    if let Some(max) = lru.maxsize {
        while lru.cache.len() > max {
            let old = {
                let mut g = lru.cache.lock();
                match g.next_from(0).map(|(_, next)| next - 1) {
                    Some(p) => g.remove_at(p),
                    None => None,
                }
            };
            // Freed without the dict's lock (a __del__ may run).
            drop(old);
        }
    }
    Ok(r)
}

fn register_lru(vm: &mut Vm, m: &Dict) {
    let object = std::slice::from_ref(&vm.rt.types.object);
    let cls = new_overriding_builtin_class("_lru_cache_wrapper", object, Layout::NativeNew);
    cls.dict.set_item_str("__module__", Value::str("functools"));
    let d = &cls.dict;
    let c = cls.clone();
    def(d, "__new__", move |vm, a| {
        if !a.kw.is_empty() {
            return Err(vm.type_error("_lru_cache_wrapper() takes no keyword arguments"));
        }
        let n = a.pos.len().saturating_sub(1);
        if n != 4 {
            return Err(vm.type_error(&format!("_lru_cache_wrapper() takes exactly 4 arguments ({n} given)")));
        }
        let cls = match a.pos.first().unwrap_or(&Value::None) {
            Value::Class(k) => k.clone(),
            _ => c.clone(),
        };
        let func = a.pos[1].clone();
        if !super::builtins_attr::is_callable(vm, &func) {
            return Err(vm.type_error("the first argument must be callable"));
        }
        let maxsize = match &a.pos[2] {
            Value::None => None,
            v @ (Value::Int(_) | Value::BigInt(_) | Value::Boolean(_)) => {
                let n = vm.index_of(v)?;
                Some(n.max(0) as usize)
            }
            _ => return Err(vm.type_error("maxsize should be integer or None")),
        };
        let typed = vm.truthy(&a.pos[3])?;
        let lru = Lru {
            class: c.clone(),
            func,
            maxsize,
            typed,
            info_type: a.pos[4].clone(),
            kwd_mark: Value::Class(c.clone()),
            cache: Arc::new(Dict::new()),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        };
        let inst = Instance::new(cls, Payload::Builtin(Value::from_native(Arc::new(lru))));
        Ok(Value::Instance(crate::object::gc::instance(Arc::new(inst))))
    });
    def(d, "__init__", |_vm, _a| Ok(Value::None));
    def(d, "__call__", lru_call);
    def(d, "cache_info", |vm, a| {
        let lru = this(vm, &a)?;
        let maxsize = lru.maxsize.map(|m| Value::Int(m as i64)).unwrap_or(Value::None);
        let args = vec![
            Value::Int(lru.hits.load(Ordering::Relaxed) as i64),
            Value::Int(lru.misses.load(Ordering::Relaxed) as i64),
            maxsize,
            Value::Int(lru.cache.len() as i64),
        ];
        let t = lru.info_type.clone();
        vm.call(&t, args)
    });
    def(d, "cache_clear", |vm, a| {
        let lru = this(vm, &a)?;
        lru.hits.store(0, Ordering::Relaxed);
        lru.misses.store(0, Ordering::Relaxed);
        let old = std::mem::take(&mut *lru.cache.lock());
        drop(old);
        Ok(Value::None)
    });
    def(d, "__get__", |_vm, a| {
        let me = a.pos.first().cloned().unwrap_or(Value::None);
        match a.pos.get(1) {
            None | Some(Value::None) => Ok(me),
            Some(obj) => Ok(Vm::bound(obj.clone(), me)),
        }
    });
    def(d, "__reduce__", |vm, a| {
        let me = a.pos.first().cloned().unwrap_or(Value::None);
        vm.get_attr(&me, &Arc::new(crate::object::str::PyStr::new("__qualname__")))
    });
    def(d, "__copy__", |_vm, a| Ok(a.pos.first().cloned().unwrap_or(Value::None)));
    def(d, "__deepcopy__", |_vm, a| Ok(a.pos.first().cloned().unwrap_or(Value::None)));
    m.set_item_str("_lru_cache_wrapper", Value::Class(cls));
}

/// `reduce(function, iterable[, initial])`.
fn reduce(vm: &mut Vm, a: Args) -> PyResult {
    a.no_kw(vm, "reduce")?;
    let n = a.pos.len();
    if !(2..=3).contains(&n) {
        let msg = if n < 2 {
            format!("reduce expected at least 2 arguments, got {n}")
        } else {
            format!("reduce expected at most 3 arguments, got {n}")
        };
        return Err(vm.type_error(&msg));
    }
    let f = a.pos.first().cloned().unwrap_or(Value::None);
    let it = match vm.get_iter(&a.pos[1]) {
        Ok(it) => it,
        Err(e) => {
            if e.exc.class.is_subclass(&vm.rt.types.exc("TypeError")) {
                return Err(vm.type_error("reduce() arg 2 must support iteration"));
            }
            return Err(e);
        }
    };
    let mut acc = a.pos.get(2).cloned();
    while let Some(x) = vm.next_value(&it)? {
        acc = Some(match acc {
            None => x,
            Some(v) => vm.call(&f, vec![v, x])?,
        });
    }
    acc.ok_or_else(|| vm.type_error("reduce() of empty iterable with no initial value"))
}

/// A `cmp_to_key` key: the comparison function and the wrapped object.
pub struct Key {
    class: Arc<Class>,
    cmp: Value,
    obj: Value,
}

crate::object::native::impl_native_object!(Key);

fn key_of(v: &Value) -> Option<&Key> {
    match v {
        Value::Native2(n) => n.as_any().downcast_ref::<Key>(),
        _ => None,
    }
}

fn register_cmp_to_key(vm: &mut Vm, m: &Dict) {
    let object = std::slice::from_ref(&vm.rt.types.object);
    let cls = new_builtin_class("KeyWrapper", object, Layout::Opaque);
    cls.dict.set_item_str("__module__", Value::str("functools"));
    let d = &cls.dict;
    for (name, op) in super::RICH_COMPARISONS {
        def(d, name, move |vm, a| {
            a.expect_after_self(vm, 1)?;
            let (Some(me), Some(other)) = (key_of(a.pos.first().unwrap_or(&Value::None)), key_of(&a.pos[1])) else {
                return Err(vm.type_error("other argument must be K instance"));
            };
            let r = vm.call(&me.cmp, vec![me.obj.clone(), other.obj.clone()])?;
            vm.compare(&r, &Value::Int(0), op)
        });
    }
    d.set_item_str("__hash__", Value::None);
    def(d, "__call__", |vm, a| {
        let Some(me) = a.pos.first().and_then(key_of) else { return Err(vm.type_error("bad KeyWrapper")) };
        a.no_kw(vm, "K")?;
        if a.pos.len() != 2 {
            return Err(vm.type_error(&format!("K() takes exactly 1 argument ({} given)", a.pos.len() - 1)));
        }
        let k = Key { class: me.class.clone(), cmp: me.cmp.clone(), obj: a.pos[1].clone() };
        Ok(Value::from_native(Arc::new(k)))
    });
    let getter = Vm::native("obj", |vm, a| {
        a.pos.first().and_then(key_of).map(|k| k.obj.clone()).ok_or_else(|| vm.type_error("bad KeyWrapper"))
    });
    super::readonly_property(vm, &cls, "obj", getter);
    def(m, "cmp_to_key", move |vm, mut a| {
        let f = a.arg(0, "mycmp");
        if a.pos.len() + a.kw.len() > 1 || f.is_none() {
            let msg = match f {
                None => "cmp_to_key() missing required argument 'mycmp' (pos 1)".to_string(),
                Some(_) => format!("cmp_to_key() takes at most 1 argument ({} given)", a.pos.len() + a.kw.len()),
            };
            return Err(vm.type_error(&msg));
        }
        let cmp = f.unwrap_or(Value::None);
        Ok(Value::from_native(Arc::new(Key { class: cls.clone(), cmp, obj: Value::None })))
    });
}

/// Creates the `_functools` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("_functools"));
    def(&d, "reduce", reduce);
    register_cmp_to_key(vm, &d);
    register_lru(vm, &d);
    super::functools_partial::register(vm, &d);
    Ok(Value::Module(Arc::new(Module::new(Arc::from("_functools"), d))))
}
