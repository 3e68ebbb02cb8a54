//! What the attribute instructions (LoadAttr, LoadFastAttr, StoreAttr, and
//! LoadMethod on modules) remember in their inline cache cell
//! (`bytecode/inline_cache.rs`), and how a hit is proved. CPython 3.11
//! specialises LOAD_ATTR into INSTANCE_VALUE, SLOT, CLASS, PROPERTY and
//! MODULE forms; a cell here records which of those answers the last
//! lookup at the site found, as a *kind* in the top bits of its second word.
//!
//! Instance cells are `[w0, class tag | kind << 60, class versions]`; the
//! tag and versions (`cache::class_versions`) prove that the class and every
//! dict of its MRO are unchanged since the kind was decided, so the kind
//! still describes what `type(obj).__mro__` holds for the name:
//!
//! - `DICT`: no data descriptor of that name; `w0` is a position hint into
//!   the instance dict, trusted only after the key there is compared.
//! - `CLASS_PLAIN` / `CLASS_FUNC`: not in the instance dict, the answer is
//!   the class attribute at `w0 = owner << 32 | position` (owner: index in
//!   `[class] + mro`), returned as is / bound to the instance.
//! - `SLOT`: a `__slots__` member; `w0` is the slot index with bit 63 set
//!   (a hint never has it, so a hint stored over it reads as a miss).
//! - `PROP`: a property at `w0 = owner << 32 | position`: its getter is called.
//! - `DATA`: another data descriptor (or a special name): the general path.
//!
//! A module cell is `[position, MODULE << 60, layout tag]` (LoadMethod's:
//! `[MODULE << 60, layout tag, position]`, so no class tag can match it):
//! the module dict's layout tag, never reused, proves the position. A class
//! object's cell is `[owner << 32 | position, class tag | CLASS_OBJ << 60,
//! versions]`.
//!
//! No cell holds a value: every value is read from its dict (or slot list)
//! under that lock after the check, so with the GIL off a cell can be stale
//! but never hands out a torn or freed object. The hint in `w0` is read and
//! written outside the sequence lock (a site whose instances hold the name
//! at different positions rewrites it often): it is written only while
//! word 1 says `DICT` (`CacheCell::set_hint_if`), and where a racing
//! writer still puts a hint over another kind's `w0`, that `w0` fails its
//! own check: a position is checked against the key it names (and owner 0,
//! the class itself, holds the first answer of its MRO anyway), a slot
//! index needs its bit 63.

use std::sync::Arc;

use super::attr::is_data_descr;
use super::cache::class_versions;
use super::{PyResult, Vm};
use crate::bytecode::inline_cache::CacheCell;
use crate::object::class::class_flags::{HAS_DATA_DESCR, HAS_DESCR_GET, HAS_GETATTRIBUTE, HAS_SETATTR, NO_DICT};
use crate::object::class::{Class, Instance, Payload};
use crate::object::descr::{Property, SlotMember};
use crate::object::module::Module;
use crate::object::str::PyStr;
use crate::object::thread_local::local_of;
use crate::object::value::Value;

const KIND_SHIFT: u32 = 60;
const TAG_MASK: u64 = (1 << KIND_SHIFT) - 1;
const DICT: u64 = 0;
const CLASS_PLAIN: u64 = 1;
const CLASS_FUNC: u64 = 2;
const SLOT: u64 = 3;
const PROP: u64 = 4;
const MODULE: u64 = 5;
const CLASS_OBJ: u64 = 6;
const DATA: u64 = 8;
/// Bit 63 of a `SLOT` cell's first word (see the module comment).
const SLOT_MARK: u64 = 1 << 63;

#[inline]
fn kind_of(w1: u64) -> u64 {
    w1 >> KIND_SHIFT
}

/// A name CPython's type slots or gilt's special cases answer
/// (`__class__`, `__dict__`, `__name__`, …): never cached.
#[inline]
fn is_dunder(name: &PyStr) -> bool {
    let s = name.as_str();
    s.len() > 4 && s.starts_with("__") && s.ends_with("__")
}

/// A class attribute whose read is the value itself: no `__get__` can be
/// involved (an instance's class is checked again at every hit, since
/// `__get__` may be added to it later).
#[inline]
fn plain_value(v: &Value) -> bool {
    match v {
        Value::Int(_)
        | Value::BigInt(_)
        | Value::Flt(_)
        | Value::Cplx(_)
        | Value::Boolean(_)
        | Value::None
        | Value::Str(_)
        | Value::Bytes(_)
        | Value::Tuple(_)
        | Value::List(_)
        | Value::Dict(_)
        | Value::Set(_)
        | Value::Class(_) => true,
        Value::Instance(i) => i.class.attr_flags() & HAS_DESCR_GET == 0,
        _ => false,
    }
}

