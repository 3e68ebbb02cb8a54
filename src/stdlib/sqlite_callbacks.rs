//! Python callbacks that SQLite calls from inside a step or a prepare
//! (`_sqlite3_engine.Db` methods): user functions, aggregates, collations,
//! the authorizer, the trace callback and the progress handler.
//!
//! SQLite calls them on the thread that is running the statement, which has
//! released the GIL (see `sqlite_engine.rs`): [`with_python`] finds that
//! thread's `Vm` in `CUR_VM`, takes the GIL back for the Python call and
//! releases it again before returning into SQLite. No Rust lock of ours is
//! held meanwhile except the shared reads that keep the handles alive.

use std::ffi::{CString, c_char, c_int, c_void};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use rusqlite::ffi;

use super::method;
use super::sqlite_engine::{CUR_VM, Cell2, DbCore, blob, db_self, released, to_cell};
use crate::object::class::Class;
use crate::object::value::Value;
use crate::runtime::gil::{BlockKind, ReleaseReason};
use crate::vm::{Args, PyErr, PyResult, Vm};

/// What SQLite keeps for one registered callback (freed by SQLite's
/// destructor, or kept by the connection until it is dropped).
pub struct CbData {
    func: Value,
    /// The Python layer's `make_error`, which also reports a callback's
    /// exception when `enable_callback_tracebacks(True)` asked for it.
    hook: Value,
}

/// Runs `f` with the GIL held, from a callback of SQLite's; `default` when
/// the thread has no `Vm` in a statement (cannot happen through gilt) or `f`
/// panicked.
unsafe fn with_python<R>(default: R, f: impl FnOnce(&mut Vm) -> R) -> R {
    let p = CUR_VM.with(|c| c.get());
    if p.is_null() {
        return default;
    }
    unsafe {
        if let Some(g) = (*p).gil.as_mut() {
            g.acquire();
        }
        let r = catch_unwind(AssertUnwindSafe(|| f(&mut *p)));
        if let Some(g) = (*p).gil.as_mut() {
            g.release(ReleaseReason::BlockingCall(BlockKind::Sqlite));
        }
        r.unwrap_or(default)
    }
}

/// Tells the Python layer about an exception raised in a callback (it
/// prints it when callback tracebacks are enabled).
fn report(vm: &mut Vm, data: &CbData, e: PyErr) {
    let _ = vm.call(&data.hook, vec![e.value(), Value::str("callback")]);
}

/// A SQL value passed to a callback, as Python sees it.
unsafe fn arg_value(v: *mut ffi::sqlite3_value) -> Value {
    unsafe {
        match ffi::sqlite3_value_type(v) {
            ffi::SQLITE_INTEGER => Value::Int(ffi::sqlite3_value_int64(v)),
            ffi::SQLITE_FLOAT => Value::Float(ffi::sqlite3_value_double(v)),
            ffi::SQLITE_TEXT => {
                let b = blob(ffi::sqlite3_value_text(v) as *const c_void, ffi::sqlite3_value_bytes(v));
                Value::string(String::from_utf8_lossy(&b).into_owned())
            }
            ffi::SQLITE_BLOB => Value::Bytes(Arc::new(blob(ffi::sqlite3_value_blob(v), ffi::sqlite3_value_bytes(v)))),
            _ => Value::None,
        }
    }
}

unsafe fn args(argc: c_int, argv: *mut *mut ffi::sqlite3_value) -> Vec<Value> {
    (0..argc.max(0) as usize).map(|i| unsafe { arg_value(*argv.add(i)) }).collect()
}

unsafe fn result_error(ctx: *mut ffi::sqlite3_context, msg: &str) {
    unsafe { ffi::sqlite3_result_error(ctx, msg.as_ptr() as *const c_char, msg.len() as c_int) };
}

