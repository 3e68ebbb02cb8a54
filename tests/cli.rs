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
    "PYTHONSAFEPATH",
    "PYTHONUNBUFFERED",
    "COLUMNS",
    "RUST_BACKTRACE",
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

#[test]
fn repl_reads_piped_stdin_until_eof() {
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

// ---- Issue 15: CPython's command-line habits. Expected texts were checked against python3 3.11.

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

const PRINT_ARGV: &str = "import sys\nprint(sys.argv)\n";

#[test]
fn options_after_the_script_belong_to_the_script() {
    let dir = scratch("cli_after_script", &[("a.py", PRINT_ARGV)]);
    let r = gilt_in(&["a.py", "-c", "print(1)"], None, &[], Some(&dir));
    assert_eq!((r.code, r.stdout.as_str()), (Some(0), "['a.py', '-c', 'print(1)']\n"), "{}", r.stderr);
    let r = gilt_in(&["a.py", "--stats", "-X", "gil=0"], None, &[], Some(&dir));
    assert_eq!(r.stdout, "['a.py', '--stats', '-X', 'gil=0']\n", "{}", r.stderr);
    assert!(!r.stderr.contains("held ms"), "--stats after the script is the script's: {}", r.stderr);
    // gilt's own flags before the script still work.
    let r = gilt_in(&["--stats", "a.py", "x"], None, &[], Some(&dir));
    assert_eq!(r.stdout, "['a.py', 'x']\n");
    assert!(r.stderr.contains("held ms"), "{}", r.stderr);
    // `--` ends the options; after -c CODE everything is argv, even -m.
    let r = gilt_in(&["--", "a.py", "-V"], None, &[], Some(&dir));
    assert_eq!(r.stdout, "['a.py', '-V']\n");
    let r = gilt(&["-c", "import sys; print(sys.argv)", "-m", "x", "--gil", "off"], None);
    assert_eq!(r.stdout, "['-c', '-m', 'x', '--gil', 'off']\n");
}

#[test]
fn gil_switch_spellings_and_precedence() {
    let code = "import sys; print(sys._is_gil_enabled())";
    let on = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = args.to_vec();
        all.extend(["-c", code]);
        let r = gilt_in(&all, None, env, None);
        assert_eq!(r.code, Some(0), "{args:?} {env:?}: {}", r.stderr);
        r.stdout.trim() == "True"
    };
    assert!(on(&[], &[]));
    assert!(!on(&["-X", "gil=0"], &[]));
    assert!(!on(&["-Xgil=0"], &[]));
    assert!(on(&["-X", "gil=1"], &[("PYTHON_GIL", "0")]), "-X wins over env");
    assert!(!on(&[], &[("PYTHON_GIL", "0")]));
    assert!(on(&["--gil", "on"], &[("PYTHON_GIL", "0")]), "the flag wins over env");
    assert!(on(&["-E"], &[("PYTHON_GIL", "0")]), "-E ignores PYTHON_GIL");
    assert!(!on(&[], &[("GILT_GIL", "0")]));
    let r = gilt(&["-X", "gil=2", "-c", "print('no')"], None);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("-X gil must be \"0\" or \"1\""), "{}", r.stderr);
    let r = gilt(&["-c", "print(1)"], Some(""));
    assert_eq!(r.stdout, "1\n");
    let r = gilt_in(&["-c", "import sys; print(sys._xoptions)"], None, &[], None);
    assert_eq!(r.stdout, "{}\n");
    let r = gilt(&["-X", "gil=0", "-X", "dev", "-c", "import sys; print(sys._xoptions)"], None);
    assert_eq!(r.stdout, "{'gil': '0', 'dev': True}\n");
}

#[test]
fn piped_stdin_runs_as_one_script() {
    // Not line by line: an expression statement prints nothing, an error stops the program.
    let r =
        gilt(&[], Some("import sys\n1 + 1\nprint(sys.argv)\nfor i in range(2):\n    print(i)\n1/0\nprint('after')\n"));
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert_eq!(r.stdout, "['']\n0\n1\n");
    let want = "Traceback (most recent call last):\n  File \"<stdin>\", line 6, in <module>\nZeroDivisionError: division by zero\n";
    assert_eq!(r.stderr, want);
    let r = gilt(&[], Some("import sys\nsys.exit(4)\n"));
    assert_eq!(r.code, Some(4));
}

