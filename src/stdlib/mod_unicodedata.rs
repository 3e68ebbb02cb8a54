//! `unicodedata` over gilt's Unicode database (`src/ucd`): the Unicode
//! 14.0.0 functions at module level and the same functions as methods of
//! `ucd_3_2_0`, a `UCD` object answering for Unicode 3.2.0, with CPython
//! 3.11's arguments and error messages.

use std::sync::Arc;

use super::native_util::module;
use super::{def, readonly_property};
use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::stdlib::types_str::as_pystr;
use crate::ucd::names::{self, Found};
use crate::ucd::normalize::{Form, normalize};
use crate::ucd::{Version, ucd};
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyResult, Vm};

/// `unicodedata.UCD`: one version of the database.
struct UcdObj {
    version: Version,
    class: Arc<Class>,
}

crate::object::native::impl_native_object!(UcdObj);

/// How a function takes its arguments (CPython's clinic signatures differ).
#[derive(Clone, Copy)]
enum Sig {
    /// `f(chr, /)`: "unicodedata.f() takes exactly one argument (N given)".
    One,
    /// `f(chr, default=<unset>, /)`.
    OneOrTwo,
    /// `f(form, unistr, /)`.
    Two,
}

type Body = fn(&mut Vm, Version, &[Value]) -> PyResult;

/// The functions: name, signature, body.
const FUNCTIONS: &[(&str, Sig, Body)] = &[
    ("category", Sig::One, |vm, v, a| {
        Ok(Value::str(&ucd().record(chr_arg(vm, "category", &a[0], false)?, v).category))
    }),
    ("bidirectional", Sig::One, |vm, v, a| {
        Ok(Value::str(&ucd().record(chr_arg(vm, "bidirectional", &a[0], false)?, v).bidi))
    }),
    ("combining", Sig::One, |vm, v, a| {
        Ok(Value::Int(ucd().record(chr_arg(vm, "combining", &a[0], false)?, v).combining.into()))
    }),
    ("east_asian_width", Sig::One, |vm, v, a| {
        Ok(Value::str(&ucd().record(chr_arg(vm, "east_asian_width", &a[0], false)?, v).east_asian_width))
    }),
    ("mirrored", Sig::One, |vm, v, a| {
        Ok(Value::Int(ucd().record(chr_arg(vm, "mirrored", &a[0], false)?, v).mirrored.into()))
    }),
    ("decomposition", Sig::One, |vm, v, a| {
        Ok(Value::str(ucd().decomposition(chr_arg(vm, "decomposition", &a[0], false)?, v)))
    }),
    ("decimal", Sig::OneOrTwo, |vm, v, a| {
        let d = ucd().record(chr_arg(vm, "decimal", &a[0], true)?, v).decimal;
        or_default(vm, d.map(|d| Value::Int(d.into())), a, "not a decimal")
    }),
    ("digit", Sig::OneOrTwo, |vm, v, a| {
        let d = ucd().record(chr_arg(vm, "digit", &a[0], true)?, v).digit;
        or_default(vm, d.map(|d| Value::Int(d.into())), a, "not a digit")
    }),
    ("numeric", Sig::OneOrTwo, |vm, v, a| {
        let n = ucd().record(chr_arg(vm, "numeric", &a[0], true)?, v).numeric;
        or_default(vm, n.map(Value::Float), a, "not a numeric character")
    }),
    ("name", Sig::OneOrTwo, |vm, v, a| {
        let n = names::name(chr_arg(vm, "name", &a[0], true)?, v);
        or_default(vm, n.map(Value::string), a, "no such name")
    }),
    ("lookup", Sig::One, lookup),
    ("normalize", Sig::Two, |vm, v, a| {
        let (form, s) = form_args(vm, "normalize", a)?;
        Ok(Value::string(normalize(&s, form, v)))
    }),
    ("is_normalized", Sig::Two, |vm, v, a| {
        let (form, s) = form_args(vm, "is_normalized", a)?;
        Ok(Value::Bool(normalize(&s, form, v) == s))
    }),
];

/// The code point of a one-character str argument.
fn chr_arg(vm: &mut Vm, fname: &str, v: &Value, numbered: bool) -> PyResult<u32> {
    if let Some(s) = as_pystr(v)
        && s.char_len() == 1
    {
        return Ok(s.char_at(0) as u32);
    }
    let tn = vm.type_name(v);
    let arg = if numbered { "argument 1" } else { "argument" };
    Err(vm.type_error(&format!("{fname}() {arg} must be a unicode character, not {tn}")))
}

