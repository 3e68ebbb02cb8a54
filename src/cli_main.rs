//! What `gilt` runs as `__main__`, found the way CPython 3.11 finds it: a
//! script file, a directory holding `__main__.py`, `-m MOD` (a module or
//! package on sys.path, or one of gilt's embedded modules), `-c CODE`, or
//! a program on stdin — each with the `sys.argv[0]` and `sys.path[0]` that
//! CPython gives it. Messages for what cannot be run are CPython's.

use crate::object::value::Value;
use crate::vm::Vm;

/// The main program: its source and the names CPython gives it.
#[derive(Debug, Default)]
pub struct MainProgram {
    /// The source (`None`: no program, the REPL).
    pub source: Option<String>,
    /// `__file__` and the name in tracebacks.
    pub filename: String,
    /// `sys.argv[0]`.
    pub argv0: String,
    /// `sys.path[0]` ("" for `-c`, stdin and the REPL).
    pub path0: String,
    /// `__package__` (for `-m pkg.mod` and packages' `__main__`).
    pub package: Option<String>,
    /// A zip archive run as a script: its `__main__.py` is read once the
    /// interpreter is up ([`zip_main`]); `source` is `None` until then.
    pub archive: Option<String>,
    /// `__spec__` and `__loader__` of `__main__` when a loader found it (a zip archive).
    pub spec: Option<(Value, Value)>,
}

/// Why no program could be found: the message was printed; exit with this status.
pub struct Failed(pub i32);

/// The absolute form of `p` (as CPython shows paths of scripts).
pub fn absolute(p: &str) -> String {
    std::path::absolute(p).map(|p| p.display().to_string()).unwrap_or_else(|_| p.to_string())
}

/// `[Errno N] message`, as Python's OSError prints.
pub fn os_error_text(e: &std::io::Error) -> String {
    format!("[Errno {}] {}", e.raw_os_error().unwrap_or(2), os_msg(e))
}

fn os_msg(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        std::io::ErrorKind::IsADirectory => "Is a directory".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    }
}

/// Reads a source file, decoded as its BOM or coding cookie says; an undecodable file is CPython's SyntaxError.
fn read_source(path: &str) -> Result<String, Failed> {
    let bytes = std::fs::read(path).map_err(|e| {
        eprintln!("{}: can't open file '{}': {}", program_name(), absolute(path), os_error_text(&e));
        Failed(2)
    })?;
    // PEP 263: a BOM or a coding cookie chooses the decoding.
    crate::lex::source::decode_source(&bytes, &absolute(path)).map(|s| s.into_owned()).map_err(|e| {
        eprintln!("SyntaxError: {}", e.0);
        Failed(1)
    })
}

/// A script path: a file, or a directory with `__main__.py` (sys.path[0] is then the directory).
pub fn script(path: &str) -> Result<MainProgram, Failed> {
    let p = std::path::Path::new(path);
    if p.is_dir() {
        let main = p.join("__main__.py");
        if !main.is_file() {
            eprintln!("{}: can't find '__main__' module in '{}'", program_name(), absolute(path));
            return Err(Failed(1));
        }
        let filename = absolute(&main.display().to_string());
        let source = read_source(&main.display().to_string())?;
        return Ok(MainProgram {
            source: Some(source),
            filename,
            argv0: path.into(),
            path0: absolute(path),
            package: None,
            archive: None,
            spec: None,
        });
    }
    if is_zip_archive(p) {
        // As CPython: sys.path[0] is the archive itself, and its `__main__` runs.
        return Ok(MainProgram {
            argv0: path.into(),
            path0: absolute(path),
            archive: Some(absolute(path)),
            ..Default::default()
        });
    }
    // Like CPython 3.9+, __main__'s __file__ (and tracebacks) use the absolute path.
    let filename = absolute(path);
    let source = read_source(path)?;
    let dir = std::fs::canonicalize(path)
        .ok()
        .and_then(|c| c.parent().map(|d| d.display().to_string()))
        .unwrap_or_else(|| ".".into());
    Ok(MainProgram {
        source: Some(source),
        filename,
        argv0: path.into(),
        path0: dir,
        package: None,
        archive: None,
        spec: None,
    })
}

