//! Attribute access: `obj.name`, `obj.name = v`, `del obj.name`, and the
//! method lookup behind LoadMethod. Follows CPython's generic rules: data
//! descriptors on the class, then the instance dict, then other class
//! attributes (functions become bound methods), then `__getattr__`.

use std::sync::Arc;

use super::{PyErr, PyResult, Vm};
use crate::object::class::{Class, Instance};
use crate::object::descr::{CellObject, ClassMethod, Property, SlotMember, StaticMethod, Super};
use crate::object::str::PyStr;
use crate::object::value::Value;

impl Vm {
    /// `type(v)`.
    pub fn class_of(&self, v: &Value) -> Arc<Class> {
        let t = &self.rt.types;
        match v {
            Value::Instance(i) => i.class.clone(),
            Value::None => t.none.clone(),
            Value::NotImplemented => t.notimpl.clone(),
            Value::Ellipsis => t.ellipsis.clone(),
            Value::Boolean(_) => t.bool_.clone(),
            Value::Int(_) | Value::BigInt(_) => t.int.clone(),
            Value::Flt(_) => t.float.clone(),
            Value::Cplx(_) => t.complex.clone(),
            Value::Str(_) => t.str_.clone(),
            Value::Bytes(_) => t.bytes.clone(),
            Value::Tuple(_) => t.tuple.clone(),
            Value::List(_) => t.list.clone(),
            Value::Dict(_) => t.dict.clone(),
            Value::Set(s) => {
                if s.frozen {
                    t.frozenset.clone()
                } else {
                    t.set.clone()
                }
            }
            Value::Function(_) => t.function.clone(),
            Value::Native(n) => match &n.owner {
                Some(o) if crate::stdlib::method_sigs::is_slot_wrapper(o, &n.name) => t.wrapper_descriptor.clone(),
                Some(_) => t.method_descriptor.clone(),
                None => t.builtin_function.clone(),
            },
            Value::Method(m) => match &m.func {
                Value::Native(n) => match &n.owner {
                    Some(o) if crate::stdlib::method_sigs::is_slot_wrapper(o, &n.name) => t.method_wrapper.clone(),
                    _ => t.builtin_function.clone(),
                },
                _ => t.method.clone(),
            },
            Value::Class(c) => c.metaclass.clone().unwrap_or_else(|| t.type_.clone()),
            Value::Module(m) => m.subclass().cloned().unwrap_or_else(|| t.module.clone()),
            Value::Generator(g) => match g.kind {
                crate::object::generator::GenKind::Generator => t.generator.clone(),
                crate::object::generator::GenKind::Coroutine => t.coroutine.clone(),
                crate::object::generator::GenKind::AsyncGenerator => t.async_generator.clone(),
            },
            Value::Iter(ni) => t.iterators.get(ni.type_name()).cloned().unwrap_or_else(|| t.iterator.clone()),
            Value::Range(_) => t.range.clone(),
            Value::Slice(_) => t.slice.clone(),
            Value::Code(_) => t.code.clone(),
            Value::Native2(o) => o.class().clone(),
        }
    }

    /// The name of `type(v)`, as error messages show it.
    pub fn type_name(&self, v: &Value) -> String {
        self.class_of(v).name().as_str().to_string()
    }

    /// `getattr(obj, name)`.
    pub fn get_attr(&mut self, obj: &Value, name: &Arc<PyStr>) -> PyResult {
        let err = match self.get_attr_opt(obj, name) {
            Ok(Some(v)) => return Ok(v),
            Ok(None) => self.attribute_error(obj, name.as_str()),
            Err(e) => e,
        };
        Err(self.attr_error_names(err, obj, name))
    }

    /// As CPython 3.11's `PyObject_GetAttr`: an AttributeError that says
    /// nothing of what was looked up learns `name` and `obj`, which the
    /// traceback printer's "Did you mean" reads.
    pub(super) fn attr_error_names(&self, err: PyErr, obj: &Value, name: &Arc<PyStr>) -> PyErr {
        if err.exc.class.is_subclass(&self.rt.types.exc("AttributeError"))
            && err.exc.dict.get_item_str("name").is_none()
            && err.exc.dict.get_item_str("obj").is_none()
        {
            err.exc.dict.set_item_str("name", Value::Str(name.clone()));
            err.exc.dict.set_item_str("obj", obj.clone());
        }
        err
    }

    /// `getattr(obj, name)` with absence reported as None (AttributeError
    /// raised by Python code such as a property still propagates).
    pub fn get_attr_opt(&mut self, obj: &Value, name: &Arc<PyStr>) -> PyResult<Option<Value>> {
        match obj {
            Value::Instance(inst) => {
                if inst.class.attr_flags() & crate::object::class::class_flags::HAS_GETATTRIBUTE != 0 {
                    let cls = inst.class.clone();
                    return self.getattribute_override(&cls, obj, name);
                }
                self.instance_getattr_hooked(inst, obj, name)
            }
            Value::Class(c) => {
                // A metaclass's `__getattribute__` decides for its classes.
                if let Some(meta) = &c.metaclass
                    && meta.attr_flags() & crate::object::class::class_flags::HAS_GETATTRIBUTE != 0
                {
                    let meta = meta.clone();
                    return self.getattribute_override(&meta, obj, name);
                }
                let r = self.class_getattr(c, name);
                // A metaclass's `__getattr__` answers what the class lacks.
                match (r, &c.metaclass) {
                    (Ok(Some(v)), _) => Ok(Some(v)),
                    (Ok(None), Some(meta)) => {
                        let meta = meta.clone();
                        self.getattr_fallback(&meta, obj, name, None)
                    }
                    (Err(e), Some(meta)) => {
                        let meta = meta.clone();
                        self.getattr_fallback(&meta, obj, name, Some(e))
                    }
                    (r, None) => r,
                }
            }
            Value::Module(m) => {
                if let Some(cls) = m.subclass().cloned() {
                    return self.module_subclass_getattr(&cls, m, obj, name);
                }
                self.module_getattr(m, obj, name)
            }
            Value::Native2(o) if o.as_any().is::<Super>() => {
                let s = o.as_any().downcast_ref::<Super>().expect("super");
                if let Some(v) = self.super_getattr(s, name)? {
                    return Ok(Some(v));
                }
                // Then the super object's own attributes (`__get__`, `__repr__`).
                let cls = self.class_of(obj);
                match cls.lookup_str(name) {
                    Some(f) => self.descr_get(&f, obj, &cls).map(Some),
                    None => Ok(None),
                }
            }
            _ => self.builtin_getattr(obj, name),
        }
    }

