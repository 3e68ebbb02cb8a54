//! `_collections.deque` and its iterators: a ring buffer (`VecDeque`) behind
//! one lock, so every method is atomic with the GIL off. No Python runs
//! while the lock is held: items are compared or converted after a copy is
//! taken, and a change counter (`state`, as CPython's) tells an iterator or
//! a comparison loop that the deque changed under it.
//!
//! A deque is an `Instance` of the `deque` class (or of a Python subclass)
//! whose payload is a [`Deque`], so subclasses get a `__dict__` and the VM
//! dispatches the special methods through the class (it is created with
//! `native_overrides`).

use std::collections::VecDeque;
use std::sync::Arc;

use parking_lot::Mutex;

use super::{def, readonly_property};
use crate::object::class::{Class, Instance, Layout, Payload};
use crate::object::value::Value;
use crate::parse::ast::CmpOp;
use crate::vm::runtime::{new_builtin_class, new_overriding_builtin_class};
use crate::vm::{Args, PyResult, Vm};

/// The contents of a deque.
struct State {
    items: VecDeque<Value>,
    maxlen: Option<usize>,
    /// Bumped by every change of length or order (CPython's `state`).
    state: u64,
}

impl State {
    /// Appends on the right, dropping from the left past `maxlen`.
    fn push_right(&mut self, v: Value) {
        if self.maxlen == Some(0) {
            return;
        }
        self.items.push_back(v);
        if self.maxlen.is_some_and(|m| self.items.len() > m) {
            self.items.pop_front();
        }
        self.state += 1;
    }

    fn push_left(&mut self, v: Value) {
        if self.maxlen == Some(0) {
            return;
        }
        self.items.push_front(v);
        if self.maxlen.is_some_and(|m| self.items.len() > m) {
            self.items.pop_back();
        }
        self.state += 1;
    }

    fn rotate(&mut self, n: i64) {
        let len = self.items.len();
        if len <= 1 {
            return;
        }
        let k = n.rem_euclid(len as i64) as usize;
        self.items.rotate_right(k);
        self.state += 1;
    }
}

/// The payload of a deque instance.
pub struct Deque {
    class: Arc<Class>,
    inner: Mutex<State>,
}

crate::object::native::impl_native_object!(Deque);

/// The deque behind `v` (a deque instance, or its payload).
fn deque_of(v: &Value) -> Option<&Deque> {
    match v {
        Value::Instance(i) => match i.builtin_value()? {
            Value::Native2(n) => n.as_any().downcast_ref::<Deque>(),
            _ => None,
        },
        Value::Native2(n) => n.as_any().downcast_ref::<Deque>(),
        _ => None,
    }
}

fn this<'a>(vm: &mut Vm, a: &'a Args, what: &str) -> PyResult<&'a Deque> {
    a.pos
        .first()
        .and_then(deque_of)
        .ok_or_else(|| vm.type_error(&format!("descriptor '{what}' requires a 'collections.deque' object")))
}

/// The classes of the module, shared by the methods that make new objects.
#[derive(Clone)]
struct Classes {
    deque: Arc<Class>,
    iter: Arc<Class>,
    rev: Arc<Class>,
}

/// A new, empty deque of class `cls`.
fn new_deque(cls: &Arc<Class>, base: &Arc<Class>, items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
    let d = Deque { class: base.clone(), inner: Mutex::new(State { items, maxlen, state: 0 }) };
    let inst = Instance::new(cls.clone(), Payload::Builtin(Value::from_native(Arc::new(d))));
    Value::Instance(crate::object::gc::instance(Arc::new(inst)))
}

/// `maxlen` as CPython's `deque_init` reads it.
fn maxlen_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v @ (Value::Int(_) | Value::BigInt(_) | Value::Boolean(_))) => {
            let n = vm.index_of(v)?;
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Ok(Some(n as usize))
        }
        Some(Value::Instance(i)) if matches!(i.builtin_value(), Some(Value::Int(_) | Value::BigInt(_))) => {
            let n = vm.index_of(&Value::Instance(i.clone()))?;
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Ok(Some(n as usize))
        }
        Some(_) => Err(vm.type_error("an integer is required")),
    }
}

