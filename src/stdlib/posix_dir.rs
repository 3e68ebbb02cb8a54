//! `posix.scandir`: the `ScandirIterator` (an iterator and a context
//! manager) and its `DirEntry` objects, which answer `is_dir`/`is_file`/
//! `is_symlink` from the directory entry's type and cache their `stat()`.

use std::os::unix::ffi::OsStrExt;
use std::sync::Arc;

use parking_lot::Mutex;

use super::method;
use super::posix_args::{PathArg, clinic, errno_error, flag, path_arg};
use super::posix_fs::{raw_stat, stat_value};
use super::types_num::prop;
use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyResult, Runtime, Vm};

/// The open directory of one `scandir()` call.
pub struct ScandirIter {
    class: Arc<Class>,
    entry_class: Arc<Class>,
    stat_class: Arc<Class>,
    /// The directory as given (joined with each name to make `path`).
    base: Vec<u8>,
    /// Whether the path was bytes (names and paths are then bytes).
    is_bytes: bool,
    /// The path object, for errors.
    obj: Value,
    /// None once exhausted or closed.
    dir: Mutex<Option<std::fs::ReadDir>>,
}

/// One entry of a directory listing.
pub struct DirEntry {
    class: Arc<Class>,
    stat_class: Arc<Class>,
    name: Value,
    path: Value,
    path_bytes: Vec<u8>,
    is_bytes: bool,
    ino: u64,
    file_type: Option<std::fs::FileType>,
    /// `stat()` results: following symlinks, and not.
    stat: Mutex<Option<Value>>,
    lstat: Mutex<Option<Value>>,
}

crate::object::native::impl_native_object!(ScandirIter, DirEntry);

impl DirEntry {
    fn path_arg(&self) -> PathArg {
        PathArg { obj: self.path.clone(), bytes: self.path_bytes.clone(), is_bytes: self.is_bytes, fd: None }
    }

    fn is_symlink(&self) -> bool {
        self.file_type.map(|t| t.is_symlink()).unwrap_or(false)
    }

    /// `stat()`, cached per `follow` (both share one result for a non-link).
    fn get_stat(&self, vm: &mut Vm, follow: bool) -> PyResult<Value> {
        let follow = follow && self.is_symlink();
        let cache = if follow { &self.stat } else { &self.lstat };
        if let Some(v) = cache.lock().clone() {
            return Ok(v);
        }
        let st = raw_stat(vm, &self.path_arg(), follow)?;
        let v = stat_value(&self.stat_class, &st);
        *cache.lock() = Some(v.clone());
        Ok(v)
    }

    /// `is_dir`/`is_file`: the entry's type, or (a followed symlink) the
    /// target's mode; a missing target is `False`.
    fn test(&self, vm: &mut Vm, follow: bool, want: u32) -> PyResult<bool> {
        if follow && self.is_symlink() || self.file_type.is_none() {
            return match self.get_stat(vm, follow) {
                Ok(st) => {
                    let mode = match super::types_containers::builtin_of(&st) {
                        Value::Tuple(t) => match t.items.first() {
                            Some(Value::Int(m)) => *m as u32,
                            _ => 0,
                        },
                        _ => 0,
                    };
                    Ok(mode & libc::S_IFMT == want)
                }
                Err(e) if e.exc.class.is_subclass(&vm.rt.types.exc("FileNotFoundError")) => Ok(false),
                Err(e) => Err(e),
            };
        }
        let t = self.file_type.expect("checked");
        Ok(if want == libc::S_IFDIR { t.is_dir() } else { t.is_file() })
    }
}

fn entry<'a>(vm: &mut Vm, a: &'a Args, what: &str) -> PyResult<&'a DirEntry> {
    a.native_self::<DirEntry>()
        .ok_or_else(|| vm.type_error(&format!("descriptor '{what}' requires a 'posix.DirEntry' object")))
}

