//! What runs and with which `sys.argv` / `sys.path`, as python3 3.11 does it: options after the script, the GIL switch's spellings, piped stdin, `-m`, directories, `PYTHONPATH`, KeyboardInterrupt's exit.

use super::*;

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
            ("nsempty/x.py", ""),
            ("nsmain/__main__.py", "import sys\nprint('ns main', __name__, __package__, sys.argv[1:])\n"),
        ],
    );
    let r = gilt_in(&["-m", "mod1", "a", "-X"], None, &[], Some(&dir));
    assert_eq!((r.code, r.stdout.as_str()), (Some(3), "__main__ ['a', '-X'] True\n"), "{}", r.stderr);
    let r = gilt_in(&["-m", "pkg", "x"], None, &[], Some(&dir));
    assert_eq!(r.stdout, "pkg imported\npkg main __main__ pkg ['x']\n", "{}", r.stderr);
    // A namespace package (no __init__.py) runs its __main__.py too.
    let r = gilt_in(&["-m", "nsmain", "y"], None, &[], Some(&dir));
    assert_eq!(r.stdout, "ns main __main__ nsmain ['y']\n", "{}", r.stderr);
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
            "nsempty",
            "No module named nsempty.__main__; 'nsempty' is a package and cannot be directly executed".to_string(),
        ),
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
fn zip_archive_with_main_py_runs_it() {
    let dir = scratch(
        "cli_zip_main",
        &[
            (
                "src/__main__.py",
                "import sys, helper\nprint(sys.argv, sys.path[0].endswith('app.zip'), helper.WHERE)\n1/0\n",
            ),
            ("src/helper.py", "WHERE = __file__.rsplit('/', 2)[-2:]\n"),
            ("src/other.py", ""),
        ],
    );
    // The archive is made by gilt itself, with CPython's zipfile.
    let src = dir.join("src");
    let r = gilt_in(&["-m", "zipfile", "-c", "../app.zip", "__main__.py", "helper.py"], None, &[], Some(&src));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let r = gilt_in(&["app.zip", "q"], None, &[], Some(&dir));
    assert_eq!(r.stdout, "['app.zip', 'q'] True ['app.zip', 'helper.py']\n", "{}", r.stderr);
    assert_eq!(r.code, Some(1));
    let want = format!("  File \"{}/__main__.py\", line 3, in <module>\n", dir.join("app.zip").display());
    assert!(r.stderr.contains(&want) && r.stderr.ends_with("ZeroDivisionError: division by zero\n"), "{}", r.stderr);
    // An archive without __main__.py: CPython's message.
    let r = gilt_in(&["-m", "zipfile", "-c", "../nomain.zip", "other.py"], None, &[], Some(&src));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let r = gilt_in(&["nomain.zip"], None, &[], Some(&dir));
    assert_eq!(r.code, Some(1));
    let want = format!("can't find '__main__' module in '{}'\n", dir.join("nomain.zip").display());
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
    // After them, the standard library (embedded; `/usr/lib/python3.11` on Debian), then
    // the site-packages folders `site` adds (left out here).
    let code =
        "import sys, os; p = [x for x in sys.path if 'packages' not in x]; print(p[:-1], os.path.basename(p[-1]))";
    let r = gilt_in(&["-c", code], None, &[("PYTHONPATH", "/a:/b")], None);
    assert_eq!(r.stdout, "['', '/a', '/b'] python3.11\n");
    let r = gilt_in(&["-E", "-c", code], None, &[("PYTHONPATH", "/a:/b")], None);
    assert_eq!(r.stdout, "[''] python3.11\n", "-E ignores PYTHONPATH");
    let code = "import sys; print([x for x in sys.path if 'packages' not in x][:-1], sys.flags.isolated)";
    let r = gilt_in(&["-I", "-c", code], None, &[("PYTHONPATH", "/a")], None);
    assert_eq!(r.stdout, "[] 1\n", "-I: no PYTHONPATH, no '' in front");
    // Relative entries are made absolute and normalised (an empty one is the current
    // directory); `site` drops repeats, -S keeps them.
    let code = "import sys; print([x for x in sys.path if 'packages' not in x][1:-1])";
    let pp = [("PYTHONPATH", "lib1:./lib1/:x/../lib1::/a/./b/")];
    let r = gilt_in(&["-c", code], None, &pp, Some(&dir));
    let d = dir.display();
    assert_eq!(r.stdout, format!("['{d}/lib1', '{d}', '/a/b']\n"), "{}", r.stderr);
    let r = gilt_in(&["-S", "-c", code], None, &pp, Some(&dir));
    assert_eq!(r.stdout, format!("['{d}/lib1', '{d}/lib1', '{d}/lib1', '{d}', '/a/b']\n"), "{}", r.stderr);
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
fn sigint_while_waiting_for_threads_at_exit_is_ignored() {
    // CPython reports an exception in threading._shutdown ("Exception
    // ignored in: <module 'threading' …>") and exits with the main
    // module's status, without waiting for the thread any longer.
    let path = script(
        "cli_kbint_shutdown.py",
        "import os, signal, threading, time\n\
         stop = threading.Event()\n\
         threading.Thread(target=stop.wait, args=(20,)).start()\n\
         threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT)).start()\n\
         print('main done')\n",
    );
    for mode in ["on", "off"] {
        let r = gilt(&["--gil", mode, &path], None);
        assert_eq!((r.code, r.stdout.as_str()), (Some(0), "main done\n"), "--gil {mode}: {}", r.stderr);
        assert!(
            r.stderr.starts_with("Exception ignored in: <module 'threading'") && r.stderr.contains("KeyboardInterrupt"),
            "--gil {mode}: {}",
            r.stderr
        );
    }
}
