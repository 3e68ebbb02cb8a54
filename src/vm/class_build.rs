//! Creating classes: the `class` statement, `type(name, bases, ns)`,
//! metaclasses and the C3 method resolution order.

use std::sync::Arc;

use parking_lot::Mutex;

use super::frame::Frame;
use super::{Args, PyResult, Vm};
use crate::object::class::{Class, ClassExtra, Layout};
use crate::object::dict::Dict;
use crate::object::str::PyStr;
use crate::object::value::Value;

type Kw = Vec<(Arc<PyStr>, Value)>;

/// C3 linearisation of the bases (the result excludes the new class itself).
pub fn c3_mro_of_bases(bases: &[Arc<Class>]) -> Result<Vec<Arc<Class>>, String> {
    let mut seqs: Vec<Vec<Arc<Class>>> = bases.iter().map(|b| b.mro_with_self().cloned().collect()).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Arc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = &s[0];
            let in_tail = seqs.iter().any(|t| t[1..].iter().any(|c| Arc::ptr_eq(c, cand)));
            if !in_tail {
                found = Some(cand.clone());
                break;
            }
        }
        let Some(next) = found else {
            let names: Vec<String> = bases.iter().map(|b| b.name().as_str().to_string()).collect();
            return Err(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for s in seqs.iter_mut() {
            if Arc::ptr_eq(&s[0], &next) {
                s.remove(0);
            }
        }
        out.push(next);
    }
}

impl Vm {
    /// The `class` statement: resolve `__mro_entries__`, pick the metaclass,
    /// prepare the namespace, run the body, then call the metaclass.
    pub fn build_class(&mut self, body: Value, name: Value, bases: Vec<Value>, mut kw: Kw) -> PyResult {
        let Value::Function(body_fn) = body else { return Err(self.runtime_error("bad class body")) };
        let orig_bases = Value::tuple(bases.clone());
        let (bases, changed) = self.resolve_bases(&bases)?;
        let explicit_meta = kw.iter().position(|(k, _)| k.as_str() == "metaclass").map(|i| kw.remove(i).1);
        let meta: Value = match explicit_meta {
            Some(m) => m,
            None => match bases.first() {
                Some(b) => Value::Class(self.class_of(b)),
                None => Value::Class(self.rt.types.type_.clone()),
            },
        };
        let meta = match &meta {
            Value::Class(m) => Value::Class(self.winner_metaclass(m, &bases)?),
            _ => meta,
        };
        let bases_tuple = Value::tuple(bases.clone());
        let is_type = matches!(&meta, Value::Class(m) if Arc::ptr_eq(m, &self.rt.types.type_));
        // The namespace: `__prepare__`'s mapping. A dict is the body's
        // locals dict; any other mapping stands behind an empty placeholder
        // (see `Vm::class_ns`) so the body's names go through its methods.
        let mapping = if is_type {
            None
        } else {
            match self.get_attr_str(&meta, "__prepare__")? {
                Some(prep) => {
                    let args = Args::with_kw(vec![name.clone(), bases_tuple.clone()], kw.clone());
                    Some(self.call_value(&prep, args)?)
                }
                None => None,
            }
        };
        let ns = match &mapping {
            Some(Value::Dict(d)) => d.clone(),
            Some(m) => {
                if self.get_attr_str(m, "__getitem__")?.is_none() {
                    let mn = match &meta {
                        Value::Class(c) => c.name().as_str().to_string(),
                        _ => "<metaclass>".to_string(),
                    };
                    let tn = self.type_name(m);
                    return Err(self.type_error(&format!("{mn}.__prepare__() must return a mapping, not {tn}")));
                }
                Arc::new(Dict::new())
            }
            None => Arc::new(Dict::new()),
        };
        let over_mapping = matches!(&mapping, Some(m) if !matches!(m, Value::Dict(_)));
        // Run the body with the namespace as its locals.
        let mut frame = Box::new(Frame::new(body_fn.code.clone(), body_fn.globals.clone()));
        frame.locals_dict = Some(ns.clone());
        let code = body_fn.code.clone();
        if !code.cellvars.is_empty() || !code.freevars.is_empty() {
            let mut cells: Vec<Arc<crate::object::function::Cell>> = code
                .cellvars
                .iter()
                .map(|_| crate::object::gc::cell(Arc::new(crate::object::function::Cell::new(None))))
                .collect();
            cells.extend(body_fn.closure.iter().cloned());
            frame.cells = cells.into_boxed_slice();
        }
        let ns_value = match (&mapping, over_mapping) {
            (Some(m), true) => {
                self.class_ns.push((Arc::as_ptr(&ns) as usize, m.clone()));
                let r = self.run_to_return(frame);
                self.class_ns.pop();
                r?;
                if changed {
                    self.set_item(m, Value::str("__orig_bases__"), orig_bases)?;
                }
                m.clone()
            }
            _ => {
                self.run_to_return(frame)?;
                if changed {
                    ns.set_item_str("__orig_bases__", orig_bases);
                }
                Value::Dict(ns.clone())
            }
        };
        if is_type {
            let name = match name {
                Value::Str(s) => s,
                _ => return Err(self.type_error("type.__new__() argument 1 must be str")),
            };
            let classes = self.bases_as_classes(&bases)?;
            let cls = self.type_new(None, name, classes, &ns, kw)?;
            return Ok(Value::Class(cls));
        }
        self.call_value(&meta, Args::with_kw(vec![name, bases_tuple, ns_value], kw))
    }

