//! The system clocks Python's `time` module and the event loop read.
//!
//! `time.monotonic()`, `time.perf_counter()` and `loop.time()` are all
//! `CLOCK_MONOTONIC` as in CPython on Linux, so their values agree with each
//! other and between processes (a child's timestamp can be compared with
//! its parent's).

/// Clock `clock` in nanoseconds, or the errno when it cannot be read.
pub fn clock_ns(clock: libc::clockid_t) -> Result<i64, i32> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes one timespec into a valid local.
    if unsafe { libc::clock_gettime(clock, &mut ts) } != 0 {
        return Err(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL));
    }
    Ok(ts.tv_sec * 1_000_000_000 + ts.tv_nsec)
}

/// `CLOCK_MONOTONIC` in nanoseconds (it cannot fail on Linux).
pub fn monotonic_ns() -> i64 {
    clock_ns(libc::CLOCK_MONOTONIC).unwrap_or(0)
}

/// `CLOCK_MONOTONIC` in seconds.
pub fn monotonic() -> f64 {
    monotonic_ns() as f64 * 1e-9
}
