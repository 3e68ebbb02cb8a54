//! `_sqlite3_engine`: the native half of `sqlite3` — SQLite (bundled by the
//! `rusqlite` crate, called through its raw `ffi`) behind two small objects,
//! `Db` (a connection) and `Stmt` (a prepared statement). The DB-API layer
//! (Connection, Cursor, Row, adapters, transactions, messages) is Python, in
//! `py/_sqlite3.py`, so that its classes subclass like CPython's.
//!
//! Threads and the GIL. Every call that may take SQLite's connection mutex
//! runs with the GIL released (recorded as `BlockKind::Sqlite`), so a thread
//! waiting for the database never holds the GIL. SQLite is built serialized
//! (`SQLITE_THREADSAFE=1`, opened with `SQLITE_OPEN_FULLMUTEX`): its own
//! recursive connection mutex makes one connection safe from many threads,
//! with the GIL off too. The Rust locks here only guard the handles' lives
//! (`RwLock`: every use is a shared read, `close`/`finalize` the exclusive
//! write), never SQLite's work, and no Rust lock is taken while Python runs
//! except those shared reads, which `close` waits for with the GIL released.
//! Python callbacks (user functions, aggregates, collations, the authorizer)
//! are called by SQLite from inside `sqlite3_step`/`prepare` on the thread
//! that released the GIL: `callbacks.rs` finds that thread's `Vm` through
//! [`CUR_VM`], takes the GIL back for the call and releases it again.

use std::cell::Cell;
use std::ffi::{CStr, c_char, c_int};
use std::ptr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use parking_lot::RwLock;
use rusqlite::ffi;

use super::def;
use super::native_util::module;
use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::runtime::gil::{BlockKind, ReleaseReason};
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyErr, PyResult, Vm};

unsafe extern "C" {
    // In the bundled SQLite but not in libsqlite3-sys's bindings: unlike
    // `sqlite3_close`, it never fails on unfinalized statements (they keep
    // a "zombie" connection until they are finalized).
    fn sqlite3_close_v2(db: *mut ffi::sqlite3) -> c_int;
}

thread_local! {
    /// The `Vm` of this OS thread while it runs SQLite with the GIL released
    /// (null otherwise): how a callback from inside SQLite reaches Python.
    pub static CUR_VM: Cell<*mut Vm> = const { Cell::new(ptr::null_mut()) };
}

/// Runs `f` (SQLite work, no Python) with the GIL released; callbacks that
/// SQLite makes meanwhile find the `Vm` in [`CUR_VM`].
pub fn released<R>(vm: &mut Vm, f: impl FnOnce() -> R) -> R {
    // Only `p` is used from here on, so the callbacks' accesses through the
    // same pointer are derived from this borrow.
    let p: *mut Vm = vm;
    unsafe {
        if let Some(g) = (*p).gil.as_mut() {
            g.release(ReleaseReason::BlockingCall(BlockKind::Sqlite));
        }
        let prev = CUR_VM.with(|c| c.replace(p));
        let r = f();
        CUR_VM.with(|c| c.set(prev));
        if let Some(g) = (*p).gil.as_mut() {
            g.acquire();
        }
        r
    }
}

/// A connection handle that may cross threads (SQLite serializes its use).
#[derive(Clone, Copy)]
pub struct DbPtr(pub *mut ffi::sqlite3);
unsafe impl Send for DbPtr {}
unsafe impl Sync for DbPtr {}

#[derive(Clone, Copy)]
struct StmtPtr(*mut ffi::sqlite3_stmt);
unsafe impl Send for StmtPtr {}
unsafe impl Sync for StmtPtr {}

/// `_sqlite3_engine.Db`: one open connection.
pub struct Db {
    pub core: Arc<DbCore>,
    class: Arc<Class>,
}

/// The connection itself, shared by the `Db` object and its statements.
pub struct DbCore {
    pub handle: RwLock<Option<DbPtr>>,
    /// `make_error(message, extended_code)` → the DB-API exception to raise
    /// (the code is None for a plain OperationalError, "programming" for a
    /// ProgrammingError).
    make_error: Value,
    stmt_cls: Arc<Class>,
    kept: parking_lot::Mutex<super::sqlite_callbacks::Kept>,
}

