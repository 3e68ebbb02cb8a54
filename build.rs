//! Build script: generates the parser from grammar/ with lalrpop, and an
//! index of the Python modules embedded from src/stdlib/py/.

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
}

/// Maps a file name in src/stdlib/py to the module name it provides. Dotted
/// names (`os.path`, `collections.abc`) are registered in sys.modules by
/// their parent module (`os.py` imports `os_path`), as CPython's os does.
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