/// Exactly one argument after `self`, with deque's message.
fn one_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    a.no_kw(vm, &format!("deque.{name}"))?;
    let got = a.pos.len().saturating_sub(1);
    if got != 1 {
        return Err(vm.type_error(&format!("deque.{name}() takes exactly one argument ({got} given)")));
    }
    Ok(())
}

fn no_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    a.no_kw(vm, &format!("deque.{name}"))?;
    let got = a.pos.len().saturating_sub(1);
    if got != 0 {
        return Err(vm.type_error(&format!("deque.{name}() takes no arguments ({got} given)")));
    }
    Ok(())
}

/// A position `i` of `d` (negative from the end), or `deque index out of range`.
fn position(vm: &mut Vm, key: &Value, len: usize) -> PyResult<usize> {
    let i = match key {
        Value::Int(i) => *i,
        _ => match vm.exact_index(key)? {
            Some(Value::Int(i)) => i,
            Some(_) => return Err(vm.index_error("cannot fit 'int' into an index-sized integer")),
            None => {
                let tn = vm.type_name(key);
                return Err(vm.type_error(&format!("sequence index must be integer, not '{tn}'")));
            }
        },
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(j as usize)
}

/// Runs `test` on each item in turn, without the lock, failing with `err`
/// when the deque changes meanwhile; the index of the first match.
fn find(
    vm: &mut Vm,
    d: &Deque,
    start: usize,
    stop: usize,
    mut test: impl FnMut(&mut Vm, &Value) -> PyResult<bool>,
    err: (&str, &str),
) -> PyResult<Option<usize>> {
    let state = d.inner.lock().state;
    for i in start..stop {
        let item = {
            let s = d.inner.lock();
            if s.state != state {
                return Err(vm.err(err.0, err.1));
            }
            match s.items.get(i) {
                Some(v) => v.clone(),
                None => return Ok(None),
            }
        };
        let hit = test(vm, &item)?;
        if d.inner.lock().state != state {
            return Err(vm.err(err.0, err.1));
        }
        if hit {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

const MUTATED: (&str, &str) = ("RuntimeError", "deque mutated during iteration");

/// `repr(deque)`: `deque([...])`, `[...]` for a deque inside itself.
fn repr(vm: &mut Vm, me: &Value, d: &Deque) -> PyResult {
    let id = me.id();
    let cls = vm.class_of(me).name();
    if vm.repr_guard.contains(&id) {
        return Ok(Value::string("[...]".into()));
    }
    let (items, maxlen) = {
        let s = d.inner.lock();
        (s.items.iter().cloned().collect::<Vec<_>>(), s.maxlen)
    };
    vm.enter_recursion(" while getting the repr of an object")?;
    vm.repr_guard.push(id);
    let mut parts = Vec::with_capacity(items.len());
    let mut res = Ok(());
    for v in &items {
        match vm.repr_of(v) {
            Ok(r) => parts.push(r),
            Err(e) => {
                res = Err(e);
                break;
            }
        }
    }
    vm.repr_guard.pop();
    vm.leave_recursion();
    res?;
    let body = parts.join(", ");
    Ok(Value::string(match maxlen {
        Some(m) => format!("{}([{body}], maxlen={m})", cls.as_str()),
        None => format!("{}([{body}])", cls.as_str()),
    }))
}

/// `copy(d)`: a deque of the same class and maxlen (a subclass is called).
fn copy(vm: &mut Vm, me: &Value, cs: &Classes) -> PyResult {
    let d = deque_of(me).ok_or_else(|| vm.type_error("descriptor 'copy' requires a 'collections.deque' object"))?;
    let cls = vm.class_of(me);
    let (items, maxlen) = {
        let s = d.inner.lock();
        (s.items.clone(), s.maxlen)
    };
    if Arc::ptr_eq(&cls, &cs.deque) {
        return Ok(new_deque(&cls, &cs.deque, items, maxlen));
    }
    let m = maxlen.map(|m| Value::Int(m as i64)).unwrap_or(Value::None);
    let f = Value::Class(cls);
    match maxlen {
        None => vm.call(&f, vec![me.clone()]),
        Some(_) => vm.call_value(
            &f,
            Args::with_kw(vec![me.clone()], vec![(Arc::new(crate::object::str::PyStr::new("maxlen")), m)]),
        ),
    }
}

/// `deque.__init__(iterable=(), maxlen=None)`.
fn init(vm: &mut Vm, a: Args) -> PyResult {
    let n = a.pos.len().saturating_sub(1);
    if n > 2 {
        return Err(vm.type_error(&format!("deque() takes at most 2 arguments ({n} given)")));
    }
    let mut iterable = a.pos.get(1).cloned();
    let mut maxlen = a.pos.get(2).cloned();
    for (k, v) in &a.kw {
        match k.as_str() {
            "iterable" if iterable.is_none() => iterable = Some(v.clone()),
            "maxlen" if maxlen.is_none() => maxlen = Some(v.clone()),
            "iterable" | "maxlen" => {
                let pos = if k.as_str() == "iterable" { 1 } else { 2 };
                return Err(vm.type_error(&format!(
                    "argument for deque() given by name ('{}') and position ({pos})",
                    k.as_str()
                )));
            }
            _ => return Err(vm.type_error(&format!("'{}' is an invalid keyword argument for deque()", k.as_str()))),
        }
    }
    let maxlen = maxlen_arg(vm, maxlen.as_ref())?;
    let d = this(vm, &a, "__init__")?;
    let items = match &iterable {
        Some(it) => collect_source(vm, d, it)?,
        None => Vec::new(),
    };
    let mut s = d.inner.lock();
    s.maxlen = maxlen;
    s.items.clear();
    s.state += 1;
    for v in items {
        s.push_right(v);
    }
    Ok(Value::None)
}

/// The items of `src`, copied first when it is the deque itself.
fn collect_source(vm: &mut Vm, d: &Deque, src: &Value) -> PyResult<Vec<Value>> {
    if let Some(o) = deque_of(src)
        && std::ptr::eq(o, d)
    {
        return Ok(d.inner.lock().items.iter().cloned().collect());
    }
    vm.collect(src)
}

fn register_methods(cls: &Arc<Class>, cs: &Classes) {
    let d = &cls.dict;
    let c = cs.clone();
    def(d, "__new__", move |vm, a| {
        let cls = match a.pos.first() {
            Some(Value::Class(k)) if k.is_subclass(&c.deque) => k.clone(),
            _ => return Err(vm.type_error("deque.__new__(X): X is not a subtype of deque")),
        };
        Ok(new_deque(&cls, &c.deque, VecDeque::new(), None))
    });
    def(d, "__init__", init);
    def(d, "append", |vm, a| {
        one_arg(vm, &a, "append")?;
        this(vm, &a, "append")?.inner.lock().push_right(a.pos[1].clone());
        Ok(Value::None)
    });
    def(d, "appendleft", |vm, a| {
        one_arg(vm, &a, "appendleft")?;
        this(vm, &a, "appendleft")?.inner.lock().push_left(a.pos[1].clone());
        Ok(Value::None)
    });
    for (name, left) in [("pop", false), ("popleft", true)] {
        def(d, name, move |vm, a| {
            no_args(vm, &a, name)?;
            let mut s = this(vm, &a, name)?.inner.lock();
            let v = if left { s.items.pop_front() } else { s.items.pop_back() };
            s.state += 1;
            drop(s);
            v.ok_or_else(|| vm.index_error("pop from an empty deque"))
        });
    }
    for (name, left) in [("extend", false), ("extendleft", true)] {
        def(d, name, move |vm, a| {
            one_arg(vm, &a, name)?;
            let d = this(vm, &a, name)?;
            let items = collect_source(vm, d, &a.pos[1])?;
            let mut s = d.inner.lock();
            for v in items {
                if left { s.push_left(v) } else { s.push_right(v) }
            }
            Ok(Value::None)
        });
    }
    def(d, "__iadd__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        let d = this(vm, &a, "__iadd__")?;
        let items = collect_source(vm, d, &a.pos[1])?;
        let mut s = d.inner.lock();
        for v in items {
            s.push_right(v);
        }
        Ok(a.pos.first().cloned().unwrap_or(Value::None))
    });
    def(d, "clear", |vm, a| {
        no_args(vm, &a, "clear")?;
        let old = {
            let mut s = this(vm, &a, "clear")?.inner.lock();
            s.state += 1;
            std::mem::take(&mut s.items)
        };
        // The items are freed without the lock held (a __del__ may run).
        drop(old);
        Ok(Value::None)
    });
    let c = cs.clone();
    def(d, "copy", move |vm, a| {
        no_args(vm, &a, "copy")?;
        copy(vm, a.pos.first().unwrap_or(&Value::None), &c)
    });
    let c = cs.clone();
    def(d, "__copy__", move |vm, a| {
        no_args(vm, &a, "__copy__")?;
        copy(vm, a.pos.first().unwrap_or(&Value::None), &c)
    });
    def(d, "count", |vm, a| {
        one_arg(vm, &a, "count")?;
        let d = this(vm, &a, "count")?;
        let x = a.pos[1].clone();
        let len = d.inner.lock().items.len();
        let mut n = 0i64;
        find(
            vm,
            d,
            0,
            len,
            |vm, v| {
                if vm.eq(v, &x)? {
                    n += 1;
                }
                Ok(false)
            },
            MUTATED,
        )?;
        Ok(Value::Int(n))
    });
    def(d, "__contains__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        let d = this(vm, &a, "__contains__")?;
        let x = a.pos[1].clone();
        let len = d.inner.lock().items.len();
        let hit = find(vm, d, 0, len, |vm, v| vm.eq(v, &x), MUTATED)?;
        Ok(Value::Bool(hit.is_some()))
    });
    def(d, "index", |vm, a| {
        a.no_kw(vm, "index")?;
        let n = a.pos.len().saturating_sub(1);
        if !(1..=3).contains(&n) {
            let msg = if n == 0 {
                "index expected at least 1 argument, got 0".to_string()
            } else {
                format!("index expected at most 3 arguments, got {n}")
            };
            return Err(vm.type_error(&msg));
        }
        let d = this(vm, &a, "index")?;
        let len = d.inner.lock().items.len() as i64;
        let bound = |vm: &mut Vm, v: Option<&Value>, dflt: i64| -> PyResult<i64> {
            let Some(v) = v else { return Ok(dflt) };
            let i = match vm.exact_index(v)? {
                Some(Value::Int(i)) => i,
                // A huge bound clamps to either end.
                Some(big)
                    if vm.truthy(&big)?
                        && !matches!(vm.compare(&big, &Value::Int(0), CmpOp::Lt)?, Value::Boolean(b) if b.get()) =>
                {
                    i64::MAX / 2
                }
                Some(_) => i64::MIN / 2,
                None => return Err(vm.type_error("slice indices must be integers or have an __index__ method")),
            };
            let i = if i < 0 { (i + len).max(0) } else { i };
            Ok(i.min(len))
        };
        let start = bound(vm, a.pos.get(2), 0)?;
        let stop = bound(vm, a.pos.get(3), len)?;
        let x = a.pos[1].clone();
        let hit = find(vm, d, start as usize, stop.max(start) as usize, |vm, v| vm.eq(v, &x), MUTATED)?;
        match hit {
            Some(i) => Ok(Value::Int(i as i64)),
            None => {
                let r = vm.repr_of(&x)?;
                Err(vm.value_error(&format!("{r} is not in deque")))
            }
        }
    });
    def(d, "insert", |vm, a| {
        a.no_kw(vm, "insert")?;
        let n = a.pos.len().saturating_sub(1);
        if n != 2 {
            return Err(vm.type_error(&format!("insert expected 2 arguments, got {n}")));
        }
        let d = this(vm, &a, "insert")?;
        let i = vm.index_of(&a.pos[1])?;
        let mut s = d.inner.lock();
        if s.maxlen.is_some_and(|m| s.items.len() >= m) {
            drop(s);
            return Err(vm.index_error("deque already at its maximum size"));
        }
        let len = s.items.len() as i64;
        let j = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
        s.items.insert(j, a.pos[2].clone());
        s.state += 1;
        Ok(Value::None)
    });
    def(d, "remove", |vm, a| {
        one_arg(vm, &a, "remove")?;
        let d = this(vm, &a, "remove")?;
        let x = a.pos[1].clone();
        // Items Rust can compare alone (ints, strs…) are found and removed under
        // one hold of the lock: atomic with the GIL off, as one C call is in CPython.
        let native = {
            let mut s = d.inner.lock();
            let mut outcome = Some(None);
            for (i, v) in s.items.iter().enumerate() {
                match crate::object::eq::native_eq(v, &x) {
                    Some(true) => {
                        outcome = Some(Some(i));
                        break;
                    }
                    Some(false) => {}
                    None => {
                        outcome = None;
                        break;
                    }
                }
            }
            match outcome {
                Some(Some(i)) => {
                    s.state += 1;
                    Some(s.items.remove(i))
                }
                Some(None) => Some(None),
                None => None,
            }
        };
        let hit = match native {
            Some(Some(old)) => {
                drop(old);
                return Ok(Value::None);
            }
            Some(None) => None,
            None => {
                let len = d.inner.lock().items.len();
                find(vm, d, 0, len, |vm, v| vm.eq(v, &x), ("IndexError", "deque mutated during iteration"))?
            }
        };
        match hit {
            Some(i) => {
                let old = {
                    let mut s = d.inner.lock();
                    s.state += 1;
                    s.items.remove(i)
                };
                drop(old);
                Ok(Value::None)
            }
            None => {
                let r = vm.repr_of(&x)?;
                Err(vm.value_error(&format!("{r} is not in deque")))
            }
        }
    });
    def(d, "reverse", |vm, a| {
        no_args(vm, &a, "reverse")?;
        // Not a change of length: iterators go on (as CPython's).
        let mut s = this(vm, &a, "reverse")?.inner.lock();
        s.items.make_contiguous().reverse();
        Ok(Value::None)
    });
    def(d, "rotate", |vm, a| {
        a.no_kw(vm, "rotate")?;
        let n = a.pos.len().saturating_sub(1);
        if n > 1 {
            return Err(vm.type_error(&format!("rotate expected at most 1 argument, got {n}")));
        }
        let k = match a.pos.get(1) {
            Some(v) => {
                let i = vm.exact_index(v)?;
                let Some(i) = i else {
                    let tn = vm.type_name(v);
                    return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
                };
                match crate::vm::numeric::to_big(&i) {
                    Some(b) => {
                        let len = this(vm, &a, "rotate")?.inner.lock().items.len().max(1);
                        let r = b % num_bigint::BigInt::from(len);
                        i64::try_from(r).unwrap_or(0)
                    }
                    None => vm.index_of(&i)?,
                }
            }
            None => 1,
        };
        this(vm, &a, "rotate")?.inner.lock().rotate(k);
        Ok(Value::None)
    });
    def(d, "__len__", |vm, a| Ok(Value::Int(this(vm, &a, "__len__")?.inner.lock().items.len() as i64)));
    def(d, "__bool__", |vm, a| Ok(Value::Bool(!this(vm, &a, "__bool__")?.inner.lock().items.is_empty())));
    def(d, "__getitem__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        let d = this(vm, &a, "__getitem__")?;
        let len = d.inner.lock().items.len();
        let i = position(vm, &a.pos[1], len)?;
        let v = d.inner.lock().items.get(i).cloned();
        v.ok_or_else(|| vm.index_error("deque index out of range"))
    });
    def(d, "__setitem__", |vm, a| {
        a.expect_after_self(vm, 2)?;
        let d = this(vm, &a, "__setitem__")?;
        let len = d.inner.lock().items.len();
        let i = position(vm, &a.pos[1], len)?;
        let old = d.inner.lock().items.get_mut(i).map(|slot| std::mem::replace(slot, a.pos[2].clone()));
        match old {
            Some(old) => {
                drop(old);
                Ok(Value::None)
            }
            None => Err(vm.index_error("deque index out of range")),
        }
    });
    def(d, "__delitem__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        let d = this(vm, &a, "__delitem__")?;
        let len = d.inner.lock().items.len();
        let i = position(vm, &a.pos[1], len)?;
        let old = {
            let mut s = d.inner.lock();
            s.state += 1;
            s.items.remove(i)
        };
        match old {
            Some(old) => {
                drop(old);
                Ok(Value::None)
            }
            None => Err(vm.index_error("deque index out of range")),
        }
    });
    def(d, "__repr__", |vm, a| {
        let d = this(vm, &a, "__repr__")?;
        repr(vm, a.pos.first().unwrap_or(&Value::None), d)
    });
    for (name, op) in super::RICH_COMPARISONS {
        def(d, name, move |vm, a| {
            a.expect_after_self(vm, 1)?;
            let me = this(vm, &a, name)?;
            let Some(other) = deque_of(&a.pos[1]) else { return Ok(Value::NotImplemented) };
            let mine: Vec<Value> = me.inner.lock().items.iter().cloned().collect();
            let theirs: Vec<Value> = other.inner.lock().items.iter().cloned().collect();
            vm.compare(&Value::list(mine), &Value::list(theirs), op)
        });
    }
    d.set_item_str("__hash__", Value::None);
    let c = cs.clone();
    def(d, "__add__", move |vm, a| {
        a.expect_after_self(vm, 1)?;
        let me = this(vm, &a, "__add__")?;
        let Some(other) = deque_of(&a.pos[1]) else {
            let tn = vm.type_name(&a.pos[1]);
            return Err(vm.type_error(&format!("can only concatenate deque (not \"{tn}\") to deque")));
        };
        let theirs: Vec<Value> = other.inner.lock().items.iter().cloned().collect();
        let new = copy(vm, a.pos.first().unwrap_or(&Value::None), &c)?;
        let _ = me;
        if let Some(n) = deque_of(&new) {
            let mut s = n.inner.lock();
            for v in theirs {
                s.push_right(v);
            }
        }
        Ok(new)
    });
    let c = cs.clone();
    let mul = move |vm: &mut Vm, a: Args| -> PyResult {
        a.expect_after_self(vm, 1)?;
        let n = vm.repeat_count(&a.pos[1])?;
        let new = copy(vm, a.pos.first().unwrap_or(&Value::None), &c)?;
        repeat(vm, &new, n)?;
        Ok(new)
    };
    let mul2 = mul.clone();
    def(d, "__mul__", mul);
    def(d, "__rmul__", mul2);
    def(d, "__imul__", |vm, a| {
        a.expect_after_self(vm, 1)?;
        let n = vm.repeat_count(&a.pos[1])?;
        repeat(vm, a.pos.first().unwrap_or(&Value::None), n)?;
        Ok(a.pos.first().cloned().unwrap_or(Value::None))
    });
    let c = cs.clone();
    def(d, "__iter__", move |vm, a| {
        let d = this(vm, &a, "__iter__")?;
        let state = d.inner.lock().state;
        Ok(new_iter(&c.iter, a.pos.first().cloned().unwrap_or(Value::None), 0, state, false))
    });
    let c = cs.clone();
    def(d, "__reversed__", move |vm, a| {
        let d = this(vm, &a, "__reversed__")?;
        let state = d.inner.lock().state;
        Ok(new_iter(&c.rev, a.pos.first().cloned().unwrap_or(Value::None), 0, state, true))
    });
    def(d, "__reduce__", |vm, a| {
        let me = a.pos.first().cloned().unwrap_or(Value::None);
        let d = this(vm, &a, "__reduce__")?;
        let maxlen = d.inner.lock().maxlen;
        let cls = vm.class_of(&me);
        let state = match &me {
            Value::Instance(i) if !cls.builtin => Value::Dict(i.dict.clone()),
            _ => Value::None,
        };
        let it = vm.get_iter(&me)?;
        let args = match maxlen {
            None => Value::tuple(vec![]),
            Some(m) => Value::tuple(vec![Value::tuple(vec![]), Value::Int(m as i64)]),
        };
        Ok(Value::tuple(vec![Value::Class(cls), args, state, it]))
    });
    def(d, "__sizeof__", |vm, a| {
        let n = this(vm, &a, "__sizeof__")?.inner.lock().items.capacity();
        Ok(Value::Int(64 + 8 * n as i64))
    });
}

