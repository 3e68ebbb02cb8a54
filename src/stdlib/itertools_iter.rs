//! The states of the `itertools` iterators that wrap other iterators or
//! count (`mod_itertools.rs` makes the module and parses arguments; the
//! combinatoric ones and `groupby` are in `itertools_comb.rs`).
//!
//! Each object's mutable state sits behind its own small lock, so that two
//! threads calling `next()` on one object (with the GIL off) each get a
//! different item, as they would in CPython. The lock is never held while
//! Python code runs (the wrapped iterator's `next`, a predicate, `+` of a
//! user type): the state is read, the lock dropped, the call made, and the
//! result written back.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use parking_lot::Mutex;

use crate::object::class::Class;
use crate::object::value::Value;
use crate::parse::ast::BinOp;
use crate::vm::{PyResult, Vm};

/// One step of an itertools iterator: `Some(item)`, or `None` when exhausted.
pub trait Step: Send + Sync + 'static {
    fn step(&self, vm: &mut Vm, this: &Value) -> PyResult<Option<Value>>;

    /// True when a step runs no Python code at all (its inputs are plain
    /// iterators, see [`plain_iter`]): then the whole step runs under the
    /// object's `serial` lock and is atomic, as it is in CPython under the GIL.
    fn plain(&self) -> bool {
        false
    }

    /// True when a plain step must hold the `serial` lock to be atomic;
    /// false for those whose own state lock already covers the whole step.
    fn needs_serial(&self) -> bool {
        self.plain()
    }
}

/// An itertools object: its class and the state that steps it.
pub struct It<T: Step> {
    pub class: Arc<Class>,
    pub inner: T,
    /// Held for a whole step when `inner.plain()` (never while Python runs).
    pub serial: Mutex<()>,
}

impl<T: Step> It<T> {
    pub fn new(class: Arc<Class>, inner: T) -> It<T> {
        It { class, inner, serial: Mutex::new(()) }
    }

    /// `next(self)`: one step, atomic when it runs no Python code.
    pub fn next(&self, vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
        if self.inner.needs_serial() {
            let _g = self.serial.lock();
            return self.inner.step(vm, this);
        }
        self.inner.step(vm, this)
    }
}

/// True when `next(v)` runs no Python code: the built-in iterators over
/// ranges, sequences, dicts and sets, and itertools objects made of them.
pub fn plain_iter(v: &Value) -> bool {
    use crate::object::iter::NativeIter as N;
    match v {
        Value::Iter(ni) => matches!(
            &**ni,
            N::Range { .. } | N::Seq { .. } | N::SeqRev { .. } | N::Dict { .. } | N::Values(..) | N::Set { .. }
        ),
        Value::Native2(o) => {
            let a = o.as_any();
            macro_rules! plain_if {
                ($($t:ty),*) => {$(
                    if let Some(x) = a.downcast_ref::<It<$t>>() {
                        return x.inner.plain();
                    }
                )*};
            }
            plain_if!(Repeat, Count, Cycle, Islice, Pairwise, ZipLongest, Tee, super::itertools_comb::Comb);
            false
        }
        _ => false,
    }
}

impl<T: Step> crate::object::native::NativeObject for It<T> {
    fn class(&self) -> &Arc<Class> {
        &self.class
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }

    fn next_item(&self, vm: &mut Vm, this: &Value) -> Option<PyResult<Option<Value>>> {
        // A Python subclass may override __next__: only the built-in class steps directly.
        self.class.builtin.then(|| self.next(vm, this))
    }
}

/// True for the numbers `+` adds in Rust alone (no Python code runs).
fn plain_number(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Flt(_) | Value::Boolean(_))
}

/// `count(start, step)`.
pub struct Count {
    pub state: Mutex<(Value, Value)>,
}

impl Step for Count {
    fn step(&self, vm: &mut Vm, _this: &Value) -> PyResult<Option<Value>> {
        let mut st = self.state.lock();
        let (n, step) = (st.0.clone(), st.1.clone());
        if plain_number(&n) && plain_number(&step) {
            // Pure Rust arithmetic: done under the lock, so each caller
            // gets a distinct value even with the GIL off.
            st.0 = vm.binary_op(&n, &step, BinOp::Add)?;
            return Ok(Some(n));
        }
        drop(st);
        let next = vm.binary_op(&n, &step, BinOp::Add)?;
        self.state.lock().0 = next;
        Ok(Some(n))
    }

