//! `_gilt_pickle`: the native engine under gilt's `_pickle` (py/_pickle.py,
//! whose `Pickler` and `Unpickler` are Python classes so that they
//! subclass as CPython's do). Here: the exception classes, the memo objects
//! and the `dump`/`dumps`/`load`/`loads`/`find_class` entry points; the
//! pickler is `pickle_save.rs`, the unpickler `pickle_load.rs`.

use std::sync::Arc;

use parking_lot::Mutex;

use super::def;
use super::native_util::{exc_class, module};
use super::pickle_load::{Input, LoadOptions, Loader};
use super::pickle_save::{MemoTable, Options, Saver};
use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyResult, Vm};

/// The opcodes of protocols 0–5.
pub mod op {
    pub const MARK: u8 = b'(';
    pub const STOP: u8 = b'.';
    pub const POP: u8 = b'0';
    pub const POP_MARK: u8 = b'1';
    pub const DUP: u8 = b'2';
    pub const FLOAT: u8 = b'F';
    pub const INT: u8 = b'I';
    pub const BININT: u8 = b'J';
    pub const BININT1: u8 = b'K';
    pub const LONG: u8 = b'L';
    pub const BININT2: u8 = b'M';
    pub const NONE: u8 = b'N';
    pub const PERSID: u8 = b'P';
    pub const BINPERSID: u8 = b'Q';
    pub const REDUCE: u8 = b'R';
    pub const STRING: u8 = b'S';
    pub const BINSTRING: u8 = b'T';
    pub const SHORT_BINSTRING: u8 = b'U';
    pub const UNICODE: u8 = b'V';
    pub const BINUNICODE: u8 = b'X';
    pub const APPEND: u8 = b'a';
    pub const BUILD: u8 = b'b';
    pub const GLOBAL: u8 = b'c';
    pub const DICT: u8 = b'd';
    pub const EMPTY_DICT: u8 = b'}';
    pub const APPENDS: u8 = b'e';
    pub const GET: u8 = b'g';
    pub const BINGET: u8 = b'h';
    pub const INST: u8 = b'i';
    pub const LONG_BINGET: u8 = b'j';
    pub const LIST: u8 = b'l';
    pub const EMPTY_LIST: u8 = b']';
    pub const OBJ: u8 = b'o';
    pub const PUT: u8 = b'p';
    pub const BINPUT: u8 = b'q';
    pub const LONG_BINPUT: u8 = b'r';
    pub const SETITEM: u8 = b's';
    pub const TUPLE: u8 = b't';
    pub const EMPTY_TUPLE: u8 = b')';
    pub const SETITEMS: u8 = b'u';
    pub const BINFLOAT: u8 = b'G';
    pub const PROTO: u8 = 0x80;
    pub const NEWOBJ: u8 = 0x81;
    pub const EXT1: u8 = 0x82;
    pub const EXT2: u8 = 0x83;
    pub const EXT4: u8 = 0x84;
    pub const TUPLE1: u8 = 0x85;
    pub const TUPLE2: u8 = 0x86;
    pub const TUPLE3: u8 = 0x87;
    pub const NEWTRUE: u8 = 0x88;
    pub const NEWFALSE: u8 = 0x89;
    pub const LONG1: u8 = 0x8a;
    pub const LONG4: u8 = 0x8b;
    pub const BINBYTES: u8 = b'B';
    pub const SHORT_BINBYTES: u8 = b'C';
    pub const SHORT_BINUNICODE: u8 = 0x8c;
    pub const BINUNICODE8: u8 = 0x8d;
    pub const BINBYTES8: u8 = 0x8e;
    pub const EMPTY_SET: u8 = 0x8f;
    pub const ADDITEMS: u8 = 0x90;
    pub const FROZENSET: u8 = 0x91;
    pub const NEWOBJ_EX: u8 = 0x92;
    pub const STACK_GLOBAL: u8 = 0x93;
    pub const MEMOIZE: u8 = 0x94;
    pub const FRAME: u8 = 0x95;
    pub const BYTEARRAY8: u8 = 0x96;
    pub const NEXT_BUFFER: u8 = 0x97;
    pub const READONLY_BUFFER: u8 = 0x98;
}

/// What the module's functions share (made once per import, captured by
/// its functions: no global state).
pub struct PickleState {
    pub pickle_error: Arc<Class>,
    pub pickling_error: Arc<Class>,
    pub unpickling_error: Arc<Class>,
    memo_class: Arc<Class>,
    umemo_class: Arc<Class>,
}

