//! `--report FILE.html`: one self-contained HTML page (no scripts from the
//! network, no external files) showing the GIL timeline as an SVG — one row
//! per thread, a coloured rectangle per state, hover for details — with the
//! GIL settings, the script's name, a legend written for students and the
//! `--stats` table. Laid out for a 1000 px wide window. asyncio tasks get
//! rows under the threads (`class="task-row"`, at most [`MAX_TASK_ROWS`]),
//! and a step that blocked the event loop is drawn in orange with a marker
//! on the loop thread's row.

use std::fmt::Write as _;
use std::time::Duration;

use super::events::BlockKind;
use super::trace::{State, Trace, Track};

const WIDTH: usize = 1000;
const LABEL: usize = 150;
const ROW: usize = 30;
const BAR: usize = 20;
/// Columns the timeline is sampled into (one per SVG pixel).
const COLS: usize = WIDTH - LABEL - 10;
/// Task rows drawn at most (the trace has them all).
pub const MAX_TASK_ROWS: usize = 40;
const SLOW: &str = "#f08c00";

fn fill(state: State) -> &'static str {
    match state {
        State::Holding | State::Running | State::TaskStep => "#2e9e44",
        State::SlowStep => SLOW,
        State::Waiting => "#e0463c",
        State::Blocked(BlockKind::Sleep) | State::TaskAwait => "#8fb8e8",
        State::Blocked(_) => "#3b6fc4",
        State::Idle => "#dddddd",
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The SVG timeline alone: one `<g class="thread-row">` per track.
pub fn svg(trace: &Trace) -> String {
    let end = trace.end.max(Duration::from_micros(1));
    let ms = end.as_secs_f64() * 1e3;
    let rows: Vec<&Track> = trace
        .tracks
        .iter()
        .filter(|t| !t.is_task)
        .chain(trace.tracks.iter().filter(|t| t.is_task).take(MAX_TASK_ROWS))
        .collect();
    let height = rows.len() * ROW + 40;
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" style="max-width:100%;height:auto" font-family="sans-serif" font-size="13">"#
    );
    let px_per_ms = COLS as f64 / ms;
    for (i, t) in rows.iter().enumerate() {
        let y = i * ROW + 5;
        let class = if t.is_task { "task-row" } else { "thread-row" };
        let _ = writeln!(out, r#"<g class="{class}" data-thread="{}">"#, t.id.0);
        let _ = writeln!(out, r#"<text x="4" y="{}">{}</text>"#, y + 15, esc(&t.name));
        let _ = writeln!(out, r##"<rect x="{LABEL}" y="{y}" width="{COLS}" height="{BAR}" fill="#f4f4f4"/>"##);
        let step = end.as_secs_f64() / COLS as f64;
        let states: Vec<Option<State>> = (0..COLS)
            .map(|c| {
                Trace::dominant(
                    t,
                    Duration::from_secs_f64(step * c as f64),
                    Duration::from_secs_f64(step * (c + 1) as f64),
                )
            })
            .collect();
        let mut c = 0;
        while c < states.len() {
            let st = states[c];
            let mut e = c + 1;
            while e < states.len() && states[e] == st {
                e += 1;
            }
            if let Some(st) = st.filter(|s| *s != State::Idle) {
                let from = c as f64 / px_per_ms;
                let to = e as f64 / px_per_ms;
                let _ = writeln!(
                    out,
                    r#"<rect x="{}" y="{y}" width="{}" height="{BAR}" fill="{}"><title>{}: {}, {:.1}–{:.1} ms</title></rect>"#,
                    LABEL + c,
                    e - c,
                    fill(st),
                    esc(&t.name),
                    esc(&st.label()),
                    from,
                    to
                );
            }
            c = e;
        }
        for m in &t.marks {
            let x = LABEL + (m.start.as_secs_f64() * 1e3 * px_per_ms) as usize;
            let w = ((m.took.as_secs_f64() * 1e3 * px_per_ms) as usize).max(2);
            let _ = writeln!(
                out,
                r#"<rect class="slow-mark" x="{x}" y="{}" width="{w}" height="4" fill="{SLOW}"><title>blocking call in the event loop: {} ({:.0} ms)</title></rect>"#,
                y + BAR,
                esc(&m.what),
                m.took.as_secs_f64() * 1e3
            );
        }
        out.push_str("</g>\n");
    }
    let axis_y = rows.len() * ROW + 5;
    for k in 0..=5 {
        let x = LABEL + COLS * k / 5;
        // The last label ends at its line, so it stays inside the picture.
        let anchor = if k == 5 { "end" } else { "middle" };
        let _ = writeln!(
            out,
            r##"<line x1="{x}" y1="0" x2="{x}" y2="{axis_y}" stroke="#999" stroke-dasharray="2,3"/><text x="{x}" y="{}" text-anchor="{anchor}">{:.0} ms</text>"##,
            axis_y + 18,
            ms * k as f64 / 5.0
        );
    }
    out.push_str("</svg>\n");
    out
}

/// The whole page.
pub fn render(trace: &Trace) -> String {
    let mut out = String::new();
    let title = format!("gilt GIL report: {}", trace.script);
    let _ = write!(
        out,
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{}</title>
<style>
body {{ font-family: sans-serif; max-width: 1020px; margin: 1em auto; color: #222; }}
pre {{ background: #f6f6f6; padding: 8px; font-size: 13px; }}
.key span {{ display: inline-block; width: 14px; height: 14px; vertical-align: middle; margin: 0 4px 0 14px; }}
</style></head><body>
<h1>{}</h1>
<p><b>Settings:</b> {}. Recorded {:.1} ms.</p>
"#,
        esc(&title),
        esc(&title),
        esc(&trace.settings()),
        trace.end.as_secs_f64() * 1e3
    );
    out.push_str("<h2>Who ran when</h2>\n");
    out.push_str(&svg(trace));
    let running = if trace.gil_on { "running Python code, holding the GIL" } else { "running Python code (no GIL)" };
    let _ = write!(
        out,
        r##"<p class="key"><span style="background:#2e9e44"></span>{running}
<span style="background:#e0463c"></span>waiting for the GIL
<span style="background:#8fb8e8"></span>sleeping
<span style="background:#3b6fc4"></span>blocked (I/O, lock, join, queue…)</p>
<p>Each row is one thread; time runs left to right. With the GIL on, at most
one row is green at any moment: that thread holds the lock and the others
either wait for it (red) or do something that does not need it (blue: sleep,
I/O, waiting on a lock or for another thread). Red next to green is the cost
of the GIL. With <code>--gil off</code> several rows can be green at once.
Hover over a bar for its exact times.</p>
"##
    );
    let tasks = trace.tracks.iter().filter(|t| t.is_task).count();
    if tasks > 0 {
        let more = if tasks > MAX_TASK_ROWS {
            format!(" Only the first {MAX_TASK_ROWS} of {tasks} tasks are drawn; the trace has them all.")
        } else {
            String::new()
        };
        let _ = write!(
            out,
            r##"<p class="key">asyncio tasks (rows under the threads):<span style="background:#2e9e44"></span>a step of the task runs
<span style="background:#8fb8e8"></span>awaiting
<span style="background:{SLOW}"></span>a step that blocked the event loop (100 ms or more without an <code>await</code>)</p>
<p>All tasks take turns on one thread, the one running the event loop: a task
runs until its next <code>await</code>, then the loop picks the next ready task.
A step that does not yield (a <code>time.sleep</code>, a long computation)
freezes every other task; it is drawn in orange, with an orange line under
the loop thread's row. While every task awaits, the loop's thread is blocked
(dark blue) until the next timer or I/O is due.{more}</p>
"##
        );
    }
    let _ = write!(out, "<h2>Statistics</h2>\n<pre>{}</pre>\n", esc(&trace.stats_table));
    let _ = write!(
        out,
        "<p><small>{} GIL hand-offs recorded. Open the same run with <code>--trace FILE.json</code> in ui.perfetto.dev for a zoomable view.</small></p>\n</body></html>\n",
        trace.flows.len()
    );
    out
}
