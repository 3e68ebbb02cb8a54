//! The `termios` module on libc: `tcgetattr`/`tcsetattr` (what CPython's
//! `tty` and `getpass` use), `tcsendbreak`, `tcdrain`, `tcflush`, `tcflow`,
//! `tcgetwinsize`/`tcsetwinsize`, the constants (`termios_consts.rs`) and
//! `termios.error(errno, strerror)`, with CPython 3.11's messages.

use std::sync::Arc;

use super::mod_select::fd_of;
use super::native_util::{exc_class, int_arg, module};
use super::posix_args::{last_errno, strerror};
use crate::object::class::Class;
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::runtime::gil::BlockKind;
use crate::vm::{PyErr, PyResult, Vm};

/// `termios.error(errno, strerror)` for the last failed call.
fn tc_error(vm: &Vm, err: &Arc<Class>) -> PyErr {
    let e = last_errno();
    let exc = vm.new_exception(err, vec![Value::Int(e as i64), Value::str(&strerror(e))]);
    vm.chain_context(&exc);
    exc
}

/// Checks a libc result: negative → `termios.error`.
fn check(vm: &Vm, err: &Arc<Class>, r: i32) -> PyResult<Value> {
    if r < 0 { Err(tc_error(vm, err)) } else { Ok(Value::None) }
}

fn get_attr(vm: &Vm, err: &Arc<Class>, fd: i32) -> PyResult<libc::termios> {
    // SAFETY: tcgetattr fills a zeroed struct.
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    if unsafe { libc::tcgetattr(fd, &mut t) } < 0 {
        return Err(tc_error(vm, err));
    }
    Ok(t)
}

/// `tcgetattr(fd)`: `[iflag, oflag, cflag, lflag, ispeed, ospeed, cc]`,
/// cc's items one-byte bytes, except VMIN and VTIME as ints when the
/// terminal is not canonical.
fn tcgetattr(vm: &mut Vm, err: &Arc<Class>, fd: i32) -> PyResult<Value> {
    let t = get_attr(vm, err, fd)?;
    // SAFETY: plain reads of the struct tcgetattr filled.
    let (ispeed, ospeed) = unsafe { (libc::cfgetispeed(&t), libc::cfgetospeed(&t)) };
    let mut cc: Vec<Value> = t.c_cc.iter().map(|&c| Value::Bytes(Arc::new(vec![c]))).collect();
    if t.c_lflag & libc::ICANON == 0 {
        cc[libc::VMIN] = Value::Int(t.c_cc[libc::VMIN] as i64);
        cc[libc::VTIME] = Value::Int(t.c_cc[libc::VTIME] as i64);
    }
    Ok(Value::list(vec![
        Value::Int(t.c_iflag as i64),
        Value::Int(t.c_oflag as i64),
        Value::Int(t.c_cflag as i64),
        Value::Int(t.c_lflag as i64),
        Value::Int(ispeed as i64),
        Value::Int(ospeed as i64),
        Value::list(cc),
    ]))
}

/// The items of a list value, or None.
fn list_items(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::List(l) => Some(l.snapshot()),
        _ => None,
    }
}

fn tcsetattr(vm: &mut Vm, err: &Arc<Class>, fd: i32, when: i64, attrs: &Value) -> PyResult<Value> {
    let items = match list_items(attrs) {
        Some(v) if v.len() == 7 => v,
        _ => return Err(vm.type_error("tcsetattr, arg 3: must be 7 element list")),
    };
    let mut t = get_attr(vm, err, fd)?;
    let mut nums = [0i64; 6];
    for (i, n) in nums.iter_mut().enumerate() {
        *n = int_arg(vm, &items[i])?;
    }
    let cc = match list_items(&items[6]) {
        Some(v) if v.len() == libc::NCCS => v,
        _ => {
            let msg = format!("tcsetattr: attributes[6] must be {} element list", libc::NCCS);
            return Err(vm.type_error(&msg));
        }
    };
    for (i, c) in cc.iter().enumerate() {
        t.c_cc[i] = match c {
            Value::Bytes(b) if b.len() == 1 => b[0],
            Value::Int(n) => *n as u8,
            _ => return Err(vm.type_error("tcsetattr: elements of attributes must be characters or integers")),
        };
    }
    t.c_iflag = nums[0] as libc::tcflag_t;
    t.c_oflag = nums[1] as libc::tcflag_t;
    t.c_cflag = nums[2] as libc::tcflag_t;
    t.c_lflag = nums[3] as libc::tcflag_t;
    // SAFETY: setting fields of our own struct, then applying it.
    unsafe {
        if libc::cfsetispeed(&mut t, nums[4] as libc::speed_t) < 0
            || libc::cfsetospeed(&mut t, nums[5] as libc::speed_t) < 0
        {
            return Err(tc_error(vm, err));
        }
        // TCSADRAIN/TCSAFLUSH wait for the output to drain: without the GIL.
        let r = vm.allow_threads(BlockKind::Io, || libc::tcsetattr(fd, when as i32, &t));
        check(vm, err, r)
    }
}

