//! Parked OS threads, reused to run Python threads (issue 3: thread start +
//! join latency).
//!
//! Creating an OS thread with the 64 MiB stack a Python thread needs costs
//! more than the rest of `Thread.start()`: the stack is larger than glibc's
//! stack cache, so every thread mmaps a fresh one, faults its first pages in,
//! sets up a signal stack and a new allocator heap, and unmaps it all again
//! at exit. A thread that finishes its job therefore parks here for a while
//! and the next `start_new_thread` hands it the job instead (one futex wake).
//! CPython doesn't pool; nothing a script can see depends on it: gilt's
//! `ident` / `native_id`, `threading.local` and the GIL registration all
//! belong to the *Python* thread (a fresh `Vm` and `GilThread` per job), and
//! the OS thread is renamed for each job so `top -H` and `perf` still show
//! the Python thread's name.
//!
//! Limits: at most [`MAX_IDLE`] threads park at once and each leaves after
//! [`IDLE_TIMEOUT`]; parked threads never keep the process alive (Rust
//! threads are detached and the process ends when the main thread does).
//! A job that panics unwinds its OS thread as before and is never reused.

use std::io;
use std::sync::Arc;
use std::time::Duration;

use parking_lot::{Condvar, Mutex};

/// Stack size of every Python thread: deep enough for the VM's native
/// recursion limit (2,500 nested Rust→Python calls).
pub const STACK_SIZE: usize = 64 << 20;
/// How many finished threads may wait for a job at the same time.
pub const MAX_IDLE: usize = 16;
/// How long a parked thread waits for a job before it exits.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(5);

/// One unit of work: the whole life of a Python thread.
type Job = Box<dyn FnOnce() + Send + 'static>;

/// A parked thread's mailbox: the spawner puts the job and its name here.
struct Slot {
    job: Mutex<Option<(String, Job)>>,
    ready: Condvar,
}

/// The parked threads, most recently parked last (its stack and caches are
/// the warmest, so it is handed out first).
static IDLE: Mutex<Vec<Arc<Slot>>> = Mutex::new(Vec::new());

/// Runs `job` on a parked thread if there is one, else on a new OS thread
/// named `name` with a [`STACK_SIZE`] stack. Returns at once.
pub fn spawn(name: String, job: impl FnOnce() + Send + 'static) -> io::Result<()> {
    let job: Job = Box::new(job);
    let parked = IDLE.lock().pop();
    if let Some(slot) = parked {
        *slot.job.lock() = Some((name, job));
        slot.ready.notify_one();
        return Ok(());
    }
    std::thread::Builder::new().name(name).stack_size(STACK_SIZE).spawn(move || run(job)).map(drop)
}

/// The idle list, locked across a `fork()` so no other thread is changing it.
pub struct ForkLock(parking_lot::MutexGuard<'static, Vec<Arc<Slot>>>);

/// Locks the idle list for a `fork()`; drop the lock in the parent, call
/// [`ForkLock::child`] in the child.
pub fn lock_for_fork() -> ForkLock {
    ForkLock(IDLE.lock())
}

impl ForkLock {
    /// In the child: the parked threads were not copied, so a job handed to
    /// one of them would never run. Forget them all.
    pub fn child(mut self) {
        std::mem::forget(std::mem::take(&mut *self.0));
    }
}

/// The body of a pooled OS thread: the first job, then jobs handed over
/// while parked, until no job comes within [`IDLE_TIMEOUT`].
fn run(first: Job) {
    first();
    let slot = Arc::new(Slot { job: Mutex::new(None), ready: Condvar::new() });
    while let Some((name, job)) = park(&slot) {
        set_os_thread_name(&name);
        job();
    }
}

/// Waits in the idle list for the next job; `None` when the thread should exit.
fn park(slot: &Arc<Slot>) -> Option<(String, Job)> {
    {
        let mut idle = IDLE.lock();
        if idle.len() >= MAX_IDLE {
            return None;
        }
        idle.push(Arc::clone(slot));
    }
    let mut job = slot.job.lock();
    if job.is_none() {
        slot.ready.wait_for(&mut job, IDLE_TIMEOUT);
    }
    if job.is_none() {
        // Timed out: leave the idle list, unless a spawner has just taken
        // this slot out of it — then its job is on the way and must run.
        drop(job);
        let mut idle = IDLE.lock();
        if let Some(i) = idle.iter().position(|s| Arc::ptr_eq(s, slot)) {
            idle.swap_remove(i);
            return None;
        }
        drop(idle);
        job = slot.job.lock();
        while job.is_none() {
            slot.ready.wait(&mut job);
        }
    }
    job.take()
}

/// The OS-level name (`/proc/self/task/*/comm`, 15 bytes), as
/// `std::thread::Builder::name` sets it for a new thread.
fn set_os_thread_name(name: &str) {
    let mut buf = [0u8; 16];
    let bytes = name.as_bytes();
    let n = bytes.len().min(15);
    buf[..n].copy_from_slice(&bytes[..n]);
    // SAFETY: PR_SET_NAME reads a NUL-terminated string of at most 16 bytes
    // from `buf`, which is 16 bytes long and ends in NUL (buf[15] == 0).
    unsafe {
        libc::prctl(libc::PR_SET_NAME, buf.as_ptr() as libc::c_ulong, 0, 0, 0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn jobs_run_and_threads_are_reused() {
        let (tx, rx) = mpsc::channel();
        for i in 0..20 {
            let tx = tx.clone();
            spawn(format!("w{i}"), move || tx.send(i).unwrap()).unwrap();
            assert_eq!(rx.recv().unwrap(), i);
        }
    }

    #[test]
    fn many_at_once_all_run() {
        let (tx, rx) = mpsc::channel();
        for i in 0..64 {
            let tx = tx.clone();
            spawn(format!("m{i}"), move || {
                std::thread::sleep(Duration::from_millis(5));
                tx.send(i).unwrap();
            })
            .unwrap();
        }
        let mut got: Vec<i32> = (0..64).map(|_| rx.recv().unwrap()).collect();
        got.sort_unstable();
        assert_eq!(got, (0..64).collect::<Vec<_>>());
    }
}
