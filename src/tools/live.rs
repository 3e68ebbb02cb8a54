//! `--live`: the GIL timeline drawn in the terminal while the script runs,
//! like `top`, for a teacher projecting a demo.
//!
//! The picture lives in the bottom lines of the terminal: at start the
//! terminal's scrolling region is set to the lines above it (DECSTBM), so
//! the script's own output scrolls there as usual while a plain OS thread
//! (not a Python thread: it never touches the GIL) redraws the panel every
//! quarter second from the recording (`Recorder::live_tracks`), saving and
//! restoring the cursor around each redraw. Each redraw is one `write`, so
//! it does not tear the script's lines. At exit the region is reset and the
//! last picture stays on the screen above the `--stats`/`--timeline` output.
//! A run killed by a signal or `os._exit` leaves the region set (`reset`
//! mends the terminal).

use std::fmt::Write as _;
use std::io::Write as _;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use crate::runtime::gil::Gil;
use crate::runtime::timeline::{self, Cell};
use crate::runtime::trace::{Recorder, State, Track};

/// How often the panel is redrawn.
const FRAME: Duration = Duration::from_millis(250);
/// The stretch of time the panel shows (less at the start of a run).
const WINDOW: Duration = Duration::from_secs(10);
/// Thread rows drawn at most.
const MAX_ROWS: usize = 6;
/// Narrowest name column (it widens to the longest name, up to a third of the terminal).
const NAME_COLS: usize = 16;
/// Width of the state column at the right.
const STATE_COLS: usize = 14;

/// The running live view; [`Live::stop`] ends it.
pub struct Live {
    stop: Arc<(Mutex<bool>, Condvar)>,
    thread: Option<JoinHandle<()>>,
}

/// What the drawing thread needs.
struct Painter {
    recorder: Arc<Recorder>,
    gil: Arc<Gil>,
    script: String,
    started: Instant,
    ansi: bool,
    /// The terminal's (rows, columns) when the region was last set.
    size: (usize, usize),
}

impl Live {
    /// Sets up the panel and starts drawing; fails when stderr is not a
    /// terminal or is too small.
    pub fn start(recorder: Arc<Recorder>, gil: Arc<Gil>, script: &str) -> Result<Live, String> {
        let Some(size) = super::os::stderr_terminal_size() else {
            return Err("stderr is not a terminal, so there is nothing to draw on (--timeline draws at exit)".into());
        };
        if size.0 < 12 || size.1 < 50 {
            return Err(format!("the terminal is too small ({} rows x {} columns; 12 x 50 at least)", size.0, size.1));
        }
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let painter =
            Painter { recorder, gil, script: script.to_string(), started: Instant::now(), ansi: !no_color, size };
        // Make room: push what is on the screen up by the panel's height,
        // then keep the script's output above the panel.
        let h = panel_height(size.0);
        let mut setup = "\n".repeat(h);
        let _ = write!(setup, "\x1b[{h}A");
        setup.push_str(&region(size.0));
        emit(&setup);
        let stop = Arc::new((Mutex::new(false), Condvar::new()));
        let flag = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("gilt-live".into())
            .spawn(move || {
                crate::runtime::interrupt::block_all_signals();
                painter.run(&flag)
            })
            .map_err(|e| format!("cannot start the drawing thread: {e}"))?;
        Ok(Live { stop, thread: Some(thread) })
    }

    /// Draws the last picture, gives the terminal its whole screen back and
    /// leaves the cursor under the picture.
    pub fn stop(mut self) {
        self.halt();
    }

    fn halt(&mut self) {
        let Some(thread) = self.thread.take() else { return };
        *self.stop.0.lock() = true;
        self.stop.1.notify_all();
        let _ = thread.join();
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        self.halt();
    }
}

/// Lines the panel takes: a header, the thread rows and the legend.
fn panel_height(rows: usize) -> usize {
    (MAX_ROWS + 2).min(rows / 2)
}

/// Sets the scrolling region to the lines above the panel, keeping the cursor
/// where it is (setting the region moves it home).
fn region(rows: usize) -> String {
    format!("\x1b7\x1b[1;{}r\x1b8", rows - panel_height(rows))
}

/// One write of `s` to stderr.
fn emit(s: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(s.as_bytes());
    let _ = err.flush();
}

impl Painter {
    fn run(mut self, stop: &(Mutex<bool>, Condvar)) {
        loop {
            let done = {
                let mut stopped = stop.0.lock();
                if !*stopped {
                    stop.1.wait_for(&mut stopped, FRAME);
                }
                *stopped
            };
            self.draw();
            if done {
                break;
            }
        }
        // The whole screen scrolls again; the cursor goes under the picture.
        emit(&format!("\x1b[r\x1b[{};1H\n", self.size.0));
    }

    fn draw(&mut self) {
        let Some(size) = super::os::stderr_terminal_size() else { return };
        let mut out = String::new();
        if size != self.size {
            out.push_str(&region(size.0));
            self.size = size;
        }
        let (rows, cols) = size;
        let h = panel_height(rows);
        let lines = self.panel(cols, h);
        out.push_str("\x1b7");
        for (i, line) in lines.iter().enumerate() {
            let _ = write!(out, "\x1b[{};1H\x1b[2K{line}", rows - h + 1 + i);
        }
        out.push_str("\x1b8");
        emit(&out);
    }