#[test]
fn dash_m_runs_a_module_from_the_current_directory() {
    let dir = scratch(
        "cli_dash_m",
        &[
            (
                "mod1.py",
                "import sys\nprint(__name__, sys.argv[1:], sys.path[0] == __import__('os').getcwd())\nraise SystemExit(3)\n",
            ),
            ("pkg/__init__.py", "print('pkg imported')\n"),
            ("pkg/__main__.py", "import sys\nprint('pkg main', __name__, __package__, sys.argv[1:])\n"),
            ("pkg/sub.py", "print('sub', __name__, __package__)\n"),
            ("plain/__init__.py", ""),
        ],
    );
    let r = gilt_in(&["-m", "mod1", "a", "-X"], None, &[], Some(&dir));
    assert_eq!((r.code, r.stdout.as_str()), (Some(3), "__main__ ['a', '-X'] True\n"), "{}", r.stderr);
    let r = gilt_in(&["-m", "pkg", "x"], None, &[], Some(&dir));
    assert_eq!(r.stdout, "pkg imported\npkg main __main__ pkg ['x']\n", "{}", r.stderr);
    let r = gilt_in(&["-m", "pkg.sub"], None, &[], Some(&dir));
    assert_eq!(r.stdout, "pkg imported\nsub __main__ pkg\n", "{}", r.stderr);
    // argv[0] is the module's full path.
    std::fs::write(dir.join("argv0.py"), "import sys; print(sys.argv[0])").unwrap();
    let r = gilt_in(&["-m", "argv0"], None, &[], Some(&dir));
    assert_eq!(r.stdout.trim(), dir.join("argv0.py").to_str().unwrap());
    // Errors, as python3 prints them (after sys.executable), exit 1.
    let exe = std::fs::canonicalize(GILT).unwrap();
    let exe = exe.display();
    for (name, msg) in [
        ("no_such_mod", "No module named no_such_mod".to_string()),
        ("pkg.nope", "No module named pkg.nope".to_string()),
        ("plain", "No module named plain.__main__; 'plain' is a package and cannot be directly executed".to_string()),
        (
            "nopkg.x",
            "Error while finding module specification for 'nopkg.x' (ModuleNotFoundError: No module named 'nopkg')"
                .to_string(),
        ),
    ] {
        let r = gilt_in(&["-m", name], None, &[], Some(&dir));
        assert_eq!(r.code, Some(1), "-m {name}: {}", r.stderr);
        assert!(r.stderr.ends_with(&format!("{exe}: {msg}\n")), "-m {name}: {}", r.stderr);
    }
    let r = gilt(&["-m"], None);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.starts_with("Argument expected for the -m option\nusage: "), "{}", r.stderr);
}

#[test]
fn dash_m_runs_an_embedded_module_main_block() {
    let r = gilt(&["-m", "platform"], None);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.starts_with("Linux-") && r.stdout.lines().count() == 1, "{}", r.stdout);
    // Imported, the same module runs no main block.
    let r = gilt(&["-c", "import platform"], None);
    assert_eq!((r.code, r.stdout.as_str()), (Some(0), ""), "{}", r.stderr);
}

#[test]
fn directory_with_main_py_runs_it() {
    let dir = scratch(
        "cli_dir_main",
        &[
            (
                "app/__main__.py",
                "import sys, os\nprint(sys.argv, sys.path[0] == os.path.abspath('app'))\nimport helper\n",
            ),
            ("app/helper.py", "print('helper')\n"),
            ("empty/x.py", ""),
        ],
    );
    let r = gilt_in(&["app", "q"], None, &[], Some(&dir));
    assert_eq!((r.code, r.stdout.as_str()), (Some(0), "['app', 'q'] True\nhelper\n"), "{}", r.stderr);
    let r = gilt_in(&["empty"], None, &[], Some(&dir));
    assert_eq!(r.code, Some(1));
    let want = format!("can't find '__main__' module in '{}'\n", dir.join("empty").display());
    assert!(r.stderr.ends_with(&want), "{}", r.stderr);
}

