//! `time`'s clocks: `time`, `monotonic`, `perf_counter`, `process_time`,
//! `thread_time` (and their `_ns` forms), `clock_gettime`/`clock_getres`/
//! `clock_settime` with the `CLOCK_*` ids, and `get_clock_info`. The
//! monotonic clocks are the system's `CLOCK_MONOTONIC` (runtime/clock.rs),
//! as in CPython on Linux, so they agree between processes and with
//! `loop.time()`.

use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use super::def;
use super::posix_args::{c_int, errno_error};
use crate::object::class::{Instance, Payload};
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::runtime::clock::{clock_ns, monotonic, monotonic_ns};
use crate::vm::{PyResult, Vm};

/// The `CLOCK_*` ids Linux has, as CPython exports them.
const CLOCKS: &[(&str, libc::clockid_t)] = &[
    ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
    ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
    ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
    ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
    ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
    ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
    ("CLOCK_TAI", libc::CLOCK_TAI),
];

/// `get_clock_info` names: (name, clock, monotonic, adjustable).
const CLOCK_INFO: &[(&str, libc::clockid_t, bool, bool)] = &[
    ("time", libc::CLOCK_REALTIME, false, true),
    ("monotonic", libc::CLOCK_MONOTONIC, true, false),
    ("perf_counter", libc::CLOCK_MONOTONIC, true, false),
    ("process_time", libc::CLOCK_PROCESS_CPUTIME_ID, true, false),
    ("thread_time", libc::CLOCK_THREAD_CPUTIME_ID, true, false),
];

fn now_ns() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos() as i64).unwrap_or(0)
}

/// The resolution of `clock` in seconds, or the errno.
fn resolution(clock: libc::clockid_t) -> Result<f64, i32> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_getres writes one timespec into a valid local.
    if unsafe { libc::clock_getres(clock, &mut ts) } != 0 {
        return Err(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL));
    }
    Ok(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9)
}

/// The clock id argument (`clk_id`), an int as CPython's `i` format takes it.
fn clock_arg(vm: &mut Vm, name: &str, a: &crate::vm::Args) -> PyResult<libc::clockid_t> {
    match a.pos.first() {
        Some(v) => c_int(vm, v),
        None => Err(vm.type_error(&format!("{name}() takes exactly one argument (0 given)"))),
    }
}

/// Adds the clocks to the `time` module's dict.
pub fn register(d: &Arc<Dict>) {
    def(d, "time", |_vm, _a| Ok(Value::Float(now_ns() as f64 * 1e-9)));
    def(d, "time_ns", |_vm, _a| Ok(Value::Int(now_ns())));
    for name in ["perf_counter", "monotonic"] {
        def(d, name, |_vm, _a| Ok(Value::Float(monotonic())));
        def(d, &format!("{name}_ns"), |_vm, _a| Ok(Value::Int(monotonic_ns())));
    }
    // CPU time of the process / the calling thread (clock_gettime), as CPython.
    for (name, clock) in
        [("process_time", libc::CLOCK_PROCESS_CPUTIME_ID), ("thread_time", libc::CLOCK_THREAD_CPUTIME_ID)]
    {
        def(d, name, move |_vm, _a| Ok(Value::Float(clock_ns(clock).unwrap_or(0) as f64 * 1e-9)));
        def(d, &format!("{name}_ns"), move |_vm, _a| Ok(Value::Int(clock_ns(clock).unwrap_or(0))));
    }
    for (name, id) in CLOCKS {
        d.set_item_str(name, Value::Int(i64::from(*id)));
    }
    def(d, "clock_gettime", |vm, a| {
        let clock = clock_arg(vm, "clock_gettime", &a)?;
        clock_ns(clock).map(|ns| Value::Float(ns as f64 * 1e-9)).map_err(|e| errno_error(vm, e, None, None))
    });
    def(d, "clock_gettime_ns", |vm, a| {
        let clock = clock_arg(vm, "clock_gettime_ns", &a)?;
        clock_ns(clock).map(Value::Int).map_err(|e| errno_error(vm, e, None, None))
    });
    def(d, "clock_getres", |vm, a| {
        let clock = clock_arg(vm, "clock_getres", &a)?;
        resolution(clock).map(Value::Float).map_err(|e| errno_error(vm, e, None, None))
    });
    for (name, in_ns) in [("clock_settime", false), ("clock_settime_ns", true)] {
        def(d, name, move |vm, a| {
            if a.pos.len() != 2 {
                return Err(vm.type_error(&format!("{name} expected 2 arguments, got {}", a.pos.len())));
            }
            let clock = c_int(vm, &a.pos[0])?;
            let ns = if in_ns {
                vm.index_of(&a.pos[1])?
            } else {
                let s = vm.to_float(&a.pos[1])?;
                if !s.is_finite() || s.abs() > 9.2e9 {
                    return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t"));
                }
                (s * 1e9) as i64
            };
            let ts = libc::timespec { tv_sec: ns.div_euclid(1_000_000_000), tv_nsec: ns.rem_euclid(1_000_000_000) };
            // SAFETY: clock_settime reads one valid timespec.
            if unsafe { libc::clock_settime(clock, &ts) } != 0 {
                let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL);
                return Err(errno_error(vm, e, None, None));
            }
            Ok(Value::None)
        });
    }
    def(d, "get_clock_info", |vm, a| {
        let name = match a.pos.first() {
            Some(Value::Str(s)) => s.as_str().to_string(),
            Some(v) => {
                let t = vm.type_name(v);
                return Err(vm.type_error(&format!("get_clock_info() argument 1 must be str, not {t}")));
            }
            None => return Err(vm.type_error("get_clock_info() takes exactly one argument (0 given)")),
        };
        let Some(&(_, clock, is_monotonic, adjustable)) = CLOCK_INFO.iter().find(|c| c.0 == name) else {
            return Err(vm.value_error("unknown clock"));
        };
        let clock_name = CLOCKS.iter().find(|c| c.1 == clock).map_or("", |c| c.0);
        // The namespace type is sys.implementation's (types.SimpleNamespace).
        let cls = match vm.sys_attr("implementation") {
            Some(imp) => vm.class_of(&imp),
            None => return Err(vm.runtime_error("sys.implementation is missing")),
        };
        let inst = Instance::new(cls, Payload::None);
        inst.dict.set_item_str("implementation", Value::string(format!("clock_gettime({clock_name})")));
        inst.dict.set_item_str("monotonic", Value::Bool(is_monotonic));
        inst.dict.set_item_str("adjustable", Value::Bool(adjustable));
        inst.dict.set_item_str("resolution", Value::Float(resolution(clock).unwrap_or(1e-9)));
        Ok(Value::Instance(Arc::new(inst)))
    });
}
