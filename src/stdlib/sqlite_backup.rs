//! `Db.backup_step`: SQLite's online backup API (`sqlite3_backup_*`) for
//! `Connection.backup` (the loop and the progress callback are Python, in
//! `py/_sqlite3.py`). Each step copies pages with the GIL released.

use std::ffi::{CString, c_int};
use std::sync::Arc;

use rusqlite::ffi;

use super::method;
use super::sqlite_engine::{Db, failure_of, released};
use crate::object::class::Class;
use crate::object::value::Value;

#[derive(Clone, Copy)]
struct Ptr(*mut ffi::sqlite3);
unsafe impl Send for Ptr {}

/// `Db.backup_run(target, name, pages, sleep_ms, progress)`: copies this
/// database (schema `name`) into `target`'s main database, `pages` pages
/// per step, calling `progress(status, remaining, pagecount)` after each.
pub fn register(db_cls: &Arc<Class>) {
    method(db_cls, "backup_run", |vm, a| {
        let src = super::sqlite_engine::db_self(vm, &a)?;
        let Some(dst) = a.pos.get(1).and_then(|v| match v {
            Value::Native2(o) => o.as_any().downcast_ref::<Db>().map(|d| d.core.clone()),
            _ => None,
        }) else {
            return Err(vm.type_error("sqlite engine: Db expected"));
        };
        let name = match a.pos.get(2) {
            Some(Value::Str(s)) => CString::new(s.as_str()).map_err(|_| vm.value_error("embedded null character"))?,
            _ => return Err(vm.type_error("sqlite engine: str expected")),
        };
        let pages = vm.index_of(&a.pos[3])? as c_int;
        let sleep_ms = vm.index_of(&a.pos[4])?.max(0) as c_int;
        let progress = a.pos[5].clone();
        let (s, d) = (Ptr(src.ptr(vm)?.0), Ptr(dst.ptr(vm)?.0));
        let _g1 = src.handle.read();
        let _g2 = dst.handle.read();
        let main = c"main";
        let init = released(vm, || unsafe {
            let m = ffi::sqlite3_db_mutex(d.0);
            ffi::sqlite3_mutex_enter(m);
            let b = ffi::sqlite3_backup_init(d.0, main.as_ptr(), s.0, name.as_ptr());
            let r = if b.is_null() { Err(failure_of(d.0, ffi::sqlite3_errcode(d.0))) } else { Ok(b as usize) };
            ffi::sqlite3_mutex_leave(m);
            r
        });
        let b = match init {
            Ok(b) => b,
            Err(f) => return Err(dst.raise(vm, f)),
        };
        loop {
            let (rc, remaining, count) = released(vm, || unsafe {
                let p = b as *mut ffi::sqlite3_backup;
                let rc = ffi::sqlite3_backup_step(p, pages);
                (rc, ffi::sqlite3_backup_remaining(p), ffi::sqlite3_backup_pagecount(p))
            });
            if !progress.is_none() {
                let args = vec![Value::Int(rc as i64), Value::Int(remaining as i64), Value::Int(count as i64)];
                if let Err(e) = vm.call(&progress, args) {
                    released(vm, || unsafe { ffi::sqlite3_backup_finish(b as *mut ffi::sqlite3_backup) });
                    return Err(e);
                }
            }
            if rc == ffi::SQLITE_BUSY || rc == ffi::SQLITE_LOCKED {
                released(vm, || unsafe { ffi::sqlite3_sleep(sleep_ms) });
            }
            if !(rc == ffi::SQLITE_OK || rc == ffi::SQLITE_BUSY || rc == ffi::SQLITE_LOCKED) {
                break;
            }
        }
        let fail = released(vm, || unsafe {
            let rc = ffi::sqlite3_backup_finish(b as *mut ffi::sqlite3_backup);
            let m = ffi::sqlite3_db_mutex(d.0);
            ffi::sqlite3_mutex_enter(m);
            let f = if rc == ffi::SQLITE_OK { None } else { Some(failure_of(d.0, rc)) };
            ffi::sqlite3_mutex_leave(m);
            f
        });
        match fail {
            None => Ok(Value::None),
            Some(f) => Err(dst.raise(vm, f)),
        }
    });
}