fn follow_kw(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<bool> {
    let rest = Args::with_kw(a.pos[1..].to_vec(), a.kw.clone());
    let args = clinic(vm, &rest, fname, &["follow_symlinks"], 0, 0)?;
    flag(vm, &args[0], true)
}

fn join(base: &[u8], name: &[u8]) -> Vec<u8> {
    let mut p = base.to_vec();
    if !p.is_empty() && !p.ends_with(b"/") {
        p.push(b'/');
    }
    p.extend_from_slice(name);
    p
}

impl ScandirIter {
    fn next_entry(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        use std::os::unix::fs::DirEntryExt;
        let mut guard = self.dir.lock();
        let Some(rd) = guard.as_mut() else { return Ok(None) };
        let Some(e) = rd.next() else {
            *guard = None;
            return Ok(None);
        };
        drop(guard);
        let e = e.map_err(|err| errno_error(vm, err.raw_os_error().unwrap_or(0), Some(&self.obj), None))?;
        let name = e.file_name().as_bytes().to_vec();
        let path_bytes = join(&self.base, &name);
        let out = |b: &[u8]| -> Value {
            if self.is_bytes {
                Value::Bytes(Arc::new(b.to_vec()))
            } else {
                Value::string(String::from_utf8_lossy(b).into_owned())
            }
        };
        let ent = DirEntry {
            class: self.entry_class.clone(),
            stat_class: self.stat_class.clone(),
            name: out(&name),
            path: out(&path_bytes),
            path_bytes,
            is_bytes: self.is_bytes,
            ino: e.ino(),
            file_type: e.file_type().ok(),
            stat: Mutex::new(None),
            lstat: Mutex::new(None),
        };
        Ok(Some(Value::from_native(Arc::new(ent))))
    }
}

fn iter_self<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a ScandirIter> {
    a.native_self::<ScandirIter>().ok_or_else(|| vm.type_error("descriptor requires a 'posix.ScandirIterator' object"))
}

/// Creates `DirEntry` and `ScandirIterator` and registers `scandir` in `d`.
pub fn register(rt: &Runtime, d: &Dict, stat_class: &Arc<Class>) {
    let obj = std::slice::from_ref(&rt.types.object);
    let ent = new_builtin_class("DirEntry", obj, Layout::Opaque);
    ent.dict.set_item_str("__module__", Value::str("posix"));
    let it = new_builtin_class("ScandirIterator", obj, Layout::Opaque);
    it.dict.set_item_str("__module__", Value::str("posix"));
    prop(rt, &ent, "name", |vm, a| Ok(entry(vm, &a, "name")?.name.clone()));
    prop(rt, &ent, "path", |vm, a| Ok(entry(vm, &a, "path")?.path.clone()));
    method(&ent, "__fspath__", |vm, a| Ok(entry(vm, &a, "__fspath__")?.path.clone()));
    method(&ent, "inode", |vm, a| Ok(Value::Int(entry(vm, &a, "inode")?.ino as i64)));
    method(&ent, "__repr__", |vm, a| {
        let n = entry(vm, &a, "__repr__")?.name.clone();
        Ok(Value::string(format!("<DirEntry {}>", vm.repr_of(&n)?)))
    });
    method(&ent, "is_symlink", |vm, a| {
        let e = entry(vm, &a, "is_symlink")?;
        if e.file_type.is_none() {
            return match e.get_stat(vm, false) {
                Ok(_) => Ok(Value::Bool(e.lstat.lock().is_some() && e.file_type.is_some_and(|t| t.is_symlink()))),
                Err(_) => Ok(Value::Bool(false)),
            };
        }
        Ok(Value::Bool(e.is_symlink()))
    });
    method(&ent, "is_dir", |vm, a| {
        let follow = follow_kw(vm, &a, "is_dir")?;
        let e = entry(vm, &a, "is_dir")?;
        Ok(Value::Bool(e.test(vm, follow, libc::S_IFDIR)?))
    });
    method(&ent, "is_file", |vm, a| {
        let follow = follow_kw(vm, &a, "is_file")?;
        let e = entry(vm, &a, "is_file")?;
        Ok(Value::Bool(e.test(vm, follow, libc::S_IFREG)?))
    });
    method(&ent, "stat", |vm, a| {
        let follow = follow_kw(vm, &a, "stat")?;
        entry(vm, &a, "stat")?.get_stat(vm, follow)
    });
    method(&it, "__iter__", |_vm, a| Ok(a.pos[0].clone()));
    method(&it, "__next__", |vm, a| match iter_self(vm, &a)?.next_entry(vm)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(None)),
    });
    method(&it, "close", |vm, a| {
        *iter_self(vm, &a)?.dir.lock() = None;
        Ok(Value::None)
    });
    method(&it, "__enter__", |_vm, a| Ok(a.pos[0].clone()));
    method(&it, "__exit__", |vm, a| {
        *iter_self(vm, &a)?.dir.lock() = None;
        Ok(Value::Bool(false))
    });
    d.set_item_str("DirEntry", Value::Class(ent.clone()));
    let stat_class = stat_class.clone();
    super::def(d, "scandir", move |vm, a| {
        let args = clinic(vm, &a, "scandir", &["path"], 1, 0)?;
        let v = args[0].clone().unwrap_or(Value::None);
        let p = path_arg(vm, &v, "scandir", "path", false, true)?;
        let os_path = std::path::PathBuf::from(std::ffi::OsStr::from_bytes(&p.bytes));
        let rd = std::fs::read_dir(&os_path)
            .map_err(|e| errno_error(vm, e.raw_os_error().unwrap_or(0), Some(&p.obj).filter(|o| !o.is_none()), None))?;
        let sc = ScandirIter {
            class: it.clone(),
            entry_class: ent.clone(),
            stat_class: stat_class.clone(),
            base: p.bytes.clone(),
            is_bytes: p.is_bytes,
            obj: p.obj.clone(),
            dir: Mutex::new(Some(rd)),
        };
        Ok(Value::from_native(Arc::new(sc)))
    });
}
