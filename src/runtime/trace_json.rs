//! `--trace FILE.json`: the recording as Chrome Trace Event JSON, which
//! ui.perfetto.dev and chrome://tracing open. One track per thread (`tid` =
//! gilt thread id, named by `thread_name` metadata), one complete event
//! (`ph: "X"`) per state slice with its reasons in `args`, and each GIL
//! hand-off as a flow arrow (`ph: "s"` on the releasing thread, `ph: "f"` on
//! the acquiring one). Idle stretches are left out. Times are microseconds.

use std::fmt::Write as _;
use std::time::Duration;

use super::trace::{State, Trace};

/// Renders `trace` as a Trace Event JSON document.
pub fn render(trace: &Trace) -> String {
    let pid = std::process::id();
    let mut ev: Vec<String> = Vec::new();
    ev.push(format!(
        r#"{{"name":"process_name","ph":"M","pid":{pid},"tid":0,"args":{{"name":{}}}}}"#,
        quote(&format!("gilt {} ({})", trace.script, trace.settings()))
    ));
    for t in &trace.tracks {
        let tid = t.id.0;
        ev.push(format!(
            r#"{{"name":"thread_name","ph":"M","pid":{pid},"tid":{tid},"args":{{"name":{}}}}}"#,
            quote(&t.name)
        ));
        ev.push(format!(
            r#"{{"name":"thread_sort_index","ph":"M","pid":{pid},"tid":{tid},"args":{{"sort_index":{tid}}}}}"#
        ));
        for s in t.slices.iter().filter(|s| s.state != State::Idle) {
            ev.push(format!(
                r#"{{"name":{},"cat":"gil","ph":"X","pid":{pid},"tid":{tid},"ts":{},"dur":{},"args":{{"began":{},"ended":{}}}}}"#,
                quote(&s.state.label()),
                us(s.start),
                us(s.end - s.start),
                quote(&s.began),
                quote(&s.ended)
            ));
        }
        for d in &t.drop_requests {
            ev.push(format!(
                r#"{{"name":"drop request","cat":"gil","ph":"i","s":"t","pid":{pid},"tid":{tid},"ts":{}}}"#,
                us(*d)
            ));
        }
    }
    for (n, f) in trace.flows.iter().enumerate() {
        // Bind the start inside the releaser's last running slice.
        let s_ts = f.released.saturating_sub(Duration::from_nanos(500));
        ev.push(format!(
            r#"{{"name":"GIL hand-off","cat":"handoff","ph":"s","id":{n},"pid":{pid},"tid":{},"ts":{}}}"#,
            f.from.0,
            us(s_ts)
        ));
        ev.push(format!(
            r#"{{"name":"GIL hand-off","cat":"handoff","ph":"f","bp":"e","id":{n},"pid":{pid},"tid":{},"ts":{}}}"#,
            f.to.0,
            us(f.taken)
        ));
    }
    let mut out = String::from("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n");
    out.push_str(&ev.join(",\n"));
    out.push_str("\n]}\n");
    out
}

/// Microseconds with nanosecond precision, as a JSON number.
fn us(d: Duration) -> String {
    format!("{}.{:03}", d.as_micros(), d.subsec_nanos() % 1000)
}

/// A JSON string literal.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