    /// `mapping[name]` for a class body's namespace: None when it raises KeyError.
    pub fn mapping_lookup(&mut self, m: &Value, name: &Arc<PyStr>) -> PyResult<Option<Value>> {
        match self.get_item(m, &Value::Str(name.clone())) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.exc.class.is_subclass(&self.rt.types.exc("KeyError")) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `__mro_entries__` substitution of a class statement's bases (PEP 560):
    /// the new bases and whether any was replaced.
    pub fn resolve_bases(&mut self, bases: &[Value]) -> PyResult<(Vec<Value>, bool)> {
        let mut out = Vec::new();
        let mut changed = false;
        let orig = Value::tuple(bases.to_vec());
        for b in bases {
            if !matches!(b, Value::Class(_))
                && let Some(me) = self.get_attr_str(b, "__mro_entries__")?
            {
                let r = self.call(&me, vec![orig.clone()])?;
                let Value::Tuple(t) = r else {
                    return Err(self.type_error("__mro_entries__ must return a tuple"));
                };
                out.extend(t.items.iter().cloned());
                changed = true;
                continue;
            }
            out.push(b.clone());
        }
        Ok((out, changed))
    }

    /// The most derived of `meta` and the metaclasses of `bases`, or
    /// CPython's "metaclass conflict" TypeError.
    pub fn winner_metaclass(&mut self, meta: &Arc<Class>, bases: &[Value]) -> PyResult<Arc<Class>> {
        let mut winner = meta.clone();
        for b in bases {
            let bt = self.class_of(b);
            if winner.is_subclass(&bt) {
                continue;
            }
            if bt.is_subclass(&winner) {
                winner = bt;
                continue;
            }
            return Err(self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the \
                 metaclasses of all its bases",
            ));
        }
        Ok(winner)
    }

    /// The bases of a class as classes (anything else is a TypeError).
    pub fn bases_as_classes(&mut self, bases: &[Value]) -> PyResult<Vec<Arc<Class>>> {
        let mut out = Vec::new();
        for b in bases {
            match b {
                Value::Class(c) => out.push(c.clone()),
                _ => return Err(self.type_error("bases must be types")),
            }
        }
        Ok(out)
    }

