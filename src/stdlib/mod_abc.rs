//! The `_abc` module under CPython's `abc.py`: ABCMeta's registry and its
//! positive and negative caches, kept in Rust as CPython keeps them in C.
//! `isinstance(x, SomeABC)` runs `ABCMeta.__instancecheck__`, whose one call
//! here answers a cache hit without running any more Python; written in
//! Python the same check cost about 60 times CPython's.
//!
//! The sets hold classes weakly (a class registered with or tested against
//! an ABC is not kept alive by it), keyed by the class's address: a `Weak`
//! keeps the allocation, so the address of a dead entry is never reused by
//! a new class while the entry is there. Dead entries are dropped when a set
//! grows. No lock of ours is held while Python code runs (`__subclasshook__`,
//! `__subclasses__`, nested `issubclass`).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Weak};

use parking_lot::Mutex;

use super::def;
use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyResult, Vm};

/// Classes held weakly, keyed by address.
#[derive(Default)]
struct WeakClassSet {
    map: hashbrown::HashMap<usize, Weak<Class>>,
    /// Size at which dead entries are next swept out.
    sweep_at: usize,
}

impl WeakClassSet {
    fn contains(&self, c: &Arc<Class>) -> bool {
        self.map.get(&(Arc::as_ptr(c) as usize)).is_some_and(|w| w.strong_count() > 0)
    }

    fn add(&mut self, c: &Arc<Class>) {
        self.map.insert(Arc::as_ptr(c) as usize, Arc::downgrade(c));
        if self.map.len() > self.sweep_at {
            self.map.retain(|_, w| w.strong_count() > 0);
            self.sweep_at = (self.map.len() * 2).max(16);
        }
    }

    fn live(&self) -> Vec<Arc<Class>> {
        self.map.values().filter_map(Weak::upgrade).collect()
    }

    fn clear(&mut self) {
        self.map.clear();
    }
}

/// What `cls._abc_impl` holds (CPython's `_abc_data`).
pub struct AbcData {
    class: Arc<Class>,
    registry: Mutex<WeakClassSet>,
    cache: Mutex<WeakClassSet>,
    negative_cache: Mutex<WeakClassSet>,
    /// The invalidation counter's value when the negative cache was last valid.
    negative_version: AtomicU64,
}

crate::object::native::impl_native_object!(AbcData);

/// The module's state: the invalidation counter `register()` bumps, which
/// makes every ABC's negative cache stale (CPython keeps it per interpreter).
struct State {
    data_class: Arc<Class>,
    counter: AtomicU64,
    /// Names looked up on every check, interned once.
    names: Names,
}

struct Names {
    class: Arc<PyStr>,
    abc_impl: Arc<PyStr>,
    subclasscheck: Arc<PyStr>,
    subclasshook: Arc<PyStr>,
    subclasses: Arc<PyStr>,
}

/// `obj.name(*args)` with an interned name.
fn call_method(vm: &mut Vm, obj: &Value, name: &Arc<PyStr>, args: Vec<Value>) -> PyResult {
    match vm.lookup_method(obj, name)? {
        Some(m) => vm.call_method_value(&m, obj.clone(), args),
        None => {
            let f = vm.get_attr(obj, name)?;
            vm.call(&f, args)
        }
    }
}

impl State {
    fn new_data(&self) -> Value {
        Value::from_native(Arc::new(AbcData {
            class: self.data_class.clone(),
            registry: Mutex::default(),
            cache: Mutex::default(),
            negative_cache: Mutex::default(),
            negative_version: AtomicU64::new(self.counter.load(Ordering::Acquire)),
        }))
    }
}

/// `cls._abc_impl` (an AttributeError when missing).
fn impl_of(vm: &mut Vm, st: &State, cls: &Value) -> PyResult<Value> {
    vm.get_attr(cls, &st.names.abc_impl)
}

