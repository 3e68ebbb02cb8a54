//! The object half of the cycle collector: which objects are tracked, how
//! each kind lists the objects it refers to (`traverse`) and how a garbage
//! object drops what it holds (`clear`). The collection itself (finding the
//! unreachable, finalizers, generations) is `vm/gc_collect.rs`.
//!
//! Values are reference counted with `Arc`, so CPython's algorithm applies
//! as is: an object's strong count minus the references other tracked
//! objects hold to it is the number of references from outside (frames,
//! Rust locals, untracked objects); objects with none, and not reachable
//! from one that has some, are garbage.
//!
//! Tracking must be cheap: a new container is pushed (as a `Weak`, so the
//! registry keeps nothing alive) onto its thread's *nursery*, a thread-local
//! vector, with no lock. When a nursery passes the young generation's
//! threshold it raises [`BreakerBit::GC`]; the thread moves its nursery into
//! the runtime's registry at its next safe point, where a collection may run.
//! Objects still in another thread's nursery are simply not part of a
//! collection (they count as untracked, which only keeps more alive).

use std::cell::RefCell;
use std::sync::{Arc, Weak};

use super::class::{Class, Instance, Payload};
use super::dict::{Dict, DictTable};
use super::function::{BoundMethod, Cell, Function};
use super::generator::Generator;
use super::list::List;
use super::set::{Set, SetTable};
use super::tuple::Tuple;
use super::value::Value;
use crate::runtime::gil::{BreakerBit, Gil};

/// A tracked object, held weakly (the registry's entries).
#[derive(Clone)]
pub enum GcRef {
    List(Weak<List>),
    Tuple(Weak<Tuple>),
    Dict(Weak<Dict>),
    Set(Weak<Set>),
    Instance(Weak<Instance>),
    Function(Weak<Function>),
    Cell(Weak<Cell>),
    Method(Weak<BoundMethod>),
    Class(Weak<Class>),
    Generator(Weak<Generator>),
}

/// A tracked object, held strongly while a collection looks at it.
#[derive(Clone)]
pub enum GcObj {
    List(Arc<List>),
    Tuple(Arc<Tuple>),
    Dict(Arc<Dict>),
    Set(Arc<Set>),
    Instance(Arc<Instance>),
    Function(Arc<Function>),
    Cell(Arc<Cell>),
    Method(Arc<BoundMethod>),
    Class(Arc<Class>),
    Generator(Arc<Generator>),
}

macro_rules! each_kind {
    ($v:expr, $x:ident => $e:expr) => {
        match $v {
            GcObj::List($x) => $e,
            GcObj::Tuple($x) => $e,
            GcObj::Dict($x) => $e,
            GcObj::Set($x) => $e,
            GcObj::Instance($x) => $e,
            GcObj::Function($x) => $e,
            GcObj::Cell($x) => $e,
            GcObj::Method($x) => $e,
            GcObj::Class($x) => $e,
            GcObj::Generator($x) => $e,
        }
    };
}

impl GcRef {
    /// The object, if it is still alive.
    pub fn upgrade(&self) -> Option<GcObj> {
        Some(match self {
            GcRef::List(w) => GcObj::List(w.upgrade()?),
            GcRef::Tuple(w) => GcObj::Tuple(w.upgrade()?),
            GcRef::Dict(w) => GcObj::Dict(w.upgrade()?),
            GcRef::Set(w) => GcObj::Set(w.upgrade()?),
            GcRef::Instance(w) => GcObj::Instance(w.upgrade()?),
            GcRef::Function(w) => GcObj::Function(w.upgrade()?),
            GcRef::Cell(w) => GcObj::Cell(w.upgrade()?),
            GcRef::Method(w) => GcObj::Method(w.upgrade()?),
            GcRef::Class(w) => GcObj::Class(w.upgrade()?),
            GcRef::Generator(w) => GcObj::Generator(w.upgrade()?),
        })
    }