/// Sets a callback's result; false when the value has no SQL type.
unsafe fn set_result(vm: &mut Vm, ctx: *mut ffi::sqlite3_context, v: &Value) -> bool {
    unsafe {
        match to_cell(vm, v) {
            Ok(Cell2::Null) => ffi::sqlite3_result_null(ctx),
            Ok(Cell2::Int(n)) => ffi::sqlite3_result_int64(ctx, n),
            Ok(Cell2::Float(f)) => ffi::sqlite3_result_double(ctx, f),
            Ok(Cell2::Text(t)) => {
                ffi::sqlite3_result_text(ctx, t.as_ptr() as *const c_char, t.len() as c_int, ffi::SQLITE_TRANSIENT())
            }
            Ok(Cell2::Blob(b)) => {
                ffi::sqlite3_result_blob(ctx, b.as_ptr() as *const c_void, b.len() as c_int, ffi::SQLITE_TRANSIENT())
            }
            Err(_) => return false,
        }
    }
    true
}

unsafe extern "C" fn destroy(p: *mut c_void) {
    if !p.is_null() {
        drop(unsafe { Box::from_raw(p as *mut CbData) });
    }
}

unsafe extern "C" fn func_cb(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    unsafe {
        let data = &*(ffi::sqlite3_user_data(ctx) as *const CbData);
        let ok = with_python(false, |vm| {
            let a = args(argc, argv);
            match vm.call(&data.func, a) {
                Ok(v) => set_result(vm, ctx, &v),
                Err(e) => {
                    report(vm, data, e);
                    false
                }
            }
        });
        if !ok {
            result_error(ctx, "user-defined function raised exception");
        }
    }
}

/// The aggregate instance kept in SQLite's per-group context.
unsafe fn agg_slot(ctx: *mut ffi::sqlite3_context, create: bool) -> *mut *mut Value {
    let n = if create { std::mem::size_of::<*mut Value>() as c_int } else { 0 };
    unsafe { ffi::sqlite3_aggregate_context(ctx, n) as *mut *mut Value }
}

/// Calls `method` of the group's aggregate instance (made on the first
/// call when `create`), with the callback's arguments; the result, or the
/// message of CPython's OperationalError.
unsafe fn agg_call(
    ctx: *mut ffi::sqlite3_context,
    method: &'static str,
    argc: c_int,
    argv: *mut *mut ffi::sqlite3_value,
    want_result: bool,
) {
    unsafe {
        let data = &*(ffi::sqlite3_user_data(ctx) as *const CbData);
        let slot = agg_slot(ctx, true);
        if slot.is_null() {
            ffi::sqlite3_result_error_nomem(ctx);
            return;
        }
        let raised: String = format!("user-defined aggregate's '{method}' method raised error");
        let err = with_python(Some(raised.clone()), |vm| {
            if (*slot).is_null() {
                match vm.call(&data.func, vec![]) {
                    Ok(inst) => *slot = Box::into_raw(Box::new(inst)),
                    Err(e) => {
                        report(vm, data, e);
                        return Some("user-defined aggregate's '__init__' method raised error".to_string());
                    }
                }
            }
            let inst = (**slot).clone();
            let f = match vm.get_attr_str(&inst, method) {
                Ok(Some(f)) => f,
                Ok(None) => return Some(format!("user-defined aggregate's '{method}' method not defined")),
                Err(e) => {
                    report(vm, data, e);
                    return Some(format!("user-defined aggregate's '{method}' method not defined"));
                }
            };
            match vm.call(&f, args(argc, argv)) {
                Ok(v) if want_result => {
                    if set_result(vm, ctx, &v) {
                        None
                    } else {
                        Some(raised.clone())
                    }
                }
                Ok(_) => None,
                Err(e) => {
                    report(vm, data, e);
                    Some(raised.clone())
                }
            }
        });
        if let Some(msg) = err {
            result_error(ctx, &msg);
        }
    }
}

unsafe extern "C" fn agg_step(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    unsafe { agg_call(ctx, "step", argc, argv, false) }
}