#[test]
fn pythonpath_entries_follow_the_script_directory() {
    let dir = scratch(
        "cli_pythonpath",
        &[("lib1/found.py", "WHERE = 'lib1'\n"), ("main.py", "import sys, found\nprint(sys.path[1:3], found.WHERE)\n")],
    );
    let lib = dir.join("lib1");
    let pp = format!("{}:/nonexistent", lib.display());
    let r = gilt_in(&["main.py"], None, &[("PYTHONPATH", &pp)], Some(&dir));
    assert_eq!(r.stdout, format!("['{}', '/nonexistent'] lib1\n", lib.display()), "{}", r.stderr);
    let r = gilt_in(&["-c", "import sys; print(sys.path)"], None, &[("PYTHONPATH", "/a:/b")], None);
    assert_eq!(r.stdout, "['', '/a', '/b']\n");
    let r = gilt_in(&["-E", "-c", "import sys; print(sys.path)"], None, &[("PYTHONPATH", "/a:/b")], None);
    assert_eq!(r.stdout, "['']\n", "-E ignores PYTHONPATH");
    let r =
        gilt_in(&["-I", "-c", "import sys; print(sys.path, sys.flags.isolated)"], None, &[("PYTHONPATH", "/a")], None);
    assert_eq!(r.stdout, "[] 1\n", "-I: no PYTHONPATH, no '' in front");
}

#[test]
fn version_and_help_and_unknown_options() {
    for flag in ["-V", "--version", "-VV"] {
        let r = gilt(&[flag], None);
        assert_eq!(r.code, Some(0));
        assert_eq!(r.stdout, format!("Python 3.11.7 (gilt {})\n", env!("CARGO_PKG_VERSION")), "{flag}");
    }
    let r = gilt(&["-c", "import sys; print(sys.version)"], None);
    assert_eq!(r.stdout, format!("3.11.7 (gilt {})\n", env!("CARGO_PKG_VERSION")), "sys.version agrees with -V");
    for flag in ["-h", "-?", "--help"] {
        let r = gilt(&[flag], None);
        assert_eq!(r.code, Some(0));
        assert!(r.stdout.starts_with("usage: "), "{}", r.stdout);
        for want in ["-m mod", "-X opt", "--gil", "gilt compare", "PYTHONPATH"] {
            assert!(r.stdout.contains(want), "{flag} should mention {want}");
        }
    }
    for (args, msg) in [
        (&["--foo"][..], "unknown option --foo"),
        (&["-Z"], "Unknown option: -Z"),
        (&["-J"], "-J is reserved for Jython"),
        (&["-c"], "Argument expected for the -c option"),
        (&["-W"], "Argument expected for the -W option"),
        (&["-qX"], "Argument expected for the -X option"),
    ] {
        let r = gilt(args, None);
        assert_eq!(r.code, Some(2), "{args:?}");
        let lines: Vec<&str> = r.stderr.lines().collect();
        assert_eq!(lines.len(), 3, "{}", r.stderr);
        assert_eq!(lines[0], msg);
        assert!(
            lines[1].starts_with("usage: ")
                && lines[1].ends_with(" [option] ... [-c cmd | -m mod | file | -] [arg] ...")
        );
        assert!(lines[2].starts_with("Try `") && lines[2].ends_with(" -h' for more information."));
    }
}

#[test]
fn combined_short_flags_and_sys_flags() {
    let code = "import sys; f = sys.flags; print(f.quiet, f.optimize, f.dont_write_bytecode, f.no_user_site, f.no_site, f.verbose, sys.warnoptions)";
    let r = gilt(&["-uqOO", "-BsS", "-Wd", "-Werror::DeprecationWarning", "-c", code], None);
    assert_eq!(
        (r.code, r.stdout.as_str()),
        (Some(0), "1 2 1 1 1 0 ['d', 'error::DeprecationWarning']\n"),
        "{}",
        r.stderr
    );
    let r = gilt(&["-cprint(7)"], None);
    assert_eq!(r.stdout, "7\n");
    let r = gilt_in(
        &["-c", "import sys; print(sys.flags.optimize, sys.flags.dont_write_bytecode)"],
        None,
        &[("PYTHONOPTIMIZE", "1"), ("PYTHONDONTWRITEBYTECODE", "1")],
        None,
    );
    assert_eq!(r.stdout, "1 1\n");
}