    fn plain(&self) -> bool {
        self.is_plain()
    }

    fn needs_serial(&self) -> bool {
        false
    }
}

impl Count {
    fn is_plain(&self) -> bool {
        let st = self.state.lock();
        plain_number(&st.0) && plain_number(&st.1)
    }

    /// `count(5)` or `count(5, 2)`: the step is left out when it is the int 1.
    pub fn repr(&self, vm: &mut Vm) -> PyResult<String> {
        let (n, step) = self.state.lock().clone();
        let one = match &step {
            Value::Int(1) => true,
            Value::Boolean(b) => b.get(),
            _ => false,
        };
        let n = vm.repr_of(&n)?;
        if one {
            return Ok(format!("count({n})"));
        }
        Ok(format!("count({n}, {})", vm.repr_of(&step)?))
    }
}

/// `cycle(iterable)`: items are saved on the first pass, then replayed.
pub struct Cycle {
    pub it: Value,
    pub state: Mutex<CycleState>,
}

#[derive(Default)]
pub struct CycleState {
    pub saved: Vec<Value>,
    pub pos: usize,
    pub replaying: bool,
    /// Set by `__setstate__` with a saved list already complete: the items
    /// still coming from the iterator are not saved again (CPython's
    /// `firstpass`).
    pub firstpass: bool,
}

impl Step for Cycle {
    fn plain(&self) -> bool {
        plain_iter(&self.it)
    }

    fn step(&self, vm: &mut Vm, _this: &Value) -> PyResult<Option<Value>> {
        if !self.state.lock().replaying {
            match vm.next_value(&self.it)? {
                Some(v) => {
                    let mut st = self.state.lock();
                    if !st.replaying && !st.firstpass {
                        st.saved.push(v.clone());
                    }
                    return Ok(Some(v));
                }
                None => self.state.lock().replaying = true,
            }
        }
        let mut st = self.state.lock();
        if st.saved.is_empty() {
            return Ok(None);
        }
        let i = st.pos % st.saved.len();
        st.pos = i + 1;
        Ok(Some(st.saved[i].clone()))
    }
}

/// `repeat(object[, times])`; `times` is None for endless.
pub struct Repeat {
    pub obj: Value,
    pub times: Mutex<Option<i64>>,
}

impl Step for Repeat {
    fn plain(&self) -> bool {
        true
    }

    fn needs_serial(&self) -> bool {
        false
    }

    fn step(&self, _vm: &mut Vm, _this: &Value) -> PyResult<Option<Value>> {
        let mut t = self.times.lock();
        match &mut *t {
            None => Ok(Some(self.obj.clone())),
            Some(0) => Ok(None),
            Some(n) => {
                *n -= 1;
                Ok(Some(self.obj.clone()))
            }
        }
    }
}

impl Repeat {
    pub fn repr(&self, vm: &mut Vm) -> PyResult<String> {
        let times = *self.times.lock();
        let o = vm.repr_of(&self.obj)?;
        Ok(match times {
            None => format!("repeat({o})"),
            Some(n) => format!("repeat({o}, {n})"),
        })
    }
}

/// `accumulate(iterable, func=None, *, initial=None)`.
pub struct Accumulate {
    pub it: Value,
    pub func: Option<Value>,
    /// (running total, initial value not yet returned)
    pub state: Mutex<(Option<Value>, Option<Value>)>,
}