unsafe extern "C" fn agg_inverse(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    unsafe { agg_call(ctx, "inverse", argc, argv, false) }
}

unsafe extern "C" fn agg_value(ctx: *mut ffi::sqlite3_context) {
    unsafe { agg_call(ctx, "value", 0, std::ptr::null_mut(), true) }
}

unsafe extern "C" fn agg_final(ctx: *mut ffi::sqlite3_context) {
    unsafe {
        let data = &*(ffi::sqlite3_user_data(ctx) as *const CbData);
        let slot = agg_slot(ctx, false);
        if slot.is_null() || (*slot).is_null() {
            // No row reached the step, or its __init__ failed.
            return;
        }
        let inst = Box::from_raw(*slot);
        *slot = std::ptr::null_mut();
        // An error set by the step stays; finalize is still called, as CPython does.
        let err = with_python(Some("user-defined aggregate's 'finalize' method raised error"), |vm| {
            let f = match vm.get_attr_str(&inst, "finalize") {
                Ok(Some(f)) => f,
                _ => return Some("user-defined aggregate's 'finalize' method not defined"),
            };
            let r = vm.call(&f, vec![]);
            let err = match r {
                Ok(v) => {
                    if set_result(vm, ctx, &v) {
                        None
                    } else {
                        Some("user-defined aggregate's 'finalize' method raised error")
                    }
                }
                Err(e) => {
                    report(vm, data, e);
                    Some("user-defined aggregate's 'finalize' method raised error")
                }
            };
            drop(inst);
            err
        });
        if let Some(msg) = err {
            result_error(ctx, msg);
        }
    }
}

unsafe extern "C" fn collation_cb(p: *mut c_void, n1: c_int, s1: *const c_void, n2: c_int, s2: *const c_void) -> c_int {
    unsafe {
        let data = &*(p as *const CbData);
        let a = String::from_utf8_lossy(&blob(s1, n1)).into_owned();
        let b = String::from_utf8_lossy(&blob(s2, n2)).into_owned();
        with_python(0, |vm| match vm.call(&data.func, vec![Value::string(a), Value::string(b)]) {
            Ok(v) => match vm.index_of(&v) {
                Ok(n) => n.signum() as c_int,
                Err(_) => 0,
            },
            Err(e) => {
                report(vm, data, e);
                0
            }
        })
    }
}

unsafe fn opt_text(p: *const c_char) -> Value {
    if p.is_null() {
        Value::None
    } else {
        Value::string(unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy().into_owned())
    }
}

unsafe extern "C" fn authorizer_cb(
    p: *mut c_void,
    action: c_int,
    a1: *const c_char,
    a2: *const c_char,
    a3: *const c_char,
    a4: *const c_char,
) -> c_int {
    unsafe {
        let data = &*(p as *const CbData);
        let args = vec![Value::Int(action as i64), opt_text(a1), opt_text(a2), opt_text(a3), opt_text(a4)];
        with_python(ffi::SQLITE_DENY, |vm| match vm.call(&data.func, args) {
            Ok(Value::Int(n)) => c_int::try_from(n).unwrap_or(ffi::SQLITE_DENY),
            Ok(_) => ffi::SQLITE_DENY,
            Err(e) => {
                report(vm, data, e);
                ffi::SQLITE_DENY
            }
        })
    }
}

unsafe extern "C" fn trace_cb(kind: std::ffi::c_uint, p: *mut c_void, stmt: *mut c_void, x: *mut c_void) -> c_int {
    unsafe {
        if kind != ffi::SQLITE_TRACE_STMT as std::ffi::c_uint {
            return 0;
        }
        let data = &*(p as *const CbData);
        let expanded = ffi::sqlite3_expanded_sql(stmt as *mut ffi::sqlite3_stmt);
        let sql = if expanded.is_null() {
            opt_text(x as *const c_char)
        } else {
            let v = opt_text(expanded);
            ffi::sqlite3_free(expanded as *mut c_void);
            v
        };
        with_python(0, |vm| {
            if let Err(e) = vm.call(&data.func, vec![sql]) {
                report(vm, data, e);
            }
            0
        })
    }
}

