//! CPython-format tracebacks, including chained exceptions, with the
//! position markers of PEP 657 (`~~~^^^`) under each source line.
//!
//! This is the C printer (`Python/traceback.c`: uncaught exceptions, threads,
//! `Exception ignored in`); `traceback.print_exc()` and friends are CPython's
//! own `Lib/traceback.py`, on `code.co_positions()`. It takes the instruction's
//! span and, when it sits on one line, re-parses its text: a binary operation gets `~` under its operands and `^`
//! under the operator, a subscript `~` under the value and `^` under `[…]`.
//! Columns here count characters throughout (CPython converts its UTF-8 byte
//! offsets to characters before drawing).

use std::sync::Arc;

use super::Vm;
use super::attr::syntax_error_attr;
use crate::bytecode::code::ColSpan;
use crate::object::class::Instance;
use crate::object::value::Value;
use crate::parse::ast::{ExprKind, StmtKind};

/// One exception's report in pieces, so a group can put its margin
/// before each line (see `tb_chain.rs`).
#[derive(Default)]
pub struct ExcParts {
    /// `Traceback (most recent call last):` (or the group form), or empty.
    pub header: String,
    /// The `File …` lines with their source and markers.
    pub tb: String,
    /// `Type: message` (which may span lines).
    pub message: String,
    /// The notes' lines; true where the C printer puts the margin.
    pub notes: Vec<(String, bool)>,
}

impl Vm {
    /// One exception without its chain: its traceback entries, the final
    /// `Type: message` line and its notes.
    pub fn format_one(&mut self, exc: &Value, out: &mut String) {
        let p = self.exception_parts(exc, false);
        out.push_str(&p.header);
        out.push_str(&p.tb);
        out.push_str(&p.message);
        for (n, _) in &p.notes {
            out.push_str(n);
        }
    }

    /// The pieces of one exception's report, each ending in a newline
    /// (except a `__notes__` that is not a sequence, as CPython prints it).
    pub fn exception_parts(&mut self, exc: &Value, group: bool) -> ExcParts {
        let mut parts = ExcParts::default();
        let Value::Instance(inst) = exc else { return parts };
        let mut tb = inst.exc().map(|s| s.lock().traceback.clone()).unwrap_or_default();
        if let Some(Value::Int(limit)) = self.sys_attr("tracebacklimit") {
            // `sys.tracebacklimit`: the C printer keeps the innermost `limit`
            // entries (none, and no header, when it is 0 or less).
            tb.truncate(limit.max(0) as usize);
        }
        let out = &mut parts.tb;
        if !tb.is_empty() {
            parts.header = if group {
                "Exception Group Traceback (most recent call last):\n".to_string()
            } else {
                "Traceback (most recent call last):\n".to_string()
            };
            // Runs of one repeated entry (deep recursion) print three times,
            // then `[Previous line repeated N more times]`, as CPython does.
            const CUTOFF: usize = 3;
            let repeated = |out: &mut String, count: usize| {
                if count > CUTOFF {
                    let n = count - CUTOFF;
                    out.push_str(&format!(
                        "  [Previous line repeated {n} more time{}]\n",
                        if n > 1 { "s" } else { "" }
                    ));
                }
            };
            let mut last: Option<(&str, u32, &str)> = None;
            let mut count = 0;
            for e in tb.iter().rev() {
                let key = (&*e.filename, e.line, &*e.name);
                if last != Some(key) {
                    repeated(out, count);
                    last = Some(key);
                    count = 0;
                }
                count += 1;
                if count > CUTOFF {
                    continue;
                }
                out.push_str(&format!("  File \"{}\", line {}, in {}\n", e.filename, e.line, e.name));
                if let Some(src) = self.rt.source_line(&e.filename, e.line) {
                    let (shown, markers) = c_markers(&src, e.cols);
                    if !shown.is_empty() {
                        out.push_str(&format!("    {shown}\n"));
                        if let Some(m) = markers {
                            out.push_str(&m);
                            out.push('\n');
                        }
                    }
                }
            }
            repeated(out, count);
            let syntax = self.rt.types.exceptions.get("SyntaxError").is_some_and(|c| inst.class.is_subclass(c));
            if syntax && let Some(text) = self.format_syntax_error_value(inst) {
                parts.message = text;
            }
        }
        if parts.message.is_empty() {
            parts.message = self.exception_only(exc);
            if let Some(s) = self.offer_suggestion(exc) {
                parts.message.push_str(&format!(". Did you mean: '{s}'?"));
            }
            parts.message.push('\n');
        }
        parts.notes = self.note_lines(inst);
        parts
    }

