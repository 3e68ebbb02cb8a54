//! The `_os` module: the native half of `os` / `os.path` (processes,
//! directories, files, environment), without libc.

use std::sync::Arc;

use super::def;
use super::file::os_error;
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::value::Value;
use crate::runtime::gil::BlockKind;
use crate::vm::{Args, PyResult, Vm};

/// A path argument: str, bytes, or an object with `__fspath__`.
fn path_arg(vm: &mut Vm, a: &Args, i: usize, fname: &str) -> PyResult<String> {
    let Some(v) = a.pos.get(i) else {
        return Err(vm.type_error(&format!("{fname}() missing required argument 'path' (pos {})", i + 1)));
    };
    path_of(vm, v, fname)
}

fn path_of(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        Value::Bytes(b) => Ok(String::from_utf8_lossy(b).into_owned()),
        _ => {
            if vm.class_of(v).lookup("__fspath__").is_some() {
                let r = vm.call_method(v, "__fspath__", vec![])?;
                return path_of(vm, &r, fname);
            }
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("{fname}: path should be string, bytes or os.PathLike, not {tn}")))
        }
    }
}

fn io<R>(vm: &mut Vm, path: &str, r: std::io::Result<R>) -> PyResult<R> {
    r.map_err(|e| os_error(vm, &e, Some(&Value::str(path))))
}