/// Creates the `termios` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    let err = exc_class(vm, "termios", "error", &["Exception"])?;
    d.set_item_str("error", Value::Class(err.clone()));
    for (k, v) in super::termios_consts::CONSTANTS {
        d.set_item_str(k, Value::Int(v));
    }
    let e = err.clone();
    super::def(&d, "tcgetattr", move |vm, a| {
        a.posonly(vm, "tcgetattr", 1, 1)?;
        let fd = fd_of(vm, &a.pos[0])?;
        tcgetattr(vm, &e, fd)
    });
    let e = err.clone();
    super::def(&d, "tcsetattr", move |vm, a| {
        a.posonly(vm, "tcsetattr", 3, 3)?;
        let fd = fd_of(vm, &a.pos[0])?;
        let when = int_arg(vm, &a.pos[1])?;
        tcsetattr(vm, &e, fd, when, &a.pos[2])
    });
    let e = err.clone();
    super::def(&d, "tcsendbreak", move |vm, a| {
        a.posonly(vm, "tcsendbreak", 2, 2)?;
        let fd = fd_of(vm, &a.pos[0])?;
        let dur = int_arg(vm, &a.pos[1])? as i32;
        // SAFETY: a plain call on a descriptor.
        let r = vm.allow_threads(BlockKind::Io, || unsafe { libc::tcsendbreak(fd, dur) });
        check(vm, &e, r)
    });
    let e = err.clone();
    super::def(&d, "tcdrain", move |vm, a| {
        a.posonly(vm, "tcdrain", 1, 1)?;
        let fd = fd_of(vm, &a.pos[0])?;
        // SAFETY: as above; waits for output to be sent.
        let r = vm.allow_threads(BlockKind::Io, || unsafe { libc::tcdrain(fd) });
        check(vm, &e, r)
    });
    for (name, f) in [
        ("tcflush", libc::tcflush as unsafe extern "C" fn(i32, i32) -> i32),
        ("tcflow", libc::tcflow as unsafe extern "C" fn(i32, i32) -> i32),
    ] {
        let e = err.clone();
        super::def(&d, name, move |vm, a| {
            a.posonly(vm, name, 2, 2)?;
            let fd = fd_of(vm, &a.pos[0])?;
            let arg = int_arg(vm, &a.pos[1])? as i32;
            // SAFETY: a plain call on a descriptor.
            let r = unsafe { f(fd, arg) };
            check(vm, &e, r)
        });
    }
    let e = err.clone();
    super::def(&d, "tcgetwinsize", move |vm, a| {
        a.posonly(vm, "tcgetwinsize", 1, 1)?;
        let fd = fd_of(vm, &a.pos[0])?;
        let mut w = libc::winsize { ws_row: 0, ws_col: 0, ws_xpixel: 0, ws_ypixel: 0 };
        // SAFETY: TIOCGWINSZ fills a winsize.
        if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) } < 0 {
            return Err(tc_error(vm, &e));
        }
        Ok(Value::tuple(vec![Value::Int(w.ws_row as i64), Value::Int(w.ws_col as i64)]))
    });
    let e = err.clone();
    super::def(&d, "tcsetwinsize", move |vm, a| {
        a.posonly(vm, "tcsetwinsize", 2, 2)?;
        let fd = fd_of(vm, &a.pos[0])?;
        let items = match &a.pos[1] {
            Value::Tuple(t) if t.len() == 2 => t.items.to_vec(),
            Value::List(l) if l.snapshot().len() == 2 => l.snapshot(),
            _ => return Err(vm.type_error("tcsetwinsize, arg 2: must be a two-item sequence")),
        };
        let mut w = libc::winsize { ws_row: 0, ws_col: 0, ws_xpixel: 0, ws_ypixel: 0 };
        // SAFETY: TIOCGWINSZ fills a winsize (pixel sizes kept).
        if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) } < 0 {
            return Err(tc_error(vm, &e));
        }
        let (r, c) = (int_arg(vm, &items[0])?, int_arg(vm, &items[1])?);
        if !(0..=u16::MAX as i64).contains(&r) || !(0..=u16::MAX as i64).contains(&c) {
            return Err(vm.overflow_error("winsize value(s) out of range."));
        }
        (w.ws_row, w.ws_col) = (r as u16, c as u16);
        // SAFETY: TIOCSWINSZ reads the winsize.
        if unsafe { libc::ioctl(fd, libc::TIOCSWINSZ, &w) } < 0 {
            return Err(tc_error(vm, &e));
        }
        Ok(Value::None)
    });
    Ok(module("termios", d))
}
