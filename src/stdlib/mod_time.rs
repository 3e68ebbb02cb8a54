//! The `time` module: clocks, `sleep` (GIL released, Ctrl-C aware) and
//! calendar conversions. Local time is UTC (no time-zone database).

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use parking_lot::Mutex;

use super::def;
use super::types_containers::builtin_of;
use super::types_num::prop;
use crate::object::class::{Class, Instance, Layout, Payload};
use crate::object::dict::Dict;
use crate::object::module::Module;
use crate::object::str::PyStr;
use crate::object::value::Value;
use crate::runtime::gil::BlockKind;
use crate::vm::{PyResult, Vm};

const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn now_f64() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0)
}

fn now_ns() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos() as i64).unwrap_or(0)
}

/// Civil date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Days since 1970-01-01 of a civil date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// The 9 fields of a struct_time for seconds since the epoch (UTC).
fn broken_down(secs: i64) -> [i64; 9] {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let wday = (days + 3).rem_euclid(7); // 1970-01-01 was a Thursday
    let yday = days - days_from_civil(y, 1, 1) + 1;
    [y, m as i64, d as i64, rem / 3600, rem % 3600 / 60, rem % 60, wday, yday, 0]
}

const FIELDS: [&str; 9] =
    ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"];

/// `time.struct_time`: a tuple subclass with `tm_*` attributes. It is
/// flagged non-builtin so its own `__repr__` is used.
fn struct_time_class(vm: &Vm) -> Arc<Class> {
    let t = &vm.rt.types;
    let name = Arc::new(PyStr::new("struct_time"));
    let cls = Arc::new(Class {
        name: Mutex::new(name.clone()),
        qualname: Mutex::new(name),
        bases: vec![t.tuple.clone()],
        mro: vec![t.tuple.clone(), t.object.clone()],
        dict: Arc::new(Dict::new()),
        metaclass: None,
        layout: Layout::Tuple,
        builtin: false,
        flags: std::sync::atomic::AtomicU32::new(crate::object::class::class_flags::UNKNOWN),
        tag: crate::object::class::next_class_tag(),
        finalizers: Default::default(),
        extra: Default::default(),
    });
    cls.dict.set_item_str("__module__", Value::str("time"));
    for (i, f) in FIELDS.iter().enumerate() {
        prop(&vm.rt, &cls, f, move |_vm, a| match a.pos.first().map(builtin_of) {
            Some(Value::Tuple(t)) => Ok(t.items.get(i).cloned().unwrap_or(Value::None)),
            _ => Ok(Value::None),
        });
    }
    prop(&vm.rt, &cls, "tm_zone", |_vm, _a| Ok(Value::str("UTC")));
    prop(&vm.rt, &cls, "tm_gmtoff", |_vm, _a| Ok(Value::Int(0)));
    def(&cls.dict, "__repr__", |vm, a| {
        let items = match a.pos.first().map(builtin_of) {
            Some(Value::Tuple(t)) => t.items.to_vec(),
            _ => vec![],
        };
        let mut parts = Vec::new();
        for (f, v) in FIELDS.iter().zip(items.iter()) {
            parts.push(format!("{f}={}", vm.repr_of(v)?));
        }
        Ok(Value::string(format!("time.struct_time({})", parts.join(", "))))
    });
    def(&cls.dict, "__reduce__", |_vm, a| Ok(a.pos.first().map(builtin_of).unwrap_or(Value::None)));
    cls
}

fn tuple_of(cls: &Arc<Class>, f: [i64; 9]) -> Value {
    let t = Value::tuple(f.iter().map(|x| Value::Int(*x)).collect());
    Value::Instance(Arc::new(Instance::new(cls.clone(), Payload::Builtin(t))))
}

fn secs_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(now_f64().floor() as i64),
        Some(v) => Ok(vm.to_float(v)?.floor() as i64),
    }
}

fn fields_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<[i64; 9]> {
    match v {
        None | Some(Value::None) => Ok(broken_down(now_f64().floor() as i64)),
        Some(t) => {
            let items = vm.collect(t)?;
            if items.len() < 9 {
                return Err(vm.type_error("time tuple must have 9 elements"));
            }
            let mut f = [0i64; 9];
            for (i, x) in items.iter().take(9).enumerate() {
                f[i] = vm.index_of(x)?;
            }
            Ok(f)
        }
    }
}

fn asctime(f: &[i64; 9]) -> String {
    format!(
        "{} {} {:2} {:02}:{:02}:{:02} {}",
        &DAYS[f[6].rem_euclid(7) as usize][..3],
        &MONTHS[(f[1] - 1).clamp(0, 11) as usize][..3],
        f[2],
        f[3],
        f[4],
        f[5],
        f[0]
    )
}

