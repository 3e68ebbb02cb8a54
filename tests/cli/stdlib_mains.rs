//! What a python3 user meets beyond the flags, each checked against python3 3.11 when written: the
//! library's command-line mains (`-m json.tool`, `-m cProfile`, `-m asyncio`), `site`'s built-ins
//! (`quit`, `copyright`, `help(len)`), exit statuses of `SystemExit`, `sys.tracebacklimit`, a
//! signal sent to oneself, import hooks, and the messages of a few configuration errors.

use super::*;

#[test]
fn json_tool_reads_a_file_or_stdin() {
    let dir = scratch("cli_json_tool", &[("data.json", "{\"a\": [1, {\"b\": null}]}")]);
    let want = "{\n    \"a\": [\n        1,\n        {\n            \"b\": null\n        }\n    ]\n}\n";
    let r = gilt_in(&["-m", "json.tool", "data.json"], None, &[], Some(&dir));
    assert_eq!((r.code, r.stdout.as_str()), (Some(0), want), "{}", r.stderr);
    let r = gilt(&["-m", "json.tool"], Some("{\"x\":1}"));
    assert_eq!((r.code, r.stdout.as_str()), (Some(0), "{\n    \"x\": 1\n}\n"), "{}", r.stderr);
    // `with sys.stdout as out:` is what json.tool does.
    let r = gilt(&["-c", "import sys\nwith sys.stdout as f:\n    print(f is sys.stdout)"], None);
    assert_eq!(r.stdout, "True\n", "{}", r.stderr);
}

#[test]
fn cprofile_runs_a_script() {
    let dir = scratch(
        "cli_cprofile",
        &[("fib.py", "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(10))\n")],
    );
    let r = gilt_in(&["-m", "cProfile", "-s", "ncalls", "fib.py"], None, &[], Some(&dir));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.starts_with("55\n"), "{}", r.stdout);
    // As python3 counts them: 177 calls of fib, one of them primitive.
    assert!(r.stdout.contains("function calls (") && r.stdout.contains("Ordered by: call count"), "{}", r.stdout);
    let line = r.stdout.lines().find(|l| l.ends_with("fib.py:1(fib)")).unwrap_or_default();
    assert!(line.trim_start().starts_with("177/1 "), "{}", r.stdout);
    assert!(r.stdout.contains("{built-in method builtins.print}"), "{}", r.stdout);
}

#[test]
fn asyncio_repl_awaits_at_the_top_level() {
    let input = "await asyncio.sleep(0, 42)\nx = await asyncio.sleep(0, 7)\nx + 1\nasync def f(n):\n    await asyncio.sleep(0)\n    return n * 2\n\nfor i in range(2):\n    print(await f(i))\n\n1/0\n[await f(i) for i in range(3)]\n";
    let r = gilt(&["-m", "asyncio"], Some(input));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    // python3 writes the prompts to stdout (input()'s) and the banner to stderr.
    assert_eq!(r.stdout, ">>> 42\n>>> >>> 8\n>>> ... ... ... >>> ... ... 0\n2\n>>> >>> [0, 2, 4]\n>>> ");
    assert!(r.stderr.contains("Use \"await\" directly instead of \"asyncio.run()\".\n"), "{}", r.stderr);
    assert!(r.stderr.contains("\nZeroDivisionError: division by zero\n"), "{}", r.stderr);
    assert!(r.stderr.ends_with("\nexiting asyncio REPL...\n"), "{}", r.stderr);
}

#[test]
fn code_interact_waits_for_the_end_of_a_block() {
    // codeop's PyCF_ALLOW_INCOMPLETE_INPUT: a block needs its empty line, a bracket its closing.
    let code = "import code\ncode.interact(banner='', exitmsg='')";
    let r = gilt(&["-c", code], Some("for i in range(2):\n    print(i)\n\nx = (1,\n2)\nx\n"));
    assert_eq!(r.stdout, ">>> ... ... 0\n1\n>>> ... >>> (1, 2)\n>>> ", "{}", r.stderr);
}

