//! Command-line behaviour of the `gilt` binary: script lookup, `-c`, `-` (stdin), `--version`,
//! `--help`, `--gil`, `--dis`, and CPython's command-line habits (issue 15: options after the
//! script, piped stdin, `-m`, flags, environment variables, KeyboardInterrupt's exit, the GIL
//! tools' error paths, the REPL in a pty).
//! Script semantics are tested by tests/scripts.rs.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const GILT: &str = env!("CARGO_BIN_EXE_gilt");
const TIMEOUT: Duration = Duration::from_secs(30);

struct Run {
    code: Option<i32>,
    /// The signal that killed gilt, if one did.
    signal: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn all_output(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// Environment variables that change what gilt does; removed for every test run.
const ENV_VARS: &[&str] = &[
    "GILT_GIL",
    "PYTHON_GIL",
    "PYTHONPATH",
    "PYTHONSTARTUP",
    "PYTHONWARNINGS",
    "PYTHONOPTIMIZE",
    "PYTHONINSPECT",
    "PYTHONHASHSEED",
    "PYTHONNOUSERSITE",
    "PYTHONHOME",
    "PYTHONSAFEPATH",
    "PYTHONUNBUFFERED",
    "PYTHONDONTWRITEBYTECODE",
    "COLUMNS",
    "RUST_BACKTRACE",
    "PYTHONIOENCODING",
    "PYTHONUTF8",
    "PYTHONPYCACHEPREFIX",
    "GILT_PROGRESS_SECS",
];

/// Runs gilt with `args`, feeding `stdin` (or nothing), killing it after TIMEOUT.
fn gilt(args: &[&str], stdin: Option<&str>) -> Run {
    gilt_in(args, stdin, &[], None)
}

/// [`gilt`] with extra environment variables.
fn gilt_env(args: &[&str], stdin: Option<&str>, env: &[(&str, &str)]) -> Run {
    gilt_in(args, stdin, env, None)
}

/// Like [`gilt`], with extra environment variables and a working directory.
fn gilt_in(args: &[&str], stdin: Option<&str>, env: &[(&str, &str)], cwd: Option<&std::path::Path>) -> Run {
    let mut cmd = Command::new(GILT);
    for v in ENV_VARS {
        cmd.env_remove(v);
    }
    cmd.args(args)
        .envs(env.iter().copied())
        .current_dir(cwd.unwrap_or(std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))))
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("cannot start gilt");
    if let Some(text) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        let text = text.to_string();
        std::thread::spawn(move || {
            let _ = pipe.write_all(text.as_bytes());
        });
    }
    let out = reader(child.stdout.take().unwrap());
    let err = reader(child.stderr.take().unwrap());
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("gilt {args:?} hung: killed after {} s", TIMEOUT.as_secs());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let grace = Duration::from_secs(5);
    Run {
        code: status.code(),
        signal: std::os::unix::process::ExitStatusExt::signal(&status),
        stdout: out.recv_timeout(grace).unwrap_or_default(),
        stderr: err.recv_timeout(grace).unwrap_or_default(),
    }
}

fn reader(mut pipe: impl Read + Send + 'static) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = pipe.read_to_end(&mut buf);
        let _ = tx.send(String::from_utf8_lossy(&buf).into_owned());
    });
    rx
}

/// Writes a script into the test's scratch directory and returns its absolute path.
fn script(name: &str, text: &str) -> String {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

fn assert_no_panic(run: &Run) {
    assert_ne!(run.code, Some(101), "gilt panicked:\n{}", run.stderr);
    assert!(!run.stderr.contains("panicked at"), "gilt panicked:\n{}", run.stderr);
    assert!(run.code.is_some(), "gilt was killed by a signal:\n{}", run.stderr);
}

#[test]
fn missing_script_exits_2_with_message() {
    let r = gilt(&["no_such_script_for_gilt.py"], None);
    assert_no_panic(&r);
    assert_eq!(r.code, Some(2), "stderr: {}", r.stderr);
    assert!(r.stdout.is_empty(), "stdout: {}", r.stdout);
    assert!(r.stderr.contains("no_such_script_for_gilt.py"), "stderr should name the file: {}", r.stderr);
}

#[test]
fn dash_c_runs_code() {
    let r = gilt(&["-c", "print(1 + 2)\nprint('two lines')"], None);
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stdout, "3\ntwo lines\n");
}

