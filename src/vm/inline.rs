//! The interpreter's side of the inline caches (`bytecode/inline_cache.rs`):
//! what LoadGlobal, LoadMethod and the instance attribute instructions
//! remember in their cell, and how a hit is proved.
//!
//! - LoadGlobal: `[globals layout tag, 0, position]` for a module global;
//!   `[globals layout tag, builtins layout tag, position]` for a builtin
//!   (the first tag, read without the lock, proves the name is still
//!   absent from the globals).
//!   Rebinding a global keeps the layout, so it invalidates nothing.
//! - LoadMethod: `[class tag, class versions, owner << 32 | position]`: the
//!   class (never-reused tag) unchanged along its MRO, the method is the
//!   entry at `position` of the `owner`-th dict of `[class] + mro`.
//! - The attribute instructions: see `vm/inline_attr.rs`.
//!
//! Every value is read under its dict's lock after the check, so with the
//! GIL off a cache can be stale but never hands out a torn or freed object.

use std::sync::Arc;

use super::cache::class_versions;
use super::{PyResult, Vm};
use crate::bytecode::inline_cache::CacheCell;
use crate::object::dict::Dict;
use crate::object::str::PyStr;
use crate::object::thread_local::local_of;
use crate::object::value::Value;

/// A LoadGlobal hit: the value its cell proves, if it does.
#[inline]
fn global_hit(cell: &CacheCell, globals: &Dict, builtins: &Dict) -> Option<Value> {
    let [g, b, pos] = cell.read()?;
    if g == 0 {
        return None;
    }
    if b == 0 {
        let t = globals.lock();
        return if t.current_layout_tag() == g { t.value_at(pos as usize).cloned() } else { None };
    }
    if globals.published_layout_tag() != g {
        return None;
    }
    let t = builtins.lock();
    if t.current_layout_tag() == b { t.value_at(pos as usize).cloned() } else { None }
}

impl Vm {
    /// `LoadGlobal`: the frame's globals, then the builtins, through the
    /// instruction's cache cell.
    #[inline]
    pub(super) fn load_global_cached(&mut self, name: &Arc<PyStr>, cell: Option<&CacheCell>) -> PyResult<Value> {
        if let Some(c) = cell
            && let Some(v) = global_hit(c, &self.frame.globals, &self.rt.builtins)
        {
            return Ok(v);
        }
        self.load_global_fill(name, cell)
    }

    /// A LoadGlobal miss: the lookup, remembered in the cell.
    #[inline(never)]
    fn load_global_fill(&mut self, name: &Arc<PyStr>, cell: Option<&CacheCell>) -> PyResult<Value> {
        let gtag = {
            let mut t = self.frame.globals.lock();
            if let Some(pos) = t.position_of_str(name) {
                let v = t.value_at(pos).cloned();
                if let Some(c) = cell {
                    let tag = t.layout_tag();
                    c.write([tag, 0, pos as u64]);
                }
                if let Some(v) = v {
                    return Ok(v);
                }
            }
            t.layout_tag()
        };
        let found = {
            let mut t = self.rt.builtins.lock();
            match t.position_of_str(name) {
                Some(pos) => {
                    if let Some(c) = cell {
                        let tag = t.layout_tag();
                        c.write([gtag, tag, pos as u64]);
                    }
                    t.value_at(pos).cloned()
                }
                None => None,
            }
        };
        match found {
            Some(v) => Ok(v),
            None => Err(self.name_error(name.as_str())),
        }
    }

    /// `LoadMethod`'s cached answer for `obj`: the unbound method, when the
    /// cell proves it (None: take the full lookup).
    #[inline]
    pub(super) fn cached_method(&self, obj: &Value, name: &PyStr, cell: &CacheCell) -> Option<Value> {
        let [ctag, vers, at] = cell.read()?;
        let cls = self.class_ref(obj)?;
        if cls.tag() != ctag || class_versions(cls) != vers {
            return None;
        }
        if let Value::Instance(inst) = obj
            && (local_of(inst).is_some() || inst.dict.lock().position_of_str(name).is_some())
        {
            // Shadowed by an instance attribute: not a method call.
            return None;
        }
        let owner = match at >> 32 {
            0 => cls,
            i => cls.mro.get(i as usize - 1)?,
        };
        owner.dict.lock().value_at_if_key((at & 0xFFFF_FFFF) as usize, name).cloned()
    }

    /// Remembers where `LoadMethod` found `method` for `obj`'s class.
    pub(super) fn remember_method(&self, obj: &Value, name: &PyStr, method: &Value, cell: &CacheCell) {
        let Some(cls) = self.class_ref(obj) else { return };
        let vers = class_versions(cls);
        for (i, owner) in std::iter::once(cls).chain(cls.mro.iter()).enumerate() {
            let t = owner.dict.lock();
            if let Some(pos) = t.position_of_str(name) {
                if pos <= u32::MAX as usize && t.value_at(pos).is_some_and(|v| v.is(method)) {
                    cell.write([cls.tag(), vers, ((i as u64) << 32) | pos as u64]);
                }
                return;
            }
        }
    }
}

/// `super().name` as LoadMethod wants it: a plain function found after
/// `start` in the MRO, to be called with the super object's instance as its
/// first argument, which is what binding it would do (None: the general
/// attribute path decides, e.g. for classmethods or a class as receiver).
pub(super) fn super_method(obj: &Value, name: &PyStr) -> Option<(Value, Value)> {
    let Value::Native2(o) = obj else { return None };
    let s = o.as_any().downcast_ref::<crate::object::descr::Super>()?;
    if matches!(s.obj, Value::Class(_)) {
        return None;
    }
    let mut mro = s.obj_type.mro_with_self();
    if !mro.any(|c| Arc::ptr_eq(c, &s.start)) {
        return None;
    }
    for c in mro {
        if let Some(a) = c.dict.get_str(name) {
            return match a {
                Value::Function(_) => Some((a, s.obj.clone())),
                _ => None,
            };
        }
    }
    None
}
