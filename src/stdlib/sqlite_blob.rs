//! `_sqlite3_engine.BlobHandle`: incremental I/O on one BLOB (SQLite's
//! `sqlite3_blob_*`), under `sqlite3.Blob` (Python, `py/_sqlite3.py`). Every
//! call runs with the GIL released, like the statements of `sqlite_engine.rs`.

use std::ffi::{CString, c_int, c_void};
use std::sync::Arc;

use parking_lot::RwLock;
use rusqlite::ffi;

use super::method;
use super::native_util::buffer_arg;
use super::sqlite_engine::{DbCore, db_self, released};
use crate::object::class::{Class, Layout};
use crate::object::value::Value;
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyResult, Vm};

#[derive(Clone, Copy)]
struct BlobPtr(*mut ffi::sqlite3_blob);
unsafe impl Send for BlobPtr {}
unsafe impl Sync for BlobPtr {}

/// One open BLOB of a connection.
pub struct BlobHandle {
    db: Arc<DbCore>,
    handle: RwLock<Option<BlobPtr>>,
    len: usize,
    class: Arc<Class>,
}

crate::object::native::impl_native_object!(BlobHandle);

impl Drop for BlobHandle {
    fn drop(&mut self) {
        if let Some(h) = self.handle.get_mut().take() {
            unsafe { ffi::sqlite3_blob_close(h.0) };
        }
    }
}

fn this<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a BlobHandle> {
    a.native_self().ok_or_else(|| vm.type_error("descriptor requires a '_sqlite3_engine.BlobHandle' object"))
}

fn cstring(vm: &mut Vm, v: &Value) -> PyResult<CString> {
    match v {
        Value::Str(s) => CString::new(s.as_str()).map_err(|_| vm.value_error("embedded null character")),
        _ => Err(vm.type_error("sqlite engine: str expected")),
    }
}

impl BlobHandle {
    /// Runs `f` on the open blob under the connection mutex (GIL released);
    /// a non-OK code becomes the connection's error.
    fn io(&self, vm: &mut Vm, f: impl FnOnce(*mut ffi::sqlite3_blob) -> c_int) -> PyResult<()> {
        let db = self.db.ptr(vm)?;
        let Some(h) = *self.handle.read() else {
            return Err(vm.err("RuntimeError", "sqlite engine: blob closed"));
        };
        let _g1 = self.db.handle.read();
        let _g2 = self.handle.read();
        let res = released(vm, || unsafe {
            let m = ffi::sqlite3_db_mutex(db.0);
            ffi::sqlite3_mutex_enter(m);
            let rc = f(h.0);
            let fail = if rc == ffi::SQLITE_OK { None } else { Some(super::sqlite_engine::failure_of(db.0, rc)) };
            ffi::sqlite3_mutex_leave(m);
            fail
        });
        match res {
            None => Ok(()),
            Some(f) => Err(self.db.raise(vm, f)),
        }
    }
}

/// The `Db.blobopen` method and the `BlobHandle` class.
pub fn register(db_cls: &Arc<Class>, object: &Arc<Class>) -> Arc<Class> {
    let cls = new_builtin_class("BlobHandle", std::slice::from_ref(object), Layout::Opaque);
    cls.dict.set_item_str("__module__", Value::str("_sqlite3_engine"));
    let c = cls.clone();
    // blobopen(table, column, row, readonly, name)
    method(db_cls, "blobopen", move |vm, a| {
        let db = db_self(vm, &a)?;
        let table = cstring(vm, &a.pos[1])?;
        let column = cstring(vm, &a.pos[2])?;
        let row = vm.index_of(&a.pos[3])?;
        let readonly = vm.truthy(&a.pos[4])?;
        let name = cstring(vm, &a.pos[5])?;
        let h = db.ptr(vm)?;
        let guard = db.handle.read();
        let res = released(vm, || unsafe {
            let m = ffi::sqlite3_db_mutex(h.0);
            ffi::sqlite3_mutex_enter(m);
            let mut blob = std::ptr::null_mut();
            let rc = ffi::sqlite3_blob_open(
                h.0,
                name.as_ptr(),
                table.as_ptr(),
                column.as_ptr(),
                row,
                (!readonly) as c_int,
                &mut blob,
            );
            let out = if rc == ffi::SQLITE_OK {
                Ok((BlobPtr(blob), ffi::sqlite3_blob_bytes(blob).max(0) as usize))
            } else {
                Err(super::sqlite_engine::failure_of(h.0, rc))
            };
            ffi::sqlite3_mutex_leave(m);
            out
        });
        drop(guard);
        match res {
            Ok((p, len)) => {
                Ok(Value::from_native(Arc::new(BlobHandle { db, handle: RwLock::new(Some(p)), len, class: c.clone() })))
            }
            Err(f) => Err(db.raise(vm, f)),
        }
    });
    method(&cls, "size", |vm, a| Ok(Value::Int(this(vm, &a)?.len as i64)));
    // read(offset, n) -> bytes
    method(&cls, "read", |vm, a| {
        let me = this(vm, &a)?;
        let off = vm.index_of(&a.pos[1])? as c_int;
        let n = vm.index_of(&a.pos[2])?.max(0) as usize;
        let mut buf = vec![0u8; n];
        let p = buf.as_mut_ptr() as usize;
        me.io(vm, |b| unsafe { ffi::sqlite3_blob_read(b, p as *mut c_void, n as c_int, off) })?;
        Ok(Value::Bytes(Arc::new(buf)))
    });
    // write(offset, data)
    method(&cls, "write", |vm, a| {
        let me = this(vm, &a)?;
        let off = vm.index_of(&a.pos[1])? as c_int;
        let data = buffer_arg(vm, &a.pos[2])?;
        let d = data.clone();
        me.io(vm, move |b| unsafe { ffi::sqlite3_blob_write(b, d.as_ptr() as *const c_void, d.len() as c_int, off) })?;
        Ok(Value::None)
    });
    method(&cls, "close", |vm, a| {
        let me = this(vm, &a)?;
        let h = released(vm, || me.handle.write().take());
        if let Some(h) = h {
            unsafe { ffi::sqlite3_blob_close(h.0) };
        }
        Ok(Value::None)
    });
    cls
}
