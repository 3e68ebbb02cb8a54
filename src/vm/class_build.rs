//! Creating classes: the `class` statement, `type(name, bases, ns)`,
//! metaclasses and the C3 method resolution order.

use std::sync::Arc;

use parking_lot::Mutex;

use super::frame::Frame;
use super::{Args, PyResult, Vm};
use crate::object::class::{Class, Layout};
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
    /// The `class` statement: run the body, then call the metaclass.
    pub fn build_class(&mut self, body: Value, name: Value, bases: Vec<Value>, mut kw: Kw) -> PyResult {
        let Value::Function(body_fn) = body else { return Err(self.runtime_error("bad class body")) };
        let mut base_classes = Vec::new();
        for b in &bases {
            match b {
                Value::Class(c) => base_classes.push(c.clone()),
                _ => {
                    // Objects with __mro_entries__ (typing.Generic[T]) substitute themselves.
                    if let Some(me) = self.get_attr_str(b, "__mro_entries__")? {
                        let r = self.call(&me, vec![Value::tuple(bases.clone())])?;
                        for c in self.collect(&r)? {
                            if let Value::Class(c) = c {
                                base_classes.push(c);
                            }
                        }
                        continue;
                    }
                    return Err(self.type_error("bases must be types"));
                }
            }
        }
        let explicit_meta = kw.iter().position(|(k, _)| k.as_str() == "metaclass").map(|i| kw.remove(i).1);
        let meta: Option<Value> = match explicit_meta {
            Some(m) => Some(m),
            None => {
                // The most derived metaclass among the bases.
                let mut winner: Option<Arc<Class>> = None;
                for b in &base_classes {
                    if let Some(m) = &b.metaclass {
                        match &winner {
                            Some(w) if w.is_subclass(m) => {}
                            _ => winner = Some(m.clone()),
                        }
                    }
                }
                winner.map(Value::Class)
            }
        };
        // Run the body with a fresh namespace.
        let ns = Arc::new(Dict::new());
        let mut frame = Box::new(Frame::new(body_fn.code.clone(), body_fn.globals.clone()));
        frame.locals_dict = Some(ns.clone());
        let code = body_fn.code.clone();
        if !code.cellvars.is_empty() || !code.freevars.is_empty() {
            let mut cells: Vec<Arc<crate::object::function::Cell>> =
                code.cellvars.iter().map(|_| Arc::new(crate::object::function::Cell::new(None))).collect();
            cells.extend(body_fn.closure.iter().cloned());
            frame.cells = cells.into_boxed_slice();
        }
        self.run_to_return(frame)?;
        let bases_tuple = Value::tuple(base_classes.iter().map(|c| Value::Class(c.clone())).collect());
        match meta {
            Some(Value::Class(m)) if !Arc::ptr_eq(&m, &self.rt.types.type_) => {
                let args = Args::with_kw(vec![name, bases_tuple, Value::Dict(ns)], kw);
                self.call_value(&Value::Class(m), args)
            }
            Some(other) if !matches!(other, Value::Class(_)) => {
                self.call_value(&other, Args::with_kw(vec![name, bases_tuple, Value::Dict(ns)], kw))
            }
            _ => {
                let name = match name {
                    Value::Str(s) => s,
                    _ => return Err(self.type_error("class name must be a string")),
                };
                let cls = self.type_new(None, name, base_classes, &ns, kw)?;
                Ok(Value::Class(cls))
            }
        }
    }

    /// `type.__new__(meta, name, bases, ns)`.
    pub fn type_new(
        &mut self,
        meta: Option<Arc<Class>>,
        name: Arc<PyStr>,
        mut bases: Vec<Arc<Class>>,
        ns: &Arc<Dict>,
        kw: Kw,
    ) -> PyResult<Arc<Class>> {
        if bases.is_empty() {
            bases.push(self.rt.types.object.clone());
        }
        for b in &bases {
            if b.layout == Layout::Opaque && !Arc::ptr_eq(b, &self.rt.types.object) {
                return Err(self.type_error(&format!("type '{}' is not an acceptable base type", b.name().as_str())));
            }
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
                let cm = crate::object::descr::ClassMethod { func: f, class: self.rt.types.classmethod.clone() };
                dict.set_item_str(special, Value::from_native(Arc::new(cm)));
            }
        }
        let qualname = match dict.get_item_str("__qualname__") {
            Some(Value::Str(q)) => q,
            _ => name.clone(),
        };
        if dict.get_item_str("__module__").is_none()
            && let Some(m) = self.frame.globals.get_item_str("__name__")
        {
            dict.set_item_str("__module__", m);
        }
        let is_meta = bases.iter().any(|b| b.is_subclass(&self.rt.types.type_));
        let meta = match meta {
            Some(m) if Arc::ptr_eq(&m, &self.rt.types.type_) => None,
            Some(m) => Some(m),
            None => bases.iter().find_map(|b| b.metaclass.clone()),
        };
        let cls = Arc::new(Class {
            name: Mutex::new(name),
            qualname: Mutex::new(qualname),
            bases,
            mro,
            dict: dict.clone(),
            metaclass: meta,
            layout: if is_meta { Layout::NativeNew } else { layout },
            builtin: false,
            flags: std::sync::atomic::AtomicU32::new(crate::object::class::class_flags::UNKNOWN),
            tag: crate::object::class::next_class_tag(),
            finalizers: Default::default(),
        });
        if cls.lookup_user("__del__").is_some() {
            let _ = cls.finalizers.set(self.rt.finalizers.clone());
        }
        let cls_val = Value::Class(cls.clone());
        if let Some(cell) = dict.remove_item_str("__classcell__")
            && let Value::Native2(o) = &cell
            && let Some(c) = o.as_any().downcast_ref::<super::eval::CellRef>()
        {
            c.0.set(Some(cls_val.clone()));
        }
        // __set_name__ on descriptors.
        let snapshot = dict.lock().items();
        for (k, v) in snapshot {
            if let Value::Native2(o) = &v
                && let Some(p) = o.as_any().downcast_ref::<crate::object::descr::Property>()
                && let Value::Str(ks) = &k
            {
                *p.name.lock() = Some(ks.as_str().to_string());
            }
        }
        let snapshot = dict.lock().items();
        for (k, v) in snapshot {
            if let Value::Instance(i) = &v
                && let Some(sn) = i.class.lookup_user("__set_name__")
            {
                self.call_method_value(&sn, v.clone(), vec![cls_val.clone(), k])?;
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
        } else if let Some((k, _)) = kw.first() {
            let _ = k;
            return Err(
                self.type_error(&format!("{}.__init_subclass__() takes no keyword arguments", cls.name().as_str()))
            );
        }
        Ok(cls)
    }

    /// `type(x)` / `type(name, bases, dict)`.
    pub fn type_call(&mut self, args: Args) -> PyResult {
        match args.pos.len() {
            1 => Ok(Value::Class(self.class_of(&args.pos[0]))),
            3 => {
                let Value::Str(name) = &args.pos[0] else {
                    return Err(self.type_error("type.__new__() argument 1 must be str"));
                };
                let bases = self.collect(&args.pos[1])?;
                let mut bs = Vec::new();
                for b in bases {
                    if let Value::Class(c) = b {
                        bs.push(c);
                    }
                }
                let Value::Dict(ns) = &args.pos[2] else {
                    return Err(self.type_error("type.__new__() argument 3 must be dict"));
                };
                let cls = self.type_new(None, name.clone(), bs, ns, args.kw)?;
                Ok(Value::Class(cls))
            }
            _ => Err(self.type_error("type() takes 1 or 3 arguments")),
        }
    }
}
