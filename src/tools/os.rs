//! The OS calls the tools need that std lacks, each in one small function:
//! CPU affinity (`--cpus N`), the CPU time of finished children, and the
//! terminal's width (`--timeline`).

use std::time::Duration;

/// Restricts this process (and every child it starts later, which inherit
/// the mask) to its first `n` allowed CPUs. Returns how many it kept.
pub fn restrict_cpus(n: usize) -> Result<usize, String> {
    if n == 0 {
        return Err("--cpus must be at least 1".into());
    }
    // SAFETY: cpu_set_t is plain data; the pointers are to locals of the right size.
    unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        if libc::sched_getaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &mut set) != 0 {
            return Err(std::io::Error::last_os_error().to_string());
        }
        let mut keep: libc::cpu_set_t = std::mem::zeroed();
        let mut kept = 0;
        for cpu in 0..libc::CPU_SETSIZE as usize {
            if kept < n && libc::CPU_ISSET(cpu, &set) {
                libc::CPU_SET(cpu, &mut keep);
                kept += 1;
            }
        }
        if libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &keep) != 0 {
            return Err(std::io::Error::last_os_error().to_string());
        }
        Ok(kept)
    }
}

/// User + system CPU time of all waited-for children so far.
pub fn children_cpu_time() -> Duration {
    // SAFETY: getrusage fills the zeroed struct we pass.
    let ru = unsafe {
        let mut ru: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut ru);
        ru
    };
    let tv = |t: libc::timeval| Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64);
    tv(ru.ru_utime) + tv(ru.ru_stime)
}

/// The width of the terminal on stderr, else on stdout (`None` when neither is one).
pub fn terminal_columns() -> Option<usize> {
    [libc::STDERR_FILENO, libc::STDOUT_FILENO].into_iter().find_map(|fd| {
        // SAFETY: TIOCGWINSZ fills the zeroed winsize we own; fd is a standard stream
        // (on a non-terminal the call fails and nothing is read).
        let ws = unsafe {
            let mut ws: libc::winsize = std::mem::zeroed();
            if libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) != 0 {
                return None;
            }
            ws
        };
        (ws.ws_col > 0).then_some(ws.ws_col as usize)
    })
}

/// The size (rows, columns) of the terminal on stderr (`None` when it is not one).
pub fn stderr_terminal_size() -> Option<(usize, usize)> {
    // SAFETY: TIOCGWINSZ fills the zeroed winsize we own; on a non-terminal it fails.
    let ws = unsafe {
        let mut ws: libc::winsize = std::mem::zeroed();
        if libc::ioctl(libc::STDERR_FILENO, libc::TIOCGWINSZ, &mut ws) != 0 {
            return None;
        }
        ws
    };
    (ws.ws_row > 0 && ws.ws_col > 0).then_some((ws.ws_row as usize, ws.ws_col as usize))
}
