//! Two small native modules under CPython's pure-Python library:
//! `_string` (the format-string parser `string.Formatter` walks) and a
//! minimal `_locale` (only the C/POSIX locale, so `locale` imports and its
//! C-locale answers are CPython's).

use std::sync::Arc;

use super::def;
use super::native_util::{exc_class, int_arg, module, raise};
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::{PyResult, Vm};

/// One piece of a format string: literal text, then optionally a field
/// (name, spec, conversion).
type Piece = (String, Option<String>, Option<String>, Option<char>);

/// Splits a format string as `str.format` reads it; errors are CPython's.
fn parse_format(s: &str) -> Result<Vec<Piece>, &'static str> {
    let c: Vec<char> = s.chars().collect();
    let n = c.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let mut lit = String::new();
        let mut field = false;
        while i < n {
            let ch = c[i];
            i += 1;
            if ch == '{' || ch == '}' {
                if i < n && c[i] == ch {
                    // A doubled brace ends the literal, keeping one brace.
                    lit.push(ch);
                    i += 1;
                    break;
                }
                if ch == '}' {
                    return Err("Single '}' encountered in format string");
                }
                if i >= n {
                    return Err("Single '{' encountered in format string");
                }
                field = true;
                break;
            }
            lit.push(ch);
        }
        if !field {
            out.push((lit, None, None, None));
            continue;
        }
        let start = i;
        let mut bracket = false;
        let mut term = None;
        while i < n {
            let ch = c[i];
            i += 1;
            match ch {
                '[' => bracket = true,
                ']' => bracket = false,
                _ if bracket => {}
                '{' => return Err("unexpected '{' in field name"),
                '}' | ':' | '!' => {
                    term = Some(ch);
                    break;
                }
                _ => {}
            }
        }
        let Some(mut t) = term else { return Err("expected '}' before end of string") };
        let name: String = c[start..i - 1].iter().collect();
        let mut conversion = None;
        let mut spec = String::new();
        if t == '!' {
            if i >= n {
                return Err("end of string while looking for conversion specifier");
            }
            conversion = Some(c[i]);
            i += 1;
            if i >= n {
                return Err("unmatched '{' in format spec");
            }
            t = c[i];
            i += 1;
            if t != '}' && t != ':' {
                return Err("expected ':' after conversion specifier");
            }
        }
        if t == ':' {
            let spec_start = i;
            let mut depth = 1;
            let mut closed = false;
            while i < n {
                let ch = c[i];
                i += 1;
                if ch == '{' {
                    depth += 1;
                } else if ch == '}' {
                    depth -= 1;
                    if depth == 0 {
                        closed = true;
                        break;
                    }
                }
            }
            if !closed {
                return Err("unmatched '{' in format spec");
            }
            spec = c[spec_start..i - 1].iter().collect();
        }
        out.push((lit, Some(name), Some(spec), conversion));
    }
    Ok(out)
}

/// A field name's first part or an index key: an int when all digits.
fn name_part(s: &str) -> Value {
    if !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_digit())
        && let Ok(n) = s.parse::<i64>()
    {
        return Value::Int(n);
    }
    Value::str(s)
}

/// `formatter_field_name_split`: the first part and the (is_attr, key) rest.
/// The parts after a field name's first: (is_attribute, name or key).
type FieldRest = Vec<(bool, Value)>;

fn split_field_name(s: &str) -> Result<(Value, FieldRest), &'static str> {
    let c: Vec<char> = s.chars().collect();
    let mut i = c.iter().position(|&ch| ch == '.' || ch == '[').unwrap_or(c.len());
    let first: String = c[..i].iter().collect();
    let mut rest = Vec::new();
    while i < c.len() {
        let ch = c[i];
        i += 1;
        if ch == '.' {
            let start = i;
            while i < c.len() && c[i] != '.' && c[i] != '[' {
                i += 1;
            }
            if i == start {
                return Err("Empty attribute in format string");
            }
            rest.push((true, Value::string(c[start..i].iter().collect())));
        } else if ch == '[' {
            let start = i;
            while i < c.len() && c[i] != ']' {
                i += 1;
            }
            if i >= c.len() {
                return Err("Missing ']' in format string");
            }
            if i == start {
                return Err("Empty attribute in format string");
            }
            let key: String = c[start..i].iter().collect();
            i += 1;
            rest.push((false, name_part(&key)));
            if i < c.len() && c[i] != '.' && c[i] != '[' {
                return Err("Only '.' or '[' may follow ']' in format field specifier");
            }
        } else {
            return Err("Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    Ok((name_part(&first), rest))
}

fn str_arg(vm: &mut Vm, v: Option<&Value>, fname: &str) -> PyResult<String> {
    match v {
        Some(Value::Str(s)) => Ok(s.as_str().to_string()),
        Some(other) => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!("{fname}() argument must be str, not {tn}")))
        }
        None => Err(vm.type_error(&format!("{fname}() takes exactly one argument (0 given)"))),
    }
}

