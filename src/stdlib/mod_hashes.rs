//! The hash modules CPython's `hashlib.py` falls back to when there is no
//! OpenSSL `_hashlib`: `_md5`, `_sha1`, `_sha256`, `_sha512`, `_sha3` (on
//! the RustCrypto crates) and `_blake2` (on blake2b_simd / blake2s_simd,
//! which take every BLAKE2 parameter CPython's constructors do). Each object
//! has `update`, `digest`, `hexdigest`, `copy`, `name`, `digest_size` and
//! `block_size`, with CPython 3.11's messages.

use std::sync::Arc;

use parking_lot::Mutex;
use sha2::Digest;
use sha3::digest::{ExtendableOutput, Update, XofReader};

use super::buffer::bytes_like as as_bytes;
use super::def;
use super::native_util::{bytes, module};
use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyResult, Vm};

/// The running state of one hash.
#[derive(Clone)]
enum State {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(shake::Shake128),
    Shake256(shake::Shake256),
    Blake2b(blake2b_simd::State),
    Blake2s(blake2s_simd::State),
}

macro_rules! each_fixed {
    ($s:expr, $h:ident => $e:expr, $other:pat => $o:expr) => {
        match $s {
            State::Md5($h) => $e,
            State::Sha1($h) => $e,
            State::Sha224($h) => $e,
            State::Sha256($h) => $e,
            State::Sha384($h) => $e,
            State::Sha512($h) => $e,
            State::Sha3_224($h) => $e,
            State::Sha3_256($h) => $e,
            State::Sha3_384($h) => $e,
            State::Sha3_512($h) => $e,
            $other => $o,
        }
    };
}

impl State {
    fn update(&mut self, data: &[u8]) {
        each_fixed!(self, h => Digest::update(h, data), other => match other {
            State::Shake128(h) => Update::update(h, data),
            State::Shake256(h) => Update::update(h, data),
            State::Blake2b(h) => {
                h.update(data);
            }
            State::Blake2s(h) => {
                h.update(data);
            }
            _ => {}
        })
    }

    /// The digest so far (`len` bytes for the SHAKEs).
    fn digest(&self, len: usize) -> Vec<u8> {
        each_fixed!(self, h => h.clone().finalize().to_vec(), other => match other {
            State::Shake128(h) => {
                let mut out = vec![0; len];
                h.clone().finalize_xof().read(&mut out);
                out
            }
            State::Shake256(h) => {
                let mut out = vec![0; len];
                h.clone().finalize_xof().read(&mut out);
                out
            }
            State::Blake2b(h) => h.finalize().as_bytes().to_vec(),
            State::Blake2s(h) => h.finalize().as_bytes().to_vec(),
            _ => Vec::new(),
        })
    }
}

/// One hash object: its state behind a lock (never held while Python runs).
struct HashObj {
    state: Mutex<State>,
    name: &'static str,
    digest_size: usize,
    block_size: usize,
    class: Arc<Class>,
}

crate::object::native::impl_native_object!(HashObj);

fn this<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a HashObj> {
    a.native_self().ok_or_else(|| vm.type_error("descriptor requires a hash object"))
}

