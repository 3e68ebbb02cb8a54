//! Process plumbing for `spawn_process` and `multiprocessing` (no Python
//! here): starting a worker child, the framed socket both sides talk over,
//! shared memory segments and the futex words cross-process locks wait on.
//!
//! A worker is the same gilt binary (`std::env::current_exe`) started as
//! `gilt [GIL flags] --mp-worker [SCRIPT ARGS...]` (the `spawn` start
//! method), or a copy of this process made by `fork()` (the `fork` start
//! method, [`Worker::forked`], CPython's default on Linux). A spawned worker's stdin is /dev/null,
//! its stdout and stderr are the parent's. Parent and child talk over one
//! `AF_UNIX` socket pair; the child's end is file descriptor 3
//! ([`CHILD_FD`]). Messages are frames: a little-endian `u32` length, then
//! that many bytes (the value encoding is in `stdlib/mp_wire.rs`). The
//! parent's first frame is its compiled embedded modules
//! (`runtime/code_cache.rs`, read by [`preload_frame`]).

use std::io::{self, Read, Write};
use std::os::fd::{AsRawFd, FromRawFd};
use std::os::unix::net::UnixStream;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Command, Stdio};
use std::sync::atomic::AtomicI32;
use std::time::{Duration, Instant};

use parking_lot::Mutex;

/// The child's end of the protocol socket.
pub const CHILD_FD: i32 = 3;

/// One started worker: the OS process and the parent's end of the socket.
/// Spawned and forked workers alike are our children, reaped with `waitpid`.
pub struct Worker {
    /// The child's process id.
    pub pid: u32,
    exit: Mutex<Option<i32>>,
    /// The framed socket to the child.
    pub chan: Channel,
}

/// A framed, full-duplex socket; reads and writes are locked separately so
/// one thread may wait for a message while another sends.
pub struct Channel {
    reader: Mutex<UnixStream>,
    writer: Mutex<UnixStream>,
    fd: i32,
}

/// What a `recv` with a deadline saw.
pub enum Recv {
    /// A whole frame.
    Frame(Vec<u8>),
    /// Nothing before the deadline.
    Timeout,
    /// The other side closed its end (exited or died).
    Eof,
}

impl Channel {
    /// Wraps a connected socket.
    pub fn new(s: UnixStream) -> io::Result<Channel> {
        let fd = s.as_raw_fd();
        let w = s.try_clone()?;
        Ok(Channel { reader: Mutex::new(s), writer: Mutex::new(w), fd })
    }

    /// Sends one frame.
    pub fn send(&self, payload: &[u8]) -> io::Result<()> {
        let mut w = self.writer.lock();
        let mut buf = Vec::with_capacity(payload.len() + 4);
        buf.extend_from_slice(&(payload.len() as u32).to_le_bytes());
        buf.extend_from_slice(payload);
        w.write_all(&buf)
    }