/// `_sqlite3_engine.Stmt`: one prepared statement and what was learnt when
/// it was prepared (parameter names, columns, declared types).
pub struct Stmt {
    db: Arc<DbCore>,
    /// The connection it was prepared on: valid as long as the statement
    /// is, even after `close` (SQLite keeps a closed connection with live
    /// statements as a "zombie"), so a cursor of a re-initialised or closed
    /// connection's object still reads its rows as CPython's does.
    dbp: DbPtr,
    handle: RwLock<Option<StmtPtr>>,
    params: Vec<Option<String>>,
    columns: Vec<String>,
    readonly: bool,
    /// True between a step that returned a row and the next reset.
    busy: AtomicBool,
    class: Arc<Class>,
}

crate::object::native::impl_native_object!(Db, Stmt);

impl Drop for DbCore {
    fn drop(&mut self) {
        if let Some(h) = self.handle.get_mut().take() {
            unsafe { sqlite3_close_v2(h.0) };
        }
    }
}

impl Drop for Stmt {
    fn drop(&mut self) {
        if let Some(h) = self.handle.get_mut().take() {
            unsafe { ffi::sqlite3_finalize(h.0) };
        }
    }
}

/// A column or bound value on the Rust side (no Python objects, so it can
/// be made and read with the GIL released).
pub enum Cell2 {
    Null,
    Int(i64),
    Float(f64),
    Text(Vec<u8>),
    Blob(Vec<u8>),
}

/// What a failed SQLite call left: its extended code and message.
pub struct Failure {
    pub code: c_int,
    pub msg: String,
}

unsafe fn cstr(p: *const c_char) -> Option<String> {
    if p.is_null() { None } else { Some(unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()) }
}

/// The connection's last error.
///
/// # Safety
/// `db` is an open connection whose mutex this thread holds.
pub unsafe fn failure_of(db: *mut ffi::sqlite3, rc: c_int) -> Failure {
    unsafe { failure(db, rc) }
}

unsafe fn failure(db: *mut ffi::sqlite3, rc: c_int) -> Failure {
    let code = unsafe { ffi::sqlite3_extended_errcode(db) };
    let code = if code & 0xff == rc & 0xff { code } else { rc };
    let msg = unsafe { cstr(ffi::sqlite3_errmsg(db)) }.unwrap_or_else(|| "unknown error".into());
    Failure { code, msg }
}

/// Holds SQLite's own (recursive) connection mutex, so that a step and the
/// reading of its row or its error message are one unit.
struct DbMutex(*mut ffi::sqlite3_mutex);
impl DbMutex {
    unsafe fn new(db: *mut ffi::sqlite3) -> DbMutex {
        let m = unsafe { ffi::sqlite3_db_mutex(db) };
        unsafe { ffi::sqlite3_mutex_enter(m) };
        DbMutex(m)
    }
}
impl Drop for DbMutex {
    fn drop(&mut self) {
        unsafe { ffi::sqlite3_mutex_leave(self.0) };
    }
}

/// Reads column `i` of the current row.
unsafe fn column(st: *mut ffi::sqlite3_stmt, i: c_int, raw: bool) -> Cell2 {
    unsafe {
        let ty = ffi::sqlite3_column_type(st, i);
        if ty == ffi::SQLITE_NULL {
            return Cell2::Null;
        }
        if raw {
            // As CPython: a converter gets None for an empty value too
            // (sqlite3_column_blob gives NULL for it).
            let b = blob(ffi::sqlite3_column_blob(st, i), ffi::sqlite3_column_bytes(st, i));
            return if b.is_empty() { Cell2::Null } else { Cell2::Blob(b) };
        }
        match ty {
            ffi::SQLITE_INTEGER => Cell2::Int(ffi::sqlite3_column_int64(st, i)),
            ffi::SQLITE_FLOAT => Cell2::Float(ffi::sqlite3_column_double(st, i)),
            ffi::SQLITE_TEXT => {
                let p = ffi::sqlite3_column_text(st, i);
                Cell2::Text(blob(p as *const _, ffi::sqlite3_column_bytes(st, i)))
            }
            _ => Cell2::Blob(blob(ffi::sqlite3_column_blob(st, i), ffi::sqlite3_column_bytes(st, i))),
        }
    }
}