    /// An instance's attribute as CPython's `slot_tp_getattr_hook` finds it
    /// for a class without its own `__getattribute__`: the generic lookup,
    /// then, when it finds nothing or raises AttributeError (a property
    /// that raised it, say), the class's `__getattr__`.
    fn instance_getattr_hooked(
        &mut self,
        inst: &Arc<Instance>,
        obj: &Value,
        name: &Arc<PyStr>,
    ) -> PyResult<Option<Value>> {
        match self.instance_getattr(inst, obj, name, false) {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) => self.getattr_fallback(&inst.class, obj, name, None),
            Err(e) => self.getattr_fallback(&inst.class, obj, name, Some(e)),
        }
    }

    /// The class's `__getattr__` after the generic lookup found nothing
    /// (`err` None) or raised `err`: only an AttributeError is handed over.
    pub(super) fn getattr_fallback(
        &mut self,
        cls: &Arc<Class>,
        obj: &Value,
        name: &Arc<PyStr>,
        err: Option<PyErr>,
    ) -> PyResult<Option<Value>> {
        if let Some(e) = &err
            && !self.is_exc(e, "AttributeError")
        {
            return Err(err.expect("checked"));
        }
        match cls.lookup_user("__getattr__") {
            // Bound as special methods are: a descriptor's `__get__` decides.
            Some(ga) => self.call_method_value(&ga, obj.clone(), vec![Value::Str(name.clone())]).map(Some),
            None => match err {
                Some(e) => Err(e),
                None => Ok(None),
            },
        }
    }

    /// `obj.name` when a Python class of `cls`'s MRO defines `__getattribute__`
    /// (CPython's `slot_tp_getattr_hook`): its answer, or on AttributeError
    /// the class's `__getattr__` when it has one.
    fn getattribute_override(&mut self, cls: &Arc<Class>, obj: &Value, name: &Arc<PyStr>) -> PyResult<Option<Value>> {
        let Some(ga) = cls.lookup_user("__getattribute__") else {
            return match obj {
                Value::Instance(inst) => self.instance_getattr(inst, obj, name, true),
                Value::Class(c) => self.class_getattr(c, name),
                _ => self.builtin_getattr(obj, name),
            };
        };
        // Bound as special methods are: a descriptor's `__get__` decides.
        match self.call_method_value(&ga, obj.clone(), vec![Value::Str(name.clone())]) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.is_exc(&e, "AttributeError") => match cls.lookup_user("__getattr__") {
                Some(g) => self.call_method_value(&g, obj.clone(), vec![Value::Str(name.clone())]).map(Some),
                None => Err(e),
            },
            Err(e) => Err(e),
        }
    }

    /// `object.__getattribute__(obj, name)`: the generic lookup, without the
    /// class's own `__getattribute__` and `__getattr__` (None: absent).
    pub fn generic_getattr(&mut self, obj: &Value, name: &Arc<PyStr>) -> PyResult<Option<Value>> {
        match obj {
            Value::Instance(inst) => self.instance_getattr(inst, obj, name, false),
            Value::Class(c) => self.class_getattr(c, name),
            _ => self.get_attr_opt(obj, name),
        }
    }

    /// An instance's attribute by the generic rules; `with_getattr` lets the
    /// class's `__getattr__` answer a missing name.
    fn instance_getattr(
        &mut self,
        inst: &Arc<Instance>,
        obj: &Value,
        name: &Arc<PyStr>,
        with_getattr: bool,
    ) -> PyResult<Option<Value>> {
        // A `_thread._local` keeps its attributes in this thread's dict.
        let local;
        let dict = if crate::object::thread_local::local_of(inst).is_some() {
            local = self.instance_dict(inst)?;
            &local
        } else {
            &inst.dict
        };
        // Without data descriptors on the class, the instance dict decides first.
        if inst.class.attr_flags() & crate::object::class::class_flags::HAS_DATA_DESCR == 0
            && let Some(v) = dict.get_str(name)
        {
            return Ok(Some(v));
        }
        // `obj.__class__` (common in `__eq__`s): object's data descriptor
        // answers unless a Python class of the MRO defines the name itself.
        if name.as_str() == "__class__" && inst.class.lookup_user_str(name).is_none() {
            return Ok(Some(Value::Class(inst.class.clone())));
        }
        let cls = inst.class.clone();
        let cls_attr = cls.lookup_str(name);
        // A data descriptor without `__get__` (only `__set__`) lets the
        // instance dict answer first, as PyObject_GenericGetAttr.
        if let Some(a) = &cls_attr
            && self.is_data_descriptor(a)
            && !matches!(a, Value::Instance(d) if d.class.lookup_user("__get__").is_none())
        {
            return self.descr_get(a, obj, &cls).map(Some);
        }
        if let Some(v) = dict.get_str(name) {
            return Ok(Some(v));
        }
        match name.as_str() {
            "__dict__" if !cls.extra.no_dict => return Ok(Some(Value::Dict(dict.clone()))),
            "__class__" => return Ok(Some(Value::Class(cls))),
            // The first weak reference to the object, as CPython's `__weakref__`
            // slot holds it (None without one); classes whose instances take
            // weak references only.
            "__weakref__" if !cls.builtin && !cls.extra.no_weakref => {
                let first = inst.weakrefs.get().and_then(|w| w.live().into_iter().next());
                return Ok(Some(first.map_or(Value::None, Value::Instance)));
            }
            _ => {}
        }
        if let Some(st) = inst.exc() {
            if name.as_str() == "__traceback__" {
                return Ok(Some(self.exc_traceback(st)));
            }
            let st = st.lock();
            match name.as_str() {
                "args" => return Ok(Some(Value::tuple(st.args.clone()))),
                "__cause__" => return Ok(Some(st.cause.clone().unwrap_or(Value::None))),
                "__context__" => return Ok(Some(st.context.clone().unwrap_or(Value::None))),
                "__suppress_context__" => return Ok(Some(Value::Bool(st.suppress_context))),
                "message" if st.group.is_some() => return Ok(st.group.as_ref().map(|g| g.0.clone())),
                "exceptions" if st.group.is_some() => return Ok(st.group.as_ref().map(|g| g.1.clone())),
                "code" if cls.is_subclass(&self.rt.types.exc("SystemExit")) => {
                    return Ok(Some(match st.args.len() {
                        0 => Value::None,
                        1 => st.args[0].clone(),
                        _ => Value::tuple(st.args.clone()),
                    }));
                }
                "value" if cls.is_subclass(&self.rt.types.exc("StopIteration")) => {
                    return Ok(Some(st.args.first().cloned().unwrap_or(Value::None)));
                }
                "errno" | "strerror" if cls.is_subclass(&self.rt.types.exc("OSError")) => {
                    let i = if name.as_str() == "errno" { 0 } else { 1 };
                    return Ok(Some(if st.args.len() == 2 { st.args[i].clone() } else { Value::None }));
                }
                "filename" | "filename2" if cls.is_subclass(&self.rt.types.exc("OSError")) => {
                    return Ok(Some(Value::None));
                }
                "msg"
                | "filename"
                | "lineno"
                | "offset"
                | "text"
                | "end_lineno"
                | "end_offset"
                | "print_file_and_line"
                    if cls.is_subclass(&self.rt.types.exc("SyntaxError")) =>
                {
                    return Ok(Some(syntax_error_field(&st.args, name.as_str())));
                }
                _ => {}
            }
        }
        if let Some(a) = cls_attr {
            // A module's function (`f = len`, `f = math.floor`) is no descriptor and stays
            // unbound, but a method of a built-in type (`write = list.append`) binds as
            // CPython's method_descriptor does, checking the object's type first.
            if let Value::Native(n) = &a {
                if n.is_module_function() {
                    return Ok(Some(a));
                }
                self.check_descr_applies(n, obj)?;
                return Ok(Some(Vm::bound(obj.clone(), a)));
            }
            return self.descr_get(&a, obj, &cls).map(Some);
        }
        if let Some(pv) = inst.builtin_value().cloned()
            && let Some(v) = self.builtin_special_attr(&pv, name.as_str())?
        {
            return Ok(Some(v));
        }
        if with_getattr && let Some(ga) = cls.lookup_user("__getattr__") {
            return match self.call_method_value(&ga, obj.clone(), vec![Value::Str(name.clone())]) {
                Ok(v) => Ok(Some(v)),
                Err(e) => Err(e),
            };
        }
        Ok(None)
    }

    fn class_getattr(&mut self, c: &Arc<Class>, name: &Arc<PyStr>) -> PyResult<Option<Value>> {
        match name.as_str() {
            "__name__" => return Ok(Some(Value::Str(c.name()))),
            "__qualname__" => return Ok(Some(Value::Str(c.qualname.lock().clone()))),
            "__mro__" => {
                let mut items = vec![Value::Class(c.clone())];
                items.extend(c.mro.iter().map(|m| Value::Class(m.clone())));
                return Ok(Some(Value::tuple(items)));
            }
            "__bases__" => {
                let items = c.bases.iter().map(|m| Value::Class(m.clone())).collect();
                return Ok(Some(Value::tuple(items)));
            }
            "__base__" => {
                let best =
                    if c.builtin { c.bases.first().cloned() } else { crate::vm::class_build::best_base(&c.bases) };
                return Ok(Some(best.map_or(Value::None, Value::Class)));
            }
            // A read-only `types.MappingProxyType` over the class dict, as
            // CPython's (its Python class lives in py/_gilt_types.py).
            "__dict__" => {
                // Made directly (no Python `__new__` call): this is read often.
                let m = self.import_name("_gilt_types", 0, true)?;
                let Some(Value::Class(mp)) = self.get_attr_str(&m, "mappingproxy")? else {
                    return Ok(Some(Value::Dict(c.dict.clone())));
                };
                let proxy = Instance::new(mp, crate::object::class::Payload::None);
                proxy.dict.set_item_str("_mapping", Value::Dict(c.dict.clone()));
                return Ok(Some(Value::Instance(crate::object::gc::instance(Arc::new(proxy)))));
            }
            "__class__" => return Ok(Some(Value::Class(self.class_of(&Value::Class(c.clone()))))),
            "__flags__" => return Ok(Some(Value::Int(self.type_flags(c)))),
            // A class's own annotations, never a base's: made empty on
            // first read and kept (CPython's `type_get_annotations`).
            "__annotations__" if !c.builtin => {
                if let Some(v) = c.dict.get_item_str("__annotations__") {
                    return Ok(Some(v));
                }
                let d = Value::Dict(Arc::new(crate::object::dict::Dict::new()));
                c.dict.set_str(name, d.clone());
                c.invalidate_flags();
                return Ok(Some(d));
            }
            // Not inherited (CPython computes it from each type's own doc):
            // `inspect.signature` of a class without `__init__` reads object's.
            "__text_signature__" => {
                return Ok(Some(c.dict.get_item_str("__text_signature__").unwrap_or_else(|| {
                    if Arc::ptr_eq(c, &self.rt.types.object) { Value::str("()") } else { Value::None }
                })));
            }
            _ => {}
        }
        if let Some(a) = c.lookup_str(name) {
            if let Value::Native2(o) = &a {
                if let Some(sm) = o.as_any().downcast_ref::<StaticMethod>() {
                    return Ok(Some(sm.func.clone()));
                }
                if let Some(cm) = o.as_any().downcast_ref::<ClassMethod>() {
                    let f = cm.func.clone();
                    return self.classmethod_bind(f, Value::Class(c.clone())).map(Some);
                }
                if o.as_any().is::<Property>() {
                    return Ok(Some(a));
                }
            }
            if let Value::Instance(di) = &a
                && let Some(get) = di.class.lookup_user("__get__")
            {
                return self.call(&get, vec![a.clone(), Value::None, Value::Class(c.clone())]).map(Some);
            }
            return Ok(Some(a));
        }
        match name.as_str() {
            "__doc__" => return Ok(Some(Value::None)),
            "__module__" => return Ok(Some(Value::str("builtins"))),
            _ => {}
        }
        // Methods of the metaclass (or of `type`) bound to the class.
        let meta = self.class_of(&Value::Class(c.clone()));
        if let Some(a) = meta.lookup_str(name) {
            return self.descr_get(&a, &Value::Class(c.clone()), &meta).map(Some);
        }
        Ok(None)
    }

    /// `type.__flags__` with CPython's bits that the library tests:
    /// HEAPTYPE for classes made by a `class` statement, the immutable and
    /// ready bits, ABSTRACT, and the fast-subclass bits of the built-ins.
    fn type_flags(&self, c: &Arc<Class>) -> i64 {
        let t = &self.rt.types;
        let mut f: i64 = (1 << 10) | (1 << 12) | (1 << 14);
        f |= if c.builtin { 1 << 8 } else { 1 << 9 };
        if c.dict.get_item_str("__abstractmethods__").is_some_and(|v| match &v {
            Value::Set(s) => !s.is_empty(),
            _ => false,
        }) {
            f |= 1 << 20;
        }
        let bits: [(&Arc<Class>, i64); 7] = [
            (&t.int, 1 << 24),
            (&t.list, 1 << 25),
            (&t.tuple, 1 << 26),
            (&t.bytes, 1 << 27),
            (&t.str_, 1 << 28),
            (&t.dict, 1 << 29),
            (&t.type_, 1 << 31),
        ];
        for (base, bit) in bits {
            if c.is_subclass(base) {
                f |= bit;
            }
        }
        if c.is_subclass(&t.exc("BaseException")) {
            f |= 1 << 30;
        }
        f
    }

    fn super_getattr(&mut self, s: &Super, name: &Arc<PyStr>) -> PyResult<Option<Value>> {
        // The classes after `start` in the MRO, walked in place (no copy of the MRO).
        // An unbound super searches nothing.
        let mut mro = s.obj_type.mro_with_self();
        let found_start = s.bound && mro.any(|c| Arc::ptr_eq(c, &s.start));
        for c in mro.filter(|_| found_start) {
            if let Some(a) = c.dict.get_str(name) {
                // A classmethod reached through super() binds to the original class.
                if let Value::Native2(o) = &a
                    && let Some(cm) = o.as_any().downcast_ref::<ClassMethod>()
                {
                    let recv = match &s.obj {
                        Value::Class(_) => s.obj.clone(),
                        _ => Value::Class(s.obj_type.clone()),
                    };
                    let f = cm.func.clone();
                    return self.classmethod_bind(f, recv).map(Some);
                }
                // super() inside a class-level method (`__new__`, a classmethod):
                // obj is a subclass of start, not an instance (a metaclass's
                // super() has a class as its instance: that one binds).
                if let Value::Class(oc) = &s.obj
                    && oc.is_subclass(&s.start)
                {
                    // object.__init_subclass__ is a classmethod: it gets the class.
                    if name.as_str() == "__init_subclass__" && matches!(a, Value::Native(_)) {
                        return Ok(Some(Vm::bound(s.obj.clone(), a)));
                    }
                    if let Value::Native2(o) = &a
                        && let Some(sm) = o.as_any().downcast_ref::<StaticMethod>()
                    {
                        return Ok(Some(sm.func.clone()));
                    }
                    // super().__new__ / super().method on a class: unbound.
                    return Ok(Some(a));
                }
                return self.descr_get(&a, &s.obj, &s.obj_type).map(Some);
            }
        }
        match name.as_str() {
            "__class__" => Ok(Some(Value::Class(self.rt.types.super_.clone()))),
            "__thisclass__" => Ok(Some(Value::Class(s.start.clone()))),
            "__self__" => Ok(Some(if s.bound { s.obj.clone() } else { Value::None })),
            "__self_class__" => Ok(Some(if s.bound { Value::Class(s.obj_type.clone()) } else { Value::None })),
            _ => Ok(None),
        }
    }

    fn is_data_descriptor(&self, a: &Value) -> bool {
        is_data_descr(a)
    }

    /// Binds a class attribute found for `obj` (functions → bound methods,
    /// descriptors → their `__get__`).
    pub fn descr_get(&mut self, a: &Value, obj: &Value, cls: &Arc<Class>) -> PyResult {
        match a {
            // A module's function has no `__get__` (see `NativeFunction::is_module_function`).
            Value::Native(n) if n.is_module_function() => Ok(a.clone()),
            Value::Function(_) | Value::Native(_) => Ok(Vm::bound(obj.clone(), a.clone())),
            Value::Native2(o) => {
                if let Some(p) = o.as_any().downcast_ref::<Property>() {
                    if p.fget.is_none() {
                        return Err(self.property_missing(p, obj, "getter"));
                    }
                    let f = p.fget.clone();
                    return self.call(&f, vec![obj.clone()]);
                }
                if let Some(sm) = o.as_any().downcast_ref::<StaticMethod>() {
                    return Ok(sm.func.clone());
                }
                if let Some(cm) = o.as_any().downcast_ref::<ClassMethod>() {
                    let f = cm.func.clone();
                    return self.classmethod_bind(f, Value::Class(cls.clone()));
                }
                if let Some(m) = o.as_any().downcast_ref::<SlotMember>() {
                    return self.slot_get(m, obj);
                }
                // An unbound `super(C)` binds to the instance it is read through.
                if let Some(s) = o.as_any().downcast_ref::<Super>()
                    && !s.bound
                    && !obj.is_none()
                    && let Some(get) = self.rt.types.super_.dict.get_item_str("__get__")
                {
                    return self.call(&get, vec![a.clone(), obj.clone(), Value::Class(cls.clone())]);
                }
                Ok(a.clone())
            }
            Value::Instance(di) if !di.class.builtin || di.class.extra.native_overrides => {
                match di.class.lookup_user("__get__") {
                    Some(get) => self.call(&get, vec![a.clone(), obj.clone(), Value::Class(cls.clone())]),
                    None => Ok(a.clone()),
                }
            }
            _ => Ok(a.clone()),
        }
    }

    /// The built-in type a method descriptor belongs to, when it is a built-in name.
    pub fn descr_owner_class(&self, n: &crate::object::function::NativeFunction) -> Option<Arc<Class>> {
        match n.owner.as_ref().and_then(|o| self.rt.builtins.get_item_str(o)) {
            Some(Value::Class(c)) => Some(c),
            _ => None,
        }
    }

    /// CPython's `descr_check`: a method of a built-in type binds only to instances of
    /// that type (`descriptor 'write' for 'list' objects doesn't apply to a 'X' object`).
    pub fn check_descr_applies(&mut self, n: &crate::object::function::NativeFunction, obj: &Value) -> PyResult<()> {
        if let Some(owner) = self.descr_owner_class(n)
            && !self.class_of(obj).is_subclass(&owner)
        {
            let got = self.type_name(obj);
            let msg = format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{got}' object",
                n.name,
                owner.name().as_str()
            );
            return Err(self.type_error(&msg));
        }
        Ok(())
    }

    /// `classmethod.__get__` for the class `cls`: a function becomes a method
    /// bound to the class; since 3.9 (until 3.13) a wrapped object with its
    /// own `__get__` (a property, another classmethod) is asked
    /// `__get__(cls, cls)` instead.
    pub fn classmethod_bind(&mut self, func: Value, cls: Value) -> PyResult {
        if matches!(func, Value::Function(_) | Value::Native(_) | Value::Method(_)) {
            return Ok(Vm::bound(cls, func));
        }
        match self.class_of(&func).lookup("__get__") {
            Some(get) => self.call(&get, vec![func, cls.clone(), cls]),
            None => Ok(Vm::bound(cls, func)),
        }
    }

    pub fn unwrap_staticmethod(&self, o: &Arc<dyn crate::object::native::NativeObject>) -> Option<Value> {
        o.as_any().downcast_ref::<StaticMethod>().map(|s| s.func.clone())
    }

    /// For LoadMethod: the unbound function when `obj.name` would be a
    /// plain bound method (so CallMethod can skip making one).
    pub fn lookup_method(&mut self, obj: &Value, name: &Arc<PyStr>) -> PyResult<Option<Value>> {
        match obj {
            Value::Instance(inst) => {
                // The class's `__getattribute__` must see `obj.name()`.
                if inst.class.attr_flags() & crate::object::class::class_flags::HAS_GETATTRIBUTE != 0 {
                    return Ok(None);
                }
                let Some(a) = inst.class.lookup_str(name) else { return Ok(None) };
                let is_method = match &a {
                    Value::Function(_) => true,
                    Value::Native(n) => !n.is_module_function(),
                    _ => false,
                };
                if is_method && inst.dict.get_str(name).is_none() {
                    return Ok(Some(a));
                }
                Ok(None)
            }
            Value::Class(_) | Value::Module(_) | Value::Native2(_) => Ok(None),
            _ => {
                let cls = self.class_of(obj);
                match cls.lookup_str(name) {
                    Some(a @ Value::Native(_)) => Ok(Some(a)),
                    _ => Ok(None),
                }
            }
        }
    }

    /// Attributes of built-in values that are not methods.
    pub(super) fn builtin_getattr(&mut self, obj: &Value, name: &Arc<PyStr>) -> PyResult<Option<Value>> {
        if let Some(v) = self.builtin_special_attr(obj, name.as_str())? {
            return Ok(Some(v));
        }
        if let Value::Function(f) = obj
            && let Some(v) = f.dict.get_str(name)
        {
            return Ok(Some(v));
        }
        if let Value::Native2(o) = obj
            && let Some(v) = self.native_object_attr(o, name.as_str())?
        {
            return Ok(Some(v));
        }
        if let Value::Native2(o) = obj
            && let Some(v) = self.native_dict_attr(o, name)
        {
            return Ok(Some(v));
        }
        let cls = self.class_of(obj);
        match cls.lookup_str(name) {
            Some(a) => self.descr_get(&a, obj, &cls).map(Some),
            // A bound method reads what its type lacks from its function (CPython's
            // method_getattro): `obj.m.calls` when `C.m.calls = 0`, `__wrapped__`.
            None => match obj {
                Value::Method(m) if matches!(m.func, Value::Function(_)) => {
                    let f = m.func.clone();
                    self.get_attr_opt(&f, name)
                }
                _ => Ok(None),
            },
        }
    }

    fn builtin_special_attr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let v = match (obj, name) {
            (_, "__class__") => Value::Class(self.class_of(obj)),
            (Value::Function(f), "__name__") => Value::Str(f.name.lock().clone()),
            (Value::Function(f), "__qualname__") => Value::Str(f.qualname.lock().clone()),
            (Value::Function(f), "__doc__") => f.doc.lock().clone(),
            (Value::Function(f), "__module__") => f.module.lock().clone(),
            (Value::Function(f), "__dict__") => Value::Dict(f.dict.clone()),
            (Value::Function(f), "__globals__") => Value::Dict(f.globals.clone()),
            (Value::Function(_), "__builtins__") => Value::Dict(self.rt.builtins.clone()),
            (Value::Function(f), "__code__") => Value::Code(f.code.clone()),
            (Value::Function(f), "__closure__") => {
                if f.closure.is_empty() {
                    Value::None
                } else {
                    let cells = f
                        .closure
                        .iter()
                        .map(|c| {
                            let cell = CellObject { cell: c.clone(), class: self.rt.types.cell.clone() };
                            Value::from_native(Arc::new(cell))
                        })
                        .collect();
                    Value::tuple(cells)
                }
            }
            (Value::Function(f), "__defaults__") => {
                let d = f.defaults.lock().clone();
                if d.is_empty() { Value::None } else { Value::tuple(d.to_vec()) }
            }
            (Value::Function(f), "__annotations__") => {
                let mut a = f.annotations.lock();
                a.get_or_insert_with(|| Value::Dict(Arc::new(crate::object::dict::Dict::new()))).clone()
            }
            (Value::Function(f), "__kwdefaults__") => {
                let kd = f.kwdefaults.lock().clone();
                if kd.is_empty() {
                    Value::None
                } else {
                    let d = crate::object::dict::Dict::new();
                    for (k, v) in kd.iter() {
                        d.set_str(k, v.clone());
                    }
                    Value::Dict(Arc::new(d))
                }
            }
            (Value::Code(c), _) if name.starts_with("co_") || name == "_co_code_adaptive" => {
                match super::func_attr::code_attr(c, name) {
                    Some(v) => v,
                    None => return Ok(None),
                }
            }
            (Value::Native(n), "__name__") => Value::str(&n.name),
            // A method of a built-in type is qualified by its type (`list.append`).
            (Value::Native(n), "__qualname__") => match &n.owner {
                Some(o) => Value::string(format!("{o}.{}", n.name)),
                None => Value::str(&n.name),
            },
            (Value::Native(n), "__objclass__") if n.owner.is_some() => match self.descr_owner_class(n) {
                Some(c) => Value::Class(c),
                None => return Ok(None),
            },
            (Value::Native(n), "__doc__") => match self.builtin_name(obj, n) {
                Some(name) => crate::stdlib::builtin_docs::doc(name).map(Value::str).unwrap_or(Value::None),
                None => Value::None,
            },
            (Value::Native(n), "__text_signature__") => {
                match self.builtin_name(obj, n).and_then(crate::stdlib::builtin_docs::text_signature) {
                    Some(sig) => Value::str(sig),
                    None => Value::None,
                }
            }
            // Calling `f.__call__` is calling `f` (CPython's method-wrapper).
            (Value::Function(_) | Value::Native(_) | Value::Method(_), "__call__") => obj.clone(),
            (Value::Native(n), "__module__") => self.native_function_module(obj, n),
            // The type a built-in method belongs to (`int.__new__.__self__ is
            // int`, which copyreg checks), else the builtins module.
            (Value::Native(n), "__self__") => {
                let owner = n.owner.as_ref().and_then(|o| self.rt.builtins.get_item_str(o));
                match owner {
                    Some(c @ Value::Class(_)) => c,
                    _ => self.import_name("builtins", 0, true)?,
                }
            }
            (Value::Method(m), "__self__") => m.receiver.clone(),
            (Value::Native2(o), "cell_contents") if o.as_any().is::<CellObject>() => {
                let c = o.as_any().downcast_ref::<CellObject>().expect("cell");
                match c.cell.get() {
                    Some(v) => v,
                    None => return Err(self.err("ValueError", "Cell is empty")),
                }
            }
            (Value::Method(m), "__func__") => m.func.clone(),
            // A bound method reads its function's attributes (CPython's
            // method_getattro falls back to the function).
            (
                Value::Method(m),
                "__name__" | "__qualname__" | "__doc__" | "__module__" | "__code__" | "__defaults__" | "__kwdefaults__"
                | "__globals__" | "__annotations__" | "__closure__" | "__builtins__",
            ) => {
                let f = m.func.clone();
                let key = self.rt.intern(name);
                return self.get_attr_opt(&f, &key);
            }
            (Value::Generator(g), "__name__") => Value::Str(g.name.clone()),
            (Value::Generator(g), "__qualname__") => Value::Str(g.qualname.clone()),
            (Value::Generator(g), "gi_running" | "cr_running") => Value::Bool(g.state.lock().running),
            (Value::Range(r), "start" | "stop" | "step") => r.attr(name).unwrap_or(Value::None),
            (Value::Slice(s), "start") => s.start.clone(),
            (Value::Slice(s), "stop") => s.stop.clone(),
            (Value::Slice(s), "step") => s.step.clone(),
            (Value::Int(_) | Value::BigInt(_) | Value::Boolean(_), "real" | "numerator") => self.to_int_value(obj)?,
            (Value::Int(_) | Value::BigInt(_) | Value::Boolean(_), "imag") => Value::Int(0),
            (Value::Int(_) | Value::BigInt(_) | Value::Boolean(_), "denominator") => Value::Int(1),
            (Value::Flt(f), "real") => Value::Float(f.get()),
            (Value::Flt(_), "imag") => Value::Float(0.0),
            (Value::Cplx(c), "real") => Value::Float(c.re),
            (Value::Cplx(c), "imag") => Value::Float(c.im),
            // A built-in value's docstring is its type's (None when the type
            // has none): `"s".__doc__`, as email's policy classes read it.
            // (A property has its own, read below.)
            (_, "__doc__")
                if !matches!(obj, Value::Instance(_) | Value::Class(_) | Value::Module(_))
                    && !matches!(obj, Value::Native2(o) if o.as_any().is::<Property>()
                        || o.as_any().is::<StaticMethod>() || o.as_any().is::<ClassMethod>()) =>
            {
                self.class_of(obj).lookup("__doc__").unwrap_or(Value::None)
            }
            _ => return Ok(None),
        };
        Ok(Some(v))
    }

    /// Whether any of the wrapped callables is marked abstract (a property,
    /// staticmethod or classmethod over an `@abstractmethod`).
    fn any_abstract(&mut self, parts: &[Value]) -> PyResult<bool> {
        for f in parts.iter().filter(|f| !f.is_none()) {
            if let Some(v) = self.get_attr_str(f, "__isabstractmethod__")?
                && self.truthy(&v)?
            {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// An attribute from a native object's own dict (`NativeObject::instance_dict`),
    /// unless a data descriptor of its class has the name (as CPython's
    /// generic lookup orders them).
    fn native_dict_attr(
        &mut self,
        o: &Arc<dyn crate::object::native::NativeObject>,
        name: &Arc<PyStr>,
    ) -> Option<Value> {
        if name.as_str() == "__dict__" && o.dict_visible() {
            return o.instance_dict(true).map(Value::Dict);
        }
        let v = o.instance_dict(false)?.get_str(name)?;
        match o.class().lookup_str(name) {
            Some(a) if is_data_descr(&a) => None,
            _ => Some(v),
        }
    }

    fn native_object_attr(
        &mut self,
        o: &Arc<dyn crate::object::native::NativeObject>,
        name: &str,
    ) -> PyResult<Option<Value>> {
        if let Some(p) = o.as_any().downcast_ref::<Property>() {
            return Ok(match name {
                "fget" => Some(p.fget.clone()),
                "fset" => Some(p.fset.clone()),
                "fdel" => Some(p.fdel.clone()),
                "__dict__" if p.dict.is_some() => p.dict.clone().map(Value::Dict),
                // A subclass instance's own dict, then the subclass's docstring
                // (which shadows the property's own, as in CPython 3.11).
                "__doc__" if p.dict.is_some() || !Arc::ptr_eq(o.class(), &self.rt.types.property) => {
                    match p.dict.as_ref().and_then(|d| d.get_item_str("__doc__")) {
                        Some(d) => Some(d),
                        None => o.class().lookup("__doc__").or_else(|| Some(p.doc.lock().clone())),
                    }
                }
                "__doc__" => Some(p.doc.lock().clone()),
                _ if p.dict.as_ref().is_some_and(|d| d.get_item_str(name).is_some()) => {
                    p.dict.as_ref().and_then(|d| d.get_item_str(name))
                }
                // Computed unless a subclass says it (abc.abstractproperty).
                "__isabstractmethod__" if o.class().lookup_user(name).is_none() => {
                    let parts = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
                    Some(Value::Bool(self.any_abstract(&parts)?))
                }
                _ => None,
            });
        }
        if let Some((func, dict)) = wrapper_parts(o) {
            return Ok(match name {
                "__func__" | "__wrapped__" => Some(func.clone()),
                "__dict__" => Some(Value::Dict(dict.clone())),
                "__isabstractmethod__" if o.class().lookup_user(name).is_none() => {
                    Some(Value::Bool(self.any_abstract(std::slice::from_ref(func))?))
                }
                _ => dict.get_item_str(name),
            });
        }
        if let Some(m) = o.as_any().downcast_ref::<SlotMember>()
            && (name == "__name__" || name == "__qualname__")
        {
            return Ok(Some(Value::Str(m.name.clone())));
        }
        Ok(crate::stdlib::native_attr(self, o, name))
    }

    /// `setattr(obj, name, v)`.
    pub fn set_attr(&mut self, obj: &Value, name: &Arc<PyStr>, v: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                use crate::object::class::class_flags::{HAS_DATA_DESCR, HAS_SETATTR, NO_DICT};
                if inst.exc().is_some() && self.set_exc_state(inst, name, &v)? {
                    return Ok(());
                }
                if inst.class.attr_flags() & (HAS_SETATTR | HAS_DATA_DESCR | NO_DICT) == 0
                    && crate::object::thread_local::local_of(inst).is_none()
                    && !matches!(name.as_str(), "__dict__" | "__class__")
                {
                    let (old, n) = {
                        let mut t = inst.dict.lock();
                        (t.replace_str(name, v), t.len())
                    };
                    // Dropped with the lock released (a drop may free a whole structure).
                    drop(old);
                    inst.class.note_attr_count(n);
                    return Ok(());
                }
                let cls = inst.class.clone();
                if let Some(sa) = cls.lookup_user("__setattr__") {
                    self.call(&sa, vec![obj.clone(), Value::Str(name.clone()), v])?;
                    return Ok(());
                }
                self.generic_setattr(inst, obj, name, v)
            }
            Value::Class(c) => {
                let c = c.clone();
                self.class_setattr(&c, name, Some(v))
            }
            Value::Module(m) => self.module_setattr(m, obj, name, Some(v)),
            Value::Native2(o) if super::frameobj::is_frame_or_tb(o) => {
                let o = o.clone();
                super::frameobj::native_setattr(self, &o, name.as_str(), v).unwrap_or(Ok(()))
            }
            Value::Function(f) => self.set_function_attr(f, name, v),
            Value::Native2(o) if name.as_str() == "__doc__" && o.as_any().is::<Property>() => {
                if let Some(p) = o.as_any().downcast_ref::<Property>() {
                    *p.doc.lock() = v;
                }
                Ok(())
            }
            Value::Native2(o) if name.as_str() == "cell_contents" && o.as_any().is::<CellObject>() => {
                o.as_any().downcast_ref::<CellObject>().expect("cell").cell.set(Some(v));
                Ok(())
            }
            // A property's accessors are read-only members; an instance of a
            // Python subclass keeps any other attribute in its `__dict__`.
            Value::Native2(o) if o.as_any().is::<Property>() && matches!(name.as_str(), "fget" | "fset" | "fdel") => {
                Err(self.err("AttributeError", "readonly attribute"))
            }
            Value::Native2(o) if property_dict(o).is_some() && name.as_str() != "__dict__" => {
                property_dict(o).expect("checked by the guard").set_str(name, v);
                Ok(())
            }
            // staticmethod/classmethod objects have a `__dict__`.
            Value::Native2(o)
                if wrapper_parts(o).is_some() && !matches!(name.as_str(), "__func__" | "__wrapped__" | "__dict__") =>
            {
                let (_, dict) = wrapper_parts(o).expect("checked by the guard");
                dict.set_str(name, v);
                Ok(())
            }
            _ => {
                // A native object's settable properties (a file's `name`).
                if let Value::Native2(_) = obj
                    && let Some(Value::Native2(d)) = self.class_of(obj).lookup_str(name)
                    && let Some(p) = d.as_any().downcast_ref::<Property>()
                    && !p.fset.is_none()
                {
                    let f = p.fset.clone();
                    self.call(&f, vec![obj.clone(), v])?;
                    return Ok(());
                }
                // A native object with its own dict (the event loop) takes any
                // name its class has no data descriptor for.
                if let Value::Native2(o) = obj
                    && name.as_str() != "__dict__"
                    && !self.class_of(obj).lookup_str(name).is_some_and(|a| is_data_descr(&a))
                    && let Some(d) = o.instance_dict(true)
                {
                    d.set_str(name, v);
                    return Ok(());
                }
                if name.as_str() == "__class__" {
                    return self.set_object_class(obj, Some(&v));
                }
                let tn = self.type_name(obj);
                // The read-only data attributes of numbers: complex's are
                // members, int's and float's getters without a setter.
                let n = name.as_str();
                let int_like = matches!(obj, Value::Int(_) | Value::BigInt(_) | Value::Boolean(_));
                if matches!(obj, Value::Cplx(_)) && matches!(n, "real" | "imag") {
                    return Err(self.err("AttributeError", "readonly attribute"));
                }
                if (matches!(obj, Value::Flt(_)) && matches!(n, "real" | "imag"))
                    || (int_like && matches!(n, "real" | "imag" | "numerator" | "denominator"))
                {
                    return Err(
                        self.err("AttributeError", &format!("attribute '{n}' of '{tn}' objects is not writable"))
                    );
                }
                Err(self.err("AttributeError", &format!("'{tn}' object has no attribute '{}'", n)))
            }
        }
    }

    /// Assigns the attributes an exception keeps in its state (`args`,
    /// `__cause__`, `__context__`, `__suppress_context__`); false for others.
    fn set_exc_state(&mut self, inst: &Arc<Instance>, name: &Arc<PyStr>, v: &Value) -> PyResult<bool> {
        let Some(st) = inst.exc() else { return Ok(false) };
        match name.as_str() {
            "args" => {
                let args = self.collect(v)?;
                st.lock().args = args;
            }
            "__cause__" | "__context__" => {
                let ok = match v {
                    Value::None => true,
                    Value::Instance(i) => i.exc().is_some(),
                    _ => false,
                };
                if !ok {
                    let what = if name.as_str() == "__cause__" { "cause" } else { "context" };
                    return Err(self.type_error(&format!("exception {what} must be None or derive from BaseException")));
                }
                let val = if v.is_none() { None } else { Some(v.clone()) };
                let mut st = st.lock();
                if name.as_str() == "__cause__" {
                    st.cause = val;
                    st.suppress_context = true;
                } else {
                    st.context = val;
                }
            }
            "__suppress_context__" => {
                let b = self.truthy(v)?;
                st.lock().suppress_context = b;
            }
            "__traceback__" => {
                let entries = self.traceback_entries(v)?;
                st.lock().set_traceback(entries, Some(v.clone()));
            }
            "message" | "exceptions" if st.lock().group.is_some() => {
                return Err(self.err("AttributeError", "readonly attribute"));
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// `object.__setattr__`: descriptors, then the instance dict.
    pub fn generic_setattr(&mut self, inst: &Arc<Instance>, obj: &Value, name: &Arc<PyStr>, v: Value) -> PyResult<()> {
        let cls = inst.class.clone();
        // object's `__class__` setter, unless a class redefines the name.
        if name.as_str() == "__class__" && cls.lookup_user_str(name).is_none() {
            return self.set_object_class(obj, Some(&v));
        }
        if let Some(a) = cls.lookup_str(name) {
            match &a {
                Value::Native2(o) if o.as_any().is::<Property>() => {
                    let p = o.as_any().downcast_ref::<Property>().expect("property");
                    if p.fset.is_none() {
                        return Err(self.property_missing(p, obj, "setter"));
                    }
                    let f = p.fset.clone();
                    self.call(&f, vec![obj.clone(), v])?;
                    return Ok(());
                }
                Value::Instance(di) if !di.class.builtin || di.class.extra.native_overrides => {
                    if let Some(set) = di.class.lookup_user("__set__") {
                        self.call(&set, vec![a.clone(), obj.clone(), v])?;
                        return Ok(());
                    }
                }
                Value::Native2(o) if o.as_any().is::<SlotMember>() => {
                    let m = o.as_any().downcast_ref::<SlotMember>().expect("slot");
                    return self.slot_set(m, obj, Some(v));
                }
                _ => {}
            }
        }
        if cls.extra.no_dict {
            return Err(self.attribute_error(obj, name.as_str()));
        }
        if name.as_str() == "__dict__" && crate::object::thread_local::local_of(inst).is_some() {
            return Err(self.local_dict_read_only(obj));
        }
        if name.as_str() == "__dict__" {
            return self.replace_instance_dict(inst, v);
        }
        self.instance_dict(inst)?.set_str(name, v);
        Ok(())
    }

    /// `obj.__dict__ = d`: `d` itself becomes the instance's namespace, as in
    /// CPython (later `d['x'] = 1` is `obj.x`). The old dict stays alive with
    /// the instance (see `SwapCell`): a thread reading through it with the
    /// GIL off sees the old attributes or the new ones.
    fn replace_instance_dict(&mut self, inst: &Arc<Instance>, v: Value) -> PyResult<()> {
        let d = match &v {
            Value::Dict(d) => d.clone(),
            // A dict subclass's instance: its dict storage (the subclass's
            // methods are not consulted by attribute access, as in CPython).
            Value::Instance(i) if matches!(i.builtin_value(), Some(Value::Dict(_))) => {
                let Some(Value::Dict(d)) = i.builtin_value() else { unreachable!() };
                d.clone()
            }
            _ => {
                let tn = self.type_name(&v);
                return Err(self.type_error(&format!("__dict__ must be set to a dictionary, not a '{tn}'")));
            }
        };
        inst.dict.replace_with(d, Arc::ptr_eq);
        // A dict swapped out that nothing else holds is garbage to Python:
        // free its items (dropped here, outside every lock).
        let mut freed = Vec::new();
        inst.dict.for_each_retired(|old| {
            if Arc::strong_count(old) == 1 && !old.lock().is_empty() {
                freed.push(std::mem::take(&mut *old.lock()));
            }
        });
        drop(freed);
        Ok(())
    }

    /// `delattr(obj, name)`.
    pub fn del_attr(&mut self, obj: &Value, name: &Arc<PyStr>) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                if let Some(da) = inst.class.lookup_user("__delattr__") {
                    self.call(&da, vec![obj.clone(), Value::Str(name.clone())])?;
                    return Ok(());
                }
                if name.as_str() == "__class__" && inst.class.lookup_user_str(name).is_none() {
                    return self.set_object_class(obj, None);
                }
                // An exception's own fields are getset descriptors without a deleter.
                if inst.exc().is_some()
                    && matches!(name.as_str(), "args" | "__cause__" | "__context__" | "__traceback__")
                {
                    return Err(self.type_error(&format!("{} may not be deleted", name.as_str())));
                }
                match inst.class.lookup_str(name) {
                    Some(Value::Native2(o)) if o.as_any().is::<Property>() => {
                        let p = o.as_any().downcast_ref::<Property>().expect("property");
                        if p.fdel.is_none() {
                            return Err(self.property_missing(p, obj, "deleter"));
                        }
                        let f = p.fdel.clone();
                        self.call(&f, vec![obj.clone()])?;
                        return Ok(());
                    }
                    Some(Value::Native2(o)) if o.as_any().is::<SlotMember>() => {
                        let m = o.as_any().downcast_ref::<SlotMember>().expect("slot");
                        return self.slot_set(m, obj, None);
                    }
                    Some(a @ Value::Instance(_)) => {
                        let Value::Instance(di) = &a else { unreachable!() };
                        if (!di.class.builtin || di.class.extra.native_overrides)
                            && let Some(del) = di.class.lookup_user("__delete__")
                        {
                            self.call(&del, vec![a.clone(), obj.clone()])?;
                            return Ok(());
                        }
                    }
                    _ => {}
                }
                if name.as_str() == "__dict__" && crate::object::thread_local::local_of(inst).is_some() {
                    return Err(self.local_dict_read_only(obj));
                }
                // The `__dict__` of a native type's instance (a partial) cannot be deleted.
                if name.as_str() == "__dict__"
                    && inst.class.mro_with_self().any(|c| c.builtin && c.extra.native_overrides)
                {
                    return Err(self.type_error("cannot delete __dict__"));
                }
                if self.instance_dict(inst)?.remove_item_str(name.as_str()).is_none() {
                    return Err(self.attribute_error(obj, name.as_str()));
                }
                Ok(())
            }
            Value::Class(c) => {
                let c = c.clone();
                self.class_setattr(&c, name, None)
            }
            Value::Module(m) => self.module_setattr(m, obj, name, None),
            Value::Function(f) => {
                if name.as_str() == "__defaults__" {
                    *f.defaults.lock() = Default::default();
                    return Ok(());
                }
                if name.as_str() == "__kwdefaults__" {
                    *f.kwdefaults.lock() = Default::default();
                    return Ok(());
                }
                // The function's own slots: CPython's setters refuse a deletion with the
                // message of a wrong type; the others become None (or fresh on next read).
                match name.as_str() {
                    "__code__" => return Err(self.type_error("__code__ must be set to a code object")),
                    "__name__" => return Err(self.type_error("__name__ must be set to a string object")),
                    "__qualname__" => return Err(self.type_error("__qualname__ must be set to a string object")),
                    "__dict__" => return Err(self.type_error("cannot delete __dict__")),
                    "__globals__" | "__closure__" | "__builtins__" => {
                        return Err(self.err("AttributeError", "readonly attribute"));
                    }
                    "__doc__" => {
                        *f.doc.lock() = Value::None;
                        return Ok(());
                    }
                    "__module__" => {
                        *f.module.lock() = Value::None;
                        return Ok(());
                    }
                    "__annotations__" => {
                        *f.annotations.lock() = None;
                        return Ok(());
                    }
                    _ => {}
                }
                if f.dict.remove_item_str(name.as_str()).is_none() {
                    return Err(self.attribute_error(obj, name.as_str()));
                }
                Ok(())
            }
            Value::Native2(o) if name.as_str() == "cell_contents" && o.as_any().is::<CellObject>() => {
                o.as_any().downcast_ref::<CellObject>().expect("cell").cell.set(None);
                Ok(())
            }
            Value::Native2(o) if o.as_any().is::<Property>() && matches!(name.as_str(), "fget" | "fset" | "fdel") => {
                Err(self.err("AttributeError", "readonly attribute"))
            }
            // The attributes a staticmethod/classmethod, or an instance of a
            // property subclass, keeps in its `__dict__`.
            Value::Native2(o)
                if (wrapper_parts(o).is_some()
                    && !matches!(name.as_str(), "__func__" | "__wrapped__" | "__dict__"))
                    || (property_dict(o).is_some() && name.as_str() != "__dict__") =>
            {
                let dict = match wrapper_parts(o) {
                    Some((_, dict)) => dict,
                    None => property_dict(o).expect("checked by the guard"),
                };
                if dict.remove_item_str(name.as_str()).is_none() {
                    return Err(self.attribute_error(obj, name.as_str()));
                }
                Ok(())
            }
            Value::Native2(o)
                if name.as_str() != "__dict__"
                    && o.instance_dict(false).is_some_and(|d| d.remove_item_str(name.as_str()).is_some()) =>
            {
                Ok(())
            }
            _ => Err(self.attribute_error(obj, name.as_str())),
        }
    }

    /// CPython's AttributeError for a property without the accessor `what`
    /// (`getter`, `setter`, `deleter`): the name given to `__set_name__` (its
    /// repr) and the qualified name of the instance's type.
    pub fn property_missing(&mut self, p: &Property, obj: &Value, what: &str) -> PyErr {
        let qual = self.class_of(obj).qualname.lock().clone();
        let name = p.name.lock().clone();
        let msg = match name.map(|n| self.repr_of(&n)) {
            Some(Ok(n)) => format!("property {n} of '{}' object has no {what}", qual.as_str()),
            Some(Err(e)) => return e,
            None => format!("property of '{}' object has no {what}", qual.as_str()),
        };
        self.err("AttributeError", &msg)
    }

    /// `hasattr`-style probe by Rust name.
    pub fn get_attr_str(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let key = self.rt.intern(name);
        self.get_attr_opt(obj, &key)
    }
}

