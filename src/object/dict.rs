//! `dict`: an insertion-ordered hash table behind its own lock.
//!
//! Entries live in a Vec in insertion order (deleted ones become holes and
//! are compacted away later); a hashbrown table maps hashes to entry
//! positions. Key comparison that needs Python code (`__eq__` on a user
//! class) cannot run under the lock, so lookups report such candidates back
//! to the caller (the VM), which compares them with the lock released.

use hashbrown::HashTable;
use std::sync::atomic::{AtomicU64, Ordering};

use super::spinlock::{SpinGuard, SpinLock};

use super::eq::native_eq;
use super::value::Value;

/// One key/value pair with the key's hash.
#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

/// Up to this many raw entries a table keeps no hash index: a linear scan
/// comparing stored hashes is faster than probing, and the instance
/// dicts of most objects (a handful of attributes) then cost one
/// allocation instead of two.
const SMALL: usize = 8;

/// The table itself; reached through `Dict::lock()`.
pub struct DictTable {
    entries: Vec<Option<Entry>>,
    /// Hash → entry position, made once the table outgrows `SMALL` raw
    /// entries (dropped by compaction). Boxed: most dicts (instance
    /// attributes, keyword arguments) never have one, and an empty table
    /// inline would cost every dict 24 more bytes.
    index: Option<Box<HashTable<usize>>>,
    /// Live entries. 32 bits (no table holds 2³² entries: that would be
    /// 160 GiB of them), so that with `relayout` beside it a dict fits the
    /// allocator's 80-byte size class instead of the 96-byte one.
    len: u32,
    /// A key was added, removed or moved since the owning dict's layout
    /// tag ([`Dict`]'s `layout`) was given: the tag no longer names these
    /// keys and is withdrawn when the change ends. Replacing a value leaves
    /// it false: a cache that found a global at a position stays right when
    /// the global is rebound. True for a new or cloned table, whose keys no
    /// tag has named.
    relayout: bool,
}

impl Default for DictTable {
    fn default() -> DictTable {
        DictTable { entries: Vec::new(), index: None, len: 0, relayout: true }
    }
}

impl Clone for DictTable {
    /// A copy's keys are named by no tag of the dict it goes into.
    fn clone(&self) -> DictTable {
        DictTable { entries: self.entries.clone(), index: self.index.clone(), len: self.len, relayout: true }
    }
}

/// A fresh layout tag: one process-wide counter, so a tag never names two
/// layouts (of one dict or of two) and a cache cannot confuse them.
fn next_layout_tag() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Drop for DictTable {
    /// Deep nesting (a dict holding a dict holding …, or a chain of
    /// instances through their attribute dicts) is freed without deep
    /// recursion (object/trashcan.rs).
    fn drop(&mut self) {
        let entries = &mut self.entries;
        super::trashcan::nested_drop(|deferred| match deferred {
            Some(q) => {
                for e in entries.drain(..).flatten() {
                    q.push(e.key);
                    q.push(e.value);
                }
            }
            None => entries.clear(),
        });
    }
}

/// Positions of the entries whose hash may equal a given hash.
enum Candidates<'a> {
    Scan(std::iter::Enumerate<std::slice::Iter<'a, Option<Entry>>>, i64),
    Index(hashbrown::hash_table::IterHash<'a, usize>),
}

impl Iterator for Candidates<'_> {
    type Item = usize;
    #[inline]
    fn next(&mut self) -> Option<usize> {
        match self {
            Candidates::Scan(it, hash) => {
                let hash = *hash;
                it.find(|(_, e)| matches!(e, Some(e) if e.hash == hash)).map(|(pos, _)| pos)
            }
            Candidates::Index(it) => it.next().copied(),
        }
    }
}

/// The outcome of a lookup done under the lock.
pub enum Probe {
    Found(usize),
    Missing,
    /// Entries with an equal hash whose equality only Python code can decide.
    NeedsPython(Vec<(usize, Value)>),
}