/// The `_abc_data` that `cls._abc_impl` must be.
fn data<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a AbcData> {
    match v {
        Value::Native2(n) => n.as_any().downcast_ref::<AbcData>(),
        _ => None,
    }
    .ok_or_else(|| vm.type_error("_abc_impl is set to a wrong type"))
}

fn two_args<'a>(vm: &mut Vm, a: &'a Args, name: &str) -> PyResult<(&'a Value, &'a Value)> {
    a.no_kw(vm, name)?;
    match &a.pos[..] {
        [x, y] => Ok((x, y)),
        _ => Err(vm.type_error(&format!("{name} expected 2 arguments, got {}", a.pos.len()))),
    }
}

fn one_arg<'a>(vm: &mut Vm, a: &'a Args, name: &str) -> PyResult<&'a Value> {
    a.no_kw(vm, name)?;
    match &a.pos[..] {
        [x] => Ok(x),
        _ => Err(vm.type_error(&format!("{name}() takes exactly one argument ({} given)", a.pos.len()))),
    }
}

/// True when `getattr(v, '__isabstractmethod__', False)` is true.
fn is_abstract(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    // An AttributeError raised on the way (a module's `__getattr__`) means "no", as
    // CPython's `_PyObject_LookupAttr`.
    match vm.get_attr_str(v, "__isabstractmethod__") {
        Ok(Some(x)) => vm.truthy(&x),
        Ok(None) => Ok(false),
        Err(e) if vm.is_exc(&e, "AttributeError") => Ok(false),
        Err(e) => Err(e),
    }
}

/// `_abc_init(cls)`: `__abstractmethods__` from the class's own namespace
/// and the abstract names of its bases still abstract here, then a fresh
/// `_abc_impl`.
fn abc_init(vm: &mut Vm, st: &State, cls: &Value) -> PyResult {
    let mut names: Vec<Value> = Vec::new();
    let ns = match cls {
        Value::Class(c) => c.dict.lock().items(),
        _ => Vec::new(),
    };
    for (k, v) in ns {
        if is_abstract(vm, &v)? {
            names.push(k);
        }
    }
    let bases = vm.get_attr_str(cls, "__bases__")?.unwrap_or_else(|| Value::tuple(Vec::new()));
    for base in vm.collect(&bases)? {
        let Some(inherited) = vm.get_attr_str(&base, "__abstractmethods__")? else { continue };
        for name in vm.collect(&inherited)? {
            let Value::Str(s) = &name else {
                let tn = vm.type_name(&name);
                return Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")));
            };
            let value = vm.get_attr_opt(cls, s)?;
            if let Some(value) = value
                && is_abstract(vm, &value)?
            {
                names.push(name);
            }
        }
    }
    let frozen = Value::Class(vm.rt.types.frozenset.clone());
    let abstracts = vm.call(&frozen, vec![Value::list(names)])?;
    let key = vm.rt.intern("__abstractmethods__");
    vm.set_attr(cls, &key, abstracts)?;
    let key = vm.rt.intern("_abc_impl");
    vm.set_attr(cls, &key, st.new_data())?;
    // CPython turns `__abc_tpflags__` into type flags and removes it; gilt
    // has no such flags (pattern matching looks at the MRO instead).
    if let Value::Class(c) = cls {
        let flags = c.dict.remove_item_str("__abc_tpflags__");
        drop(flags);
    }
    Ok(Value::None)
}

fn abc_register(vm: &mut Vm, st: &State, cls: &Value, sub: &Value) -> PyResult {
    let Value::Class(sc) = sub else { return Err(vm.type_error("Can only register classes")) };
    if vm.issubclass(sc, cls)? {
        return Ok(sub.clone());
    }
    // Tested after "already a subclass", so X.register(X) is a no-op.
    if let Value::Class(c) = cls
        && vm.issubclass(c, sub)?
    {
        return Err(vm.err("RuntimeError", "Refusing to create an inheritance cycle"));
    }
    let imp = impl_of(vm, st, cls)?;
    data(vm, &imp)?.registry.lock().add(sc);
    st.counter.fetch_add(1, Ordering::AcqRel);
    Ok(sub.clone())
}