    /// The lines `__notes__` adds under the message; the flag says whether
    /// CPython's C printer puts the group margin before the line.
    fn note_lines(&mut self, inst: &crate::object::class::Instance) -> Vec<(String, bool)> {
        let Some(notes) = inst.dict.get_item_str("__notes__") else { return Vec::new() };
        let is_seq = match &notes {
            Value::List(_) | Value::Tuple(_) | Value::Str(_) => true,
            Value::Instance(i) => !i.class.is_subclass(&self.rt.types.dict) && i.class.lookup("__getitem__").is_some(),
            _ => false,
        };
        if !is_seq {
            // Printed with repr() and no newline, as CPython 3.11 does.
            let r = self.repr_of(&notes).unwrap_or_else(|_| "<__notes__ repr() failed>".to_string());
            return vec![(r, true)];
        }
        let items = match self.collect(&notes) {
            Ok(v) => v,
            Err(_) => return Vec::new(),
        };
        let mut out = Vec::new();
        for n in items {
            let text = match &n {
                Value::Str(s) => Some(s.as_str().to_string()),
                _ => self.str_of(&n).ok(),
            };
            match text {
                Some(t) => {
                    for l in t.split('\n') {
                        out.push((format!("{l}\n"), true));
                    }
                }
                None => out.push(("<note str() failed>\n".to_string(), false)),
            }
        }
        out
    }

    /// The last line: `Type: message` (qualified by module when not builtins/__main__).
    pub fn exception_only(&mut self, exc: &Value) -> String {
        let msg = self.str_of(exc).unwrap_or_else(|_| "<exception str() failed>".to_string());
        self.exception_line(exc, &msg)
    }

    /// `Type: msg`, or `Type` alone for an empty message.
    fn exception_line(&mut self, exc: &Value, msg: &str) -> String {
        let cls = self.class_of(exc);
        let mut name = cls.qualname.lock().as_str().to_string();
        if let Some(Value::Str(m)) = cls.dict.get_item_str("__module__")
            && m.as_str() != "__main__"
            && m.as_str() != "builtins"
        {
            name = format!("{}.{}", m.as_str(), name);
        }
        if msg.is_empty() { name } else { format!("{name}: {msg}") }
    }
}

/// The whitespace `Python/traceback.c` strips and skips (`IS_WHITESPACE`).
fn is_c_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\x0c'
}

/// `tb_displayline` of `Python/traceback.c` (3.11.7).
fn c_markers(src: &str, cols: ColSpan) -> (String, Option<String>) {
    let chars: Vec<char> = src.chars().collect();
    // Only leading whitespace goes; trailing whitespace is printed.
    let trunc = chars.iter().take_while(|c| is_c_space(**c)).count();
    let shown: String = chars[trunc..].iter().collect();
    if !cols.is_known() {
        return (shown, None);
    }
    let start = cols.col as usize;
    let mut end = cols.end_col as usize;
    let mut anchors = None;
    if cols.end_line_delta == 0 {
        anchors = c_anchors(&chars, start, end);
    } else {
        // Up to the line's last non-blank character. CPython walks the UTF-8
        // bytes with a character count, so on a line with non-ASCII text the
        // markers stop short; so do these.
        let bytes = src.as_bytes();
        end = (0..chars.len().min(bytes.len())).rev().find(|&i| !is_c_space(bytes[i] as char)).map_or(0, |i| i + 1);
    }
    if end.checked_sub(start) == Some(chars.len() - trunc) && anchors.is_none() {
        return (shown, None);
    }
    let mut m = String::from("    ");
    for offset in trunc + 1..=end {
        m.push(match anchors {
            _ if offset <= start => ' ',
            Some((l, r, _, sec)) if l < offset && offset <= r => sec,
            Some((_, _, prim, _)) => prim,
            None => '^',
        });
    }
    (shown, Some(m))
}

/// The one expression statement `segment` parses to, if it is one.
fn parse_segment(segment: &str) -> Option<crate::parse::ast::Expr> {
    let mut prog = crate::parse::parse_program(segment).ok()?;
    if prog.len() != 1 {
        return None;
    }
    match prog.pop()?.kind {
        StmtKind::Expr(e) => Some(e),
        _ => None,
    }
}

