//! The `_mp` module (worker processes, their sockets, shared memory and
//! cross-process futex words) and the `spawn_process(fn, *args, **kwargs)`
//! built-in. The protocol spoken over the sockets, and everything built on
//! it (`multiprocessing`, `ProcessPoolExecutor`), is in py/_mp_core.py.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use parking_lot::Mutex;

use super::def;
use super::mp_wire;
use super::types_num::prop;
use crate::object::class::{Class, Layout};
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::value::Value;
use crate::runtime::gil::BlockKind;
use crate::runtime::interrupt::InterruptCheck;
use crate::runtime::process::{self, Channel, Recv, Shm, Worker};
use crate::vm::runtime::new_builtin_class;
use crate::vm::{Args, PyErr, PyResult, Runtime, Vm};

/// The multiprocessing state of one runtime (kept in `Runtime::mp`).
#[derive(Default)]
pub struct MpState {
    /// True while a worker child runs the parent's main module: starting a
    /// process then is the missing-`__main__`-guard mistake.
    bootstrapping: AtomicBool,
    /// Set when a start was refused during bootstrapping (reported to the parent).
    guard_missing: AtomicBool,
    /// The `(reduce, resolve)` hooks registered by `_mp_core`.
    hooks: Mutex<Option<(Value, Value)>>,
    /// The class of shared-memory segments, once `_mp` is imported.
    shm_class: Mutex<Option<Arc<Class>>>,
    /// Numbers shared-memory segments made by this process.
    shm_seq: std::sync::atomic::AtomicUsize,
    /// A worker made by the `fork` start method (mp_fork.rs).
    pub fork: super::mp_fork::ForkState,
}

/// Marks the start / end of a worker child's bootstrap phase.
pub fn set_bootstrapping(rt: &Runtime, on: bool) {
    rt.mp.bootstrapping.store(on, Ordering::SeqCst);
}

/// CPython's message for a process started during bootstrapping.
const BOOTSTRAP_MSG: &str = "An attempt has been made to start a new process before the current process has finished its bootstrapping phase. This probably means that you are not using fork to start your child processes and you have forgotten to use the proper idiom in the main module:\n\n    if __name__ == '__main__':\n        freeze_support()\n        ...\n\nThe \"freeze_support()\" line can be omitted if the program is not going to be frozen to produce an executable.";

/// One end of a protocol socket: the parent's (with the child process) or
/// the child's (`worker` is None).
pub struct Conn {
    worker: Option<Worker>,
    chan: Option<Channel>,
    class: Arc<Class>,
}

impl Conn {
    fn chan(&self) -> &Channel {
        match (&self.worker, &self.chan) {
            (Some(w), _) => &w.chan,
            (None, Some(c)) => c,
            (None, None) => unreachable!("a Conn always has a channel"),
        }
    }
}

/// A mapped shared memory segment (`_mp.SharedMem`).
pub struct SharedMem {
    /// The mapping.
    pub shm: Shm,
    class: Arc<Class>,
}

crate::object::native::impl_native_object!(Conn, SharedMem);

fn this<'a, T: 'static>(vm: &mut Vm, a: &'a Args, what: &str) -> PyResult<&'a T> {
    a.native_self().ok_or_else(|| vm.type_error(&format!("descriptor requires a '{what}' object")))
}

fn check_of(vm: &Vm) -> InterruptCheck {
    vm.gil.as_ref().map(|g| g.interrupt_check()).unwrap_or_else(InterruptCheck::never)
}

fn interrupted(vm: &mut Vm) -> PyErr {
    let cls = vm.rt.types.exc("KeyboardInterrupt");
    vm.new_exception(&cls, vec![])
}

fn io_err(vm: &mut Vm, e: std::io::Error) -> PyErr {
    super::file::os_error(vm, &e, None)
}

fn int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match vm.to_int_value(v)? {
        Value::Int(i) => Ok(i),
        Value::Boolean(b) => Ok(b.get() as i64),
        _ => Err(vm.overflow_error("int too large")),
    }
}

/// `timeout=None` → no deadline; a number → now + that many seconds.
fn deadline(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<Instant>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(Some(Instant::now() + Duration::from_secs_f64(vm.to_float(&v)?.max(0.0)))),
    }
}