/// Where `name` is along `[cls] + mro`: (owner index, position, value).
fn find_in_mro(cls: &Arc<Class>, name: &PyStr) -> Option<(usize, usize, Value)> {
    for (i, owner) in cls.mro_with_self().enumerate() {
        let t = owner.dict.lock();
        if let Some(pos) = t.position_of_str(name) {
            return t.value_at(pos).cloned().map(|v| (i, pos, v));
        }
    }
    None
}

/// The value at `w0 = owner << 32 | position` of `[cls] + mro`, if the key
/// there is still `name`.
#[inline]
fn class_entry(cls: &Arc<Class>, name: &PyStr, w0: u64) -> Option<Value> {
    let owner = match w0 >> 32 {
        0 => cls,
        i => cls.mro.get(i as usize - 1)?,
    };
    owner.dict.lock().value_at_if_key((w0 & 0xFFFF_FFFF) as usize, name).cloned()
}

/// Decides and remembers the kind of `name` for instances of `cls`.
/// Versions are read first: a change during the lookup makes the next check
/// fail. Runs no Python code.
#[cold]
fn classify(cls: &Arc<Class>, name: &PyStr, c: &CacheCell) -> u64 {
    let vers = class_versions(cls);
    let (kind, w0) = if is_dunder(name) {
        (DATA, 0)
    } else {
        match find_in_mro(cls, name) {
            None => (DICT, c.hint()),
            Some((i, pos, v)) => {
                let at = ((i as u64) << 32) | pos as u64;
                match &v {
                    Value::Native2(o) if o.as_any().is::<Property>() => (PROP, at),
                    Value::Native2(o) if o.as_any().is::<SlotMember>() => {
                        let m = o.as_any().downcast_ref::<SlotMember>().map_or(0, |m| m.index);
                        (SLOT, SLOT_MARK | m as u64)
                    }
                    v if is_data_descr(v) => (DATA, 0),
                    Value::Function(_) if pos <= u32::MAX as usize => (CLASS_FUNC, at),
                    v if plain_value(v) && pos <= u32::MAX as usize => (CLASS_PLAIN, at),
                    _ => (DICT, c.hint()),
                }
            }
        }
    };
    c.write([w0, cls.tag() | (kind << KIND_SHIFT), vers]);
    kind
}

/// The cell's kind for `cls`, when its tag and versions prove it.
#[inline]
fn proved_kind(cls: &Arc<Class>, c: &CacheCell) -> Option<(u64, u64)> {
    let [w0, w1, vers] = c.read()?;
    (w1 & TAG_MASK == cls.tag() && vers == class_versions(cls)).then_some((kind_of(w1), w0))
}

/// Whether the instance dict decides `name` for an instance of `cls` (no
/// data descriptor of that name on the type). True at once for a class
/// without data descriptors; otherwise the cell proves it, or a lookup
/// decides again.
#[inline]
fn dict_decides(cls: &Arc<Class>, flags: u32, name: &PyStr, cell: Option<&CacheCell>) -> bool {
    if flags & HAS_DATA_DESCR == 0 {
        return true;
    }
    let Some(c) = cell else { return false };
    let kind = match proved_kind(cls, c) {
        Some((k, _)) => k,
        None => classify(cls, name, c),
    };
    matches!(kind, DICT | CLASS_PLAIN | CLASS_FUNC)
}

#[inline]
fn is_hint(w1: u64) -> bool {
    kind_of(w1) == DICT
}

/// The attribute read the dispatch loop finishes inline (None: take
/// `Vm::load_attr_miss`): an instance attribute found in its dict (at the
/// hinted position first), or a class attribute, slot or module global the
/// cell proves.
#[inline]
pub(super) fn attr_hit(obj: &Value, name: &PyStr, cell: Option<&CacheCell>) -> Option<Value> {
    let inst = match obj {
        Value::Instance(inst) => inst,
        Value::Module(m) => return module_hit(m, name, cell?),
        Value::Class(c) => return class_obj_hit(c, name, cell?),
        _ => return None,
    };
    let cls = &inst.class;
    let flags = cls.attr_flags();
    if flags & HAS_GETATTRIBUTE != 0 || local_of(inst).is_some() {
        return None;
    }
    if dict_decides(cls, flags, name, cell) {
        let t = inst.dict.lock();
        let Some(c) = cell else { return t.get_pystr(name).cloned() };
        let hint = c.hint() as usize;
        if let Some(v) = t.value_at_if_key(hint, name) {
            return Some(v.clone());
        }
        if let Some(pos) = t.position_of_str(name) {
            let v = t.value_at(pos).cloned();
            drop(t);
            c.set_hint_if(pos as u64, is_hint);
            return v;
        }
    }
    // Not in the instance dict (or a data descriptor decides first).
    let c = cell?;
    let (kind, w0) = proved_kind(cls, c)?;
    match kind {
        CLASS_PLAIN | CLASS_FUNC if inst.exc().is_none() => {
            let v = class_entry(cls, name, w0)?;
            if kind == CLASS_FUNC {
                return matches!(v, Value::Function(_)).then(|| Vm::bound(obj.clone(), v));
            }
            plain_value(&v).then_some(v)
        }
        SLOT if w0 & SLOT_MARK != 0 => slot_hit(inst, (w0 & !SLOT_MARK) as usize),
        _ => None,
    }
}

