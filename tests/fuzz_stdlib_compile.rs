//! Compiles every `.py` of CPython 3.11's library and test suite
//! (/usr/lib/python3.11, Debian's `libpython3.11-stdlib` and
//! `libpython3.11-testsuite`) with gilt's parser and compiler, in-process,
//! without running anything.
//!
//! No file may panic the compiler. A file gilt rejects with a SyntaxError
//! must be listed in tests/fuzz_stdlib_expected.txt with the reason
//! (`path<TAB>reason`, path relative to /usr/lib/python3.11); the test fails
//! on a rejection that is not listed, and on a listed file that now compiles
//! (so the list only shrinks). `GILT_STDLIB_BLESS=1` prints the list the
//! current compiler would need, with gilt's message as the reason, for
//! review. Skips with a message when /usr/lib/python3.11 is missing.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use gilt::compile::unit::Interner;
use gilt::object::str::PyStr;

const ROOT: &str = "/usr/lib/python3.11";
const EXPECTED: &str = "tests/fuzz_stdlib_expected.txt";

fn py_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.filter_map(Result::ok) {
        let p = e.path();
        if p.is_dir() && !p.is_symlink() {
            py_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

/// None when the file compiles; Some(message) for a SyntaxError. Panics propagate.
fn compile(src: &str) -> Option<String> {
    let prog = match gilt::parse::parse_program(src) {
        Ok(p) => p,
        Err(e) => return Some(format!("{:?}: {} (line {})", e.kind, e.msg, e.line)),
    };
    let intern: Interner = Arc::new(|s: &str| Arc::new(PyStr::new(s)));
    match gilt::compile::compile_module(&prog, "<stdlib>", false, intern) {
        Ok(_) => None,
        Err(e) => Some(format!("SyntaxError: {} (line {})", e.msg, e.loc.line)),
    }
}

#[test]
fn every_stdlib_file_compiles_or_is_listed() {
    if !Path::new(ROOT).is_dir() {
        eprintln!("\n*** SKIPPED: {ROOT} is missing (install libpython3.11-stdlib and libpython3.11-testsuite) ***\n");
        return;
    }
    let handle = std::thread::Builder::new()
        .name(gilt::cli::MAIN_THREAD_NAME.into())
        .stack_size(512 << 20)
        .spawn(check)
        .expect("thread");
    handle.join().expect("checker thread");
}

fn check() {
    let mut files = Vec::new();
    py_files(Path::new(ROOT), &mut files);
    files.sort();
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(EXPECTED)).unwrap_or_default();
    let expected: BTreeMap<String, String> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (p, r) = l.split_once('\t').unwrap_or((l, ""));
            assert!(!r.trim().is_empty(), "{EXPECTED}: no reason given for {p}");
            (p.to_string(), r.to_string())
        })
        .collect();
    let mut panics = Vec::new();
    let mut rejected: BTreeMap<String, String> = BTreeMap::new();
    for f in &files {
        let rel = f.strip_prefix(ROOT).unwrap_or(f).display().to_string();
        let Ok(bytes) = std::fs::read(f) else { continue };
        let outcome = match std::str::from_utf8(&bytes) {
            Err(_) => Ok(Some("not UTF-8".to_string())),
            Ok(src) => catch_unwind(AssertUnwindSafe(|| compile(src))),
        };
        match outcome {
            Ok(None) => {}
            Ok(Some(msg)) if msg.contains("internal") => panics.push(format!("{rel}: {msg}")),
            Ok(Some(msg)) => {
                rejected.insert(rel, msg);
            }
            Err(_) => panics.push(rel),
        }
    }
    println!("{} files, {} rejected with a SyntaxError, {} panics", files.len(), rejected.len(), panics.len());
    if std::env::var_os("GILT_STDLIB_BLESS").is_some() {
        for (p, m) in &rejected {
            println!("BLESS\t{p}\t{}", expected.get(p).cloned().unwrap_or_else(|| m.clone()));
        }
    }
    let new: Vec<String> =
        rejected.iter().filter(|(p, _)| !expected.contains_key(*p)).map(|(p, m)| format!("{p}: {m}")).collect();
    let fixed: Vec<&String> =
        expected.keys().filter(|p| !rejected.contains_key(*p) && Path::new(ROOT).join(p).exists()).collect();
    let mut problems = String::new();
    if !panics.is_empty() {
        problems += &format!("\nthe compiler panicked on {} files:\n  {}\n", panics.len(), panics.join("\n  "));
    }
    if !new.is_empty() {
        problems +=
            &format!("\n{} files are rejected and not listed in {EXPECTED}:\n  {}\n", new.len(), new.join("\n  "));
    }
    if !fixed.is_empty() {
        let list: Vec<&str> = fixed.iter().map(|s| s.as_str()).collect();
        problems += &format!(
            "\n{} listed files now compile; remove them from {EXPECTED}:\n  {}\n",
            fixed.len(),
            list.join("\n  ")
        );
    }
    assert!(problems.is_empty(), "{problems}");
}
