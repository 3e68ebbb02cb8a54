//! Command-line tools around a run (issue 6): the trace views' wiring
//! (`views`), `gilt compare` (`compare`) and OS knobs (`os`: `--cpus`,
//! children's CPU time).

pub mod compare;
pub mod os;
pub mod views;