#[inline]
fn slot_hit(inst: &Instance, index: usize) -> Option<Value> {
    if index >= inst.class.extra.nslots {
        return None;
    }
    inst.slots.as_ref()?.lock().get(index).cloned().flatten()
}

/// `module.name` from the module dict at the position the cell proves.
#[inline]
fn module_hit(m: &Module, name: &PyStr, c: &CacheCell) -> Option<Value> {
    let [pos, w1, tag] = c.read()?;
    if kind_of(w1) != MODULE || tag == 0 {
        return None;
    }
    let t = m.dict.lock();
    if t.current_layout_tag() != tag {
        return None;
    }
    t.value_at_if_key(pos as usize, name).cloned()
}

/// Remembers where `module.name` is (a name absent from the dict is left
/// to the general path: module `__getattr__`, `__dict__`, …).
fn module_fill(m: &Module, name: &PyStr, c: &CacheCell, for_method: bool) {
    let mut t = m.dict.lock();
    let Some(pos) = t.position_of_str(name) else { return };
    let tag = t.layout_tag();
    drop(t);
    c.write(if for_method { [MODULE << KIND_SHIFT, tag, pos as u64] } else { [pos as u64, MODULE << KIND_SHIFT, tag] });
}

/// LoadMethod on a module (`math.sqrt(x)`): the attribute, through the
/// instruction's cell (`[MODULE << 60, layout tag, position]`).
#[inline]
pub(super) fn module_method_hit(m: &Module, name: &PyStr, c: &CacheCell) -> Option<Value> {
    let [w0, tag, pos] = c.read()?;
    if w0 != MODULE << KIND_SHIFT || tag == 0 {
        return None;
    }
    let t = m.dict.lock();
    if t.current_layout_tag() != tag {
        return None;
    }
    t.value_at_if_key(pos as usize, name).cloned()
}

/// `Class.name` for a class attribute that is its own answer (not a
/// descriptor the class access would run, not a special name), when no
/// metaclass `__getattribute__` intervenes.
#[inline]
fn class_obj_hit(c: &Arc<Class>, name: &PyStr, cell: &CacheCell) -> Option<Value> {
    let [w0, w1, vers] = cell.read()?;
    if kind_of(w1) != CLASS_OBJ || w1 & TAG_MASK != c.tag() || vers != class_versions(c) {
        return None;
    }
    if c.metaclass.as_ref().is_some_and(|m| m.attr_flags() & HAS_GETATTRIBUTE != 0) {
        return None;
    }
    let v = class_entry(c, name, w0)?;
    (matches!(v, Value::Function(_)) || plain_value(&v)).then_some(v)
}

#[cold]
fn class_obj_fill(c: &Arc<Class>, name: &PyStr, cell: &CacheCell) {
    if is_dunder(name) || c.metaclass.as_ref().is_some_and(|m| m.attr_flags() & HAS_GETATTRIBUTE != 0) {
        return;
    }
    let vers = class_versions(c);
    if let Some((i, pos, v)) = find_in_mro(c, name)
        && pos <= u32::MAX as usize
        && (matches!(v, Value::Function(_)) || plain_value(&v))
    {
        cell.write([((i as u64) << 32) | pos as u64, c.tag() | (CLASS_OBJ << KIND_SHIFT), vers]);
    }
}

impl Vm {
    /// An attribute read `attr_hit` did not finish: a property the cell
    /// proves (its getter called directly), else the cell refilled for the
    /// object's kind and the general lookup.
    #[inline(never)]
    pub(super) fn load_attr_miss(&mut self, obj: &Value, name: &Arc<PyStr>, cell: Option<&CacheCell>) -> PyResult {
        if let Some(c) = cell {
            match obj {
                Value::Instance(inst)
                    if inst.class.attr_flags() & HAS_GETATTRIBUTE == 0 && local_of(inst).is_none() =>
                {
                    let cls = &inst.class;
                    match proved_kind(cls, c) {
                        Some((PROP, w0)) => {
                            if let Some(Value::Native2(o)) = class_entry(cls, name, w0)
                                && let Some(p) = o.as_any().downcast_ref::<Property>()
                                && !p.fget.is_none()
                            {
                                let f = p.fget.clone();
                                let r = match self.call(&f, vec![obj.clone()]) {
                                    Ok(v) => return Ok(v),
                                    Err(e) => self.getattr_fallback(&inst.class, obj, name, Some(e)),
                                };
                                return match r {
                                    Ok(Some(v)) => Ok(v),
                                    Ok(None) => Err(self.attribute_error(obj, name.as_str())),
                                    Err(e) => Err(self.attr_error_names(e, obj, name)),
                                };
                            }
                        }
                        // A slot index a racing hint overwrote: decide again.
                        Some((SLOT, w0)) if w0 & SLOT_MARK == 0 => {
                            classify(cls, name, c);
                        }
                        Some(_) => {}
                        None => {
                            classify(cls, name, c);
                        }
                    }
                }
                Value::Module(m) => module_fill(m, name, c, false),
                Value::Class(cls) => class_obj_fill(cls, name, c),
                _ => {}
            }
        }
        self.get_attr(obj, name)
    }

