//! CPython's own regression tests as the judge (issue 12).
//!
//! Every module listed in `tests/cpython/modules.txt` (Debian's `libpython3.11-testsuite`,
//! `/usr/lib/python3.11/test`) runs under the built gilt through `tests/cpython/run_one.py`,
//! with CPython's library as gilt embeds it (the `test` package is found on disk beside it), once with the GIL on, and once more with `--gil off`
//! when its line says `gil-off`. Each run is one test of this harness; run_one.py prints one line
//! per test id with its outcome, and the failing ones (fail, error, unexpected success, hang,
//! crash) are compared with `tests/cpython/expected_failures.txt`:
//!
//! * a failure not listed there fails the run (a regression, or a new module's findings);
//! * a listed id that now passes, is skipped, or no longer exists fails it too, so the file only
//!   ever shrinks by someone deleting the line;
//! * a module that cannot be imported, or dies outside any test, is one entry under its name.
//!
//! Entries are `test id  # reason`; `gil-off:test id  # reason` for a failure seen only with
//! the GIL off. A reason starting with `flaky` marks a test that fails only sometimes: its
//! passing is not reported. `GILT_CPYTHON_UPDATE=1` rewrites the file from what this run saw, keeping the
//! reasons already written and using the first line of the error message for new ones.
//!
//! A test that hangs (no output for `GILT_CPYTHON_TEST_TIMEOUT` s, default 30) or kills gilt is
//! recorded as such, and the module is run again without it (`--skip`), at most a few times
//! within `GILT_CPYTHON_TIMEOUT` s per module (default 420). Modules run in parallel, as many at
//! a time as libtest-mimic's `--test-threads` (the number of CPUs). When CPython's tests are not
//! installed the harness says so and skips.

use libtest_mimic::{Arguments, Failed, Trial};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

const GILT: &str = env!("CARGO_BIN_EXE_gilt");
const LIB: &str = "/usr/lib/python3.11";
const MAX_ATTEMPTS: usize = 6;
/// More new failures than this in one module is a real regression, not a flaky test: no retry.
const MAX_RETRIED: usize = 5;

/// One line of modules.txt.
#[derive(Clone)]
struct Spec {
    module: String,
    gil_off: bool,
}

/// How one test ended.
#[derive(Clone, Debug)]
struct TestOutcome {
    id: String,
    kind: String,
    message: String,
}

impl TestOutcome {
    fn is_bad(&self) -> bool {
        matches!(self.kind.as_str(), "fail" | "error" | "xpass" | "hang" | "crash")
    }
}

/// One run of one module in one GIL mode.
struct ModuleRun {
    module: String,
    gil_off: bool,
    tests: Vec<TestOutcome>,
    /// The module could not be imported, or gilt died outside any test.
    module_error: Option<String>,
    seconds: f64,
}

fn env_secs(name: &str, default: u64) -> Duration {
    Duration::from_secs(std::env::var(name).ok().and_then(|s| s.parse().ok()).unwrap_or(default))
}

fn main() {
    let args = Arguments::from_args();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("cpython");
    if !Path::new(LIB).join("test").join("__init__.py").is_file() {
        eprintln!(
            "\nSKIPPED: CPython's regression tests are not installed ({LIB}/test is missing).\n\
             Install Debian's libpython3.11-testsuite and libpython3.11-stdlib to run them.\n"
        );
        let trial = Trial::test("cpython_regression_tests_not_installed", || Ok(())).with_ignored_flag(true);
        libtest_mimic::run(&args, vec![trial]).exit();
    }
    let specs = read_modules(&dir.join("modules.txt"));
    let expected_path = dir.join("expected_failures.txt");
    let expected = Arc::new(read_expected(&expected_path));
    let update = std::env::var_os("GILT_CPYTHON_UPDATE").is_some_and(|v| !v.is_empty() && v != "0");
    let runs: Arc<Mutex<Vec<ModuleRun>>> = Arc::default();
    let runner = dir.join("run_one.py");

    let mut trials = Vec::new();
    for spec in &specs {
        let modes: &[bool] = if spec.gil_off { &[false, true] } else { &[false] };
        for &off in modes {
            let name = if off { format!("{}::gil_off", spec.module) } else { spec.module.clone() };
            let (spec, runs, expected, runner) = (spec.clone(), runs.clone(), expected.clone(), runner.clone());
            trials.push(Trial::test(name, move || {
                let mut run = run_module(&runner, &spec.module, off);
                if !update {
                    retry_new_failures(&runner, &mut run, &expected);
                }
                let verdict = if update { Ok(()) } else { judge(&run, &expected) };
                runs.lock().unwrap().push(run);
                verdict
            }));
        }
    }
    let conclusion = libtest_mimic::run(&args, trials);
    let runs = runs.lock().unwrap();
    print_table(&runs);
    if update {
        let text = regenerate(&runs, &expected);
        std::fs::write(&expected_path, text).expect("write expected_failures.txt");
        eprintln!("wrote {}", expected_path.display());
    }
    conclusion.exit();
}

