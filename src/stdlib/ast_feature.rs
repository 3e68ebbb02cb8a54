//! `ast.parse(source, feature_version=(3, N))`: the syntax newer than 3.N
//! that CPython's parser then rejects with a SyntaxError (`Assignment
//! expressions are only supported in Python 3.8 and greater`). gilt's
//! parser knows one grammar, so the finished tree is searched for the nodes
//! that only newer grammars make.
//!
//! Not detected: the two newer forms that leave no node of their own
//! (parenthesized context managers, 3.9, and `f"{x=}"`, 3.8).

use super::ast_from_py::node_kind;
use crate::object::value::Value;
use crate::vm::{PyResult, Vm};

/// Raises CPython's SyntaxError when `tree` (an `ast` tree just parsed from
/// `src`) uses syntax newer than Python 3.`minor`.
pub fn check(vm: &mut Vm, tree: &Value, minor: i64, filename: &str, src: &str) -> PyResult<()> {
    // Each node with the position of its nearest positioned ancestor
    // (`arguments` has none of its own).
    let mut stack = vec![(tree.clone(), 0usize, (1u32, 0u32))];
    while let Some((node, depth, outer)) = stack.pop() {
        if depth > crate::parse::limits::MAX_DEPTH {
            continue;
        }
        let pos = match (int_attr(vm, &node, "lineno")?, int_attr(vm, &node, "col_offset")?) {
            (Some(l), Some(c)) => (l.clamp(1, u32::MAX as i64) as u32, c.clamp(0, u32::MAX as i64) as u32),
            _ => outer,
        };
        if let Some((what, needs)) = newer_syntax(vm, &node)?
            && minor < needs
        {
            let (line, col) = pos;
            let msg = format!("{what} only supported in Python 3.{needs} and greater");
            return Err(crate::syntax_error(vm, "SyntaxError", &msg, filename, line, col + 1, src));
        }
        let Some(Value::Tuple(fields)) = vm.get_attr_str(&node, "_fields")? else { continue };
        // Children are pushed in reverse, so the first offending node in
        // source order is the one reported.
        for f in fields.items.iter().rev() {
            let Some(name) = f.as_str() else { continue };
            match vm.get_attr_str(&node, name.as_str())? {
                Some(Value::List(l)) => {
                    for child in l.snapshot().into_iter().rev() {
                        if matches!(child, Value::Instance(_)) {
                            stack.push((child, depth + 1, pos));
                        }
                    }
                }
                Some(child @ Value::Instance(_)) => stack.push((child, depth + 1, pos)),
                _ => {}
            }
        }
    }
    Ok(())
}

fn int_attr(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<i64>> {
    Ok(match vm.get_attr_str(v, name)? {
        Some(Value::Int(i)) => Some(i),
        _ => None,
    })
}

/// The phrase of CPython's message and the minor version a node needs.
fn newer_syntax(vm: &mut Vm, node: &Value) -> PyResult<Option<(&'static str, i64)>> {
    Ok(match node_kind(node).as_str() {
        "NamedExpr" => Some(("Assignment expressions are", 8)),
        "TryStar" => Some(("Exception groups are", 11)),
        "Match" => Some(("Pattern matching is", 10)),
        "arguments" => match vm.get_attr_str(node, "posonlyargs")? {
            Some(Value::List(l)) if !l.snapshot().is_empty() => Some(("Positional-only parameters are", 8)),
            _ => None,
        },
        _ => None,
    })
}
