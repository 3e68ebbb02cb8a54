//! asyncio task tracks: the loop's [`GilEvent::TaskStep`] /
//! [`GilEvent::TaskStepEnd`] events (recorded by `eventloop_watch` in the
//! log of the thread running the loop) become one [`Track`] per task, with
//! a slice per step ([`State::TaskStep`], or [`State::SlowStep`] when the
//! step blocked the loop) and [`State::TaskAwait`] between steps. Every view
//! then draws tasks the way it draws threads.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use super::events::{GilEvent, GilThreadId};
use super::trace::{Slice, State, ThreadLog, Track};

/// Track ids of tasks start here, far above any thread id.
pub const FIRST_TASK_ID: u32 = 10_000;

/// The task tracks recorded in one thread's log, in order of first step.
/// Ids are placeholders until [`number`] runs.
pub fn task_tracks(log: &ThreadLog, origin: Instant, now: Instant) -> Vec<Track> {
    let off = |t: Instant| t.saturating_duration_since(origin);
    let end = off(now);
    let mut out: Vec<Track> = Vec::new();
    // Task address → its track, while the task lives (an address may be
    // reused by a later task once this one finished and was freed).
    let mut open: HashMap<usize, usize> = HashMap::new();
    // The step running now: (track, start, slow-step note).
    let mut running: Option<(usize, Duration, Option<String>)> = None;
    for (at, ev) in &log.events {
        let at = off(*at);
        match ev {
            GilEvent::TaskStep { task, name } => {
                let i = *open.entry(*task).or_insert_with(|| {
                    out.push(new_track(name, at, end));
                    out.len() - 1
                });
                let t = &mut out[i];
                t.name.clone_from(name);
                if let Some(last) = t.slices.last().map(|s| s.end)
                    && at > last
                {
                    t.slices.push(slice(last, at, State::TaskAwait, "step ended", "resumed by the loop"));
                }
                running = Some((i, at, None));
            }
            GilEvent::SlowStep { task: Some(_), what, took } => {
                if let Some((_, _, note)) = &mut running {
                    *note = Some(format!("{what}: ran {:.0} ms without yielding", took.as_secs_f64() * 1e3));
                }
            }
            GilEvent::TaskStepEnd { task, done } => {
                let Some(&i) = open.get(task) else { continue };
                if let Some((ri, start, note)) = running.take()
                    && ri == i
                {
                    let why = if *done { "task finished" } else { "awaits (yields to the loop)" };
                    let mut s = slice(start, at, State::TaskStep, "resumed by the loop", why);
                    if let Some(note) = note {
                        s.state = State::SlowStep;
                        s.began = note;
                    }
                    out[i].slices.push(s);
                }
                if *done {
                    out[i].end = at;
                    open.remove(task);
                }
            }
            _ => {}
        }
    }
    if let Some((i, start, _)) = running {
        out[i].slices.push(slice(start, end, State::TaskStep, "resumed by the loop", "still running at exit"));
    }
    for &i in open.values() {
        let t = &mut out[i];
        if let Some(last) = t.slices.last().map(|s| s.end)
            && end > last
        {
            t.slices.push(slice(last, end, State::TaskAwait, "step ended", "still waiting at exit"));
        }
    }
    out
}

/// Flattens the task tracks of every thread, ordered by first step, and
/// gives them ids from [`FIRST_TASK_ID`] on.
pub fn number(per_thread: Vec<Vec<Track>>) -> Vec<Track> {
    let mut all: Vec<Track> = per_thread.into_iter().flatten().collect();
    all.sort_by_key(|t| t.start);
    for (n, t) in all.iter_mut().enumerate() {
        t.id = GilThreadId(FIRST_TASK_ID + n as u32);
    }
    all
}

fn new_track(name: &str, start: Duration, end: Duration) -> Track {
    Track {
        id: GilThreadId(0),
        name: name.to_string(),
        is_main: false,
        start,
        end,
        slices: Vec::new(),
        drop_requests: Vec::new(),
        is_task: true,
        marks: Vec::new(),
    }
}

fn slice(start: Duration, end: Duration, state: State, began: &str, ended: &str) -> Slice {
    Slice { start, end, state, began: began.to_string(), ended: ended.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_become_slices_with_awaits_between() {
        let t0 = Instant::now();
        let ms = |n| t0 + Duration::from_millis(n);
        let log = ThreadLog {
            id: GilThreadId(1),
            name: "MainThread".into(),
            is_main: true,
            started: t0,
            events: vec![
                (ms(1), GilEvent::TaskStep { task: 7, name: "Task-1".into() }),
                (ms(2), GilEvent::TaskStepEnd { task: 7, done: false }),
                (ms(5), GilEvent::TaskStep { task: 7, name: "Task-1".into() }),
                (ms(300), GilEvent::SlowStep { what: "x".into(), took: Duration::from_millis(295), task: Some(7) }),
                (ms(300), GilEvent::TaskStepEnd { task: 7, done: true }),
                // The address is reused by a new task.
                (ms(301), GilEvent::TaskStep { task: 7, name: "Task-2".into() }),
                (ms(302), GilEvent::TaskStepEnd { task: 7, done: false }),
            ],
        };
        let tracks = number(vec![task_tracks(&log, t0, ms(400))]);
        assert_eq!(tracks.len(), 2);
        let states: Vec<State> = tracks[0].slices.iter().map(|s| s.state).collect();
        assert_eq!(states, [State::TaskStep, State::TaskAwait, State::SlowStep]);
        assert_eq!(tracks[0].end, Duration::from_millis(300));
        assert_eq!((tracks[0].id.0, tracks[1].id.0), (FIRST_TASK_ID, FIRST_TASK_ID + 1));
        assert_eq!(tracks[1].name, "Task-2");
        assert_eq!(tracks[1].slices.last().unwrap().state, State::TaskAwait);
    }
}