impl Step for Accumulate {
    fn step(&self, vm: &mut Vm, _this: &Value) -> PyResult<Option<Value>> {
        if self.func.is_none() && plain_iter(&self.it) {
            // Taking the item and adding built-in numbers run no Python
            // code: done under the lock, each total is handed out once.
            let mut st = self.state.lock();
            if let Some(init) = st.1.take() {
                st.0 = Some(init.clone());
                return Ok(Some(init));
            }
            let Some(v) = vm.next_value(&self.it)? else { return Ok(None) };
            let t = match &st.0 {
                None => {
                    st.0 = Some(v.clone());
                    return Ok(Some(v));
                }
                Some(t) if plain_number(t) && plain_number(&v) => {
                    let n = vm.binary_op(t, &v, BinOp::Add)?;
                    st.0 = Some(n.clone());
                    return Ok(Some(n));
                }
                Some(t) => t.clone(),
            };
            drop(st);
            let n = vm.binary_op(&t, &v, BinOp::Add)?;
            self.state.lock().0 = Some(n.clone());
            return Ok(Some(n));
        }
        {
            let mut st = self.state.lock();
            if let Some(init) = st.1.take() {
                st.0 = Some(init.clone());
                return Ok(Some(init));
            }
        }
        let Some(v) = vm.next_value(&self.it)? else { return Ok(None) };
        let total = self.state.lock().0.clone();
        let new = match total {
            None => v,
            Some(t) => match &self.func {
                None => vm.binary_op(&t, &v, BinOp::Add)?,
                Some(f) => vm.call(f, vec![t, v])?,
            },
        };
        self.state.lock().0 = Some(new.clone());
        Ok(Some(new))
    }
}

/// `chain(*iterables)` / `chain.from_iterable(iterables)`.
pub struct Chain {
    /// (iterator over the iterables, iterator being drained)
    pub state: Mutex<(Option<Value>, Option<Value>)>,
}

impl Step for Chain {
    fn step(&self, vm: &mut Vm, _this: &Value) -> PyResult<Option<Value>> {
        loop {
            let mut st = self.state.lock();
            if let Some(a) = st.1.clone() {
                if plain_iter(&a) {
                    // No Python code runs: step and switch under the lock.
                    match vm.next_value(&a)? {
                        Some(v) => return Ok(Some(v)),
                        None => {
                            st.1 = None;
                            continue;
                        }
                    }
                }
                drop(st);
                if let Some(v) = vm.next_value(&a)? {
                    return Ok(Some(v));
                }
                let mut st = self.state.lock();
                if st.1.as_ref().is_some_and(|x| x.id() == a.id()) {
                    st.1 = None;
                }
                continue;
            }
            let Some(src) = st.0.clone() else { return Ok(None) };
            // With a plain source the lock stays held (no Python code runs).
            let mut held = if plain_iter(&src) {
                Some(st)
            } else {
                drop(st);
                None
            };
            let Some(iterable) = vm.next_value(&src)? else {
                match held.as_mut() {
                    Some(g) => g.0 = None,
                    None => self.state.lock().0 = None,
                }
                return Ok(None);
            };
            // iter() of the built-in containers runs no Python code either.
            let builtin = matches!(
                iterable,
                Value::List(_)
                    | Value::Tuple(_)
                    | Value::Str(_)
                    | Value::Bytes(_)
                    | Value::Range(_)
                    | Value::Dict(_)
                    | Value::Set(_)
                    | Value::Iter(_)
            );
            if let Some(g) = held.as_mut()
                && builtin
            {
                g.1 = Some(vm.get_iter(&iterable)?);
                continue;
            }
            drop(held);
            let it = vm.get_iter(&iterable)?;
            let mut st = self.state.lock();
            if st.1.is_none() {
                st.1 = Some(it);
            }
        }
    }
}

/// `compress(data, selectors)`.
pub struct Compress {
    pub data: Value,
    pub sel: Value,
    pub serial: Mutex<()>,
}

impl Step for Compress {
    fn step(&self, vm: &mut Vm, _this: &Value) -> PyResult<Option<Value>> {
        let plain = plain_iter(&self.data) && plain_iter(&self.sel);
        loop {
            // With plain inputs, a datum and its selector are taken together.
            let g = plain.then(|| self.serial.lock());
            let Some(d) = vm.next_value(&self.data)? else { return Ok(None) };
            let Some(s) = vm.next_value(&self.sel)? else { return Ok(None) };
            drop(g);
            if vm.truthy(&s)? {
                return Ok(Some(d));
            }
        }
    }
}