#[test]
fn dash_c_sets_argv() {
    let r = gilt(&["-c", "import sys; print(sys.argv)", "a", "b c"], None);
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stdout, "['-c', 'a', 'b c']\n");
}

#[test]
fn dash_c_exit_code_and_errors() {
    let r = gilt(&["-c", "import sys; sys.exit(5)"], None);
    assert_eq!(r.code, Some(5), "stderr: {}", r.stderr);
    let r = gilt(&["-c", "1 / 0"], None);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("ZeroDivisionError: division by zero"), "stderr: {}", r.stderr);
    let r = gilt(&["-c", "x = = 1"], None);
    assert_no_panic(&r);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("SyntaxError"), "stderr: {}", r.stderr);
}

#[test]
fn dash_reads_script_from_stdin() {
    let r = gilt(&["-"], Some("x = 20\nfor i in range(2):\n    print('from stdin', x + i)\n"));
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stdout, "from stdin 20\nfrom stdin 21\n");
}

#[test]
fn dash_sets_argv() {
    let r = gilt(&["-", "x", "y"], Some("import sys\nprint(sys.argv)\n"));
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    assert_eq!(r.stdout, "['-', 'x', 'y']\n");
}

#[test]
fn script_args_and_exit_code() {
    let path = script("cli_args.py", "import sys\nprint(sys.argv[1:])\nsys.exit(int(sys.argv[1]))\n");
    let r = gilt(&[&path, "3", "--not-a-gilt-flag", "last"], None);
    assert_eq!(r.stdout, "['3', '--not-a-gilt-flag', 'last']\n", "stderr: {}", r.stderr);
    assert_eq!(r.code, Some(3));
}

#[test]
fn uncaught_exception_prints_traceback_and_exits_1() {
    let path = script("cli_raise.py", "print('before')\nraise KeyError('k')\n");
    let r = gilt(&[&path], None);
    assert_eq!(r.code, Some(1));
    assert_eq!(r.stdout, "before\n");
    assert!(r.stderr.starts_with("Traceback (most recent call last):"), "stderr: {}", r.stderr);
    assert!(r.stderr.contains("line 2"), "stderr: {}", r.stderr);
    assert_eq!(r.stderr.trim_end().lines().last(), Some("KeyError: 'k'"));
}

#[test]
fn version_flag() {
    let r = gilt(&["--version"], None);
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    let text = r.all_output();
    assert!(text.to_lowercase().contains("gilt"), "--version output: {text}");
    assert!(text.chars().any(|c| c.is_ascii_digit()), "--version output: {text}");
}

#[test]
fn help_flag() {
    let r = gilt(&["--help"], None);
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    let text = r.stdout.to_lowercase();
    assert!(text.contains("usage"), "--help output: {}", r.stdout);
    assert!(text.contains("--dis"), "--help should mention --dis: {}", r.stdout);
    assert!(text.contains("-c"), "--help should mention -c: {}", r.stdout);
}

#[test]
fn gil_flag_accepts_on_and_off() {
    for mode in ["on", "off"] {
        let r = gilt(&["--gil", mode, "-c", "print('ok')"], None);
        assert_eq!(r.code, Some(0), "--gil {mode}: {}", r.stderr);
        assert_eq!(r.stdout, "ok\n");
    }
}

#[test]
fn gil_maybe_is_a_usage_error() {
    let path = script("cli_gil.py", "print('must not run')\n");
    let r = gilt(&["--gil", "maybe", &path], None);
    assert_no_panic(&r);
    assert_eq!(r.code, Some(2), "stderr: {}", r.stderr);
    assert!(!r.stdout.contains("must not run"));
    assert!(!r.stderr.is_empty(), "a usage error needs a message");
}