/// Creates the `_string` module.
pub fn create_string(vm: &mut Vm) -> PyResult<Value> {
    let _ = vm;
    let d = Arc::new(Dict::new());
    def(&d, "formatter_parser", |vm, a| {
        a.check(vm, "formatter_parser", 1, 1)?;
        let s = str_arg(vm, a.pos.first(), "formatter_parser")?;
        let pieces = parse_format(&s).map_err(|m| vm.value_error(m))?;
        let opt = |v: Option<String>| v.map(Value::string).unwrap_or(Value::None);
        let items = pieces
            .into_iter()
            .map(|(lit, name, spec, conv)| {
                let conv = conv.map(|c| Value::string(c.to_string())).unwrap_or(Value::None);
                Value::tuple(vec![Value::string(lit), opt(name), opt(spec), conv])
            })
            .collect();
        vm.get_iter(&Value::list(items))
    });
    def(&d, "formatter_field_name_split", |vm, a| {
        a.check(vm, "formatter_field_name_split", 1, 1)?;
        let s = str_arg(vm, a.pos.first(), "formatter_field_name_split")?;
        let (first, rest) = split_field_name(&s).map_err(|m| vm.value_error(m))?;
        let rest = rest.into_iter().map(|(attr, k)| Value::tuple(vec![Value::Bool(attr), k])).collect();
        let it = vm.get_iter(&Value::list(rest))?;
        Ok(Value::tuple(vec![first, it]))
    });
    Ok(module("_string", d))
}

const CHAR_MAX: i64 = 127;

/// Creates the `_locale` module: the C locale only.
pub fn create_locale(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    let error = exc_class(vm, "locale", "Error", &["Exception"])?;
    d.set_item_str("Error", Value::Class(error.clone()));
    for (k, v) in [
        ("LC_CTYPE", 0),
        ("LC_NUMERIC", 1),
        ("LC_TIME", 2),
        ("LC_COLLATE", 3),
        ("LC_MONETARY", 4),
        ("LC_MESSAGES", 5),
        ("LC_ALL", 6),
        ("CHAR_MAX", CHAR_MAX),
    ] {
        d.set_item_str(k, Value::Int(v));
    }
    def(&d, "setlocale", move |vm, mut a| {
        if a.pos.len() > 2 {
            return Err(vm.type_error(&format!("setlocale expected at most 2 arguments, got {}", a.pos.len())));
        }
        let Some(cat) = a.arg(0, "category") else {
            return Err(vm.type_error("setlocale() missing required argument 'category' (pos 1)"));
        };
        let loc = a.arg(1, "locale");
        a.no_extra_kw(vm, "setlocale")?;
        let cat = int_arg(vm, &cat)?;
        // The C library refuses an unknown category as it refuses a locale.
        let known = (0..=6).contains(&cat);
        match loc {
            None | Some(Value::None) if !known => Err(raise(vm, &error, "locale query failed")),
            _ if !known => Err(raise(vm, &error, "unsupported locale setting")),
            None | Some(Value::None) => Ok(Value::str("C")),
            Some(Value::Str(s)) => match s.as_str() {
                "" | "C" | "POSIX" => Ok(Value::str("C")),
                "C.UTF-8" | "C.utf8" => Ok(Value::Str(s.clone())),
                _ => Err(raise(vm, &error, "unsupported locale setting")),
            },
            Some(other) => {
                let tn = vm.type_name(&other);
                Err(vm.type_error(&format!("setlocale() argument 2 must be str or None, not {tn}")))
            }
        }
    });
    def(&d, "localeconv", |vm, a| {
        a.check(vm, "localeconv", 0, 0)?;
        let r = Dict::new();
        for k in ["int_curr_symbol", "currency_symbol", "mon_decimal_point", "mon_thousands_sep"] {
            r.set_item_str(k, Value::str(""));
        }
        r.set_item_str("mon_grouping", Value::list(Vec::new()));
        r.set_item_str("positive_sign", Value::str(""));
        r.set_item_str("negative_sign", Value::str(""));
        for k in [
            "int_frac_digits",
            "frac_digits",
            "p_cs_precedes",
            "p_sep_by_space",
            "n_cs_precedes",
            "n_sep_by_space",
            "p_sign_posn",
            "n_sign_posn",
        ] {
            r.set_item_str(k, Value::Int(CHAR_MAX));
        }
        r.set_item_str("decimal_point", Value::str("."));
        r.set_item_str("thousands_sep", Value::str(""));
        r.set_item_str("grouping", Value::list(Vec::new()));
        Ok(Value::Dict(Arc::new(r)))
    });
    def(&d, "strcoll", |vm, a| {
        a.check(vm, "strcoll", 2, 2)?;
        let x = str_arg(vm, a.pos.first(), "strcoll")?;
        let y = str_arg(vm, a.pos.get(1), "strcoll")?;
        Ok(Value::Int(x.cmp(&y) as i64))
    });
    def(&d, "strxfrm", |vm, a| {
        a.check(vm, "strxfrm", 1, 1)?;
        Ok(Value::string(str_arg(vm, a.pos.first(), "strxfrm")?))
    });
    def(&d, "getencoding", |_vm, _a| Ok(Value::str("UTF-8")));
    Ok(module("_locale", d))
}