/// `extract_anchors_from_line` of `Python/traceback.c`: (left end, right
/// start, primary char, secondary char), offsets in the whole line.
fn c_anchors(line: &[char], start: usize, end: usize) -> Option<(usize, usize, char, char)> {
    let seg = line.get(start..end)?;
    let e = parse_segment(&seg.iter().collect::<String>())?;
    let found = match &e.kind {
        ExprKind::BinOp { left, right, .. } => {
            let (from, to) = (left.end.col as usize, right.loc.col as usize);
            let mut found = None;
            for i in from..to.min(seg.len()) {
                if is_c_space(seg[i]) {
                    continue;
                }
                let mut r = i + 1;
                if i + 1 < to && !is_c_space(seg[i + 1]) {
                    r += 1;
                }
                found = Some((i, r, '^', '^'));
                // A closing parenthesis of the left operand: keep looking.
                if i + 1 < to && seg[i] == ')' {
                    continue;
                }
                found = Some((i, r, '~', '^'));
                break;
            }
            found?
        }
        ExprKind::Subscript { value, slice } => {
            let (l, r) = subscript_anchors(seg, value.end.col as usize, slice.end.col as usize);
            (l, r, '~', '^')
        }
        _ => return None,
    };
    Some((found.0 + start, found.1 + start, found.2, found.3))
}

/// `~` up to the `[`, `^` from it through the `]`.
fn subscript_anchors(seg: &[char], value_end: usize, slice_end: usize) -> (usize, usize) {
    let (mut l, mut r) = (value_end, slice_end + 1);
    while l < seg.len() && seg[l] != '[' {
        l += 1;
    }
    while r < seg.len() && seg[r] != ']' {
        r += 1;
    }
    if r < seg.len() {
        r += 1;
    }
    (l, r)
}

impl Vm {
    /// A SyntaxError as the top level prints it, without a traceback or under
    /// one (a SyntaxError instance (also used under a
    /// traceback: one raised by `compile`/`exec`/`eval` or by a script), as
    /// CPython's `print_exception_file_and_line` and `print_error_text`: None when
    /// its `lineno` is not an int (it is then printed as any exception).
    pub fn format_syntax_error_value(&mut self, inst: &Arc<Instance>) -> Option<String> {
        let vm = self;
        let int = |v: Value| match v {
            Value::Int(i) => Some(i),
            Value::Boolean(b) => Some(i64::from(b.get())),
            _ => None,
        };
        let line = int(syntax_error_attr(inst, "lineno"))?;
        let filename = match syntax_error_attr(inst, "filename") {
            Value::None => "<string>".to_string(),
            f => vm.str_of(&f).ok()?,
        };
        let offset = int(syntax_error_attr(inst, "offset")).unwrap_or(-1);
        // CPython reads the end of the range for SyntaxError itself only.
        let exact = Arc::ptr_eq(&inst.class, &vm.rt.types.exc("SyntaxError"));
        let (end_line, mut end_offset) = if exact {
            (
                int(syntax_error_attr(inst, "end_lineno")).unwrap_or(line),
                int(syntax_error_attr(inst, "end_offset")).unwrap_or(-1),
            )
        } else {
            (line, -1)
        };
        let mut out = format!("  File \"{filename}\", line {line}\n");
        if let Value::Str(text) = syntax_error_attr(inst, "text") {
            let text = text.as_str();
            let size = text.chars().count() as i64;
            // A range over several lines is underlined to the end of its first.
            if end_line > line {
                end_offset = size;
            }
            end_offset = end_offset.min(size + 1);
            out.push_str(&error_text(text, offset, end_offset));
        }
        // Under its location, the message alone (not `str()`'s `(file, line N)`).
        let exc = Value::Instance(inst.clone());
        let msg = vm.str_of(&syntax_error_attr(inst, "msg")).unwrap_or_else(|_| "<exception str() failed>".to_string());
        out.push_str(&vm.exception_line(&exc, &msg));
        out.push('\n');
        Some(out)
    }
}

/// The source line and its carets (CPython's `print_error_text`): leading
/// whitespace stripped, the offset clipped to the line, no caret when it
/// points into the stripped margin.
fn error_text(text: &str, offset: i64, end_offset: i64) -> String {
    let carets = if end_offset > 0 && end_offset > offset { (end_offset - offset) as usize } else { 1 };
    let mut text: Vec<char> = text.chars().collect();
    let mut offset = offset - 1;
    let margin = text.iter().take_while(|c| matches!(c, ' ' | '\t' | '\x0c')).count();
    text.drain(..margin);
    offset -= margin as i64;
    let mut len = text.len() as i64;
    if text.last() == Some(&'\n') {
        len -= 1;
    }
    offset = offset.min(len);
    // Start at the line the offset is on when the text holds several.
    while let Some(nl) = text.iter().position(|c| *c == '\n') {
        let nl = nl as i64;
        if nl >= offset {
            break;
        }
        text.drain(..=nl as usize);
        len -= nl + 1;
        offset -= nl + 1;
    }
    let mut out = String::from("    ");
    out.extend(text.iter());
    if text.get(len.max(0) as usize) != Some(&'\n') {
        out.push('\n');
    }
    if offset >= 0 {
        out.push_str("    ");
        out.push_str(&" ".repeat(offset as usize));
        out.push_str(&"^".repeat(carets));
        out.push('\n');
    }
    out
}