/// Whether `p` is a zip archive: its end-of-central-directory record is in
/// its last 64 KiB (where zipimport looks; a zipapp may start with a `#!` line).
fn is_zip_archive(p: &std::path::Path) -> bool {
    use std::io::{Read, Seek, SeekFrom};
    let Ok(mut f) = std::fs::File::open(p) else { return false };
    let Ok(len) = f.seek(SeekFrom::End(0)) else { return false };
    let tail_len = len.min(22 + 65535);
    let mut tail = vec![0; tail_len as usize];
    if f.seek(SeekFrom::Start(len - tail_len)).is_err() || f.read_exact(&mut tail).is_err() {
        return false;
    }
    tail.windows(4).any(|w| w == b"PK\x05\x06")
}

/// Reads the `__main__.py` of a zip archive run as a script (through
/// CPython's zipimport, as CPython does), or prints CPython's message.
pub fn zip_main(vm: &mut Vm, program: &mut MainProgram) -> Result<(), Failed> {
    let Some(archive) = program.archive.clone() else { return Ok(()) };
    let found = vm.import_name("_imp", 0, true).and_then(|imp| {
        let Value::Module(imp) = imp else { return Ok(Value::None) };
        let Some(f) = imp.dict.get_item_str("_gilt_zip_main") else { return Ok(Value::None) };
        vm.call(&f, vec![Value::str(&archive)])
    });
    let found = match found {
        Ok(v) => v,
        Err(e) => return Err(Failed(crate::cli::report_uncaught(vm, &e))),
    };
    let text = |v: &Value| v.as_str().map(|s| s.as_str().to_string());
    let (src, name) = match &found {
        Value::Tuple(t) if t.len() == 4 => {
            program.spec = Some((t.items[2].clone(), t.items[3].clone()));
            (text(&t.items[0]), text(&t.items[1]))
        }
        _ => (None, None),
    };
    let (Some(src), Some(name)) = (src, name) else {
        eprintln!("{}: can't find '__main__' module in '{archive}'", program_name());
        return Err(Failed(1));
    };
    program.source = Some(src);
    program.filename = name;
    Ok(())
}

/// `-c CODE`.
pub fn code(code: &str) -> MainProgram {
    MainProgram { source: Some(code.into()), filename: "<string>".into(), argv0: "-c".into(), ..Default::default() }
}

/// The program read from stdin (`-` or piped stdin); `argv0` is `-` or "".
pub fn stdin(argv0: &str) -> MainProgram {
    let mut text = Vec::new();
    let _ = std::io::Read::read_to_end(&mut std::io::stdin(), &mut text);
    let source = String::from_utf8_lossy(&text).into_owned();
    MainProgram { source: Some(source), filename: "<stdin>".into(), argv0: argv0.into(), ..Default::default() }
}

/// The command as typed (`argv[0]`), which CPython prints before a script it cannot open.
fn program_name() -> String {
    std::env::args_os().next().map(|a| a.to_string_lossy().into_owned()).unwrap_or_else(|| "gilt".into())
}

/// The path CPython prints before `-m` errors (`sys.executable`).
fn exe() -> String {
    std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_else(|_| "gilt".into())
}

/// The directories of `sys.path` as the running interpreter has them.
fn sys_path(vm: &mut Vm) -> Vec<String> {
    let Some(Value::Module(sys)) = vm.rt.modules.get_item_str("sys") else { return vec![] };
    let Some(Value::List(l)) = sys.dict.get_item_str("path") else { return vec![] };
    l.snapshot()
        .iter()
        .filter_map(|v| v.as_str().map(|s| if s.as_str().is_empty() { ".".into() } else { s.as_str().to_string() }))
        .collect()
}

