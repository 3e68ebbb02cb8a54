//! `--timeline`: at exit, a terminal picture of who held the GIL when. One
//! row per thread, time across, one character per column for the state the
//! thread was in for most of that stretch (running wins when it took at least
//! a third, so short bursts stay visible), scaled to the terminal width
//! (`COLUMNS`, else the terminal's own width, else 80). ANSI colours only
//! when stderr is a terminal and NO_COLOR is not set. A thread name too
//! long for the name column gets a line of its own above its row.
//! asyncio tasks get rows of their own under the threads (at most
//! [`MAX_TASK_ROWS`]), and steps that blocked the event loop are marked `!`
//! and listed under the picture.

use std::fmt::Write as _;
use std::time::Duration;

use super::events::BlockKind;
use super::trace::{State, Trace, Track};

/// Width of the thread-name column (including the trailing space).
const NAME_COLS: usize = 16;
/// Task rows drawn at most (a run may have 100,000 tasks; `--trace` has them all).
pub const MAX_TASK_ROWS: usize = 12;
/// Loop-blocking steps listed at most.
const MAX_MARKS: usize = 5;

/// What one column of a row shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Ran Python code for at least two thirds of the column.
    Run,
    /// Ran part of the column and waited for the GIL for part of it.
    Turns,
    /// Mostly waited for the GIL.
    Wait,
    /// Mostly slept.
    Sleep,
    /// Mostly blocked in I/O, a lock, a join…
    Blocked,
    /// An asyncio step that blocked the event loop.
    Slow,
    /// Not alive (or idle) for most of the column.
    Empty,
}

impl Cell {
    /// The character drawn.
    pub fn glyph(self) -> char {
        match self {
            Cell::Run => '█',
            Cell::Turns => '▒',
            Cell::Wait => '░',
            Cell::Sleep => '·',
            Cell::Blocked => '-',
            Cell::Slow => '!',
            Cell::Empty => ' ',
        }
    }

    fn colour(self) -> &'static str {
        match self {
            Cell::Run | Cell::Turns => "\x1b[32m",
            Cell::Wait | Cell::Slow => "\x1b[31m",
            Cell::Sleep | Cell::Blocked => "\x1b[34m",
            Cell::Empty => "",
        }
    }
}

/// The width to draw for: `COLUMNS` if set and sane, else the terminal's
/// (`tty`, measured by the caller), else 80.
pub fn terminal_width(tty: Option<usize>) -> usize {
    let sane = |w: &usize| *w >= 40;
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).filter(sane).or(tty.filter(sane)).unwrap_or(80)
}

/// One row of cells, `cols` wide, for `track` over `[0, end)`.
pub fn row_cells(track: &Track, end: Duration, cols: usize) -> Vec<Cell> {
    window_cells(track, Duration::ZERO, end, cols)
}

/// One row of cells, `cols` wide, for `track` over `[start, end)`.
pub fn window_cells(track: &Track, start: Duration, end: Duration, cols: usize) -> Vec<Cell> {
    let step = end.saturating_sub(start).as_secs_f64() / cols as f64;
    (0..cols)
        .map(|c| {
            let from = start + Duration::from_secs_f64(step * c as f64);
            let to = start + Duration::from_secs_f64(step * (c + 1) as f64);
            cell(&Trace::shares(track, from, to))
        })
        .collect()
}

/// The ANSI colour of a cell ("" for none).
pub fn cell_colour(c: Cell) -> &'static str {
    c.colour()
}

fn cell(shares: &[(State, Duration)]) -> Cell {
    let total: Duration = shares.iter().map(|(_, d)| *d).sum();
    if total.is_zero() {
        return Cell::Empty;
    }
    let slow: Duration = shares.iter().filter(|(s, _)| *s == State::SlowStep).map(|(_, d)| *d).sum();
    if slow * 3 >= total {
        return Cell::Slow;
    }
    let run: Duration = shares.iter().filter(|(s, _)| s.is_running()).map(|(_, d)| *d).sum();
    let wait: Duration = shares.iter().filter(|(s, _)| *s == State::Waiting).map(|(_, d)| *d).sum();
    if run * 3 >= total * 2 {
        return Cell::Run;
    }
    if run * 5 >= total && wait * 5 >= total {
        return Cell::Turns;
    }
    match shares.iter().max_by_key(|(_, d)| *d).map(|(s, _)| *s) {
        Some(State::Holding | State::Running | State::TaskStep) => Cell::Run,
        Some(State::SlowStep) => Cell::Slow,
        Some(State::Waiting) => Cell::Wait,
        Some(State::Blocked(BlockKind::Sleep) | State::TaskAwait) => Cell::Sleep,
        Some(State::Blocked(_)) => Cell::Blocked,
        Some(State::Idle) | None => Cell::Empty,
    }
}