#[test]
fn dash_o_drops_asserts_and_debug() {
    let code = "assert False, 'kept'\nprint(__debug__)";
    let r = gilt(&["-c", code], None);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.ends_with("AssertionError: kept\n"), "{}", r.stderr);
    for flag in ["-O", "-OO"] {
        let r = gilt(&[flag, "-c", code], None);
        assert_eq!((r.code, r.stdout.as_str()), (Some(0), "False\n"), "{flag}: {}", r.stderr);
    }
}

#[test]
fn warning_options() {
    let warn = "import warnings; warnings.warn('careful'); print('went on')";
    let r = gilt(&["-W", "error", "-c", warn], None);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.ends_with("UserWarning: careful\n"), "{}", r.stderr);
    let r = gilt(&["-Wi", "-c", warn], None);
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (Some(0), "went on\n", ""));
    let r = gilt_in(&["-c", warn], None, &[("PYTHONWARNINGS", "error")], None);
    assert_eq!(r.code, Some(1), "PYTHONWARNINGS=error");
    let r = gilt_in(&["-Wignore", "-c", warn], None, &[("PYTHONWARNINGS", "error")], None);
    assert_eq!(r.code, Some(0), "-W comes after PYTHONWARNINGS, so it wins");
    let r = gilt(&["-W", "foo", "-W", "error::Foo", "-c", "pass"], None);
    assert_eq!(r.code, Some(0));
    assert_eq!(
        r.stderr,
        "Invalid -W option ignored: invalid action: 'foo'\nInvalid -W option ignored: unknown warning category: 'Foo'\n"
    );
}

#[test]
fn hash_seed_is_checked() {
    let r = gilt_in(&["-c", "print(1)"], None, &[("PYTHONHASHSEED", "123")], None);
    assert_eq!(r.stdout, "1\n");
    let r = gilt_in(&["-c", "print(1)"], None, &[("PYTHONHASHSEED", "random")], None);
    assert_eq!(r.stdout, "1\n");
    let r = gilt_in(&["-c", "print(1)"], None, &[("PYTHONHASHSEED", "foo")], None);
    assert_eq!((r.code, r.stdout.as_str()), (Some(1), ""));
    assert!(
        r.stderr.contains("PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]"),
        "{}",
        r.stderr
    );
    let r = gilt_in(&["-E", "-c", "print(1)"], None, &[("PYTHONHASHSEED", "foo")], None);
    assert_eq!(r.stdout, "1\n", "-E ignores PYTHONHASHSEED");
}

#[test]
fn dash_x_skips_the_first_line_and_keeps_line_numbers() {
    let path = script("cli_dash_x.py", "this is not python\nprint('ran')\n1/0\n");
    let r = gilt(&["-x", &path], None);
    assert_eq!((r.code, r.stdout.as_str()), (Some(1), "ran\n"));
    assert!(r.stderr.contains(", line 3, in <module>"), "{}", r.stderr);
}

#[test]
fn dash_i_enters_the_repl_after_the_script() {
    let path = script("cli_dash_i.py", "x = 5\nprint('script')\n");
    let r = gilt(&["-i", &path], Some("x\nprint(x + 1)\n"));
    assert_eq!((r.code, r.stdout.as_str()), (Some(0), "script\n5\n6\n"), "{}", r.stderr);
    // Prompts go to stderr, as CPython's with piped input; an error in the script is printed, then the REPL.
    let r = gilt(&["-i", "-c", "x = 3; 1/0"], Some("x\n"));
    assert_eq!((r.code, r.stdout.as_str()), (Some(0), "3\n"));
    assert!(r.stderr.contains("ZeroDivisionError: division by zero\n>>> "), "{}", r.stderr);
    let r = gilt(&["-i", "-c", "raise SystemExit(3)"], Some("print('still here')\n"));
    assert_eq!((r.code, r.stdout.as_str()), (Some(0), "still here\n"));
    assert!(r.stderr.contains("SystemExit: 3"), "{}", r.stderr);
}

