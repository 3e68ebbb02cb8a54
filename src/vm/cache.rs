//! Per-thread lookup caches for LoadGlobal and LoadMethod.
//!
//! Each instruction site (code object, pc) remembers what it found last
//! time together with the versions of the dicts it consulted; a dict's
//! version changes on every mutation, so a matching version proves the
//! answer is still right. The caches are direct-mapped arrays owned by one
//! thread's `Vm`: no locks, no reference-count traffic on a hit beyond
//! cloning the result.

use std::sync::Arc;

use crate::object::class::Class;
use crate::object::value::Value;

const SLOTS: usize = 256;

struct GlobalEntry {
    code: usize,
    name: usize,
    /// How often this site's answer went stale: a global that is assigned
    /// all the time (a loop counter at module level) is not worth caching.
    misses: u8,
    pc: u32,
    globals: usize,
    gver: u64,
    bver: u64,
    value: Value,
}

struct MethodEntry {
    code: usize,
    name: usize,
    pc: u32,
    /// The class's tag (`Class::tag`), not its address: a class allocated
    /// where a freed one was must not hit the freed one's entry.
    class: u64,
    versions: u64,
    method: Value,
}

/// The caches of one thread.
pub struct LookupCache {
    globals: Vec<Option<GlobalEntry>>,
    methods: Vec<Option<MethodEntry>>,
    /// A one-word filter of the objects (containers, instances…) that
    /// global entries hold: one bit per object, from a hash of its address.
    /// It spares [`LookupCache::forget_global_value`] its scan in the common
    /// case; the scan rebuilds it.
    held: u64,
}

impl Default for LookupCache {
    fn default() -> Self {
        LookupCache {
            globals: (0..SLOTS).map(|_| None).collect(),
            methods: (0..SLOTS).map(|_| None).collect(),
            held: 0,
        }
    }
}

#[inline]
fn slot(code: usize, pc: u32) -> usize {
    ((code >> 4) ^ (pc as usize).wrapping_mul(0x9E37_79B9)) & (SLOTS - 1)
}

/// The sum of the versions of a class's dict and its MRO's dicts: it
/// changes whenever any of them changes (versions only grow).
#[inline]
pub fn class_versions(cls: &Arc<Class>) -> u64 {
    let mut v = cls.dict.version();
    for c in &cls.mro {
        v = v.wrapping_add(c.dict.version());
    }
    v
}

impl LookupCache {
    #[inline]
    pub fn get_global(&self, site: Site, globals: usize, gver: u64, bver: u64) -> Option<&Value> {
        let Site { code, name, pc } = site;
        match self.globals.get(slot(code, pc))? {
            Some(e)
                if e.code == code
                    && e.name == name
                    && e.pc == pc
                    && e.globals == globals
                    && e.gver == gver
                    && e.bver == bver =>
            {
                Some(&e.value)
            }
            _ => None,
        }
    }

    pub fn put_global(&mut self, site: Site, globals: usize, gver: u64, bver: u64, value: Value) {
        if drop_is_observable(&value) {
            // The entry would keep the object alive after the global is
            // rebound or deleted, delaying its finalizer indefinitely.
            return;
        }
        let Site { code, name, pc } = site;
        if self.globals.is_empty() {
            self.globals = (0..SLOTS).map(|_| None).collect();
        }
        let entry = &mut self.globals[slot(code, pc)];
        let mut misses = 0;
        if let Some(e) = entry
            && e.code == code
            && e.name == name
            && e.pc == pc
        {
            if e.misses >= 8 {
                return;
            }
            misses = e.misses + 1;
        }
        if let Some(bit) = held_bit(&value) {
            self.held |= bit;
        }
        *entry = Some(GlobalEntry { code, name, misses, pc, globals, gver, bver, value });
    }

    /// A global was rebound or deleted by this thread and `old` is the value
    /// it held: entries still holding `old` go, so that they do not keep it
    /// (and what it contains) alive after its last real reference is gone.
    #[inline]
    pub fn forget_global_value(&mut self, old: &Value) {
        if let Some(bit) = held_bit(old)
            && self.held & bit != 0
        {
            self.forget_slow(old);
        }
    }

    #[cold]
    fn forget_slow(&mut self, old: &Value) {
        // Rebuild the filter from what stays, so it does not fill up.
        let mut held = 0;
        for entry in self.globals.iter_mut().flatten() {
            if entry.value.is(old) {
                // Keep the site's miss count (a site whose global keeps
                // changing stays uncached); make the entry never match.
                entry.value = Value::None;
                entry.gver = u64::MAX;
            } else if let Some(bit) = held_bit(&entry.value) {
                held |= bit;
            }
        }
        self.held = held;
    }

    #[inline]
    pub fn get_method(&self, site: Site, class: u64, versions: u64) -> Option<&Value> {
        let Site { code, name, pc } = site;
        match self.methods.get(slot(code, pc))? {
            Some(e) if e.code == code && e.name == name && e.pc == pc && e.class == class && e.versions == versions => {
                Some(&e.method)
            }
            _ => None,
        }
    }

    pub fn put_method(&mut self, site: Site, class: u64, versions: u64, method: Value) {
        let Site { code, name, pc } = site;
        if self.methods.is_empty() {
            self.methods = (0..SLOTS).map(|_| None).collect();
        }
        self.methods[slot(code, pc)] = Some(MethodEntry { code, name, pc, class, versions, method });
    }
}

/// Whether dropping `v` itself runs something (a `__del__`, a generator's
/// `finally`, a file's flush): such values are never cached at all.
fn drop_is_observable(v: &Value) -> bool {
    match v {
        Value::Generator(_) => true,
        Value::Instance(i) => i.class.finalizers.get().is_some(),
        Value::Native2(o) => o.as_any().is::<crate::stdlib::file::FileObj>(),
        _ => false,
    }
}

/// The filter bit of a value that may hold other objects (containers,
/// instances, iterators, functions, classes, bound methods, native
/// objects; functions and classes because weak references and the cycle
/// collector make their death observable); `None` for the rest (numbers,
/// strings, modules), whose entries may stay after the global moves on.
#[inline]
fn held_bit(v: &Value) -> Option<u64> {
    match v {
        Value::List(_)
        | Value::Dict(_)
        | Value::Set(_)
        | Value::Tuple(_)
        | Value::Instance(_)
        | Value::Iter(_)
        | Value::Method(_)
        | Value::Function(_)
        | Value::Class(_)
        | Value::Native2(_) => Some(1u64 << ((v.id() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58)),
        _ => None,
    }
}

/// An instruction site: the code object, the (interned) name it looks up
/// and its pc. The name guards against a freed code object's address being
/// reused by another.
#[derive(Clone, Copy)]
pub struct Site {
    pub code: usize,
    pub name: usize,
    pub pc: u32,
}

impl crate::vm::Vm {
    /// The tag of a value's class and its MRO version sum, for the method
    /// cache (None for values whose attribute lookup is not cached). The
    /// pair is exact: tags are never reused, and for one class (a fixed MRO)
    /// the sum grows with every change since every dict's version does.
    #[inline]
    pub fn class_key(&self, v: &Value) -> Option<(u64, u64)> {
        let c = self.class_ref(v)?;
        Some((c.tag, class_versions(c)))
    }
}