    /// Whether the object is gone.
    pub fn is_dead(&self) -> bool {
        match self {
            GcRef::List(w) => w.strong_count() == 0,
            GcRef::Tuple(w) => w.strong_count() == 0,
            GcRef::Dict(w) => w.strong_count() == 0,
            GcRef::Set(w) => w.strong_count() == 0,
            GcRef::Instance(w) => w.strong_count() == 0,
            GcRef::Function(w) => w.strong_count() == 0,
            GcRef::Cell(w) => w.strong_count() == 0,
            GcRef::Method(w) => w.strong_count() == 0,
            GcRef::Class(w) => w.strong_count() == 0,
            GcRef::Generator(w) => w.strong_count() == 0,
        }
    }
}

/// The address of an `Arc`'s object (what [`Value::ptr`] gives).
#[inline]
fn addr<T: ?Sized>(a: &Arc<T>) -> usize {
    Arc::as_ptr(a) as *const u8 as usize
}

impl GcObj {
    /// The tracked object a value is, if its kind is one the collector knows.
    pub fn of(v: &Value) -> Option<GcObj> {
        Some(match v {
            Value::List(a) => GcObj::List(a.clone()),
            Value::Tuple(a) => GcObj::Tuple(a.clone()),
            Value::Dict(a) => GcObj::Dict(a.clone()),
            Value::Set(a) => GcObj::Set(a.clone()),
            Value::Instance(a) => GcObj::Instance(a.clone()),
            Value::Function(a) => GcObj::Function(a.clone()),
            Value::Method(a) => GcObj::Method(a.clone()),
            Value::Class(a) => GcObj::Class(a.clone()),
            Value::Generator(a) => GcObj::Generator(a.clone()),
            _ => return None,
        })
    }

    /// The object's identity (its address).
    pub fn addr(&self) -> usize {
        each_kind!(self, a => addr(a))
    }

    /// Its strong reference count.
    pub fn strong(&self) -> usize {
        each_kind!(self, a => Arc::strong_count(a))
    }

    /// The weak registry entry for it.
    pub fn downgrade(&self) -> GcRef {
        match self {
            GcObj::List(a) => GcRef::List(Arc::downgrade(a)),
            GcObj::Tuple(a) => GcRef::Tuple(Arc::downgrade(a)),
            GcObj::Dict(a) => GcRef::Dict(Arc::downgrade(a)),
            GcObj::Set(a) => GcRef::Set(Arc::downgrade(a)),
            GcObj::Instance(a) => GcRef::Instance(Arc::downgrade(a)),
            GcObj::Function(a) => GcRef::Function(Arc::downgrade(a)),
            GcObj::Cell(a) => GcRef::Cell(Arc::downgrade(a)),
            GcObj::Method(a) => GcRef::Method(Arc::downgrade(a)),
            GcObj::Class(a) => GcRef::Class(Arc::downgrade(a)),
            GcObj::Generator(a) => GcRef::Generator(Arc::downgrade(a)),
        }
    }

    /// The object as a Python value (a cell is shown as its `cell` wrapper
    /// only by the caller, which has the types; here it has none).
    pub fn to_value(&self) -> Option<Value> {
        Some(match self {
            GcObj::List(a) => Value::List(a.clone()),
            GcObj::Tuple(a) => Value::Tuple(a.clone()),
            GcObj::Dict(a) => Value::Dict(a.clone()),
            GcObj::Set(a) => Value::Set(a.clone()),
            GcObj::Instance(a) => Value::Instance(a.clone()),
            GcObj::Function(a) => Value::Function(a.clone()),
            GcObj::Method(a) => Value::Method(a.clone()),
            GcObj::Class(a) => Value::Class(a.clone()),
            GcObj::Generator(a) => Value::Generator(a.clone()),
            GcObj::Cell(_) => return None,
        })
    }