/// `d *= n` on the deque `me`.
fn repeat(vm: &mut Vm, me: &Value, n: i64) -> PyResult<()> {
    let d = deque_of(me).ok_or_else(|| vm.type_error("descriptor '__imul__' requires a 'collections.deque' object"))?;
    let mut s = d.inner.lock();
    if n == 1 {
        return Ok(());
    }
    if n <= 0 {
        s.items.clear();
        s.state += 1;
        return Ok(());
    }
    let items: Vec<Value> = s.items.iter().cloned().collect();
    let total = (items.len() as u128) * (n as u128);
    // With a maxlen only the last `maxlen` items survive: never build more.
    let keep = match s.maxlen {
        Some(m) => (m as u128).min(total),
        None => total,
    };
    if s.maxlen.is_none() && total > (isize::MAX as u128) / 16 {
        drop(s);
        return Err(vm.memory_error());
    }
    if items.is_empty() {
        return Ok(());
    }
    let mut out = VecDeque::with_capacity(keep as usize);
    let skip = total - keep;
    let len = items.len() as u128;
    for k in skip..total {
        out.push_back(items[(k % len) as usize].clone());
    }
    s.items = out;
    s.state += 1;
    Ok(())
}

/// `_deque_iterator` / `_deque_reverse_iterator`: a position in a deque and
/// the deque's change counter when the iterator was made.
pub struct DequeIter {
    class: Arc<Class>,
    deque: Value,
    pos: Mutex<(usize, u64)>,
    reverse: bool,
}