impl Vm {
    /// The name of `obj` when it is the built-in function of that name (not
    /// a method, nor another module's function called alike: `os.open`).
    fn builtin_name<'a>(&self, obj: &Value, n: &'a crate::object::function::NativeFunction) -> Option<&'a str> {
        let own = n.owner.is_none() && matches!(self.rt.builtins.get_item_str(&n.name), Some(v) if v.is(obj));
        own.then_some(&*n.name)
    }

    /// `f.__module__` of a built-in function: the native module that created it
    /// (`array._array_reconstructor`, `_codecs.encode`, which pickle finds by this name),
    /// else the module that holds it (searched: functions made outside a module's
    /// creation), else `builtins`.
    fn native_function_module(&self, obj: &Value, n: &crate::object::function::NativeFunction) -> Value {
        if let Some(m) = n.module.get()
            && !matches!(self.rt.builtins.get_item_str(&n.name), Some(v) if v.is(obj))
        {
            return Value::str(m);
        }
        if n.owner.is_none() && !matches!(self.rt.builtins.get_item_str(&n.name), Some(v) if v.is(obj)) {
            for (k, m) in self.rt.modules.lock().items() {
                if let Value::Module(m) = m
                    && matches!(m.dict.get_item_str(&n.name), Some(v) if v.is(obj))
                {
                    return k;
                }
            }
        }
        Value::str("builtins")
    }
}