/// The data argument of a constructor or `update`, with hashlib's messages.
fn data_arg(vm: &mut Vm, v: &Value) -> PyResult<Arc<Vec<u8>>> {
    if let Some(b) = as_bytes(v) {
        return Ok(b);
    }
    if matches!(v, Value::Str(_)) || crate::vm::ops::payload_of(v).is_some_and(|p| matches!(p, Value::Str(_))) {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    Err(vm.type_error("object supporting the buffer API required"))
}

fn hex(d: &[u8]) -> String {
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// The output length argument of a SHAKE's `digest` / `hexdigest`.
fn xof_len(vm: &mut Vm, a: &Args, h: &HashObj, meth: &str) -> PyResult<usize> {
    if h.digest_size != 0 {
        a.check_method(vm, &format!("{}.{meth}", h.name), 0, 0)?;
        return Ok(h.digest_size);
    }
    let n = a.pos.len().saturating_sub(1);
    let v = match (a.pos.get(1), a.kw.iter().find(|(k, _)| k.as_str() == "length")) {
        (Some(v), None) => v.clone(),
        (None, Some((_, v))) => v.clone(),
        _ => return Err(vm.type_error(&format!("{}.{meth}() takes exactly one argument ({n} given)", h.name))),
    };
    let len = vm.index_of(&v)?;
    if len < 0 {
        return Err(vm.value_error("value must be positive"));
    }
    if len >= 1 << 29 {
        return Err(vm.value_error("length is too large"));
    }
    Ok(len as usize)
}

/// Makes the class of one hash kind, with its methods and attributes.
fn hash_class(vm: &mut Vm, module: &str, name: &str) -> Arc<Class> {
    let cls = new_builtin_class(name, std::slice::from_ref(&vm.rt.types.object), Layout::Opaque);
    cls.dict.set_item_str("__module__", Value::str(module));
    def(&cls.dict, "__init__", |_vm, _a| Ok(Value::None));
    def(&cls.dict, "update", |vm, a| {
        a.check_method(vm, "update", 1, 1)?;
        let data = data_arg(vm, &a.pos[1])?;
        this(vm, &a)?.state.lock().update(&data);
        Ok(Value::None)
    });
    def(&cls.dict, "digest", |vm, a| {
        let h = this(vm, &a)?;
        let len = xof_len(vm, &a, h, "digest")?;
        Ok(bytes(h.state.lock().digest(len)))
    });
    def(&cls.dict, "hexdigest", |vm, a| {
        let h = this(vm, &a)?;
        let len = xof_len(vm, &a, h, "hexdigest")?;
        Ok(Value::string(hex(&h.state.lock().digest(len))))
    });
    def(&cls.dict, "copy", |vm, a| {
        let h = this(vm, &a)?;
        let st = h.state.lock().clone();
        Ok(Value::from_native(Arc::new(HashObj {
            state: Mutex::new(st),
            name: h.name,
            digest_size: h.digest_size,
            block_size: h.block_size,
            class: h.class.clone(),
        })))
    });
    let rt = vm.rt.clone();
    super::types_num::prop(&rt, &cls, "name", |vm, a| Ok(Value::str(this(vm, &a)?.name)));
    super::types_num::prop(&rt, &cls, "digest_size", |vm, a| Ok(Value::Int(this(vm, &a)?.digest_size as i64)));
    super::types_num::prop(&rt, &cls, "block_size", |vm, a| Ok(Value::Int(this(vm, &a)?.block_size as i64)));
    cls
}

/// What a fixed-parameter hash kind is: its name, sizes and fresh state.
type Kind = (&'static str, usize, usize, fn() -> State);

const KINDS: &[Kind] = &[
    ("md5", 16, 64, || State::Md5(md5::Md5::new())),
    ("sha1", 20, 64, || State::Sha1(sha1::Sha1::new())),
    ("sha224", 28, 64, || State::Sha224(sha2::Sha224::new())),
    ("sha256", 32, 64, || State::Sha256(sha2::Sha256::new())),
    ("sha384", 48, 128, || State::Sha384(sha2::Sha384::new())),
    ("sha512", 64, 128, || State::Sha512(sha2::Sha512::new())),
    ("sha3_224", 28, 144, || State::Sha3_224(sha3::Sha3_224::new())),
    ("sha3_256", 32, 136, || State::Sha3_256(sha3::Sha3_256::new())),
    ("sha3_384", 48, 104, || State::Sha3_384(sha3::Sha3_384::new())),
    ("sha3_512", 64, 72, || State::Sha3_512(sha3::Sha3_512::new())),
    ("shake_128", 0, 168, || State::Shake128(shake::Shake128::default())),
    ("shake_256", 0, 136, || State::Shake256(shake::Shake256::default())),
];

/// A constructor `name(data=b'', /, *, usedforsecurity=True)`; the MD5/SHA-1/
/// SHA-2 ones also take the data as `string=`.
fn constructor(cls: Arc<Class>, kind: Kind, takes_string_kw: bool) -> impl Fn(&mut Vm, Args) -> PyResult {
    move |vm, mut a| {
        let (name, digest_size, block_size, fresh) = kind;
        // Called as a class (`_sha3.sha3_224(...)`), `cls` comes first.
        if matches!(a.pos.first(), Some(Value::Class(_))) && !takes_string_kw {
            a.pos.remove(0);
        }
        if a.pos.len() > 1 {
            return Err(vm.type_error(&format!("{name}() takes at most 1 positional argument ({} given)", a.pos.len())));
        }
        let mut data = a.pos.first().cloned();
        if takes_string_kw && let Some(v) = a.take_kw("string") {
            data = Some(v);
        }
        a.take_kw("usedforsecurity");
        if let Some((k, _)) = a.kw.first() {
            return Err(vm.type_error(&format!("'{}' is an invalid keyword argument for {name}()", k.as_str())));
        }
        let mut st = fresh();
        if let Some(d) = data {
            let d = data_arg(vm, &d)?;
            st.update(&d);
        }
        Ok(Value::from_native(Arc::new(HashObj {
            state: Mutex::new(st),
            name,
            digest_size,
            block_size,
            class: cls.clone(),
        })))
    }
}

/// Creates one of `_md5`, `_sha1`, `_sha256`, `_sha512`, `_sha3`.
pub fn create(vm: &mut Vm, modname: &str) -> PyResult<Value> {
    let (names, types): (&[&str], &[&str]) = match modname {
        "_md5" => (&["md5"], &["MD5Type"]),
        "_sha1" => (&["sha1"], &["SHA1Type"]),
        "_sha256" => (&["sha224", "sha256"], &["SHA224Type", "SHA256Type"]),
        "_sha512" => (&["sha384", "sha512"], &["SHA384Type", "SHA512Type"]),
        _ => (&["sha3_224", "sha3_256", "sha3_384", "sha3_512", "shake_128", "shake_256"], &[]),
    };
    let d = Arc::new(Dict::new());
    for (i, name) in names.iter().enumerate() {
        let Some(&kind) = KINDS.iter().find(|k| k.0 == *name) else { continue };
        let cls = hash_class(vm, modname, name);
        if let Some(t) = types.get(i) {
            // A function constructor and the type it makes (as CPython's _md5).
            def(&d, name, constructor(cls.clone(), kind, true));
            d.set_item_str(t, Value::Class(cls));
        } else {
            // `_sha3`'s constructors are the types themselves.
            def(&cls.dict, "__new__", constructor(cls.clone(), kind, false));
            d.set_item_str(name, Value::Class(cls));
        }
    }
    if modname == "_sha3" {
        d.set_item_str("implementation", Value::str("tiny_sha3"));
        d.set_item_str("keccakopt", Value::Int(0));
    }
    Ok(module(modname, d))
}

/// One BLAKE2 parameter block, checked as CPython's constructors check it.
struct Blake2Params {
    digest_size: usize,
    key: Vec<u8>,
    salt: Vec<u8>,
    person: Vec<u8>,
    fanout: u8,
    depth: u8,
    leaf_size: u32,
    node_offset: u64,
    node_depth: u8,
    inner_size: usize,
    last_node: bool,
}

fn blake2_params(vm: &mut Vm, a: &mut Args, big: bool) -> PyResult<(Option<Value>, Blake2Params)> {
    let fname = if big { "blake2b" } else { "blake2s" };
    let (max_out, max_salt) = if big { (64, 16) } else { (32, 8) };
    if matches!(a.pos.first(), Some(Value::Class(_))) {
        a.pos.remove(0);
    }
    if a.pos.len() > 1 {
        return Err(vm.type_error(&format!("{fname}() takes at most 1 positional argument ({} given)", a.pos.len())));
    }
    let data = a.pos.first().cloned();
    let int = |vm: &mut Vm, a: &mut Args, k: &str, default: i64| -> PyResult<i64> {
        match a.take_kw(k) {
            Some(v) => vm.index_of(&v),
            None => Ok(default),
        }
    };
    let digest_size = int(vm, a, "digest_size", max_out)?;
    let fanout = int(vm, a, "fanout", 1)?;
    let depth = int(vm, a, "depth", 1)?;
    let leaf_size = int(vm, a, "leaf_size", 0)?;
    let node_offset = int(vm, a, "node_offset", 0)?;
    let node_depth = int(vm, a, "node_depth", 0)?;
    let inner_size = int(vm, a, "inner_size", 0)?;
    let buf = |vm: &mut Vm, a: &mut Args, k: &str| -> PyResult<Vec<u8>> {
        match a.take_kw(k) {
            Some(v) => Ok(data_arg(vm, &v)?.to_vec()),
            None => Ok(Vec::new()),
        }
    };
    let key = buf(vm, a, "key")?;
    let salt = buf(vm, a, "salt")?;
    let person = buf(vm, a, "person")?;
    let last_node = match a.take_kw("last_node") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    a.take_kw("usedforsecurity");
    if let Some((k, _)) = a.kw.first() {
        return Err(vm.type_error(&format!("{fname}() got an unexpected keyword argument '{}'", k.as_str())));
    }
    if !(1..=max_out).contains(&digest_size) {
        return Err(vm.value_error(&format!("digest_size must be between 1 and {max_out} bytes")));
    }
    if salt.len() > max_salt {
        return Err(vm.value_error(&format!("maximum salt length is {max_salt} bytes")));
    }
    if person.len() > max_salt {
        return Err(vm.value_error(&format!("maximum person length is {max_salt} bytes")));
    }
    if !(0..=255).contains(&fanout) {
        return Err(vm.value_error("fanout must be between 0 and 255"));
    }
    if !(1..=255).contains(&depth) {
        return Err(vm.value_error("depth must be between 1 and 255"));
    }
    if leaf_size < 0 || node_offset < 0 {
        return Err(vm.value_error("value must be positive"));
    }
    if leaf_size > u32::MAX as i64 {
        return Err(vm.overflow_error("leaf_size is too large"));
    }
    if !big && node_offset >= 1 << 48 {
        return Err(vm.overflow_error("node_offset is too large"));
    }
    if !(0..=255).contains(&node_depth) {
        return Err(vm.value_error("node_depth must be between 0 and 255"));
    }
    if !(0..=max_out).contains(&inner_size) {
        return Err(vm.value_error(&format!("inner_size must be between 0 and is {max_out}")));
    }
    if key.len() > max_out as usize {
        return Err(vm.value_error(&format!("maximum key length is {max_out} bytes")));
    }
    let p = Blake2Params {
        digest_size: digest_size as usize,
        key,
        salt,
        person,
        fanout: fanout as u8,
        depth: depth as u8,
        leaf_size: leaf_size as u32,
        node_offset: node_offset as u64,
        node_depth: node_depth as u8,
        inner_size: inner_size as usize,
        last_node,
    };
    Ok((data, p))
}

/// Creates the `_blake2` module.
pub fn create_blake2(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    for big in [true, false] {
        let name = if big { "blake2b" } else { "blake2s" };
        let (out, salt, block) = if big { (64, 16, 128) } else { (32, 8, 64) };
        let cls = hash_class(vm, "_blake2", name);
        for (k, v) in [("SALT_SIZE", salt), ("PERSON_SIZE", salt), ("MAX_KEY_SIZE", out), ("MAX_DIGEST_SIZE", out)] {
            cls.dict.set_item_str(k, Value::Int(v));
            d.set_item_str(&format!("{}_{k}", name.to_uppercase()), Value::Int(v));
        }
        let c2 = cls.clone();
        def(&cls.dict, "__new__", move |vm, mut a| {
            let (data, p) = blake2_params(vm, &mut a, big)?;
            let mut st = if big {
                let mut b = blake2b_simd::Params::new();
                b.hash_length(p.digest_size)
                    .key(&p.key)
                    .salt(&p.salt)
                    .personal(&p.person)
                    .fanout(p.fanout)
                    .max_depth(p.depth)
                    .max_leaf_length(p.leaf_size)
                    .node_offset(p.node_offset)
                    .node_depth(p.node_depth)
                    .inner_hash_length(p.inner_size)
                    .last_node(p.last_node);
                State::Blake2b(b.to_state())
            } else {
                let mut b = blake2s_simd::Params::new();
                b.hash_length(p.digest_size)
                    .key(&p.key)
                    .salt(&p.salt)
                    .personal(&p.person)
                    .fanout(p.fanout)
                    .max_depth(p.depth)
                    .max_leaf_length(p.leaf_size)
                    .node_offset(p.node_offset)
                    .node_depth(p.node_depth)
                    .inner_hash_length(p.inner_size)
                    .last_node(p.last_node);
                State::Blake2s(b.to_state())
            };
            if let Some(v) = data {
                let bytes = data_arg(vm, &v)?;
                st.update(&bytes);
            }
            Ok(Value::from_native(Arc::new(HashObj {
                state: Mutex::new(st),
                name,
                digest_size: p.digest_size,
                block_size: block as usize,
                class: c2.clone(),
            })))
        });
        d.set_item_str(name, Value::Class(cls));
    }
    Ok(module("_blake2", d))
}

/// `_operator._compare_digest(a, b)`, which CPython's `hmac` imports when
/// there is no OpenSSL: equality of two ASCII strs or two bytes-like
/// objects, taking the same time wherever they differ.
pub fn create_operator(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    super::operator_getters::register(vm, &d);
    super::operator_funcs::register(&d);
    // CPython's operator.py copies the accelerator's docstring.
    d.set_item_str("__doc__", Value::str("The operators of Python as functions (operator.add(x, y) is x + y)."));
    def(&d, "_compare_digest", |vm, a| {
        a.no_kw(vm, "_compare_digest")?;
        if a.pos.len() != 2 {
            return Err(vm.type_error(&format!("_compare_digest expected 2 arguments, got {}", a.pos.len())));
        }
        let (x, y) = (&a.pos[0], &a.pos[1]);
        let strs = (super::types_str::as_pystr(x), super::types_str::as_pystr(y));
        let (x, y): (Vec<u8>, Vec<u8>) = match strs {
            // str subclasses too: their `__eq__` plays no part.
            (Some(s), Some(t)) => {
                if !s.as_str().is_ascii() || !t.as_str().is_ascii() {
                    return Err(vm.type_error("comparing strings with non-ASCII characters is not supported"));
                }
                (s.as_str().as_bytes().to_vec(), t.as_str().as_bytes().to_vec())
            }
            _ => match (as_bytes(x), as_bytes(y)) {
                (Some(s), Some(t)) => (s.to_vec(), t.to_vec()),
                (None, None) => {
                    let (tx, ty) = (vm.type_name(x), vm.type_name(y));
                    return Err(vm.type_error(&format!(
                        "unsupported operand types(s) or combination of types: '{tx}' and '{ty}'"
                    )));
                }
                (s, _) => {
                    let bad = if s.is_none() { x } else { y };
                    let tn = vm.type_name(bad);
                    return Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")));
                }
            },
        };
        // Every byte of `y` is visited whatever the lengths or contents.
        let mut diff = (x.len() != y.len()) as u8;
        for (i, b) in y.iter().enumerate() {
            diff |= b ^ x.get(i).copied().unwrap_or(!b);
        }
        Ok(Value::Bool(diff == 0))
    });
    Ok(module("_operator", d))
}
