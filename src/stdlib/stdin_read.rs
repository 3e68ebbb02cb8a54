//! Reading the process's standard input for `input()` and `sys.stdin`:
//! a read-ahead buffer of our own over fd 0, so that the main thread can
//! wait for input in slices and notice Ctrl-C (a `read(2)` blocked on a
//! pipe or terminal is restarted by the kernel after our SIGINT handler,
//! so it would never return; CPython's `input()` raises KeyboardInterrupt).

use parking_lot::Mutex;

use crate::runtime::events::BlockKind;
use crate::runtime::interrupt::{InterruptCheck, Interrupted};
use crate::vm::{PyResult, Vm};

/// Bytes read from fd 0 but not yet handed to Python (one per runtime,
/// shared by every reader of stdin).
#[derive(Default)]
pub struct StdinBuf {
    data: Mutex<Vec<u8>>,
}

/// How much one `read(2)` asks for.
const CHUNK: usize = 64 * 1024;

/// What one fill of the buffer found.
enum Fill {
    Data,
    Eof,
}

/// Waits (main thread: in slices, watching for Ctrl-C) until fd 0 is
/// readable, then reads once into `buf`.
fn fill(buf: &mut Vec<u8>, check: &InterruptCheck) -> Result<std::io::Result<Fill>, Interrupted> {
    if check.is_live() {
        check.wait_until(None, |slice| {
            let mut p = libc::pollfd { fd: 0, events: libc::POLLIN, revents: 0 };
            let ms = slice.as_millis().min(i32::MAX as u128) as i32;
            // SAFETY: one valid pollfd, its count 1.
            unsafe { libc::poll(&mut p, 1, ms) != 0 }
        })?;
    }
    let old = buf.len();
    buf.resize(old + CHUNK, 0);
    loop {
        // SAFETY: the destination is the `CHUNK` bytes just added to `buf`.
        let n = unsafe { libc::read(0, buf[old..].as_mut_ptr().cast(), CHUNK) };
        if n >= 0 {
            buf.truncate(old + n as usize);
            return Ok(Ok(if n == 0 { Fill::Eof } else { Fill::Data }));
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            buf.truncate(old);
            return Ok(Err(e));
        }
    }
}

/// Runs `take` over the buffer, filling it until `take` returns bytes or
/// the input ends (`take` is then called with `eof` true and must take
/// what is left). The GIL is released while waiting; Ctrl-C in the main
/// thread runs SIGINT's handler (KeyboardInterrupt by default) and, if the
/// handler returns, the read goes on (PEP 475).
fn read_with(vm: &mut Vm, take: impl Fn(&mut Vec<u8>, bool) -> Option<Vec<u8>>) -> PyResult<Vec<u8>> {
    let rt = vm.rt.clone();
    loop {
        let check = vm.gil.as_ref().map(|g| g.interrupt_check()).unwrap_or_else(InterruptCheck::never);
        let r = vm.allow_threads(BlockKind::Input, || {
            let mut buf = rt.stdin.data.lock();
            loop {
                if let Some(out) = take(&mut buf, false) {
                    return Ok(Ok(out));
                }
                match fill(&mut buf, &check)? {
                    Ok(Fill::Data) => {}
                    Ok(Fill::Eof) => return Ok(Ok(take(&mut buf, true).unwrap_or_default())),
                    Err(e) => return Ok(Err(e)),
                }
            }
        });
        match r {
            Ok(Ok(out)) => return Ok(out),
            Ok(Err(e)) => return Err(vm.err("OSError", &e.to_string())),
            Err(Interrupted) => super::mod_signal::sigint_arrived(vm)?,
        }
    }
}

/// One line of stdin with its `\n` (empty at end of input).
pub fn read_line(vm: &mut Vm) -> PyResult<Vec<u8>> {
    read_with(vm, |buf, eof| match buf.iter().position(|&b| b == b'\n') {
        Some(i) => Some(buf.drain(..=i).collect()),
        None if eof => Some(std::mem::take(buf)),
        None => None,
    })
}

/// Everything up to the end of stdin.
pub fn read_all(vm: &mut Vm) -> PyResult<Vec<u8>> {
    read_with(vm, |buf, eof| eof.then(|| std::mem::take(buf)))
}

/// `n` bytes, or fewer when the input ends first.
pub fn read_n(vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
    read_with(vm, |buf, eof| {
        if buf.len() < n && !eof {
            return None;
        }
        let k = n.min(buf.len());
        Some(buf.drain(..k).collect())
    })
}
