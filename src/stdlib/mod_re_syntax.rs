//! Pattern and replacement-template syntax for `re`: Python's syntax
//! translated to the regex crate's, `re.escape`, and flag names.

use super::{A, Classes, I, L, M, PatInner, S, X, re_err};
use crate::vm::{PyResult, Vm};

/// Translates a Python pattern to the regex crate's syntax.
pub(super) fn translate(vm: &Vm, cls: &Classes, p: &str, flags: i64) -> PyResult<String> {
    let unsupported = || re_err(vm, cls, "gilt's re does not support look-around/backreferences");
    let ascii = flags & A != 0;
    let cs: Vec<char> = p.chars().collect();
    let mut out = String::with_capacity(p.len() + 8);
    let mut i = 0;
    let mut in_class = false;
    while i < cs.len() {
        let c = cs[i];
        if c == '\\' {
            let Some(&n) = cs.get(i + 1) else {
                return Err(re_err(vm, cls, "bad escape (end of pattern)"));
            };
            i += 2;
            match n {
                '1'..='9' if !in_class => return Err(unsupported()),
                'Z' => out.push_str("\\z"),
                'd' | 'w' | 's' | 'D' | 'W' | 'S' if ascii => {
                    let body = match n.to_ascii_lowercase() {
                        'd' => "0-9",
                        'w' => "0-9A-Za-z_",
                        _ => "\\t\\n\\x0B\\x0C\\r ",
                    };
                    let neg = n.is_ascii_uppercase();
                    if in_class && !neg {
                        out.push_str(body);
                    } else if in_class {
                        out.push('\\');
                        out.push(n);
                    } else {
                        out.push_str(if neg { "[^" } else { "[" });
                        out.push_str(body);
                        out.push(']');
                    }
                }
                _ => {
                    out.push('\\');
                    out.push(n);
                }
            }
            continue;
        }
        if in_class {
            if c == ']' {
                in_class = false;
            } else if c == '[' {
                out.push_str("\\[");
                i += 1;
                continue;
            }
            out.push(c);
            i += 1;
            continue;
        }
        if c == '[' {
            in_class = true;
            out.push('[');
            i += 1;
            if cs.get(i) == Some(&'^') {
                out.push('^');
                i += 1;
            }
            if cs.get(i) == Some(&']') {
                out.push_str("\\]");
                i += 1;
            }
            continue;
        }
        if c == '(' && cs.get(i + 1) == Some(&'?') {
            let rest: String = cs[i + 2..cs.len().min(i + 5)].iter().collect();
            if rest.starts_with('=') || rest.starts_with('!') || rest.starts_with("<=") || rest.starts_with("<!") {
                return Err(unsupported());
            }
            if rest.starts_with("P=") {
                return Err(unsupported());
            }
            if rest.starts_with('#') {
                while i < cs.len() && cs[i] != ')' {
                    i += 1;
                }
                i += 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    Ok(out)
}

/// A parsed replacement template.
pub(super) enum Piece {
    Lit(String),
    Group(usize),
}

pub(super) fn parse_template(vm: &Vm, cls: &Classes, pat: &PatInner, t: &str) -> PyResult<Vec<Piece>> {
    let mut out = Vec::new();
    let mut lit = String::new();
    let cs: Vec<char> = t.chars().collect();
    let mut i = 0;
    let bad_group = |g: &str| re_err(vm, cls, &format!("invalid group reference {g}"));
    while i < cs.len() {
        let c = cs[i];
        if c != '\\' {
            lit.push(c);
            i += 1;
            continue;
        }
        let Some(&n) = cs.get(i + 1) else {
            return Err(re_err(vm, cls, "bad escape (end of pattern)"));
        };
        i += 2;
        let g = match n {
            'g' => {
                if cs.get(i) != Some(&'<') {
                    return Err(re_err(vm, cls, "missing <"));
                }
                let Some(close) = cs[i..].iter().position(|&c| c == '>') else {
                    return Err(re_err(vm, cls, "missing >, unterminated name"));
                };
                let name: String = cs[i + 1..i + close].iter().collect();
                i += close + 1;
                if let Ok(k) = name.parse::<usize>() {
                    k
                } else if let Some(k) = pat.names.iter().position(|x| x.as_deref() == Some(name.as_str())) {
                    k
                } else {
                    return Err(vm.index_error(&format!("unknown group name '{name}'")));
                }
            }
            '0'..='9' => {
                let mut k = n as usize - '0' as usize;
                if let Some(d) = cs.get(i).and_then(|c| c.to_digit(10)) {
                    k = k * 10 + d as usize;
                    i += 1;
                }
                k
            }
            'n' => {
                lit.push('\n');
                continue;
            }
            't' => {
                lit.push('\t');
                continue;
            }
            'r' => {
                lit.push('\r');
                continue;
            }
            'f' => {
                lit.push('\x0c');
                continue;
            }
            'v' => {
                lit.push('\x0b');
                continue;
            }
            'a' => {
                lit.push('\x07');
                continue;
            }
            '\\' => {
                lit.push('\\');
                continue;
            }
            c if c.is_ascii_alphabetic() => return Err(re_err(vm, cls, &format!("bad escape \\{c}"))),
            c => {
                lit.push('\\');
                lit.push(c);
                continue;
            }
        };
        if g > pat.groups {
            return Err(bad_group(&g.to_string()));
        }
        if !lit.is_empty() {
            out.push(Piece::Lit(std::mem::take(&mut lit)));
        }
        out.push(Piece::Group(g));
    }
    if !lit.is_empty() {
        out.push(Piece::Lit(lit));
    }
    Ok(out)
}

pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' => out.push_str("\\\t"),
            '\n' => out.push_str("\\\n"),
            '\r' => out.push_str("\\\r"),
            '\x0b' => out.push_str("\\\x0b"),
            '\x0c' => out.push_str("\\\x0c"),
            _ => {
                if "()[]{}?*+-|^$\\.&~# ".contains(c) {
                    out.push('\\');
                }
                out.push(c);
            }
        }
    }
    out
}

pub(super) fn flags_repr(flags: i64) -> String {
    let mut parts = Vec::new();
    for (f, n) in [
        (I, "re.IGNORECASE"),
        (L, "re.LOCALE"),
        (M, "re.MULTILINE"),
        (S, "re.DOTALL"),
        (X, "re.VERBOSE"),
        (A, "re.ASCII"),
    ] {
        if flags & f != 0 {
            parts.push(n);
        }
    }
    parts.join("|")
}