#[test]
fn dis_shows_instructions_and_line_numbers() {
    let src = "import sys\n\n# padding so that the function body sits on lines 10 and 11\n\n\n\n\n\n\
               def add(a, b):\n    total = a + b\n    return total\n\nprint('SHOULD_NOT_RUN', add(1, 2))\n";
    assert_eq!(src.lines().nth(9), Some("    total = a + b"));
    let path = script("cli_dis.py", src);
    let r = gilt(&["--dis", &path], None);
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    let out = &r.stdout;
    // The constant may appear in the listing; the program's output line must not.
    assert!(!out.contains("SHOULD_NOT_RUN 3"), "--dis must not run the script:\n{out}");
    assert!(out.contains("add"), "--dis should name the function:\n{out}");
    assert!(out.to_lowercase().contains("return"), "--dis should show a return instruction:\n{out}");
    let tokens: Vec<&str> = out.split(|c: char| !c.is_ascii_alphanumeric()).collect();
    for line in ["10", "11"] {
        assert!(tokens.contains(&line), "--dis should show line number {line}:\n{out}");
    }
}

#[test]
fn directory_as_script_does_not_panic() {
    let r = gilt(&[env!("CARGO_TARGET_TMPDIR")], None);
    assert_no_panic(&r);
    assert_ne!(r.code, Some(0), "running a directory should fail");
    assert!(!r.stderr.is_empty());
}

/// With no program named, piped stdin is the program (see also cli/habits.rs).
#[test]
fn piped_stdin_without_a_program_runs_to_eof() {
    let r = gilt(&[], Some("x = 6 * 7\nprint('answer', x)\n"));
    assert_no_panic(&r);
    assert_eq!(r.code, Some(0), "stderr: {}", r.stderr);
    assert!(r.stdout.contains("answer 42"), "stdout: {}", r.stdout);
}

/// An event loop whose every task waits for an Event nobody sets: CPython
/// hangs; gilt reports the tasks and where they wait, and exits with 3.
#[test]
fn stuck_event_loop_is_reported_as_a_deadlock() {
    let code = "import asyncio\n\
                async def waiter(ev):\n    await ev.wait()\n\
                async def main():\n    await asyncio.gather(waiter(asyncio.Event()), waiter(asyncio.Event()))\n\
                asyncio.run(main())\n";
    let started = Instant::now();
    let r = gilt(&["-c", code], None);
    assert_eq!(r.code, Some(3), "{}", r.all_output());
    assert!(started.elapsed() < Duration::from_secs(5), "reported late: {:?}", started.elapsed());
    for want in [
        "Deadlock detected:",
        "runs an asyncio event loop",
        "Task-1: main() waiting at <string>:5",
        "waiter() waiting at <string>:3",
    ] {
        assert!(r.stderr.contains(want), "missing {want:?} in:\n{}", r.stderr);
    }
    // A loop that waits for a thread (to_thread) is not stuck.
    let code = "import asyncio, time\n\
                async def main():\n    print(await asyncio.to_thread(lambda: time.sleep(0.6) or 5))\n\
                asyncio.run(main())\n";
    let r = gilt(&["-c", code], None);
    assert_eq!((r.code, r.stdout.as_str()), (Some(0), "5\n"), "{}", r.stderr);
}

// Issue 15: CPython's command-line habits, one file per theme. Expected texts were checked
// against python3 3.11.
#[path = "cli/bytes_verbose.rs"]
mod bytes_verbose;
#[path = "cli/encodings.rs"]
mod encodings;
#[path = "cli/flags.rs"]
mod flags;
#[path = "cli/habits.rs"]
mod habits;
#[path = "cli/repl.rs"]
mod repl;
#[path = "cli/site.rs"]
mod site;
#[path = "cli/stdlib_mains.rs"]
mod stdlib_mains;
#[path = "cli/tools.rs"]
mod tools;