/// `-m NAME`: finds the module (importing its parent packages first, as
/// runpy does) and returns it as the main program.
pub fn module(vm: &mut Vm, name: &str) -> Result<MainProgram, Failed> {
    let (parent, _) = name.rsplit_once('.').unwrap_or(("", name));
    if !parent.is_empty()
        && let Err(e) = vm.import_name(parent, 0, true)
    {
        let text = vm.exception_only(&e.value());
        return Err(fail(format!("Error while finding module specification for '{name}' ({text})")));
    }
    if let Some(src) = crate::stdlib::frozen_source(name) {
        let package = Some(parent.to_string()).filter(|p| !p.is_empty());
        return Ok(module_main(src.into(), format!("<frozen {name}>"), package));
    }
    let (parent_rel, leaf) = match name.rsplit_once('.') {
        Some((p, l)) => (Some(p.replace('.', "/")), l),
        None => (None, name),
    };
    let package = Some(parent.to_string()).filter(|p| !p.is_empty());
    let dirs: Vec<String> = sys_path(vm)
        .into_iter()
        .map(|dir| match &parent_rel {
            Some(p) => format!("{dir}/{p}"),
            None => dir,
        })
        .collect();
    let regular = dirs.iter().find_map(|dir| crate::vm::import_find::find_in_dir(dir, leaf).ok().flatten());
    let (found, package) = match regular {
        Some(found) => match found.package_dir() {
            None => (found, package),
            Some(pkg_dir) => (package_main(vm, name, &pkg_dir)?, Some(name.to_string())),
        },
        None => {
            // A namespace package: a folder without `__init__.py` on the path.
            let Some(pkg_dir) = dirs.iter().map(|d| format!("{d}/{leaf}")).find(|d| std::path::Path::new(d).is_dir())
            else {
                return match crate::stdlib::native_module(vm, name) {
                    Ok(Some(_)) => Err(fail(format!("No code object available for {name}"))),
                    _ => Err(fail(format!("No module named {name}"))),
                };
            };
            (package_main(vm, name, &pkg_dir)?, Some(name.to_string()))
        }
    };
    let filename = if found.filename.starts_with('/') { found.filename.clone() } else { absolute(&found.filename) };
    let source = crate::lex::source::decode_source(&found.bytes, &filename).map(|s| s.into_owned()).map_err(|e| {
        eprintln!("SyntaxError: {}", e.0);
        Failed(1)
    })?;
    Ok(module_main(source, filename, package))
}

/// The program `-m` runs: `source` as `__main__`, `argv[0]` its file name,
/// `sys.path[0]` the current directory.
fn module_main(source: String, filename: String, package: Option<String>) -> MainProgram {
    MainProgram { source: Some(source), argv0: filename.clone(), filename, path0: cwd(), package, ..Default::default() }
}

/// A `-m` failure: `PROGRAM: MSG` on stderr, status 1.
fn fail(msg: String) -> Failed {
    eprintln!("{}: {msg}", exe());
    Failed(1)
}

/// A package run with `-m` runs as its `__main__` submodule, after the package itself is imported.
fn package_main(vm: &mut Vm, name: &str, pkg_dir: &str) -> Result<crate::vm::import_find::Found, Failed> {
    let main = match crate::vm::import_find::find_in_dir(pkg_dir, "__main__") {
        Ok(Some(m)) if !m.is_pkg => m,
        _ => {
            return Err(fail(format!(
                "No module named {name}.__main__; '{name}' is a package and cannot be directly executed"
            )));
        }
    };
    if let Err(e) = vm.import_name(name, 0, true) {
        return Err(Failed(crate::cli::report_uncaught(vm, &e)));
    }
    Ok(main)
}

fn cwd() -> String {
    std::env::current_dir().map(|d| d.display().to_string()).unwrap_or_default()
}