impl DictTable {
    pub fn len(&self) -> usize {
        self.len as usize
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline]
    fn candidates(&self, hash: i64) -> Candidates<'_> {
        match &self.index {
            Some(index) => Candidates::Index(index.iter_hash(hash as u64)),
            None => Candidates::Scan(self.entries.iter().enumerate(), hash),
        }
    }

    /// Looks a key up using only Rust-side equality.
    pub fn probe(&self, hash: i64, key: &Value) -> Probe {
        let mut undecided = Vec::new();
        for pos in self.candidates(hash) {
            if let Some(e) = &self.entries[pos]
                && e.hash == hash
            {
                match native_eq(&e.key, key) {
                    Some(true) => return Probe::Found(pos),
                    Some(false) => {}
                    None => undecided.push((pos, e.key.clone())),
                }
            }
        }
        if undecided.is_empty() { Probe::Missing } else { Probe::NeedsPython(undecided) }
    }

    /// Finds an entry by identity of its key (after Python-level comparison).
    pub fn position_of_key(&self, hash: i64, key: &Value) -> Option<usize> {
        self.candidates(hash).find(|&pos| matches!(&self.entries[pos], Some(e) if e.key.is(key)))
    }

    pub fn entry(&self, pos: usize) -> Option<&Entry> {
        self.entries.get(pos).and_then(|e| e.as_ref())
    }

    /// The value at raw position `pos` (a position an inline cache found).
    #[inline]
    pub fn value_at(&self, pos: usize) -> Option<&Value> {
        self.entries.get(pos).and_then(|e| e.as_ref()).map(|e| &e.value)
    }

    /// The value at `pos` if that entry's key is the string `key`: the
    /// check behind a position hint that nothing else proves right.
    #[inline]
    pub fn value_at_if_key(&self, pos: usize, key: &super::str::PyStr) -> Option<&Value> {
        match self.entries.get(pos) {
            Some(Some(e)) if matches!(&e.key, Value::Str(s) if std::ptr::eq(&**s, key) || (e.hash == key.hash() && **s == *key)) => {
                Some(&e.value)
            }
            _ => None,
        }
    }

    /// The value at `pos`, mutably, if that entry's key is the string
    /// `key` (the check of `value_at_if_key`).
    #[inline]
    fn value_mut_if_key(&mut self, pos: usize, key: &super::str::PyStr) -> Option<&mut Value> {
        match self.entries.get_mut(pos) {
            Some(Some(e)) if matches!(&e.key, Value::Str(s) if std::ptr::eq(&**s, key) || (e.hash == key.hash() && **s == *key)) => {
                Some(&mut e.value)
            }
            _ => None,
        }
    }

    /// The position of a string key (as `get_pystr` finds it).
    pub fn position_of_str(&self, key: &super::str::PyStr) -> Option<usize> {
        let hash = key.hash();
        self.candidates(hash).find(|&pos| {
            matches!(&self.entries[pos], Some(e) if e.hash == hash
                && matches!(&e.key, Value::Str(s) if std::ptr::eq(&**s, key) || **s == *key))
        })
    }

    /// Replaces the value at `pos` (a live entry), returning the old one.
    #[inline]
    pub fn replace_value_at(&mut self, pos: usize, value: Value) -> Option<Value> {
        match self.entries.get_mut(pos) {
            Some(Some(e)) => Some(std::mem::replace(&mut e.value, value)),
            _ => None,
        }
    }

    pub fn set_value_at(&mut self, pos: usize, value: Value) {
        if let Some(Some(e)) = self.entries.get_mut(pos) {
            e.value = value;
        }
    }

    /// Appends a new key (the caller has checked it is absent).
    pub fn push_new(&mut self, hash: i64, key: Value, value: Value) {
        let pos = self.entries.len();
        self.relayout = true;
        self.entries.push(Some(Entry { hash, key, value }));
        self.len += 1;
        let entries = &self.entries;
        let hasher = |&p: &usize| entries[p].as_ref().map(|e| e.hash as u64).unwrap_or(0);
        if let Some(index) = &mut self.index {
            index.insert_unique(hash as u64, pos, hasher);
        } else if entries.len() > SMALL {
            let mut index = HashTable::with_capacity(entries.len());
            for (p, e) in entries.iter().enumerate() {
                if let Some(e) = e {
                    index.insert_unique(e.hash as u64, p, hasher);
                }
            }
            self.index = Some(Box::new(index));
        }
    }

    pub fn remove_at(&mut self, pos: usize) -> Option<Entry> {
        let e = self.entries.get_mut(pos)?.take()?;
        self.relayout = true;
        if let Some(index) = &mut self.index
            && let Ok(found) = index.find_entry(e.hash as u64, |&p| p == pos)
        {
            found.remove();
        }
        self.len -= 1;
        if self.entries.len() > 16 && self.len() * 2 < self.entries.len() {
            self.compact();
        }
        Some(e)
    }

    fn compact(&mut self) {
        let old = std::mem::take(&mut self.entries);
        self.relayout = true;
        self.index = None;
        self.len = 0;
        for e in old.into_iter().flatten() {
            self.push_new(e.hash, e.key, e.value);
        }
    }

    pub fn clear(&mut self) {
        *self = DictTable::default();
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().flatten()
    }

    /// The live entry at or after raw position `pos`, for iterators that
    /// survive between calls: returns the entry and the next raw position.
    pub fn next_from(&self, mut pos: usize) -> Option<(&Entry, usize)> {
        while pos < self.entries.len() {
            if let Some(e) = &self.entries[pos] {
                return Some((e, pos + 1));
            }
            pos += 1;
        }
        None
    }

    /// Removes and returns the last live entry (for `popitem`).
    pub fn pop_last(&mut self) -> Option<Entry> {
        let pos = self.entries.iter().rposition(|e| e.is_some())?;
        let e = self.remove_at(pos);
        while matches!(self.entries.last(), Some(None)) {
            self.relayout = true;
            self.entries.pop();
        }
        e
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.key.clone()).collect()
    }
    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|e| e.value.clone()).collect()
    }
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.iter().map(|e| (e.key.clone(), e.value.clone())).collect()
    }

    /// Lookup by an interned key: pointer equality first, then bytes.
    #[inline]
    pub fn get_pystr(&self, key: &super::str::PyStr) -> Option<&Value> {
        let hash = key.hash();
        for pos in self.candidates(hash) {
            if let Some(e) = &self.entries[pos]
                && e.hash == hash
                && let Value::Str(s) = &e.key
                && (std::ptr::eq(&**s, key) || **s == *key)
            {
                return Some(&e.value);
            }
        }
        None
    }

    /// Fast path for string keys (globals, attributes): pointer or byte equality.
    pub fn get_str(&self, hash: i64, key: &str) -> Option<&Value> {
        for pos in self.candidates(hash) {
            if let Some(e) = &self.entries[pos]
                && e.hash == hash
                && let Value::Str(s) = &e.key
                && s.as_str() == key
            {
                return Some(&e.value);
            }
        }
        None
    }

    /// Inserts or replaces a string key (natively comparable, never needs Python).
    pub fn set_str(&mut self, key: &std::sync::Arc<super::str::PyStr>, value: Value) {
        self.replace_str(key, value);
    }

    /// `set_str`, returning the value it replaced (for the caller to drop
    /// after the lock is released).
    pub fn replace_str(&mut self, key: &std::sync::Arc<super::str::PyStr>, value: Value) -> Option<Value> {
        self.replace_str_at(key, value).1
    }

    /// `replace_str`, also telling the key's raw position (an attribute
    /// store remembers it as its site's hint without probing again).
    pub fn replace_str_at(&mut self, key: &std::sync::Arc<super::str::PyStr>, value: Value) -> (usize, Option<Value>) {
        let hash = key.hash();
        let found = self.candidates(hash).find(|&pos| {
            matches!(&self.entries[pos], Some(e) if e.hash == hash
                && matches!(&e.key, Value::Str(s) if std::sync::Arc::ptr_eq(s, key) || **s == **key))
        });
        match found {
            Some(pos) => (pos, self.entries[pos].as_mut().map(|e| std::mem::replace(&mut e.value, value))),
            None => {
                // A new key goes last: `push_new` never compacts.
                let pos = self.entries.len();
                self.push_new(hash, Value::Str(key.clone()), value);
                (pos, None)
            }
        }
    }

    pub fn remove_str(&mut self, key: &str, hash: i64) -> Option<Entry> {
        let pos = self.candidates(hash).find(
            |&pos| matches!(&self.entries[pos], Some(e) if matches!(&e.key, Value::Str(s) if s.as_str() == key)),
        )?;
        self.remove_at(pos)
    }
}

