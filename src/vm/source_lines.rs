//! The source text behind traceback lines (`File "x.py", line 3` and the
//! line itself), `co_positions()`'s byte columns and warnings.
//!
//! Why not a list of lines per file: that kept one heap string per line of
//! every module ever compiled (several times the size of the text itself,
//! paid by every import). Now a file's text is kept once, and a module
//! embedded in the binary keeps nothing: its lines are read from the
//! binary's table when asked for. A line index (one `u32` per line) is
//! built only when a line of that file is first asked for.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use parking_lot::Mutex;

/// The text of one file: borrowed from the binary or shared.
#[derive(Clone)]
enum Text {
    Static(&'static str),
    Shared(Arc<str>),
}

impl Text {
    fn as_str(&self) -> &str {
        match self {
            Text::Static(s) => s,
            Text::Shared(s) => s,
        }
    }
}

/// A file's text and, once a line was looked up, where each line starts.
struct Entry {
    text: Text,
    starts: OnceLock<Box<[u32]>>,
}

impl Entry {
    fn new(text: Text) -> Arc<Entry> {
        Arc::new(Entry { text, starts: OnceLock::new() })
    }

    /// Line `line` (1-based) without its end of line, as `str::lines` gives it.
    fn line(&self, line: u32) -> Option<String> {
        let text = self.text.as_str();
        let starts = self.starts.get_or_init(|| line_starts(text));
        let i = (line as usize).checked_sub(1)?;
        let start = *starts.get(i)? as usize;
        let rest = &text[start..];
        let line = match rest.find('\n') {
            Some(end) => rest[..end].strip_suffix('\r').unwrap_or(&rest[..end]),
            None => rest,
        };
        Some(line.to_string())
    }
}

/// The byte offset of each line's start (a final `\n` starts no line).
fn line_starts(text: &str) -> Box<[u32]> {
    if text.is_empty() {
        return Box::new([]);
    }
    let mut starts = vec![0u32];
    starts.extend(text.match_indices('\n').map(|(i, _)| i as u32 + 1).filter(|&s| (s as usize) < text.len()));
    starts.into_boxed_slice()
}

/// The source text of `filename` when it is embedded in the binary (CPython's
/// library or one of gilt's own `<frozen NAME>` modules), decoded as an import
/// decodes it.
fn embedded_text(filename: &str) -> Option<Cow<'static, str>> {
    if let Some(name) = filename.strip_prefix("<frozen ").and_then(|s| s.strip_suffix('>')) {
        return crate::stdlib::frozen_source(name).map(Cow::Borrowed);
    }
    let rel = filename.strip_prefix(crate::stdlib::cpython_lib::LIB_ROOT)?.strip_prefix('/')?;
    let bytes = crate::stdlib::cpython_lib::file(rel)?;
    crate::lex::source::decode_source(bytes, filename).ok()
}

/// Source texts by file name, shared by the threads of one runtime.
#[derive(Default)]
pub struct SourceTable {
    files: Mutex<HashMap<Arc<str>, Arc<Entry>>>,
}

impl SourceTable {
    /// Remembers `text` as the source of `filename`. Text borrowed from the
    /// binary's embedded module of that name is not copied: its lines are
    /// read from the binary again when needed.
    pub fn add(&self, filename: &str, text: &str) {
        let embedded = matches!(embedded_text(filename), Some(Cow::Borrowed(e))
            if std::ptr::eq(e.as_ptr(), text.as_ptr()) && e.len() == text.len());
        let mut files = self.files.lock();
        if embedded {
            files.remove(filename);
        } else {
            files.insert(Arc::from(filename), Entry::new(Text::Shared(Arc::from(text))));
        }
    }

    /// Forgets `filename`'s text (CPython shows no lines for `-c` and `<stdin>`).
    pub fn remove(&self, filename: &str) {
        self.files.lock().remove(filename);
    }

    /// Line `line` (1-based) of `filename`, from the text compiled or, for a
    /// module embedded in the binary, from the binary.
    pub fn line(&self, filename: &str, line: u32) -> Option<String> {
        let found = self.files.lock().get(filename).cloned();
        let entry = match found {
            Some(e) => e,
            None => {
                let text = match embedded_text(filename)? {
                    Cow::Borrowed(s) => Text::Static(s),
                    Cow::Owned(s) => Text::Shared(Arc::from(s)),
                };
                let e = Entry::new(text);
                self.files.lock().entry(Arc::from(filename)).or_insert(e).clone()
            }
        };
        // The lock is not held while the line index is built.
        entry.line(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_match_str_lines() {
        for text in ["", "\n", "a", "a\n", "a\nb", "a\r\nb\r\n", "\n\nx\n", "é\nü"] {
            let e = Entry::new(Text::Shared(Arc::from(text)));
            let want: Vec<&str> = text.lines().collect();
            let got: Vec<String> = (1..=want.len() as u32 + 1).filter_map(|n| e.line(n)).collect();
            assert_eq!(got, want, "{text:?}");
            assert_eq!(e.line(0), None);
        }
    }

    #[test]
    fn embedded_modules_are_read_from_the_binary() {
        let t = SourceTable::default();
        let os = format!("{}/os.py", crate::stdlib::cpython_lib::LIB_ROOT);
        let first = t.line(&os, 1).expect("os.py line 1");
        assert!(first.starts_with('r'), "{first}");
        t.add("x.py", "a = 1\nb = 2\n");
        assert_eq!(t.line("x.py", 2).as_deref(), Some("b = 2"));
        t.remove("x.py");
        assert_eq!(t.line("x.py", 2), None);
    }
}
