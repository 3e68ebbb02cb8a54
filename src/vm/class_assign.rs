//! Changing what an object is made of after the fact: `obj.__class__ = C`
//! (CPython's `object_set_class`) and `C.__bases__ = (…)` (`type_set_bases`),
//! with CPython 3.11's checks and messages.
//!
//! Both replace a [`SwapCell`](crate::object::swap::SwapCell) field that
//! other threads read without a lock, so with the GIL off a reader sees the
//! old class (or MRO) or the new one, never a mix within one field. Every
//! cache keyed by a class stays right: an instance's class is read afresh on
//! each access (its tag keys the caches), and a class whose MRO changes gets
//! a new tag, so what was cached under the old one misses.

use std::sync::Arc;

use super::{PyResult, Vm};
use crate::object::class::{Class, Layout};
use crate::object::descr::SlotMember;
use crate::object::value::Value;

/// What CPython's `compatible_for_assignment` compares, reduced to what
/// gilt's instances carry: the built-in storage, whether there is a
/// `__dict__` and weak references, and the slots in order.
#[derive(PartialEq)]
struct LayoutSig {
    builtin_base: usize,
    layout: Layout,
    no_dict: bool,
    no_weakref: bool,
    slots: Vec<String>,
}

fn layout_sig(c: &Arc<Class>) -> LayoutSig {
    let builtin_base = c.mro_with_self().find(|k| k.builtin).map(|k| Arc::as_ptr(k) as usize).unwrap_or(0);
    let mut slots: Vec<(usize, String)> = Vec::new();
    for k in c.mro_with_self() {
        if k.builtin {
            continue;
        }
        for (_, v) in k.dict.lock().items() {
            if let Value::Native2(o) = &v
                && let Some(m) = o.as_any().downcast_ref::<SlotMember>()
                && !slots.iter().any(|(i, _)| *i == m.index)
            {
                slots.push((m.index, m.name.as_str().to_string()));
            }
        }
    }
    slots.sort();
    LayoutSig {
        builtin_base,
        layout: c.layout,
        no_dict: c.extra.no_dict,
        no_weakref: c.extra.no_weakref,
        slots: slots.into_iter().map(|(_, n)| n).collect(),
    }
}

/// Instances are freed by the collector's deallocator (CPython's
/// `tp_free`): every Python class, and the built-in containers.
fn gc_freed(c: &Class) -> bool {
    !c.builtin
        || !matches!(
            c.layout,
            Layout::Object | Layout::Int | Layout::Float | Layout::Str | Layout::Bytes | Layout::Opaque
        )
}

impl Vm {
    /// CPython's `compatible_for_assignment(oldto, newto, attr)`.
    fn check_compatible(&mut self, old: &Arc<Class>, new: &Arc<Class>, attr: &str) -> PyResult<()> {
        let (on, nn) = (old.name(), new.name());
        if gc_freed(old) != gc_freed(new) {
            return Err(self.type_error(&format!(
                "{attr} assignment: '{}' deallocator differs from '{}'",
                nn.as_str(),
                on.as_str()
            )));
        }
        if !Arc::ptr_eq(old, new) && layout_sig(old) != layout_sig(new) {
            return Err(self.type_error(&format!(
                "{attr} assignment: '{}' object layout differs from '{}'",
                nn.as_str(),
                on.as_str()
            )));
        }
        Ok(())
    }

