//! Subscripting and the container primitives the VM and built-ins share:
//! dict and set operations that may need Python-level hashing/equality,
//! and the built-in binary operators on sequences, sets and dicts.

use std::sync::Arc;

use super::ops::payload_of;
use super::{PyResult, Vm};
use crate::object::class::Class;
use crate::object::dict::{Dict, Probe};
use crate::object::eq::{HashOutcome, native_hash};
use crate::object::set::{Set, SetProbe, SetTable};
use crate::object::value::Value;
use crate::parse::ast::BinOp;

impl Vm {
    /// `hash(v)`.
    pub fn hash_value(&mut self, v: &Value) -> PyResult<i64> {
        match native_hash(v) {
            HashOutcome::Hash(h) => Ok(h),
            // Hashed item by item, as CPython does, so the error names the
            // item that cannot be hashed (`unhashable type: 'set'`).
            HashOutcome::Unhashable if let Value::Tuple(t) = v => self.tuple_hash_slow(&t.items),
            HashOutcome::Unhashable => {
                let tn = self.type_name(v);
                Err(self.type_error(&format!("unhashable type: '{tn}'")))
            }
            HashOutcome::NeedsPython => {
                let inst = match v {
                    Value::Instance(inst) => inst,
                    Value::Tuple(t) => return self.tuple_hash_slow(&t.items),
                    Value::Native2(o) => {
                        // A native object hashing by value (a memoryview).
                        let Some(h) = o.class().lookup("__hash__") else { return Ok(v.id() >> 4) };
                        let r = self.call_method_value(&h, v.clone(), vec![])?;
                        return self.index_of(&r);
                    }
                    _ => return Err(self.internal_error("hash of a built-in value needs Python")),
                };
                let cls = inst.class.clone();
                // `class K(int, Mixin)`: int's hash comes before a mixin's
                // `__hash__` in the MRO (IntEnum members hash as their int).
                if let Some(p) = inst.builtin_value()
                    && builtin_hash_first(&cls, &self.rt.types.object)
                {
                    let p = p.clone();
                    return self.hash_value(&p);
                }
                match cls.lookup_user("__hash__") {
                    Some(Value::None) => {
                        let tn = self.type_name(v);
                        Err(self.type_error(&format!("unhashable type: '{tn}'")))
                    }
                    Some(h) => {
                        let r = self.call_method_value(&h, v.clone(), vec![])?;
                        match r {
                            // As CPython's slot_tp_hash: an int that fits a
                            // machine word is the hash itself (-1 becomes -2);
                            // only a bigger one is hashed.
                            Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                            Value::BigInt(b) => Ok(crate::object::numfmt::hash_bigint(&b)),
                            Value::Boolean(b) => Ok(b.get() as i64),
                            // An int subclass hashes as its int value.
                            Value::Instance(ref i)
                                if matches!(i.builtin_value(), Some(Value::Int(_) | Value::BigInt(_))) =>
                            {
                                let iv = i.builtin_value().cloned().unwrap_or(Value::Int(0));
                                self.hash_value(&iv)
                            }
                            _ => Err(self.type_error("__hash__ method should return an integer")),
                        }
                    }
                    None => {
                        if cls.lookup_user("__eq__").is_some() {
                            let tn = self.type_name(v);
                            return Err(self.type_error(&format!("unhashable type: '{tn}'")));
                        }
                        match inst.builtin_value().cloned() {
                            Some(p) => self.hash_value(&p),
                            None => Ok(v.id() >> 4),
                        }
                    }
                }
            }
        }
    }

    /// The hash of a tuple holding items only Python can hash (instances
    /// of classes with `__hash__`, subclasses of built-in types, a
    /// namedtuple). Like CPython's, it has no depth limit but the stack's.
    fn tuple_hash_slow(&mut self, items: &[Value]) -> PyResult<i64> {
        if super::guard::stack_low() {
            return Err(self.recursion_error(" while calling a Python object"));
        }
        let mut hs = Vec::with_capacity(items.len());
        for item in items {
            hs.push(self.hash_value(item)?);
        }
        Ok(crate::object::numfmt::hash_tuple(&hs))
    }

