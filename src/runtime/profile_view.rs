//! The two faces of [`super::profile`]: the `--profile` table printed on
//! stderr at exit, and the `--profile-out FILE` CSV (one header row, one
//! row per function, every blocked kind in its own column) for a
//! spreadsheet.

use std::fmt::Write as _;
use std::time::Duration;

use super::events::BlockKind;
use super::profile::Row;

/// Rows printed at most; the CSV has them all.
pub const MAX_ROWS: usize = 30;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// `file:line name`, with the file relative to the current directory
/// when it lies under it (scripts are compiled with absolute paths).
pub fn location(row: &Row) -> String {
    let file = std::env::current_dir()
        .ok()
        .and_then(|cwd| std::path::Path::new(&row.file).strip_prefix(cwd).ok().map(|p| p.display().to_string()))
        .unwrap_or_else(|| row.file.clone());
    format!("{file}:{} {}", row.line, row.name)
}

/// The kind a row was blocked in most, for the table.
fn main_kind(row: &Row) -> &'static str {
    let (i, d) = row.blocked.iter().enumerate().max_by_key(|(_, d)| **d).expect("kinds");
    if d.is_zero() { "" } else { BlockKind::ALL[i].name() }
}

/// The `--profile` table: `threads` profiled over `elapsed`, `rows` sorted
/// by own time.
pub fn table(rows: &[Row], threads: usize, elapsed: Duration) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "profile: {}, {}, {:.3} s; times in ms, summed over threads, by own time",
        super::stats::count_noun(rows.len() as u64, "function", "functions"),
        super::stats::count_noun(threads as u64, "thread", "threads"),
        elapsed.as_secs_f64()
    );
    let _ = writeln!(
        out,
        "{:>8} {:>10} {:>10} {:>12} {:>11} {:<7} function",
        "calls", "total ms", "own ms", "GIL wait ms", "blocked ms", ""
    );
    let _ = writeln!(out, "{}", "-".repeat(79));
    for r in rows.iter().take(MAX_ROWS) {
        let _ = writeln!(
            out,
            "{:>8} {:>10.1} {:>10.1} {:>12.1} {:>11.1} {:<7} {}",
            r.calls,
            ms(r.total),
            ms(r.own),
            ms(r.gil_wait),
            ms(r.blocked_total()),
            main_kind(r),
            location(r)
        );
    }
    if rows.len() > MAX_ROWS {
        let _ = writeln!(out, "… {} more functions (all of them with --profile-out FILE.csv)", rows.len() - MAX_ROWS);
    }
    let _ = writeln!(out, "{}", "-".repeat(79));
    let _ = writeln!(out, "total = with the Python functions it called; own = without them. GIL wait and");
    let _ = writeln!(out, "blocked (the kind after it: sleep, I/O, lock, join…) are parts of the own time.");
    out
}

/// One CSV field, quoted when it needs to be (RFC 4180).
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

/// The `--profile-out` CSV.
pub fn csv(rows: &[Row]) -> String {
    let mut out = String::from("function,file,line,calls,total_ms,own_ms,gil_wait_ms,blocked_ms,threads");
    for k in BlockKind::ALL {
        let name = match k {
            BlockKind::Io => "io",
            k => k.name(),
        };
        let _ = write!(out, ",blocked_{name}_ms");
    }
    out.push('\n');
    for r in rows {
        let _ = write!(
            out,
            "{},{},{},{},{:.3},{:.3},{:.3},{:.3},{}",
            field(&r.name),
            field(&r.file),
            r.line,
            r.calls,
            ms(r.total),
            ms(r.own),
            ms(r.gil_wait),
            ms(r.blocked_total()),
            r.threads
        );
        for d in r.blocked {
            let _ = write!(out, ",{:.3}", ms(d));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, file: &str) -> Row {
        Row {
            file: file.into(),
            line: 3,
            name: name.into(),
            calls: 10,
            total: Duration::from_millis(5),
            own: Duration::from_millis(4),
            gil_wait: Duration::ZERO,
            blocked: [Duration::ZERO; BlockKind::COUNT],
            threads: 1,
        }
    }

    #[test]
    fn csv_quotes_and_has_a_column_per_kind() {
        let text = csv(&[row("f", "a,b.py")]);
        let mut lines = text.lines();
        let header = lines.next().unwrap();
        assert_eq!(header.split(',').count(), 9 + BlockKind::COUNT);
        assert!(header.contains("blocked_sleep_ms") && header.contains("blocked_io_ms"));
        let zeros = ",0.000".repeat(BlockKind::COUNT);
        assert_eq!(lines.next().unwrap(), format!("f,\"a,b.py\",3,10,5.000,4.000,0.000,0.000,1{zeros}"));
    }

    #[test]
    fn table_shows_the_blocked_kind() {
        let mut r = row("sleeper", "/x/s.py");
        r.blocked[BlockKind::Sleep.index()] = Duration::from_millis(200);
        let t = table(&[r], 2, Duration::from_secs(1));
        assert!(t.contains("sleep") && t.contains("/x/s.py:3 sleeper") && t.contains("2 threads"), "{t}");
    }
}