impl crate::object::native::NativeObject for DequeIter {
    fn class(&self) -> &Arc<Class> {
        &self.class
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    /// `for x in d` steps here without calling `__next__`.
    fn next_item(&self, vm: &mut Vm, _this: &Value) -> Option<PyResult<Option<Value>>> {
        Some(self.step(vm))
    }
}

fn new_iter(cls: &Arc<Class>, deque: Value, pos: usize, state: u64, reverse: bool) -> Value {
    Value::from_native(Arc::new(DequeIter { class: cls.clone(), deque, pos: Mutex::new((pos, state)), reverse }))
}

impl DequeIter {
    fn step(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(d) = deque_of(&self.deque) else { return Ok(None) };
        let s = d.inner.lock();
        let mut p = self.pos.lock();
        if s.state != p.1 {
            p.0 = s.items.len();
            drop((s, p));
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
        let len = s.items.len();
        if p.0 >= len {
            return Ok(None);
        }
        let i = if self.reverse { len - 1 - p.0 } else { p.0 };
        p.0 += 1;
        Ok(s.items.get(i).cloned())
    }

    fn remaining(&self) -> usize {
        let Some(d) = deque_of(&self.deque) else { return 0 };
        let len = d.inner.lock().items.len();
        len.saturating_sub(self.pos.lock().0)
    }
}

fn iter_of<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a DequeIter> {
    a.native_self::<DequeIter>()
        .ok_or_else(|| vm.type_error("descriptor requires a '_collections._deque_iterator' object"))
}

fn register_iter(cls: &Arc<Class>, deque_cls: &Arc<Class>, reverse: bool) {
    let d = &cls.dict;
    let (me, dc) = (cls.clone(), deque_cls.clone());
    def(d, "__new__", move |vm, a| {
        let n = a.pos.len().saturating_sub(1);
        if !(1..=2).contains(&n) {
            return Err(vm.type_error(&format!("{}() expected 1 or 2 arguments, got {n}", me.name().as_str())));
        }
        let Some(dq) = deque_of(&a.pos[1]) else {
            let tn = vm.type_name(&a.pos[1]);
            return Err(vm.type_error(&format!("argument 1 must be collections.deque, not {tn}")));
        };
        let _ = &dc;
        let state = dq.inner.lock().state;
        let len = dq.inner.lock().items.len();
        let start = match a.pos.get(2) {
            Some(v) => vm.index_of(v)?.clamp(0, len as i64) as usize,
            None => 0,
        };
        Ok(new_iter(&me, a.pos[1].clone(), start, state, reverse))
    });
    def(d, "__iter__", |_vm, a| Ok(a.pos.first().cloned().unwrap_or(Value::None)));
    def(d, "__next__", |vm, a| match iter_of(vm, &a)?.step(vm)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(None)),
    });
    def(d, "__length_hint__", |vm, a| Ok(Value::Int(iter_of(vm, &a)?.remaining() as i64)));
    def(d, "__reduce__", |vm, a| {
        let it = iter_of(vm, &a)?;
        let pos = it.pos.lock().0;
        let cls = it.class.clone();
        Ok(Value::tuple(vec![Value::Class(cls), Value::tuple(vec![it.deque.clone(), Value::Int(pos as i64)])]))
    });
}

