//! The native half of multiprocessing's `fork` start method (CPython's
//! default on Linux): `_mp.fork()` makes a socket pair and forks (through
//! `os.fork`'s path, so `os.register_at_fork` hooks run and the runtime is
//! repaired in the child); the child keeps its end for `_mp.child_conn()`
//! and, when the parent records a `--trace`, its recording (restarted at
//! the fork) goes to the parent's child-trace folder at `_mp.fork_exit()`.
//! The protocol over the socket is the spawned workers' (py/_mp_core.py).

use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use parking_lot::Mutex;

use crate::runtime::process::{self, Channel, Worker};
use crate::runtime::trace::Recorder;
use crate::tools::child_trace::{self, ChildTrace};
use crate::vm::{PyResult, Vm};

/// What a forked worker keeps between the fork and its first use of it.
#[derive(Default)]
pub struct ForkState {
    /// This process is a multiprocessing worker made by fork.
    pub forked: std::sync::atomic::AtomicBool,
    /// Its end of the socket, until `_mp.child_conn()` takes it.
    chan: Mutex<Option<Channel>>,
    /// Where its recording goes at exit, when the parent traces.
    trace: Mutex<Option<(ChildTrace, Arc<Recorder>)>>,
}

fn os_err(vm: &mut Vm, e: std::io::Error) -> crate::vm::PyErr {
    super::file::os_error(vm, &e, None)
}

/// Forks a worker: `Some(worker)` in the parent, `None` in the child.
pub fn fork(vm: &mut Vm) -> PyResult<Option<Worker>> {
    let (mine, theirs) = UnixStream::pair().map_err(|e| os_err(vm, e))?;
    let pid = super::posix_fork::fork_with_hooks(vm)?;
    if pid != 0 {
        drop(theirs);
        return Worker::forked(pid as u32, mine).map(Some).map_err(|e| os_err(vm, e));
    }
    drop(mine);
    let rt = Arc::clone(&vm.rt);
    let st = &rt.mp.fork;
    st.forked.store(true, Ordering::SeqCst);
    let chan = process::forked_child_channel(theirs).map_err(|e| os_err(vm, e))?;
    *st.chan.lock() = Some(chan);
    let flag = format!("{}=", child_trace::FLAG);
    let ct = rt.config.worker_argv.iter().find_map(|a| a.strip_prefix(&flag)).and_then(ChildTrace::parse);
    if let (Some(ct), Some(rec)) = (ct, rt.gil.recorder().filter(|r| r.usable_after_fork())) {
        // Killed by its parent while tracing, it writes its events first,
        // as a spawned worker does.
        child_trace::catch_termination(ct.clone(), rec.clone(), rt.gil.clone(), script(vm));
        *st.trace.lock() = Some((ct, rec));
    }
    Ok(None)
}

fn script(vm: &Vm) -> String {
    vm.rt.config.argv.first().cloned().unwrap_or_else(|| "-c".into())
}

/// The forked child's end of its socket (taken once).
pub fn take_channel(vm: &Vm) -> Option<Channel> {
    vm.rt.mp.fork.chan.lock().take()
}

/// Ends a forked worker with `code`: its recording to the parent's trace
/// folder, Rust's stdout flushed, then `_exit` (no atexit handlers, no
/// finalizers: they are the parent's, as in CPython's forked children).
pub fn exit(vm: &mut Vm, code: i32) -> ! {
    if let Some((ct, rec)) = vm.rt.mp.fork.trace.lock().take() {
        ct.write_child(&rec, &vm.rt.gil, &script(vm));
    }
    use std::io::Write;
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    // SAFETY: ends this process at once, as os._exit does.
    unsafe { libc::_exit(code) }
}