fn hooks(vm: &mut Vm) -> PyResult<(Value, Value)> {
    if let Some(h) = vm.rt.mp.hooks.lock().clone() {
        return Ok(h);
    }
    vm.import_name("_mp_core", 0, true)?;
    let h = vm.rt.mp.hooks.lock().clone();
    h.ok_or_else(|| vm.runtime_error("_mp_core did not register its hooks"))
}

/// Encodes a value with the registered hooks, after `prefix` spare bytes
/// (a frame header, filled in by `Channel::send_framed` without a copy).
fn encode(vm: &mut Vm, v: &Value, prefix: usize) -> PyResult<Vec<u8>> {
    let (reduce, _) = hooks(vm)?;
    mp_wire::dumps(vm, v, &reduce, prefix)
}

fn decode(vm: &mut Vm, b: &[u8]) -> PyResult {
    let (_, resolve) = hooks(vm)?;
    mp_wire::Reader::new(b).load(vm, &resolve)
}

/// Maps a segment created by another process (used by the decoder).
pub fn open_shared(vm: &mut Vm, name: &str, size: usize) -> PyResult {
    let shm = Shm::open(name, size).map_err(|e| io_err(vm, e))?;
    let class = vm.rt.mp.shm_class.lock().clone().expect("_mp imported before shared memory arrives");
    Ok(Value::from_native(Arc::new(SharedMem { shm, class })))
}

/// The result of a send on a connection: None, or the Python error
/// (BrokenPipeError when the other side is gone, as CPython's).
fn sent(vm: &mut Vm, r: std::io::Result<()>) -> PyResult {
    match r {
        Ok(()) => Ok(Value::None),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            let cls = vm.rt.types.exc("BrokenPipeError");
            Err(vm.new_exception(&cls, vec![Value::Int(32), Value::str("Broken pipe")]))
        }
        Err(e) => Err(io_err(vm, e)),
    }
}

fn conn_class(rt: &Runtime) -> Arc<Class> {
    let c = new_builtin_class("conn", std::slice::from_ref(&rt.types.object), Layout::Opaque);
    c.dict.set_item_str("__module__", Value::str("_mp"));
    def(&c.dict, "send", |vm, a| {
        a.check(vm, "send", 2, 2)?;
        let mut frame = encode(vm, &a.pos[1], 4)?;
        let c = this::<Conn>(vm, &a, "conn")?;
        let r = vm.allow_threads(BlockKind::Io, || c.chan().send_framed(&mut frame));
        sent(vm, r)
    });
    def(&c.dict, "send_frame", |vm, a| {
        // Sends a value encoded before by dumps(obj, True), without encoding it again.
        a.check(vm, "send_frame", 2, 2)?;
        let Value::Bytes(frame) = &a.pos[1] else {
            return Err(vm.type_error("send_frame() needs the bytes of dumps(obj, True)"));
        };
        let frame = frame.clone();
        let c = this::<Conn>(vm, &a, "conn")?;
        let r = vm.allow_threads(BlockKind::Io, || c.chan().send_raw(&frame));
        sent(vm, r)
    });
    def(&c.dict, "poll", |vm, mut a| {
        let d = deadline(vm, a.arg(1, "timeout"))?.or(Some(Instant::now()));
        let c = this::<Conn>(vm, &a, "conn")?;
        let check = check_of(vm);
        let r = vm.allow_threads(BlockKind::Process, || check.wait_until(d, |slice| c.chan().readable(slice)));
        r.map(Value::Bool).map_err(|_| interrupted(vm))
    });
    def(&c.dict, "recv", |vm, a| {
        let c = this::<Conn>(vm, &a, "conn")?;
        let check = check_of(vm);
        let r = vm.allow_threads(BlockKind::Process, || {
            check.wait_until(None, |slice| c.chan().readable(slice)).map(|_| c.chan().recv_blocking())
        });
        match r {
            Err(_) => Err(interrupted(vm)),
            Ok(Err(e)) => Err(io_err(vm, e)),
            Ok(Ok(Recv::Frame(b))) => decode(vm, &b),
            Ok(Ok(_)) => {
                let cls = vm.rt.types.exc("EOFError");
                Err(vm.new_exception(&cls, vec![]))
            }
        }
    });
    def(&c.dict, "close", |vm, a| {
        this::<Conn>(vm, &a, "conn")?.chan().shutdown();
        Ok(Value::None)
    });
    def(&c.dict, "exitcode", |vm, a| {
        let c = this::<Conn>(vm, &a, "conn")?;
        Ok(c.worker.as_ref().and_then(|w| w.poll_exit()).map(|c| Value::Int(c as i64)).unwrap_or(Value::None))
    });
    def(&c.dict, "wait", |vm, mut a| {
        let d = deadline(vm, a.arg(1, "timeout"))?;
        let c = this::<Conn>(vm, &a, "conn")?;
        let Some(w) = &c.worker else { return Ok(Value::None) };
        let check = check_of(vm);
        let mut code = None;
        let r = vm.allow_threads(BlockKind::Process, || {
            check.wait_until(d, |slice| {
                code = w.wait_slice(slice);
                code.is_some()
            })
        });
        r.map_err(|_| interrupted(vm))?;
        Ok(code.map(|c| Value::Int(c as i64)).unwrap_or(Value::None))
    });
    def(&c.dict, "terminate", |vm, a| {
        if let Some(w) = &this::<Conn>(vm, &a, "conn")?.worker {
            crate::tools::child_trace::signal(vm, w, libc::SIGTERM);
        }
        Ok(Value::None)
    });
    def(&c.dict, "kill", |vm, a| {
        if let Some(w) = &this::<Conn>(vm, &a, "conn")?.worker {
            crate::tools::child_trace::signal(vm, w, libc::SIGKILL);
        }
        Ok(Value::None)
    });
    c
}

