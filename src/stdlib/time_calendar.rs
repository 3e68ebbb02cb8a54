//! `time`'s calendar half: `struct_time`, `localtime`, `gmtime`, `mktime`,
//! `strftime`, `asctime`, `ctime`, `tzset` and the zone constants.
//!
//! Everything goes through the C library, as CPython's timemodule.c does, so
//! the local time zone (`TZ`, /etc/localtime), daylight saving time and every
//! `strftime` directive are the system's: a class outside UTC sees its own
//! clock in `datetime.now()`.

use std::ffi::{CStr, CString};
use std::sync::Arc;

use super::def;
use super::posix_args::errno_error;
use super::structseq::{Spec, make_class, new_value};
use super::types_containers::builtin_of;
use crate::object::class::Class;
use crate::object::dict::Dict;
use crate::object::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

const STRUCT_TIME: Spec = Spec {
    module: "time",
    name: "struct_time",
    fields: &[
        "tm_year",
        "tm_mon",
        "tm_mday",
        "tm_hour",
        "tm_min",
        "tm_sec",
        "tm_wday",
        "tm_yday",
        "tm_isdst",
        "tm_zone",
        "tm_gmtoff",
    ],
    n_seq: 9,
};

unsafe extern "C" {
    /// POSIX tzset(3); the libc crate does not declare it.
    fn tzset();
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL)
}

fn out_of_range(vm: &Vm) -> PyErr {
    vm.overflow_error("timestamp out of range for platform time_t")
}