/// Renders the picture, its legend and the `--stats` table; `width` is the
/// total line width, `ansi` turns colours on.
pub fn render(trace: &Trace, width: usize, ansi: bool) -> String {
    let cols = width.saturating_sub(NAME_COLS + 1).max(10);
    let end = trace.end.max(Duration::from_micros(1));
    let mut out = String::new();
    let _ = writeln!(out, "GIL timeline of {}", trace.script);
    let _ = writeln!(out, "{}", trace.settings());
    let tasks = trace.tracks.iter().filter(|t| t.is_task).count();
    let shown =
        trace.tracks.iter().filter(|t| !t.is_task).chain(trace.tracks.iter().filter(|t| t.is_task).take(MAX_TASK_ROWS));
    for t in shown {
        let mut name = t.name.clone();
        if name.chars().count() >= NAME_COLS {
            // The full name on its own line: two "ThreadPoolExecutor-0_…" rows stay distinguishable.
            let _ = writeln!(out, "{name}:");
            name.clear();
        }
        while name.chars().count() < NAME_COLS {
            name.push(' ');
        }
        out.push_str(&name);
        out.push('|');
        let mut last = "";
        for c in row_cells(t, end, cols) {
            if ansi {
                let code = c.colour();
                if code != last {
                    out.push_str(if code.is_empty() { "\x1b[0m" } else { code });
                    last = code;
                }
            }
            out.push(c.glyph());
        }
        if ansi && !last.is_empty() {
            out.push_str("\x1b[0m");
        }
        out.push('\n');
    }
    let ms = end.as_secs_f64() * 1e3;
    let right = format!("{ms:.0} ms");
    let pad = cols.saturating_sub(right.len() + 4);
    let _ = writeln!(out, "{:NAME_COLS$}0 ms{}{right}", "", " ".repeat(pad));
    let run = if trace.gil_on { "running (holds the GIL)" } else { "running" };
    let _ = writeln!(out, "█ {run}   ▒ taking turns   ░ waiting for the GIL");
    let _ = writeln!(out, "· sleeping   - blocked (I/O, lock, join…)   blank: not alive");
    if tasks > 0 {
        let _ = writeln!(out, "asyncio task rows: █ a step runs   · awaiting   ! a step blocks the loop");
        if tasks > MAX_TASK_ROWS {
            let _ = writeln!(out, "({MAX_TASK_ROWS} of {tasks} tasks drawn; --trace has them all)");
        }
    }
    let marks: Vec<_> = trace.tracks.iter().flat_map(|t| t.marks.iter()).collect();
    for m in marks.iter().take(MAX_MARKS) {
        let _ = writeln!(
            out,
            "! at {:.0} ms a step blocked the event loop for {:.0} ms:\n    {}",
            m.start.as_secs_f64() * 1e3,
            m.took.as_secs_f64() * 1e3,
            m.what
        );
    }
    if marks.len() > MAX_MARKS {
        let more =
            super::stats::count_noun((marks.len() - MAX_MARKS) as u64, "more blocking step", "more blocking steps");
        let _ = writeln!(out, "! … and {more}");
    }
    let _ = writeln!(out, "one column ≈ {:.1} ms", ms / cols as f64);
    out.push('\n');
    out.push_str(&trace.stats_table);
    // Keep every line within `width` (the legend is the widest).
    out.lines().map(|l| fit(l, width, ansi)).collect::<Vec<_>>().join("\n") + "\n"
}

fn fit(line: &str, width: usize, ansi: bool) -> String {
    if ansi || line.chars().count() <= width {
        return line.to_string();
    }
    line.chars().take(width).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::events::GilThreadId;
    use crate::runtime::gil::SwitchPolicy;
    use crate::runtime::trace::Slice;

    fn slice(a: u64, b: u64, state: State) -> Slice {
        Slice {
            start: Duration::from_millis(a),
            end: Duration::from_millis(b),
            state,
            began: String::new(),
            ended: String::new(),
        }
    }

    #[test]
    fn fits_80_columns() {
        let track = |id, slices| Track {
            id: GilThreadId(id),
            name: format!("Thread-{id} with a long name"),
            is_main: id == 1,
            start: Duration::ZERO,
            end: Duration::from_millis(100),
            slices,
            drop_requests: vec![],
            is_task: false,
            marks: vec![],
        };
        let trace = Trace {
            tracks: vec![
                track(1, vec![slice(0, 50, State::Holding), slice(50, 100, State::Blocked(BlockKind::Join))]),
                track(2, vec![slice(10, 60, State::Waiting), slice(60, 100, State::Holding)]),
            ],
            flows: vec![],
            end: Duration::from_millis(100),
            script: "x.py".into(),
            gil_on: true,
            policy: SwitchPolicy::Interval,
            switch_interval: Duration::from_millis(5),
            switches: 3,
            stats_table: String::new(),
        };
        let text = render(&trace, 80, false);
        for l in text.lines() {
            assert!(l.chars().count() <= 80, "too wide: {l:?}");
        }
        let rows: Vec<&str> = text.lines().filter(|l| l.contains('|')).collect();
        assert!(rows[1].contains('░') && rows[1].contains('█'), "{}", rows[1]);
        assert!(rows[0].contains('-'));
        // Names too long for the column are kept whole, on a line of their own.
        assert!(text.contains("\nThread-2 with a long name:\n"), "{text}");
    }
}
