//! Command-line tools around a run (issue 6): the trace views' wiring
//! (`views`), child processes' traces (`child_trace`), `gilt compare`
//! (`compare`), the `--live` view (`live`), progress lines of long recordings
//! (`progress`) and OS knobs (`os`: `--cpus`, children's CPU time).

pub mod child_trace;
pub mod compare;
pub mod live;
pub mod os;
pub mod progress;
pub mod views;
