//! The `time` module: `sleep` (GIL released, Ctrl-C aware), the clocks (in
//! time_clocks.rs) and calendar conversions (in time_calendar.rs, through
//! the C library).

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::def;
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::value::Value;
use crate::runtime::gil::BlockKind;
use crate::vm::{PyResult, Vm};

/// Creates the `time` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let d = Arc::new(Dict::new());
    d.set_item_str("__name__", Value::str("time"));
    super::time_calendar::register(vm, &d);
    super::time_clocks::register(&d);
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
    Ok(Value::Module(Arc::new(Module::new(Arc::from("time"), d))))
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