    /// Calls `visit` with the address of every object this one holds a
    /// strong reference to (addresses of untracked kinds are ignored by the
    /// collector). Takes the object's own lock only, never two at once, and
    /// clones nothing, so reference counts stay as they were.
    pub fn traverse(&self, visit: &mut dyn FnMut(usize)) {
        let val = |v: &Value, visit: &mut dyn FnMut(usize)| {
            if let Some(p) = v.ptr() {
                visit(p)
            }
        };
        match self {
            GcObj::List(l) => l.lock().iter().for_each(|v| val(v, visit)),
            GcObj::Tuple(t) => t.items.iter().for_each(|v| val(v, visit)),
            GcObj::Dict(d) => traverse_dict(&d.lock(), visit),
            GcObj::Set(s) => traverse_set(&s.lock(), visit),
            GcObj::Cell(c) => {
                if let Some(v) = &*c.0.lock() {
                    val(v, visit)
                }
            }
            GcObj::Method(m) => {
                val(&m.receiver, visit);
                val(&m.func, visit);
            }
            GcObj::Instance(i) => {
                visit(addr(&i.class));
                owned_dict(&i.dict, visit);
                if let Some(local) = super::thread_local::local_of(i) {
                    // A `_thread._local`'s per-thread dicts are its own
                    // (the map's lock, then each dict's: nothing takes them
                    // the other way round).
                    local.dicts.lock().values().for_each(|d| owned_dict(d, visit));
                    local.args.iter().for_each(|v| val(v, visit));
                    local.kw.iter().for_each(|(_, v)| val(v, visit));
                }
                match &i.payload {
                    Payload::Builtin(v) => val(v, visit),
                    Payload::Exception(e) => {
                        let e = e.lock();
                        e.args.iter().for_each(|v| val(v, visit));
                        for v in e.cause.iter().chain(e.context.iter()) {
                            val(v, visit)
                        }
                        if let Some(g) = &e.group {
                            val(&g.0, visit);
                            val(&g.1, visit);
                        }
                    }
                    Payload::None => {}
                }
                if let Some(s) = &i.slots {
                    s.lock().iter().flatten().for_each(|v| val(v, visit));
                }
            }
            GcObj::Function(f) => {
                visit(addr(&f.globals));
                owned_dict(&f.dict, visit);
                f.closure.iter().for_each(|c| visit(addr(c)));
                f.defaults.lock().iter().for_each(|v| val(v, visit));
                f.kwdefaults.lock().iter().for_each(|(_, v)| val(v, visit));
                val(&f.doc.lock(), visit);
                val(&f.module.lock(), visit);
                if let Some(a) = &*f.annotations.lock() {
                    val(a, visit)
                }
            }
            GcObj::Class(c) => {
                owned_dict(&c.dict, visit);
                c.bases.iter().chain(c.mro.iter()).for_each(|b| visit(addr(b)));
                if let Some(m) = &c.metaclass {
                    visit(addr(m))
                }
            }
            GcObj::Generator(g) => {
                let st = g.state.lock();
                if let Some(f) = &st.frame {
                    visit(addr(&f.globals));
                    if let Some(d) = &f.locals_dict {
                        visit(addr(d))
                    }
                    f.locals.iter().flatten().for_each(|v| val(v, visit));
                    f.stack.iter().for_each(|v| val(v, visit));
                    f.handled.iter().for_each(|v| val(v, visit));
                    f.cells.iter().for_each(|c| visit(addr(c)));
                    if let Some(i) = &f.return_override {
                        visit(addr(i))
                    }
                }
            }
        }
    }