/// A copy of the `n` bytes at `p` (none for a null pointer).
///
/// # Safety
/// `p` is null or points to `n` readable bytes.
pub unsafe fn blob(p: *const std::ffi::c_void, n: c_int) -> Vec<u8> {
    if p.is_null() || n <= 0 {
        Vec::new()
    } else {
        unsafe { std::slice::from_raw_parts(p as *const u8, n as usize) }.to_vec()
    }
}

/// Binds one value (1-based index).
unsafe fn bind(st: *mut ffi::sqlite3_stmt, i: c_int, v: &Cell2) -> c_int {
    unsafe {
        match v {
            Cell2::Null => ffi::sqlite3_bind_null(st, i),
            Cell2::Int(n) => ffi::sqlite3_bind_int64(st, i, *n),
            Cell2::Float(f) => ffi::sqlite3_bind_double(st, i, *f),
            Cell2::Text(t) => {
                ffi::sqlite3_bind_text(st, i, t.as_ptr() as *const c_char, t.len() as c_int, ffi::SQLITE_TRANSIENT())
            }
            Cell2::Blob(b) => {
                ffi::sqlite3_bind_blob(st, i, b.as_ptr() as *const _, b.len() as c_int, ffi::SQLITE_TRANSIENT())
            }
        }
    }
}

/// A Python value as a bindable cell: `Err(None)` for an unsupported type,
/// `Err(Some(e))` for a Python error (int overflow, surrogates).
pub fn to_cell(vm: &mut Vm, v: &Value) -> Result<Cell2, Option<PyErr>> {
    let v = match v {
        Value::Instance(_) => crate::vm::ops::payload_of(v).unwrap_or_else(|| v.clone()),
        _ => v.clone(),
    };
    Ok(match &v {
        Value::None => Cell2::Null,
        Value::Int(n) => Cell2::Int(*n),
        Value::Boolean(_) => Cell2::Int(vm.index_of(&v).map_err(Some)?),
        Value::BigInt(_) => {
            return Err(Some(vm.overflow_error("Python int too large to convert to SQLite INTEGER")));
        }
        Value::Flt(f) => Cell2::Float(f.get()),
        Value::Str(s) => {
            let enc = vm.call_method(&v, "encode", vec![]).map_err(Some)?;
            match enc {
                Value::Bytes(b) => Cell2::Text(b.to_vec()),
                _ => Cell2::Text(s.as_str().as_bytes().to_vec()),
            }
        }
        _ => match super::buffer::bytes_like(&v) {
            Some(b) => Cell2::Blob(b.to_vec()),
            None => return Err(None),
        },
    })
}

impl DbCore {
    /// The hook callbacks report their exceptions to.
    pub fn hook(&self) -> Value {
        self.make_error.clone()
    }

    /// Keeps callback data alive until the connection is dropped.
    pub fn keep(&self, p: *mut std::ffi::c_void) -> *mut std::ffi::c_void {
        self.kept.lock().0.push(p as usize);
        p
    }

    pub fn ptr(&self, vm: &mut Vm) -> PyResult<DbPtr> {
        match *self.handle.read() {
            Some(p) => Ok(p),
            None => Err(vm.err("RuntimeError", "sqlite engine: connection closed")),
        }
    }

    /// Raises the DB-API exception for a failure.
    pub fn raise(&self, vm: &mut Vm, f: Failure) -> PyErr {
        let code = match f.code {
            -2 => Value::str("programming"),
            c if c < 0 => Value::None,
            c => Value::Int(c as i64),
        };
        match vm.call(&self.make_error, vec![Value::string(f.msg), code]) {
            Ok(Value::Instance(i)) if i.exc().is_some() => {
                let e = PyErr { exc: i };
                vm.chain_context(&e);
                e
            }
            Ok(_) => vm.runtime_error("make_error did not return an exception"),
            Err(e) => e,
        }
    }