/// A `Pickler`'s memo, kept between its dumps.
pub struct PicklerMemo {
    class: Arc<Class>,
    table: Mutex<MemoTable>,
}
crate::object::native::impl_native_object!(PicklerMemo);

/// An `Unpickler`'s memo, kept between its loads.
pub struct UnpicklerMemo {
    class: Arc<Class>,
    table: Mutex<Vec<Option<Value>>>,
}
crate::object::native::impl_native_object!(UnpicklerMemo);

fn attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    let key = vm.rt.intern(name);
    vm.get_attr(obj, &key)
}

fn opt(v: Option<Value>) -> Option<Value> {
    v.filter(|x| !x.is_none())
}

fn native<'a, T: 'static>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a T> {
    match v {
        Value::Native2(o) => o.as_any().downcast_ref::<T>().ok_or_else(|| vm.type_error(what)),
        _ => Err(vm.type_error(what)),
    }
}

/// `dump(pickler, obj)`: pickles `obj` with the pickler's settings and
/// hooks, writing to its file.
fn dump(vm: &mut Vm, st: &PickleState, a: Args) -> PyResult {
    a.posonly(vm, "dump", 2, 2)?;
    let (p, obj) = (&a.pos[0], &a.pos[1]);
    let proto_v = attr(vm, p, "_proto")?;
    let proto = vm.index_of(&proto_v)?.clamp(0, 5) as u8;
    let fast_v = attr(vm, p, "fast")?;
    let fast = vm.truthy(&fast_v)?;
    let fix_v = attr(vm, p, "_fix_imports")?;
    let fix_imports = vm.truthy(&fix_v)?;
    let write = attr(vm, p, "_write")?;
    let memo_v = attr(vm, p, "_memo")?;
    let memo = native::<PicklerMemo>(vm, &memo_v, "Pickler memo is not a memo object")?;
    let o = Options {
        proto,
        fast,
        fix_imports,
        write: Some(write),
        persistent_id: opt(vm.get_attr_str(p, "persistent_id")?),
        reducer_override: opt(vm.get_attr_str(p, "reducer_override")?),
        dispatch_table: opt(vm.get_attr_str(p, "dispatch_table")?),
        buffer_callback: opt(vm.get_attr_str(p, "_buffer_callback")?),
    };
    let table = std::mem::take(&mut *memo.table.lock());
    let mut s = Saver::new(st, o, table);
    let r = s.dump(vm, obj).and_then(|_| s.flush(vm));
    *memo.table.lock() = std::mem::take(&mut s.memo);
    r.map(|_| Value::None)
}

/// `dumps(obj, protocol, fix_imports, buffer_callback)`: the pickle as bytes.
fn dumps(vm: &mut Vm, st: &PickleState, a: Args) -> PyResult {
    a.posonly(vm, "dumps", 4, 4)?;
    let proto = vm.index_of(&a.pos[1])?.clamp(0, 5) as u8;
    let fix_imports = vm.truthy(&a.pos[2])?;
    let o = Options {
        proto,
        fast: false,
        fix_imports,
        write: None,
        persistent_id: None,
        reducer_override: None,
        dispatch_table: None,
        buffer_callback: opt(Some(a.pos[3].clone())),
    };
    let mut s = Saver::new(st, o, MemoTable::new());
    s.dump(vm, &a.pos[0])?;
    Ok(super::native_util::bytes(std::mem::take(&mut s.out)))
}

fn text_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<String> {
    let v = attr(vm, obj, name)?;
    vm.str_of(&v)
}

/// `load(unpickler)`: reads one pickle from the unpickler's file.
fn load(vm: &mut Vm, st: &PickleState, a: Args) -> PyResult {
    a.posonly(vm, "load", 1, 1)?;
    let u = &a.pos[0];
    let read = attr(vm, u, "_read")?;
    let readline = attr(vm, u, "_readline")?;
    let fix_v = attr(vm, u, "_fix_imports")?;
    let o = LoadOptions {
        fix_imports: vm.truthy(&fix_v)?,
        encoding: text_attr(vm, u, "_encoding")?,
        errors: text_attr(vm, u, "_errors")?,
        buffers: opt(Some(attr(vm, u, "_buffers")?)),
        find_class: Some(attr(vm, u, "find_class")?),
        persistent_load: opt(vm.get_attr_str(u, "persistent_load")?),
        owner: Some(u.clone()),
    };
    let memo_v = attr(vm, u, "_memo")?;
    let memo = native::<UnpicklerMemo>(vm, &memo_v, "Unpickler memo is not a memo object")?;
    let table = std::mem::take(&mut *memo.table.lock());
    let mut l = Loader::new(st, Input::from_file(read, readline), o, table);
    let r = l.load(vm);
    *memo.table.lock() = std::mem::take(&mut l.memo);
    r
}