#[test]
fn pythonstartup_runs_before_the_repl_only() {
    let startup = script("cli_startup.py", "print('startup')\nfrom_startup = 41\n");
    let env = [("PYTHONSTARTUP", startup.as_str())];
    let r = gilt_in(&["-i"], Some("from_startup + 1\n"), &env, None);
    assert_eq!(r.stdout, "startup\n42\n", "{}", r.stderr);
    let r = gilt_in(&["-i", "-c", "print('code')"], Some(""), &env, None);
    assert_eq!(r.stdout, "code\n", "not with a program");
    let r = gilt_in(&[], Some("print('piped')\n"), &env, None);
    assert_eq!(r.stdout, "piped\n", "not for a piped program");
    let r = gilt_in(&["-E", "-i"], Some("1\n"), &env, None);
    assert_eq!(r.stdout, "1\n", "-E ignores PYTHONSTARTUP");
}

#[test]
fn env_flags_are_accepted() {
    let code = "import sys; print(sys.flags.dont_write_bytecode, sys.flags.inspect)";
    let env = [("PYTHONUNBUFFERED", "1"), ("PYTHONDONTWRITEBYTECODE", "1"), ("NO_COLOR", "1")];
    let r = gilt_in(&["-c", code], None, &env, None);
    assert_eq!((r.code, r.stdout.as_str()), (Some(0), "1 0\n"), "{}", r.stderr);
    let r = gilt_in(&["-u", "-c", "print('a', end=''); import sys; sys.stderr.write('b')"], None, &env, None);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str()), ("a", "b"));
}

#[test]
fn uncaught_keyboard_interrupt_dies_by_sigint() {
    let path = script("cli_kbint.py", "print('before')\nraise KeyboardInterrupt\n");
    let r = gilt(&[&path], None);
    assert_eq!((r.code, r.signal), (None, Some(2)), "killed by SIGINT, as CPython: {}", r.stderr);
    assert_eq!(r.stdout, "before\n");
    assert!(
        r.stderr.starts_with("Traceback (most recent call last):") && r.stderr.ends_with("KeyboardInterrupt\n"),
        "{}",
        r.stderr
    );
    // Caught, it is an ordinary exception; SystemExit(130) is an ordinary exit.
    let r = gilt(&["-c", "try:\n    raise KeyboardInterrupt\nexcept KeyboardInterrupt:\n    print('caught')"], None);
    assert_eq!((r.code, r.stdout.as_str()), (Some(0), "caught\n"));
    let r = gilt(&["-c", "raise SystemExit(130)"], None);
    assert_eq!((r.code, r.signal), (Some(130), None));
}

#[test]
fn tool_output_files_are_checked_before_the_run() {
    let path = script("cli_tools_files.py", "print('ran')\n");
    for flag in ["--report", "--trace", "--profile-out"] {
        let r = gilt(&[flag, "/nonexistent_dir_for_gilt/out.file", &path], None);
        assert_eq!(r.code, Some(2), "{flag}: {}", r.stderr);
        assert_eq!(r.stdout, "", "{flag}: the script must not run");
        assert!(r.stderr.contains(&format!("{flag} /nonexistent_dir_for_gilt/out.file")), "{}", r.stderr);
        assert!(r.stderr.contains("No such file or directory"), "{}", r.stderr);
    }
    let dir = scratch("cli_tools_written", &[]);
    let r =
        gilt_in(&["--report", "r.html", "--trace", "t.json", "--profile-out", "p.csv", &path], None, &[], Some(&dir));
    assert_eq!((r.code, r.stdout.as_str()), (Some(0), "ran\n"), "{}", r.stderr);
    for f in ["r.html", "t.json", "p.csv"] {
        assert!(r.stderr.lines().any(|l| l.starts_with(&format!("wrote {f}"))), "{f} not named: {}", r.stderr);
        assert!(std::fs::metadata(dir.join(f)).unwrap().len() > 0, "{f} is empty");
    }
}