    /// `type.__new__(meta, name, bases, ns, **kw)`.
    pub fn type_new(
        &mut self,
        meta: Option<Arc<Class>>,
        name: Arc<PyStr>,
        mut bases: Vec<Arc<Class>>,
        ns: &Arc<Dict>,
        kw: Kw,
    ) -> PyResult<Arc<Class>> {
        if name.as_str().contains('\0') {
            return Err(self.value_error("type name must not contain null characters"));
        }
        if bases.is_empty() {
            bases.push(self.rt.types.object.clone());
        }
        for b in &bases {
            // A module subclass (importlib.util's _LazyModule) is allowed; its
            // instances are plain objects with a `__dict__`, not module objects.
            let base_ok = Arc::ptr_eq(b, &self.rt.types.object) || Arc::ptr_eq(b, &self.rt.types.module);
            if b.layout == Layout::Opaque && !base_ok {
                // CPython names a C type by its tp_name, module included
                // (`pickle.PickleBuffer`, `zlib.Compress`).
                let name = match b.dict.get_item_str("__module__") {
                    Some(Value::Str(m)) if m.as_str() != "builtins" => format!("{}.{}", m.as_str(), b.name().as_str()),
                    _ => b.name().as_str().to_string(),
                };
                return Err(self.type_error(&format!("type '{name}' is not an acceptable base type")));
            }
        }
        // As CPython: the bases' "solid bases" (the classes that added slot
        // values) must lie on one line of inheritance.
        // A built-in type with its own instance layout (int, str, list, dict,
        // …) is a solid base too: `class X(list, dict)` cannot be.
        let solid: Vec<Arc<Class>> = bases
            .iter()
            .filter(|b| b.extra.nslots > 0)
            .map(solid_base)
            .chain(bases.iter().filter_map(builtin_layout_base))
            .collect();
        if solid.iter().any(|a| solid.iter().any(|b| !a.is_subclass(b) && !b.is_subclass(a))) {
            return Err(self.type_error("multiple bases have instance lay-out conflict"));
        }
        let mro = c3_mro_of_bases(&bases).map_err(|m| self.type_error(&m))?;
        let layout = std::iter::once(&bases[0])
            .chain(mro.iter())
            .map(|c| c.layout)
            .find(|l| *l != Layout::Object && *l != Layout::Opaque)
            .unwrap_or(Layout::Object);
        let dict = Arc::new(Dict::from_table(ns.snapshot()));
        if dict.get_item_str("__eq__").is_some() && dict.get_item_str("__hash__").is_none() {
            dict.set_item_str("__hash__", Value::None);
        }
        // __init_subclass__ and __class_getitem__ are implicit classmethods.
        for special in ["__init_subclass__", "__class_getitem__"] {
            if let Some(f @ Value::Function(_)) = dict.get_item_str(special) {
                let cm = crate::object::descr::ClassMethod::new(f, self.rt.types.classmethod.clone());
                dict.set_item_str(special, Value::from_native(Arc::new(cm)));
            }
        }
        // __new__ is an implicit staticmethod (`cls.__dict__['__new__'].__func__`).
        if let Some(f @ Value::Function(_)) = dict.get_item_str("__new__") {
            let sm = crate::object::descr::StaticMethod::new(f, self.rt.types.staticmethod.clone());
            dict.set_item_str("__new__", Value::from_native(Arc::new(sm)));
        }
        // `__qualname__` in the namespace names the class; it is not an attribute.
        let qualname = match dict.remove_item_str("__qualname__") {
            Some(Value::Str(q)) => q,
            Some(other) => {
                let tn = self.type_name(&other);
                return Err(self.type_error(&format!("type __qualname__ must be a str, not {tn}")));
            }
            None => name.clone(),
        };
        if dict.get_item_str("__module__").is_none()
            && let Some(m) = self.frame.globals.get_item_str("__name__")
        {
            dict.set_item_str("__module__", m);
        }
        let extra = self.slots_layout(&name, &bases, &dict)?;
        // A class without a docstring still has `__doc__` (None) in its own
        // namespace, so its instances find it (`obj.__doc__`, as email's
        // policy classes read it) and it hides a base class's docstring.
        // After the slots: `__slots__ = ('__doc__',)` is no conflict.
        if dict.get_item_str("__doc__").is_none() {
            dict.set_item_str("__doc__", Value::None);
        }
        let is_meta = bases.iter().any(|b| b.is_subclass(&self.rt.types.type_));
        let meta = match meta {
            Some(m) if Arc::ptr_eq(&m, &self.rt.types.type_) => None,
            Some(m) => Some(m),
            None => bases.iter().find_map(|b| b.metaclass.clone()),
        };
        let cls = crate::object::gc::class(Arc::new(Class {
            name: Mutex::new(name),
            qualname: Mutex::new(qualname),
            bases: crate::object::swap::SwapCell::new(bases),
            mro: crate::object::swap::SwapCell::new(mro),
            dict: dict.clone(),
            metaclass: meta,
            layout: if is_meta { Layout::NativeNew } else { layout },
            builtin: false,
            flags: std::sync::atomic::AtomicU32::new(crate::object::class::class_flags::UNKNOWN),
            tag: crate::object::class::Class::new_tag(),
            finalizers: Default::default(),
            extra,
        }));
        for b in cls.bases.iter() {
            let mut subs = b.extra.subclasses.lock();
            subs.retain(|w| w.strong_count() > 0);
            subs.push(Arc::downgrade(&cls));
        }
        // A metaclass's own `mro()` decides the MRO (CPython's `mro_internal`).
        if cls.metaclass.as_ref().is_some_and(|m| m.lookup_user("mro").is_some()) {
            let m = self.compute_mro(&cls)?;
            cls.mro.replace_with(m, |_, _| false);
            cls.retag();
        }
        let (adds_dict, adds_weakref) = adds_instance_descriptors(&cls);
        crate::stdlib::builtin_attrs::add_instance_descriptors(&self.rt, &cls, adds_dict, adds_weakref);
        if cls.lookup_user("__del__").is_some() {
            let _ = cls.finalizers.set(self.rt.finalizers.clone());
        }
        let cls_val = Value::Class(cls.clone());
        if let Some(cell) = dict.remove_item_str("__classcell__")
            && let Value::Native2(o) = &cell
            && let Some(c) = o.as_any().downcast_ref::<crate::object::descr::CellObject>()
        {
            c.cell.set(Some(cls_val.clone()));
        }
        // __set_name__ on descriptors.
        let snapshot = dict.lock().items();
        for (k, v) in snapshot {
            if let Value::Native2(o) = &v
                && let Some(p) = o.as_any().downcast_ref::<crate::object::descr::Property>()
                && let Value::Str(ks) = &k
            {
                *p.name.lock() = Some(Value::Str(ks.clone()));
            }
        }
        let snapshot = dict.lock().items();
        for (k, v) in snapshot {
            if let Value::Instance(i) = &v
                && let Some(sn) = i.class.lookup_user("__set_name__")
                && let Err(cause) = self.call_method_value(&sn, v.clone(), vec![cls_val.clone(), k.clone()])
            {
                // CPython 3.11 reports the failure as a RuntimeError caused by it.
                let kr = self.repr_of(&k)?;
                let msg = format!(
                    "Error calling __set_name__ on '{}' instance {kr} in '{}'",
                    i.class.name().as_str(),
                    cls.name().as_str()
                );
                let err = self.err("RuntimeError", &msg);
                if let Some(st) = err.exc.exc() {
                    let mut st = st.lock();
                    st.cause = Some(cause.value());
                    st.context = Some(cause.value());
                    st.suppress_context = true;
                }
                return Err(err);
            }
        }
        // The parent's __init_subclass__.
        let parent_init =
            cls.mro.iter().find_map(|c| if c.builtin { None } else { c.dict.get_item_str("__init_subclass__") });
        if let Some(Value::Native2(o)) = parent_init
            && let Some(cm) = o.as_any().downcast_ref::<crate::object::descr::ClassMethod>()
        {
            let f = cm.func.clone();
            self.call_value(&f, Args::with_kw(vec![cls_val.clone()], kw))?;
        } else if !kw.is_empty() {
            return Err(
                self.type_error(&format!("{}.__init_subclass__() takes no keyword arguments", cls.name().as_str()))
            );
        }
        Ok(cls)
    }