/// A SyntaxError's attribute `name` (msg, filename, lineno, offset, text,
/// end_lineno, end_offset): the assigned value, else what its arguments give.
pub fn syntax_error_attr(inst: &Instance, name: &str) -> Value {
    if let Some(v) = inst.dict.get_item_str(name) {
        return v;
    }
    match inst.exc() {
        Some(st) => syntax_error_field(&st.lock().args, name),
        None => Value::None,
    }
}

/// A SyntaxError attribute that was never assigned: what `SyntaxError(msg, (filename, lineno,
/// offset, text[, end_lineno, end_offset]))` gives it, else None.
fn syntax_error_field(args: &[Value], name: &str) -> Value {
    if name == "msg" {
        return args.first().cloned().unwrap_or(Value::None);
    }
    let index = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"].iter().position(|n| *n == name);
    match (args, index) {
        ([_, Value::Tuple(details)], Some(i)) if matches!(details.len(), 4 | 6) => {
            details.items.get(i).cloned().unwrap_or(Value::None)
        }
        _ => Value::None,
    }
}

/// Whether a class attribute is a data descriptor (a property, a slot, or an
/// instance of a Python class with `__set__` or `__delete__`): it then
/// decides before the instance dict.
pub(super) fn is_data_descr(a: &Value) -> bool {
    match a {
        Value::Native2(o) => o.as_any().is::<Property>() || o.as_any().is::<SlotMember>(),
        Value::Instance(i) => {
            (!i.class.builtin || i.class.extra.native_overrides)
                && (i.class.lookup_user("__set__").is_some() || i.class.lookup_user("__delete__").is_some())
        }
        _ => false,
    }
}

/// The `__dict__` of an instance of a Python subclass of `property` (None for
/// `property` itself, a subclass with `__slots__`, and any other object).
fn property_dict(o: &Arc<dyn crate::object::native::NativeObject>) -> Option<&Arc<crate::object::dict::Dict>> {
    o.as_any().downcast_ref::<Property>().and_then(|p| p.dict.as_ref())
}

/// The wrapped function and the `__dict__` of a staticmethod or
/// classmethod object (None for any other native object).
fn wrapper_parts(
    o: &Arc<dyn crate::object::native::NativeObject>,
) -> Option<(&Value, &Arc<crate::object::dict::Dict>)> {
    match o.as_any().downcast_ref::<StaticMethod>() {
        Some(sm) => Some((&sm.func, &sm.dict)),
        None => o.as_any().downcast_ref::<ClassMethod>().map(|cm| (&cm.func, &cm.dict)),
    }
}
