//! The `time` module: clocks, `sleep` (GIL released, Ctrl-C aware) and
//! calendar conversions (in time_calendar.rs, through the C library).

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::def;
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::value::Value;
use crate::runtime::gil::BlockKind;
use crate::vm::{PyResult, Vm};

fn now_f64() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0)
}

fn now_ns() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos() as i64).unwrap_or(0)
}

/// A CPU-time clock in nanoseconds (0 if the clock cannot be read).
fn cpu_clock_ns(clock: libc::clockid_t) -> i64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes one timespec into a valid local.
    if unsafe { libc::clock_gettime(clock, &mut ts) } != 0 {
        return 0;
    }
    ts.tv_sec * 1_000_000_000 + ts.tv_nsec
}

/// Creates the `time` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("time"));
    super::time_calendar::register(vm, &d);
    let start = Instant::now();
    def(&d, "time", |_vm, _a| Ok(Value::Float(now_f64())));
    def(&d, "time_ns", |_vm, _a| Ok(Value::Int(now_ns())));
    for name in ["perf_counter", "monotonic"] {
        def(&d, name, move |_vm, _a| Ok(Value::Float(start.elapsed().as_secs_f64())));
    }
    for name in ["perf_counter_ns", "monotonic_ns"] {
        def(&d, name, move |_vm, _a| Ok(Value::Int(start.elapsed().as_nanos() as i64)));
    }
    // CPU time of the process / the calling thread (clock_gettime), as CPython.
    for (name, clock) in
        [("process_time", libc::CLOCK_PROCESS_CPUTIME_ID), ("thread_time", libc::CLOCK_THREAD_CPUTIME_ID)]
    {
        def(&d, name, move |_vm, _a| Ok(Value::Float(cpu_clock_ns(clock) as f64 * 1e-9)));
        def(&d, &format!("{name}_ns"), move |_vm, _a| Ok(Value::Int(cpu_clock_ns(clock))));
    }
    def(&d, "sleep", |vm, a| {
        a.check(vm, "sleep", 1, 1)?;
        let s = seconds_arg(vm, &a.pos[0])?;
        if s < 0.0 {
            return Err(vm.value_error("sleep length must be non-negative"));
        }
        let dur = Duration::try_from_secs_f64(s).map_err(|_| vm.overflow_error("sleep length is too large"))?;
        let end = Instant::now().checked_add(dur);
        let mut left = dur;
        loop {
            let check = vm.gil.as_ref().map(|g| g.interrupt_check());
            let r = vm.allow_threads(BlockKind::Sleep, || match &check {
                Some(c) => c.interruptible_sleep(left),
                None => {
                    std::thread::sleep(left);
                    Ok(())
                }
            });
            if r.is_ok() {
                return Ok(Value::None);
            }
            // Ctrl-C: SIGINT's handler runs (KeyboardInterrupt by default);
            // if it returns, the sleep goes on for the time left (PEP 475).
            super::mod_signal::sigint_arrived(vm)?;
            if let Some(end) = end {
                left = end.saturating_duration_since(Instant::now());
            }
            if left.is_zero() {
                return Ok(Value::None);
            }
        }
    });
    // CPython's C `time.strptime` hands the work to the pure-Python `_strptime` module too.
    def(&d, "strptime", |vm, a| {
        a.no_kw(vm, "strptime")?;
        a.check(vm, "strptime", 1, 2)?;
        let module = vm.import_name("_strptime", 0, true)?;
        vm.call_method(&module, "_strptime_time", a.pos.to_vec())
    });
    Ok(Value::Module(Arc::new(Module { name: Arc::from("time"), dict: d })))
}

/// A number of seconds (a sleep, a lock timeout) read as CPython's
/// `_PyTime_FromSecondsObject` reads it, with its errors: a NaN is a
/// ValueError, a value outside what int64 nanoseconds hold an OverflowError,
/// anything but a number a TypeError.
pub fn seconds_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    let out_of_range = |vm: &mut Vm| vm.overflow_error("timestamp out of range for platform time_t");
    // An int is scaled to nanoseconds exactly, with its own message.
    let int_too_large = |vm: &mut Vm| vm.overflow_error("timestamp too large to convert to C _PyTime_t");
    let s = match v {
        Value::BigInt(_) => return Err(int_too_large(vm)),
        Value::Int(i) if i.checked_mul(1_000_000_000).is_none() => return Err(int_too_large(vm)),
        _ => match vm.as_f64(v)? {
            Some(s) => s,
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
            }
        },
    };
    if s.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    let ns = s * 1e9;
    if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&ns) {
        return Err(out_of_range(vm));
    }
    Ok(s)
}