    /// What `__slots__` (if the namespace has it) makes of the instances:
    /// adds one member descriptor per slot to `dict` and returns the layout,
    /// with CPython's errors for bad or conflicting slots.
    fn slots_layout(&mut self, name: &PyStr, bases: &[Arc<Class>], dict: &Arc<Dict>) -> PyResult<ClassExtra> {
        let base_nslots = bases.iter().map(|b| b.extra.nslots).max().unwrap_or(0);
        // Instances of a user class get a dict and weak references from
        // any base that has them; of the built-in bases, only exceptions do.
        let base_dict = bases.iter().any(base_has_dict);
        let base_weak = bases.iter().any(base_has_weakref);
        let Some(sv) = dict.get_item_str("__slots__") else {
            return Ok(ClassExtra { nslots: base_nslots, ..Default::default() });
        };
        let items = match &sv {
            Value::Str(_) => vec![sv.clone()],
            other => self.collect(other)?,
        };
        let (mut add_dict, mut add_weak) = (false, false);
        let mut names: Vec<String> = Vec::new();
        for it in items {
            // A str subclass names a slot by its string value, as CPython's.
            let it = crate::vm::ops::payload_of(&it).filter(|p| matches!(p, Value::Str(_))).unwrap_or(it);
            let Value::Str(s) = &it else {
                let tn = self.type_name(&it);
                return Err(self.type_error(&format!("__slots__ items must be strings, not '{tn}'")));
            };
            let s = s.as_str();
            let ident = s.chars().next().is_some_and(|c| c == '_' || c.is_alphabetic())
                && s.chars().all(|c| c == '_' || c.is_alphanumeric());
            if !ident {
                return Err(self.type_error("__slots__ must be identifiers"));
            }
            match s {
                "__dict__" => {
                    if base_dict || add_dict {
                        return Err(self.type_error("__dict__ slot disallowed: we already got one"));
                    }
                    add_dict = true;
                }
                "__weakref__" => {
                    if base_weak || add_weak {
                        return Err(self.type_error(
                            "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0",
                        ));
                    }
                    add_weak = true;
                }
                _ => {
                    let m = crate::compile::symtable::mangle(Some(name.as_str()), s).into_owned();
                    if dict.get_item_str(&m).is_some() {
                        return Err(
                            self.err("ValueError", &format!("'{m}' in __slots__ conflicts with class variable"))
                        );
                    }
                    if !names.contains(&m) {
                        names.push(m);
                    }
                }
            }
        }
        // Variable-size instances (int, bytes, tuple) have no room for slots.
        if !names.is_empty()
            && let Some(v) = bases
                .iter()
                .flat_map(|b| b.mro_with_self())
                .find(|c| c.builtin && matches!(c.layout, Layout::Int | Layout::Bytes | Layout::Tuple))
        {
            let msg = format!("nonempty __slots__ not supported for subtype of '{}'", v.name().as_str());
            return Err(self.type_error(&msg));
        }
        names.sort();
        let owner = Arc::new(PyStr::new(name.as_str()));
        for (i, n) in names.iter().enumerate() {
            let member = crate::object::descr::SlotMember {
                name: self.rt.intern(n),
                owner: owner.clone(),
                index: base_nslots + i,
                class: self.rt.types.member_descriptor.clone(),
            };
            dict.set_item_str(n, Value::from_native(Arc::new(member)));
        }
        Ok(ClassExtra {
            no_dict: !base_dict && !add_dict,
            no_weakref: !base_weak && !add_weak,
            nslots: base_nslots + names.len(),
            ..Default::default()
        })
    }