/// A Python dict (also used for module globals, class and instance attributes).
#[derive(Default)]
pub struct Dict {
    table: SpinLock<DictTable>,
    /// Bumped on every mutable access, so lookup caches (globals, methods)
    /// can tell in one load whether what they remember is still true.
    version: AtomicU64,
    /// The tag of the table's key layout (which keys at which positions)
    /// for the interpreter's inline caches, from a process-wide counter so
    /// that a tag never names two layouts: 0 until a cache asks for one
    /// ([`DictGuard::layout_tag`]), back to 0 when a change of the keys ends
    /// (see `DictTable::relayout`). Written only under the lock; read
    /// without it, it proves a key absent (a builtin's LoadGlobal checks
    /// the globals this way).
    layout: AtomicU64,
}

// As `Instance`: 64 bytes keep an `Arc<Dict>` in the allocator's 80-byte
// size class (every instance has one).
const _: () = assert!(std::mem::size_of::<Dict>() <= 64);

/// The lock on a dict's table. Mutable access bumps the dict's version.
pub struct DictGuard<'a> {
    guard: SpinGuard<'a, DictTable>,
    version: &'a AtomicU64,
    layout: &'a AtomicU64,
    /// Whether the table was reached mutably (its layout may have changed).
    changed: bool,
}

impl Drop for DictGuard<'_> {
    #[inline]
    fn drop(&mut self) {
        // Runs before the lock is released (fields drop after this).
        if self.changed && self.guard.relayout {
            self.layout.store(0, Ordering::Release);
            self.guard.relayout = false;
        }
    }
}

impl std::ops::Deref for DictGuard<'_> {
    type Target = DictTable;
    #[inline]
    fn deref(&self) -> &DictTable {
        &self.guard
    }
}