/// `loads(data, fix_imports, encoding, errors, buffers)`.
fn loads(vm: &mut Vm, st: &PickleState, a: Args) -> PyResult {
    a.posonly(vm, "loads", 5, 5)?;
    let Some(data) = super::buffer::bytes_like(&a.pos[0]) else {
        let tn = vm.type_name(&a.pos[0]);
        return Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")));
    };
    let o = LoadOptions {
        fix_imports: vm.truthy(&a.pos[1])?,
        encoding: vm.str_of(&a.pos[2])?,
        errors: vm.str_of(&a.pos[3])?,
        buffers: opt(Some(a.pos[4].clone())),
        find_class: None,
        persistent_load: None,
        owner: None,
    };
    Loader::new(st, Input::from_bytes(data), o, Vec::new()).load(vm)
}

/// `find_class(unpickler, module, name)`: `Unpickler.find_class`'s default.
fn find_class(vm: &mut Vm, a: Args) -> PyResult {
    a.posonly(vm, "find_class", 3, 3)?;
    let u = &a.pos[0];
    let proto_v = attr(vm, u, "_proto")?;
    let proto = vm.index_of(&proto_v)?.clamp(0, 5) as u8;
    let fix_v = attr(vm, u, "_fix_imports")?;
    let fix = vm.truthy(&fix_v)?;
    super::pickle_global::find_class(vm, proto, fix, &a.pos[1], &a.pos[2])
}

fn memo_methods(vm: &mut Vm, st: &Arc<PickleState>, d: &Dict) {
    let _ = vm;
    let s = st.clone();
    def(d, "PicklerMemo", move |_vm, _a| {
        Ok(Value::from_native(Arc::new(PicklerMemo {
            class: s.memo_class.clone(),
            table: Mutex::new(MemoTable::new()),
        })))
    });
    let s = st.clone();
    def(d, "UnpicklerMemo", move |_vm, _a| {
        Ok(Value::from_native(Arc::new(UnpicklerMemo { class: s.umemo_class.clone(), table: Mutex::new(Vec::new()) })))
    });
    // memo_copy(m): {id: (index, obj)} for a pickler's, {index: obj} for an unpickler's.
    def(d, "memo_copy", |vm, a| {
        a.posonly(vm, "memo_copy", 1, 1)?;
        let out = Arc::new(Dict::new());
        if let Ok(m) = native::<PicklerMemo>(vm, &a.pos[0], "") {
            let entries: Vec<(usize, (u32, Value))> = m.table.lock().iter().map(|(k, v)| (*k, v.clone())).collect();
            for (k, (i, v)) in entries {
                vm.dict_set(&out, Value::Int(k as i64), Value::tuple(vec![Value::Int(i as i64), v]))?;
            }
        } else {
            let m = native::<UnpicklerMemo>(vm, &a.pos[0], "memo_copy() needs a memo")?;
            let entries: Vec<(usize, Value)> =
                m.table.lock().iter().enumerate().filter_map(|(i, v)| v.clone().map(|v| (i, v))).collect();
            for (i, v) in entries {
                vm.dict_set(&out, Value::Int(i as i64), v)?;
            }
        }
        Ok(Value::Dict(out))
    });
    def(d, "memo_clear", |vm, a| {
        a.posonly(vm, "memo_clear", 1, 1)?;
        if let Ok(m) = native::<PicklerMemo>(vm, &a.pos[0], "") {
            let old = std::mem::take(&mut *m.table.lock());
            drop(old);
        } else {
            let m = native::<UnpicklerMemo>(vm, &a.pos[0], "memo_clear() needs a memo")?;
            let old = std::mem::take(&mut *m.table.lock());
            drop(old);
        }
        Ok(Value::None)
    });
    // memo_set(m, items): fills a memo from (key, value) pairs already checked by the caller.
    def(d, "memo_set", |vm, a| {
        a.posonly(vm, "memo_set", 2, 2)?;
        let items = vm.mapping_items(&a.pos[1])?;
        if let Ok(m) = native::<PicklerMemo>(vm, &a.pos[0], "") {
            let mut t = MemoTable::new();
            for (_, v) in items {
                let pair = vm.unpack(&v, 2)?;
                let i = vm.index_of(&pair[0])?;
                t.insert(pair[1].id() as usize, (i as u32, pair[1].clone()));
            }
            *m.table.lock() = t;
        } else {
            let m = native::<UnpicklerMemo>(vm, &a.pos[0], "memo_set() needs a memo")?;
            let mut t = Vec::new();
            for (k, v) in items {
                let i = vm.index_of(&k)?;
                if i < 0 {
                    return Err(vm.value_error("memo key must be positive integers."));
                }
                let i = i as usize;
                if i >= t.len() {
                    t.resize(i + 1, None);
                }
                t[i] = Some(v);
            }
            *m.table.lock() = t;
        }
        Ok(Value::None)
    });
    def(d, "memo_len", |vm, a| {
        a.posonly(vm, "memo_len", 1, 1)?;
        if let Ok(m) = native::<PicklerMemo>(vm, &a.pos[0], "") {
            return Ok(Value::Int(m.table.lock().len() as i64));
        }
        let m = native::<UnpicklerMemo>(vm, &a.pos[0], "memo_len() needs a memo")?;
        Ok(Value::Int(m.table.lock().iter().filter(|x| x.is_some()).count() as i64))
    });
}