/// Creates `deque`, `_deque_iterator` and `_deque_reverse_iterator` in `m`.
pub fn register(vm: &mut Vm, m: &crate::object::dict::Dict) {
    let object = std::slice::from_ref(&vm.rt.types.object);
    let deque = new_overriding_builtin_class("deque", object, Layout::NativeNew);
    deque.dict.set_item_str("__module__", Value::str("collections"));
    let iter = new_builtin_class("_deque_iterator", object, Layout::Opaque);
    let rev = new_builtin_class("_deque_reverse_iterator", object, Layout::Opaque);
    for c in [&iter, &rev] {
        c.dict.set_item_str("__module__", Value::str("_collections"));
    }
    let cs = Classes { deque: deque.clone(), iter: iter.clone(), rev: rev.clone() };
    register_methods(&deque, &cs);
    register_iter(&iter, &deque, false);
    register_iter(&rev, &deque, true);
    let getter = Vm::native("maxlen", |vm, a| {
        let m = this(vm, &a, "maxlen")?.inner.lock().maxlen;
        Ok(m.map(|m| Value::Int(m as i64)).unwrap_or(Value::None))
    });
    readonly_property(vm, &deque, "maxlen", getter);
    m.set_item_str("deque", Value::Class(deque));
    m.set_item_str("_deque_iterator", Value::Class(iter));
    m.set_item_str("_deque_reverse_iterator", Value::Class(rev));
}
