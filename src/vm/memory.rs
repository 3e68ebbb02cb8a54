//! Allocations whose size a script chooses (`"ab" * n`, `bytes(n)`,
//! `1 << n`, `x ** n`, `[0] * n`) are checked before they are made, so a
//! request the machine cannot satisfy is a `MemoryError`, as in CPython,
//! instead of Rust's abort on a failed allocation.

use super::{PyErr, PyResult, Vm};

/// No machine gilt runs on has this much memory: refuse at once, without
/// asking the OS (CPython's malloc fails just as quickly).
const HARD_LIMIT: u128 = 1 << 40;

/// Requests below this are too small to be worth a probe: a failure there
/// means the process is out of memory anyway.
const PROBE_FROM: u128 = 1 << 26;

impl Vm {
    /// A bare `MemoryError` (CPython's has no message).
    pub fn memory_error(&self) -> PyErr {
        self.err("MemoryError", "")
    }

    /// Checks that `bytes` can be allocated now: a `MemoryError` when the
    /// size is beyond any machine or the OS refuses it (`ulimit -v`, the
    /// kernel's overcommit heuristic). The probe reserves address space
    /// only and gives it back at once; it touches no page.
    pub fn check_alloc(&self, bytes: u128) -> PyResult<()> {
        if bytes < PROBE_FROM {
            return Ok(());
        }
        if bytes > HARD_LIMIT || bytes > machine_memory() || Vec::<u8>::new().try_reserve_exact(bytes as usize).is_err()
        {
            return Err(self.memory_error());
        }
        Ok(())
    }

    /// An empty vector with room for `n` items, or a `MemoryError`.
    pub fn try_vec<T>(&self, n: usize) -> PyResult<Vec<T>> {
        let bytes = (n as u128) * (std::mem::size_of::<T>().max(1) as u128);
        if bytes > HARD_LIMIT {
            return Err(self.memory_error());
        }
        let mut v = Vec::new();
        v.try_reserve_exact(n).map_err(|_| self.memory_error())?;
        Ok(v)
    }
}

/// Physical memory plus swap: no single object larger than that can ever
/// be filled. The allocator (mimalloc) maps memory without reserving it, so
/// the kernel's overcommit check that makes CPython's malloc fail at once
/// does not apply to the probe: this is that check.
fn machine_memory() -> u128 {
    // SAFETY: sysinfo only writes the struct it is given.
    let mut info: libc::sysinfo = unsafe { std::mem::zeroed() };
    if unsafe { libc::sysinfo(&mut info) } != 0 {
        return HARD_LIMIT;
    }
    (info.totalram as u128 + info.totalswap as u128) * info.mem_unit.max(1) as u128
}
