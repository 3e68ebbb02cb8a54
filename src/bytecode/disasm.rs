//! `gilt --dis`: prints code objects function by function.

use std::fmt::Write;

use super::code::CodeObject;
use crate::object::value::Value;

/// Renders a code object and, after it, every code object among its constants.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    dis_one(code, &mut out);
    out
}

fn dis_one(code: &CodeObject, out: &mut String) {
    let _ = writeln!(out, "Disassembly of <code object {} at line {}>:", code.qualname.as_str(), code.firstlineno);
    let mut last_line = 0;
    for (pc, instr) in code.instrs.iter().enumerate() {
        let line = code.line_of(pc);
        let line_col = if line != last_line { format!("{line:>4}") } else { "    ".to_string() };
        last_line = line;
        let dbg = format!("{instr:?}");
        let (name, arg) = match dbg.find('(') {
            Some(i) => (dbg[..i].to_string(), dbg[i + 1..dbg.len() - 1].to_string()),
            None => (dbg.clone(), String::new()),
        };
        let hint = hint_for(code, instr);
        let _ = writeln!(out, "{line_col} {pc:>6} {name:<20} {arg:<8} {hint}");
    }
    out.push('\n');
    for c in &code.consts {
        if let Value::Code(inner) = c {
            dis_one(inner, out);
        }
    }
}

fn hint_for(code: &CodeObject, instr: &super::Instr) -> String {
    use super::Instr::*;
    let name = |i: &u32| code.names.get(*i as usize).map(|s| s.as_str().to_string()).unwrap_or_default();
    match instr {
        LoadConst(i) => match code.consts.get(*i as usize) {
            Some(Value::Code(c)) => format!("(<code {}>)", c.name.as_str()),
            Some(Value::Str(s)) => format!("({:?})", s.as_str()),
            Some(Value::Int(n)) => format!("({n})"),
            Some(Value::Flt(f)) => format!("({})", f.get()),
            Some(Value::Cplx(c)) => format!("({})", c.repr()),
            Some(Value::None) => "(None)".into(),
            Some(Value::Boolean(b)) => format!("({})", if b.get() { "True" } else { "False" }),
            _ => String::new(),
        },
        LoadFast(i) | StoreFast(i) | DeleteFast(i) => {
            format!("({})", code.varnames.get(*i as usize).map(|s| s.as_str()).unwrap_or("?"))
        }
        LoadDeref(i) | StoreDeref(i) | LoadClosure(i) | DeleteDeref(i) => {
            let all: Vec<_> = code.cellvars.iter().chain(code.freevars.iter()).collect();
            format!("({})", all.get(*i as usize).map(|s| s.as_str()).unwrap_or("?"))
        }
        LoadGlobal(i)
        | StoreGlobal(i)
        | DeleteGlobal(i)
        | LoadName(i)
        | StoreName(i)
        | DeleteName(i)
        | LoadAttr(i)
        | StoreAttr(i)
        | DeleteAttr(i)
        | LoadMethod(i)
        | ImportFrom(i)
        | ImportName(i, _) => {
            format!("({})", name(i))
        }
        _ => String::new(),
    }
}
