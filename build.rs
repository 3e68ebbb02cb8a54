//! Build script: generates the parser from grammar/ with lalrpop, an index
//! of gilt's own Python modules (src/stdlib/py/), and the table of CPython
//! 3.11's pure-Python library embedded in the binary (see
//! `src/stdlib/cpython_lib.rs`).

use std::fmt::Write;

fn main() {
    // The grammar lives in grammar/, not src/. Rerun directives matter: once
    // any `rerun-if-changed` is printed, cargo reruns this script only for
    // the listed paths, so the grammar must be listed too.
    lalrpop::Configuration::new()
        .set_in_dir("grammar")
        .set_out_dir(std::env::var("OUT_DIR").expect("OUT_DIR"))
        .emit_rerun_directives(true)
        .process()
        .expect("lalrpop failed on grammar/");
    embed_python_stdlib();
    embed_cpython_lib();
    python3_site();
}

/// Writes `python3_site.rs`: the `sys.prefix`, `sys.exec_prefix` and
/// `site.getsitepackages()` of the `python3` on PATH when it is CPython 3.11,
/// so that gilt's `site` finds the packages installed for it (a pyenv or
/// `make install` Python keeps them in `lib/python3.11/site-packages`, which
/// Debian's site.py, the one embedded, does not look at). Without such a
/// python3: the prefix of the embedded library and no extra folders.
fn python3_site() {
    println!("cargo:rerun-if-env-changed=GILT_PYTHON3");
    let python = std::env::var("GILT_PYTHON3").unwrap_or_else(|_| "python3".into());
    let probe = r#"
import sys, site
if sys.version_info[:2] == (3, 11) and sys.implementation.name == 'cpython':
    print(sys.base_prefix); print(sys.base_exec_prefix)
    print(*site.getsitepackages([sys.base_prefix, sys.base_exec_prefix]), sep='\n')
"#;
    let out = std::process::Command::new(&python).args(["-S", "-E", "-c", probe]).output();
    let text = out.ok().filter(|o| o.status.success()).map(|o| String::from_utf8_lossy(&o.stdout).into_owned());
    let lines: Vec<String> = text.unwrap_or_default().lines().map(str::to_string).collect();
    let fallback = std::fs::canonicalize(find_cpython_lib())
        .ok()
        .and_then(|p| p.parent().and_then(|p| p.parent()).map(|p| p.display().to_string()))
        .unwrap_or_else(|| "/usr".into());
    let (prefix, exec_prefix, dirs) = match lines.as_slice() {
        [p, e, rest @ ..] => (p.clone(), e.clone(), rest.to_vec()),
        _ => (fallback.clone(), fallback, Vec::new()),
    };
    let out = format!(
        "/// `sys.prefix` of python3 3.11 at build time (else the embedded library's prefix).\n\
         pub const PREFIX: &str = {prefix:?};\n\
         /// `sys.exec_prefix` of that python3.\n\
         pub const EXEC_PREFIX: &str = {exec_prefix:?};\n\
         /// Its `site.getsitepackages()`.\n\
         pub const SITE_PACKAGES: &[&str] = &{dirs:?};\n"
    );
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("python3_site.rs");
    std::fs::write(dest, out).expect("write python3_site.rs");
}

/// Where CPython 3.11's `Lib/` is looked for when `GILT_CPYTHON_LIB` is not
/// set: Debian's libpython3.11-stdlib first, then a `make install` prefix.
const LIB_CANDIDATES: [&str; 2] = ["/usr/lib/python3.11", "/usr/local/lib/python3.11"];

/// Folders of Lib/ that are not embedded: the test suites (run from the
/// file system by tests/cpython.rs), GUI and packaging tools that need
/// what gilt cannot provide, and installed third-party packages.
const SKIPPED_DIRS: [&str; 13] = [
    "test",
    "tests",
    "idle_test",
    "idlelib",
    "tkinter",
    "turtledemo",
    "lib2to3",
    "ensurepip",
    "site-packages",
    "dist-packages",
    "lib-dynload",
    "__pycache__",
    "__phello__",
];

/// Debian's additions to Lib/ that are not part of CPython's library.
const SKIPPED_FILES: [&str; 2] = ["sitecustomize.py", "_distutils_system_mod.py"];

/// A directory holding CPython 3.11's library: it has `os.py` and
/// `tomllib/` (new in 3.11) but not `_pylong.py` (new in 3.12).
fn is_cpython_311_lib(dir: &std::path::Path) -> bool {
    dir.join("os.py").is_file() && dir.join("tomllib").is_dir() && !dir.join("_pylong.py").exists()
}