    /// Breaks the cycles through a garbage object: empties what it holds
    /// (so the `Arc`s it owns drop). The contents are moved out under the
    /// object's lock and dropped after it is released, since dropping may
    /// free other objects. Tuples and bound methods are immutable: the
    /// cycles through them are broken at their mutable members.
    pub fn clear(&self) {
        match self {
            GcObj::List(l) => drop(std::mem::take(&mut *l.lock())),
            GcObj::Dict(d) => drop(std::mem::take(&mut *d.lock() as &mut DictTable)),
            GcObj::Set(s) => drop(std::mem::take(&mut *s.lock() as &mut SetTable)),
            GcObj::Cell(c) => drop(c.0.lock().take()),
            GcObj::Instance(i) => {
                drop(std::mem::take(&mut *i.dict.lock() as &mut DictTable));
                if let Some(local) = super::thread_local::local_of(i) {
                    let dicts = std::mem::take(&mut *local.dicts.lock());
                    drop(dicts);
                }
                let slots: Vec<Option<Value>> =
                    i.slots.as_ref().map(|s| s.lock().iter_mut().map(Option::take).collect()).unwrap_or_default();
                drop(slots);
                if let Payload::Exception(e) = &i.payload {
                    let mut e = e.lock();
                    let old = (std::mem::take(&mut e.args), e.cause.take(), e.context.take(), e.group.take());
                    let tb = (std::mem::take(&mut e.traceback), e.tb_objs.take());
                    drop(e);
                    drop((old, tb));
                }
            }
            GcObj::Function(f) => {
                let d = std::mem::take(&mut *f.defaults.lock());
                let k = std::mem::take(&mut *f.kwdefaults.lock());
                let a = f.annotations.lock().take();
                let doc = std::mem::replace(&mut *f.doc.lock(), Value::None);
                let t = std::mem::take(&mut *f.dict.lock() as &mut DictTable);
                drop((d, k, a, doc, t));
            }
            GcObj::Class(c) => drop(std::mem::take(&mut *c.dict.lock() as &mut DictTable)),
            GcObj::Generator(g) => {
                let frame = {
                    let mut st = g.state.lock();
                    st.finished = true;
                    st.frame.take()
                };
                drop(frame);
            }
            GcObj::Tuple(_) | GcObj::Method(_) => {}
        }
    }
}

/// The attribute dict of an instance, function or class is not tracked on
/// its own (most are never seen by anyone else): while its owner holds the
/// only reference, its contents are traversed as the owner's. A dict someone
/// else also holds (`vars(obj)` kept somewhere) is then opaque, which only
/// keeps more alive.
fn owned_dict(d: &Arc<Dict>, visit: &mut dyn FnMut(usize)) {
    if Arc::strong_count(d) == 1 { traverse_dict(&d.lock(), visit) } else { visit(addr(d)) }
}

fn traverse_dict(t: &DictTable, visit: &mut dyn FnMut(usize)) {
    for e in t.iter() {
        if let Some(p) = e.key.ptr() {
            visit(p)
        }
        if let Some(p) = e.value.ptr() {
            visit(p)
        }
    }
}

fn traverse_set(t: &SetTable, visit: &mut dyn FnMut(usize)) {
    t.for_each_key(&mut |k| {
        if let Some(p) = k.ptr() {
            visit(p)
        }
    });
}

/// One thread's newly tracked objects, and the GIL whose breaker word it
/// raises when a collection of the young generation is due.
struct Nursery {
    items: Vec<GcRef>,
    gil: Option<Arc<Gil>>,
    threshold: usize,
}

thread_local! {
    static NURSERY: RefCell<Nursery> =
        const { RefCell::new(Nursery { items: Vec::new(), gil: None, threshold: 700 }) };
}

/// Starts tracking an object made by this thread.
#[inline]
pub fn track(r: GcRef) {
    let _ = NURSERY.try_with(|n| {
        let Ok(mut n) = n.try_borrow_mut() else { return };
        n.items.push(r);
        let len = n.items.len();
        if len >= n.threshold {
            match &n.gil {
                Some(g) => g.set_bit(BreakerBit::GC),
                // Not a Python thread: nobody will collect for it, so keep
                // its nursery from growing with dead entries.
                None if len.is_power_of_two() => n.items.retain(|r| !r.is_dead()),
                None => {}
            }
        }
    });
}

