//! A whole exception report: the chain of causes and contexts, and
//! exception groups drawn in CPython 3.11's boxes (`+-+---- 1 ----`), each
//! sub-exception indented by two columns and behind a `| ` margin, at most
//! 15 per group and 10 groups deep.

use super::{PyErr, Vm};
use crate::object::value::Value;

const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;
const CAUSE: &str = "The above exception was the direct cause of the following exception:\n";
const CONTEXT: &str = "During handling of the above exception, another exception occurred:\n";

/// The state of one report being written.
struct Ctx {
    out: String,
    seen: Vec<i64>,
    depth: usize,
    need_close: bool,
    level: usize,
}

impl Ctx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Indent plus the `| ` margin (none outside groups).
    fn margin(&self) -> String {
        if self.depth > 0 { format!("{}| ", self.indent()) } else { String::new() }
    }

    /// Writes `text` with the margin before every line.
    fn emit(&mut self, text: &str) {
        let m = self.margin();
        for line in text.split_inclusive('\n') {
            self.out.push_str(&m);
            self.out.push_str(line);
        }
    }
}

impl Vm {
    /// The full text CPython prints for an uncaught exception, chain and groups included.
    pub fn format_exception(&mut self, err: &PyErr) -> String {
        let mut ctx = Ctx { out: String::new(), seen: Vec::new(), depth: 0, need_close: false, level: 0 };
        self.print_recursive(&mut ctx, &err.value());
        ctx.out
    }

    fn print_recursive(&mut self, ctx: &mut Ctx, exc: &Value) {
        // A chain or nesting this deep is cut short rather than overflow.
        if ctx.level > 200 {
            return;
        }
        ctx.level += 1;
        self.print_cause_and_context(ctx, exc);
        if crate::stdlib::exc_group::group_parts(exc).is_some() {
            self.print_group(ctx, exc);
        } else {
            self.print_one(ctx, exc, false);
        }
        ctx.level -= 1;
    }

    fn print_cause_and_context(&mut self, ctx: &mut Ctx, exc: &Value) {
        ctx.seen.push(exc.id());
        let Value::Instance(inst) = exc else { return };
        let Some(st) = inst.exc() else { return };
        let (cause, context, suppress) = {
            let st = st.lock();
            (st.cause.clone(), st.context.clone(), st.suppress_context)
        };
        if let Some(c) = cause {
            if !ctx.seen.contains(&c.id()) {
                self.print_chained(ctx, &c, CAUSE);
            }
            return;
        }
        if suppress {
            return;
        }
        if let Some(c) = context
            && !ctx.seen.contains(&c.id())
        {
            self.print_chained(ctx, &c, CONTEXT);
        }
    }

    fn print_chained(&mut self, ctx: &mut Ctx, exc: &Value, message: &str) {
        let need_close = ctx.need_close;
        self.print_recursive(ctx, exc);
        ctx.need_close = need_close;
        ctx.emit("\n");
        ctx.emit(message);
        ctx.emit("\n");
    }

    /// One exception (a group's own lines too): traceback, message, notes.
    fn print_one(&mut self, ctx: &mut Ctx, exc: &Value, group: bool) {
        let p = self.exception_parts(exc, group);
        if !p.header.is_empty() {
            if group && ctx.depth == 1 {
                // The outermost group's header hangs from a `+`.
                ctx.out.push_str(&format!("{}+ {}", ctx.indent(), p.header));
            } else {
                ctx.emit(&p.header);
            }
        }
        ctx.emit(&p.tb);
        // The margin goes before the message only, not before the lines a multi-line message
        // goes on to.
        let m = ctx.margin();
        ctx.out.push_str(&m);
        ctx.out.push_str(&p.message);
        for (line, margined) in &p.notes {
            if *margined {
                let m = ctx.margin();
                ctx.out.push_str(&m);
            }
            ctx.out.push_str(line);
        }
    }

    fn print_group(&mut self, ctx: &mut Ctx, exc: &Value) {
        if ctx.depth > MAX_GROUP_DEPTH {
            ctx.emit(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"));
            return;
        }
        let toplevel = ctx.depth == 0;
        if toplevel {
            ctx.depth += 1;
        }
        self.print_one(ctx, exc, true);
        let items = crate::stdlib::exc_group::group_parts(exc).map(|g| g.1).unwrap_or_default();
        let n = if items.len() <= MAX_GROUP_WIDTH { items.len() } else { MAX_GROUP_WIDTH + 1 };
        ctx.need_close = false;
        for (i, item) in items.iter().take(n).enumerate() {
            let last = i == n - 1;
            if last {
                // The closing line may be written by a nested group instead.
                ctx.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated { "...".to_string() } else { (i + 1).to_string() };
            let lead = if i == 0 { "+-" } else { "  " };
            ctx.out.push_str(&format!("{}{lead}+---------------- {title} ----------------\n", ctx.indent()));
            ctx.depth += 1;
            if !truncated {
                self.print_recursive(ctx, item);
            } else {
                let rest = items.len() - MAX_GROUP_WIDTH;
                ctx.emit(&format!("and {rest} more exception{}\n", if rest > 1 { "s" } else { "" }));
            }
            if last && ctx.need_close {
                ctx.out.push_str(&format!("{}+------------------------------------\n", ctx.indent()));
                ctx.need_close = false;
            }
            ctx.depth -= 1;
        }
        if toplevel {
            ctx.depth = 0;
        }
    }
}
