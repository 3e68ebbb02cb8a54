//! I/O readiness for the event loop: one-shot "wake this future when fd is
//! readable/writable" watchers, checked with `poll(2)` (libc) on every loop
//! iteration, plus a self-pipe so `call_soon_threadsafe` can interrupt a
//! poll. `poll` is enough for a teaching loop with a handful of sockets and
//! needs no extra crate (libc is already a dependency).

use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::Mutex;

use super::eventloop_fut::Fut;

/// One watcher: complete `fut` when `fd` is ready.
pub struct IoWait {
    pub fd: i32,
    pub write: bool,
    pub fut: Arc<Fut>,
}

/// The loop's I/O state.
#[derive(Default)]
pub struct IoState {
    pub waits: Mutex<Vec<IoWait>>,
    /// (read end, write end) of the wake-up pipe, made on first use.
    pipe: Mutex<Option<(i32, i32)>>,
}

impl IoState {
    /// Registers a watcher (and makes the wake-up pipe if needed).
    pub fn add(&self, fd: i32, write: bool, fut: Arc<Fut>) {
        {
            let mut p = self.pipe.lock();
            if p.is_none() {
                let mut fds = [0i32; 2];
                // SAFETY: fds is a valid 2-int buffer for pipe(2).
                if unsafe { libc::pipe(fds.as_mut_ptr()) } == 0 {
                    for fd in fds {
                        // SAFETY: plain fcntl on a descriptor we own.
                        unsafe {
                            let fl = libc::fcntl(fd, libc::F_GETFL);
                            libc::fcntl(fd, libc::F_SETFL, fl | libc::O_NONBLOCK);
                        }
                    }
                    *p = Some((fds[0], fds[1]));
                }
            }
        }
        self.waits.lock().push(IoWait { fd, write, fut });
    }

    /// Whether any watcher is registered. Watchers whose future is done
    /// already (cancelled by `remove_reader`, a timeout, a cancelled task)
    /// are dropped here, so a forgotten fd neither stays polled nor keeps
    /// the loop from counting as idle.
    pub fn active(&self) -> bool {
        let mut waits = self.waits.lock();
        waits.retain(|w| w.fut.is_pending());
        !waits.is_empty()
    }

    /// Interrupts a `poll` in progress (from any thread).
    pub fn wake(&self) {
        if let Some((_, w)) = *self.pipe.lock() {
            let b = [1u8];
            // SAFETY: writing one byte from a valid buffer to our pipe.
            unsafe { libc::write(w, b.as_ptr() as *const libc::c_void, 1) };
        }
    }

    /// Polls the watchers until one is ready, the deadline passes, the pipe
    /// is written or `stop()` returns true (checked between short slices).
    /// Returns the futures whose descriptors are ready (their watchers removed).
    pub fn poll(&self, deadline: Option<Instant>, stop: impl Fn() -> bool) -> Vec<Arc<Fut>> {
        let (mut fds, pipe_r) = {
            let waits = self.waits.lock();
            let mut fds: Vec<libc::pollfd> = waits
                .iter()
                .map(|w| libc::pollfd {
                    fd: w.fd,
                    events: if w.write { libc::POLLOUT } else { libc::POLLIN },
                    revents: 0,
                })
                .collect();
            let pipe_r = self.pipe.lock().map(|p| p.0);
            if let Some(r) = pipe_r {
                fds.push(libc::pollfd { fd: r, events: libc::POLLIN, revents: 0 });
            }
            (fds, pipe_r)
        };
        loop {
            let slice = match deadline {
                Some(d) => d.saturating_duration_since(Instant::now()).min(Duration::from_millis(50)),
                None => Duration::from_millis(50),
            };
            // SAFETY: fds is a valid, initialised pollfd array of the given length.
            let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, slice.as_millis() as i32) };
            if n != 0 || stop() || deadline.is_some_and(|d| Instant::now() >= d) {
                break;
            }
        }
        if let Some(r) = pipe_r {
            let mut buf = [0u8; 64];
            // SAFETY: reading into a valid local buffer from our non-blocking pipe.
            while unsafe { libc::read(r, buf.as_mut_ptr() as *mut libc::c_void, buf.len()) } > 0 {}
        }
        let ready: Vec<(i32, bool)> = fds
            .iter()
            .filter(|p| p.revents != 0 && Some(p.fd) != pipe_r)
            .map(|p| (p.fd, p.events == libc::POLLOUT))
            .collect();
        if ready.is_empty() {
            return Vec::new();
        }
        let mut waits = self.waits.lock();
        let mut out = Vec::new();
        waits.retain(|w| {
            if ready.contains(&(w.fd, w.write)) {
                out.push(w.fut.clone());
                false
            } else {
                true
            }
        });
        out
    }
}