fn read_modules(path: &Path) -> Vec<Spec> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        let mut words = line.split_whitespace();
        let Some(module) = words.next() else { continue };
        let gil_off = words.any(|w| w == "gil-off");
        out.push(Spec { module: module.to_string(), gil_off });
    }
    out
}

/// expected_failures.txt: key → reason.
fn read_expected(path: &Path) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut out = BTreeMap::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, reason) = match line.split_once(" #") {
            Some((k, r)) => (k.trim(), r.trim()),
            None => (line, ""),
        };
        out.insert(key.to_string(), reason.to_string());
    }
    out
}

fn full_name(module: &str) -> String {
    if module.starts_with("test.") { module.to_string() } else { format!("test.{module}") }
}

/// Runs a module until it finishes, skipping the tests that hang or crash gilt.
fn run_module(runner: &Path, module: &str, gil_off: bool) -> ModuleRun {
    let start = Instant::now();
    let budget = env_secs("GILT_CPYTHON_TIMEOUT", 420);
    let quiet_limit = env_secs("GILT_CPYTHON_TEST_TIMEOUT", 30);
    let work = std::env::temp_dir().join(format!(
        "gilt-cpython-{}-{}-{}",
        module,
        if gil_off { "off" } else { "on" },
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&work);
    let _ = std::fs::create_dir_all(&work);
    let mut tests: Vec<TestOutcome> = Vec::new();
    let mut skip: Vec<String> = Vec::new();
    let mut module_error = None;
    for _ in 0..MAX_ATTEMPTS {
        let left = budget.saturating_sub(start.elapsed());
        if left.is_zero() {
            module_error.get_or_insert_with(|| format!("hang: module not finished after {} s", budget.as_secs()));
            break;
        }
        let args: Vec<String> = skip.iter().flat_map(|id| ["--skip".to_string(), id.clone()]).collect();
        let attempt = run_once(runner, module, gil_off, &args, &work, left, quiet_limit);
        let mut started: Option<String> = None;
        let mut import_error = None;
        for line in &attempt.lines {
            let Some(rest) = line.strip_prefix("@@") else { continue };
            let (head, message) = match rest.split_once(" :: ") {
                Some((h, m)) => (h, m.to_string()),
                None => (rest, String::new()),
            };
            let (kind, id) = head.split_once(' ').unwrap_or((head, ""));
            match kind {
                "start" => started = Some(id.to_string()),
                "done" | "skipped-by-runner" => {}
                "import-error" | "crash" => import_error = Some(message),
                _ => {
                    if started.as_deref() == Some(id) {
                        started = None;
                    }
                    // A later attempt runs the module again from the start: the tests an earlier
                    // attempt reported are counted once, as they first ended.
                    if tests.iter().all(|t| t.id != id) {
                        tests.push(TestOutcome { id: id.to_string(), kind: kind.to_string(), message });
                    }
                }
            }
        }
        if let Some(e) = import_error {
            module_error = Some(e);
            break;
        }
        if attempt.finished {
            break;
        }
        let why =
            if attempt.hung { format!("no output for {} s", quiet_limit.as_secs()) } else { attempt.death.clone() };
        match started {
            Some(id) => {
                tests.push(TestOutcome {
                    id: id.clone(),
                    kind: if attempt.hung { "hang" } else { "crash" }.into(),
                    message: why,
                });
                skip.push(id);
            }
            None => {
                let kind = if attempt.hung { "hang" } else { "crash" };
                module_error = Some(format!("{kind}: {why}"));
                break;
            }
        }
    }
    let _ = std::fs::remove_dir_all(&work);
    ModuleRun { module: full_name(module), gil_off, tests, module_error, seconds: start.elapsed().as_secs_f64() }
}

/// Runs the module once more when tests failed that are not listed: on a loaded machine (CI has
/// two cores) a timing-sensitive test of CPython's can fail once. The whole module runs again,
/// so that a test that fails only after the tests before it fails again; a test that passes the
/// second time is counted as passed and named on stderr.
fn retry_new_failures(runner: &Path, run: &mut ModuleRun, expected: &BTreeMap<String, String>) {
    let prefix = if run.gil_off { "gil-off:" } else { "" };
    let listed = |id: &str| expected.contains_key(id) || expected.contains_key(&format!("{prefix}{id}"));
    let new_bad = run.tests.iter().filter(|t| t.is_bad() && !listed(&t.id)).count();
    if new_bad == 0 || run.module_error.is_some() || new_bad > MAX_RETRIED {
        return;
    }
    let again = run_module(runner, &run.module, run.gil_off);
    for t in run.tests.iter_mut().filter(|t| t.is_bad() && !listed(&t.id)) {
        if again.tests.iter().any(|a| a.id == t.id && a.kind == "pass") {
            eprintln!("flaky: {prefix}{} ({}: {}) passed when the module ran again", t.id, t.kind, t.message);
            t.kind = "pass".into();
            t.message.clear();
        }
    }
    run.seconds += again.seconds;
}

struct Attempt {
    lines: Vec<String>,
    finished: bool,
    hung: bool,
    /// How gilt ended when it did not finish: exit status and last line of stderr.
    death: String,
}

fn run_once(
    runner: &Path,
    module: &str,
    gil_off: bool,
    runner_args: &[String],
    work: &Path,
    left: Duration,
    quiet_limit: Duration,
) -> Attempt {
    let mut cmd = Command::new(GILT);
    // The library's bytecode cache (~/.cache/gilt) must work even where the environment
    // sets PYTHONDONTWRITEBYTECODE, or every run compiles the modules it imports again.
    cmd.env_remove("GILT_GIL").env_remove("PYTHONPATH").current_dir(work).env_remove("PYTHONDONTWRITEBYTECODE");
    cmd.arg("--gil").arg(if gil_off { "off" } else { "on" });
    cmd.arg(runner).arg(module);
    cmd.args(runner_args);
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    // Its own process group, so that what the tests fork or spawn (and leave behind when a test
    // hangs) is killed with it: a grandchild holding the output pipes open would otherwise keep
    // the readers below waiting forever.
    cmd.process_group(0);
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            return Attempt { lines: vec![], finished: false, hung: false, death: format!("cannot start {GILT}: {e}") };
        }
    };
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut stderr_pipe = child.stderr.take().unwrap();
    let stderr = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stderr_pipe.read_to_end(&mut buf);
        // Only the end matters; keep memory bounded for chatty modules.
        String::from_utf8_lossy(&buf[buf.len().saturating_sub(8192)..]).into_owned()
    });
    let deadline = Instant::now() + left;
    let mut lines = Vec::new();
    let mut hung = false;
    let mut last_output = Instant::now();
    let mut exited = false;
    loop {
        let now = Instant::now();
        if now >= deadline || now - last_output >= quiet_limit {
            hung = true;
            break;
        }
        match rx.recv_timeout(Duration::from_millis(250)) {
            Ok(line) => {
                lines.push(line);
                last_output = Instant::now();
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                // gilt is gone but something it started still holds stdout: what gilt wrote
                // has been read once the pipe is quiet; stop the leftovers so it closes.
                if exited {
                    kill_group(child.id());
                } else if matches!(child.try_wait(), Ok(Some(_))) {
                    exited = true;
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    if hung {
        kill_group(child.id());
    }
    let status = child.wait().ok();
    // Whatever the tests left running (a forked child that went on with the tests) goes too.
    kill_group(child.id());
    let err_text = finish_reading(stderr);
    let finished = !hung && lines.iter().any(|l| l == "@@done");
    let last_err = err_text.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").trim().to_string();
    let status = match status.map(|s| (s.code(), s)) {
        Some((Some(c), _)) => format!("exit status {c}"),
        Some((None, s)) => format!("killed by a signal ({s})"),
        None => "unknown exit".to_string(),
    };
    let death = if last_err.is_empty() { status } else { format!("{status}: {last_err}") };
    Attempt { lines, finished, hung, death }
}

/// Kills gilt's process group (gilt and everything it started that did not leave the group).
fn kill_group(pid: u32) {
    // SAFETY: kill(2) with a negative pid signals a process group; no memory is touched.
    unsafe {
        libc::kill(-(pid as i32), libc::SIGKILL);
    }
}

/// The stderr reader's text, waiting at most a few seconds: a process that left the group
/// (setsid) may still hold the pipe, and the harness must not wait for it.
fn finish_reading(reader: std::thread::JoinHandle<String>) -> String {
    let wait_until = Instant::now() + Duration::from_secs(5);
    while !reader.is_finished() {
        if Instant::now() >= wait_until {
            return String::from("(stderr still held open by a process gilt started)");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    reader.join().unwrap_or_default()
}

/// The expected-failures keys that a run of `module` in this mode answers for.
fn belongs(key: &str, module: &str) -> bool {
    key == module || key.starts_with(&format!("{module}.")) || key.contains(&format!("({module}."))
}

/// Whether an entry is `run`'s: named after its module, or a test id the run
/// reported (test_unittest's tests are `unittest.test.…`).
fn owns(run: &ModuleRun, key: &str) -> bool {
    belongs(key, &run.module) || run.tests.iter().any(|t| t.id == key)
}

fn judge(run: &ModuleRun, expected: &BTreeMap<String, String>) -> Result<(), Failed> {
    let prefix = if run.gil_off { "gil-off:" } else { "" };
    let listed =
        |key: &str| expected.contains_key(key) || (run.gil_off && expected.contains_key(&format!("gil-off:{key}")));
    let mut problems = Vec::new();
    if let Some(err) = &run.module_error {
        if !listed(&run.module) {
            problems.push(format!("NEW  {}{}  # {err}", prefix, run.module));
        }
        if problems.is_empty() {
            return Ok(());
        }
        return Err(problems.join("\n").into());
    }
    let mut seen_bad = BTreeSet::new();
    let mut seen = BTreeSet::new();
    for t in &run.tests {
        seen.insert(t.id.as_str());
        if t.is_bad() {
            seen_bad.insert(t.id.as_str());
            if !listed(&t.id) {
                problems.push(format!("NEW  {}{}  # {}: {}", prefix, t.id, t.kind, t.message));
            }
        }
    }
    // Entries of this mode whose test no longer fails.
    for key in expected.keys() {
        let id = match (run.gil_off, key.strip_prefix("gil-off:")) {
            (true, Some(id)) => id,
            (false, None) => key.as_str(),
            _ => continue,
        };
        if !owns(run, id) {
            continue;
        }
        // A module's doctests have the module's name as their test id: a failing one is not a
        // module that could not load.
        if id == run.module && !seen_bad.contains(id) {
            problems.push(format!("FIXED {key}  (the module imports now: remove the line)"));
        } else if !seen_bad.contains(id) && !expected[key].starts_with("flaky") {
            let how = if seen.contains(id) { "passes now" } else { "did not run" };
            problems.push(format!("FIXED {key}  ({how}: remove the line)"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        problems.push("(GILT_CPYTHON_UPDATE=1 cargo test --release --test cpython rewrites the list)".into());
        Err(problems.join("\n").into())
    }
}

fn counts(run: &ModuleRun) -> [usize; 5] {
    let mut c = [0; 5];
    for t in &run.tests {
        c[0] += 1;
        match t.kind.as_str() {
            "pass" | "xfail" => c[1] += 1,
            "fail" | "xpass" => c[2] += 1,
            "error" | "hang" | "crash" => c[3] += 1,
            _ => c[4] += 1,
        }
    }
    c
}

fn print_table(runs: &[ModuleRun]) {
    let mut rows: Vec<&ModuleRun> = runs.iter().collect();
    rows.sort_by(|a, b| (&a.module, a.gil_off).cmp(&(&b.module, b.gil_off)));
    println!("\nCPython regression tests under gilt (run / passed / failed / errors / skipped):\n");
    println!("| module | GIL | run | passed | failed | errors | skipped | seconds | note |");
    println!("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    let mut total = [0; 5];
    for r in rows {
        let gil = if r.gil_off { "off" } else { "on" };
        let name = r.module.trim_start_matches("test.");
        match &r.module_error {
            Some(e) => println!("| {name} | {gil} | — | — | — | — | — | {:.0} | {} |", r.seconds, shorten(e)),
            None => {
                let c = counts(r);
                for (t, v) in total.iter_mut().zip(c) {
                    *t += v;
                }
                println!(
                    "| {name} | {gil} | {} | {} | {} | {} | {} | {:.0} | |",
                    c[0], c[1], c[2], c[3], c[4], r.seconds
                );
            }
        }
    }
    println!("| total | | {} | {} | {} | {} | {} | | |\n", total[0], total[1], total[2], total[3], total[4]);
}

fn shorten(s: &str) -> String {
    let s: String = s.chars().take(90).collect();
    s.replace('|', "\\|")
}

/// The new expected_failures.txt: every failure of this run, with the reason already written
/// for it when there is one, else the first line of its error.
fn regenerate(runs: &[ModuleRun], old: &BTreeMap<String, String>) -> String {
    let mut entries: BTreeMap<String, String> = BTreeMap::new();
    let mut bad_on: BTreeSet<String> = BTreeSet::new();
    for r in runs.iter().filter(|r| !r.gil_off) {
        if let Some(e) = &r.module_error {
            bad_on.insert(r.module.clone());
            entries.insert(r.module.clone(), e.clone());
        }
        for t in r.tests.iter().filter(|t| t.is_bad()) {
            bad_on.insert(t.id.clone());
            entries.insert(t.id.clone(), format!("{}: {}", t.kind, t.message));
        }
    }
    for r in runs.iter().filter(|r| r.gil_off) {
        let mut add = |id: &str, why: String| {
            if !bad_on.contains(id) && !bad_on.contains(&r.module) {
                entries.insert(format!("gil-off:{id}"), why);
            }
        };
        if let Some(e) = &r.module_error {
            add(&r.module, e.clone());
        }
        for t in r.tests.iter().filter(|t| t.is_bad()) {
            add(&t.id, format!("{}: {}", t.kind, t.message));
        }
    }
    // Modules this run did not cover keep their lines, and so do tests marked flaky (a run
    // where one passed says nothing about the next).
    for (k, v) in old {
        let id = k.strip_prefix("gil-off:").unwrap_or(k);
        if !runs.iter().any(|r| owns(r, id)) || v.starts_with("flaky") {
            entries.insert(k.clone(), v.clone());
        }
    }
    let mut out = String::from(
        "# CPython 3.11 regression tests that gilt does not pass yet (tests/cpython.rs).\n\
         # One line per failing test id, or a whole module that cannot load; `gil-off:` for a failure\n\
         # seen only with --gil off. Text after ` # ` is the reason: refine it by hand, an update keeps it.\n\
         # Regenerate: GILT_CPYTHON_UPDATE=1 cargo test --release --test cpython\n",
    );
    let mut last_module = String::new();
    for (k, v) in &entries {
        let reason = old.get(k).filter(|r| !r.is_empty()).cloned().unwrap_or_else(|| v.replace('\n', " "));
        let id = k.strip_prefix("gil-off:").unwrap_or(k);
        let module = module_of(id);
        if module != last_module {
            out.push('\n');
            last_module = module;
        }
        out.push_str(&format!("{k}  # {reason}\n"));
    }
    out
}

/// `test.test_bool` for `test.test_bool.BoolTest.test_x` and for `setUpClass (test.test_bool.X)`.
fn module_of(id: &str) -> String {
    let id = match id.split_once('(') {
        Some((_, inner)) => inner.trim_end_matches(')'),
        None => id,
    };
    id.split('.').take(2).collect::<Vec<_>>().join(".")
}
