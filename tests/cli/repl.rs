//! The interactive prompt: `-i` after a program, PYTHONSTARTUP, `help()`, and a session on a pty (util-linux `script`).

use super::*;

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

/// Runs `gilt -q` on a pty (util-linux `script`) with `input` typed ahead, history under
/// `data`; returns what the terminal showed, without control sequences and carriage
/// returns, from the first prompt on. `None` when `script` is not installed.
fn pty_session(input: &str, data: &std::path::Path) -> Option<String> {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: util-linux `script` is not installed");
        return None;
    }
    let mut child = Command::new("script")
        .args(["-qec", &format!("{GILT} -q"), "/dev/null"])
        .env("XDG_DATA_HOME", data)
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
    let start = text.find(">>> ").unwrap_or(0);
    Some(text[start..].to_string())
}

/// The REPL on a real terminal: typed-ahead lines are all kept, a one-line compound
/// statement waits for the blank line, `quit` alone prints CPython's hint, tracebacks
/// show no `<stdin>` source (as 3.11's), history is saved to a file.
#[test]
fn repl_in_a_pty() {
    let data = scratch("cli_repl_data", &[]);
    let input = "1+1\nquit\n_\n6*7\n_ + 1\nwhile False: pass\n\nprint('a'); print('b')\nfor i in range(2):\n    print(i * 10)\n\n1/0\nexit()\n";
    let Some(session) = pty_session(input, &data) else { return };
    for want in [
        ">>> 1+1\n2\n",
        ">>> quit\nUse quit() or Ctrl-D (i.e. EOF) to exit\n",
        // `_` is the last value shown, `quit`'s object too (as python3's).
        ">>> _\nUse quit() or Ctrl-D (i.e. EOF) to exit\n>>> 6*7\n42\n>>> _ + 1\n43\n",
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

/// A block pasted in one go (bracketed paste) runs every line of it.
#[test]
fn repl_bracketed_paste_keeps_every_line() {
    let data = scratch("cli_repl_paste", &[]);
    let input = "\x1b[200~for i in range(2):\n    print(i * 7)\n\nprint('after')\x1b[201~\n";
    let Some(session) = pty_session(input, &data) else { return };
    assert!(session.contains("\n0\n7\nafter\n"), "{session}");
}

#[test]
fn help_prints_docstrings() {
    let code = "def area(r):\n    \"\"\"The area of a disc.\n\n    r: its radius\n    \"\"\"\nhelp(area)\nhelp(len)\n";
    let r = gilt(&["-c", code], None);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stdout.starts_with(
            "Help on function area in module __main__:\n\narea(r)\n    The area of a disc.\n    \n    r: its radius\n\n"
        ),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("Help on built-in function len in module builtins:"), "{}", r.stdout);
    let r = gilt(&["-S", "-c", "help(len)"], None);
    assert!(r.stderr.ends_with("NameError: name 'help' is not defined\n"), "-S: no help(), as CPython: {}", r.stderr);
}

/// Tab completes names and attributes, as CPython's rlcompleter (a callable gets its
/// `(`), and indents on an empty line.
#[test]
fn repl_tab_completion() {
    let data = scratch("cli_repl_tab", &[]);
    let input = "x_long_name = 5\nx_lo\t\nimport math\nmath.fac\t5)\nif x_long_name:\n\tprint('in')\n\nexit()\n";
    let Some(session) = pty_session(input, &data) else { return };
    for want in [">>> x_long_name\n5\n", ">>> math.factorial(5)\n120\n", "...     print('in')\n", "\nin\n"] {
        assert!(session.contains(want), "missing {want:?} in the session:\n{session}");
    }
}