#[test]
fn trace_caps_itself() {
    let code = "import threading\ndef work():\n    s = 0\n    for i in range(100000):\n        s += i\n\
                ts = [threading.Thread(target=work) for _ in range(2)]\nfor t in ts: t.start()\nfor t in ts: t.join()\nprint('done')";
    let dir = scratch("cli_trace_cap", &[("w.py", code)]);
    let r =
        gilt_in(&["--switch", "instr=1", "--trace-limit", "2000", "--trace", "t.json", "w.py"], None, &[], Some(&dir));
    assert_eq!((r.code, r.stdout.as_str()), (Some(0), "done\n"), "{}", r.stderr);
    assert!(r.stderr.contains("the recording stopped after 2000 events"), "{}", r.stderr);
    assert!(r.stderr.contains("--trace-limit 0 lifts it"), "{}", r.stderr);
    let size = std::fs::metadata(dir.join("t.json")).unwrap().len();
    assert!(size < 2_000_000, "capped trace is {size} bytes");
    let r = gilt_in(&["--trace-limit", "0", "--trace", "t.json", "w.py"], None, &[], Some(&dir));
    assert!(!r.stderr.contains("recording stopped"), "{}", r.stderr);
}

#[test]
fn compare_error_paths_and_labels() {
    let r = gilt(&["compare", "no_such_script_for_compare.py"], None);
    assert_eq!((r.code, r.stdout.as_str()), (Some(2), ""), "{}", r.stderr);
    assert!(r.stderr.contains("can't open file") && r.stderr.contains("No such file or directory"), "{}", r.stderr);
    let path = script(
        "cli_compare.py",
        "import sys, time\nt0 = time.perf_counter()\nprint('took', time.perf_counter() - t0)\nsys.stderr.write('note\\n')\n",
    );
    let r = gilt(&["--gil", "off", "compare", &path], None);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("'compare' must come first"), "{}", r.stderr);
    let r = gilt(&["compare", "--mask-numbers", &path], None);
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("the same in every mode once numbers are masked"), "{}", r.stdout);
    for label in ["--- stderr of the run with GIL on:\nnote\n", "--- stderr of the run with GIL off:\nnote\n"] {
        assert!(r.stderr.contains(label), "{}", r.stderr);
    }
    let r = gilt(&["compare", "--frobnicate", &path], None);
    assert_eq!(r.code, Some(2));
}

#[test]
fn stats_tables_show_full_thread_names() {
    let code = "from concurrent.futures import ThreadPoolExecutor\nimport threading\nb = threading.Barrier(2)\n\
                with ThreadPoolExecutor(2) as ex:\n    list(ex.map(lambda _: b.wait(), range(2)))\n";
    let path = script("cli_names.py", code);
    let r = gilt_in(&["--stats", "--timeline", &path], None, &[("COLUMNS", "80")], None);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    for name in ["ThreadPoolExecutor-0_0", "ThreadPoolExecutor-0_1"] {
        // Once in --stats, once in the timeline and once in its stats table.
        assert!(r.stderr.matches(name).count() >= 2, "{name} missing: {}", r.stderr);
    }
    for l in r.stderr.lines() {
        assert!(l.chars().count() <= 80, "too wide: {l:?}");
    }
}

/// The REPL on a real terminal (a pty from util-linux `script`): typed-ahead
/// lines are all kept, a one-line compound statement waits for the blank
/// line, `quit` alone prints CPython's hint, history is saved to a file.
#[test]
fn repl_in_a_pty() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: util-linux `script` is not installed");
        return;
    }
    let data = scratch("cli_repl_data", &[]);
    let input = "1+1\nquit\nwhile False: pass\n\nprint('a'); print('b')\nfor i in range(2):\n    print(i * 10)\n\n1/0\nexit()\n";
    let mut child = Command::new("script")
        .args(["-qec", &format!("{GILT} -q"), "/dev/null"])
        .env("XDG_DATA_HOME", &data)
        .env_remove("PYTHONSTARTUP")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = reader(child.stdout.take().unwrap());
    let deadline = Instant::now() + TIMEOUT;
    while child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "the REPL hung");
        std::thread::sleep(Duration::from_millis(20));
    }
    let raw = out.recv_timeout(Duration::from_secs(5)).unwrap_or_default();
    // Drop the terminal's control sequences and carriage returns.
    let mut text = String::new();
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            if chars.peek() == Some(&'[') {
                chars.next();
                while chars.next().is_some_and(|d| !d.is_ascii_alphabetic()) {}
            }
        } else if c != '\r' {
            text.push(c);
        }
    }
    let session = &text[text.find(">>> 1+1").unwrap_or(0)..];
    for want in [
        ">>> 1+1\n2\n",
        ">>> quit\nUse quit() or Ctrl-D (i.e. EOF) to exit\n",
        ">>> while False: pass\n... \n",
        "a\nb\n",
        "...     print(i * 10)\n... \n0\n10\n",
        "File \"<stdin>\", line 1, in <module>\nZeroDivisionError: division by zero\n",
    ] {
        assert!(session.contains(want), "missing {want:?} in the session:\n{session}");
    }
    let history = std::fs::read_to_string(data.join("gilt").join("history")).unwrap_or_default();
    assert!(history.contains("print('a'); print('b')") && history.contains("1/0"), "history: {history}");
}