fn abc_instancecheck(vm: &mut Vm, st: &State, cls: &Value, inst: &Value) -> PyResult {
    let imp = impl_of(vm, st, cls)?;
    let d = data(vm, &imp)?;
    let subclass = vm.get_attr(inst, &st.names.class)?;
    if let Value::Class(sc) = &subclass
        && d.cache.lock().contains(sc)
    {
        return Ok(Value::Bool(true));
    }
    let subtype = vm.class_of(inst);
    if matches!(&subclass, Value::Class(sc) if Arc::ptr_eq(sc, &subtype)) {
        if d.negative_version.load(Ordering::Acquire) == st.counter.load(Ordering::Acquire)
            && d.negative_cache.lock().contains(&subtype)
        {
            return Ok(Value::Bool(false));
        }
        return call_method(vm, cls, &st.names.subclasscheck, vec![subclass]);
    }
    let r = call_method(vm, cls, &st.names.subclasscheck, vec![subclass])?;
    if vm.truthy(&r)? {
        return Ok(r);
    }
    call_method(vm, cls, &st.names.subclasscheck, vec![Value::Class(subtype)])
}

fn abc_subclasscheck(vm: &mut Vm, st: &State, cls: &Value, sub: &Value) -> PyResult {
    let Value::Class(sc) = sub else { return Err(vm.type_error("issubclass() arg 1 must be a class")) };
    let imp = impl_of(vm, st, cls)?;
    let d = data(vm, &imp)?;
    // 1. The positive cache.
    if d.cache.lock().contains(sc) {
        return Ok(Value::Bool(true));
    }
    // 2. The negative cache, emptied when a register() made it stale.
    let now = st.counter.load(Ordering::Acquire);
    if d.negative_version.load(Ordering::Acquire) < now {
        d.negative_cache.lock().clear();
        d.negative_version.store(now, Ordering::Release);
    } else if d.negative_cache.lock().contains(sc) {
        return Ok(Value::Bool(false));
    }
    // 3. The class's own hook.
    let ok = call_method(vm, cls, &st.names.subclasshook, vec![sub.clone()])?;
    match ok {
        Value::NotImplemented => {}
        _ => match ok.as_bool() {
            Some(true) => {
                d.cache.lock().add(sc);
                return Ok(ok);
            }
            Some(false) => {
                d.negative_cache.lock().add(sc);
                return Ok(ok);
            }
            None => {
                return Err(
                    vm.err("AssertionError", "__subclasshook__ must return either False, True, or NotImplemented")
                );
            }
        },
    }
    // 4. A real subclass.
    if let Value::Class(c) = cls
        && sc.mro_with_self().any(|m| Arc::ptr_eq(m, c))
    {
        d.cache.lock().add(sc);
        return Ok(Value::Bool(true));
    }
    // 5. A subclass of a registered class (registered itself: not cached).
    if d.registry.lock().contains(sc) {
        return Ok(Value::Bool(true));
    }
    let registered = d.registry.lock().live();
    for r in registered {
        if vm.issubclass(sc, &Value::Class(r))? {
            d.cache.lock().add(sc);
            return Ok(Value::Bool(true));
        }
    }
    // 6. A subclass of a subclass.
    let subs = call_method(vm, cls, &st.names.subclasses, vec![])?;
    for s in vm.collect(&subs)? {
        if vm.issubclass(sc, &s)? {
            d.cache.lock().add(sc);
            return Ok(Value::Bool(true));
        }
    }
    d.negative_cache.lock().add(sc);
    Ok(Value::Bool(false))
}