    /// Resolves a probe that needs Python equality: the position of the
    /// equal key, if any. Runs `__eq__` with the dict unlocked.
    fn resolve_dict_probe(&mut self, d: &Dict, hash: i64, key: &Value) -> PyResult<Option<usize>> {
        let probe = d.lock().probe(hash, key);
        match probe {
            Probe::Found(p) => Ok(Some(p)),
            Probe::Missing => Ok(None),
            Probe::NeedsPython(cands) => {
                for (_, k) in cands {
                    if self.eq(&k, key)? {
                        return Ok(d.lock().position_of_key(hash, &k));
                    }
                }
                Ok(None)
            }
        }
    }

    pub fn dict_get(&mut self, d: &Dict, key: &Value) -> PyResult<Option<Value>> {
        if let Value::Str(s) = key {
            return Ok(d.get_str(s));
        }
        let h = self.hash_value(key)?;
        let pos = self.resolve_dict_probe(d, h, key)?;
        Ok(pos.and_then(|p| d.lock().entry(p).map(|e| e.value.clone())))
    }

    pub fn dict_set(&mut self, d: &Dict, key: Value, value: Value) -> PyResult<()> {
        if let Value::Str(s) = &key {
            d.set_str(s, value);
            return Ok(());
        }
        let h = self.hash_value(&key)?;
        let pos = self.resolve_dict_probe(d, h, &key)?;
        let mut t = d.lock();
        match pos {
            Some(p) => t.set_value_at(p, value),
            None => t.push_new(h, key, value),
        }
        Ok(())
    }

    pub fn dict_del(&mut self, d: &Dict, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash_value(key)?;
        let pos = self.resolve_dict_probe(d, h, key)?;
        Ok(pos.and_then(|p| d.lock().remove_at(p)).map(|e| e.value))
    }

