//! Python's flags and environment variables, checked against python3 3.11: `-V`, `-h`, unknown options, combined short flags and `sys.flags`, `-O`, `-W`/PYTHONWARNINGS, PYTHONHASHSEED, `-x`, `-u`.

use super::*;

#[test]
fn version_and_help_and_unknown_options() {
    for flag in ["-V", "--version"] {
        let r = gilt(&[flag], None);
        assert_eq!(r.code, Some(0));
        assert_eq!(r.stdout, format!("Python 3.11.7 (gilt {})\n", env!("CARGO_PKG_VERSION")), "{flag}");
    }
    let r = gilt(&["-VV"], None);
    assert_eq!(r.stdout, format!("Python 3.11.7 (gilt {}) [Rust]\n", env!("CARGO_PKG_VERSION")));
    let r = gilt(&["-c", "import sys, platform; print(sys.version); print(platform.python_version())"], None);
    let want = format!("3.11.7 (gilt {}) [Rust]\n3.11.7\n", env!("CARGO_PKG_VERSION"));
    assert_eq!(r.stdout, want, "sys.version agrees with -VV, and CPython's platform parses it");
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

/// `-OO` leaves docstrings out (None), -O keeps them; the cached bytecode of the embedded
/// library is kept per level, so one run's level never leaks into another's.
#[test]
fn dash_oo_drops_docstrings() {
    let src = "'mod'\ndef f():\n    'fdoc'\nclass C:\n    'cdoc'\nprint(__doc__, f.__doc__, C.__doc__)\n";
    let dir = scratch("cli_dash_oo", &[("m.py", src)]);
    let cache = dir.join("cache").display().to_string();
    let env = [("XDG_CACHE_HOME", cache.as_str())];
    for (flag, want) in [("-OO", "None None None\n"), ("-O", "mod fdoc cdoc\n"), ("-E", "mod fdoc cdoc\n")] {
        let r = gilt_in(&[flag, "m.py"], None, &env, Some(&dir));
        assert_eq!(r.stdout, want, "{flag}: {}", r.stderr);
    }
    let code = "import colorsys; print(colorsys.__doc__ is None)";
    for (flag, want) in [("-OO", "True\n"), ("-E", "False\n"), ("-OO", "True\n"), ("-O", "False\n")] {
        let r = gilt_in(&[flag, "-c", code], None, &env, None);
        assert_eq!(r.stdout, want, "{flag}: {}", r.stderr);
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
    // The development mode puts `default` first in sys.warnoptions, as CPython's does.
    let code = "import sys; print(sys.warnoptions)";
    let r = gilt(&["-X", "dev", "-W", "ignore", "-c", code], None);
    assert_eq!(r.stdout, "['default', 'ignore']\n", "{}", r.stderr);
    let r = gilt_in(&["-c", code], None, &[("PYTHONDEVMODE", "1"), ("PYTHONWARNINGS", "error")], None);
    assert_eq!(r.stdout, "['default', 'error']\n", "{}", r.stderr);
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

/// str and bytes hash as CPython 3.11's SipHash-1-3 under the secret PYTHONHASHSEED gives
/// (the numbers and set orders are python3's), and a spawned child gets the same secret.
#[test]
fn hash_seed_gives_cpythons_hashes() {
    let code = "print(hash('abc'), hash(b'abc'), hash('\\xe9'), hash('\\u20ac'), hash('\\U0001f600'), hash(''), hash(memoryview(b'abc')))\n\
                print(list({'a', 'b', 'c', 'spam', 'eggs'}))";
    for (seed, want) in [
        (
            "0",
            "-4594863902769663758 -4594863902769663758 6047309291227476195 -5529981157763016009 -3536540696076613844 0 -4594863902769663758\n\
             ['c', 'a', 'spam', 'eggs', 'b']\n",
        ),
        (
            "123",
            "-6019719312852672851 -6019719312852672851 2030960749240960898 1478577648940306351 -8059949960423113297 0 -6019719312852672851\n\
             ['b', 'c', 'a', 'spam', 'eggs']\n",
        ),
    ] {
        let r = gilt_in(&["-c", code], None, &[("PYTHONHASHSEED", seed)], None);
        assert_eq!(r.stdout, want, "PYTHONHASHSEED={seed}: {}", r.stderr);
    }
    // A display of constants is a frozenset rebuilt once, twice when it holds an
    // identifier-like string (seeds where the two orders differ).
    let code = "print(list({'a b', 'c-d', 'e f', 'g.h', 'i j', 'k l', 'm,n'}), list({'ab', 'c d', 'e f', 'g h', 'i j', 'k l', 'm n'}))";
    for (seed, want) in [
        ("7", "['a b', 'k l', 'i j', 'c-d', 'e f', 'm,n', 'g.h'] ['ab', 'g h', 'k l', 'c d', 'i j', 'e f', 'm n']\n"),
        ("1", "['c-d', 'm,n', 'g.h', 'k l', 'e f', 'i j', 'a b'] ['m n', 'k l', 'e f', 'ab', 'i j', 'g h', 'c d']\n"),
    ] {
        let r = gilt_in(&["-c", code], None, &[("PYTHONHASHSEED", seed)], None);
        assert_eq!(r.stdout, want, "PYTHONHASHSEED={seed}: {}", r.stderr);
    }
    let r = gilt_in(
        &["-c", "import sys; print(sys.hash_info.algorithm, sys.hash_info.hash_bits, sys.hash_info.seed_bits)"],
        None,
        &[],
        None,
    );
    assert_eq!(r.stdout, "siphash13 64 128\n");
    // Unset or `random`: a fresh secret per process, as CPython's.
    let runs: Vec<String> = (0..2)
        .map(|_| gilt_in(&["-c", "print(hash('abc'))"], None, &[("PYTHONHASHSEED", "random")], None).stdout)
        .collect();
    assert_ne!(runs[0], runs[1]);
    let child = "import multiprocessing as mp\n\
                 def h(s):\n    return hash(s)\n\
                 if __name__ == '__main__':\n\
                 \x20   with mp.get_context('spawn').Pool(1) as p:\n\
                 \x20       print(p.map(h, ['abc', '\\u20ac']) == [hash('abc'), hash('\\u20ac')])\n";
    let path = script("cli_hash_child.py", child);
    let r = gilt_in(&[&path], None, &[("PYTHONHASHSEED", "7")], None);
    assert_eq!(r.stdout, "True\n", "a spawned child hashes as its parent: {}", r.stderr);
}

#[test]
fn dash_x_skips_the_first_line_and_keeps_line_numbers() {
    let path = script("cli_dash_x.py", "this is not python\nprint('ran')\n1/0\n");
    let r = gilt(&["-x", &path], None);
    assert_eq!((r.code, r.stdout.as_str()), (Some(1), "ran\n"));
    assert!(r.stderr.contains(", line 3, in <module>"), "{}", r.stderr);
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

/// `--license` prints CPython's license text, which the embedded library carries.
#[test]
fn license_prints_cpythons_license() {
    let r = gilt(&["--license"], None);
    assert_eq!(r.code, Some(0));
    assert!(r.stdout.contains("PYTHON SOFTWARE FOUNDATION LICENSE VERSION 2"), "{}", r.stdout);
    assert!(r.stdout.starts_with("gilt embeds the pure-Python standard library of CPython 3.11"));
}

/// Embedded modules are compiled once and cached under XDG_CACHE_HOME;
/// `-B` and PYTHONDONTWRITEBYTECODE stop the writing, not the reading.
#[test]
fn embedded_modules_are_cached_unless_told_not_to() {
    let dir = scratch("cli_bytecode_cache", &[]);
    let cache = dir.join("cache");
    let cache_s = cache.display().to_string();
    let entries = || -> usize {
        std::fs::read_dir(cache.join("gilt"))
            .map(|builds| builds.flatten().map(|b| std::fs::read_dir(b.path()).map_or(0, |f| f.count())).sum())
            .unwrap_or(0)
    };
    let code = "import colorsys; print(colorsys.rgb_to_hsv(1, 0, 0))";
    let r = gilt_in(&["-B", "-c", code], None, &[("XDG_CACHE_HOME", &cache_s)], None);
    assert_eq!(r.stdout, "(0.0, 1.0, 1)\n", "{}", r.stderr);
    let r = gilt_in(&["-c", code], None, &[("XDG_CACHE_HOME", &cache_s), ("PYTHONDONTWRITEBYTECODE", "1")], None);
    assert_eq!(r.stdout, "(0.0, 1.0, 1)\n");
    assert_eq!(entries(), 0, "-B and PYTHONDONTWRITEBYTECODE write nothing");
    let r = gilt_in(&["-c", code], None, &[("XDG_CACHE_HOME", &cache_s)], None);
    assert_eq!(r.stdout, "(0.0, 1.0, 1)\n");
    let written = entries();
    assert!(written >= 1, "the first run writes the compiled module");
    let r = gilt_in(&["-c", code], None, &[("XDG_CACHE_HOME", &cache_s)], None);
    assert_eq!(r.stdout, "(0.0, 1.0, 1)\n", "the second run reads it: {}", r.stderr);
    assert_eq!(entries(), written, "nothing new to write");
}