/// `_get_dump(cls)`: sets of weak references to the registry and both
/// caches, and the negative cache's version.
fn get_dump(vm: &mut Vm, st: &State, cls: &Value) -> PyResult {
    let imp = impl_of(vm, st, cls)?;
    let d = data(vm, &imp)?;
    let lists = [d.registry.lock().live(), d.cache.lock().live(), d.negative_cache.lock().live()];
    let weakref = vm.import_name("_weakref", 0, true)?;
    let ref_type = vm.get_attr_str(&weakref, "ref")?.unwrap_or(Value::None);
    let set_type = Value::Class(vm.rt.types.set.clone());
    let mut out = Vec::with_capacity(4);
    for classes in lists {
        let mut refs = Vec::with_capacity(classes.len());
        for c in classes {
            refs.push(vm.call(&ref_type, vec![Value::Class(c)])?);
        }
        out.push(vm.call(&set_type, vec![Value::list(refs)])?);
    }
    out.push(Value::Int(d.negative_version.load(Ordering::Acquire) as i64));
    Ok(Value::tuple(out))
}

/// Creates the `_abc` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("_abc"));
    let object = std::slice::from_ref(&vm.rt.types.object);
    let data_class = new_builtin_class("_abc_data", object, Layout::Opaque);
    data_class.dict.set_item_str("__module__", Value::str("_abc"));
    data_class.dict.set_item_str("__doc__", Value::str("Internal state held by ABC machinery."));
    let names = Names {
        class: vm.rt.intern("__class__"),
        abc_impl: vm.rt.intern("_abc_impl"),
        subclasscheck: vm.rt.intern("__subclasscheck__"),
        subclasshook: vm.rt.intern("__subclasshook__"),
        subclasses: vm.rt.intern("__subclasses__"),
    };
    let st = Arc::new(State { data_class, counter: AtomicU64::new(0), names });
    let s = st.clone();
    def(&st.data_class.dict, "__new__", move |_vm, _a| Ok(s.new_data()));

    let s = st.clone();
    def(&d, "get_cache_token", move |vm, a| {
        a.check(vm, "get_cache_token", 0, 0)?;
        Ok(Value::Int(s.counter.load(Ordering::Acquire) as i64))
    });
    let s = st.clone();
    def(&d, "_abc_init", move |vm, a| {
        let cls = one_arg(vm, &a, "_abc_init")?;
        abc_init(vm, &s, cls)
    });
    let s = st.clone();
    def(&d, "_abc_register", move |vm, a| {
        let (cls, sub) = two_args(vm, &a, "_abc_register")?;
        abc_register(vm, &s, cls, sub)
    });
    let s = st.clone();
    def(&d, "_abc_instancecheck", move |vm, a| {
        let (cls, inst) = two_args(vm, &a, "_abc_instancecheck")?;
        abc_instancecheck(vm, &s, cls, inst)
    });
    let s = st.clone();
    def(&d, "_abc_subclasscheck", move |vm, a| {
        let (cls, sub) = two_args(vm, &a, "_abc_subclasscheck")?;
        abc_subclasscheck(vm, &s, cls, sub)
    });
    let s = st.clone();
    def(&d, "_get_dump", move |vm, a| {
        let cls = one_arg(vm, &a, "_get_dump")?;
        get_dump(vm, &s, cls)
    });
    let s = st.clone();
    def(&d, "_reset_registry", move |vm, a| {
        let cls = one_arg(vm, &a, "_reset_registry")?;
        let imp = impl_of(vm, &s, cls)?;
        data(vm, &imp)?.registry.lock().clear();
        Ok(Value::None)
    });
    let s = st.clone();
    def(&d, "_reset_caches", move |vm, a| {
        let cls = one_arg(vm, &a, "_reset_caches")?;
        let imp = impl_of(vm, &s, cls)?;
        let dd = data(vm, &imp)?;
        dd.cache.lock().clear();
        dd.negative_cache.lock().clear();
        Ok(Value::None)
    });
    Ok(Value::Module(Arc::new(Module::new(Arc::from("_abc"), d))))
}
