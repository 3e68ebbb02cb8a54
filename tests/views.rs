//! Issue 6's views end to end: `--trace` (valid Trace Event JSON, one track
//! per thread, GIL-held time equal to `--stats`), `--timeline` (fits 80
//! columns), `--report` (one SVG row per thread; rendered by headless
//! Chromium when it is installed) and `gilt compare`.

use std::path::{Path, PathBuf};
use std::process::Command;

const GILT: &str = env!("CARGO_BIN_EXE_gilt");

fn tmp(name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(name)
}

/// gil_cpu_threads.py with a small N, written to the temp dir.
fn small_cpu_script() -> PathBuf {
    let src =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/bench/gil_cpu_threads.py")).unwrap();
    let src = src.replace("N = 6000000", "N = 400000");
    let path = tmp("views_cpu_threads.py");
    std::fs::write(&path, src).unwrap();
    path
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(GILT).args(args).env_remove("GILT_GIL").env("COLUMNS", "80").output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A minimal JSON value and parser (enough to check the trace).
#[derive(Debug, Clone)]
#[allow(dead_code)]
enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(kv) => kv.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    fn str(&self) -> &str {
        match self {
            Json::Str(s) => s,
            _ => "",
        }
    }
    fn num(&self) -> f64 {
        match self {
            Json::Num(n) => *n,
            _ => f64::NAN,
        }
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && self.s[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }
    fn eat(&mut self, c: u8) -> Result<(), String> {
        self.ws();
        if self.s.get(self.i) == Some(&c) {
            self.i += 1;
            Ok(())
        } else {
            Err(format!("expected {:?} at byte {}", c as char, self.i))
        }
    }
    fn value(&mut self) -> Result<Json, String> {
        self.ws();
        match self.s.get(self.i) {
            Some(b'{') => {
                self.i += 1;
                let mut kv = Vec::new();
                self.ws();
                if self.s.get(self.i) == Some(&b'}') {
                    self.i += 1;
                    return Ok(Json::Obj(kv));
                }
                loop {
                    self.ws();
                    let Json::Str(k) = self.value()? else { return Err("key".into()) };
                    self.eat(b':')?;
                    kv.push((k, self.value()?));
                    self.ws();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {
                            self.i += 1;
                            return Ok(Json::Obj(kv));
                        }
                        _ => return Err(format!("bad object at {}", self.i)),
                    }
                }
            }
            Some(b'[') => {
                self.i += 1;
                let mut v = Vec::new();
                self.ws();
                if self.s.get(self.i) == Some(&b']') {
                    self.i += 1;
                    return Ok(Json::Arr(v));
                }
                loop {
                    v.push(self.value()?);
                    self.ws();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return Ok(Json::Arr(v));
                        }
                        _ => return Err(format!("bad array at {}", self.i)),
                    }
                }
            }
            Some(b'"') => {
                self.i += 1;
                let mut out = Vec::new();
                while let Some(&c) = self.s.get(self.i) {
                    self.i += 1;
                    match c {
                        b'"' => return Ok(Json::Str(String::from_utf8(out).map_err(|e| e.to_string())?)),
                        b'\\' => {
                            let e = self.s[self.i];
                            self.i += 1;
                            match e {
                                b'n' => out.push(b'\n'),
                                b'u' => {
                                    let hex = std::str::from_utf8(&self.s[self.i..self.i + 4]).unwrap();
                                    let c = char::from_u32(u32::from_str_radix(hex, 16).map_err(|e| e.to_string())?)
                                        .unwrap();
                                    out.extend(c.to_string().bytes());
                                    self.i += 4;
                                }
                                other => out.push(other),
                            }
                        }
                        c if c < 0x20 => return Err("control char in string".into()),
                        c => out.push(c),
                    }
                }
                Err("unterminated string".into())
            }
            Some(b't') if self.s[self.i..].starts_with(b"true") => {
                self.i += 4;
                Ok(Json::Bool(true))
            }
            Some(b'f') if self.s[self.i..].starts_with(b"false") => {
                self.i += 5;
                Ok(Json::Bool(false))
            }
            Some(b'n') if self.s[self.i..].starts_with(b"null") => {
                self.i += 4;
                Ok(Json::Null)
            }
            _ => {
                let start = self.i;
                while self.i < self.s.len() && matches!(self.s[self.i], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
                {
                    self.i += 1;
                }
                let text = std::str::from_utf8(&self.s[start..self.i]).unwrap();
                text.parse().map(Json::Num).map_err(|_| format!("bad number {text:?} at {start}"))
            }
        }
    }
}

fn parse(text: &str) -> Json {
    let mut p = Parser { s: text.as_bytes(), i: 0 };
    let v = p.value().unwrap_or_else(|e| panic!("invalid JSON: {e}"));
    p.ws();
    assert_eq!(p.i, text.len(), "trailing data after JSON");
    v
}