    /// Prepares the first statement of `sql`: (Stmt or None when `sql` holds
    /// only blanks and comments, the text after it).
    fn prepare(self: &Arc<DbCore>, vm: &mut Vm, sql: &str) -> PyResult {
        let db = self.ptr(vm)?;
        let guard = self.handle.read();
        let bytes = sql.as_bytes().to_vec();
        let res = released(vm, || unsafe {
            let _m = DbMutex::new(db.0);
            let mut st = ptr::null_mut();
            let mut tail: *const c_char = ptr::null();
            let rc = ffi::sqlite3_prepare_v2(
                db.0,
                bytes.as_ptr() as *const c_char,
                bytes.len() as c_int,
                &mut st,
                &mut tail,
            );
            if rc != ffi::SQLITE_OK {
                return Err(failure(db.0, rc));
            }
            let used =
                if tail.is_null() { bytes.len() } else { tail.offset_from(bytes.as_ptr() as *const c_char) as usize };
            if st.is_null() {
                return Ok((None, used));
            }
            let np = ffi::sqlite3_bind_parameter_count(st);
            let params = (1..=np).map(|i| cstr(ffi::sqlite3_bind_parameter_name(st, i))).collect();
            let nc = ffi::sqlite3_column_count(st);
            let columns = (0..nc).map(|i| cstr(ffi::sqlite3_column_name(st, i)).unwrap_or_default()).collect();
            let readonly = ffi::sqlite3_stmt_readonly(st) != 0;
            Ok((Some((StmtPtr(st), params, columns, readonly)), used))
        });
        drop(guard);
        let (made, used) = res.map_err(|f| self.raise(vm, f))?;
        let rest = Value::string(String::from_utf8_lossy(&sql.as_bytes()[used..]).into_owned());
        let stmt = match made {
            None => Value::None,
            Some((h, params, columns, readonly)) => Value::from_native(Arc::new(Stmt {
                db: self.clone(),
                dbp: db,
                handle: RwLock::new(Some(h)),
                params,
                columns,
                readonly,
                busy: AtomicBool::new(false),
                class: self.stmt_cls.clone(),
            })),
        };
        Ok(Value::tuple(vec![stmt, rest]))
    }

    fn close(&self, vm: &mut Vm) -> PyResult {
        let res = released(vm, || {
            let Some(mut w) = self.handle.try_write_for(std::time::Duration::from_secs(10)) else {
                return Some(ffi::SQLITE_BUSY);
            };
            let h = w.take()?;
            let rc = unsafe { sqlite3_close_v2(h.0) };
            if rc != ffi::SQLITE_OK { Some(rc) } else { None }
        });
        match res {
            None => Ok(Value::None),
            Some(rc) => {
                let msg = unsafe { cstr(ffi::sqlite3_errstr(rc)) }.unwrap_or_default();
                Err(self.raise(vm, Failure { code: rc, msg }))
            }
        }
    }

    /// A number read under the connection mutex (GIL released).
    fn query_int(&self, vm: &mut Vm, f: impl FnOnce(*mut ffi::sqlite3) -> i64) -> PyResult {
        let db = self.ptr(vm)?;
        let _g = self.handle.read();
        let n = released(vm, || unsafe {
            let _m = DbMutex::new(db.0);
            f(db.0)
        });
        Ok(Value::Int(n))
    }
}

impl Stmt {
    fn ptr(&self, vm: &mut Vm) -> PyResult<StmtPtr> {
        match *self.handle.read() {
            Some(p) => Ok(p),
            None => Err(vm.err("RuntimeError", "sqlite engine: statement finalized")),
        }
    }

    /// Resets, binds `values` (if given) and steps once; the row read is
    /// converted with the GIL held again. `raw` lists columns to return as
    /// the bytes SQLite holds (for converters).
    fn step(&self, vm: &mut Vm, values: Option<Vec<Cell2>>, text_factory: &Value, raw: &[bool]) -> PyResult {
        let st = self.ptr(vm)?;
        let db = self.dbp;
        let _g = self.handle.read();
        let res = released(vm, || unsafe {
            let _m = DbMutex::new(db.0);
            if let Some(values) = &values {
                ffi::sqlite3_reset(st.0);
                ffi::sqlite3_clear_bindings(st.0);
                for (i, v) in values.iter().enumerate() {
                    let rc = bind(st.0, i as c_int + 1, v);
                    if rc != ffi::SQLITE_OK {
                        return Err(failure(db.0, rc));
                    }
                }
            }
            let rc = ffi::sqlite3_step(st.0);
            match rc {
                ffi::SQLITE_ROW => {
                    let n = ffi::sqlite3_data_count(st.0);
                    Ok(Some((0..n).map(|i| column(st.0, i, raw.get(i as usize) == Some(&true))).collect::<Vec<_>>()))
                }
                ffi::SQLITE_DONE => Ok(None),
                _ => {
                    let f = failure(db.0, rc);
                    ffi::sqlite3_reset(st.0);
                    Err(f)
                }
            }
        });
        match res {
            Ok(Some(cells)) => {
                self.busy.store(true, Ordering::Relaxed);
                let mut row = Vec::with_capacity(cells.len());
                for (i, c) in cells.into_iter().enumerate() {
                    match self.cell_value(vm, i, c, text_factory)? {
                        Ok(v) => row.push(v),
                        // CPython raises this when the row is fetched, not
                        // when it is stepped to: the message goes up instead.
                        Err(msg) => return Ok(Value::string(msg)),
                    }
                }
                Ok(Value::tuple(row))
            }
            Ok(None) => {
                self.busy.store(false, Ordering::Relaxed);
                Ok(Value::None)
            }
            Err(f) => {
                self.busy.store(false, Ordering::Relaxed);
                Err(self.db.raise(vm, f))
            }
        }
    }