    /// Sends one frame built in place: `frame` starts with 4 spare bytes,
    /// which become the length header (no copy of a large payload).
    pub fn send_framed(&self, frame: &mut [u8]) -> io::Result<()> {
        let n = u32::try_from(frame.len() - 4)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "message too large (4 GiB or more)"))?;
        frame[..4].copy_from_slice(&n.to_le_bytes());
        self.writer.lock().write_all(frame)
    }

    /// Sends a frame that already starts with its length header.
    pub fn send_raw(&self, frame: &[u8]) -> io::Result<()> {
        self.writer.lock().write_all(frame)
    }

    /// Asks for a send buffer of `bytes` (the kernel caps it at
    /// `net.core.wmem_max`) and returns about how much one send can now
    /// queue without waiting for the peer to read: three quarters of what
    /// was granted (the rest is the kernel's bookkeeping), less room for the
    /// messages that follow.
    pub fn reserve_send_buffer(&self, bytes: usize) -> usize {
        let fd = self.writer.lock().as_raw_fd();
        let want = libc::c_int::try_from(bytes).unwrap_or(libc::c_int::MAX);
        let mut got: libc::c_int = 0;
        let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
        // SAFETY: plain get/setsockopt on our own socket with properly sized
        // int arguments.
        unsafe {
            libc::setsockopt(
                fd,
                libc::SOL_SOCKET,
                libc::SO_SNDBUF,
                (&raw const want).cast(),
                std::mem::size_of::<libc::c_int>() as libc::socklen_t,
            );
            if libc::getsockopt(fd, libc::SOL_SOCKET, libc::SO_SNDBUF, (&raw mut got).cast(), &mut len) != 0 {
                return 0;
            }
        }
        (usize::try_from(got).unwrap_or(0) * 3 / 4).saturating_sub(16 << 10)
    }

    /// Waits up to `slice` for input to be readable (or the peer to close).
    pub fn readable(&self, slice: Duration) -> bool {
        let mut p = libc::pollfd { fd: self.fd, events: libc::POLLIN, revents: 0 };
        let ms = slice.as_millis().min(i32::MAX as u128) as i32;
        // SAFETY: one valid pollfd for the duration of the call.
        let n = unsafe { libc::poll(&mut p, 1, ms) };
        n > 0
    }

    /// Reads one frame; blocks until a frame or EOF arrives.
    pub fn recv_blocking(&self) -> io::Result<Recv> {
        let mut r = self.reader.lock();
        let mut len = [0u8; 4];
        match r.read_exact(&mut len) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(Recv::Eof),
            Err(e) if e.kind() == io::ErrorKind::ConnectionReset => return Ok(Recv::Eof),
            Err(e) => return Err(e),
        }
        let mut buf = vec![0u8; u32::from_le_bytes(len) as usize];
        match r.read_exact(&mut buf) {
            Ok(()) => Ok(Recv::Frame(buf)),
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Ok(Recv::Eof),
            Err(e) => Err(e),
        }
    }

    /// Closes both directions (the peer then reads EOF).
    pub fn shutdown(&self) {
        let _ = self.writer.lock().shutdown(std::net::Shutdown::Both);
    }
}

/// Starts a worker child. Fails with `Unsupported` when the CLI never set
/// the worker argument list (gilt embedded without its command line).
pub fn spawn_worker(worker_argv: &[String]) -> io::Result<Worker> {
    let argv = if worker_argv.is_empty() { vec!["--mp-worker".into()] } else { worker_argv.to_vec() };
    let exe = std::env::current_exe()?;
    let (mine, theirs) = UnixStream::pair()?;
    let fd = theirs.as_raw_fd();
    let mut cmd = Command::new(exe);
    cmd.args(&argv).stdin(Stdio::null());
    // Workers are short-lived and start-up bound: without transparent huge
    // pages the allocator's fresh memory costs half the page faults.
    cmd.env("MIMALLOC_ALLOW_THP", "0");
    // SAFETY: between fork and exec only async-signal-safe calls: dup2
    // moves the child's end to fd 3 (and clears close-on-exec there).
    unsafe {
        cmd.pre_exec(move || {
            if libc::dup2(fd, CHILD_FD) < 0 {
                return Err(io::Error::last_os_error());
            }
            Ok(())
        });
    }
    // The std handle is dropped without waiting: `poll_exit` reaps by pid.
    let child = cmd.spawn()?;
    drop(theirs);
    Ok(Worker { pid: child.id(), exit: Mutex::new(None), chan: Channel::new(mine)? })
}

fn status_code(s: std::process::ExitStatus) -> i32 {
    match (s.code(), s.signal()) {
        (Some(c), _) => c,
        (None, Some(sig)) => -sig,
        _ => 1,
    }
}

impl Worker {
    /// The parent's side of a worker made by `fork()`: its pid and the
    /// parent's end of the socket pair made before the fork.
    pub fn forked(pid: u32, mine: UnixStream) -> io::Result<Worker> {
        Ok(Worker { pid, exit: Mutex::new(None), chan: Channel::new(mine)? })
    }

