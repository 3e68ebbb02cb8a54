//! Child processes in the parent's `--trace` (issue 6). A parent that
//! writes a trace passes its children the hidden flag
//! `--trace-child=DIR@NANOS` (DIR: a fresh temporary directory, NANOS: the
//! wall-clock time of the parent's time zero). A child started with it
//! records its GIL events like the parent and, when it exits, writes them
//! as Chrome trace events with its own `pid`, shifted onto the parent's
//! clock, to `DIR/child-PID.json`. The parent splices every such file into
//! its trace at exit and removes DIR. Grandchildren inherit the flag.
//!
//! A Pool's workers are killed, not asked to exit (`Pool.__exit__` calls
//! `terminate`, which SIGKILLs them), so a traced child also catches
//! SIGTERM and SIGUSR1, writes its events and then dies of SIGTERM or
//! SIGKILL; while tracing, the parent's `terminate()` / `kill()` send those
//! two signals ([`signal`]) and give the child a moment to write.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::runtime::gil::{BlockKind, Gil};
use crate::runtime::process::Worker;
use crate::runtime::trace::Recorder;
use crate::runtime::trace_json;
use crate::vm::Vm;

/// The hidden flag's name.
pub const FLAG: &str = "--trace-child";

/// Where a traced child writes its events, and the parent's time zero.
#[derive(Clone, Debug)]
pub struct ChildTrace {
    /// The directory the parent collects.
    pub dir: PathBuf,
    /// The parent's time zero, as nanoseconds since the Unix epoch.
    pub parent_origin_ns: u128,
}

fn unix_ns(t: SystemTime) -> u128 {
    t.duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0)
}

impl ChildTrace {
    /// The parent's side: a fresh directory name for the children of a
    /// trace whose time zero is `origin` (the first child creates it, so a
    /// run without children leaves nothing behind).
    pub fn for_parent(origin: SystemTime) -> ChildTrace {
        let dir = std::env::temp_dir().join(format!("gilt-trace-{}-{}", std::process::id(), unix_ns(origin)));
        ChildTrace { dir, parent_origin_ns: unix_ns(origin) }
    }

    /// The flag to put on children's command lines.
    pub fn flag(&self) -> String {
        format!("{FLAG}={}@{}", self.dir.display(), self.parent_origin_ns)
    }

    /// Parses the flag's value (`DIR@NANOS`).
    pub fn parse(value: &str) -> Option<ChildTrace> {
        let (dir, ns) = value.rsplit_once('@')?;
        Some(ChildTrace { dir: PathBuf::from(dir), parent_origin_ns: ns.parse().ok()? })
    }

    /// The child's side, at exit (or on SIGTERM/SIGUSR1): writes this
    /// process's recording into the parent's directory. Written to a
    /// temporary name first, so the parent never reads half a file.
    pub fn write_child(&self, rec: &Recorder, gil: &Gil, script: &str) {
        let trace = rec.finish(gil, script);
        let shift_ns = unix_ns(rec.origin_wall()).saturating_sub(self.parent_origin_ns);
        let shift = Duration::from_nanos(u64::try_from(shift_ns).unwrap_or(0));
        let pid = std::process::id();
        let label = format!("gilt worker process {pid} ({})", trace.settings());
        let events = trace_json::events(&trace, pid, shift, &label);
        let tmp = self.dir.join(format!("child-{pid}-{:?}.tmp", std::thread::current().id()));
        let _ = std::fs::create_dir_all(&self.dir);
        if std::fs::write(&tmp, events.join(",\n")).is_ok() {
            let _ = std::fs::rename(&tmp, self.dir.join(format!("child-{pid}.json")));
        }
    }

    /// The parent's side, at exit: every child's events, then DIR removed.
    pub fn collect(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Ok(entries) = std::fs::read_dir(&self.dir) {
            let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            paths.sort();
            for p in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
                if let Ok(text) = std::fs::read_to_string(p) {
                    out.push(text);
                }
            }
        }
        remove_dir(&self.dir);
        out
    }
}

fn remove_dir(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
}

/// In a traced child: on SIGTERM or SIGUSR1 (the parent's `terminate()` /
/// `kill()` while tracing), write the events, then die of SIGTERM or
/// SIGKILL as the parent asked, so exit codes stay what they would be.
pub fn catch_termination(ct: ChildTrace, rec: Arc<Recorder>, gil: Arc<Gil>, script: String) {
    use signal_hook::consts::{SIGTERM, SIGUSR1};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGUSR1]) else { return };
    let _ = std::thread::Builder::new().name("trace-on-exit".into()).spawn(move || {
        if let Some(sig) = signals.forever().next() {
            ct.write_child(&rec, &gil, &script);
            if sig == SIGTERM {
                let _ = signal_hook::low_level::emulate_default_handler(SIGTERM);
            }
            // SAFETY: kill(2) of this very process; never returns usefully.
            unsafe {
                libc::kill(libc::getpid(), libc::SIGKILL);
            }
        }
    });
}

/// Sends `sig` (SIGTERM or SIGKILL) to a worker. While children are
/// traced, sends SIGTERM or SIGUSR1 instead, waits (GIL released) up to
/// two seconds for the child to write its events and die, and only then
/// sends `sig` if it is still alive.
pub fn signal(vm: &mut Vm, w: &Worker, sig: i32) {
    let traced = vm.rt.config.worker_argv.iter().any(|a| a.starts_with(FLAG));
    if !traced || w.poll_exit().is_some() {
        w.signal(sig);
        return;
    }
    w.signal(if sig == libc::SIGKILL { libc::SIGUSR1 } else { libc::SIGTERM });
    let exited = vm.allow_threads(BlockKind::Process, || w.wait_slice(Duration::from_secs(2)));
    if exited.is_none() {
        w.signal(sig);
    }
}

/// A traced child's recording: built from the hidden flag's value, it is
/// the GIL's event sink, and writes the events at exit.
pub struct ChildRecording {
    ct: ChildTrace,
    rec: Arc<Recorder>,
}

impl ChildRecording {
    /// `Some` when the child was started with `--trace-child=VALUE`.
    pub fn start(value: Option<&str>) -> Option<ChildRecording> {
        Some(ChildRecording { ct: ChildTrace::parse(value?)?, rec: Recorder::new() })
    }

    /// The sink for `GilConfig::events`.
    pub fn sink(&self) -> Arc<dyn crate::runtime::events::EventSink> {
        self.rec.clone()
    }

    /// Call once the GIL exists: termination signals write the events too.
    pub fn catch_termination(&self, gil: &Arc<Gil>, script: &str) {
        catch_termination(self.ct.clone(), self.rec.clone(), gil.clone(), script.to_string());
    }

    /// At exit, after the main thread released the GIL for good.
    pub fn finish(&self, gil: &Gil, script: &str) {
        self.ct.write_child(&self.rec, gil, script);
    }
}