/// Reads `fmt` (a struct-module code) at `off`.
fn shm_read(vm: &mut Vm, m: &Shm, fmt: &str, off: usize) -> PyResult {
    let size = fmt_size(vm, fmt)?;
    let mut b = [0u8; 8];
    if !m.read(off, &mut b[..size]) {
        return Err(vm.index_error("shared memory index out of range"));
    }
    let b8 = b;
    Ok(match fmt {
        "b" => Value::Int(b[0] as i8 as i64),
        "B" => Value::Int(b[0] as i64),
        "?" => Value::Bool(b[0] != 0),
        "c" => Value::Bytes(Arc::new(vec![b[0]])),
        "h" => Value::Int(i16::from_le_bytes([b[0], b[1]]) as i64),
        "H" => Value::Int(u16::from_le_bytes([b[0], b[1]]) as i64),
        "i" => Value::Int(i32::from_le_bytes([b[0], b[1], b[2], b[3]]) as i64),
        "I" => Value::Int(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as i64),
        "f" => Value::Float(f32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64),
        "d" => Value::Float(f64::from_le_bytes(b8)),
        "Q" | "L" => Value::from_bigint(num_bigint::BigInt::from(u64::from_le_bytes(b8))),
        _ => Value::Int(i64::from_le_bytes(b8)),
    })
}

fn fmt_size(vm: &mut Vm, fmt: &str) -> PyResult<usize> {
    Ok(match fmt {
        "b" | "B" | "?" | "c" => 1,
        "h" | "H" => 2,
        "i" | "I" | "f" => 4,
        "l" | "L" | "q" | "Q" | "d" => 8,
        _ => {
            return Err(
                vm.value_error(&format!("bad typecode {fmt:?} (must be b, B, h, H, i, I, l, L, q, Q, f, d, c or ?)"))
            );
        }
    })
}