/// `dropwhile`, `takewhile` and `filterfalse`: a predicate over one iterator.
pub struct Predicate {
    pub kind: PredKind,
    pub func: Value,
    pub it: Value,
    /// dropwhile: done dropping; takewhile: stopped.
    pub flag: AtomicBool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum PredKind {
    DropWhile,
    TakeWhile,
    FilterFalse,
}

impl Predicate {
    fn test(&self, vm: &mut Vm, v: &Value) -> PyResult<bool> {
        if self.kind == PredKind::FilterFalse
            && (self.func.is_none() || matches!(&self.func, Value::Class(c) if Arc::ptr_eq(c, &vm.rt.types.bool_)))
        {
            return vm.truthy(v);
        }
        let r = vm.call(&self.func, vec![v.clone()])?;
        vm.truthy(&r)
    }
}

impl Step for Predicate {
    fn step(&self, vm: &mut Vm, _this: &Value) -> PyResult<Option<Value>> {
        match self.kind {
            PredKind::DropWhile => loop {
                let Some(v) = vm.next_value(&self.it)? else { return Ok(None) };
                if self.flag.load(Ordering::Acquire) {
                    return Ok(Some(v));
                }
                if !self.test(vm, &v)? {
                    self.flag.store(true, Ordering::Release);
                    return Ok(Some(v));
                }
            },
            PredKind::TakeWhile => {
                if self.flag.load(Ordering::Acquire) {
                    return Ok(None);
                }
                let Some(v) = vm.next_value(&self.it)? else { return Ok(None) };
                if self.test(vm, &v)? {
                    return Ok(Some(v));
                }
                self.flag.store(true, Ordering::Release);
                Ok(None)
            }
            PredKind::FilterFalse => loop {
                let Some(v) = vm.next_value(&self.it)? else { return Ok(None) };
                if !self.test(vm, &v)? {
                    return Ok(Some(v));
                }
            },
        }
    }
}

/// `starmap(function, iterable)`.
pub struct Starmap {
    pub func: Value,
    pub it: Value,
}

impl Step for Starmap {
    fn step(&self, vm: &mut Vm, _this: &Value) -> PyResult<Option<Value>> {
        let Some(args) = vm.next_value(&self.it)? else { return Ok(None) };
        let args = match &args {
            Value::Tuple(t) => t.items.to_vec(),
            other => vm.collect(other)?,
        };
        vm.call(&self.func, args).map(Some)
    }
}

/// `islice(iterable, [start,] stop[, step])`, stepped as CPython does: skip
/// to the next wanted position, and drop the iterator once past `stop`.
pub struct Islice {
    pub it: Mutex<Option<Value>>,
    pub stop: Option<i64>,
    pub step: i64,
    /// (next position to yield, positions consumed so far)
    pub pos: Mutex<(i64, i64)>,
}

impl Step for Islice {
    fn plain(&self) -> bool {
        self.it.lock().as_ref().is_none_or(plain_iter)
    }

    fn step(&self, vm: &mut Vm, _this: &Value) -> PyResult<Option<Value>> {
        let Some(it) = self.it.lock().clone() else { return Ok(None) };
        loop {
            let (next, cnt) = *self.pos.lock();
            if cnt >= next {
                break;
            }
            if vm.next_value(&it)?.is_none() {
                *self.it.lock() = None;
                return Ok(None);
            }
            self.pos.lock().1 += 1;
        }
        if self.stop.is_some_and(|s| self.pos.lock().1 >= s) {
            *self.it.lock() = None;
            return Ok(None);
        }
        let Some(item) = vm.next_value(&it)? else {
            *self.it.lock() = None;
            return Ok(None);
        };
        let mut p = self.pos.lock();
        p.1 += 1;
        let old = p.0;
        p.0 = old.saturating_add(self.step);
        if let Some(s) = self.stop
            && p.0 > s
        {
            p.0 = s;
        }
        Ok(Some(item))
    }
}

/// `pairwise(iterable)`.
pub struct Pairwise {
    pub it: Mutex<Option<Value>>,
    pub old: Mutex<Option<Value>>,
}

impl Step for Pairwise {
    fn plain(&self) -> bool {
        self.it.lock().as_ref().is_none_or(plain_iter)
    }

