//! Slices and indices of the built-in sequences: resolving `a[i:j:k]`
//! against a length, copying only the items a slice selects, and the range
//! object's indexing, where any int is a valid bound.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use super::{PyResult, Vm};
use crate::object::range::{Range, big_slice};
use crate::object::value::{Slice, Value};

/// A slice resolved against a length: the first index, the step and the
/// number of items (CPython's `PySlice_AdjustIndices`). `stop` is kept for
/// callers that splice a contiguous run.
#[derive(Clone, Copy, Debug)]
pub struct SliceSpan {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub count: i64,
}

impl SliceSpan {
    /// Resolves raw bounds (None = omitted, ints already saturated to
    /// ±i64::MAX) against `len`.
    pub fn adjust(start: Option<i64>, stop: Option<i64>, step: i64, len: i64) -> SliceSpan {
        let (lo, hi) = if step > 0 { (0, len) } else { (-1, len - 1) };
        let fix = |v: Option<i64>, default: i64| match v {
            None => default,
            Some(i) => (if i < 0 { i.saturating_add(len) } else { i }).clamp(lo, hi),
        };
        let start = fix(start, if step > 0 { 0 } else { len - 1 });
        let stop = fix(stop, if step > 0 { len } else { -1 });
        let count = if step > 0 {
            if stop > start { (stop - start - 1) / step + 1 } else { 0 }
        } else if start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        SliceSpan { start, stop, step, count }
    }

    /// The positions the slice selects, in order.
    pub fn positions(self) -> impl Iterator<Item = usize> {
        (0..self.count).map(move |k| (self.start + k * self.step) as usize)
    }
}

impl Vm {
    /// A slice bound or step as an i64: ints beyond machine words saturate,
    /// as CPython's `_PyEval_SliceIndex` clamps them to ±PY_SSIZE_T_MAX.
    pub fn slice_bound(&mut self, v: &Value) -> PyResult<i64> {
        self.slice_bound_or(v, "slice indices must be integers or None or have an __index__ method")
    }