fn shm_write(vm: &mut Vm, m: &Shm, fmt: &str, off: usize, v: &Value) -> PyResult<()> {
    let size = fmt_size(vm, fmt)?;
    let bytes: [u8; 8] = match fmt {
        "f" => ((vm.to_float(v)? as f32).to_bits() as u64).to_le_bytes(),
        "d" => vm.to_float(v)?.to_bits().to_le_bytes(),
        "c" => match v {
            Value::Bytes(b) if b.len() == 1 => [b[0], 0, 0, 0, 0, 0, 0, 0],
            _ => return Err(vm.type_error("one character bytes expected")),
        },
        "?" => [vm.truthy(v)? as u8, 0, 0, 0, 0, 0, 0, 0],
        "Q" | "L" => {
            use num_traits::ToPrimitive;
            let big = match vm.to_int_value(v)? {
                Value::Int(i) => num_bigint::BigInt::from(i),
                Value::BigInt(b) => (*b).clone(),
                Value::Boolean(b) => num_bigint::BigInt::from(b.get() as i64),
                _ => return Err(vm.type_error("an integer is required")),
            };
            big.to_u64().ok_or_else(|| vm.overflow_error("value out of range for unsigned 64-bit"))?.to_le_bytes()
        }
        _ => int(vm, v)?.to_le_bytes(),
    };
    if !m.write(off, &bytes[..size]) {
        return Err(vm.index_error("shared memory index out of range"));
    }
    Ok(())
}

fn word<'a>(vm: &mut Vm, m: &'a Shm, a: &Args, i: usize) -> PyResult<&'a std::sync::atomic::AtomicI32> {
    let off = match a.pos.get(i) {
        Some(v) => int(vm, v)?,
        None => return Err(vm.type_error("missing word offset")),
    };
    m.word(off.max(0) as usize).ok_or_else(|| vm.index_error("shared memory word offset out of range"))
}

fn shm_class(rt: &Runtime) -> Arc<Class> {
    let c = new_builtin_class("SharedMem", std::slice::from_ref(&rt.types.object), Layout::Opaque);
    c.dict.set_item_str("__module__", Value::str("_mp"));
    prop(rt, &c, "name", |vm, a| Ok(Value::str(&this::<SharedMem>(vm, &a, "SharedMem")?.shm.name)));
    prop(rt, &c, "size", |vm, a| Ok(Value::Int(this::<SharedMem>(vm, &a, "SharedMem")?.shm.len as i64)));
    def(&c.dict, "read", |vm, a| {
        a.check(vm, "read", 3, 3)?;
        let fmt = vm.str_of(&a.pos[1])?;
        let off = int(vm, &a.pos[2])?.max(0) as usize;
        let m = this::<SharedMem>(vm, &a, "SharedMem")?;
        shm_read(vm, &m.shm, &fmt, off)
    });
    def(&c.dict, "write", |vm, a| {
        a.check(vm, "write", 4, 4)?;
        let fmt = vm.str_of(&a.pos[1])?;
        let off = int(vm, &a.pos[2])?.max(0) as usize;
        let m = this::<SharedMem>(vm, &a, "SharedMem")?;
        shm_write(vm, &m.shm, &fmt, off, &a.pos[3])?;
        Ok(Value::None)
    });
    def(&c.dict, "load", |vm, a| {
        let m = this::<SharedMem>(vm, &a, "SharedMem")?;
        Ok(Value::Int(word(vm, &m.shm, &a, 1)?.load(Ordering::SeqCst) as i64))
    });
    def(&c.dict, "store", |vm, a| {
        let m = this::<SharedMem>(vm, &a, "SharedMem")?;
        let v = int(vm, a.pos.get(2).unwrap_or(&Value::Int(0)))? as i32;
        word(vm, &m.shm, &a, 1)?.store(v, Ordering::SeqCst);
        Ok(Value::None)
    });
    def(&c.dict, "add", |vm, a| {
        let m = this::<SharedMem>(vm, &a, "SharedMem")?;
        let d = int(vm, a.pos.get(2).unwrap_or(&Value::Int(1)))? as i32;
        Ok(Value::Int(word(vm, &m.shm, &a, 1)?.fetch_add(d, Ordering::SeqCst) as i64 + d as i64))
    });
    def(&c.dict, "wake", |vm, a| {
        let m = this::<SharedMem>(vm, &a, "SharedMem")?;
        let n = int(vm, a.pos.get(2).unwrap_or(&Value::Int(i32::MAX as i64)))?.clamp(0, i32::MAX as i64) as i32;
        process::futex_wake(word(vm, &m.shm, &a, 1)?, n);
        Ok(Value::None)
    });
    // wait(off, expected, timeout=None) -> True once the word differs from
    // `expected` (or a wake arrived), False on timeout.
    def(&c.dict, "wait", |vm, mut a| {
        let d = deadline(vm, a.arg(3, "timeout"))?;
        let m = this::<SharedMem>(vm, &a, "SharedMem")?;
        let expected = int(vm, a.pos.get(2).unwrap_or(&Value::Int(0)))? as i32;
        let w = word(vm, &m.shm, &a, 1)?;
        let check = check_of(vm);
        let r = vm.allow_threads(BlockKind::Lock, || {
            check.wait_until(d, |slice| {
                if w.load(Ordering::SeqCst) != expected {
                    return true;
                }
                process::futex_wait(w, expected, slice);
                w.load(Ordering::SeqCst) != expected
            })
        });
        r.map(Value::Bool).map_err(|_| interrupted(vm))
    });
    // sem_acquire(off, blocking=True, timeout=None): decrement a counter
    // word that is > 0, sleeping on its futex while it is 0.
    def(&c.dict, "sem_acquire", |vm, mut a| {
        let blocking = match a.arg(2, "blocking") {
            Some(v) => vm.truthy(&v)?,
            None => true,
        };
        let d = if blocking { deadline(vm, a.arg(3, "timeout"))? } else { Some(Instant::now()) };
        let m = this::<SharedMem>(vm, &a, "SharedMem")?;
        let w = word(vm, &m.shm, &a, 1)?;
        let take = || {
            let v = w.load(Ordering::SeqCst);
            v > 0 && w.compare_exchange(v, v - 1, Ordering::SeqCst, Ordering::SeqCst).is_ok()
        };
        for _ in 0..50 {
            if take() {
                return Ok(Value::Bool(true));
            }
            std::hint::spin_loop();
        }
        if d.is_some_and(|d| d <= Instant::now()) {
            return Ok(Value::Bool(false));
        }
        let check = check_of(vm);
        let r = vm.allow_threads(BlockKind::Lock, || {
            check.wait_until(d, |slice| {
                loop {
                    if take() {
                        return true;
                    }
                    if w.load(Ordering::SeqCst) <= 0 {
                        process::futex_wait(w, 0, slice);
                        return take();
                    }
                }
            })
        });
        r.map(Value::Bool).map_err(|_| interrupted(vm))
    });
    def(&c.dict, "sem_release", |vm, a| {
        let m = this::<SharedMem>(vm, &a, "SharedMem")?;
        let w = word(vm, &m.shm, &a, 1)?;
        w.fetch_add(1, Ordering::SeqCst);
        process::futex_wake(w, 1);
        Ok(Value::None)
    });
    c
}

