//! `itertools.groupby` (with its `_grouper`) and the combinatoric
//! iterators: `product`, `permutations`, `combinations` and
//! `combinations_with_replacement`, stepped by index arrays in the order
//! CPython 3.11 produces. The combinatoric ones run no Python code while
//! stepping, so each step is done whole under the object's lock.

use std::sync::Arc;

use parking_lot::Mutex;

use super::itertools_iter::{It, Step};
use crate::object::class::Class;
use crate::object::value::Value;
use crate::vm::{PyResult, Vm};

/// `groupby(iterable, key=None)`.
pub struct GroupBy {
    pub it: Value,
    pub key: Option<Value>,
    pub grouper_class: Arc<Class>,
    pub st: Mutex<GroupState>,
}

/// The keys and value `groupby` and its current `_grouper` share.
#[derive(Default)]
pub struct GroupState {
    tgtkey: Option<Value>,
    currkey: Option<Value>,
    currvalue: Option<Value>,
    /// The id of the one `_grouper` still allowed to yield (0: none).
    current: u64,
    last_id: u64,
}

impl GroupBy {
    /// Reads the next value and its key; false when the input is exhausted.
    fn advance(&self, vm: &mut Vm) -> PyResult<bool> {
        let Some(v) = vm.next_value(&self.it)? else { return Ok(false) };
        let k = match &self.key {
            None => v.clone(),
            Some(f) => vm.call(f, vec![v.clone()])?,
        };
        let mut st = self.st.lock();
        st.currvalue = Some(v);
        st.currkey = Some(k);
        Ok(true)
    }
}

impl Step for GroupBy {
    fn step(&self, vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
        self.st.lock().current = 0;
        loop {
            let (cur, tgt) = {
                let st = self.st.lock();
                (st.currkey.clone(), st.tgtkey.clone())
            };
            match (cur, tgt) {
                (None, _) => {}
                (Some(_), None) => break,
                (Some(c), Some(t)) => {
                    if !vm.eq(&t, &c)? {
                        break;
                    }
                }
            }
            if !self.advance(vm)? {
                return Ok(None);
            }
        }
        let (key, id) = {
            let mut st = self.st.lock();
            st.tgtkey = st.currkey.clone();
            st.last_id += 1;
            st.current = st.last_id;
            (st.currkey.clone().unwrap_or(Value::None), st.last_id)
        };
        let g = It::new(self.grouper_class.clone(), Grouper { parent: this.clone(), tgtkey: key.clone(), id });
        Ok(Some(Value::tuple(vec![key, Value::from_native(Arc::new(g))])))
    }
}

/// `_grouper`: the items of one group, valid until its groupby moves on.
pub struct Grouper {
    parent: Value,
    tgtkey: Value,
    id: u64,
}

impl Step for Grouper {
    fn step(&self, vm: &mut Vm, _this: &Value) -> PyResult<Option<Value>> {
        let Value::Native2(o) = &self.parent else { return Ok(None) };
        let Some(gb) = o.as_any().downcast_ref::<It<GroupBy>>() else { return Ok(None) };
        let gb = &gb.inner;
        let (current, has_value) = {
            let st = gb.st.lock();
            (st.current, st.currvalue.is_some())
        };
        if current != self.id {
            return Ok(None);
        }
        if !has_value && !gb.advance(vm)? {
            return Ok(None);
        }
        let ck = gb.st.lock().currkey.clone().unwrap_or(Value::None);
        if !vm.eq(&self.tgtkey, &ck)? {
            return Ok(None);
        }
        let mut st = gb.st.lock();
        if st.current != self.id {
            return Ok(None);
        }
        Ok(st.currvalue.take())
    }
}

/// Which combinatoric iterator a [`Comb`] is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum CombKind {
    Product,
    Permutations,
    Combinations,
    CombinationsWithReplacement,
}

/// A combinatoric iterator: its pools (one per position for `product`,
/// a single pool otherwise), `r`, and the index state.
pub struct Comb {
    pub kind: CombKind,
    pub pools: Vec<Arc<Vec<Value>>>,
    pub r: usize,
    pub st: Mutex<CombState>,
}