/// `held ms` per thread row of the `--stats` table, in row order.
fn stats_held(stderr: &str) -> Vec<f64> {
    let lines: Vec<&str> = stderr.lines().collect();
    let head = lines.iter().position(|l| l.starts_with("thread ") && l.contains("held ms")).expect("stats table");
    lines[head + 2..]
        .iter()
        .take_while(|l| !l.starts_with("---"))
        .map(|l| l.chars().skip(18).collect::<String>().split_whitespace().nth(1).unwrap().parse::<f64>().unwrap())
        .collect()
}

#[test]
fn trace_is_valid_and_matches_stats() {
    let script = small_cpu_script();
    let json_path = tmp("views_trace.json");
    let (code, stdout, stderr) = run(&["--stats", "--trace", json_path.to_str().unwrap(), script.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("speedup"));
    let doc = parse(&std::fs::read_to_string(&json_path).unwrap());
    let Some(Json::Arr(events)) = doc.get("traceEvents") else { panic!("no traceEvents") };
    let mut names = std::collections::BTreeMap::new();
    let mut held = std::collections::BTreeMap::<u64, f64>::new();
    let (mut starts, mut finishes) = (0, 0);
    for e in events {
        let tid = e.get("tid").unwrap().num() as u64;
        match e.get("ph").unwrap().str() {
            "M" if e.get("name").unwrap().str() == "thread_name" => {
                assert!(names.insert(tid, e.get("args").unwrap().get("name").unwrap().str().to_string()).is_none());
            }
            "X" => {
                assert!(e.get("ts").unwrap().num() >= 0.0 && e.get("dur").unwrap().num() >= 0.0);
                assert!(e.get("args").unwrap().get("began").is_some());
                if e.get("name").unwrap().str() == "running (GIL)" {
                    *held.entry(tid).or_default() += e.get("dur").unwrap().num() / 1000.0;
                }
            }
            "s" => starts += 1,
            "f" => finishes += 1,
            _ => {}
        }
    }
    // MainThread + 1 thread + 2 threads.
    assert_eq!(names.len(), 4, "{names:?}");
    assert_eq!(names.values().next().unwrap(), "MainThread");
    assert!(starts > 0 && starts == finishes, "flows: {starts} starts, {finishes} finishes");
    let expected = stats_held(&stderr);
    assert_eq!(expected.len(), 4, "{stderr}");
    for ((tid, name), want) in names.iter().zip(expected) {
        let got = held.get(tid).copied().unwrap_or(0.0);
        let tol = (want * 0.01).max(0.2);
        assert!((got - want).abs() <= tol, "{name}: trace held {got:.2} ms, --stats {want:.1} ms");
    }
}

#[test]
fn timeline_fits_80_columns() {
    let script = small_cpu_script();
    let (code, _, stderr) = run(&["--timeline", script.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let start = stderr.find("GIL timeline of").expect("timeline printed");
    let rows: Vec<&str> = stderr[start..].lines().filter(|l| l.contains('|')).collect();
    assert_eq!(rows.len(), 4, "{stderr}");
    assert!(rows.iter().skip(1).all(|r| r.contains('█')), "{stderr}");
    for l in stderr[start..].lines() {
        assert!(l.chars().count() <= 80, "too wide: {l:?}");
    }
    assert!(!stderr.contains('\x1b'), "no colours when stderr is not a terminal");
}

#[test]
fn report_has_one_svg_row_per_thread() {
    let script = small_cpu_script();
    let html_path = tmp("views_report.html");
    let (code, _, stderr) = run(&["--report", html_path.to_str().unwrap(), script.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let html = std::fs::read_to_string(&html_path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<svg"));
    assert_eq!(html.matches("class=\"thread-row\"").count(), 4);
    assert!(html.contains("views_cpu_threads.py") && html.contains("switch interval"));
    assert!(
        !html.contains("http://")
            || html.matches("http://").all(|_| html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
    );
    assert!(!html.contains("<script src") && !html.contains("<link"));

    let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].into_iter().find(|p| Path::new(p).exists());
    let Some(chromium) = chromium else {
        eprintln!("skipped: headless render of the report (chromium is not installed)");
        return;
    };
    let shot = tmp("views_report.png");
    let _ = std::fs::remove_file(&shot);
    let profile = tmp("views_chromium_profile");
    let status = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", shot.display()))
        .arg("--window-size=1000,700")
        .arg(format!("file://{}", html_path.display()))
        .output()
        .unwrap();
    assert!(shot.exists(), "no screenshot: {}", String::from_utf8_lossy(&status.stderr));
    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG") && png.len() > 5000, "screenshot too small to show the rows");
}

#[test]
fn compare_runs_both_modes() {
    let script = tmp("views_compare.py");
    std::fs::write(&script, "import threading\nc = [0]\ndef f():\n    for _ in range(2000):\n        c[0] += 1\nts = [threading.Thread(target=f) for _ in range(2)]\nfor t in ts: t.start()\nfor t in ts: t.join()\nprint('done', len(ts))\n").unwrap();
    let (code, stdout, stderr) = run(&["compare", "--switch", "ticks=100", script.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    for want in ["GIL on ", "GIL off ", "GIL on, ticks=100", "1.00x", "output (the same in every mode):", "done 2"] {
        assert!(stdout.contains(want), "missing {want:?} in:\n{stdout}");
    }
}