    /// [`Vm::slice_bound`] with the TypeError message of the caller
    /// (`list.index` words it without "or None").
    pub fn slice_bound_or(&mut self, v: &Value, type_msg: &str) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Boolean(b) => Ok(b.get() as i64),
            Value::BigInt(b) => Ok(if b.is_negative() { -i64::MAX } else { i64::MAX }),
            _ => match self.exact_index(v)? {
                Some(Value::BigInt(b)) => Ok(if b.is_negative() { -i64::MAX } else { i64::MAX }),
                Some(Value::Int(i)) => Ok(i),
                _ => Err(self.type_error(type_msg)),
            },
        }
    }

    /// An index that must fit a machine word (`list.insert`, `list.pop`):
    /// bigger ints are CPython's OverflowError.
    pub fn ssize_index(&mut self, v: &Value) -> PyResult<i64> {
        match self.exact_index(v)? {
            Some(Value::Int(i)) => Ok(i),
            Some(_) => Err(self.overflow_error("Python int too large to convert to C ssize_t")),
            None => self.index_of(v),
        }
    }

    /// `v.__index__()` as an exact int value (`Int` or `BigInt`), or None
    /// when `v` has no `__index__`.
    pub fn exact_index(&mut self, v: &Value) -> PyResult<Option<Value>> {
        match v {
            Value::Int(_) | Value::BigInt(_) => Ok(Some(v.clone())),
            Value::Boolean(b) => Ok(Some(Value::Int(b.get() as i64))),
            Value::Instance(inst) => {
                // An int subclass is its own index: `__index__` is not called
                // (CPython's `_PyNumber_Index` checks `PyLong_Check` first).
                let payload = inst.builtin_value().cloned();
                if let Some(p @ (Value::Int(_) | Value::BigInt(_) | Value::Boolean(_))) = &payload {
                    return self.exact_index(p);
                }
                if let Some(m) = inst.class.lookup_user("__index__") {
                    let r = self.call_method_value(&m, v.clone(), vec![])?;
                    let strict_subclass = match &r {
                        Value::Int(_) | Value::BigInt(_) => return Ok(Some(r)),
                        Value::Boolean(_) => true,
                        Value::Instance(i) => {
                            matches!(i.builtin_value(), Some(Value::Int(_) | Value::BigInt(_) | Value::Boolean(_)))
                        }
                        _ => false,
                    };
                    let tn = self.type_name(&r);
                    if !strict_subclass {
                        return Err(self.type_error(&format!("__index__ returned non-int (type {tn})")));
                    }
                    self.warn(
                        "DeprecationWarning",
                        &format!(
                            "__index__ returned non-int (type {tn}).  The ability to return an instance of a \
                             strict subclass of int is deprecated, and may be removed in a future version of Python."
                        ),
                        1,
                    )?;
                    return self.exact_index(&r);
                }
                match payload {
                    Some(p) => self.exact_index(&p),
                    None => Ok(None),
                }
            }
            _ => Ok(None),
        }
    }

    /// `v.__index__()` as a big int, with CPython's TypeError otherwise.
    pub fn index_bigint(&mut self, v: &Value) -> PyResult<BigInt> {
        match self.exact_index(v)? {
            Some(Value::Int(i)) => Ok(BigInt::from(i)),
            Some(Value::BigInt(b)) => Ok((*b).clone()),
            _ => {
                let tn = self.type_name(v);
                Err(self.type_error(&format!("'{tn}' object cannot be interpreted as an integer")))
            }
        }
    }

    /// The raw parts of a slice: start and stop (None when omitted) and a
    /// non-zero step. May run `__index__`, so call it before taking a lock.
    pub fn slice_unpack(&mut self, s: &Slice) -> PyResult<(Option<i64>, Option<i64>, i64)> {
        let step = match &s.step {
            Value::None => 1,
            v => self.slice_bound(v)?,
        };
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let start = if s.start.is_none() { None } else { Some(self.slice_bound(&s.start)?) };
        let stop = if s.stop.is_none() { None } else { Some(self.slice_bound(&s.stop)?) };
        Ok((start, stop, step))
    }

    /// Resolves a slice against a length: (start, stop, step, count).
    pub fn slice_indices(&mut self, s: &Slice, len: i64) -> PyResult<(i64, i64, i64, i64)> {
        let (start, stop, step) = self.slice_unpack(s)?;
        let sp = SliceSpan::adjust(start, stop, step, len);
        Ok((sp.start, sp.stop, sp.step, sp.count))
    }

    /// The items of `items` that a slice selects (only those are copied).
    pub fn slice_vec(&mut self, items: &[Value], s: &Slice) -> PyResult<Vec<Value>> {
        let (start, stop, step) = self.slice_unpack(s)?;
        let sp = SliceSpan::adjust(start, stop, step, items.len() as i64);
        Ok(sp.positions().map(|i| items[i].clone()).collect())
    }

    /// `list[i:j:k]`: bounds resolved first (they may run `__index__`), then
    /// the selected items copied under the list's lock, against its length then.
    pub fn list_slice(&mut self, l: &crate::object::list::List, s: &Slice) -> PyResult {
        let (start, stop, step) = self.slice_unpack(s)?;
        let g = l.lock();
        let sp = SliceSpan::adjust(start, stop, step, g.len() as i64);
        let out: Vec<Value> = sp.positions().map(|i| g[i].clone()).collect();
        drop(g);
        Ok(Value::list(out))
    }

    /// `bytes[i:j:k]`.
    pub fn bytes_slice(&mut self, b: &[u8], s: &Slice) -> PyResult {
        let (start, stop, step) = self.slice_unpack(s)?;
        let sp = SliceSpan::adjust(start, stop, step, b.len() as i64);
        let out: Vec<u8> = if step == 1 {
            b[sp.start as usize..(sp.start + sp.count) as usize].to_vec()
        } else {
            sp.positions().map(|i| b[i]).collect()
        };
        Ok(Value::Bytes(std::sync::Arc::new(out)))
    }

    /// `str[i:j:k]`, by code point.
    pub fn str_slice(&mut self, s: &crate::object::str::PyStr, sl: &Slice) -> PyResult {
        let (start, stop, step) = self.slice_unpack(sl)?;
        let sp = SliceSpan::adjust(start, stop, step, s.char_len() as i64);
        if sp.count == 0 {
            return Ok(Value::str(""));
        }
        if step == 1 {
            return Ok(Value::Str(std::sync::Arc::new(s.slice(sp.start as usize, (sp.start + sp.count) as usize))));
        }
        if s.has_surrogates() {
            let cps: Vec<u32> = s.code_points().collect();
            let picked = sp.positions().map(|i| cps[i]);
            return Ok(Value::Str(std::sync::Arc::new(crate::object::str::PyStr::from_code_points(picked))));
        }
        let mut out = String::with_capacity(sp.count as usize);
        if s.is_ascii() {
            let bytes = s.as_str().as_bytes();
            out.extend(sp.positions().map(|i| bytes[i] as char));
        } else if step > 0 {
            let chars = s.as_str().chars().skip(sp.start as usize).step_by(step as usize);
            out.extend(chars.take(sp.count as usize));
        } else {
            // Walk backwards from the first selected code point.
            let from_end = s.char_len() - 1 - sp.start as usize;
            let chars = s.as_str().chars().rev().skip(from_end).step_by(step.unsigned_abs() as usize);
            out.extend(chars.take(sp.count as usize));
        }
        Ok(Value::string(out))
    }

    /// A sequence index (`seq[i]`): an int, or an object with `__index__`.
    /// Ints beyond machine words are CPython's IndexError.
    pub fn seq_index(&mut self, key: &Value, what: &str) -> PyResult<i64> {
        match key {
            Value::Int(i) => Ok(*i),
            Value::Boolean(b) => Ok(b.get() as i64),
            _ => match self.exact_index(key)? {
                Some(Value::Int(i)) => Ok(i),
                Some(_) => Err(self.index_error("cannot fit 'int' into an index-sized integer")),
                None => {
                    let tn = self.type_name(key);
                    Err(self.type_error(&if what == "string" {
                        format!("string indices must be integers, not '{tn}'")
                    } else {
                        format!("{what} indices must be integers or slices, not {tn}")
                    }))
                }
            },
        }
    }

    /// A slice's parts as exact ints (None when omitted; the step defaults
    /// to 1 and must not be zero), for ranges and `slice.indices`.
    pub fn slice_big_parts(&mut self, sl: &Slice) -> PyResult<(Option<BigInt>, Option<BigInt>, BigInt)> {
        let part = |vm: &mut Vm, v: &Value| -> PyResult<Option<BigInt>> {
            if v.is_none() {
                return Ok(None);
            }
            match vm.exact_index(v)? {
                Some(i) => Ok(crate::vm::numeric::to_big(&i)),
                None => Err(vm.type_error("slice indices must be integers or None or have an __index__ method")),
            }
        };
        let step = part(self, &sl.step)?.unwrap_or_else(|| BigInt::from(1));
        if step.is_zero() {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let start = part(self, &sl.start)?;
        let stop = part(self, &sl.stop)?;
        Ok((start, stop, step))
    }

    /// `range[key]`: any int index, and slices whose bounds may be any int.
    pub fn range_get_item(&mut self, r: &Range, key: &Value) -> PyResult {
        if let Value::Slice(sl) = key {
            let (start, stop, step) = self.slice_big_parts(sl)?;
            let (_, _, _, len) = r.parts();
            let (i, j, k, _) = big_slice(start, stop, step, &len);
            return Ok(Value::Range(std::sync::Arc::new(r.sliced(&i, &j, &k))));
        }
        if let Value::Int(i) = key
            && !r.is_big()
        {
            let n = r.len().unwrap_or(0);
            let j = if *i < 0 { i + n } else { *i };
            if j < 0 || j >= n {
                return Err(self.index_error("range object index out of range"));
            }
            return Ok(Value::Int(r.get(j)));
        }
        let Some(i) = self.exact_index(key)? else {
            let tn = self.type_name(key);
            return Err(self.type_error(&format!("range indices must be integers or slices, not {tn}")));
        };
        let i = crate::vm::numeric::to_big(&i).unwrap_or_default();
        match r.item(&i) {
            Some(v) => Ok(Value::from_bigint(v)),
            None => Err(self.index_error("range object index out of range")),
        }
    }

    /// Where `item` is in the range, for `in`, `index` and `count`: ints by
    /// arithmetic, and floats equal to an int as that int; None otherwise.
    pub fn range_position(&self, r: &Range, item: &Value) -> Option<BigInt> {
        let x = match item {
            Value::Int(i) => BigInt::from(*i),
            Value::Boolean(b) => BigInt::from(b.get() as i64),
            Value::BigInt(b) => (**b).clone(),
            Value::Flt(f) if f.get().fract() == 0.0 && f.get().is_finite() => {
                num_bigint::BigInt::from(f.get().to_i128()?)
            }
            _ => return None,
        };
        r.position(&x)
    }
}