impl std::ops::DerefMut for DictGuard<'_> {
    #[inline]
    fn deref_mut(&mut self) -> &mut DictTable {
        self.version.fetch_add(1, Ordering::Relaxed);
        self.changed = true;
        &mut self.guard
    }
}

impl DictGuard<'_> {
    /// The tag of the current key layout (see [`Dict`]'s `layout`), made on
    /// first request. Not a mutation: the version stays.
    pub fn layout_tag(&mut self) -> u64 {
        let cur = self.layout.load(Ordering::Relaxed);
        if cur != 0 && !self.guard.relayout {
            return cur;
        }
        let tag = next_layout_tag();
        self.guard.relayout = false;
        self.layout.store(tag, Ordering::Release);
        tag
    }

    /// The layout's tag if one was asked for since the keys last changed, else 0.
    #[inline]
    pub fn current_layout_tag(&self) -> u64 {
        if self.guard.relayout { 0 } else { self.layout.load(Ordering::Relaxed) }
    }

    /// Replaces the value at `pos` (a live entry) without counting a
    /// mutation: the keys and their positions stay, so the layout tag is
    /// still true, and the version is left as it was. Only for dicts no
    /// cache keys on by version, i.e. instance dicts (class dicts' versions
    /// prove which attributes are data descriptors, so they must count
    /// every change).
    #[inline]
    pub fn replace_value_quiet(&mut self, pos: usize, value: Value) -> Option<Value> {
        self.guard.replace_value_at(pos, value)
    }

    /// `replace_value_quiet` at a position hint, if the key there is `key`
    /// (one check and one store: an attribute store's hit); hands `value`
    /// back otherwise.
    #[inline]
    pub fn replace_if_key_quiet(&mut self, pos: usize, key: &super::str::PyStr, value: Value) -> Result<Value, Value> {
        match self.guard.value_mut_if_key(pos, key) {
            Some(slot) => Ok(std::mem::replace(slot, value)),
            None => Err(value),
        }
    }
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    /// An empty dict with room for `n` entries before its first growth
    /// (an instance dict sized by what its class's instances usually hold).
    pub fn with_capacity(n: usize) -> Dict {
        let mut t = DictTable::default();
        t.entries.reserve_exact(n);
        Dict::from_table(t)
    }

    pub fn from_table(t: DictTable) -> Dict {
        Dict { table: SpinLock::new(t), version: AtomicU64::new(0), layout: AtomicU64::new(0) }
    }

    /// Locks the table for one operation. Never call Python code while holding it.
    #[inline]
    pub fn lock(&self) -> DictGuard<'_> {
        DictGuard { guard: self.table.lock(), version: &self.version, layout: &self.layout, changed: false }
    }

    /// The layout tag as of the last completed change (see `layout`): a
    /// nonzero match proves the keys are the ones that tag was given for.
    #[inline]
    pub fn published_layout_tag(&self) -> u64 {
        self.layout.load(Ordering::Acquire)
    }

    /// The mutation counter (see `version`).
    #[inline]
    pub fn version(&self) -> u64 {
        self.version.load(Ordering::Relaxed)
    }

    pub fn len(&self) -> usize {
        self.table.lock().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    pub fn get_str(&self, key: &super::str::PyStr) -> Option<Value> {
        self.table.lock().get_pystr(key).cloned()
    }

    /// Looks up a Rust string key (computes its hash; allocates nothing).
    pub fn get_item_str(&self, key: &str) -> Option<Value> {
        self.get_str_hashed(super::str::str_hash(key), key)
    }

    /// Looks up a Rust string key whose hash ([`super::str::str_hash`]) the
    /// caller computed once for several dicts (a class's MRO).
    #[inline]
    pub fn get_str_hashed(&self, hash: i64, key: &str) -> Option<Value> {
        self.table.lock().get_str(hash, key).cloned()
    }

    #[inline]
    pub fn set_str(&self, key: &std::sync::Arc<super::str::PyStr>, value: Value) {
        let old = self.lock().replace_str(key, value);
        drop(old);
    }

    /// Sets a string key and returns the value it replaced.
    #[inline]
    pub fn replace_str(&self, key: &std::sync::Arc<super::str::PyStr>, value: Value) -> Option<Value> {
        self.lock().replace_str(key, value)
    }

    pub fn set_item_str(&self, key: &str, value: Value) {
        let k = std::sync::Arc::new(super::str::PyStr::new(key));
        self.set_str(&k, value)
    }

    pub fn remove_item_str(&self, key: &str) -> Option<Value> {
        let tmp = super::str::PyStr::new(key);
        self.lock().remove_str(key, tmp.hash()).map(|e| e.value)
    }

    pub fn snapshot(&self) -> DictTable {
        self.table.lock().clone()
    }
}
