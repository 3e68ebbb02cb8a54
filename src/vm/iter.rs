//! Iteration: `iter()`, `next()`, generators and coroutines (resuming a
//! suspended frame, `send`, `throw`, `close`).

use std::sync::Arc;

use parking_lot::Mutex;

use super::eval::Exit;
use super::frame::Frame;
use super::{PyErr, PyResult, Vm};
use crate::bytecode::instr::Instr;
use crate::object::generator::{GenKind, Generator};
use crate::object::iter::{DictIterKind, NativeIter};
use crate::object::value::Value;
use crate::runtime::eventloop::as_fut;
use crate::runtime::eventloop_fut::FutIter;

/// What one step of a generator produced.
pub enum SendResult {
    Yielded(Value),
    Returned(Value),
}

impl Vm {
    /// `iter(v)`.
    pub fn get_iter(&mut self, v: &Value) -> PyResult {
        let it = match v {
            Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) => NativeIter::seq(v.clone()),
            Value::Range(r) => match r.len() {
                Some(n) if !r.is_big() => NativeIter::range(r.start, n, r.step),
                // Bounds beyond machine words: item by item through `r[k]`.
                _ => NativeIter::GetItem { obj: v.clone(), index: Mutex::new(0) },
            },
            Value::Dict(d) => NativeIter::Dict {
                dict: d.clone(),
                kind: DictIterKind::Keys,
                pos: std::sync::atomic::AtomicUsize::new(0),
                len_at_start: d.len(),
            },
            Value::Set(s) => {
                let t = s.lock();
                NativeIter::Set { set: s.clone(), len_at_start: t.len(), keys: Mutex::new(t.keys().into_iter()) }
            }
            // Coroutines and async generators have no `__iter__` (a coroutine
            // is iterated through its `__await__()`, a coroutine_wrapper).
            Value::Generator(g) if g.kind != GenKind::Generator => return Err(self.not_iterable(v)),
            Value::Iter(_) | Value::Generator(_) => return Ok(v.clone()),
            Value::Instance(inst) => {
                if let Some(m) = inst.class.lookup_user("__iter__") {
                    // `__iter__ = None` marks the class not iterable.
                    if m.is_none() {
                        return Err(self.not_iterable(v));
                    }
                    let r = self.call_method_value(&m, v.clone(), vec![])?;
                    if !self.is_iterator(&r) {
                        let tn = self.type_name(&r);
                        return Err(self.type_error(&format!("iter() returned non-iterator of type '{tn}'")));
                    }
                    return Ok(r);
                }
                if let Some(p) = inst.builtin_value().cloned() {
                    // An instance of a subclass of an iterator type
                    // (`class E(enumerate)`) is its own iterator: its class's
                    // `__next__` steps it.
                    if matches!(p, Value::Iter(_)) {
                        return Ok(v.clone());
                    }
                    return self.get_iter(&p);
                }
                if inst.class.lookup_user("__getitem__").is_some() {
                    NativeIter::GetItem { obj: v.clone(), index: Mutex::new(0) }
                } else {
                    return Err(self.not_iterable(v));
                }
            }
            _ => {
                let cls = self.class_of(v);
                if let Some(m) = cls.lookup("__iter__") {
                    return self.call_method_value(&m, v.clone(), vec![]);
                }
                if let Value::Class(c) = v
                    && let Some(meta) = &c.metaclass
                    && let Some(m) = meta.lookup("__iter__")
                {
                    return self.call_method_value(&m, v.clone(), vec![]);
                }
                return Err(self.not_iterable(v));
            }
        };
        Ok(Value::Iter(Arc::new(it)))
    }

    fn not_iterable(&self, v: &Value) -> PyErr {
        let tn = self.type_name(v);
        self.type_error(&format!("'{tn}' object is not iterable"))
    }

    fn is_iterator(&self, v: &Value) -> bool {
        match v {
            Value::Iter(_) | Value::Generator(_) => true,
            _ => self.class_of(v).lookup("__next__").is_some(),
        }
    }

    /// `next(it)`: Some(value), or None when exhausted.
    pub fn next_value(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iter(ni) => self.native_next(ni),
            Value::Generator(g) => match self.resume(g, Value::None)? {
                SendResult::Yielded(v) => Ok(Some(v)),
                SendResult::Returned(_) => Ok(None),
            },
            _ => {
                if let Value::Native2(o) = it
                    && let Some(r) = o.next_item(self, it)
                {
                    return r;
                }
                let cls = self.class_of(it);
                let Some(m) = cls.lookup("__next__") else {
                    let tn = self.type_name(it);
                    return Err(self.type_error(&format!("'{tn}' object is not an iterator")));
                };
                match self.call_method_value(&m, it.clone(), vec![]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.is_exc(&e, "StopIteration") => Ok(None),
                    Err(e) => Err(e),
                }
            }
        }
    }

    fn native_next(&mut self, ni: &Arc<NativeIter>) -> PyResult<Option<Value>> {
        match &**ni {
            NativeIter::Seq { seq, pos } => {
                use std::sync::atomic::Ordering::Relaxed;
                if let Some(next) = ni.next_simple() {
                    return Ok(next);
                }
                match seq {
                    Value::Str(s) => {
                        let st = s.as_str();
                        loop {
                            let p = pos.load(Relaxed);
                            let Some(c) = st.get(p..).and_then(|rest| rest.chars().next()) else {
                                // Exhausted for good, as a list iterator (and pickles so).
                                pos.store(usize::MAX / 2, Relaxed);
                                return Ok(None);
                            };
                            if pos.compare_exchange(p, p + c.len_utf8(), Relaxed, Relaxed).is_ok() {
                                if c == '\u{fffd}' && s.has_surrogates() {
                                    return Ok(Some(crate::object::str::cp_value(s.code_point_at_byte(p))));
                                }
                                return Ok(Some(Value::string(c.to_string())));
                            }
                        }
                    }
                    // Lists, tuples and bytes step in `next_simple`.
                    _ => Ok(None),
                }
            }
            NativeIter::SeqRev { seq: seq @ (Value::List(_) | Value::Tuple(_)), pos } => {
                let mut p = pos.lock();
                if *p < 0 {
                    return Ok(None);
                }
                let items = self.seq_items(seq);
                let i = *p as usize;
                *p -= 1;
                Ok(items.get(i).cloned())
            }
            // Any other sequence is indexed (no lock held while `__getitem__`
            // runs); an IndexError or StopIteration ends it for good.
            NativeIter::SeqRev { seq, pos } => {
                let i = *pos.lock();
                if i < 0 {
                    return Ok(None);
                }
                match self.get_item(seq, &Value::Int(i as i64)) {
                    Ok(v) => {
                        *pos.lock() = i - 1;
                        Ok(Some(v))
                    }
                    Err(e) if self.is_exc(&e, "IndexError") || self.is_exc(&e, "StopIteration") => {
                        *pos.lock() = -1;
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            NativeIter::Range { .. } => Ok(ni.next_simple().flatten()),
            NativeIter::Dict { dict, kind, pos, len_at_start } => {
                let t = dict.lock();
                if t.len() != *len_at_start {
                    drop(t);
                    return Err(self.runtime_error("dictionary changed size during iteration"));
                }
                use std::sync::atomic::Ordering::Relaxed;
                match t.next_from(pos.load(Relaxed)) {
                    Some((e, next)) => {
                        pos.store(next, Relaxed);
                        Ok(Some(match kind {
                            DictIterKind::Keys => e.key.clone(),
                            DictIterKind::Values => e.value.clone(),
                            DictIterKind::Items => Value::tuple(vec![e.key.clone(), e.value.clone()]),
                        }))
                    }
                    None => {
                        pos.store(usize::MAX / 2, Relaxed);
                        Ok(None)
                    }
                }
            }
            NativeIter::Values(vals, _) => Ok(vals.lock().next()),
            NativeIter::Set { set, keys, len_at_start } => {
                if set.len() != *len_at_start {
                    return Err(self.runtime_error("Set changed size during iteration"));
                }
                Ok(keys.lock().next())
            }
            NativeIter::Enumerate { inner, count } => {
                let Some(v) = self.next_value(inner)? else { return Ok(None) };
                {
                    // The usual small count: one lock, no generic addition.
                    let mut c = count.lock();
                    if let Value::Int(n) = *c
                        && n < i64::MAX
                    {
                        *c = Value::Int(n + 1);
                        return Ok(Some(Value::tuple(vec![Value::Int(n), v])));
                    }
                }
                let c = count.lock().clone();
                let next = self.binary_op(&c, &Value::Int(1), crate::parse::ast::BinOp::Add)?;
                *count.lock() = next;
                Ok(Some(Value::tuple(vec![c, v])))
            }
            NativeIter::Zip { iters, strict, done } => {
                if *done.lock() {
                    return Ok(None);
                }
                let mut out = Vec::with_capacity(iters.len());
                for (i, it) in iters.iter().enumerate() {
                    match self.next_value(it)? {
                        Some(v) => out.push(v),
                        None => {
                            *done.lock() = true;
                            if *strict {
                                if i > 0 {
                                    return Err(self.value_error(&format!(
                                        "zip() argument {} is shorter than argument{} {}",
                                        i + 1,
                                        if i == 1 { "" } else { "s" },
                                        if i == 1 { "1".to_string() } else { format!("1-{i}") }
                                    )));
                                }
                                for (j, rest) in iters.iter().enumerate().skip(1) {
                                    if self.next_value(rest)?.is_some() {
                                        return Err(self.value_error(&format!(
                                            "zip() argument {} is longer than argument{} {}",
                                            j + 1,
                                            if j == 1 { "" } else { "s" },
                                            if j == 1 { "1".to_string() } else { format!("1-{j}") }
                                        )));
                                    }
                                }
                            }
                            return Ok(None);
                        }
                    }
                }
                if iters.is_empty() {
                    return Ok(None);
                }
                Ok(Some(Value::tuple(out)))
            }
            NativeIter::Map { func, iters } => {
                let mut args = Vec::with_capacity(iters.len());
                for it in iters {
                    match self.next_value(it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                self.call(func, args).map(Some)
            }
            NativeIter::Filter { func, iter } => loop {
                let Some(v) = self.next_value(iter)? else { return Ok(None) };
                let keep = if func.is_none() {
                    self.truthy(&v)?
                } else {
                    let r = self.call(func, vec![v.clone()])?;
                    self.truthy(&r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            },
            NativeIter::Callable { func, sentinel, done } => {
                if *done.lock() {
                    return Ok(None);
                }
                let v = self.call(func, vec![])?;
                if self.eq(&v, sentinel)? {
                    *done.lock() = true;
                    return Ok(None);
                }
                Ok(Some(v))
            }
            NativeIter::GetItem { obj, index } => {
                let i = *index.lock();
                if i < 0 {
                    // Exhausted: stays so even if the sequence grows (CPython drops it).
                    return Ok(None);
                }
                match self.get_item(obj, &Value::Int(i)) {
                    Ok(v) => {
                        *index.lock() = i + 1;
                        Ok(Some(v))
                    }
                    Err(e) if self.is_exc(&e, "IndexError") || self.is_exc(&e, "StopIteration") => {
                        *index.lock() = -1;
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// All items of an iterable.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => Ok(l.snapshot()),
            Value::Tuple(t) => Ok(t.items.to_vec()),
            Value::Range(r) if !r.is_big() => {
                // The size is known: a range too long for memory is a MemoryError, not an abort.
                let n = r.len().unwrap_or(0);
                let mut out = self.try_vec(n as usize)?;
                out.extend((0..n).map(|k| Value::Int(r.get(k))));
                Ok(out)
            }
            _ => {
                let it = self.get_iter(v)?;
                let mut out = Vec::new();
                while let Some(x) = self.next_value(&it)? {
                    out.push(x);
                }
                Ok(out)
            }
        }
    }

    /// Unpacks exactly `n` items (for `a, b = seq`).
    pub fn unpack(&mut self, v: &Value, n: usize) -> PyResult<Vec<Value>> {
        let items = match v {
            Value::Tuple(t) => t.items.to_vec(),
            Value::List(l) => l.snapshot(),
            _ => {
                let it = match self.get_iter(v) {
                    Ok(it) => it,
                    // Only the TypeError of a type without `__iter__` or
                    // `__getitem__` is reworded; an `__iter__` that raised
                    // keeps its own error.
                    Err(e)
                        if self.is_exc(&e, "TypeError")
                            && !{
                                let c = self.class_of(v);
                                c.lookup("__iter__").is_some() || c.lookup("__getitem__").is_some()
                            } =>
                    {
                        let tn = self.type_name(v);
                        return Err(self.type_error(&format!("cannot unpack non-iterable {tn} object")));
                    }
                    Err(e) => return Err(e),
                };
                let mut out = Vec::with_capacity(n);
                while let Some(x) = self.next_value(&it)? {
                    out.push(x);
                    if out.len() > n {
                        return Err(self.value_error(&format!("too many values to unpack (expected {n})")));
                    }
                }
                out
            }
        };
        if items.len() > n {
            return Err(self.value_error(&format!("too many values to unpack (expected {n})")));
        }
        if items.len() < n {
            return Err(self.value_error(&format!("not enough values to unpack (expected {n}, got {})", items.len())));
        }
        Ok(items)
    }

    // ---- generators ----------------------------------------------------

    /// Resumes a generator with `sent` (the value of the paused `yield`).
    pub fn resume(&mut self, g: &Arc<Generator>, sent: Value) -> PyResult<SendResult> {
        self.resume_with(g, Ok(sent))
    }

    /// Resumes with either a value or an exception to raise at the `yield`.
    pub fn resume_with(&mut self, g: &Arc<Generator>, input: Result<Value, PyErr>) -> PyResult<SendResult> {
        let mut frame = {
            let mut st = g.state.lock();
            if st.running {
                drop(st);
                return Err(self.value_error(&format!("{} already executing", kind_word(g.kind))));
            }
            match st.frame.take() {
                Some(f) => {
                    st.running = true;
                    st.awaited = true;
                    st.running_frame = &*f as *const Frame as usize;
                    f
                }
                None => {
                    drop(st);
                    if g.kind == GenKind::Coroutine {
                        return Err(self.runtime_error("cannot reuse already awaited coroutine"));
                    }
                    return match input {
                        Err(e) => Err(e),
                        Ok(_) => Ok(SendResult::Returned(Value::None)),
                    };
                }
            }
        };
        let just_started = frame.pc == 0;
        match input {
            Ok(v) => {
                if just_started {
                    if !v.is_none() {
                        g.state.lock().frame = Some(frame);
                        g.state.lock().running = false;
                        let msg = format!("can't send non-None value to a just-started {}", kind_word(g.kind));
                        return Err(self.type_error(&msg));
                    }
                } else {
                    frame.stack.push(v);
                }
            }
            Err(e) => {
                // Raise inside the generator at its paused yield.
                if just_started {
                    let mut st = g.state.lock();
                    st.running = false;
                    st.finished = true;
                    return Err(e);
                }
                if let Some(target) = delegation_target(&frame) {
                    return self.throw_delegated(g, frame, e, target);
                }
                frame.stack.push(Value::None);
                return self.resume_raising(g, frame, e);
            }
        }
        let (r, frame) = self.run_pushed(frame);
        self.finish_step(g, r, frame)
    }

    /// `throw()` into a generator paused inside `yield from` / `await`:
    /// the exception goes to the innermost delegate first (PEP 380), so
    /// its `finally` blocks run; `GeneratorExit` closes the delegate and is
    /// then raised here.
    fn throw_delegated(
        &mut self,
        g: &Arc<Generator>,
        mut frame: Box<Frame>,
        e: PyErr,
        target: usize,
    ) -> PyResult<SendResult> {
        let delegate = frame.stack.last().cloned().unwrap_or(Value::None);
        let outcome = if self.is_exc(&e, "GeneratorExit") {
            let closed = match &delegate {
                Value::Generator(d) => self.gen_close(d),
                _ => match self.class_of(&delegate).lookup("close") {
                    Some(m) => self.call_method_value(&m, delegate.clone(), vec![]).map(drop),
                    None => Ok(()),
                },
            };
            match closed {
                Ok(()) => Err(e),
                Err(e2) => Err(e2),
            }
        } else {
            match &delegate {
                Value::Generator(d) => self.gen_throw(d, e),
                _ => match self.class_of(&delegate).lookup("throw") {
                    Some(m) => match self.call_method_value(&m, delegate.clone(), vec![e.value()]) {
                        Ok(y) => Ok(SendResult::Yielded(y)),
                        Err(e2) if self.is_exc(&e2, "StopIteration") => {
                            Ok(SendResult::Returned(self.exc_args(&e2).into_iter().next().unwrap_or(Value::None)))
                        }
                        Err(e2) => Err(e2),
                    },
                    None => Err(e),
                },
            }
        };
        match outcome {
            Ok(SendResult::Yielded(y)) => {
                let mut st = g.state.lock();
                st.frame = Some(frame);
                st.running = false;
                Ok(SendResult::Yielded(y))
            }
            Ok(SendResult::Returned(v)) => {
                // The delegation finished: continue after the loop with its value.
                frame.stack.pop();
                frame.stack.push(v);
                frame.pc = target;
                let (r, frame) = self.run_pushed(frame);
                self.finish_step(g, r, frame)
            }
            Err(e2) => {
                frame.stack.pop();
                frame.stack.push(Value::None);
                self.resume_raising(g, frame, e2)
            }
        }
    }

    /// Whether a suspended generator is paused inside `yield from` / `await`
    /// (its next instruction jumps back to a `Send`).
    pub fn gen_is_delegating(&self, g: &Generator) -> bool {
        g.state.lock().frame.as_ref().is_some_and(|f| delegation_target(f).is_some())
    }

    /// What a suspended generator delegates to (`gi_yieldfrom`, `cr_await`):
    /// the iterator of the `yield from`/`await` it is paused in, else None.
    pub fn gen_delegate(&self, g: &Generator) -> Value {
        let st = g.state.lock();
        match st.frame.as_ref() {
            Some(f) if delegation_target(f).is_some() => f.stack.last().cloned().unwrap_or(Value::None),
            _ => Value::None,
        }
    }

    fn resume_raising(&mut self, g: &Arc<Generator>, mut frame: Box<Frame>, e: PyErr) -> PyResult<SendResult> {
        // Simulate the exception being raised by the instruction after the yield.
        frame.stack.pop();
        let (r, frame) = self.run_pushed_with_error(frame, e);
        self.finish_step(g, r, frame)
    }

    fn finish_step(&mut self, g: &Arc<Generator>, r: PyResult<Exit>, frame: Box<Frame>) -> PyResult<SendResult> {
        let mut st = g.state.lock();
        st.running = false;
        match r {
            Ok(Exit::Yield(v)) => {
                let mut frame = frame;
                // A suspended coroutine may wait long (100,000 sleeping tasks):
                // keep only the stack it uses. Generators resume at once, so
                // they keep their capacity.
                if g.kind == GenKind::Coroutine && frame.stack.capacity() > frame.stack.len() + 1 {
                    frame.stack.shrink_to_fit();
                }
                st.frame = Some(frame);
                Ok(SendResult::Yielded(v))
            }
            Ok(Exit::Return(v)) => {
                st.finished = true;
                Ok(SendResult::Returned(v))
            }
            Err(e) => {
                st.finished = true;
                drop(st);
                if self.is_exc(&e, "StopIteration") {
                    let msg = match g.kind {
                        GenKind::Coroutine => "coroutine raised StopIteration",
                        GenKind::AsyncGenerator => "async generator raised StopIteration",
                        GenKind::Generator => "generator raised StopIteration",
                    };
                    let ne = self.runtime_error(msg);
                    if let Some(s) = ne.exc.exc() {
                        s.lock().cause = Some(e.value());
                    }
                    return Err(ne);
                }
                if g.kind == GenKind::AsyncGenerator && self.is_exc(&e, "StopAsyncIteration") {
                    let ne = self.runtime_error("async generator raised StopAsyncIteration");
                    if let Some(s) = ne.exc.exc() {
                        s.lock().cause = Some(e.value());
                    }
                    return Err(ne);
                }
                Err(e)
            }
        }
    }

    /// One `Send` step of `yield from` / `await`.
    pub fn send_to(&mut self, it: &Value, v: Value) -> PyResult<SendResult> {
        match it {
            Value::Generator(g) => self.resume(g, v),
            Value::Native2(o) if o.as_any().is::<FutIter>() => {
                let fi = o.as_any().downcast_ref::<FutIter>().expect("FutIter");
                fi.step(self, Ok(v))
            }
            Value::Native2(_) if let Some(f) = as_fut(it) => FutIter::step_fut(&f, self, Ok(v)),
            Value::Native2(o) if let Some(w) = o.as_any().downcast_ref::<crate::stdlib::types_gen::CoroWrapper>() => {
                let g = w.coro.clone();
                self.resume(&g, v)
            }
            _ => {
                if v.is_none() {
                    return match self.next_value_raw(it)? {
                        Ok(y) => Ok(SendResult::Yielded(y)),
                        Err(ret) => Ok(SendResult::Returned(ret)),
                    };
                }
                match self.call_method(it, "send", vec![v]) {
                    Ok(y) => Ok(SendResult::Yielded(y)),
                    Err(e) if self.is_exc(&e, "StopIteration") => {
                        Ok(SendResult::Returned(self.exc_args(&e).into_iter().next().unwrap_or(Value::None)))
                    }
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// next() that reports StopIteration's value: Ok(Ok(item)) or Ok(Err(return value)).
    fn next_value_raw(&mut self, it: &Value) -> PyResult<Result<Value, Value>> {
        match it {
            Value::Iter(_) => Ok(self.next_value(it)?.ok_or(Value::None)),
            _ => {
                let cls = self.class_of(it);
                let Some(m) = cls.lookup("__next__") else {
                    let tn = self.type_name(it);
                    return Err(self.type_error(&format!("'{tn}' object is not an iterator")));
                };
                match self.call_method_value(&m, it.clone(), vec![]) {
                    Ok(v) => Ok(Ok(v)),
                    Err(e) if self.is_exc(&e, "StopIteration") => {
                        Ok(Err(self.exc_args(&e).into_iter().next().unwrap_or(Value::None)))
                    }
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// `await v`: the iterator to delegate to.
    pub fn get_awaitable(&mut self, v: Value) -> PyResult {
        match &v {
            Value::Generator(g) if g.kind == GenKind::Coroutine => Ok(v),
            // A generator of a `types.coroutine` function is awaited as it is.
            Value::Generator(g)
                if g.kind == GenKind::Generator
                    && g.state
                        .lock()
                        .frame
                        .as_ref()
                        .is_some_and(|f| f.code.flags & crate::bytecode::code::flags::ITERABLE_COROUTINE != 0) =>
            {
                Ok(v)
            }
            // A native future is its own awaitable iterator (no FutureIter object).
            Value::Native2(o) if o.as_any().is::<crate::runtime::eventloop_fut::Fut>() => Ok(v),
            _ => {
                let cls = self.class_of(&v);
                if let Some(m) = cls.lookup("__await__") {
                    let it = self.call_method_value(&m, v.clone(), vec![])?;
                    // CPython's checks of what `__await__` returned.
                    if matches!(&it, Value::Generator(g) if g.kind == GenKind::Coroutine) {
                        return Err(self.type_error("__await__() returned a coroutine"));
                    }
                    let is_iter = match &it {
                        Value::Iter(_) | Value::Generator(_) => true,
                        Value::Native2(o) if o.as_any().is::<crate::runtime::eventloop_fut::Fut>() => true,
                        other => self.class_of(other).lookup("__next__").is_some(),
                    };
                    if !is_iter {
                        let tn = self.type_name(&it);
                        return Err(self.type_error(&format!("__await__() returned non-iterator of type '{tn}'")));
                    }
                    return Ok(it);
                }
                let tn = self.type_name(&v);
                Err(self.type_error(&format!("object {tn} can't be used in 'await' expression")))
            }
        }
    }

    /// `gen.throw(exc)`.
    pub fn gen_throw(&mut self, g: &Arc<Generator>, e: PyErr) -> PyResult<SendResult> {
        self.resume_with(g, Err(e))
    }

    /// `gen.close()`.
    pub fn gen_close(&mut self, g: &Arc<Generator>) -> PyResult<()> {
        let started = {
            let st = g.state.lock();
            if st.frame.is_none() {
                return Ok(());
            }
            st.frame.as_ref().map(|f| f.pc > 0).unwrap_or(false)
        };
        if !started {
            let mut st = g.state.lock();
            st.frame = None;
            st.finished = true;
            return Ok(());
        }
        let ge = self.err("GeneratorExit", "");
        let ge = self.new_exception(&ge.exc.class.clone(), vec![]);
        match self.gen_throw(g, ge) {
            Ok(SendResult::Yielded(_)) => Err(self.runtime_error(if g.kind == GenKind::Coroutine {
                "coroutine ignored GeneratorExit"
            } else {
                "generator ignored GeneratorExit"
            })),
            Ok(SendResult::Returned(_)) => Ok(()),
            Err(e) if self.is_exc(&e, "GeneratorExit") || self.is_exc(&e, "StopIteration") => Ok(()),
            Err(e) => Err(e),
        }
    }
}

/// For a frame paused at the `YieldValue` of a `yield from` / `await`
/// loop (`Send(end); YieldValue; Jump(send)`), the label after the loop.
/// How CPython's messages name a generator of this kind.
fn kind_word(kind: GenKind) -> &'static str {
    match kind {
        GenKind::Generator => "generator",
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async generator",
    }
}

fn delegation_target(frame: &Frame) -> Option<usize> {
    let code = &frame.code;
    let pc = frame.pc;
    if pc == 0 || !matches!(code.instrs.get(pc - 1), Some(Instr::YieldValue)) {
        return None;
    }
    match code.instrs.get(pc) {
        Some(Instr::Jump(start)) => match code.instrs.get(*start as usize) {
            Some(Instr::Send(end)) if frame.stack.last().is_some() => Some(*end as usize),
            _ => None,
        },
        _ => None,
    }
}