    /// Column `i` as Python sees it; `Err(message)` for text that is not
    /// UTF-8 while `text_factory` is `str`.
    fn cell_value(&self, vm: &mut Vm, i: usize, c: Cell2, text_factory: &Value) -> PyResult<Result<Value, String>> {
        Ok(Ok(match c {
            Cell2::Null => Value::None,
            Cell2::Int(n) => Value::Int(n),
            Cell2::Float(f) => Value::Float(f),
            Cell2::Blob(b) => Value::Bytes(Arc::new(b)),
            Cell2::Text(t) => {
                let is_str = matches!(text_factory, Value::Class(c) if Arc::ptr_eq(c, &vm.rt.types.str_));
                if !is_str {
                    return Ok(Ok(vm.call(text_factory, vec![Value::Bytes(Arc::new(t))])?));
                }
                match String::from_utf8(t) {
                    Ok(s) => Value::string(s),
                    Err(e) => {
                        let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                        let name = self.columns.get(i).cloned().unwrap_or_default();
                        return Ok(Err(format!("Could not decode to UTF-8 column '{name}' with text '{text}'")));
                    }
                }
            }
        }))
    }

    /// The result columns' names and declared types, read now: a schema
    /// change re-prepares the statement inside SQLite and may change them.
    fn columns(&self, vm: &mut Vm) -> PyResult<(Vec<String>, Vec<Option<String>>)> {
        let st = self.ptr(vm)?;
        let db = self.dbp;
        let _g = self.handle.read();
        Ok(released(vm, || unsafe {
            let _m = DbMutex::new(db.0);
            let nc = ffi::sqlite3_column_count(st.0);
            let names = (0..nc).map(|i| cstr(ffi::sqlite3_column_name(st.0, i)).unwrap_or_default()).collect();
            let decl = (0..nc).map(|i| cstr(ffi::sqlite3_column_decltype(st.0, i))).collect();
            (names, decl)
        }))
    }

    fn reset(&self, vm: &mut Vm) -> PyResult {
        self.busy.store(false, Ordering::Relaxed);
        let Ok(st) = self.ptr(vm) else { return Ok(Value::None) };
        let db = self.dbp;
        let _g = self.handle.read();
        released(vm, || unsafe {
            let _m = DbMutex::new(db.0);
            ffi::sqlite3_reset(st.0);
        });
        Ok(Value::None)
    }
}

/// `self` of a `Db` method: the connection it wraps.
pub fn db_self(vm: &mut Vm, a: &Args) -> PyResult<Arc<DbCore>> {
    match a.native_self::<Db>() {
        Some(d) => Ok(d.core.clone()),
        None => Err(vm.type_error("descriptor requires a '_sqlite3_engine.Db' object")),
    }
}

fn stmt_self<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a Stmt> {
    a.native_self().ok_or_else(|| vm.type_error("descriptor requires a '_sqlite3_engine.Stmt' object"))
}

fn str_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<String> {
    match a.pos.get(i) {
        Some(Value::Str(s)) => Ok(s.as_str().to_string()),
        _ => Err(vm.type_error("sqlite engine: str expected")),
    }
}