/// Creates the `_mp` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let rt = vm.rt.clone();
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("_mp"));
    let cc = conn_class(&rt);
    let sc = shm_class(&rt);
    *rt.mp.shm_class.lock() = Some(sc.clone());
    d.set_item_str("SharedMemType", Value::Class(sc.clone()));
    d.set_item_str("BOOTSTRAP_MESSAGE", Value::str(BOOTSTRAP_MSG));
    let c2 = cc.clone();
    def(&d, "spawn", move |vm, _a| {
        if vm.rt.mp.bootstrapping.load(Ordering::SeqCst) {
            vm.rt.mp.guard_missing.store(true, Ordering::SeqCst);
            return Err(vm.runtime_error(BOOTSTRAP_MSG));
        }
        let w = process::spawn_worker(&vm.rt.config.worker_argv).map_err(|e| io_err(vm, e))?;
        // The first frame: our compiled embedded modules, so the child need
        // not compile them again (runtime/code_cache.rs). A failed send
        // shows up on the next one.
        let room = w.chan.reserve_send_buffer(crate::runtime::code_cache::MAX_BYTES);
        let blob = crate::runtime::code_cache::blob_for_child(&vm.rt, room);
        let _ = vm.allow_threads(BlockKind::Process, || w.chan.send(&blob));
        Ok(Value::from_native(Arc::new(Conn { worker: Some(w), chan: None, class: c2.clone() })))
    });
    let c3 = cc.clone();
    def(&d, "fork", move |vm, _a| {
        // The `fork` start method: the parent gets a conn, the child None.
        Ok(match super::mp_fork::fork(vm)? {
            Some(w) => Value::from_native(Arc::new(Conn { worker: Some(w), chan: None, class: c3.clone() })),
            None => Value::None,
        })
    });
    def(&d, "fork_exit", |vm, a| {
        a.check(vm, "fork_exit", 1, 1)?;
        let code = int(vm, &a.pos[0])?;
        super::mp_fork::exit(vm, code as i32)
    });
    prop_pid(&rt, &cc);
    def(&d, "child_conn", move |vm, _a| {
        let ch = match super::mp_fork::take_channel(vm) {
            Some(ch) => ch,
            None => process::child_channel().map_err(|e| io_err(vm, e))?,
        };
        Ok(Value::from_native(Arc::new(Conn { worker: None, chan: Some(ch), class: cc.clone() })))
    });
    def(&d, "set_hooks", |vm, a| {
        a.check(vm, "set_hooks", 2, 2)?;
        *vm.rt.mp.hooks.lock() = Some((a.pos[0].clone(), a.pos[1].clone()));
        Ok(Value::None)
    });
    def(&d, "dumps", |vm, a| {
        // dumps(obj, framed=False): framed adds the socket frame header, for conn.send_frame.
        a.check(vm, "dumps", 1, 2)?;
        let framed = match a.pos.get(1) {
            Some(v) => vm.truthy(v)?,
            None => false,
        };
        let mut out = encode(vm, &a.pos[0], if framed { 4 } else { 0 })?;
        if framed {
            let n = u32::try_from(out.len() - 4).map_err(|_| vm.overflow_error("message too large (4 GiB or more)"))?;
            out[..4].copy_from_slice(&n.to_le_bytes());
        }
        Ok(Value::Bytes(Arc::new(out)))
    });
    def(&d, "loads", |vm, a| match a.pos.first() {
        Some(Value::Bytes(b)) => decode(vm, b),
        _ => Err(vm.type_error("loads() needs bytes")),
    });
    def(&d, "is_child", |vm, _a| Ok(Value::Bool(vm.rt.config.mp_child || vm.rt.mp.fork.forked.load(Ordering::SeqCst))));
    def(&d, "guard_missing", |vm, _a| Ok(Value::Bool(vm.rt.mp.guard_missing.load(Ordering::SeqCst))));
    def(&d, "bootstrapping", |vm, _a| Ok(Value::Bool(vm.rt.mp.bootstrapping.load(Ordering::SeqCst))));
    def(&d, "cpu_count", |_vm, _a| {
        Ok(Value::Int(std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1) as i64))
    });
    def(&d, "SharedMem", move |vm, a| {
        a.check(vm, "SharedMem", 1, 1)?;
        let n = int(vm, &a.pos[0])?;
        if n < 0 {
            return Err(vm.value_error("size must be non-negative"));
        }
        let shm =
            Shm::create(vm.rt.mp.shm_seq.fetch_add(1, Ordering::Relaxed), n as usize).map_err(|e| io_err(vm, e))?;
        Ok(Value::from_native(Arc::new(SharedMem { shm, class: sc.clone() })))
    });
    Ok(Value::Module(Arc::new(Module::new(Arc::from("_mp"), d))))
}

fn prop_pid(rt: &Runtime, cc: &Arc<Class>) {
    prop(rt, cc, "pid", |vm, a| {
        let c = this::<Conn>(vm, &a, "conn")?;
        Ok(c.worker.as_ref().map(|w| Value::Int(w.pid as i64)).unwrap_or(Value::None))
    });
}

/// Adds the `spawn_process(fn, *args, **kwargs)` built-in; the handle and
/// the protocol live in py/_mp_core.py.
pub fn register(rt: &Runtime) {
    def(&rt.builtins, "spawn_process", |vm, a| {
        let m = vm.import_name("_mp_core", 0, true)?;
        let Some(f) = vm.get_attr_str(&m, "spawn_process")? else {
            return Err(vm.runtime_error("_mp_core.spawn_process is missing"));
        };
        vm.call_value(&f, a)
    });
}