#[derive(Default)]
pub struct CombState {
    started: bool,
    stopped: bool,
    indices: Vec<usize>,
    cycles: Vec<usize>,
}

impl Comb {
    pub fn new(kind: CombKind, pools: Vec<Arc<Vec<Value>>>, r: usize) -> Comb {
        Comb { kind, pools, r, st: Mutex::new(CombState::default()) }
    }

    fn pool_len(&self) -> usize {
        self.pools.first().map(|p| p.len()).unwrap_or(0)
    }

    fn result(&self, st: &CombState) -> Value {
        let items = match self.kind {
            CombKind::Product => st.indices.iter().zip(&self.pools).map(|(&i, p)| p[i].clone()).collect(),
            _ => {
                let pool = &self.pools[0];
                st.indices[..self.r].iter().map(|&i| pool[i].clone()).collect()
            }
        };
        Value::tuple(items)
    }

    /// Sets up the first result; false when there is none.
    fn first(&self, st: &mut CombState) -> bool {
        let (n, r) = (self.pool_len(), self.r);
        match self.kind {
            CombKind::Product => {
                if self.pools.iter().any(|p| p.is_empty()) {
                    return false;
                }
                st.indices = vec![0; self.pools.len()];
            }
            CombKind::Permutations => {
                if r > n {
                    return false;
                }
                st.indices = (0..n).collect();
                st.cycles = (0..r).map(|i| n - i).collect();
            }
            CombKind::Combinations => {
                if r > n {
                    return false;
                }
                st.indices = (0..r).collect();
            }
            CombKind::CombinationsWithReplacement => {
                if n == 0 && r > 0 {
                    return false;
                }
                st.indices = vec![0; r];
            }
        }
        true
    }

    /// Moves to the next result; false when the last one was reached.
    fn advance(&self, st: &mut CombState) -> bool {
        let (n, r) = (self.pool_len(), self.r);
        let ix = &mut st.indices;
        match self.kind {
            CombKind::Product => {
                let mut i = ix.len();
                loop {
                    if i == 0 {
                        return false;
                    }
                    i -= 1;
                    ix[i] += 1;
                    if ix[i] < self.pools[i].len() {
                        return true;
                    }
                    ix[i] = 0;
                }
            }
            CombKind::Permutations => {
                if n == 0 {
                    return false;
                }
                let mut i = r;
                loop {
                    if i == 0 {
                        return false;
                    }
                    i -= 1;
                    st.cycles[i] -= 1;
                    if st.cycles[i] == 0 {
                        ix[i..].rotate_left(1);
                        st.cycles[i] = n - i;
                    } else {
                        let j = st.cycles[i];
                        ix.swap(i, n - j);
                        return true;
                    }
                }
            }
            CombKind::Combinations => {
                let mut i = r;
                loop {
                    if i == 0 {
                        return false;
                    }
                    i -= 1;
                    if ix[i] != i + n - r {
                        break;
                    }
                }
                ix[i] += 1;
                for j in i + 1..r {
                    ix[j] = ix[j - 1] + 1;
                }
                true
            }
            CombKind::CombinationsWithReplacement => {
                let mut i = r;
                loop {
                    if i == 0 {
                        return false;
                    }
                    i -= 1;
                    if ix[i] != n - 1 {
                        break;
                    }
                }
                let v = ix[i] + 1;
                for x in &mut ix[i..] {
                    *x = v;
                }
                true
            }
        }
    }
}

impl Step for Comb {
    fn plain(&self) -> bool {
        true
    }

    fn needs_serial(&self) -> bool {
        false
    }

    fn step(&self, _vm: &mut Vm, _this: &Value) -> PyResult<Option<Value>> {
        let mut st = self.st.lock();
        if st.stopped {
            return Ok(None);
        }
        let ok = if st.started {
            self.advance(&mut st)
        } else {
            st.started = true;
            self.first(&mut st)
        };
        if !ok {
            st.stopped = true;
            st.indices = Vec::new();
            return Ok(None);
        }
        Ok(Some(self.result(&st)))
    }
}