    /// `type(x)` / `type(name, bases, dict, **kw)`.
    pub fn type_call(&mut self, args: Args) -> PyResult {
        match args.pos.len() {
            1 if args.kw.is_empty() => Ok(Value::Class(self.class_of(&args.pos[0]))),
            3 => {
                let Value::Str(name) = args.pos[0].clone() else {
                    let tn = self.type_name(&args.pos[0]);
                    return Err(self.type_error(&format!("type.__new__() argument 1 must be str, not {tn}")));
                };
                let Value::Tuple(bases) = args.pos[1].clone() else {
                    let tn = self.type_name(&args.pos[1]);
                    return Err(self.type_error(&format!("type.__new__() argument 2 must be tuple, not {tn}")));
                };
                let Value::Dict(ns) = args.pos[2].clone() else {
                    let tn = self.type_name(&args.pos[2]);
                    return Err(self.type_error(&format!("type.__new__() argument 3 must be dict, not {tn}")));
                };
                // `type()` itself never substitutes bases (PEP 560).
                for b in bases.items.iter() {
                    if !matches!(b, Value::Class(_)) && self.get_attr_str(b, "__mro_entries__")?.is_some() {
                        let msg = "type() doesn't support MRO entry resolution; use types.new_class()";
                        return Err(self.type_error(msg));
                    }
                }
                // A base with a derived metaclass makes that metaclass build the class.
                let type_ = self.rt.types.type_.clone();
                let winner = self.winner_metaclass(&type_, &bases.items)?;
                if !Arc::ptr_eq(&winner, &type_) {
                    return self.call_value(&Value::Class(winner), args);
                }
                let bs = self.bases_as_classes(&bases.items)?;
                let cls = self.type_new(None, name, bs, &ns, args.kw)?;
                Ok(Value::Class(cls))
            }
            _ => Err(self.type_error("type() takes 1 or 3 arguments")),
        }
    }
}