    fn step(&self, vm: &mut Vm, _this: &Value) -> PyResult<Option<Value>> {
        let Some(it) = self.it.lock().clone() else { return Ok(None) };
        let old = self.old.lock().take();
        let old = match old {
            Some(o) => o,
            None => match vm.next_value(&it)? {
                Some(o) => o,
                None => {
                    *self.it.lock() = None;
                    return Ok(None);
                }
            },
        };
        let Some(new) = vm.next_value(&it)? else {
            *self.it.lock() = None;
            return Ok(None);
        };
        *self.old.lock() = Some(new.clone());
        Ok(Some(Value::tuple(vec![old, new])))
    }
}

/// `zip_longest(*iterables, fillvalue=None)`.
pub struct ZipLongest {
    /// The iterators still running (None once exhausted), and how many are.
    pub iters: Mutex<(Vec<Option<Value>>, usize)>,
    pub fill: Value,
}

impl Step for ZipLongest {
    fn plain(&self) -> bool {
        self.iters.lock().0.iter().flatten().all(plain_iter)
    }

    fn step(&self, vm: &mut Vm, _this: &Value) -> PyResult<Option<Value>> {
        let iters = {
            let st = self.iters.lock();
            if st.0.is_empty() || st.1 == 0 {
                return Ok(None);
            }
            st.0.clone()
        };
        let mut out = Vec::with_capacity(iters.len());
        for (i, it) in iters.iter().enumerate() {
            let Some(it) = it else {
                out.push(self.fill.clone());
                continue;
            };
            match vm.next_value(it)? {
                Some(v) => out.push(v),
                None => {
                    let mut st = self.iters.lock();
                    if st.0[i].is_some() {
                        st.0[i] = None;
                        st.1 -= 1;
                    }
                    if st.1 == 0 {
                        return Ok(None);
                    }
                    out.push(self.fill.clone());
                }
            }
        }
        Ok(Some(Value::tuple(out)))
    }
}

/// One cell of the list that `tee` iterators share: filled once with the
/// next item and a link to the cell after it. Cells nobody points at any
/// more are freed, so the buffer holds only what the slowest iterator has
/// not yet seen.
#[derive(Default)]
pub struct TeeLink {
    next: Mutex<Option<(Value, Arc<TeeLink>)>>,
}

impl Drop for TeeLink {
    /// Frees a long chain one cell at a time instead of recursing once per cell.
    fn drop(&mut self) {
        let mut next = self.next.get_mut().take();
        while let Some((_, link)) = next {
            match Arc::try_unwrap(link) {
                Ok(mut l) => next = l.next.get_mut().take(),
                Err(_) => break,
            }
        }
    }
}

/// What the iterators made by one `tee()` share.
pub struct TeeShared {
    pub it: Value,
    pub done: AtomicBool,
}

/// One `tee` iterator: the shared source and its own position.
pub struct Tee {
    pub shared: Arc<TeeShared>,
    pub pos: Mutex<Arc<TeeLink>>,
}

impl Tee {
    /// A new tee over `it`.
    pub fn new(it: Value) -> Tee {
        Tee {
            shared: Arc::new(TeeShared { it, done: AtomicBool::new(false) }),
            pos: Mutex::new(Arc::new(TeeLink::default())),
        }
    }

    /// `__copy__`: another iterator at the same position.
    pub fn copy(&self) -> Tee {
        Tee { shared: self.shared.clone(), pos: Mutex::new(self.pos.lock().clone()) }
    }

    fn take(&self) -> Option<Value> {
        let mut p = self.pos.lock();
        let (v, next) = p.next.lock().clone()?;
        *p = next;
        Some(v)
    }
}

impl Step for Tee {
    fn plain(&self) -> bool {
        plain_iter(&self.shared.it)
    }

    fn step(&self, vm: &mut Vm, _this: &Value) -> PyResult<Option<Value>> {
        if let Some(v) = self.take() {
            return Ok(Some(v));
        }
        if self.shared.done.load(Ordering::Acquire) {
            return Ok(self.take());
        }
        let start = self.pos.lock().clone();
        match vm.next_value(&self.shared.it)? {
            None => {
                self.shared.done.store(true, Ordering::Release);
                Ok(self.take())
            }
            Some(v) => {
                // Append at the end of the list: another iterator of this
                // tee may have filled our cell while the source ran.
                let mut cur = start;
                loop {
                    let mut g = cur.next.lock();
                    match &*g {
                        None => {
                            *g = Some((v, Arc::new(TeeLink::default())));
                            break;
                        }
                        Some((_, n)) => {
                            let n = n.clone();
                            drop(g);
                            cur = n;
                        }
                    }
                }
                Ok(self.take())
            }
        }
    }
}
