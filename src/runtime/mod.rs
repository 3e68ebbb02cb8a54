//! The runtime: what runs beside the bytecode interpreter.
//!
//! - `gil`: the global interpreter lock and its eval-breaker word.
//! - `policy`: switch policies (`--switch interval|ticks=N|instr=N`).
//! - `events`: block kinds, release reasons, and the event-recording seam.
//! - `stats`: per-thread GIL statistics and the `--stats` table.
//! - `interrupt`: Ctrl-C → KeyboardInterrupt, and interruptible waits.
//! - `trace`: the event recorder and the slice model behind the views;
//!   `trace_json` (`--trace`), `timeline` (`--timeline`), `report` (`--report`).
//! - `deadlock`: the lock wait registry and the deadlock watchdog.
//! - `eventloop`, `eventloop_fut`: the asyncio event loop, futures and tasks.

pub mod deadlock;
pub mod eventloop;
pub mod eventloop_fut;
pub mod eventloop_io;
pub mod events;
pub mod gil;
pub mod interrupt;
pub mod policy;
pub mod process;
pub mod report;
pub mod stats;
pub mod timeline;
pub mod trace;
pub mod trace_json;
