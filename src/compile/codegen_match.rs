//! AST → bytecode for the `match` statement (PEP 634).
//!
//! The subject stays on the stack while cases are tried. Each case
//! duplicates it, evaluates the values its pattern compares with (literals,
//! dotted names, mapping keys, classes; in source order), and runs one
//! `MatchPattern` instruction over a compiled pattern tree
//! (`bytecode::pattern`). On success the instruction pushes the captured
//! values, which are stored like assignments; then the guard runs, and the
//! subject is popped before the body. On failure it jumps to the next case.

use std::sync::Arc;

use super::codegen::{CResult, Compiler, err};
use crate::bytecode::Instr;
use crate::bytecode::code::ColSpan;
use crate::bytecode::pattern::{MatchPat, Pat};
use crate::object::numfmt::str_repr::{py_bytes_repr, py_str_repr};
use crate::parse::ast::*;

/// Why a pattern matches everything, for the "makes remaining patterns
/// unreachable" error; None when it is refutable.
fn irrefutable(p: &Pattern) -> Option<String> {
    match &p.kind {
        PatternKind::Capture(None) => Some("wildcard".into()),
        PatternKind::Capture(Some(n)) => Some(format!("name capture '{n}'")),
        PatternKind::As(inner, _) => irrefutable(inner),
        PatternKind::Or(alts) => alts.iter().find_map(irrefutable),
        _ => None,
    }
}

/// Collects the names `p` binds in order, checking CPython's compile-time rules.
fn bound_names(p: &Pattern, out: &mut Vec<String>) -> CResult {
    let add = |n: &String, out: &mut Vec<String>| {
        if out.contains(n) {
            return err(&format!("multiple assignments to name '{n}' in pattern"), p.loc);
        }
        out.push(n.clone());
        Ok(())
    };
    match &p.kind {
        PatternKind::Value(_) | PatternKind::Singleton(_) | PatternKind::Capture(None) | PatternKind::Star(None) => {}
        PatternKind::Capture(Some(n)) | PatternKind::Star(Some(n)) => add(n, out)?,
        PatternKind::Sequence(items) => {
            if items.iter().filter(|i| matches!(i.kind, PatternKind::Star(_))).count() > 1 {
                return err("multiple starred names in sequence pattern", p.loc);
            }
            for i in items {
                bound_names(i, out)?;
            }
        }
        PatternKind::Mapping { keys, patterns, rest } => {
            let mut seen: Vec<String> = Vec::new();
            for k in keys {
                let r = match &k.kind {
                    ExprKind::Constant(Constant::Str(s)) => py_str_repr(s),
                    ExprKind::Constant(Constant::Bytes(b)) => py_bytes_repr(b),
                    ExprKind::Constant(Constant::Int(i)) => i.to_string(),
                    ExprKind::Constant(Constant::None) => "None".into(),
                    _ => continue,
                };
                if seen.contains(&r) {
                    return err(&format!("mapping pattern checks duplicate key ({r})"), p.loc);
                }
                seen.push(r);
            }
            for i in patterns {
                bound_names(i, out)?;
            }
            if let Some(n) = rest {
                add(n, out)?;
            }
        }
        PatternKind::Class { patterns, kwd, .. } => {
            for (i, (k, _)) in kwd.iter().enumerate() {
                if kwd[..i].iter().any(|(o, _)| o == k) {
                    return err(&format!("attribute name repeated in class pattern: {k}"), kwd[i].1.loc);
                }
            }
            for i in patterns.iter().chain(kwd.iter().map(|k| &k.1)) {
                bound_names(i, out)?;
            }
        }
        PatternKind::As(inner, n) => {
            bound_names(inner, out)?;
            add(n, out)?;
        }
        PatternKind::Or(alts) => {
            let mut first: Option<Vec<String>> = None;
            for (i, a) in alts.iter().enumerate() {
                if i + 1 < alts.len()
                    && let Some(why) = irrefutable(a)
                {
                    return err(&format!("{why} makes remaining patterns unreachable"), a.loc);
                }
                let mut names = Vec::new();
                bound_names(a, &mut names)?;
                match &first {
                    None => first = Some(names),
                    Some(f) => {
                        let mut x = f.clone();
                        let mut y = names;
                        x.sort();
                        y.sort();
                        if x != y {
                            return err("alternative patterns bind different names", a.loc);
                        }
                    }
                }
            }
            for n in first.unwrap_or_default() {
                add(&n, out)?;
            }
        }
    }
    Ok(())
}

/// Slots and value counters while one pattern is compiled.
struct Builder {
    names: Vec<String>,
    nvalues: u32,
}