/// Creates the `_gilt_pickle` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    let pickle_error = exc_class(vm, "_pickle", "PickleError", &["Exception"])?;
    let pickling_error = subclass(vm, "PicklingError", &pickle_error)?;
    let unpickling_error = subclass(vm, "UnpicklingError", &pickle_error)?;
    let object = std::slice::from_ref(&vm.rt.types.object);
    let memo_class = new_builtin_class("PicklerMemo", object, Layout::Opaque);
    memo_class.dict.set_item_str("__module__", Value::str("_pickle"));
    let umemo_class = new_builtin_class("UnpicklerMemo", object, Layout::Opaque);
    umemo_class.dict.set_item_str("__module__", Value::str("_pickle"));
    for (n, c) in
        [("PickleError", &pickle_error), ("PicklingError", &pickling_error), ("UnpicklingError", &unpickling_error)]
    {
        d.set_item_str(n, Value::Class(c.clone()));
    }
    let st = Arc::new(PickleState { pickle_error, pickling_error, unpickling_error, memo_class, umemo_class });
    let s = st.clone();
    def(&d, "dump", move |vm, a| dump(vm, &s, a));
    let s = st.clone();
    def(&d, "dumps", move |vm, a| dumps(vm, &s, a));
    let s = st.clone();
    def(&d, "load", move |vm, a| load(vm, &s, a));
    let s = st.clone();
    def(&d, "loads", move |vm, a| loads(vm, &s, a));
    def(&d, "find_class", find_class);
    // builtin(name, func): `func` as a built-in function of `_pickle`, which
    // a class storing it does not bind (see py/_pickle.py).
    def(&d, "builtin", |vm, a| {
        a.posonly(vm, "builtin", 2, 2)?;
        let name = vm.str_of(&a.pos[0])?;
        let f = a.pos[1].clone();
        let v = Vm::native(&name, move |vm, args| vm.call_value(&f, args));
        if let Value::Native(n) = &v {
            let _ = n.module.set(Arc::from("_pickle"));
        }
        Ok(v)
    });
    d.set_item_str("PickleBuffer", Value::Class(super::pickle_buffer::make_class(vm)));
    memo_methods(vm, &st, &d);
    Ok(module("_gilt_pickle", d))
}

fn subclass(vm: &mut Vm, name: &str, base: &Arc<Class>) -> PyResult<Arc<Class>> {
    let d = Dict::new();
    d.set_item_str("__module__", Value::str("_pickle"));
    let ty = Value::Class(vm.rt.types.type_.clone());
    let bases = Value::tuple(vec![Value::Class(base.clone())]);
    match vm.call(&ty, vec![Value::str(name), bases, Value::Dict(Arc::new(d))])? {
        Value::Class(c) => Ok(c),
        _ => Err(vm.runtime_error("exception class creation failed")),
    }
}