unsafe extern "C" fn progress_cb(p: *mut c_void) -> c_int {
    unsafe {
        let data = &*(p as *const CbData);
        with_python(1, |vm| match vm.call(&data.func, vec![]) {
            Ok(v) => vm.truthy(&v).map(|t| t as c_int).unwrap_or(1),
            Err(e) => {
                report(vm, data, e);
                1
            }
        })
    }
}

fn name_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<CString> {
    match a.pos.get(i) {
        Some(Value::Str(s)) => CString::new(s.as_str()).map_err(|_| vm.value_error("embedded null character")),
        _ => Err(vm.type_error("sqlite engine: name must be str")),
    }
}

/// Runs a registration call under the connection mutex, raising its failure.
fn register_call(vm: &mut Vm, db: &Arc<DbCore>, f: impl FnOnce(*mut ffi::sqlite3) -> c_int) -> PyResult {
    let h = db.ptr(vm)?;
    let _g = db.handle.read();
    let rc = released(vm, || f(h.0));
    if rc != ffi::SQLITE_OK {
        let msg = unsafe { std::ffi::CStr::from_ptr(ffi::sqlite3_errstr(rc)) }.to_string_lossy().into_owned();
        return Err(db.raise(vm, super::sqlite_engine::Failure { code: rc, msg }));
    }
    Ok(Value::None)
}

fn cb_data(db: &DbCore, func: Value) -> *mut c_void {
    Box::into_raw(Box::new(CbData { func, hook: db.hook() })) as *mut c_void
}