/// `values` of a step: a list of Python values turned into cells.
fn cells(vm: &mut Vm, db: &DbCore, v: &Value) -> PyResult<Option<Vec<Cell2>>> {
    let items = match v {
        Value::None => return Ok(None),
        Value::List(l) => l.snapshot(),
        Value::Tuple(t) => t.items.to_vec(),
        _ => return Err(vm.type_error("sqlite engine: list expected")),
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, v) in items.iter().enumerate() {
        match to_cell(vm, v) {
            Ok(c) => out.push(c),
            Err(Some(e)) => return Err(e),
            Err(None) => {
                let tn = vm.type_name(v);
                let msg = format!("Error binding parameter {}: type '{tn}' is not supported", i + 1);
                return Err(db.raise(vm, Failure { code: -2, msg }));
            }
        }
    }
    Ok(Some(out))
}

fn opt_strs(v: &[Option<String>]) -> Value {
    Value::tuple(v.iter().map(|s| s.as_ref().map(|s| Value::str(s)).unwrap_or(Value::None)).collect())
}

/// Creates the `_sqlite3_engine` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    let mk = |name: &str| {
        let c = new_builtin_class(name, std::slice::from_ref(&vm.rt.types.object), Layout::Opaque);
        c.dict.set_item_str("__module__", Value::str("_sqlite3_engine"));
        c
    };
    let (db_cls, stmt_cls) = (mk("Db"), mk("Stmt"));
    let version = unsafe { cstr(ffi::sqlite3_libversion()) }.unwrap_or_default();
    d.set_item_str("sqlite_version", Value::string(version));
    d.set_item_str("threadsafe", Value::Int(unsafe { ffi::sqlite3_threadsafe() } as i64));

    // open(path_bytes, uri, timeout_ms, make_error) -> Db
    let (dc, sc) = (db_cls.clone(), stmt_cls.clone());
    def(&d, "open", move |vm, a| {
        a.check(vm, "open", 4, 4)?;
        let path = match &a.pos[0] {
            Value::Bytes(b) => b.to_vec(),
            _ => return Err(vm.type_error("sqlite engine: bytes path expected")),
        };
        let uri = vm.truthy(&a.pos[1])?;
        let timeout_ms = vm.index_of(&a.pos[2])?.clamp(0, i32::MAX as i64) as c_int;
        let make_error = a.pos[3].clone();
        let Ok(cpath) = std::ffi::CString::new(path) else {
            return Err(vm.value_error("embedded null byte"));
        };
        let mut flags = ffi::SQLITE_OPEN_READWRITE | ffi::SQLITE_OPEN_CREATE | ffi::SQLITE_OPEN_FULLMUTEX;
        if uri {
            flags |= ffi::SQLITE_OPEN_URI;
        }
        let res = released(vm, || unsafe {
            let mut db = ptr::null_mut();
            let rc = ffi::sqlite3_open_v2(cpath.as_ptr(), &mut db, flags, ptr::null());
            if rc != ffi::SQLITE_OK {
                let f = if db.is_null() {
                    Failure { code: rc, msg: cstr(ffi::sqlite3_errstr(rc)).unwrap_or_default() }
                } else {
                    failure(db, rc)
                };
                sqlite3_close_v2(db);
                return Err(f);
            }
            ffi::sqlite3_extended_result_codes(db, 1);
            ffi::sqlite3_busy_timeout(db, timeout_ms);
            Ok(DbPtr(db))
        });
        let core = Arc::new(DbCore {
            handle: RwLock::new(None),
            make_error,
            stmt_cls: sc.clone(),
            kept: parking_lot::Mutex::new(super::sqlite_callbacks::Kept(Vec::new())),
        });
        match res {
            Ok(h) => {
                *core.handle.write() = Some(h);
                Ok(Value::from_native(Arc::new(Db { core, class: dc.clone() })))
            }
            Err(f) => Err(core.raise(vm, f)),
        }
    });
    def(&d, "complete_statement", |vm, a| {
        let s = str_arg(vm, &a, 0)?;
        let Ok(c) = std::ffi::CString::new(s) else { return Ok(Value::Bool(false)) };
        Ok(Value::Bool(unsafe { ffi::sqlite3_complete(c.as_ptr()) } != 0))
    });

    def(&db_cls.dict, "prepare", |vm, a| {
        let db = db_self(vm, &a)?;
        let sql = str_arg(vm, &a, 1)?;
        db.prepare(vm, &sql)
    });
    def(&db_cls.dict, "close", |vm, a| db_self(vm, &a)?.close(vm));
    def(&db_cls.dict, "is_open", |vm, a| Ok(Value::Bool(db_self(vm, &a)?.handle.read().is_some())));
    def(&db_cls.dict, "changes", |vm, a| db_self(vm, &a)?.query_int(vm, |db| unsafe { ffi::sqlite3_changes64(db) }));
    def(&db_cls.dict, "total_changes", |vm, a| {
        db_self(vm, &a)?.query_int(vm, |db| unsafe { ffi::sqlite3_total_changes64(db) })
    });
    def(&db_cls.dict, "autocommit", |vm, a| {
        let r = db_self(vm, &a)?.query_int(vm, |db| unsafe { ffi::sqlite3_get_autocommit(db) } as i64)?;
        Ok(Value::Bool(matches!(r, Value::Int(n) if n != 0)))
    });
    def(&db_cls.dict, "last_rowid", |vm, a| {
        db_self(vm, &a)?.query_int(vm, |db| unsafe { ffi::sqlite3_last_insert_rowid(db) })
    });
    def(&db_cls.dict, "interrupt", |vm, a| {
        let me = db_self(vm, &a)?;
        // sqlite3_interrupt is made to be called from another thread while
        // a statement runs: it takes no mutex.
        if let Some(h) = *me.handle.read() {
            unsafe { ffi::sqlite3_interrupt(h.0) };
        }
        Ok(Value::None)
    });
    def(&db_cls.dict, "busy_timeout", |vm, a| {
        let ms = vm.index_of(&a.pos[1])?.clamp(0, i32::MAX as i64) as c_int;
        db_self(vm, &a)?.query_int(vm, |db| unsafe { ffi::sqlite3_busy_timeout(db, ms) } as i64)
    });
    def(&db_cls.dict, "limit", |vm, a| {
        let cat = vm.index_of(&a.pos[1])? as c_int;
        let new = vm.index_of(&a.pos[2])? as c_int;
        db_self(vm, &a)?.query_int(vm, |db| unsafe { ffi::sqlite3_limit(db, cat, new) } as i64)
    });
    super::sqlite_callbacks::register(&db_cls);
    let blob_cls = super::sqlite_blob::register(&db_cls, &vm.rt.types.object);
    super::sqlite_backup::register(&db_cls);

    def(&stmt_cls.dict, "step", |vm, a| {
        let me = stmt_self(vm, &a)?;
        let values = cells(vm, &me.db, a.pos.get(1).unwrap_or(&Value::None))?;
        let tf = a.pos.get(2).cloned().unwrap_or_else(|| Value::Class(vm.rt.types.str_.clone()));
        let raw: Vec<bool> = match a.pos.get(3) {
            Some(Value::Tuple(t)) => {
                t.items.iter().map(|v| matches!(v, Value::Boolean(_)) && v.as_bool() == Some(true)).collect()
            }
            _ => Vec::new(),
        };
        me.step(vm, values, &tf, &raw)
    });
    def(&stmt_cls.dict, "reset", |vm, a| stmt_self(vm, &a)?.reset(vm));
    def(&stmt_cls.dict, "busy", |vm, a| Ok(Value::Bool(stmt_self(vm, &a)?.busy.load(Ordering::Relaxed))));
    def(&stmt_cls.dict, "params", |vm, a| Ok(opt_strs(&stmt_self(vm, &a)?.params)));
    def(&stmt_cls.dict, "columns", |vm, a| {
        let (cols, _) = stmt_self(vm, &a)?.columns(vm)?;
        Ok(Value::tuple(cols.iter().map(|s| Value::str(s)).collect()))
    });
    def(&stmt_cls.dict, "decltypes", |vm, a| Ok(opt_strs(&stmt_self(vm, &a)?.columns(vm)?.1)));
    def(&stmt_cls.dict, "readonly", |vm, a| Ok(Value::Bool(stmt_self(vm, &a)?.readonly)));
    def(&stmt_cls.dict, "finalize", |vm, a| {
        let me = stmt_self(vm, &a)?;
        let h = released(vm, || me.handle.write().take());
        if let Some(h) = h {
            unsafe { ffi::sqlite3_finalize(h.0) };
        }
        Ok(Value::None)
    });
    d.set_item_str("Db", Value::Class(db_cls));
    d.set_item_str("Stmt", Value::Class(stmt_cls));
    d.set_item_str("BlobHandle", Value::Class(blob_cls));
    Ok(module("_sqlite3_engine", d))
}