    pub fn set_contains(&mut self, s: &Set, key: &Value) -> PyResult<bool> {
        let h = match self.hash_value(key) {
            Ok(h) => h,
            Err(e) => {
                // `[1] in {1}` is a TypeError in CPython too; frozenset lookups of sets work.
                return match frozen_copy_of_set(key) {
                    Some(fz) => self.set_contains(s, &fz),
                    None => Err(e),
                };
            }
        };
        let probe = s.lock().probe(h, key, None);
        match probe {
            SetProbe::Found => Ok(true),
            SetProbe::Missing => Ok(false),
            SetProbe::NeedsPython(cands) => {
                for k in cands {
                    if self.eq(&k, key)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    pub fn set_add(&mut self, s: &Set, key: Value) -> PyResult<()> {
        let h = self.hash_value(&key)?;
        let probe = s.lock().probe(h, &key, None);
        let present = match probe {
            SetProbe::Found => true,
            SetProbe::Missing => false,
            SetProbe::NeedsPython(cands) => {
                let mut found = false;
                for k in cands {
                    if self.eq(&k, &key)? {
                        found = true;
                        break;
                    }
                }
                found
            }
        };
        if !present {
            s.lock().insert_new(h, key);
        }
        Ok(())
    }

    /// Removes `key`; returns whether it was there.
    pub fn set_discard(&mut self, s: &Set, key: &Value) -> PyResult<bool> {
        let h = match self.hash_value(key) {
            Ok(h) => h,
            // As for `in`: a set key is looked up as the equal frozenset.
            Err(e) => {
                return match frozen_copy_of_set(key) {
                    Some(fz) => self.set_discard(s, &fz),
                    None => Err(e),
                };
            }
        };
        let probe = s.lock().probe(h, key, None);
        match probe {
            SetProbe::Found => Ok(s.lock().remove_equal(h, key, None)),
            SetProbe::Missing => Ok(false),
            SetProbe::NeedsPython(cands) => {
                for k in cands {
                    if self.eq(&k, key)? {
                        return Ok(s.lock().remove_equal(h, key, Some(&k)));
                    }
                }
                Ok(false)
            }
        }
    }

    /// A new set from values, inserted in order (as BUILD_SET and set(iterable) do).
    pub fn new_set(&mut self, items: Vec<Value>, frozen: bool) -> PyResult {
        let s = crate::object::gc::set(Arc::new(Set::new(frozen)));
        for v in items {
            self.set_add(&s, v)?;
        }
        Ok(Value::Set(s))
    }

    /// `target |= src` for two sets, as CPython's set_merge lays it out: one resize up
    /// front, then a copy of `src`'s table when `target` is empty, else `src`'s keys in its
    /// table order.
    pub fn set_merge(&mut self, target: &Set, src: &Set) -> PyResult<()> {
        if std::ptr::eq(target, src) {
            return Ok(());
        }
        let src = src.lock().clone();
        {
            let mut t = target.lock();
            t.reserve_for_merge(src.len());
            if t.try_copy_from(&src) {
                return Ok(());
            }
        }
        for k in src.keys() {
            self.set_add(target, k)?;
        }
        Ok(())
    }

    /// `target |= the items of v`, laid out as CPython's set_update_internal
    /// does: a set (or set subclass) merged table-wise, an exact dict sized up
    /// front then its keys added, anything else added item by item.
    pub fn set_update_from(&mut self, target: &Set, v: &Value) -> PyResult<()> {
        let set_payload = match v {
            Value::Set(o) => Some(o.clone()),
            Value::Instance(_) => match payload_of(v) {
                Some(Value::Set(o)) => Some(o),
                _ => None,
            },
            _ => None,
        };
        if let Some(o) = set_payload {
            return self.set_merge(target, &o);
        }
        if let Value::Dict(d) = v {
            let keys = d.lock().keys();
            target.lock().reserve_for_merge(keys.len());
            for k in keys {
                self.set_add(target, k)?;
            }
            return Ok(());
        }
        for k in self.collect(v)? {
            self.set_add(target, k)?;
        }
        Ok(())
    }

    /// `target -= src` in place, as CPython's set_difference_update: `target` keeps its
    /// table (so its iteration order), `src`'s keys are discarded one by one.
    pub fn set_difference_update(&mut self, target: &Set, src: &Set) -> PyResult<()> {
        if std::ptr::eq(target, src) {
            target.lock().clear();
            return Ok(());
        }
        // The keys first: no lock is held while `__eq__` may run.
        let keys = src.lock().keys();
        self.set_discard_all(target, keys)
    }

    /// `keys` discarded from `target` one by one, then the table shrunk as
    /// CPython's set_difference_update_internal does (for any iterable).
    pub fn set_discard_all(&mut self, target: &Set, keys: Vec<Value>) -> PyResult<()> {
        for k in keys {
            self.set_discard(target, &k)?;
        }
        target.lock().shrink_after_removals();
        Ok(())
    }

    /// `target ^= src` in place, as CPython's set_symmetric_difference_update: each of
    /// `src`'s keys is removed from `target` when there, added when not.
    pub fn set_symmetric_update(&mut self, target: &Set, src: &Set) -> PyResult<()> {
        if std::ptr::eq(target, src) {
            target.lock().clear();
            return Ok(());
        }
        let keys = src.lock().keys();
        for k in keys {
            if !self.set_discard(target, &k)? {
                self.set_add(target, k)?;
            }
        }
        Ok(())
    }

    /// A copy of a set's table (CPython's set_copy/merge layout rules).
    pub fn set_copy(&self, s: &Set, frozen: bool) -> Value {
        let src = s.lock().clone();
        let mut t = SetTable::default();
        t.reserve_for_merge(src.len());
        if !t.try_copy_from(&src) {
            t = src;
        }
        Value::Set(crate::object::gc::set(Arc::new(Set::from_table(frozen, t))))
    }

    /// (key, value) pairs of a mapping (dict, or anything with keys()).
    pub fn mapping_items(&mut self, m: &Value) -> PyResult<Vec<(Value, Value)>> {
        match m {
            Value::Dict(d) => Ok(d.lock().items()),
            _ => {
                if let Some(p) = payload_of(m)
                    && let Value::Dict(d) = &p
                    && self.class_of(m).lookup_user("keys").is_none()
                {
                    return Ok(d.lock().items());
                }
                let Some(keys_fn) = self.get_attr_str(m, "keys")? else {
                    let tn = self.type_name(m);
                    return Err(self.type_error(&format!("'{tn}' object is not a mapping")));
                };
                let keys = self.call(&keys_fn, vec![])?;
                let keys = self.collect(&keys)?;
                let mut out = Vec::with_capacity(keys.len());
                for k in keys {
                    let v = self.get_item(m, &k)?;
                    out.push((k, v));
                }
                Ok(out)
            }
        }
    }

    /// The dict behind a value (a dict, or a dict subclass instance).
    pub fn as_dict(&self, v: &Value) -> Option<Arc<Dict>> {
        match v {
            Value::Dict(d) => Some(d.clone()),
            Value::Instance(i) => match i.builtin_value() {
                Some(Value::Dict(d)) => Some(d.clone()),
                _ => None,
            },
            _ => None,
        }
    }

    /// `obj[key]`.
    pub fn get_item(&mut self, obj: &Value, key: &Value) -> PyResult {
        match obj {
            Value::List(l) => match key {
                Value::Int(i) => {
                    let g = l.lock();
                    let n = g.len() as i64;
                    let j = if *i < 0 { i + n } else { *i };
                    if j < 0 || j >= n {
                        drop(g);
                        return Err(self.index_error("list index out of range"));
                    }
                    Ok(g[j as usize].clone())
                }
                Value::Slice(s) => self.list_slice(l, s),
                _ => {
                    let i = self.seq_index(key, "list")?;
                    self.get_item(obj, &Value::Int(i))
                }
            },
            Value::Tuple(t) => match key {
                Value::Slice(s) => {
                    let r = self.slice_vec(&t.items, s)?;
                    Ok(Value::tuple(r))
                }
                _ => {
                    let i = self.seq_index(key, "tuple")?;
                    let n = t.items.len() as i64;
                    let j = if i < 0 { i + n } else { i };
                    if j < 0 || j >= n {
                        return Err(self.index_error("tuple index out of range"));
                    }
                    Ok(t.items[j as usize].clone())
                }
            },
            Value::Str(s) => match key {
                Value::Slice(sl) => self.str_slice(s, sl),
                _ => {
                    let i = self.seq_index(key, "string")?;
                    let n = s.char_len() as i64;
                    let j = if i < 0 { i + n } else { i };
                    if j < 0 || j >= n {
                        return Err(self.index_error("string index out of range"));
                    }
                    Ok(crate::object::str::cp_value(s.code_point_at(j as usize)))
                }
            },
            Value::Bytes(b) => match key {
                Value::Slice(sl) => self.bytes_slice(b, sl),
                _ => {
                    let i = self.seq_index(key, "byte")?;
                    let n = b.len() as i64;
                    let j = if i < 0 { i + n } else { i };
                    if j < 0 || j >= n {
                        return Err(self.index_error("index out of range"));
                    }
                    Ok(Value::Int(b[j as usize] as i64))
                }
            },
            Value::Dict(d) => match self.dict_get(d, key)? {
                Some(v) => Ok(v),
                None => Err(self.key_error(key.clone())),
            },
            Value::Range(r) => self.range_get_item(r, key),
            Value::Instance(inst) => {
                if let Some(m) = inst.class.lookup_user("__getitem__") {
                    return self.call_method_value(&m, obj.clone(), vec![key.clone()]);
                }
                if let Some(p) = inst.builtin_value().cloned() {
                    if let Value::Dict(d) = &p {
                        if let Some(v) = self.dict_get(d, key)? {
                            return Ok(v);
                        }
                        if let Some(missing) = inst.class.lookup_user("__missing__") {
                            return self.call_method_value(&missing, obj.clone(), vec![key.clone()]);
                        }
                        return Err(self.key_error(key.clone()));
                    }
                    return self.get_item(&p, key);
                }
                let tn = self.type_name(obj);
                Err(self.type_error(&format!("'{tn}' object is not subscriptable")))
            }
            Value::Class(c) => {
                // The metaclass's `__getitem__` comes first (enum's
                // `Color['RED']`), as CPython's mp_subscript slot does.
                if c.metaclass.is_some() {
                    let meta = self.class_of(obj);
                    if let Some(m) = meta.lookup_user("__getitem__") {
                        return self.call_method_value(&m, obj.clone(), vec![key.clone()]);
                    }
                }
                // `__class_getitem__ = None` opts out (CPython's check).
                if let Some(m) = c.lookup("__class_getitem__")
                    && !m.is_none()
                {
                    // An implicit classmethod (see `type_new`): call its function.
                    let m = match &m {
                        Value::Native2(o) => match o.as_any().downcast_ref::<crate::object::descr::ClassMethod>() {
                            Some(cm) => cm.func.clone(),
                            None => m.clone(),
                        },
                        _ => m,
                    };
                    return self.call_value(&m, super::Args::new(vec![obj.clone(), key.clone()]));
                }
                // `list[int]` and friends (PEP 585): a `types.GenericAlias`,
                // whose Python class lives in py/_gilt_types.py.
                if c.builtin {
                    let m = self.import_name("_gilt_types", 0, true)?;
                    let Some(ga) = self.get_attr_str(&m, "GenericAlias")? else {
                        return Err(self.type_error("types.GenericAlias is missing"));
                    };
                    return self.call(&ga, vec![obj.clone(), key.clone()]);
                }
                let meta = self.class_of(obj);
                if let Some(m) = meta.lookup("__getitem__") {
                    return self.call_method_value(&m, obj.clone(), vec![key.clone()]);
                }
                let name = c.name();
                Err(self.type_error(&format!("type '{}' is not subscriptable", name.as_str())))
            }
            _ => {
                let cls = self.class_of(obj);
                if let Some(m) = cls.lookup("__getitem__") {
                    return self.call_method_value(&m, obj.clone(), vec![key.clone()]);
                }
                let tn = self.type_name(obj);
                Err(self.type_error(&format!("'{tn}' object is not subscriptable")))
            }
        }
    }

    /// `obj[key] = v`.
    pub fn set_item(&mut self, obj: &Value, key: Value, v: Value) -> PyResult<()> {
        match obj {
            Value::List(l) => match &key {
                Value::Slice(s) => {
                    // Bounds first (they may run `__index__`, which may change the
                    // list), then the new items, then both resolved against the
                    // length under the lock, as CPython resolves them after unpacking.
                    let (start, stop, step) = self.slice_unpack(s)?;
                    let new_items = self.collect(&v)?;
                    let mut g = l.lock();
                    let sp = super::slicing::SliceSpan::adjust(start, stop, step, g.len() as i64);
                    let (start, stop, count) = (sp.start, sp.stop, sp.count);
                    if step == 1 {
                        let a = start as usize;
                        let b = (stop.max(start)) as usize;
                        g.splice(a..b, new_items);
                    } else {
                        if new_items.len() as i64 != count {
                            drop(g);
                            return Err(self.value_error(&format!(
                                "attempt to assign sequence of size {} to extended slice of size {count}",
                                new_items.len()
                            )));
                        }
                        let mut i = start;
                        for item in new_items {
                            g[i as usize] = item;
                            i += step;
                        }
                    }
                    Ok(())
                }
                _ => {
                    let i = self.seq_index(&key, "list")?;
                    let mut g = l.lock();
                    let n = g.len() as i64;
                    let j = if i < 0 { i + n } else { i };
                    if j < 0 || j >= n {
                        drop(g);
                        return Err(self.index_error("list assignment index out of range"));
                    }
                    g[j as usize] = v;
                    Ok(())
                }
            },
            Value::Dict(d) => self.dict_set(d, key, v),
            Value::Instance(inst) => {
                if let Some(m) = inst.class.lookup_user("__setitem__") {
                    self.call_method_value(&m, obj.clone(), vec![key, v])?;
                    return Ok(());
                }
                if let Some(p) = inst.builtin_value().cloned() {
                    return self.set_item(&p, key, v);
                }
                let tn = self.type_name(obj);
                Err(self.type_error(&format!("'{tn}' object does not support item assignment")))
            }
            _ => {
                let cls = self.class_of(obj);
                if let Some(m) = cls.lookup("__setitem__")
                    && matches!(obj, Value::Native2(_))
                {
                    self.call_method_value(&m, obj.clone(), vec![key, v])?;
                    return Ok(());
                }
                let tn = self.type_name(obj);
                Err(self.type_error(&format!("'{tn}' object does not support item assignment")))
            }
        }
    }

    /// `del obj[key]`.
    pub fn del_item(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        match obj {
            Value::List(l) => match key {
                Value::Slice(s) => {
                    let (start, stop, step) = self.slice_unpack(s)?;
                    let mut g = l.lock();
                    let span = super::slicing::SliceSpan::adjust(start, stop, step, g.len() as i64);
                    delete_positions(&mut g, span);
                    Ok(())
                }
                _ => {
                    let i = self.seq_index(key, "list")?;
                    let mut g = l.lock();
                    let n = g.len() as i64;
                    let j = if i < 0 { i + n } else { i };
                    if j < 0 || j >= n {
                        drop(g);
                        return Err(self.index_error("list assignment index out of range"));
                    }
                    g.remove(j as usize);
                    Ok(())
                }
            },
            Value::Dict(d) => match self.dict_del(d, key)? {
                Some(_) => Ok(()),
                None => Err(self.key_error(key.clone())),
            },
            Value::Instance(inst) => {
                if let Some(m) = inst.class.lookup_user("__delitem__") {
                    self.call_method_value(&m, obj.clone(), vec![key.clone()])?;
                    return Ok(());
                }
                if let Some(p) = inst.builtin_value().cloned() {
                    return self.del_item(&p, key);
                }
                let tn = self.type_name(obj);
                Err(self.type_error(&format!("'{tn}' object doesn't support item deletion")))
            }
            _ => {
                if let Value::Native2(_) = obj
                    && let Some(m) = self.class_of(obj).lookup("__delitem__")
                {
                    self.call_method_value(&m, obj.clone(), vec![key.clone()])?;
                    return Ok(());
                }
                let tn = self.type_name(obj);
                Err(self.type_error(&format!("'{tn}' object doesn't support item deletion")))
            }
        }
    }

    /// The `n` of `seq * n` (CPython's `PyNumber_AsSsize_t(n, PyExc_OverflowError)`):
    /// ints beyond machine words, also from `__index__`, are an OverflowError.
    pub fn repeat_count(&mut self, v: &Value) -> PyResult<i64> {
        match self.exact_index(v)? {
            Some(Value::Int(i)) => Ok(i),
            Some(_) => Err(self.overflow_error("cannot fit 'int' into an index-sized integer")),
            None => {
                let tn = self.type_name(v);
                Err(self.type_error(&format!("'{tn}' object cannot be interpreted as an integer")))
            }
        }
    }

    /// `unit` repeated `n` times (`seq * n`), every allocation fallible:
    /// a result too large for memory is a MemoryError, as in CPython.
    /// `too_long` is the OverflowError of str and bytes for a length past
    /// `sys.maxsize` (lists and tuples raise MemoryError there).
    fn repeat_items<T: Clone>(&self, unit: &[T], n: i64, too_long: Option<&str>) -> PyResult<Vec<T>> {
        let n = n.max(0) as u128;
        let total = unit.len() as u128 * n;
        if total == 0 {
            return Ok(Vec::new());
        }
        if total > i64::MAX as u128
            && let Some(msg) = too_long
        {
            return Err(self.overflow_error(msg));
        }
        self.check_alloc(total * std::mem::size_of::<T>() as u128)?;
        let mut v = self.try_vec(total as usize)?;
        // Doubling copies: a short unit repeated many times costs a few
        // large memcpys, not one small copy per repetition.
        v.extend_from_slice(unit);
        let total = total as usize;
        while v.len() * 2 <= total {
            v.extend_from_within(..);
        }
        let rest = total - v.len();
        v.extend_from_within(..rest);
        Ok(v)
    }

    /// `seq * obj` or `obj * seq` for a built-in sequence and an object
    /// with `__index__` (CPython's `sq_repeat`); None for other operands.
    pub fn repeat_by_index(&mut self, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let is_seq = |v: &Value| matches!(v, Value::Str(_) | Value::Bytes(_) | Value::List(_) | Value::Tuple(_));
        let (seq, count) = if is_seq(a) {
            (a, b)
        } else if is_seq(b) {
            (b, a)
        } else {
            return Ok(None);
        };
        match self.exact_index(count)? {
            Some(n) => self.builtin_binop(seq, &n, BinOp::Mult),
            None => Ok(None),
        }
    }

    /// Built-in binary operators on non-numeric built-in types.
    pub fn builtin_binop(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
        use Value::*;
        Ok(Some(match (a, b, op) {
            (Str(x), Str(y), BinOp::Add) => Value::Str(Arc::new(x.concat(y))),
            (Str(x), Int(_) | Boolean(_) | BigInt(_), BinOp::Mult)
            | (Int(_) | Boolean(_) | BigInt(_), Str(x), BinOp::Mult) => {
                let n = if let Str(_) = a { self.repeat_count(b)? } else { self.repeat_count(a)? };
                let bytes = self.repeat_items(x.wide_utf8(), n, Some("repeated string is too long"))?;
                // Whole copies of (generalized) UTF-8 are (generalized) UTF-8.
                crate::object::str::wide_value(bytes)
            }
            (Str(x), _, BinOp::Mod) => Value::string(self.percent_format(x.as_str(), b)?),
            (Bytes(x), _, BinOp::Mod) => Value::Bytes(Arc::new(self.bytes_percent_format(x, b)?)),
            (Bytes(x), Bytes(y), BinOp::Add) => {
                let mut v = (**x).clone();
                v.extend_from_slice(y);
                Value::Bytes(Arc::new(v))
            }
            (Bytes(x), Int(_) | Boolean(_) | BigInt(_), BinOp::Mult)
            | (Int(_) | Boolean(_) | BigInt(_), Bytes(x), BinOp::Mult) => {
                let n = if let Bytes(_) = a { self.repeat_count(b)? } else { self.repeat_count(a)? };
                Value::Bytes(Arc::new(self.repeat_items(x, n, Some("repeated bytes are too long"))?))
            }
            (List(x), List(y), BinOp::Add) => {
                let mut v = x.snapshot();
                v.extend(y.snapshot());
                Value::list(v)
            }
            (Tuple(x), Tuple(y), BinOp::Add) => {
                let mut v = x.items.to_vec();
                v.extend(y.items.iter().cloned());
                Value::tuple(v)
            }
            (List(_) | Tuple(_), Int(_) | Boolean(_) | BigInt(_), BinOp::Mult)
            | (Int(_) | Boolean(_) | BigInt(_), List(_) | Tuple(_), BinOp::Mult) => {
                let (seq, n) = if let Int(_) | Boolean(_) | BigInt(_) = a {
                    (b, self.repeat_count(a)?)
                } else {
                    (a, self.repeat_count(b)?)
                };
                let items = self.seq_items(seq);
                let v = self.repeat_items(&items, n, Option::None)?;
                if let List(_) = seq { Value::list(v) } else { Value::tuple(v) }
            }
            (Set(x), Set(y), BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor) => {
                return self.set_binop(x, y, op).map(Some);
            }
            (Dict(x), Dict(y), BinOp::BitOr) => {
                let d = Arc::new(crate::object::dict::Dict::from_table(x.snapshot()));
                let snapshot = y.lock().items();
                for (k, v) in snapshot {
                    self.dict_set(&d, k, v)?;
                }
                Value::Dict(d)
            }
            _ => return Ok(Option::None),
        }))
    }

    fn set_binop(&mut self, x: &Arc<Set>, y: &Arc<Set>, op: BinOp) -> PyResult {
        let frozen = x.frozen;
        match op {
            BinOp::BitOr => {
                // CPython's set_or: a copy, then set_merge (which copies `y`'s
                // table outright when the copy is empty and of its size).
                let r = self.set_copy(x, frozen);
                if let Value::Set(rs) = &r {
                    self.set_merge(rs, y)?;
                }
                Ok(r)
            }
            BinOp::BitAnd if Arc::ptr_eq(x, y) => Ok(self.set_copy(x, frozen)),
            BinOp::BitAnd => {
                let (small, big) = if y.len() > x.len() { (x, y) } else { (y, x) };
                let r = Arc::new(Set::new(frozen));
                let snapshot = small.lock().keys();
                for k in snapshot {
                    if self.set_contains(big, &k)? {
                        self.set_add(&r, k)?;
                    }
                }
                Ok(Value::Set(r))
            }
            BinOp::Sub => {
                // CPython's set_difference: a much smaller right operand is removed from a
                // copy of the left (its layout stays); otherwise the survivors are added anew.
                if (x.len() >> 2) > y.len() {
                    let r = self.set_copy(x, frozen);
                    if let Value::Set(rs) = &r {
                        self.set_difference_update(rs, y)?;
                    }
                    return Ok(r);
                }
                let r = Arc::new(Set::new(frozen));
                let snapshot = x.lock().keys();
                for k in snapshot {
                    if !self.set_contains(y, &k)? {
                        self.set_add(&r, k)?;
                    }
                }
                Ok(Value::Set(r))
            }
            _ => {
                // CPython's set_symmetric_difference: a copy of the right operand (with the
                // left's type), then the left's keys toggled in, which decides the order.
                let r = self.set_copy(y, frozen);
                if let Value::Set(rs) = &r {
                    let snapshot = x.lock().keys();
                    for k in snapshot {
                        if !self.set_discard(rs, &k)? {
                            self.set_add(rs, k)?;
                        }
                    }
                }
                Ok(r)
            }
        }
    }
}

/// Removes the items a slice selects (`del seq[i:j:k]`), in one pass over the
/// list (not one `remove` per item). Positions past the end, where another
/// thread shrank the list in between, are skipped.
pub fn delete_positions<T>(items: &mut Vec<T>, span: super::slicing::SliceSpan) {
    if span.count <= 0 {
        return;
    }
    let (mut lo, step) = (span.start, span.step.abs());
    if span.step < 0 {
        lo = span.start + (span.count - 1) * span.step;
    }
    let (lo, step, count) = (lo as usize, step as usize, span.count as usize);
    let end = (lo + (count - 1) * step + 1).min(items.len());
    if lo >= end {
        return;
    }
    if step == 1 {
        // A contiguous run (`del b[pos:]`, BytesIO.truncate): only the tail after it
        // moves. The removed items go last to first, as CPython releases them.
        let mut gone: Vec<T> = items.drain(lo..end).collect();
        while let Some(x) = gone.pop() {
            drop(x);
        }
        return;
    }
    let mut k = 0usize;
    let mut next = lo;
    let mut removed = 0usize;
    items.retain(|_| {
        let i = k;
        k += 1;
        if removed < count && i == next {
            removed += 1;
            next += step;
            false
        } else {
            true
        }
    });
}

/// True when a built-in base other than `object` (int, str, tuple, …) comes
/// before every user-defined `__hash__` in `cls`'s method resolution order.
fn builtin_hash_first(cls: &Arc<Class>, object: &Arc<Class>) -> bool {
    for c in std::iter::once(cls).chain(cls.mro.iter()) {
        if c.builtin && !c.extra.native_overrides {
            if !Arc::ptr_eq(c, object) {
                return true;
            }
        } else if c.dict.get_item_str("__hash__").is_some() {
            return false;
        }
    }
    false
}

/// A frozenset with the items of `key` when `key` is a (mutable) set or an
/// instance of a set subclass: CPython's set lookups (`in`, `remove`,
/// `discard`) retry an unhashable set key as the equal frozenset.
fn frozen_copy_of_set(key: &Value) -> Option<Value> {
    let inner = match key {
        Value::Set(s) => s.clone(),
        Value::Instance(_) => match crate::vm::ops::payload_of(key) {
            Some(Value::Set(s)) => s,
            _ => return None,
        },
        _ => return None,
    };
    if inner.frozen {
        return None;
    }
    let table = inner.lock().clone();
    Some(Value::Set(Arc::new(Set::from_table(true, table))))
}
