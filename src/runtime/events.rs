//! The vocabulary of GIL state changes — why a thread blocked, why it released
//! the GIL — and the seam for recording them (issue 6's `--trace`,
//! `--timeline`, `--report`).
//!
//! Recording is off unless [`GilConfig::events`](super::gil::GilConfig::events)
//! holds an [`EventSink`]. Each registered thread then gets its own
//! [`ThreadEvents`] recorder, owned by that thread, so buffering needs no
//! lock; events happen only at acquire, release and blocking-call boundaries.
//! When recording is off the cost is one never-taken branch per such boundary.

use std::fmt;
use std::time::Instant;

/// What a thread blocks in while the GIL is released.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// `time.sleep` and the `sleep` builtin.
    Sleep,
    /// File, pipe and socket reads and writes, `print` to a file or pipe.
    Io,
    /// Waiting for a thread (or process handle) to finish.
    Join,
    /// Lock, RLock, Condition, Semaphore, Event and Barrier waits.
    Lock,
    /// queue get/put waits.
    Queue,
    /// `select`/`poll`/`epoll` waits, and the event loop's idle wait for timers and I/O readiness.
    Select,
    /// Waiting for a child process.
    Process,
    /// `input()`.
    Input,
    /// Socket accept, connect, recv and send.
    Socket,
    /// An SQLite query or commit running in the database engine.
    Sqlite,
    /// `signal.pause()`, `sigwait` and friends: waiting for a signal.
    Signal,
    /// Anything else that blocks.
    Other,
}

impl BlockKind {
    /// Number of kinds (length of per-kind arrays).
    pub const COUNT: usize = 12;
    /// Every kind, in index order.
    pub const ALL: [BlockKind; Self::COUNT] = [
        BlockKind::Sleep,
        BlockKind::Io,
        BlockKind::Join,
        BlockKind::Lock,
        BlockKind::Queue,
        BlockKind::Select,
        BlockKind::Process,
        BlockKind::Input,
        BlockKind::Socket,
        BlockKind::Sqlite,
        BlockKind::Signal,
        BlockKind::Other,
    ];

    /// Position in per-kind arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Short lower-case name for tables and traces.
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Sleep => "sleep",
            BlockKind::Io => "I/O",
            BlockKind::Join => "join",
            BlockKind::Lock => "lock",
            BlockKind::Queue => "queue",
            BlockKind::Select => "select",
            BlockKind::Process => "process",
            BlockKind::Input => "input",
            BlockKind::Socket => "socket",
            BlockKind::Sqlite => "sqlite",
            BlockKind::Signal => "signal",
            BlockKind::Other => "other",
        }
    }
}

/// Why a thread gave up the GIL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReleaseReason {
    /// Another thread waited a switch interval and asked (forced switch).
    DropRequest,
    /// Around a blocking call, voluntarily.
    BlockingCall(BlockKind),
    /// The thread finished.
    ThreadExit,
    /// `ticks=N`: the periodic release of Python 2's GIL.
    PolicyTick,
    /// `instr=N`: the periodic forced hand-off.
    PolicyInstr,
}

impl fmt::Display for ReleaseReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReleaseReason::DropRequest => f.write_str("drop request"),
            ReleaseReason::BlockingCall(kind) => write!(f, "blocking call ({})", kind.name()),
            ReleaseReason::ThreadExit => f.write_str("thread exit"),
            ReleaseReason::PolicyTick => f.write_str("policy tick"),
            ReleaseReason::PolicyInstr => f.write_str("policy instr"),
        }
    }
}

/// A thread's id within its [`Gil`](super::gil::Gil): 1, 2, 3… in registration order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GilThreadId(pub u32);

/// One recorded GIL event (issue 6 turns these into timelines).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GilEvent {
    /// The thread asked for the GIL.
    Request,
    /// The thread took the GIL; `from` is the previous holder if it was
    /// another thread. With the GIL off: the thread (re)started running
    /// Python code, e.g. after a blocking call.
    Take {
        /// The thread that held the GIL before, when this take is a switch.
        from: Option<GilThreadId>,
    },
    /// The thread released the GIL (or, GIL off, entered a blocking call).
    Release(ReleaseReason),
    /// The thread, waiting, set a drop request.
    DropRequest,
    /// The thread was renamed.
    Renamed(String),
    /// The thread exited.
    ThreadEnd,
    /// The event loop running on this thread resumed asyncio task `task`
    /// (its address: unique while the task lives) named `name`.
    TaskStep {
        /// The task's address.
        task: usize,
        /// Its name (`Task-1`, or the one given to `create_task`).
        name: String,
    },
    /// The step of `task` ended: the task awaits something or, `done`, finished.
    TaskStepEnd {
        /// The task's address.
        task: usize,
        /// Whether the task finished (returned, raised or was cancelled).
        done: bool,
    },
    /// A loop callback or task step that had just run for `took` (100 ms or
    /// more) without yielding: it blocked the event loop.
    SlowStep {
        /// What ran and where, e.g. `Task-1: worker() from x.py:21 to x.py:26`.
        what: String,
        /// How long it ran.
        took: std::time::Duration,
        /// The task, when it was a task step (its address).
        task: Option<usize>,
    },
}

/// Receives the events of one thread; owned by that thread, so it can buffer
/// without locking.
pub trait ThreadEvents: Send {
    /// Records `event`, which happened at `at`.
    fn record(&mut self, at: Instant, event: GilEvent);
}

/// Plugged into [`GilConfig::events`](super::gil::GilConfig::events) to
/// record every GIL state change. When absent, recording costs one
/// never-taken branch per state change.
pub trait EventSink: Send + Sync {
    /// Called once per registered thread (at registration, which is the
    /// thread's start event); returns that thread's recorder.
    fn thread_started(&self, id: GilThreadId, name: &str, is_main: bool, at: Instant) -> Box<dyn ThreadEvents>;

    /// In a child made by `fork()`, where only `survivor` exists: the
    /// recording becomes the child's own, from `at` on.
    fn after_fork_child(&self, _survivor: GilThreadId, _at: Instant) {}

    /// The recorder behind this sink, when it is one (a forked
    /// multiprocessing child writes it for its parent's trace).
    fn recorder(self: std::sync::Arc<Self>) -> Option<std::sync::Arc<super::trace::Recorder>> {
        None
    }
}