/// The value, else the default argument, else a ValueError.
fn or_default(vm: &mut Vm, found: Option<Value>, a: &[Value], msg: &str) -> PyResult {
    match (found, a.get(1)) {
        (Some(v), _) => Ok(v),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(vm.value_error(msg)),
    }
}

fn form_args(vm: &mut Vm, fname: &str, a: &[Value]) -> PyResult<(Form, String)> {
    let mut strs = Vec::with_capacity(2);
    for (i, v) in a.iter().enumerate() {
        match as_pystr(v) {
            Some(s) => strs.push(s),
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!("{fname}() argument {} must be str, not {tn}", i + 1)));
            }
        }
    }
    let form = Form::parse(strs[0].as_str()).ok_or_else(|| vm.value_error("invalid normalization form"))?;
    Ok((form, strs[1].as_str().to_string()))
}

/// `lookup(name)`: a str or bytes-like name; aliases and named sequences
/// too, in Unicode 14.0 only.
fn lookup(vm: &mut Vm, v: Version, a: &[Value]) -> PyResult {
    let name = match as_pystr(&a[0]) {
        Some(s) => s.as_str().to_string(),
        None => {
            let b = super::native_util::buffer_arg(vm, &a[0])?;
            String::from_utf8_lossy(&b).into_owned()
        }
    };
    // CPython refuses names longer than its longest buffer before looking.
    if name.len() > 256 {
        return Err(vm.key_error(Value::str("name too long")));
    }
    match names::lookup(&name, v, true) {
        Some(Found::Char(c)) => Ok(Value::string(c.to_string())),
        Some(Found::Sequence(s)) => Ok(Value::string(s)),
        None => Err(vm.key_error(Value::string(format!("undefined character name '{name}'")))),
    }
}

/// Checks the argument count with CPython's wording for `sig`.
fn check_sig(vm: &mut Vm, a: &Args, skip: usize, owner: &str, fname: &str, sig: Sig) -> PyResult<()> {
    if !a.kw.is_empty() {
        return Err(vm.type_error(&format!("{owner}.{fname}() takes no keyword arguments")));
    }
    let n = a.pos.len() - skip;
    let msg = match sig {
        Sig::One if n != 1 => format!("{owner}.{fname}() takes exactly one argument ({n} given)"),
        Sig::OneOrTwo if n == 0 => format!("{fname} expected at least 1 argument, got 0"),
        Sig::OneOrTwo if n > 2 => format!("{fname} expected at most 2 arguments, got {n}"),
        Sig::Two if n != 2 => format!("{fname} expected 2 arguments, got {n}"),
        _ => return Ok(()),
    };
    Err(vm.type_error(&msg))
}

/// Creates the `unicodedata` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    let cls = new_builtin_class("UCD", std::slice::from_ref(&vm.rt.types.object), Layout::Opaque);
    cls.dict.set_item_str("__module__", Value::str("unicodedata"));
    for &(fname, sig, body) in FUNCTIONS {
        def(&d, fname, move |vm, a| {
            check_sig(vm, &a, 0, "unicodedata", fname, sig)?;
            body(vm, Version::V14, &a.pos)
        });
        def(&cls.dict, fname, move |vm, a| {
            let version = match a.native_self::<UcdObj>() {
                Some(o) => o.version,
                None => {
                    return Err(
                        vm.type_error(&format!("descriptor '{fname}' for 'unicodedata.UCD' objects needs an argument"))
                    );
                }
            };
            check_sig(vm, &a, 1, "UCD", fname, sig)?;
            body(vm, version, &a.pos[1..])
        });
    }
    let version = Vm::native("unidata_version", |_vm, a| {
        let v = a.native_self::<UcdObj>().map(|o| o.version);
        Ok(Value::str(if v == Some(Version::V32) { "3.2.0" } else { "14.0.0" }))
    });
    readonly_property(vm, &cls, "unidata_version", version);
    d.set_item_str("unidata_version", Value::str("14.0.0"));
    d.set_item_str("ucd_3_2_0", Value::from_native(Arc::new(UcdObj { version: Version::V32, class: cls.clone() })));
    d.set_item_str("UCD", Value::Class(cls));
    // CPython's capsule for the `\N{}` decoder; gilt's decoder needs none,
    // but code (and tests) look for the attribute.
    d.set_item_str("_ucnhash_CAPI", Value::None);
    Ok(module("unicodedata", d))
}