/// The nearest class of `c`'s ancestry (itself included) that added slot
/// values to the instance layout: two bases are compatible when theirs are.
/// `__base__`: the base whose instance layout the class extends (CPython's
/// best_base), the one with the most derived solid base; the first of
/// them when several tie.
pub fn best_base(bases: &[Arc<Class>]) -> Option<Arc<Class>> {
    let solid_of = |b: &Arc<Class>| {
        if b.extra.nslots > 0 {
            solid_base(b)
        } else {
            builtin_layout_base(b).unwrap_or_else(|| b.mro_with_self().last().cloned().unwrap_or_else(|| b.clone()))
        }
    };
    let mut best: Option<(Arc<Class>, Arc<Class>)> = None;
    for b in bases {
        let s = solid_of(b);
        match &best {
            Some((_, bs)) if !s.is_subclass(bs) || Arc::ptr_eq(&s, bs) => {}
            _ => best = Some((b.clone(), s)),
        }
    }
    best.map(|(b, _)| b)
}

/// Whether instances of `b` (a base) have a `__dict__`: a user class's
/// unless its slots say no; of the built-in bases, only exceptions'.
fn base_has_dict(b: &Arc<Class>) -> bool {
    if b.builtin { b.layout == Layout::Exception } else { !b.extra.no_dict }
}

/// Whether instances of `b` (a base) take weak references, as [`base_has_dict`].
fn base_has_weakref(b: &Arc<Class>) -> bool {
    if b.builtin { b.layout == Layout::Exception } else { !b.extra.no_weakref }
}

/// Whether a new class is the first of its line to give its instances a
/// `__dict__` / weak references, as CPython decides where the getset
/// descriptors go: not when a Python base already did, nor over a built-in
/// base that has its own (exceptions' dict, sets' weak references) or no
/// room for one (int, bytes and tuple are variable-size); built-in bases
/// of other kinds are left alone.
fn adds_instance_descriptors(cls: &Arc<Class>) -> (bool, bool) {
    let (mut dict, mut weak) = (!cls.extra.no_dict, !cls.extra.no_weakref);
    for c in &cls.mro {
        if !c.builtin {
            dict &= c.extra.no_dict;
            weak &= c.extra.no_weakref;
            continue;
        }
        match c.layout {
            Layout::Object | Layout::Float | Layout::Str | Layout::List | Layout::Dict => {}
            Layout::Int | Layout::Bytes | Layout::Tuple | Layout::Set | Layout::FrozenSet => weak = false,
            Layout::Exception => dict = false,
            Layout::NativeNew | Layout::Opaque => (dict, weak) = (false, false),
        }
    }
    (dict, weak)
}

/// The most derived built-in class of `c`'s MRO whose instances have a
/// layout of their own (a value payload), if any: two bases whose such
/// classes are unrelated cannot share an instance. Exceptions are left
/// out (gilt lays all of them out alike), as are object-like natives.
/// The class whose instance layout `c`'s instances have (CPython's
/// `solid_base`): the last to add slots, else the built-in storage, else
/// `object`.
pub(crate) fn layout_base(c: &Arc<Class>, object: &Arc<Class>) -> Arc<Class> {
    if c.extra.nslots > 0 {
        return solid_base(c);
    }
    builtin_layout_base(c).unwrap_or_else(|| object.clone())
}

fn builtin_layout_base(c: &Arc<Class>) -> Option<Arc<Class>> {
    c.mro_with_self()
        .find(|k| {
            k.builtin && !matches!(k.layout, Layout::Object | Layout::Exception | Layout::Opaque | Layout::NativeNew)
        })
        .cloned()
}

fn solid_base(c: &Arc<Class>) -> Arc<Class> {
    let mut c = c.clone();
    loop {
        let parent = c.bases.iter().max_by_key(|b| b.extra.nslots).cloned();
        match parent {
            Some(p) if p.extra.nslots == c.extra.nslots && p.extra.nslots > 0 => c = p,
            _ => return c,
        }
    }
}
