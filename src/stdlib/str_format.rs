//! `str.format`, `str.format_map`, `str.maketrans` and `str.translate`.

use std::sync::Arc;

use super::method;
use super::types_str::{as_pystr, recv_str};
use crate::object::dict::Dict;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::vm::{PyResult, Runtime, Vm};

/// Where `{name}` fields are looked up.
pub enum Named<'a> {
    /// Keyword arguments of `str.format`.
    Kw(&'a [(Arc<PyStr>, Value)]),
    /// The mapping of `str.format_map`.
    Map(Value),
}

/// The state of one `str.format` call (argument numbering).
struct Fmt<'a> {
    pos: &'a [Value],
    named: Named<'a>,
    /// Next automatic index; None once manual numbering was used.
    auto: Option<usize>,
    manual: bool,
}

/// Formats `fmt` with positional and named arguments, as `str.format` does.
pub fn format_str(vm: &mut Vm, fmt: &str, pos: &[Value], named: Named<'_>) -> PyResult<String> {
    let mut st = Fmt { pos, named, auto: Some(0), manual: false };
    render(vm, fmt, &mut st, 2)
}

fn render(vm: &mut Vm, fmt: &str, st: &mut Fmt<'_>, depth: u32) -> PyResult<String> {
    let mut out = String::with_capacity(fmt.len() + 16);
    let b = fmt.as_bytes();
    let mut i = 0;
    let mut lit = 0;
    while i < b.len() {
        match b[i] {
            b'{' => {
                out.push_str(&fmt[lit..i]);
                if b.get(i + 1) == Some(&b'{') {
                    out.push('{');
                    i += 2;
                    lit = i;
                    continue;
                }
                // Find the matching close brace (nested braces in the spec). In the
                // field name, before any `!` or `:`, an index in brackets is taken
                // as it is: `{0[}]}` looks up the key '}' (CPython's MarkupIterator).
                let mut lvl = 1;
                let mut j = i + 1;
                let mut in_name = true;
                let mut in_bracket = false;
                while j < b.len() {
                    if in_bracket {
                        in_bracket = b[j] != b']';
                        j += 1;
                        continue;
                    }
                    match b[j] {
                        b'[' if in_name => in_bracket = true,
                        // A field name ends at ':', '!' or '}' and never holds a brace.
                        b'{' if in_name => return Err(vm.value_error("unexpected '{' in field name")),
                        b':' | b'!' if lvl == 1 => in_name = false,
                        b'{' => lvl += 1,
                        b'}' => {
                            lvl -= 1;
                            if lvl == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    j += 1;
                }
                if j >= b.len() {
                    let msg = if i + 1 == b.len() {
                        "Single '{' encountered in format string"
                    } else {
                        "expected '}' before end of string"
                    };
                    return Err(vm.value_error(msg));
                }
                if depth == 0 {
                    return Err(vm.value_error("Max string recursion exceeded"));
                }
                let field = &fmt[i + 1..j];
                let s = field_value(vm, field, st, depth)?;
                out.push_str(&s);
                i = j + 1;
                lit = i;
            }
            b'}' => {
                out.push_str(&fmt[lit..i]);
                if b.get(i + 1) == Some(&b'}') {
                    out.push('}');
                    i += 2;
                    lit = i;
                    continue;
                }
                return Err(vm.value_error("Single '}' encountered in format string"));
            }
            _ => i += 1,
        }
    }
    out.push_str(&fmt[lit..]);
    Ok(out)
}

fn field_value(vm: &mut Vm, field: &str, st: &mut Fmt<'_>, depth: u32) -> PyResult<String> {
    // Split off ":spec" and "!conv" (the name part may contain [..] with ':' or '!').
    let mut name_end = field.len();
    let mut in_bracket = false;
    for (k, c) in field.char_indices() {
        match c {
            '[' => in_bracket = true,
            ']' => in_bracket = false,
            '{' if !in_bracket => return Err(vm.value_error("unexpected '{' in field name")),
            ':' | '!' if !in_bracket => {
                name_end = k;
                break;
            }
            _ => {}
        }
    }
    let name = &field[..name_end];
    let mut rest = &field[name_end..];
    let mut conv = None;
    if let Some(r) = rest.strip_prefix('!') {
        let mut chars = r.chars();
        let c = chars.next();
        let after = chars.as_str();
        if !(after.is_empty() || after.starts_with(':')) || c.is_none() {
            return Err(vm.value_error("expected ':' after conversion specifier"));
        }
        conv = c;
        rest = after;
    }
    let spec_raw = rest.strip_prefix(':').unwrap_or("");
    let mut v = lookup_field(vm, name, st)?;
    match conv {
        None => {}
        Some('r') => v = Value::string(vm.repr_of(&v)?),
        Some('s') => v = Value::string(vm.str_of(&v)?),
        Some('a') => v = Value::string(vm.ascii_of(&v)?),
        Some(c) => return Err(vm.value_error(&format!("Unknown conversion specifier {c}"))),
    }
    let spec = if spec_raw.contains('{') { render(vm, spec_raw, st, depth - 1)? } else { spec_raw.to_string() };
    vm.format_value(&v, &spec)
}

fn lookup_field(vm: &mut Vm, name: &str, st: &mut Fmt<'_>) -> PyResult {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let mut v = if first.is_empty() {
        if st.manual {
            return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering"));
        }
        let i = st.auto.unwrap_or(0);
        st.auto = Some(i + 1);
        positional(vm, st, i)?
    } else if first.bytes().all(|c| c.is_ascii_digit()) {
        if st.auto.is_some_and(|n| n > 0) {
            return Err(vm.value_error("cannot switch from automatic field numbering to manual field specification"));
        }
        st.manual = true;
        let i = field_number(vm, first)?;
        positional(vm, st, i)?
    } else {
        match &st.named {
            Named::Kw(kw) => match kw.iter().find(|(k, _)| k.as_str() == first) {
                Some((_, v)) => v.clone(),
                None => return Err(vm.key_error(Value::str(first))),
            },
            Named::Map(m) => {
                let m = m.clone();
                vm.get_item(&m, &Value::str(first))?
            }
        }
    };
    let mut rest = &name[first_end..];
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            let attr = &r[..end];
            if attr.is_empty() {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            let a = vm.rt.intern(attr);
            v = vm.get_attr(&v, &a)?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let Some(end) = r.find(']') else {
                return Err(vm.value_error("Missing ']' in format string"));
            };
            let key = &r[..end];
            if key.is_empty() {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            let k = if key.bytes().all(|c| c.is_ascii_digit()) {
                Value::Int(field_number(vm, key)? as i64)
            } else {
                Value::str(key)
            };
            v = vm.get_item(&v, &k)?;
            rest = &r[end + 1..];
        } else {
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(v)
}

/// A field number or an index in brackets: all digits, at most `isize::MAX`
/// (CPython's `get_integer`).
fn field_number(vm: &mut Vm, digits: &str) -> PyResult<usize> {
    match digits.parse::<usize>() {
        Ok(n) if n <= isize::MAX as usize => Ok(n),
        _ => Err(vm.value_error("Too many decimal digits in format string")),
    }
}

fn positional(vm: &mut Vm, st: &Fmt<'_>, i: usize) -> PyResult {
    // `format_map` has a mapping and no argument tuple at all.
    if let Named::Map(_) = st.named {
        return Err(vm.value_error("Format string contains positional fields"));
    }
    match st.pos.get(i) {
        Some(v) => Ok(v.clone()),
        None => Err(vm.index_error(&format!("Replacement index {i} out of range for positional args tuple"))),
    }
}

/// Registers `format`, `format_map`, `maketrans` and `translate` on str.
pub fn register(rt: &Runtime) {
    let c = &rt.types.str_;
    method(c, "format", |vm, a| {
        let st = recv_str(vm, &a, "format")?;
        let r = format_str(vm, st.as_str(), &a.pos[1..], Named::Kw(&a.kw))?;
        Ok(Value::string(r))
    });
    method(c, "format_map", |vm, a| {
        a.check(vm, "format_map", 2, 2)?;
        let st = recv_str(vm, &a, "format_map")?;
        let r = format_str(vm, st.as_str(), &[], Named::Map(a.pos[1].clone()))?;
        Ok(Value::string(r))
    });
    // A static method, as CPython's: `'x'.maketrans('a', 'b')` and `str.maketrans` alike.
    let maketrans = Vm::native("maketrans", |vm, a| {
        if a.pos.is_empty() || a.pos.len() > 3 {
            let n = a.pos.len();
            let msg = if n == 0 {
                "maketrans expected at least 1 argument, got 0".to_string()
            } else {
                format!("maketrans expected at most 3 arguments, got {n}")
            };
            return Err(vm.type_error(&msg));
        }
        let args: &[Value] = &a.pos[..];
        let d = Arc::new(Dict::new());
        match args {
            [m] => {
                for (k, v) in vm.mapping_items(m)? {
                    let key = match &k {
                        Value::Str(s) if s.char_len() == 1 => Value::Int(s.char_at(0) as i64),
                        Value::Str(_) => {
                            return Err(vm.value_error("string keys in translate table must be of length 1"));
                        }
                        Value::Int(_) => k.clone(),
                        _ => return Err(vm.type_error("keys in translate table must be strings or integers")),
                    };
                    vm.dict_set(&d, key, v)?;
                }
            }
            [x, y] | [x, y, _] => {
                // Arguments 2 and 3 are parsed as str first, as CPython's clinic does.
                for (k, v) in args.iter().enumerate().skip(1) {
                    if as_pystr(v).is_none() {
                        let tn = vm.type_name(v);
                        return Err(vm.type_error(&format!("maketrans() argument {} must be str, not {tn}", k + 1)));
                    }
                }
                let (Some(x), Some(y)) = (as_pystr(x), as_pystr(y)) else {
                    return Err(
                        vm.type_error("first maketrans argument must be a string if there is a second argument")
                    );
                };
                if x.char_len() != y.char_len() {
                    return Err(vm.value_error("the first two maketrans arguments must have equal length"));
                }
                for (cx, cy) in x.as_str().chars().zip(y.as_str().chars()) {
                    vm.dict_set(&d, Value::Int(cx as i64), Value::Int(cy as i64))?;
                }
                if let Some(z) = args.get(2).and_then(as_pystr) {
                    for cz in z.as_str().chars() {
                        vm.dict_set(&d, Value::Int(cz as i64), Value::None)?;
                    }
                }
            }
            _ => return Err(vm.type_error("maketrans() takes 1 to 3 arguments")),
        }
        Ok(Value::Dict(d))
    });
    let maketrans = super::not_a_descriptor(maketrans);
    let sm = crate::object::descr::StaticMethod::new(maketrans, rt.types.staticmethod.clone());
    c.dict.set_item_str("maketrans", Value::from_native(Arc::new(sm)));
    method(c, "translate", |vm, a| {
        a.check(vm, "translate", 2, 2)?;
        let st = recv_str(vm, &a, "translate")?;
        let table = a.pos[1].clone();
        let mut out = String::with_capacity(st.as_str().len());
        for ch in st.as_str().chars() {
            match vm.get_item(&table, &Value::Int(ch as i64)) {
                Ok(Value::None) => {}
                Ok(Value::Int(n)) => match u32::try_from(n).ok().and_then(char::from_u32) {
                    Some(c) => out.push(c),
                    None => return Err(vm.value_error("character mapping must be in range(0x110000)")),
                },
                Ok(v) => match as_pystr(&v) {
                    Some(s) => out.push_str(s.as_str()),
                    None => return Err(vm.type_error("character mapping must return integer, None or str")),
                },
                Err(e) if vm.is_exc(&e, "LookupError") => out.push(ch),
                Err(e) => return Err(e),
            }
        }
        Ok(Value::string(out))
    });
}