/// Ties this thread's nursery to a runtime's GIL (when the thread starts
/// running Python) and sets the young generation's threshold.
pub fn attach_thread(gil: Option<Arc<Gil>>, threshold: usize) {
    let _ = NURSERY.try_with(|n| {
        if let Ok(mut n) = n.try_borrow_mut() {
            n.gil = gil;
            n.threshold = threshold.max(1);
        }
    });
}

/// Sets the young generation's threshold for this thread (`gc.set_threshold`).
pub fn set_nursery_threshold(threshold: usize) {
    let _ = NURSERY.try_with(|n| {
        if let Ok(mut n) = n.try_borrow_mut() {
            n.threshold = threshold.max(1);
        }
    });
}

/// Takes this thread's nursery (at a safe point, for the registry).
pub fn take_nursery() -> Vec<GcRef> {
    NURSERY
        .try_with(|n| n.try_borrow_mut().map(|mut n| std::mem::take(&mut n.items)).unwrap_or_default())
        .unwrap_or_default()
}

/// How many objects this thread tracked since its nursery was last taken.
pub fn nursery_len() -> usize {
    NURSERY.try_with(|n| n.try_borrow().map(|n| n.items.len()).unwrap_or(0)).unwrap_or(0)
}

/// Whether a value of this kind can ever be part of a cycle (what a tuple
/// holding only such values need not be tracked for, as CPython untracks
/// tuples of atoms).
#[inline]
pub fn may_hold_refs(v: &Value) -> bool {
    !matches!(
        v,
        Value::None
            | Value::NotImplemented
            | Value::Ellipsis
            | Value::Boolean(_)
            | Value::Int(_)
            | Value::BigInt(_)
            | Value::Flt(_)
            | Value::Cplx(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::Range(_)
            | Value::Code(_)
            | Value::Native(_)
    )
}

/// Tracks a new list and returns it.
#[inline]
pub fn list(l: Arc<List>) -> Arc<List> {
    track(GcRef::List(Arc::downgrade(&l)));
    l
}

/// Tracks a new tuple if it holds anything that may refer back.
#[inline]
pub fn tuple(t: Arc<Tuple>) -> Arc<Tuple> {
    if t.items.iter().any(may_hold_refs) {
        track(GcRef::Tuple(Arc::downgrade(&t)));
    }
    t
}

/// Tracks a new dict and returns it.
#[inline]
pub fn dict(d: Arc<Dict>) -> Arc<Dict> {
    track(GcRef::Dict(Arc::downgrade(&d)));
    d
}

/// Tracks a new set and returns it.
#[inline]
pub fn set(s: Arc<Set>) -> Arc<Set> {
    track(GcRef::Set(Arc::downgrade(&s)));
    s
}

/// Tracks a new instance and returns it.
#[inline]
pub fn instance(i: Arc<Instance>) -> Arc<Instance> {
    track(GcRef::Instance(Arc::downgrade(&i)));
    i
}

/// Tracks a new function and returns it.
#[inline]
pub fn function(f: Arc<Function>) -> Arc<Function> {
    track(GcRef::Function(Arc::downgrade(&f)));
    f
}

/// Tracks a new closure cell and returns it.
#[inline]
pub fn cell(c: Arc<Cell>) -> Arc<Cell> {
    track(GcRef::Cell(Arc::downgrade(&c)));
    c
}

/// Tracks a new bound method and returns it.
#[inline]
pub fn method(m: Arc<BoundMethod>) -> Arc<BoundMethod> {
    track(GcRef::Method(Arc::downgrade(&m)));
    m
}

/// Tracks a new class and returns it.
#[inline]
pub fn class(c: Arc<Class>) -> Arc<Class> {
    track(GcRef::Class(Arc::downgrade(&c)));
    c
}

/// Tracks a new generator and returns it.
#[inline]
pub fn generator(g: Arc<Generator>) -> Arc<Generator> {
    track(GcRef::Generator(Arc::downgrade(&g)));
    g
}
