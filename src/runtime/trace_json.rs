//! `--trace FILE.json`: the recording as Chrome Trace Event JSON, which
//! ui.perfetto.dev and chrome://tracing open. One track per thread (`tid` =
//! gilt thread id, named by `thread_name` metadata), one complete event
//! (`ph: "X"`) per state slice with its reasons in `args`, and each GIL
//! hand-off as a flow arrow (`ph: "s"` on the releasing thread, `ph: "f"` on
//! the acquiring one). Idle stretches are left out. Times are microseconds.
//!
//! asyncio tasks are tracks too (`tid` ≥ 10,000, named after the task): a
//! slice per step, "BLOCKING the event loop" for a step of 100 ms or more,
//! which also gets an instant event on the loop thread's track. Child
//! processes render their own events with [`events`] (their `pid`, shifted
//! onto the parent's clock) and the parent splices them in ([`render`]'s
//! `children`), so a Pool run shows every worker as a process of its own.

use std::time::Duration;

use super::trace::{State, Trace};

/// Renders `trace` as a Trace Event JSON document; `children` are event
/// lists of child processes (see [`events`]), each one JSON object per line
/// separated by commas, spliced in as they are.
pub fn render(trace: &Trace, children: &[String]) -> String {
    let label = format!("gilt {} ({})", trace.script, trace.settings());
    let mut ev = events(trace, std::process::id(), Duration::ZERO, &label);
    ev.extend(children.iter().filter(|c| !c.trim().is_empty()).map(|c| c.trim().trim_end_matches(',').to_string()));
    let mut out = String::from("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n");
    out.push_str(&ev.join(",\n"));
    out.push_str("\n]}\n");
    out
}

/// The trace's events as JSON objects for process `pid` (named `label`),
/// every timestamp moved later by `shift` (a child's start on the parent's
/// clock).
pub fn events(trace: &Trace, pid: u32, shift: Duration, label: &str) -> Vec<String> {
    let ts = |d: Duration| us(d + shift);
    let mut ev: Vec<String> = Vec::new();
    ev.push(format!(r#"{{"name":"process_name","ph":"M","pid":{pid},"tid":0,"args":{{"name":{}}}}}"#, quote(label)));
    // The parent first, then children in order of start.
    let order = shift.as_millis();
    ev.push(format!(r#"{{"name":"process_sort_index","ph":"M","pid":{pid},"tid":0,"args":{{"sort_index":{order}}}}}"#));
    for t in &trace.tracks {
        let tid = t.id.0;
        ev.push(format!(
            r#"{{"name":"thread_name","ph":"M","pid":{pid},"tid":{tid},"args":{{"name":{}}}}}"#,
            quote(&t.name)
        ));
        ev.push(format!(
            r#"{{"name":"thread_sort_index","ph":"M","pid":{pid},"tid":{tid},"args":{{"sort_index":{tid}}}}}"#
        ));
        let cat = if t.is_task { "asyncio" } else { "gil" };
        for s in t.slices.iter().filter(|s| s.state != State::Idle) {
            ev.push(format!(
                r#"{{"name":{},"cat":"{cat}","ph":"X","pid":{pid},"tid":{tid},"ts":{},"dur":{},"args":{{"began":{},"ended":{}}}}}"#,
                quote(&s.state.label()),
                ts(s.start),
                us(s.end - s.start),
                quote(&s.began),
                quote(&s.ended)
            ));
        }
        for d in &t.drop_requests {
            ev.push(format!(
                r#"{{"name":"drop request","cat":"gil","ph":"i","s":"t","pid":{pid},"tid":{tid},"ts":{}}}"#,
                ts(*d)
            ));
        }
        for m in &t.marks {
            ev.push(format!(
                r#"{{"name":"blocking call in the event loop","cat":"asyncio","ph":"i","s":"t","pid":{pid},"tid":{tid},"ts":{},"args":{{"what":{},"took_ms":{:.3}}}}}"#,
                ts(m.start),
                quote(&m.what),
                m.took.as_secs_f64() * 1e3
            ));
        }
    }
    // Flow ids are global to the file: keep each process's apart.
    let base = u64::from(pid) * 10_000_000;
    for (n, f) in trace.flows.iter().enumerate() {
        let n = base + n as u64;
        // Bind the start inside the releaser's last running slice.
        let s_ts = f.released.saturating_sub(Duration::from_nanos(500));
        ev.push(format!(
            r#"{{"name":"GIL hand-off","cat":"handoff","ph":"s","id":{n},"pid":{pid},"tid":{},"ts":{}}}"#,
            f.from.0,
            ts(s_ts)
        ));
        ev.push(format!(
            r#"{{"name":"GIL hand-off","cat":"handoff","ph":"f","bp":"e","id":{n},"pid":{pid},"tid":{},"ts":{}}}"#,
            f.to.0,
            ts(f.taken)
        ));
    }
    ev
}

/// Microseconds with nanosecond precision, as a JSON number.
fn us(d: Duration) -> String {
    format!("{}.{:03}", d.as_micros(), d.subsec_nanos() % 1000)
}

/// A JSON string literal.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    crate::object::numfmt::str_repr::json_quote(&mut out, s, false);
    out
}

#[cfg(test)]
mod tests {
    use super::super::events::BlockKind;
    use super::super::trace::State;

    /// The hue ui.perfetto.dev gives a slice of this name: it drops digits
    /// (with a space before them) and hashes the rest (FNV-1a-like, in
    /// JavaScript's double arithmetic) into 0..360.
    fn perfetto_hue(name: &str) -> u32 {
        let mut stripped = String::new();
        let mut chars = name.chars().peekable();
        while let Some(c) = chars.next() {
            if c == ' ' && chars.peek().is_some_and(char::is_ascii_digit) {
                continue;
            }
            if !c.is_ascii_digit() {
                stripped.push(c);
            }
        }
        let to_i32 = |x: f64| (x as i128).rem_euclid(1 << 32) as u32 as i32;
        let mut h: i32 = 0x811c9dc5_u32 as i32 & 0xfffffff;
        for unit in stripped.encode_utf16() {
            h ^= i32::from(unit);
            h = to_i32(f64::from(h) * 16777619.0);
        }
        h.unsigned_abs() % 360
    }

    /// Running is green, waiting for the GIL red, and no blocking call is
    /// either, so a trace reads at a glance in Perfetto (which ignores
    /// Chrome's `cname` colours).
    #[test]
    fn perfetto_colours_running_waiting_and_blocked_apart() {
        let green = |h: u32| (100..=165).contains(&h);
        let red = |h: u32| h >= 345 || h <= 30;
        for s in [State::Holding, State::Running] {
            assert!(green(perfetto_hue(&s.label())), "{} is not green", s.label());
        }
        assert!(red(perfetto_hue(&State::Waiting.label())));
        for k in BlockKind::ALL {
            let h = perfetto_hue(&State::Blocked(k).label());
            assert!(!green(h) && !red(h), "{} has hue {h}", State::Blocked(k).label());
        }
    }
}