/// Seconds since the epoch as a `time_t`, read as CPython's
/// `_PyTime_ObjectToTime_t` (floor): None is now.
fn time_t_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<libc::time_t> {
    let v = match v {
        None | Some(Value::None) => {
            // SAFETY: time(NULL) only returns the current time.
            return Ok(unsafe { libc::time(std::ptr::null_mut()) });
        }
        Some(v) => v,
    };
    if let Some(f) = vm.as_f64(v)?
        && matches!(v, Value::Flt(_))
    {
        if f.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        let f = f.floor();
        if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&f) {
            return Err(out_of_range(vm));
        }
        return Ok(f as libc::time_t);
    }
    match vm.exact_index(v)? {
        Some(Value::Int(i)) => Ok(i),
        Some(_) => Err(out_of_range(vm)),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// A `struct_time` from C's broken-down time.
fn struct_time(cls: &Arc<Class>, tm: &libc::tm) -> Value {
    let zone = if tm.tm_zone.is_null() {
        Value::None
    } else {
        // SAFETY: the C library set tm_zone to a NUL-terminated string it owns.
        Value::string(unsafe { CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned())
    };
    let ints = [
        tm.tm_year as i64 + 1900,
        tm.tm_mon as i64 + 1,
        tm.tm_mday as i64,
        tm.tm_hour as i64,
        tm.tm_min as i64,
        tm.tm_sec as i64,
        (tm.tm_wday as i64 + 6) % 7,
        tm.tm_yday as i64 + 1,
        tm.tm_isdst as i64,
    ];
    let mut values: Vec<Value> = ints.iter().map(|i| Value::Int(*i)).collect();
    values.push(zone);
    values.push(Value::Int(tm.tm_gmtoff));
    new_value(cls, STRUCT_TIME, values)
}

/// `localtime_r` or `gmtime_r`, with CPython's OSError when the C library refuses.
fn broken_down(vm: &Vm, t: libc::time_t, local: bool) -> PyResult<libc::tm> {
    // SAFETY: an all-zero tm is a valid value for the C library to overwrite.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: both functions write into `tm` and read only `t`.
    let ok = unsafe {
        if local { !libc::localtime_r(&t, &mut tm).is_null() } else { !libc::gmtime_r(&t, &mut tm).is_null() }
    };
    if ok { Ok(tm) } else { Err(errno_error(vm, errno(), None, None)) }
}

/// A C `struct tm` from a time tuple or `struct_time` (CPython's `gettmarg`),
/// with the zone string it points to kept alive beside it.
fn tm_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<(libc::tm, Option<CString>)> {
    let Value::Tuple(t) = builtin_of(v) else {
        return Err(vm.type_error("Tuple or struct_time argument required"));
    };
    if t.items.len() != 9 {
        return Err(vm.type_error(&format!("{fname}(): illegal time tuple argument")));
    }
    let mut f = [0i32; 9];
    for (slot, item) in f.iter_mut().zip(t.items.iter()) {
        let n = match vm.exact_index(item)? {
            Some(Value::Int(i)) => i,
            Some(Value::BigInt(b)) if b.sign() == num_bigint::Sign::Minus => i64::MIN,
            Some(_) => i64::MAX,
            None => {
                let tn = vm.type_name(item);
                return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
            }
        };
        *slot = i32::try_from(n).map_err(|_| {
            vm.overflow_error(if n > 0 {
                "signed integer is greater than maximum"
            } else {
                "signed integer is less than minimum"
            })
        })?;
    }
    if f[0] < i32::MIN + 1900 {
        return Err(vm.overflow_error("year out of range"));
    }
    // SAFETY: an all-zero tm is a valid starting value.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_year = f[0] - 1900;
    tm.tm_mon = f[1] - 1;
    tm.tm_mday = f[2];
    tm.tm_hour = f[3];
    tm.tm_min = f[4];
    tm.tm_sec = f[5];
    tm.tm_wday = (f[6] + 1) % 7;
    tm.tm_yday = f[7] - 1;
    tm.tm_isdst = f[8];
    let mut zone = None;
    if let Value::Instance(inst) = v {
        if let Some(Value::Str(z)) = inst.dict.get_item_str("tm_zone") {
            zone = CString::new(z.as_str()).ok();
        }
        if let Some(Value::Int(off)) = inst.dict.get_item_str("tm_gmtoff") {
            tm.tm_gmtoff = off;
        }
    }
    if let Some(z) = &zone {
        tm.tm_zone = z.as_ptr();
    }
    Ok((tm, zone))
}

/// The range checks `strftime` and `asctime` share (CPython's `checktm`): zero means "the
/// lowest value" for month, day and yday, so `(2000, 0, 0, …)` is January 1st for both.
fn check_tm(vm: &Vm, tm: &mut libc::tm) -> PyResult<()> {
    let bad = |m: &str| Err(vm.value_error(m));
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return bad("month out of range");
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return bad("day of month out of range");
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return bad("hour out of range");
    }
    if !(0..=59).contains(&tm.tm_min) {
        return bad("minute out of range");
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return bad("seconds out of range");
    }
    if tm.tm_wday < 0 {
        return bad("day of week out of range");
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return bad("day of year out of range");
    }
    Ok(())
}

/// `Sun Sep  9 01:46:40 2001`, as CPython formats it (not C's asctime, which stops at 9999).
fn asctime(tm: &libc::tm) -> String {
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        DAYS[tm.tm_wday.rem_euclid(7) as usize],
        MONTHS[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        tm.tm_year as i64 + 1900
    )
}

/// C's strftime into a growing buffer; an empty result is retried larger, as CPython does.
fn c_strftime(vm: &Vm, fmt: &str, tm: &libc::tm) -> PyResult<String> {
    if fmt.contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    let cfmt = CString::new(fmt).map_err(|_| vm.value_error("embedded null character"))?;
    let mut size = 1024.max(fmt.len() * 4);
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: buf has `size` bytes; strftime writes at most that many.
        let n = unsafe { libc::strftime(buf.as_mut_ptr().cast(), size, cfmt.as_ptr(), tm) };
        if n > 0 || size >= 256 * fmt.len().max(1) {
            buf.truncate(n);
            return Ok(String::from_utf8_lossy(&buf).into_owned());
        }
        size *= 2;
    }
}