#[test]
fn site_builtins_quit_copyright_help() {
    let r = gilt(&["-c", "print(repr(quit)); print(repr(exit)); print(repr(help))"], None);
    assert_eq!(
        r.stdout,
        "Use quit() or Ctrl-D (i.e. EOF) to exit\nUse exit() or Ctrl-D (i.e. EOF) to exit\n\
         Type help() for interactive help, or help(object) for help about object.\n",
        "{}",
        r.stderr
    );
    let r = gilt(&["-c", "print(type(copyright).__name__, type(credits).__name__, type(license).__name__)"], None);
    assert_eq!(r.stdout, "_Printer _Printer _Printer\n", "{}", r.stderr);
    let r = gilt(&["-c", "exit(3)"], None);
    assert_eq!(r.code, Some(3));
    let r = gilt(&["-c", "quit()"], None);
    assert_eq!(r.code, Some(0));
    // help(len): its signature and a docstring.
    let r = gilt(&["-c", "help(len); import inspect; print(inspect.signature(sorted))"], None);
    assert!(
        r.stdout.starts_with("Help on built-in function len in module builtins:\n\nlen(obj, /)\n    "),
        "{}",
        r.stdout
    );
    assert!(r.stdout.ends_with("(iterable, /, *, key=None, reverse=False)\n"), "{}", r.stdout);
}

#[test]
fn system_exit_statuses_as_python3() {
    for (code, status, err) in [
        ("raise SystemExit(2, 'x')", 1, "(2, 'x')\n"),
        ("raise SystemExit('bye')", 1, "bye\n"),
        ("raise SystemExit", 0, ""),
        ("import sys; sys.exit(True)", 1, ""),
        ("class E(SystemExit):\n    pass\nraise E(4)", 4, ""),
    ] {
        let r = gilt(&["-c", code], None);
        assert_eq!((r.code, r.stderr.as_str()), (Some(status), err), "{code}");
    }
}

#[test]
fn traceback_limit_and_dash_c_globals() {
    let r = gilt(&["-c", "import sys; sys.tracebacklimit = 0\ndef f(): 1/0\nf()"], None);
    assert_eq!(r.stderr, "ZeroDivisionError: division by zero\n");
    let r = gilt(&["-c", "import sys; sys.tracebacklimit = 1\ndef f(): 1/0\nf()"], None);
    assert_eq!(
        r.stderr,
        "Traceback (most recent call last):\n  File \"<string>\", line 2, in f\nZeroDivisionError: division by zero\n"
    );
    // -c code has no __file__; a piped script's is <stdin>.
    let r = gilt(&["-c", "print('__file__' in globals())"], None);
    assert_eq!(r.stdout, "False\n");
    let r = gilt(&[], Some("print(__file__)\n"));
    assert_eq!(r.stdout, "<stdin>\n");
}

#[test]
fn sigint_sent_to_oneself_is_a_keyboard_interrupt() {
    let r = gilt(&["-c", "import os, signal; os.kill(os.getpid(), signal.SIGINT)"], None);
    assert_eq!(r.signal, Some(2), "status {:?}: {}", r.code, r.stderr);
    assert!(r.stderr.ends_with("\nKeyboardInterrupt\n"), "{}", r.stderr);
}

#[test]
fn a_meta_path_finder_does_not_overflow_the_stack() {
    let code = "import sys\nclass F:\n    def find_spec(self, name, path, target=None):\n        print('asked', name)\n\
                \nsys.meta_path.insert(0, F())\ntry:\n    import no_such_mod_x\nexcept ImportError as e:\n    print(e)\n";
    let r = gilt(&["-S", "-c", code], None);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stdout.contains("asked no_such_mod_x\n") && r.stdout.ends_with("No module named 'no_such_mod_x'\n"),
        "{}",
        r.stdout
    );
}

#[test]
fn configuration_errors_and_flags_as_python3() {
    let r = gilt_env(&["-c", "pass"], None, &[("PYTHONHASHSEED", "abc")]);
    assert_eq!(r.code, Some(1));
    assert_eq!(
        r.stderr,
        "Fatal Python error: config_init_hash_seed: PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]\nPython runtime state: preinitialized\n\n"
    );
    let r = gilt_env(&["-c", "import sys; print(sys.flags.hash_randomization)"], None, &[("PYTHONHASHSEED", "0")]);
    assert_eq!(r.stdout, "0\n");
    let r = gilt(&["-X", "dev", "-c", "import sys; print(sys.flags.dev_mode)"], None);
    assert_eq!(r.stdout, "True\n");
    // CPython's hint names `python` whatever the program is called.
    let r = gilt(&["-Z"], None);
    assert!(r.stderr.ends_with("\nTry `python -h' for more information.\n"), "{}", r.stderr);
}