impl Builder {
    fn slot(&self, n: &str) -> u32 {
        self.names.iter().position(|x| x == n).expect("bound name") as u32
    }
}

impl Compiler {
    pub(super) fn match_stmt(&mut self, subject: &Expr, cases: &[MatchCase]) -> CResult {
        self.expr(subject)?;
        let mut ends = Vec::new();
        for (i, c) in cases.iter().enumerate() {
            if i + 1 < cases.len()
                && c.guard.is_none()
                && let Some(why) = irrefutable(&c.pattern)
            {
                return err(&format!("{why} makes remaining patterns unreachable"), c.pattern.loc);
            }
            let mut names = Vec::new();
            bound_names(&c.pattern, &mut names)?;
            self.u().line = c.pattern.loc.line;
            self.emit(Instr::DupTop);
            let mut b = Builder { names, nvalues: 0 };
            let pat = self.pattern(&c.pattern, &mut b)?;
            let idx = self.u().patterns.len() as u32;
            let nbindings = b.names.len() as u32;
            self.u().patterns.push(Arc::new(MatchPat { pat, nvalues: b.nvalues, nbindings }));
            let (pl, pe) = (c.pattern.loc, c.pattern.end);
            self.u().line = pl.line;
            self.u().span = ColSpan::new(pl.line, pl.col, pe.line, pe.col);
            let mut fails = vec![self.emit(Instr::MatchPattern(idx, 0))];
            for n in b.names.iter().rev() {
                self.store_name(n);
            }
            if let Some(g) = &c.guard {
                self.expr(g)?;
                fails.push(self.emit(Instr::PopJumpIfFalse(0)));
            }
            self.emit(Instr::PopTop);
            self.body(&c.body)?;
            ends.push(self.emit(Instr::Jump(0)));
            for f in fails {
                self.u().patch(f);
            }
        }
        self.emit(Instr::PopTop);
        for e in ends {
            self.u().patch(e);
        }
        Ok(())
    }

    /// Emits the loads of the values `p` compares with and returns its tree.
    fn pattern(&mut self, p: &Pattern, b: &mut Builder) -> CResult<Pat> {
        Ok(match &p.kind {
            PatternKind::Value(e) => {
                self.expr(e)?;
                b.nvalues += 1;
                Pat::Eq(b.nvalues - 1)
            }
            PatternKind::Singleton(c) => Pat::Is(match c {
                Constant::None => 0,
                Constant::True => 1,
                _ => 2,
            }),
            PatternKind::Capture(None) => Pat::Wildcard,
            PatternKind::Capture(Some(n)) => Pat::Capture(b.slot(n)),
            PatternKind::Star(_) => return err("can't use starred name here", p.loc),
            PatternKind::Sequence(items) => {
                let mut pats = Vec::with_capacity(items.len());
                let mut star = None;
                for (i, it) in items.iter().enumerate() {
                    match &it.kind {
                        PatternKind::Star(n) => star = Some((i, n.as_ref().map(|n| b.slot(n)))),
                        _ => pats.push(self.pattern(it, b)?),
                    }
                }
                Pat::Seq { items: pats, star }
            }
            PatternKind::Mapping { keys, patterns, rest } => {
                let mut ks = Vec::with_capacity(keys.len());
                let mut pats = Vec::with_capacity(keys.len());
                for (k, v) in keys.iter().zip(patterns) {
                    self.expr(k)?;
                    b.nvalues += 1;
                    ks.push(b.nvalues - 1);
                    pats.push(self.pattern(v, b)?);
                }
                Pat::Map { keys: ks, pats, rest: rest.as_ref().map(|n| b.slot(n)) }
            }
            PatternKind::Class { cls, patterns, kwd } => {
                self.expr(cls)?;
                b.nvalues += 1;
                let cls = b.nvalues - 1;
                let mut pos = Vec::with_capacity(patterns.len());
                for it in patterns {
                    pos.push(self.pattern(it, b)?);
                }
                let mut kw = Vec::with_capacity(kwd.len());
                for (k, it) in kwd {
                    let name = (self.intern)(k);
                    kw.push((name, self.pattern(it, b)?));
                }
                Pat::Class { cls, pos, kw }
            }
            PatternKind::As(inner, n) => {
                let inner = self.pattern(inner, b)?;
                Pat::As(Box::new(inner), b.slot(n))
            }
            PatternKind::Or(alts) => {
                let mut v = Vec::with_capacity(alts.len());
                for a in alts {
                    v.push(self.pattern(a, b)?);
                }
                Pat::Or(v)
            }
        })
    }
}