/// A fresh scratch directory holding `files` (path, text); returns its absolute path.
fn scratch(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Files still open at exit (module globals, never closed) are flushed on a
/// normal exit, `sys.exit` and an uncaught exception, text and binary, of
/// every size: nothing written is lost (CPython flushes them at shutdown).
#[test]
fn unclosed_files_are_flushed_at_exit() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("exit_flush");
    let _ = std::fs::create_dir_all(&dir);
    let sizes = [6usize, 100 * 1024, 1024 * 1024];
    for (ending, want_code) in [("print('done')", 0), ("import sys; sys.exit(4)", 4), ("1 / 0", 1)] {
        let mut code = String::from("import atexit\n");
        for (i, n) in sizes.iter().enumerate() {
            let t = dir.join(format!("t{i}.txt"));
            let b = dir.join(format!("b{i}.bin"));
            let _ = std::fs::remove_file(&t);
            let _ = std::fs::remove_file(&b);
            code += &format!("t{i} = open({:?}, 'w')\nt{i}.write('x' * {n})\n", t.display().to_string());
            code += &format!("b{i} = open({:?}, 'wb')\nb{i}.write(b'y' * {n})\n", b.display().to_string());
        }
        // An atexit callback still sees the files open, and may write more.
        code += "atexit.register(lambda: t0.write('!'))\n";
        code += ending;
        code += "\n";
        let path = script("exit_flush.py", &code);
        let r = gilt(&[&path], None);
        assert_no_panic(&r);
        assert_eq!(r.code, Some(want_code), "{ending}: {}", r.stderr);
        for (i, n) in sizes.iter().enumerate() {
            let t = std::fs::metadata(dir.join(format!("t{i}.txt"))).map(|m| m.len() as usize).unwrap_or(0);
            let b = std::fs::metadata(dir.join(format!("b{i}.bin"))).map(|m| m.len() as usize).unwrap_or(0);
            assert_eq!((t, b), (n + usize::from(i == 0), *n), "{ending}: file {i} of {n} bytes");
        }
    }
}

/// A Rust panic inside gilt (forced with the test-only
/// `sys._gilt_test_panic`, present only when GILT_TEST_PANIC is set) reaches
/// the script as `SystemError: internal error in gilt: …`, raised where it
/// happened: catchable, with a Python traceback, and no Rust backtrace.
#[test]
fn panic_becomes_system_error_in_main_thread() {
    let env = [("GILT_TEST_PANIC", "1")];
    let code = "import sys\n\
                try:\n    sys._gilt_test_panic('boom')\n\
                except SystemError as e:\n    print('caught:', e)\n\
                finally:\n    print('finally ran')\n\
                def f():\n    sys._gilt_test_panic('uncaught')\n\
                f()\n";
    let r = gilt_env(&["-c", code], None, &env);
    assert_eq!(r.code, Some(1), "{}", r.all_output());
    assert_eq!(r.stdout, "caught: internal error in gilt: boom\nfinally ran\n");
    for want in ["Traceback (most recent call last):", "line 9, in f", "SystemError: internal error in gilt: uncaught"]
    {
        assert!(r.stderr.contains(want), "missing {want:?} in:\n{}", r.stderr);
    }
    assert!(!r.stderr.contains("panicked at") && !r.stderr.contains("stack backtrace"), "{}", r.stderr);
    // Without the variable the hook does not exist.
    let r = gilt(&["-c", "import sys; print(hasattr(sys, '_gilt_test_panic'))"], None);
    assert_eq!(r.stdout, "False\n", "{}", r.stderr);
}

