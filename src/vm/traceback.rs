//! CPython-format tracebacks, including chained exceptions.

use super::{PyErr, Vm};
use crate::object::value::Value;

impl Vm {
    /// The full text CPython prints for an uncaught exception.
    pub fn format_exception(&mut self, err: &PyErr) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        self.format_chain(&err.value(), &mut out, &mut seen);
        out
    }

    fn format_chain(&mut self, exc: &Value, out: &mut String, seen: &mut Vec<i64>) {
        seen.push(exc.id());
        let Value::Instance(inst) = exc else { return };
        let (cause, context, suppress) = match inst.exc() {
            Some(st) => {
                let st = st.lock();
                (st.cause.clone(), st.context.clone(), st.suppress_context)
            }
            None => (None, None, false),
        };
        if let Some(c) = cause.filter(|c| !seen.contains(&c.id())) {
            self.format_chain(&c, out, seen);
            out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if let Some(c) = context.filter(|c| !suppress && !seen.contains(&c.id())) {
            self.format_chain(&c, out, seen);
            out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
        self.format_one(exc, out);
    }

    /// One exception: its traceback entries and the final `Type: message` line.
    pub fn format_one(&mut self, exc: &Value, out: &mut String) {
        let Value::Instance(inst) = exc else { return };
        let tb = inst.exc().map(|s| s.lock().traceback.clone()).unwrap_or_default();
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            for e in tb.iter().rev() {
                out.push_str(&format!("  File \"{}\", line {}, in {}\n", e.filename, e.line, e.name));
                if let Some(src) = self.rt.source_line(&e.filename, e.line) {
                    let t = src.trim();
                    if !t.is_empty() {
                        out.push_str(&format!("    {t}\n"));
                    }
                }
            }
        }
        out.push_str(&self.exception_only(exc));
        out.push('\n');
    }

    /// The last line: `Type: message` (qualified by module when not builtins/__main__).
    pub fn exception_only(&mut self, exc: &Value) -> String {
        let cls = self.class_of(exc);
        let mut name = cls.qualname.lock().as_str().to_string();
        if let Some(Value::Str(m)) = cls.dict.get_item_str("__module__")
            && !cls.builtin
            && m.as_str() != "__main__"
            && m.as_str() != "builtins"
        {
            name = format!("{}.{}", m.as_str(), name);
        }
        let msg = match self.str_of(exc) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        };
        if msg.is_empty() { name } else { format!("{name}: {msg}") }
    }
}