#[test]
fn tab_error_has_no_caret() {
    let path = script("cli_taberror.py", "if 1:\n\tx = 1\n        y = 2\n");
    let r = gilt(&[&path], None);
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr.ends_with("line 3\n    y = 2\nTabError: inconsistent use of tabs and spaces in indentation\n"),
        "{}",
        r.stderr
    );
}

#[test]
fn venv_without_pip_links_gilt() {
    let dir = scratch("cli_venv", &[]);
    let env = dir.join("env");
    let r = gilt(&["-m", "venv", "--without-pip", env.to_str().unwrap()], None);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let out = Command::new(env.join("bin").join("python")).args(["-c", "print(6 * 7)"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "42\n");
    // As python3 in a venv: `site` reads its pyvenv.cfg (sys.executable is the venv's
    // `bin/python`, symlink not resolved), so sys.prefix and site-packages are the venv's.
    let code = "import sys, os\nprint(sys.prefix == os.path.dirname(os.path.dirname(sys.executable)), sys.prefix != sys.base_prefix)\n\
                print([p.rsplit('/', 3)[-3:] for p in sys.path if 'packages' in p])";
    let out = Command::new(env.join("bin").join("python")).args(["-c", code]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "True True\n[['lib', 'python3.11', 'site-packages']]\n");
}

/// `-m py_compile` and `-m compileall` as python3's (statuses and messages), writing
/// `__pycache__/NAME.gilt-311.pyc` (never CPython's `.cpython-311.pyc`), which importlib's
/// loaders read back, and ignore when written by another build (its magic number differs).
#[test]
fn py_compile_and_compileall_write_gilts_pyc() {
    let dir = scratch("cli_py_compile", &[("good.py", "x = 1\n"), ("bad.py", "def f(:\n pass\n")]);
    let r = gilt_in(&["-m", "py_compile", "good.py"], None, &[], Some(&dir));
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (Some(0), "", ""));
    assert!(dir.join("__pycache__/good.gilt-311.pyc").exists());
    assert!(!dir.join("__pycache__/good.cpython-311.pyc").exists());
    let r = gilt_in(&["-m", "py_compile", "bad.py"], None, &[], Some(&dir));
    assert_eq!(r.code, Some(1));
    assert_eq!(r.stderr, "  File \"bad.py\", line 1\n    def f(:\n          ^\nSyntaxError: invalid syntax\n");
    let r = gilt_in(&["-m", "compileall", "-q", "."], None, &[], Some(&dir));
    assert_eq!(r.code, Some(1));
    assert_eq!(
        r.stdout,
        "*** Error compiling './bad.py'...\n  File \"./bad.py\", line 1\n    def f(:\n          ^\nSyntaxError: invalid syntax\n\n"
    );
    let code = "import sys, importlib.util\n\
                print(sys.implementation.cache_tag, importlib.util.cache_from_source('a/b.py'))\n\
                c = importlib.util.cache_from_source('good.py')\n\
                data = open(c, 'rb').read()\n\
                print(data[:4] == importlib.util.MAGIC_NUMBER, data[:4] != b'\\xa7\\r\\r\\n')\n\
                open(c, 'wb').write(b'\\xa7\\r\\r\\n' + data[4:])\n\
                spec = importlib.util.spec_from_file_location('good', 'good.py')\n\
                m = importlib.util.module_from_spec(spec)\n\
                spec.loader.exec_module(m)\n\
                print(m.x, open(c, 'rb').read()[:4] == importlib.util.MAGIC_NUMBER)\n";
    let r = gilt_in(&["-c", code], None, &[], Some(&dir));
    assert_eq!(r.stdout, "gilt-311 a/__pycache__/b.gilt-311.pyc\nTrue True\n1 True\n", "{}", r.stderr);
}
