//! `set` / `frozenset`, laid out exactly like CPython's setobject.c.
//!
//! Students print sets of small ints and expect CPython's order, which is
//! the order of slots in an open-addressing table (8 slots to start, linear
//! probing 9 deep, then perturbed jumps; resized at 60% fill). Reproducing
//! the table reproduces the order.

use super::spinlock::{SpinGuard, SpinLock};

use super::eq::native_eq;
use super::value::Value;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
enum Slot {
    Unused,
    Dummy,
    Active(i64, Value),
}

/// The open-addressing table; reached through `Set::lock()`.
#[derive(Clone)]
pub struct SetTable {
    table: Vec<Slot>,
    fill: usize,
    used: usize,
    /// Where the next `pop` starts looking (CPython's `finger`), so repeated pops
    /// walk the table instead of rescanning its start.
    finger: usize,
}

/// Result of a lookup or insertion attempt done under the lock.
pub enum SetProbe {
    Found,
    Missing,
    /// Equal-hash keys whose equality only Python can decide.
    NeedsPython(Vec<Value>),
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable { table: vec![Slot::Unused; MIN_SIZE], fill: 0, used: 0, finger: 0 }
    }
}

impl SetTable {
    pub fn len(&self) -> usize {
        self.used
    }
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }
    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// Probes for `key`; `assume_eq` lists keys already judged equal by Python.
    pub fn probe(&self, hash: i64, key: &Value, assume_eq: Option<&Value>) -> SetProbe {
        let mask = self.mask();
        let mut i = (hash as usize) & mask;
        let mut perturb = hash as u64;
        let mut undecided = Vec::new();
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in 0..=probes {
                match &self.table[i + j] {
                    Slot::Unused => {
                        return if undecided.is_empty() { SetProbe::Missing } else { SetProbe::NeedsPython(undecided) };
                    }
                    Slot::Active(h, k) if *h == hash => {
                        if let Some(a) = assume_eq
                            && a.is(k)
                        {
                            return SetProbe::Found;
                        }
                        match native_eq(k, key) {
                            Some(true) => return SetProbe::Found,
                            Some(false) => {}
                            None => undecided.push(k.clone()),
                        }
                    }
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// Adds a key known to be absent (the caller probed first).
    pub fn insert_new(&mut self, hash: i64, key: Value) {
        let mask = self.mask();
        let mut i = (hash as usize) & mask;
        let mut perturb = hash as u64;
        let mut freeslot: Option<usize> = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in 0..=probes {
                match &self.table[i + j] {
                    Slot::Unused => {
                        if let Some(f) = freeslot {
                            self.used += 1;
                            self.table[f] = Slot::Active(hash, key);
                            return;
                        }
                        self.fill += 1;
                        self.used += 1;
                        self.table[i + j] = Slot::Active(hash, key);
                        if self.fill * 5 >= mask * 3 {
                            let n = if self.used > 50000 { self.used * 2 } else { self.used * 4 };
                            self.resize(n);
                        }
                        return;
                    }
                    // The last dummy on the probe path is reused, as CPython's
                    // set_add_entry does (it decides where a re-added key lands).
                    Slot::Dummy => {
                        freeslot = Some(i + j);
                    }
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    fn insert_clean(table: &mut [Slot], hash: i64, key: Value) {
        let mask = table.len() - 1;
        let mut i = (hash as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            if matches!(table[i], Slot::Unused) {
                table[i] = Slot::Active(hash, key);
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if matches!(table[i + j], Slot::Unused) {
                        table[i + j] = Slot::Active(hash, key);
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Unused; newsize]);
        self.fill = self.used;
        for slot in old {
            if let Slot::Active(h, k) = slot {
                Self::insert_clean(&mut self.table, h, k);
            }
        }
    }

    /// After removals, drops the dummies when more than a quarter of the
    /// table is dummies (the end of CPython's set_difference_update_internal),
    /// which rehashes the survivors and so decides the iteration order.
    pub fn shrink_after_removals(&mut self) {
        if self.fill - self.used <= self.mask() / 4 {
            return;
        }
        let n = if self.used > 2 { self.used * 2 } else { self.used * 4 };
        self.resize(n);
    }

    /// Pre-sizes the table before merging `incoming` keys (CPython's set_merge rule).
    pub fn reserve_for_merge(&mut self, incoming: usize) {
        if (self.fill + incoming) * 5 >= self.mask() * 3 {
            self.resize((self.used + incoming) * 2);
        }
    }

    /// Copies another table wholesale when CPython would (empty target, same size, no dummies).
    pub fn try_copy_from(&mut self, other: &SetTable) -> bool {
        if self.fill == 0 && self.table.len() == other.table.len() && other.fill == other.used {
            self.table = other.table.clone();
            self.fill = other.fill;
            self.used = other.used;
            return true;
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for slot in &other.table {
                if let Slot::Active(h, k) = slot {
                    Self::insert_clean(&mut self.table, *h, k.clone());
                }
            }
            return true;
        }
        false
    }

    /// Removes the entry whose key is identical to `key` (after a probe found it equal).
    pub fn remove_equal(&mut self, hash: i64, key: &Value, py_equal: Option<&Value>) -> bool {
        let mask = self.mask();
        let mut i = (hash as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in 0..=probes {
                match &self.table[i + j] {
                    Slot::Unused => return false,
                    Slot::Active(h, k)
                        if *h == hash && (py_equal.is_some_and(|p| p.is(k)) || native_eq(k, key) == Some(true)) =>
                    {
                        self.table[i + j] = Slot::Dummy;
                        self.used -= 1;
                        return true;
                    }
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// Removes and returns an arbitrary element (CPython's `set.pop` order).
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let n = self.table.len();
        let start = self.finger & self.mask();
        let pos = (0..n).map(|d| (start + d) % n).find(|&p| matches!(self.table[p], Slot::Active(..)))?;
        let slot = std::mem::replace(&mut self.table[pos], Slot::Dummy);
        self.used -= 1;
        self.finger = pos + 1;
        match slot {
            Slot::Active(_, k) => Some(k),
            _ => None,
        }
    }

    pub fn clear(&mut self) {
        *self = SetTable::default();
    }

    /// Calls `f` on every key, in table order, without cloning (the cycle
    /// collector's traversal).
    pub fn for_each_key(&self, f: &mut dyn FnMut(&Value)) {
        for s in &self.table {
            if let Slot::Active(_, k) = s {
                f(k)
            }
        }
    }

    /// (hash, key) pairs in table order — the order iteration shows.
    pub fn entries(&self) -> Vec<(i64, Value)> {
        self.table
            .iter()
            .filter_map(|s| match s {
                Slot::Active(h, k) => Some((*h, k.clone())),
                _ => None,
            })
            .collect()
    }

    pub fn keys(&self) -> Vec<Value> {
        self.table
            .iter()
            .filter_map(|s| match s {
                Slot::Active(_, k) => Some(k.clone()),
                _ => None,
            })
            .collect()
    }

    pub fn hashes(&self) -> Vec<i64> {
        self.table
            .iter()
            .filter_map(|s| match s {
                Slot::Active(h, _) => Some(*h),
                _ => None,
            })
            .collect()
    }
}

/// A Python set or frozenset.
pub struct Set {
    pub frozen: bool,
    table: SpinLock<SetTable>,
}

impl Set {
    pub fn new(frozen: bool) -> Set {
        Set { frozen, table: SpinLock::new(SetTable::default()) }
    }
    pub fn from_table(frozen: bool, t: SetTable) -> Set {
        Set { frozen, table: SpinLock::new(t) }
    }
    #[inline]
    pub fn lock(&self) -> SpinGuard<'_, SetTable> {
        self.table.lock()
    }
    pub fn len(&self) -> usize {
        self.table.lock().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