    /// `obj.__class__ = v` (and `del obj.__class__`: `v` None).
    pub fn set_object_class(&mut self, obj: &Value, v: Option<&Value>) -> PyResult<()> {
        let Some(v) = v else {
            return Err(self.type_error("can't delete __class__ attribute"));
        };
        let Value::Class(new) = v else {
            let tn = self.type_name(v);
            return Err(self.type_error(&format!("__class__ must be set to a class, not '{tn}' object")));
        };
        let old = self.class_of(obj);
        let module = &self.rt.types.module;
        let both_modules = old.is_subclass(module) && new.is_subclass(module);
        if !both_modules && (old.builtin || new.builtin) {
            return Err(
                self.type_error("__class__ assignment only supported for mutable types or ModuleType subclasses")
            );
        }
        match obj {
            Value::Instance(inst) => {
                self.check_compatible(&old, new, "__class__")?;
                inst.class.replace_with(new.clone(), Arc::ptr_eq);
                Ok(())
            }
            Value::Module(m) => {
                // A module object's storage is the module type's whatever
                // subclass it is given.
                let to = if Arc::ptr_eq(new, module) { None } else { Some(new.clone()) };
                m.class.replace_with(to, |a, b| match (a, b) {
                    (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                    (None, None) => true,
                    _ => false,
                });
                Ok(())
            }
            _ => Err(self.type_error("__class__ assignment only supported for mutable types or ModuleType subclasses")),
        }
    }

    /// CPython's `best_base`: the base whose instance layout the others'
    /// extend (the first of those with the most derived one).
    fn best_base(&mut self, bases: &[Arc<Class>]) -> PyResult<Arc<Class>> {
        let mut winner: Option<(Arc<Class>, Arc<Class>)> = None;
        for b in bases {
            let cand = super::class_build::layout_base(b, &self.rt.types.object);
            match &winner {
                None => winner = Some((cand, b.clone())),
                Some((w, _)) if w.is_subclass(&cand) => {}
                Some((w, _)) if cand.is_subclass(w) => winner = Some((cand, b.clone())),
                Some(_) => return Err(self.type_error("multiple bases have instance lay-out conflict")),
            }
        }
        Ok(winner.map(|(_, b)| b).unwrap_or_else(|| self.rt.types.object.clone()))
    }

    /// The MRO of `c` from its current bases (without `c` itself): the
    /// metaclass's `mro()` when Python code overrides it, else C3.
    pub fn compute_mro(&mut self, c: &Arc<Class>) -> PyResult<Vec<Arc<Class>>> {
        let custom = c.metaclass.as_ref().and_then(|m| m.lookup_user("mro"));
        let Some(f) = custom else {
            return super::class_build::c3_mro_of_bases(&c.bases).map_err(|m| self.type_error(&m));
        };
        let r = self.call(&f, vec![Value::Class(c.clone())])?;
        let items = self.collect(&r)?;
        let mut out = Vec::with_capacity(items.len());
        let solid = super::class_build::layout_base(c, &self.rt.types.object);
        for it in items {
            let Value::Class(k) = it else {
                let tn = self.type_name(&it);
                return Err(self.type_error(&format!("mro() returned a non-class ('{tn}')")));
            };
            if !solid.is_subclass(&super::class_build::layout_base(&k, &self.rt.types.object)) {
                let kn = k.name();
                return Err(self.type_error(&format!("mro() returned base with unsuitable layout ('{}')", kn.as_str())));
            }
            out.push(k);
        }
        if out.first().is_some_and(|k| Arc::ptr_eq(k, c)) {
            out.remove(0);
        }
        Ok(out)
    }

    /// `C.__bases__ = v` (`del C.__bases__`: `v` None).
    pub fn set_class_bases(&mut self, c: &Arc<Class>, v: Option<Value>) -> PyResult<()> {
        let cn = c.name();
        let cn = cn.as_str();
        if c.builtin {
            return Err(self.type_error(&format!("cannot set '__bases__' attribute of immutable type '{cn}'")));
        }
        let Some(v) = v else {
            return Err(self.type_error(&format!("cannot delete '__bases__' attribute of immutable type '{cn}'")));
        };
        let Value::Tuple(t) = &v else {
            let tn = self.type_name(&v);
            return Err(self.type_error(&format!("can only assign tuple to {cn}.__bases__, not {tn}")));
        };
        if t.is_empty() {
            return Err(self.type_error(&format!("can only assign non-empty tuple to {cn}.__bases__, not ()")));
        }
        let mut bases = Vec::with_capacity(t.len());
        for b in t.items.iter() {
            let Value::Class(k) = b else {
                let tn = self.type_name(b);
                return Err(self.type_error(&format!("{cn}.__bases__ must be tuple of classes, not '{tn}'")));
            };
            if k.is_subclass(c) {
                return Err(self.type_error("a __bases__ item causes an inheritance cycle"));
            }
            bases.push(k.clone());
        }
        let new_base = self.best_base(&bases)?;
        let old_bases: Vec<Arc<Class>> = c.bases.to_vec();
        let old_base = self.best_base(&old_bases)?;
        self.check_compatible(&old_base, &new_base, "__bases__")?;

        // The class and every class below it get their MRO again; the first
        // failure puts back every one already changed.
        c.bases.replace_with(bases.clone(), |_, _| false);
        let ours = c.bases.as_ptr();
        let mut done: Vec<(Arc<Class>, Vec<Arc<Class>>)> = Vec::new();
        let mut todo = vec![c.clone()];
        let mut seen = std::collections::HashSet::new();
        while let Some(k) = todo.pop() {
            // A subclass list can hold a cycle for a moment when an `mro()`
            // reassigned bases reentrantly: visit each class once.
            if !seen.insert(Arc::as_ptr(&k) as usize) {
                continue;
            }
            let r = self.compute_mro(&k);
            let m = match r {
                Ok(m) => m,
                Err(e) => {
                    for (k, old) in done.into_iter().rev() {
                        k.mro.replace_with(old, |_, _| false);
                    }
                    if c.bases.as_ptr() == ours {
                        c.bases.replace_with(old_bases, |_, _| false);
                    }
                    return Err(e);
                }
            };
            done.push((k.clone(), k.mro.to_vec()));
            k.mro.replace_with(m, |_, _| false);
            let subs: Vec<Arc<Class>> = k.extra.subclasses.lock().iter().filter_map(|w| w.upgrade()).collect();
            // Popped from the end: push in reverse to visit in creation order.
            todo.extend(subs.into_iter().rev());
        }
        // An `mro()` that assigned this class's bases again did this part
        // itself (CPython's reentrancy check in `type_set_bases`).
        if c.bases.as_ptr() != ours {
            for (k, _) in &done {
                k.retag();
            }
            c.invalidate_flags();
            return Ok(());
        }
        for b in &old_bases {
            b.extra.subclasses.lock().retain(|w| !std::ptr::eq(w.as_ptr(), Arc::as_ptr(c)));
        }
        for b in &bases {
            let mut subs = b.extra.subclasses.lock();
            subs.retain(|w| w.strong_count() > 0);
            subs.push(Arc::downgrade(c));
        }
        for (k, _) in &done {
            k.retag();
        }
        c.invalidate_flags();
        Ok(())
    }
}