/// `time.strftime` for the common directives.
pub fn strftime(fmt: &str, f: &[i64; 9]) -> String {
    let mut out = String::new();
    let mut it = fmt.chars();
    while let Some(c) = it.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = it.next() else {
            out.push('%');
            break;
        };
        let wd = f[6].rem_euclid(7) as usize;
        let mo = (f[1] - 1).clamp(0, 11) as usize;
        let h12 = if f[3] % 12 == 0 { 12 } else { f[3] % 12 };
        match d {
            'Y' => out.push_str(&f[0].to_string()),
            'y' => out.push_str(&format!("{:02}", f[0].rem_euclid(100))),
            'm' => out.push_str(&format!("{:02}", f[1])),
            'd' => out.push_str(&format!("{:02}", f[2])),
            'e' => out.push_str(&format!("{:2}", f[2])),
            'H' => out.push_str(&format!("{:02}", f[3])),
            'I' => out.push_str(&format!("{h12:02}")),
            'M' => out.push_str(&format!("{:02}", f[4])),
            'S' => out.push_str(&format!("{:02}", f[5])),
            'j' => out.push_str(&format!("{:03}", f[7])),
            'a' => out.push_str(&DAYS[wd][..3]),
            'A' => out.push_str(DAYS[wd]),
            'b' | 'h' => out.push_str(&MONTHS[mo][..3]),
            'B' => out.push_str(MONTHS[mo]),
            'p' => out.push_str(if f[3] < 12 { "AM" } else { "PM" }),
            'w' => out.push_str(&((wd + 1) % 7).to_string()),
            'u' => out.push_str(&(wd + 1).to_string()),
            'Z' => out.push_str("UTC"),
            'z' => out.push_str("+0000"),
            'c' => out.push_str(&asctime(f)),
            'x' => out.push_str(&format!("{:02}/{:02}/{:02}", f[1], f[2], f[0].rem_euclid(100))),
            'X' | 'T' => out.push_str(&format!("{:02}:{:02}:{:02}", f[3], f[4], f[5])),
            'D' => out.push_str(&format!("{:02}/{:02}/{:02}", f[1], f[2], f[0].rem_euclid(100))),
            'F' => out.push_str(&format!("{}-{:02}-{:02}", f[0], f[1], f[2])),
            'R' => out.push_str(&format!("{:02}:{:02}", f[3], f[4])),
            'n' => out.push('\n'),
            't' => out.push('\t'),
            '%' => out.push('%'),
            other => {
                out.push('%');
                out.push(other);
            }
        }
    }
    out
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
    d.set_item_str("timezone", Value::Int(0));
    d.set_item_str("altzone", Value::Int(0));
    // struct_time's item count, which `_strptime` slices by.
    d.set_item_str("_STRUCT_TM_ITEMS", Value::Int(11));
    d.set_item_str("daylight", Value::Int(0));
    d.set_item_str("tzname", Value::tuple(vec![Value::str("UTC"), Value::str("UTC")]));
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
    let st = struct_time_class(vm);
    d.set_item_str("struct_time", Value::Class(st.clone()));
    for name in ["localtime", "gmtime"] {
        let st = st.clone();
        def(&d, name, move |vm, a| {
            let s = secs_arg(vm, a.pos.first())?;
            Ok(tuple_of(&st, broken_down(s)))
        });
    }
    def(&d, "mktime", |vm, a| {
        let f = fields_arg(vm, a.pos.first())?;
        let days = days_from_civil(f[0], f[1], f[2]);
        Ok(Value::Float((days * 86_400 + f[3] * 3600 + f[4] * 60 + f[5]) as f64))
    });
    // CPython's C `time.strptime` hands the work to the pure-Python `_strptime` module too.
    def(&d, "strptime", |vm, a| {
        a.no_kw(vm, "strptime")?;
        a.check(vm, "strptime", 1, 2)?;
        let module = vm.import_name("_strptime", 0, true)?;
        vm.call_method(&module, "_strptime_time", a.pos.to_vec())
    });
    def(&d, "strftime", |vm, a| {
        a.check(vm, "strftime", 1, 2)?;
        let Value::Str(fmt) = &a.pos[0] else {
            return Err(vm.type_error("strftime() argument 1 must be str"));
        };
        let f = fields_arg(vm, a.pos.get(1))?;
        Ok(Value::string(strftime(fmt.as_str(), &f)))
    });
    def(&d, "asctime", |vm, a| {
        let f = fields_arg(vm, a.pos.first())?;
        Ok(Value::string(asctime(&f)))
    });
    def(&d, "ctime", |vm, a| {
        let s = secs_arg(vm, a.pos.first())?;
        Ok(Value::string(asctime(&broken_down(s))))
    });
    def(&d, "_is_leap", |vm, a| {
        let y = vm.index_of(&a.pos[0])?;
        Ok(Value::Bool(is_leap(y)))
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