fn find_cpython_lib() -> std::path::PathBuf {
    println!("cargo:rerun-if-env-changed=GILT_CPYTHON_LIB");
    let chosen = match std::env::var("GILT_CPYTHON_LIB") {
        Ok(dir) if !dir.is_empty() => Some(std::path::PathBuf::from(dir)),
        _ => LIB_CANDIDATES.iter().map(std::path::PathBuf::from).find(|p| is_cpython_311_lib(p)),
    };
    match chosen {
        Some(dir) if is_cpython_311_lib(&dir) => dir,
        _ => {
            eprintln!(
                "error: gilt embeds CPython 3.11's standard library and found none: install it \
                 (Debian/Ubuntu: `apt install libpython3.11-stdlib`) or set GILT_CPYTHON_LIB to a 3.11 Lib/ folder"
            );
            std::process::exit(1);
        }
    }
}

/// Collects the `.py` files under `dir` (relative paths with `/`).
fn walk_lib(root: &std::path::Path, rel: &str, out: &mut Vec<String>) {
    let Ok(rd) = std::fs::read_dir(root.join(rel)) else { return };
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let rel_child = if rel.is_empty() { name.clone() } else { format!("{rel}/{name}") };
        let path = e.path();
        if path.is_dir() {
            if !SKIPPED_DIRS.contains(&name.as_str()) && !name.starts_with("config-") {
                walk_lib(root, &rel_child, out);
            }
        } else if name.ends_with(".py") && !SKIPPED_FILES.contains(&name.as_str()) && path.is_file() {
            out.push(rel_child);
        }
    }
}

/// Writes `cpython_lib.rs`: the Lib folder's path, its files (sorted by
/// relative path, for binary search) and its LICENSE.txt.
///
/// The files' bytes go into one blob (`cpython_lib.bin`) and their paths into
/// one string, each embedded once: with one `include_bytes!` per file the
/// compiler placed each path next to its file's bytes, so looking paths up
/// (a binary search, `sys.stdlib_module_names`) touched a page of every
/// file and the kernel mapped the pages around it, about 9 MB of resident
/// memory in every run.
fn embed_cpython_lib() {
    let root = find_cpython_lib();
    let root = std::fs::canonicalize(&root).unwrap_or(root);
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    walk_lib(&root, "", &mut files);
    files.sort();
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let mut blob: Vec<u8> = Vec::new();
    let mut paths = String::new();
    let mut index = String::new();
    for rel in &files {
        let bytes = std::fs::read(root.join(rel)).expect("read an embedded library file");
        let _ = writeln!(index, "    ({}, {}, {}, {}),", paths.len(), rel.len(), blob.len(), bytes.len());
        paths.push_str(rel);
        blob.extend_from_slice(&bytes);
    }
    let blob_path = out_dir.join("cpython_lib.bin");
    std::fs::write(&blob_path, &blob).expect("write cpython_lib.bin");
    let mut out = String::new();
    let _ = writeln!(
        out,
        "/// The folder CPython's library was embedded from.\npub const LIB_ROOT: &str = {:?};",
        root.display().to_string()
    );
    let _ = writeln!(out, "/// Every embedded file's path relative to [`LIB_ROOT`], one after the other.");
    let _ = writeln!(out, "static PATHS: &str = {paths:?};");
    let _ = writeln!(out, "/// Every embedded file's bytes, one after the other.");
    let _ = writeln!(out, "static DATA: &[u8] = include_bytes!({:?});", blob_path.display().to_string());
    out.push_str(
        "/// Each file (sorted by path): its path's start and length in [`PATHS`], its bytes' start and length in [`DATA`].\n\
         static INDEX: &[(u32, u32, u32, u32)] = &[\n",
    );
    out.push_str(&index);
    out.push_str("];\n");
    let license = root.join("LICENSE.txt");
    let license =
        if license.is_file() { format!("include_str!({:?})", license.display().to_string()) } else { "\"\"".into() };
    let _ = writeln!(
        out,
        "/// CPython's license (its LICENSE.txt), printed by `gilt --license`.\npub const LICENSE: &str = {license};"
    );
    std::fs::write(out_dir.join("cpython_lib.rs"), out).expect("write cpython_lib.rs");
}

/// Maps a file name in src/stdlib/py to the module name it provides. Dotted
/// names (`collections.abc`) are registered in sys.modules by their parent
/// module (`collections.py` imports `collections_abc`).
fn module_name(stem: &str) -> String {
    stem.into()
}

fn embed_python_stdlib() {
    println!("cargo:rerun-if-changed=src/stdlib/py");
    let dir = std::path::Path::new("src/stdlib/py");
    let mut entries: Vec<(String, String)> = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.extension().and_then(|x| x.to_str()) == Some("py") {
                let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
                let abs = std::fs::canonicalize(&p).expect("path");
                println!("cargo:rerun-if-changed={}", p.display());
                entries.push((module_name(&stem), abs.display().to_string()));
            }
        }
    }
    entries.sort();
    let mut out = String::from(
        "/// Source of the Python module embedded under `name`.\npub fn frozen_source(name: &str) -> Option<&'static str> {\n    match name {\n",
    );
    for (name, path) in &entries {
        let _ = writeln!(out, "        {name:?} => Some(include_str!({path:?})),");
    }
    out.push_str("        _ => None,\n    }\n}\n");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("frozen.rs");
    std::fs::write(dest, out).expect("write frozen.rs");
}