    /// The exit code if the child has exited (negative: killed by signal).
    pub fn poll_exit(&self) -> Option<i32> {
        let mut e = self.exit.lock();
        if e.is_none() {
            let mut status: libc::c_int = 0;
            // SAFETY: waitpid(2) on our own child, without blocking.
            let r = unsafe { libc::waitpid(self.pid as libc::pid_t, &mut status, libc::WNOHANG) };
            if r == self.pid as libc::pid_t {
                *e = Some(status_code(std::process::ExitStatus::from_raw(status)));
            } else if r == -1 && io::Error::last_os_error().raw_os_error() == Some(libc::ECHILD) {
                // Reaped by someone else (`os.wait()` in the script): the
                // status is lost, but the child is gone.
                *e = Some(255);
            }
        }
        *e
    }

    /// Waits until the child exits or `slice` passes; polls with a short,
    /// growing sleep (a child that just closed its socket exits at once).
    pub fn wait_slice(&self, slice: Duration) -> Option<i32> {
        let end = Instant::now() + slice;
        let mut nap = Duration::from_micros(50);
        loop {
            if let Some(c) = self.poll_exit() {
                return Some(c);
            }
            let now = Instant::now();
            if now >= end {
                return None;
            }
            std::thread::sleep(nap.min(end - now));
            nap = (nap * 2).min(Duration::from_millis(5));
        }
    }

    /// Sends a signal (SIGTERM for terminate, SIGKILL for kill) unless the
    /// child already exited.
    pub fn signal(&self, sig: i32) {
        if self.poll_exit().is_none() {
            // SAFETY: plain kill(2) on our own, not yet reaped, child.
            unsafe {
                libc::kill(self.pid as i32, sig);
            }
        }
    }
}

/// The first frame a parent sends every worker, read once: its compiled
/// embedded modules (`runtime/code_cache.rs`). Whoever needs fd 3 first
/// reads it — the first import that misses the cache, or
/// [`child_channel`] — so the protocol's own messages follow it. `None`
/// when fd 3 is not a parent's socket or the parent went away.
pub fn preload_frame() -> Option<&'static [u8]> {
    static FRAME: std::sync::OnceLock<Option<Vec<u8>>> = std::sync::OnceLock::new();
    FRAME
        .get_or_init(|| {
            // SAFETY: fd 3 is the socket the parent placed there (this runs
            // in a worker only); ManuallyDrop leaves it open for
            // `child_channel`, which takes ownership later.
            let mut f = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(CHILD_FD) });
            let mut len = [0u8; 4];
            f.read_exact(&mut len).ok()?;
            let mut buf = vec![0u8; u32::from_le_bytes(len) as usize];
            f.read_exact(&mut buf).ok()?;
            Some(buf)
        })
        .as_deref()
}

/// The child's side: wraps fd 3 and starts a watchdog that exits this
/// process when the parent dies (so killed parents never leave orphans).
pub fn child_channel() -> io::Result<Channel> {
    // The code cache frame comes first; skip it if no import has read it.
    let _ = preload_frame();
    // SAFETY: fd 3 was placed there by the parent's pre_exec and nothing
    // else in this process owns it.
    let s = unsafe { UnixStream::from_raw_fd(CHILD_FD) };
    // SAFETY: setting close-on-exec on our own descriptor.
    unsafe {
        libc::fcntl(CHILD_FD, libc::F_SETFD, libc::FD_CLOEXEC);
    }
    watch_parent();
    Channel::new(s)
}

/// A forked worker's side: its end of the socket pair made before the
/// fork, with the same parent watchdog as a spawned worker.
pub fn forked_child_channel(s: UnixStream) -> io::Result<Channel> {
    watch_parent();
    Channel::new(s)
}

/// Starts a thread that exits this process as soon as its parent is gone.
fn watch_parent() {
    let parent = std::os::unix::process::parent_id();
    let _ = std::thread::Builder::new().name("mp-watchdog".into()).spawn(move || {
        crate::runtime::interrupt::block_all_signals();
        loop {
            std::thread::sleep(Duration::from_millis(100));
            if std::os::unix::process::parent_id() != parent {
                let _ = io::stdout().flush();
                // SAFETY: terminating the process immediately.
                unsafe { libc::_exit(1) };
            }
        }
    });
}