    /// The panel's `h` lines, each at most `cols` wide.
    fn panel(&self, cols: usize, h: usize) -> Vec<String> {
        let now = Instant::now();
        let gil_on = self.gil.enabled();
        let tracks = self.recorder.live_tracks(gil_on, now);
        let end = now.saturating_duration_since(self.recorder.origin());
        let start = end.saturating_sub(WINDOW);
        let elapsed = now.saturating_duration_since(self.started).as_secs_f64();
        let mode = if gil_on {
            format!("GIL on, {}", crate::runtime::stats::count_noun(self.gil.switches(), "switch", "switches"))
        } else {
            "GIL off".into()
        };
        let rows_room = h.saturating_sub(2);
        let shown = pick_rows(&tracks, end, rows_room);
        let more = tracks.len().saturating_sub(shown.len());
        let more = if more > 0 { format!(", {more} more threads") } else { String::new() };
        let mut lines = vec![clip(
            &format!(
                "gilt --live: {}, {:.1} s, {}{}, last {:.0} s",
                self.script,
                elapsed,
                mode,
                more,
                (end - start).as_secs_f64().max(1.0)
            ),
            cols,
        )];
        // Full names where they fit, so `ThreadPoolExecutor-0_0` and `-0_1` stay apart.
        let longest = shown.iter().map(|t| t.name.chars().count() + 1).max().unwrap_or(0);
        let name_cols = longest.clamp(NAME_COLS, (cols / 3).max(NAME_COLS));
        let bar_cols = cols.saturating_sub(name_cols + 1 + STATE_COLS + 1).max(10);
        for t in shown {
            let mut line = pad(&t.name, name_cols);
            line.push('|');
            let mut last = "";
            for c in timeline::window_cells(t, start, end.max(start + Duration::from_millis(1)), bar_cols) {
                if self.ansi {
                    let code = timeline::cell_colour(c);
                    if code != last {
                        line.push_str(if code.is_empty() { "\x1b[0m" } else { code });
                        last = code;
                    }
                }
                line.push(c.glyph());
            }
            if self.ansi && !last.is_empty() {
                line.push_str("\x1b[0m");
            }
            line.push('|');
            line.push_str(&state_word(t, end));
            lines.push(line);
        }
        lines.push(clip(
            &format!(
                "{} running   {} waiting for the GIL   {} sleeping   {} blocked (I/O, lock, join…)",
                Cell::Run.glyph(),
                Cell::Wait.glyph(),
                Cell::Sleep.glyph(),
                Cell::Blocked.glyph()
            ),
            cols,
        ));
        while lines.len() < h {
            lines.push(String::new());
        }
        lines.truncate(h);
        lines
    }
}

/// The rows to draw: live threads first (in start order), then finished
/// ones, at most `room`.
fn pick_rows(tracks: &[Track], end: Duration, room: usize) -> Vec<&Track> {
    let alive = |t: &Track| t.end + Duration::from_millis(1) >= end;
    let mut rows: Vec<&Track> = tracks.iter().filter(|t| alive(t)).collect();
    rows.extend(tracks.iter().filter(|t| !alive(t)));
    rows.truncate(room);
    rows
}

/// What the thread is doing now, in a word or two.
fn state_word(t: &Track, end: Duration) -> String {
    if t.end + Duration::from_millis(1) < end {
        return "finished".into();
    }
    match t.slices.last().map(|s| s.state) {
        Some(State::Holding | State::Running) => "running".into(),
        Some(State::Waiting) => "wants the GIL".into(),
        Some(State::Blocked(k)) => format!("in {}", k.name()),
        _ => "idle".into(),
    }
}

/// `s` padded to exactly `width` characters; a name too long loses its middle
/// (`ThreadPo…utor-0_1`), since its end is what tells pool threads apart.
fn pad(s: &str, width: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    let room = width.saturating_sub(1);
    let mut out: String = if chars.len() <= room {
        s.to_string()
    } else {
        let tail = room.saturating_sub(1) / 2;
        let head = room.saturating_sub(1 + tail);
        let mut cut: String = chars[..head].iter().collect();
        cut.push('…');
        cut.extend(&chars[chars.len() - tail..]);
        cut
    };
    while out.chars().count() < width {
        out.push(' ');
    }
    out
}

/// `s` cut to at most `width` characters.
fn clip(s: &str, width: usize) -> String {
    s.chars().take(width).collect()
}

#[cfg(test)]
mod tests {
    use super::pad;

    #[test]
    fn long_names_keep_their_ends() {
        assert_eq!(pad("MainThread", 12), "MainThread  ");
        let a = pad("ThreadPoolExecutor-0_0", 16);
        assert_eq!(a, "ThreadP…tor-0_0 ");
        assert_ne!(a, pad("ThreadPoolExecutor-0_1", 16));
    }
}
