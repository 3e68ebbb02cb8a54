//! What a `weakref.ref` holds: a Rust `Weak` to its referent (so it never
//! keeps it alive), the callback, and the referent's hash once taken.
//!
//! A ref object is an instance of `weakref.ReferenceType` (or a Python
//! subclass: `KeyedRef`, `WeakMethod`) whose payload is a [`WeakData`].
//! Instances record their refs ([`super::finalize::WeakList`]), so their
//! death queues the callbacks at once; the death of other kinds of referent
//! (functions, classes, sets, …) is noticed by the cycle collector's
//! [`Watched`] list at its next collection.

use std::sync::{Arc, Weak};

use parking_lot::Mutex;

use super::class::{Class, Instance};
use super::function::{BoundMethod, Function, NativeFunction};
use super::generator::Generator;
use super::module::Module;
use super::native::NativeObject;
use super::set::Set;
use super::value::Value;
use crate::bytecode::CodeObject;

/// A weak pointer to a referent of any kind a ref may point at.
#[derive(Clone)]
pub enum Target {
    Instance(Weak<Instance>),
    Function(Weak<Function>),
    Class(Weak<Class>),
    Generator(Weak<Generator>),
    Method(Weak<BoundMethod>),
    Set(Weak<Set>),
    Module(Weak<Module>),
    Code(Weak<CodeObject>),
    Native(Weak<NativeFunction>),
    Native2(Weak<dyn NativeObject>),
}

impl Target {
    /// The weak pointer for `v`, or `None` for kinds that cannot be
    /// weakly referenced (int, str, tuple, list, dict, …).
    pub fn of(v: &Value) -> Option<Target> {
        Some(match v {
            Value::Instance(i) => Target::Instance(Arc::downgrade(i)),
            Value::Function(f) => Target::Function(Arc::downgrade(f)),
            Value::Class(c) => Target::Class(Arc::downgrade(c)),
            Value::Generator(g) => Target::Generator(Arc::downgrade(g)),
            Value::Method(m) => Target::Method(Arc::downgrade(m)),
            Value::Set(s) => Target::Set(Arc::downgrade(s)),
            Value::Module(m) => Target::Module(Arc::downgrade(m)),
            Value::Code(c) => Target::Code(Arc::downgrade(c)),
            Value::Native(n) => Target::Native(Arc::downgrade(n)),
            Value::Native2(n) => Target::Native2(Arc::downgrade(&**n)),
            _ => return None,
        })
    }

    /// The referent, if alive.
    pub fn upgrade(&self) -> Option<Value> {
        Some(match self {
            Target::Instance(w) => Value::Instance(w.upgrade()?),
            Target::Function(w) => Value::Function(w.upgrade()?),
            Target::Class(w) => Value::Class(w.upgrade()?),
            Target::Generator(w) => Value::Generator(w.upgrade()?),
            Target::Method(w) => Value::Method(w.upgrade()?),
            Target::Set(w) => Value::Set(w.upgrade()?),
            Target::Module(w) => Value::Module(w.upgrade()?),
            Target::Code(w) => Value::Code(w.upgrade()?),
            Target::Native(w) => Value::Native(w.upgrade()?),
            Target::Native2(w) => Value::from_native(w.upgrade()?),
        })
    }

    /// Whether the referent is gone.
    pub fn is_dead(&self) -> bool {
        match self {
            Target::Instance(w) => w.strong_count() == 0,
            Target::Function(w) => w.strong_count() == 0,
            Target::Class(w) => w.strong_count() == 0,
            Target::Generator(w) => w.strong_count() == 0,
            Target::Method(w) => w.strong_count() == 0,
            Target::Set(w) => w.strong_count() == 0,
            Target::Module(w) => w.strong_count() == 0,
            Target::Code(w) => w.strong_count() == 0,
            Target::Native(w) => w.strong_count() == 0,
            Target::Native2(w) => w.strong_count() == 0,
        }
    }

    /// The referent's address (its identity), alive or not.
    pub fn addr(&self) -> usize {
        match self {
            Target::Instance(w) => w.as_ptr() as *const u8 as usize,
            Target::Function(w) => w.as_ptr() as *const u8 as usize,
            Target::Class(w) => w.as_ptr() as *const u8 as usize,
            Target::Generator(w) => w.as_ptr() as *const u8 as usize,
            Target::Method(w) => w.as_ptr() as *const u8 as usize,
            Target::Set(w) => w.as_ptr() as *const u8 as usize,
            Target::Module(w) => w.as_ptr() as *const u8 as usize,
            Target::Code(w) => w.as_ptr() as *const u8 as usize,
            Target::Native(w) => w.as_ptr() as *const u8 as usize,
            Target::Native2(w) => w.as_ptr() as *const u8 as usize,
        }
    }
}

/// The payload of a `weakref.ref` object.
pub struct WeakData {
    /// `None` once the collector cleared it (the referent is garbage).
    pub target: Mutex<Option<Target>>,
    /// `__callback__`; taken when it is called (it is called once).
    pub callback: Mutex<Option<Value>>,
    /// The referent's hash, taken on first `hash(ref)` (kept after death).
    pub hash: Mutex<Option<i64>>,
    /// The `ReferenceType` class (for the native object protocol).
    pub class: Arc<Class>,
}

impl super::native::NativeObject for WeakData {
    fn class(&self) -> &Arc<Class> {
        &self.class
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    /// A ref hashes and compares as its referent: through its class's
    /// `__hash__`/`__eq__`, which need the VM.
    fn eq_by_value(&self) -> bool {
        true
    }
    fn hash_outcome(&self) -> Option<super::eq::HashOutcome> {
        Some(super::eq::HashOutcome::NeedsPython)
    }
}

impl WeakData {
    /// The referent, or `None` once it is gone.
    pub fn get(&self) -> Option<Value> {
        self.target.lock().as_ref().and_then(Target::upgrade)
    }
}

/// The payload of a ref object, if `inst` is one.
pub fn data_of(inst: &Instance) -> Option<&WeakData> {
    match inst.builtin_value()? {
        Value::Native2(n) => n.as_any().downcast_ref::<WeakData>(),
        _ => None,
    }
}

/// Refs to referents other than instances, whose death nothing reports:
/// the collector looks at each collection for the dead ones and queues
/// their callbacks.
#[derive(Default)]
pub struct Watched {
    refs: Mutex<Vec<(Target, Weak<Instance>)>>,
}

impl Watched {
    /// Remembers a ref with a callback to a non-instance referent.
    pub fn add(&self, target: Target, r: &Arc<Instance>) {
        self.refs.lock().push((target, Arc::downgrade(r)));
    }

    /// Takes the live refs whose referent died (forgetting dead refs too).
    pub fn take_dead(&self) -> Vec<Arc<Instance>> {
        let mut out = Vec::new();
        self.refs.lock().retain(|(t, r)| {
            if r.strong_count() == 0 {
                return false;
            }
            if t.is_dead() {
                if let Some(r) = r.upgrade() {
                    out.push(r);
                }
                return false;
            }
            true
        });
        out
    }

    /// All live refs to the referent at `addr` (for `getweakrefs`).
    pub fn refs_to(&self, addr: usize) -> Vec<Arc<Instance>> {
        self.refs
            .lock()
            .iter()
            .filter(|(t, _)| t.addr() == addr && !t.is_dead())
            .filter_map(|(_, r)| r.upgrade())
            .collect()
    }
}
