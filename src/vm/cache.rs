//! The per-thread lookup cache of the `__init__` a class call runs inline
//! (LoadGlobal, LoadMethod and attributes have inline caches of their own:
//! `vm/inline.rs`), and the class version sum both use.
//!
//! Each call site (code object, pc) remembers what it found last time
//! together with the versions of the dicts it consulted; a dict's version
//! changes on every mutation, so a matching version proves the answer is
//! still right. The caches are direct-mapped arrays owned by one
//! thread's `Vm`: no locks, no reference-count traffic on a hit beyond
//! cloning the result.

use std::sync::Arc;

use crate::object::class::Class;
use crate::object::value::Value;

const SLOTS: usize = 256;

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
    methods: Vec<Option<MethodEntry>>,
}

impl Default for LookupCache {
    fn default() -> Self {
        LookupCache { methods: (0..SLOTS).map(|_| None).collect() }
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

/// An instruction site: the code object, the (interned) name it looks up
/// and its pc. The name guards against a freed code object's address being
/// reused by another.
#[derive(Clone, Copy)]
pub struct Site {
    pub code: usize,
    pub name: usize,
    pub pc: u32,
}