/// A panic in a thread (threading.Thread, `thread()`, `_thread`) ends that
/// thread with a SystemError; the thread counts as finished, so join() and
/// the interpreter's shutdown neither hang nor report a deadlock.
#[test]
fn panic_in_threads_finishes_the_thread() {
    let env = [("GILT_TEST_PANIC", "1")];
    for gil in ["on", "off"] {
        let code = "import sys, threading, _thread\n\
                    def work():\n    sys._gilt_test_panic('in thread')\n\
                    t = threading.Thread(target=work, name='worker')\n\
                    t.start(); t.join()\n\
                    print('joined', t.is_alive())\n\
                    h = thread(work)\n\
                    try:\n    h.join()\n\
                    except SystemError as e:\n    print('thread():', e)\n\
                    done = threading.Event()\n\
                    def raw():\n    try:\n        work()\n    finally:\n        done.set()\n\
                    _thread.start_new_thread(raw, ())\n\
                    done.wait()\n\
                    t2 = threading.Thread(target=work)\n\
                    t2.start()\n\
                    print('main done')\n";
        let r = gilt_env(&["--gil", gil, "-c", code], None, &env);
        assert_eq!(r.code, Some(0), "--gil {gil}: {}", r.all_output());
        assert_eq!(
            r.stdout, "joined False\nthread(): internal error in gilt: in thread\nmain done\n",
            "--gil {gil}: {}",
            r.stderr
        );
        for want in ["Exception in thread worker:", "SystemError: internal error in gilt: in thread"] {
            assert!(r.stderr.contains(want), "--gil {gil}: missing {want:?} in:\n{}", r.stderr);
        }
        assert!(!r.stderr.contains("eadlock") && !r.stderr.contains("panicked at"), "--gil {gil}: {}", r.stderr);
    }
}

/// A panic in an event-loop callback (a native function scheduled with
/// `call_soon`) is reported as CPython reports any exception from a
/// callback ("Exception in callback …") and the loop goes on; one in a
/// function run by `run_in_executor` reaches the awaiting task as
/// SystemError; one in a Pool worker reaches `apply`'s caller. The loop
/// can be run again afterwards (it is not left marked running).
#[test]
fn panic_in_event_loop_and_pool_worker() {
    let env = [("GILT_TEST_PANIC", "1")];
    for gil in ["on", "off"] {
        let code = "import sys, asyncio, multiprocessing as mp\n\
                    async def main():\n    loop = asyncio.get_running_loop()\n\
                    \x20   loop.call_soon(sys._gilt_test_panic, 'in callback')\n\
                    \x20   await asyncio.sleep(0.05)\n\
                    \x20   try:\n        await loop.run_in_executor(None, sys._gilt_test_panic, 'in executor')\n\
                    \x20   except SystemError as e:\n        print('executor:', e)\n\
                    \x20   return 'loop alive'\n\
                    async def again():\n    return 'again'\n\
                    def work(msg):\n    sys._gilt_test_panic(msg)\n\
                    if __name__ == '__main__':\n\
                    \x20   print(asyncio.run(main()))\n\
                    \x20   print(asyncio.run(again()))\n\
                    \x20   with mp.Pool(1) as p:\n\
                    \x20       try:\n            p.apply(work, ('in worker',))\n\
                    \x20       except SystemError as e:\n            print('pool:', e)\n\
                    \x20       print(p.apply(abs, (-3,)))\n";
        let path = script("panic_loop_pool.py", code);
        let r = gilt_env(&["--gil", gil, &path], None, &env);
        assert_eq!(r.code, Some(0), "--gil {gil}: {}", r.all_output());
        assert_eq!(
            r.stdout,
            "executor: internal error in gilt: in executor\nloop alive\nagain\n\
             pool: internal error in gilt: in worker\n3\n",
            "--gil {gil}: {}",
            r.stderr
        );
        let want = "Exception in callback <built-in function _gilt_test_panic>()";
        assert!(r.stderr.contains(want), "--gil {gil}: missing {want:?} in:\n{}", r.stderr);
        assert!(r.stderr.contains("SystemError: internal error in gilt: in callback"), "--gil {gil}: {}", r.stderr);
        assert!(!r.stderr.contains("eadlock") && !r.stderr.contains("panicked at"), "--gil {gil}: {}", r.stderr);
    }
}
