//! Which code stands in for what CPython writes in C.
//!
//! Some modules that are C in CPython are Python in gilt: gilt's own stand-ins
//! (`<frozen _sqlite3>`, `<frozen _io>`, …) and a few of CPython's pure-Python twins
//! that gilt runs in place of the C module (`_pyio`, `_pydecimal`, `datetime.py`).
//! A C function adds no line to a traceback, so an exception passing through one
//! of these frames adds none either: a student's `IntegrityError` from
//! `con.execute(...)` shows their own line, as under CPython, not the stand-in's
//! internals. Frames of Python code they call back (a user's `__reduce__`, an
//! SQLite function written in Python) are the caller's code and still appear.

/// gilt's own embedded modules that replace a C module of CPython.
const FROZEN_STANDINS: &[&str] = &[
    "_codecs_cn",
    "_codecs_hk",
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_tw",
    "_contextvars",
    "_datetime",
    "_imp",
    "_io",
    "_io_stringio",
    "_lsprof",
    "_multibytecodec",
    "_pickle",
    "_pyexpat_dtd",
    "_pyexpat_errors",
    "_pyexpat_lex",
    "_pyexpat_scan",
    "_pyexpat_text",
    "_sqlite3",
    "_tracemalloc",
    "_weakproxy",
    "faulthandler",
    "pyexpat",
];

/// CPython's pure-Python modules that gilt runs where CPython runs their C twin.
const LIBRARY_STANDINS: &[&str] = &["_pyio.py", "_pydecimal.py", "datetime.py"];

/// Whether frames of code compiled from `filename` are left out of tracebacks.
pub fn hidden_from_tracebacks(filename: &str) -> bool {
    if let Some(name) = filename.strip_prefix("<frozen ").and_then(|s| s.strip_suffix('>')) {
        return FROZEN_STANDINS.contains(&name);
    }
    filename
        .strip_prefix(crate::stdlib::cpython_lib::LIB_ROOT)
        .and_then(|r| r.strip_prefix('/'))
        .is_some_and(|rel| LIBRARY_STANDINS.contains(&rel) && super::import::is_embedded(filename))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_files_of_the_same_name_are_shown() {
        assert!(hidden_from_tracebacks("<frozen _sqlite3>"));
        assert!(!hidden_from_tracebacks("<frozen asyncio>"));
        assert!(!hidden_from_tracebacks("/home/student/datetime.py"));
        assert!(!hidden_from_tracebacks("datetime.py"));
    }
}