/// Makes `p` absolute and removes `.`/`..` components lexically.
fn abspath(p: &str) -> String {
    let full = if p.starts_with('/') {
        p.to_string()
    } else {
        let cwd = std::env::current_dir().map(|c| c.display().to_string()).unwrap_or_else(|_| "/".into());
        format!("{cwd}/{p}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for c in full.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    format!("/{}", parts.join("/"))
}

fn environ_dict() -> Dict {
    let d = Dict::new();
    for (k, v) in std::env::vars_os() {
        d.set_item_str(&k.to_string_lossy(), Value::string(v.to_string_lossy().into_owned()));
    }
    d
}

/// Creates the `_os` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("_os"));
    d.set_item_str("sep", Value::str("/"));
    d.set_item_str("linesep", Value::str("\n"));
    d.set_item_str("name", Value::str("posix"));
    d.set_item_str("environ", Value::Dict(Arc::new(environ_dict())));
    def(&d, "getpid", |_vm, _a| Ok(Value::Int(std::process::id() as i64)));
    def(&d, "getppid", |_vm, _a| Ok(Value::Int(std::os::unix::process::parent_id() as i64)));
    def(&d, "getcwd", |vm, _a| {
        let r = std::env::current_dir();
        let p = io(vm, ".", r)?;
        Ok(Value::string(p.display().to_string()))
    });
    def(&d, "chdir", |vm, a| {
        let p = path_arg(vm, &a, 0, "chdir")?;
        let r = std::env::set_current_dir(&p);
        io(vm, &p, r)?;
        Ok(Value::None)
    });
    def(&d, "listdir", |vm, a| {
        let p = match a.pos.first() {
            Some(v) if !v.is_none() => path_of(vm, v, "listdir")?,
            _ => ".".to_string(),
        };
        let r = std::fs::read_dir(&p);
        let rd = io(vm, &p, r)?;
        let mut out = Vec::new();
        for e in rd.flatten() {
            out.push(Value::string(e.file_name().to_string_lossy().into_owned()));
        }
        Ok(Value::list(out))
    });
    def(&d, "getenv", |vm, a| {
        a.check(vm, "getenv", 1, 2)?;
        let k = path_of(vm, &a.pos[0], "getenv")?;
        match std::env::var(&k) {
            Ok(v) => Ok(Value::string(v)),
            Err(_) => Ok(a.pos.get(1).cloned().unwrap_or(Value::None)),
        }
    });
    def(&d, "exists", |vm, a| {
        let p = path_arg(vm, &a, 0, "exists")?;
        Ok(Value::Bool(std::path::Path::new(&p).exists()))
    });
    def(&d, "isfile", |vm, a| {
        let p = path_arg(vm, &a, 0, "isfile")?;
        Ok(Value::Bool(std::path::Path::new(&p).is_file()))
    });
    def(&d, "isdir", |vm, a| {
        let p = path_arg(vm, &a, 0, "isdir")?;
        Ok(Value::Bool(std::path::Path::new(&p).is_dir()))
    });
    def(&d, "islink", |vm, a| {
        let p = path_arg(vm, &a, 0, "islink")?;
        Ok(Value::Bool(std::fs::symlink_metadata(&p).map(|m| m.file_type().is_symlink()).unwrap_or(false)))
    });
    def(&d, "getsize", |vm, a| {
        let p = path_arg(vm, &a, 0, "getsize")?;
        let r = std::fs::metadata(&p);
        let m = io(vm, &p, r)?;
        Ok(Value::Int(m.len() as i64))
    });
    def(&d, "getmtime", |vm, a| {
        let p = path_arg(vm, &a, 0, "getmtime")?;
        let r = std::fs::metadata(&p).and_then(|m| m.modified());
        let t = io(vm, &p, r)?;
        let secs = t.duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0);
        Ok(Value::Float(secs))
    });
    for name in ["remove", "unlink"] {
        def(&d, name, move |vm, a| {
            let p = path_arg(vm, &a, 0, name)?;
            let r = std::fs::remove_file(&p);
            io(vm, &p, r)?;
            Ok(Value::None)
        });
    }
    def(&d, "mkdir", |vm, a| {
        let p = path_arg(vm, &a, 0, "mkdir")?;
        let r = std::fs::create_dir(&p);
        io(vm, &p, r)?;
        Ok(Value::None)
    });
    def(&d, "makedirs", |vm, mut a| {
        let exist_ok = match a.take_kw("exist_ok") {
            Some(v) => vm.truthy(&v)?,
            None => match a.pos.get(2) {
                Some(v) => vm.truthy(v)?,
                None => false,
            },
        };
        let p = path_arg(vm, &a, 0, "makedirs")?;
        if std::path::Path::new(&p).is_dir() {
            if exist_ok {
                return Ok(Value::None);
            }
            let e = std::io::Error::from_raw_os_error(17);
            return Err(os_error(vm, &e, Some(&Value::str(&p))));
        }
        let r = std::fs::create_dir_all(&p);
        io(vm, &p, r)?;
        Ok(Value::None)
    });
    def(&d, "rmdir", |vm, a| {
        let p = path_arg(vm, &a, 0, "rmdir")?;
        let r = std::fs::remove_dir(&p);
        io(vm, &p, r)?;
        Ok(Value::None)
    });
    for name in ["rename", "replace"] {
        def(&d, name, move |vm, a| {
            let src = path_arg(vm, &a, 0, name)?;
            let dst = path_arg(vm, &a, 1, name)?;
            let r = std::fs::rename(&src, &dst);
            io(vm, &src, r)?;
            Ok(Value::None)
        });
    }
    def(&d, "cpu_count", |_vm, _a| {
        Ok(std::thread::available_parallelism().map(|n| Value::Int(n.get() as i64)).unwrap_or(Value::None))
    });
    def(&d, "urandom", |vm, a| {
        a.check(vm, "urandom", 1, 1)?;
        let n = vm.index_of(&a.pos[0])?;
        if n < 0 {
            return Err(vm.value_error("negative argument not allowed"));
        }
        use std::io::Read;
        let mut buf = vec![0u8; n as usize];
        let r = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf));
        io(vm, "/dev/urandom", r)?;
        Ok(Value::Bytes(Arc::new(buf)))
    });
    def(&d, "_exit", |vm, a| {
        let code = match a.pos.first() {
            Some(v) => vm.index_of(v)?,
            None => 0,
        };
        use std::io::Write;
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().flush();
        std::process::exit(code as i32)
    });
    def(&d, "getlogin", |vm, _a| match std::env::var("USER").or_else(|_| std::env::var("LOGNAME")) {
        Ok(u) => Ok(Value::string(u)),
        Err(_) => Err(vm.err("OSError", "getlogin failed")),
    });
    def(&d, "_abspath", |vm, a| {
        let p = path_arg(vm, &a, 0, "abspath")?;
        Ok(Value::string(abspath(&p)))
    });
    def(&d, "_realpath", |vm, a| {
        let p = path_arg(vm, &a, 0, "realpath")?;
        let r = std::fs::canonicalize(&p).map(|c| c.display().to_string()).unwrap_or_else(|_| abspath(&p));
        Ok(Value::string(r))
    });
    def(&d, "system", |vm, a| {
        let cmd = path_arg(vm, &a, 0, "system")?;
        let st = vm.allow_threads(BlockKind::Io, || std::process::Command::new("/bin/sh").arg("-c").arg(&cmd).status());
        Ok(Value::Int(st.ok().and_then(|s| s.code()).map(|c| (c as i64) << 8).unwrap_or(-1)))
    });
    let _ = vm;
    Ok(Value::Module(Arc::new(Module { name: Arc::from("_os"), dict: d })))
}