/// CPython's `init_timezone`: the offsets and names in January and July of this year.
fn set_zone_constants(d: &Dict) {
    // SAFETY: tzset only re-reads TZ into the C library's own state.
    unsafe { tzset() };
    const YEAR: libc::time_t = (365 * 24 + 6) * 3600;
    // SAFETY: time(NULL) only returns the current time.
    let t = unsafe { libc::time(std::ptr::null_mut()) } / YEAR * YEAR;
    let zone_at = |t: libc::time_t| -> (i64, String) {
        // SAFETY: as in `broken_down`.
        let mut tm: libc::tm = unsafe { std::mem::zeroed() };
        // SAFETY: localtime_r writes into `tm` only.
        if unsafe { libc::localtime_r(&t, &mut tm) }.is_null() || tm.tm_zone.is_null() {
            return (0, "UTC".into());
        }
        // SAFETY: tm_zone points to a NUL-terminated string the C library owns.
        let name = unsafe { CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned();
        (-tm.tm_gmtoff, name)
    };
    let (jan, jan_name) = zone_at(t);
    let (july, july_name) = zone_at(t + YEAR / 2);
    // In the southern hemisphere daylight time is in January.
    let ((std, std_name), (dst, dst_name)) =
        if jan < july { ((july, july_name), (jan, jan_name)) } else { ((jan, jan_name), (july, july_name)) };
    d.set_item_str("timezone", Value::Int(std));
    d.set_item_str("altzone", Value::Int(dst));
    d.set_item_str("daylight", Value::Int((jan != july) as i64));
    d.set_item_str("tzname", Value::tuple(vec![Value::string(std_name), Value::string(dst_name)]));
}

/// Adds the calendar functions and constants to the `time` module's namespace.
pub fn register(vm: &mut Vm, d: &Arc<Dict>) {
    set_zone_constants(d);
    // struct_time's item count, which `_strptime` slices by.
    d.set_item_str("_STRUCT_TM_ITEMS", Value::Int(11));
    let st = make_class(vm, STRUCT_TIME);
    d.set_item_str("struct_time", Value::Class(st.clone()));
    for (name, local) in [("localtime", true), ("gmtime", false)] {
        let st = st.clone();
        def(d, name, move |vm, a| {
            a.check(vm, name, 0, 1)?;
            let t = time_t_arg(vm, a.pos.first())?;
            let tm = broken_down(vm, t, local)?;
            Ok(struct_time(&st, &tm))
        });
    }
    // The current local time as a `struct tm`, for the functions whose tuple is optional.
    let now_or = |vm: &mut Vm, v: Option<&Value>, fname: &str| -> PyResult<(libc::tm, Option<CString>)> {
        match v {
            None => {
                let t = time_t_arg(vm, None)?;
                Ok((broken_down(vm, t, true)?, None))
            }
            Some(v) => tm_arg(vm, v, fname),
        }
    };
    def(d, "mktime", |vm, a| {
        a.check(vm, "mktime", 1, 1)?;
        let (mut tm, _zone) = tm_arg(vm, &a.pos[0], "mktime")?;
        // A wday mktime never writes marks the failure (-1 is also a valid time).
        tm.tm_wday = -1;
        // SAFETY: mktime normalises `tm` in place.
        let t = unsafe { libc::mktime(&mut tm) };
        if t == -1 && tm.tm_wday == -1 {
            return Err(vm.overflow_error("mktime argument out of range"));
        }
        Ok(Value::Float(t as f64))
    });
    def(d, "strftime", move |vm, a| {
        a.check(vm, "strftime", 1, 2)?;
        let Value::Str(fmt) = &a.pos[0] else {
            let tn = vm.type_name(&a.pos[0]);
            return Err(vm.type_error(&format!("strftime() argument 1 must be str, not {tn}")));
        };
        let (mut tm, _zone) = now_or(vm, a.pos.get(1), "strftime")?;
        check_tm(vm, &mut tm)?;
        // Some libcs index an array by the sign of tm_isdst, so only -1, 0 and 1 reach them.
        tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
        Ok(Value::string(c_strftime(vm, fmt.as_str(), &tm)?))
    });
    def(d, "asctime", move |vm, a| {
        a.check(vm, "asctime", 0, 1)?;
        let (mut tm, _zone) = now_or(vm, a.pos.first(), "asctime")?;
        check_tm(vm, &mut tm)?;
        Ok(Value::string(asctime(&tm)))
    });
    def(d, "ctime", |vm, a| {
        a.check(vm, "ctime", 0, 1)?;
        let t = time_t_arg(vm, a.pos.first())?;
        let tm = broken_down(vm, t, true)?;
        Ok(Value::string(asctime(&tm)))
    });
    let module_dict = d.clone();
    def(d, "tzset", move |_vm, _a| {
        set_zone_constants(&module_dict);
        Ok(Value::None)
    });
}
