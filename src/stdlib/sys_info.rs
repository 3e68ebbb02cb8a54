//! The descriptive attributes of `sys` that CPython's own library reads when
//! it loads (`gettext`, `sysconfig`, `unittest`, `test.support`): install
//! prefixes, `implementation`, the numeric `*_info` struct sequences, the
//! version numbers and the file-system encoding. Values are those of a 64-bit
//! Linux CPython 3.11, except where they describe gilt itself
//! (`implementation.name`, `cache_tag`).

use std::sync::Arc;

use super::def;
use super::sys::struct_seq;
use crate::object::class::{Instance, Payload};
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::Runtime;

/// `sys.hexversion` for 3.11.7 final.
const HEXVERSION: i64 = 0x030b_07f0;

/// Adds the attributes to the `sys` namespace `d`.
pub fn add(rt: &Runtime, d: &Dict) {
    // python3's prefixes (build.rs asked it; else the embedded library's
    // `/usr`): `site` finds its site-packages from them, as python3's does.
    let (prefix, exec_prefix) = (super::cpython_lib::python3::PREFIX, super::cpython_lib::python3::EXEC_PREFIX);
    for (name, value) in
        [("prefix", prefix), ("base_prefix", prefix), ("exec_prefix", exec_prefix), ("base_exec_prefix", exec_prefix)]
    {
        d.set_item_str(name, Value::str(value));
    }
    d.set_item_str("platlibdir", Value::str("lib"));
    d.set_item_str("_xoptions", Value::Dict(Arc::new(Dict::new())));
    d.set_item_str("abiflags", Value::str(""));
    d.set_item_str("api_version", Value::Int(1013));
    d.set_item_str("hexversion", Value::Int(HEXVERSION));
    d.set_item_str("maxunicode", Value::Int(0x10ffff));
    d.set_item_str("float_repr_style", Value::str("short"));
    d.set_item_str("implementation", implementation(rt));
    d.set_item_str(
        "hash_info",
        struct_seq(
            rt,
            "sys",
            "hash_info",
            &["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"],
            vec![
                Value::Int(64),
                Value::Int((1i64 << 61) - 1),
                Value::Int(314_159),
                Value::Int(0),
                Value::Int(1_000_003),
                Value::str("siphash13"),
                Value::Int(64),
                Value::Int(128),
                Value::Int(0),
            ],
        ),
    );
    d.set_item_str(
        "float_info",
        struct_seq(
            rt,
            "sys",
            "float_info",
            &[
                "max",
                "max_exp",
                "max_10_exp",
                "min",
                "min_exp",
                "min_10_exp",
                "dig",
                "mant_dig",
                "epsilon",
                "radix",
                "rounds",
            ],
            vec![
                Value::Float(f64::MAX),
                Value::Int(f64::MAX_EXP as i64),
                Value::Int(f64::MAX_10_EXP as i64),
                Value::Float(f64::MIN_POSITIVE),
                Value::Int(f64::MIN_EXP as i64),
                Value::Int(f64::MIN_10_EXP as i64),
                Value::Int(f64::DIGITS as i64),
                Value::Int(f64::MANTISSA_DIGITS as i64),
                Value::Float(f64::EPSILON),
                Value::Int(2),
                Value::Int(1),
            ],
        ),
    );
    d.set_item_str(
        "int_info",
        struct_seq(
            rt,
            "sys",
            "int_info",
            &["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"],
            vec![Value::Int(30), Value::Int(4), Value::Int(4300), Value::Int(640)],
        ),
    );
    d.set_item_str(
        "thread_info",
        struct_seq(
            rt,
            "sys",
            "thread_info",
            &["name", "lock", "version"],
            vec![Value::str("pthread"), Value::str("semaphore"), Value::None],
        ),
    );
    def(d, "getfilesystemencoding", |_vm, _a| Ok(Value::str("utf-8")));
    def(d, "getfilesystemencodeerrors", |_vm, _a| Ok(Value::str("surrogateescape")));
    def(d, "get_int_max_str_digits", |_vm, _a| Ok(Value::Int(crate::object::numfmt::get_int_max_str_digits() as i64)));
    def(d, "set_int_max_str_digits", |vm, mut a| {
        let Some(v) = a.arg(0, "maxdigits") else {
            return Err(vm.type_error("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)"));
        };
        let n = vm.index_of(&v)?;
        crate::object::numfmt::set_int_max_str_digits(n).map_err(|m| vm.value_error(&m))?;
        Ok(Value::None)
    });
}

/// `sys.implementation`: a namespace naming gilt. Its `cache_tag`, `gilt-311`,
/// names the `__pycache__/NAME.gilt-311.pyc` files that `py_compile`,
/// `compileall` and importlib's loaders write: never CPython's `.pyc`, and
/// their magic number is gilt's build's (stdlib/py/_imp.py), so a file of
/// another build or of CPython is recompiled, not read.
fn implementation(rt: &Runtime) -> Value {
    const CACHE_TAG: &str = "gilt-311";
    let cls = super::simple_namespace::class(rt);
    let inst = Instance::new(cls, Payload::None);
    let version = struct_seq(
        rt,
        "sys",
        "version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
        vec![Value::Int(3), Value::Int(11), Value::Int(7), Value::str("final"), Value::Int(0)],
    );
    inst.dict.set_item_str("name", Value::str("gilt"));
    inst.dict.set_item_str("cache_tag", Value::str(CACHE_TAG));
    inst.dict.set_item_str("version", version);
    inst.dict.set_item_str("hexversion", Value::Int(HEXVERSION));
    inst.dict.set_item_str("_multiarch", Value::str(&format!("{}-linux-gnu", std::env::consts::ARCH)));
    Value::Instance(Arc::new(inst))
}