#[test]
fn help_prints_docstrings() {
    let code = "def area(r):\n    \"\"\"The area of a disc.\n\n    r: its radius\n    \"\"\"\nhelp(area)\nhelp(len)\n";
    let r = gilt(&["-c", code], None);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stdout.starts_with(
            "Help on function area in module __main__:\n\narea\n    The area of a disc.\n\n    r: its radius\n"
        ),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("Help on built-in function len in module builtins:"), "{}", r.stdout);
    let r = gilt(&["-S", "-c", "help(len)"], None);
    assert!(r.stderr.ends_with("NameError: name 'help' is not defined\n"), "-S: no help(), as CPython: {}", r.stderr);
}

/// `-u`: a partial line reaches the pipe at once (without it, at the newline or the exit).
#[test]
fn dash_u_writes_stdout_at_once() {
    let code = "import time\nprint('partial', end='')\ntime.sleep(2)\nprint()";
    let first_byte_within = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = Command::new(GILT);
        for v in ENV_VARS {
            cmd.env_remove(v);
        }
        let mut child =
            cmd.args(args).arg("-c").arg(code).envs(env.iter().copied()).stdout(Stdio::piped()).spawn().unwrap();
        let mut out = child.stdout.take().unwrap();
        let t0 = Instant::now();
        let mut byte = [0u8; 1];
        let _ = out.read(&mut byte);
        let waited = t0.elapsed();
        let _ = child.wait();
        waited
    };
    assert!(first_byte_within(&["-u"], &[]) < Duration::from_millis(1500), "-u");
    assert!(first_byte_within(&[], &[("PYTHONUNBUFFERED", "1")]) < Duration::from_millis(1500), "PYTHONUNBUFFERED");
    assert!(first_byte_within(&[], &[]) >= Duration::from_millis(1500), "buffered by default");
}

/// `--timeline` on a terminal: as wide as the terminal (TIOCGWINSZ) when COLUMNS is not
/// exported, COLUMNS when it is; colours unless NO_COLOR. Runs in a pty from util-linux `script`.
#[test]
fn timeline_uses_the_terminal_width() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: util-linux `script` is not installed");
        return;
    }
    let path = script(
        "cli_timeline_tty.py",
        "import threading\ndef w():\n    sum(range(100000))\nt = threading.Thread(target=w)\nt.start()\nt.join()\n",
    );
    // The shell `script` starts updates COLUMNS when `stty` resizes the terminal: set it (or
    // unset it) on gilt's own command line.
    let run = |columns: &str, env: &[(&str, &str)]| {
        let mut cmd = Command::new("script");
        for v in ENV_VARS {
            cmd.env_remove(v);
        }
        cmd.env_remove("NO_COLOR").envs(env.iter().copied());
        let line = format!("stty cols 123 rows 40; env {columns} {GILT} --timeline {path}");
        let out = cmd.args(["-qec", &line, "/dev/null"]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).replace('\r', "")
    };
    let axis_width = |text: &str| {
        text.lines().find(|l| l.trim_end().ends_with(" ms") && l.contains("0 ms ")).map(|l| l.chars().count())
    };
    let text = run("-u COLUMNS", &[("NO_COLOR", "1")]);
    assert!(!text.contains("\x1b["), "NO_COLOR: no colours:\n{text}");
    assert_eq!(axis_width(&text), Some(122), "the axis spans the terminal's 123 columns but one:\n{text}");
    let text = run("COLUMNS=90", &[("NO_COLOR", "1")]);
    assert_eq!(axis_width(&text), Some(89), "COLUMNS wins:\n{text}");
    let text = run("-u COLUMNS", &[]);
    assert!(text.contains("\x1b["), "colours on a terminal:\n{text}");
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