/// The `Db` methods that register callbacks.
pub fn register(cls: &Arc<Class>) {
    // create_function(name, narg, func_or_None, deterministic)
    method(cls, "create_function", |vm, a| {
        let db = db_self(vm, &a)?;
        let name = name_arg(vm, &a, 1)?;
        let narg = vm.index_of(&a.pos[2])? as c_int;
        let func = a.pos[3].clone();
        let mut flags = ffi::SQLITE_UTF8;
        if vm.truthy(&a.pos[4])? {
            flags |= ffi::SQLITE_DETERMINISTIC;
        }
        if func.is_none() {
            return register_call(vm, &db, |h| unsafe {
                ffi::sqlite3_create_function_v2(
                    h,
                    name.as_ptr(),
                    narg,
                    flags,
                    std::ptr::null_mut(),
                    None,
                    None,
                    None,
                    None,
                )
            });
        }
        let data = cb_data(&db, func);
        register_call(vm, &db, |h| unsafe {
            ffi::sqlite3_create_function_v2(
                h,
                name.as_ptr(),
                narg,
                flags,
                data,
                Some(func_cb),
                None,
                None,
                Some(destroy),
            )
        })
    });
    method(cls, "create_aggregate", |vm, a| {
        let db = db_self(vm, &a)?;
        let name = name_arg(vm, &a, 1)?;
        let narg = vm.index_of(&a.pos[2])? as c_int;
        let cls = a.pos[3].clone();
        if cls.is_none() {
            return register_call(vm, &db, |h| unsafe {
                ffi::sqlite3_create_function_v2(
                    h,
                    name.as_ptr(),
                    narg,
                    ffi::SQLITE_UTF8,
                    std::ptr::null_mut(),
                    None,
                    None,
                    None,
                    None,
                )
            });
        }
        let data = cb_data(&db, cls);
        register_call(vm, &db, |h| unsafe {
            ffi::sqlite3_create_function_v2(
                h,
                name.as_ptr(),
                narg,
                ffi::SQLITE_UTF8,
                data,
                None,
                Some(agg_step),
                Some(agg_final),
                Some(destroy),
            )
        })
    });
    method(cls, "create_window_function", |vm, a| {
        let db = db_self(vm, &a)?;
        let name = name_arg(vm, &a, 1)?;
        let narg = vm.index_of(&a.pos[2])? as c_int;
        let cls = a.pos[3].clone();
        let flags = ffi::SQLITE_UTF8 | ffi::SQLITE_DETERMINISTIC;
        if cls.is_none() {
            return register_call(vm, &db, |h| unsafe {
                ffi::sqlite3_create_window_function(
                    h,
                    name.as_ptr(),
                    narg,
                    flags,
                    std::ptr::null_mut(),
                    None,
                    None,
                    None,
                    None,
                    None,
                )
            });
        }
        let data = cb_data(&db, cls);
        register_call(vm, &db, |h| unsafe {
            ffi::sqlite3_create_window_function(
                h,
                name.as_ptr(),
                narg,
                flags,
                data,
                Some(agg_step),
                Some(agg_final),
                Some(agg_value),
                Some(agg_inverse),
                Some(destroy),
            )
        })
    });
    method(cls, "create_collation", |vm, a| {
        let db = db_self(vm, &a)?;
        let name = name_arg(vm, &a, 1)?;
        let func = a.pos[2].clone();
        if func.is_none() {
            return register_call(vm, &db, |h| unsafe {
                ffi::sqlite3_create_collation_v2(h, name.as_ptr(), ffi::SQLITE_UTF8, std::ptr::null_mut(), None, None)
            });
        }
        let data = cb_data(&db, func);
        register_call(vm, &db, |h| unsafe {
            ffi::sqlite3_create_collation_v2(
                h,
                name.as_ptr(),
                ffi::SQLITE_UTF8,
                data,
                Some(collation_cb),
                Some(destroy),
            )
        })
    });
    method(cls, "set_authorizer", |vm, a| {
        let db = db_self(vm, &a)?;
        let func = a.pos[1].clone();
        if func.is_none() {
            return register_call(vm, &db, |h| unsafe { ffi::sqlite3_set_authorizer(h, None, std::ptr::null_mut()) });
        }
        let data = db.keep(cb_data(&db, func));
        register_call(vm, &db, |h| unsafe { ffi::sqlite3_set_authorizer(h, Some(authorizer_cb), data) })
    });
    method(cls, "set_trace_callback", |vm, a| {
        let db = db_self(vm, &a)?;
        let func = a.pos[1].clone();
        if func.is_none() {
            return register_call(vm, &db, |h| unsafe { ffi::sqlite3_trace_v2(h, 0, None, std::ptr::null_mut()) });
        }
        let data = db.keep(cb_data(&db, func));
        register_call(vm, &db, |h| unsafe {
            ffi::sqlite3_trace_v2(h, ffi::SQLITE_TRACE_STMT as std::ffi::c_uint, Some(trace_cb), data)
        })
    });
    method(cls, "set_progress_handler", |vm, a| {
        let db = db_self(vm, &a)?;
        let func = a.pos[1].clone();
        let n = vm.index_of(&a.pos[2])? as c_int;
        if func.is_none() {
            return register_call(vm, &db, |h| unsafe {
                ffi::sqlite3_progress_handler(h, 0, None, std::ptr::null_mut());
                ffi::SQLITE_OK
            });
        }
        let data = db.keep(cb_data(&db, func));
        register_call(vm, &db, |h| unsafe {
            ffi::sqlite3_progress_handler(h, n, Some(progress_cb), data);
            ffi::SQLITE_OK
        })
    });
}

/// Callback data that SQLite does not free (authorizer, trace, progress):
/// kept until the connection is dropped, since a callback may still be
/// running on another thread when it is replaced.
pub struct Kept(pub Vec<usize>);

impl Drop for Kept {
    fn drop(&mut self) {
        for p in self.0.drain(..) {
            unsafe { destroy(p as *mut c_void) };
        }
    }
}
