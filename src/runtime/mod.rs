//! The runtime: what runs beside the bytecode interpreter.
//!
//! - `gil`: the global interpreter lock and its eval-breaker word.
//! - `policy`: switch policies (`--switch interval|ticks=N|instr=N`).
//! - `events`: block kinds, release reasons, and the event-recording seam.
//! - `stats`: per-thread GIL statistics and the `--stats` table.
//! - `interrupt`: Ctrl-C → KeyboardInterrupt, and interruptible waits.
//! - `trace`: the event recorder and the slice model behind the views;
//!   `trace_json` (`--trace`), `trace_tasks` (asyncio task tracks),
//!   `timeline` (`--timeline`), `report` (`--report`).
//! - `deadlock`: the lock wait registry and the deadlock watchdog.
//! - `eventloop`, `eventloop_fut`: the asyncio event loop, futures and tasks;
//!   `eventloop_watch`: task tracks and loop-blocking steps for the views.
//! - `profile`, `profile_view`: `--profile` and `--profile-out`.
//! - `workers`: parked OS threads reused for Python threads.
//! - `code_cache`: compiled embedded modules handed to worker children.

pub mod bytecode_cache;
pub mod clock;
pub mod code_cache;
pub mod deadlock;
pub mod eventloop;
pub mod eventloop_bridge;
pub mod eventloop_deadlock;
pub mod eventloop_foreign;
pub mod eventloop_fut;
pub mod eventloop_io;
pub mod eventloop_repr;
pub mod eventloop_watch;
pub mod events;
pub mod gil;
pub mod interrupt;
pub mod policy;
pub mod process;
pub mod profile;
pub mod profile_view;
pub mod report;
pub mod stats;
pub mod timeline;
pub mod trace;
pub mod trace_json;
pub mod trace_tasks;
pub mod workers;