/// A shared memory segment: a file in /dev/shm mapped `MAP_SHARED`, so
/// every process that maps it sees the same bytes. The creating process
/// unlinks the file when its handle is dropped.
pub struct Shm {
    ptr: *mut u8,
    /// Size in bytes.
    pub len: usize,
    /// The file name under /dev/shm.
    pub name: String,
    owner: bool,
}

// SAFETY: the mapping is plain shared memory; all access goes through the
// methods below (atomics for the control words, bounds-checked copies).
unsafe impl Send for Shm {}
// SAFETY: as above.
unsafe impl Sync for Shm {}

impl Shm {
    /// Creates and maps a zero-filled segment of `len` bytes; `n` makes the
    /// name unique within this process.
    pub fn create(n: usize, len: usize) -> io::Result<Shm> {
        let name = format!("gilt-{}-{n}", std::process::id());
        Self::map(name, len.max(8), true)
    }

    /// Maps an existing segment by name (in a child).
    pub fn open(name: &str, len: usize) -> io::Result<Shm> {
        if name.contains('/') || !name.starts_with("gilt-") {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "bad shared memory name"));
        }
        Self::map(name.to_string(), len, false)
    }

    fn map(name: String, len: usize, create: bool) -> io::Result<Shm> {
        let path = format!("/dev/shm/{name}");
        let f = std::fs::OpenOptions::new().read(true).write(true).create(create).truncate(false).open(&path)?;
        if create {
            f.set_len(len as u64)?;
        }
        // SAFETY: mapping a regular file of at least `len` bytes, shared.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED,
                f.as_raw_fd(),
                0,
            )
        };
        if ptr == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        Ok(Shm { ptr: ptr as *mut u8, len, name, owner: create })
    }

    /// Copies `out.len()` bytes from `off`; false when out of bounds.
    pub fn read(&self, off: usize, out: &mut [u8]) -> bool {
        if off.checked_add(out.len()).is_none_or(|e| e > self.len) {
            return false;
        }
        // SAFETY: bounds checked above; plain (racy by design) byte copy.
        unsafe { std::ptr::copy_nonoverlapping(self.ptr.add(off), out.as_mut_ptr(), out.len()) };
        true
    }

    /// Copies `data` to `off`; false when out of bounds.
    pub fn write(&self, off: usize, data: &[u8]) -> bool {
        if off.checked_add(data.len()).is_none_or(|e| e > self.len) {
            return false;
        }
        // SAFETY: bounds checked above.
        unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), self.ptr.add(off), data.len()) };
        true
    }

    /// The 32-bit atomic word at byte offset `off` (4-aligned, in bounds).
    pub fn word(&self, off: usize) -> Option<&AtomicI32> {
        if !off.is_multiple_of(4) || off + 4 > self.len {
            return None;
        }
        // SAFETY: aligned, in bounds, lives as long as the mapping.
        Some(unsafe { &*(self.ptr.add(off) as *const AtomicI32) })
    }
}

impl Drop for Shm {
    fn drop(&mut self) {
        // SAFETY: unmapping what `map` mapped.
        unsafe {
            libc::munmap(self.ptr as *mut libc::c_void, self.len);
        }
        if self.owner {
            let _ = std::fs::remove_file(format!("/dev/shm/{}", self.name));
        }
    }
}

/// Sleeps until the word changes from `expected`, a wake, or `slice`
/// passes (a shared, not process-private, futex: works across processes).
pub fn futex_wait(w: &AtomicI32, expected: i32, slice: Duration) {
    let ts = libc::timespec { tv_sec: slice.as_secs() as libc::time_t, tv_nsec: slice.subsec_nanos() as libc::c_long };
    // SAFETY: FUTEX_WAIT on a valid aligned word with a valid timeout.
    unsafe {
        libc::syscall(libc::SYS_futex, w.as_ptr(), libc::FUTEX_WAIT, expected, &ts as *const libc::timespec);
    }
}

/// Wakes up to `n` processes waiting on the word.
pub fn futex_wake(w: &AtomicI32, n: i32) {
    // SAFETY: FUTEX_WAKE on a valid aligned word.
    unsafe {
        libc::syscall(libc::SYS_futex, w.as_ptr(), libc::FUTEX_WAKE, n);
    }
}