    /// LoadMethod on a module: the attribute through the cell, filling it
    /// on a miss.
    #[inline]
    pub(super) fn module_method(
        &mut self,
        obj: &Value,
        m: &Module,
        name: &Arc<PyStr>,
        cell: Option<&CacheCell>,
    ) -> PyResult {
        if let Some(c) = cell {
            if let Some(v) = module_method_hit(m, name, c) {
                return Ok(v);
            }
            module_fill(m, name, c, true);
        }
        self.get_attr(obj, name)
    }

    /// `obj.name = v` for an instance whose class the cell proves lets the
    /// dict (or a slot) take the value: no `__setattr__`, not another data
    /// descriptor, not an exception; hands `v` back when the instruction
    /// must take the general path.
    #[inline]
    pub(super) fn store_attr_hinted(obj: &Value, name: &Arc<PyStr>, v: Value, cell: &CacheCell) -> Result<(), Value> {
        let Value::Instance(inst) = obj else { return Err(v) };
        let cls = &inst.class;
        let flags = cls.attr_flags();
        // The common case first: a plain instance (no built-in payload: not
        // an exception, not a `_thread._local`) of a class whose dict takes
        // every non-special name, rebinding an attribute where the site saw
        // it last. One check of the key at the hinted position proves it.
        let v = if flags & (HAS_SETATTR | HAS_DATA_DESCR | NO_DICT) == 0
            && matches!(inst.payload, Payload::None)
            && !is_dunder(name)
        {
            let r = inst.dict.lock().replace_if_key_quiet(cell.hint() as usize, name, v);
            match r {
                Ok(old) => {
                    // Dropped with the lock released (a drop may free a whole structure).
                    drop(old);
                    return Ok(());
                }
                Err(v) => v,
            }
        } else {
            v
        };
        // A `_thread._local`'s attributes live in the running thread's dict.
        if flags & HAS_SETATTR != 0 || local_of(inst).is_some() || is_dunder(name) {
            return Err(v);
        }
        if flags & HAS_DATA_DESCR != 0 {
            let (kind, w0) = match proved_kind(cls, cell) {
                Some(k) => k,
                None => {
                    classify(cls, name, cell);
                    match proved_kind(cls, cell) {
                        Some(k) => k,
                        None => return Err(v),
                    }
                }
            };
            match kind {
                SLOT if w0 & SLOT_MARK != 0 => return store_slot(inst, v, (w0 & !SLOT_MARK) as usize),
                SLOT => {
                    classify(cls, name, cell);
                    return Err(v);
                }
                DICT | CLASS_PLAIN | CLASS_FUNC => {}
                _ => return Err(v),
            }
        }
        if flags & NO_DICT != 0 || inst.exc().is_some() {
            return Err(v);
        }
        let old = {
            let mut t = inst.dict.lock();
            let hint = cell.hint() as usize;
            if t.value_at_if_key(hint, name).is_some() {
                // A value replaced: the keys stay, and no cache keys on an
                // instance dict's version.
                t.replace_value_quiet(hint, v)
            } else {
                let (pos, old) = t.replace_str_at(name, v);
                let n = t.len();
                drop(t);
                cell.set_hint_if(pos as u64, is_hint);
                if old.is_none() {
                    cls.note_attr_count(n);
                }
                old
            }
        };
        // Dropped with the lock released (a drop may free a whole structure).
        drop(old);
        Ok(())
    }
}

/// `obj.name = v` into the `__slots__` slot `index` (the cell proved it).
#[inline]
fn store_slot(inst: &Instance, v: Value, index: usize) -> Result<(), Value> {
    let nslots = inst.class.extra.nslots;
    if index >= nslots {
        return Err(v);
    }
    let Some(slots) = &inst.slots else { return Err(v) };
    let old = {
        let mut slots = slots.lock();
        if slots.len() < nslots {
            slots.resize(nslots, None);
        }
        slots[index].replace(v)
    };
    drop(old);
    Ok(())
}
