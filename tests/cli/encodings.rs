//! The standard streams' encodings as python3 3.11 sets them (each expectation checked against
//! python3 when written): `PYTHONIOENCODING=ENC:ERRORS`, what printing an unencodable character
//! does, stdin decoding, tracebacks in stderr's encoding, the UTF-8 mode (`-X utf8`,
//! `PYTHONUTF8`, the C locale) and their start-up errors.

use super::*;

const STREAMS: &str = "import sys\nfor s in (sys.stdin, sys.stdout, sys.stderr):\n    print(s.encoding, s.errors)\n";

fn with_env(env: &[(&str, &str)], args: &[&str], stdin: Option<&str>) -> Run {
    gilt_env(args, stdin, env)
}

#[test]
fn pythonioencoding_sets_the_streams_codec() {
    let streams = |v: &str| with_env(&[("PYTHONIOENCODING", v)], &["-c", STREAMS], None).stdout;
    assert_eq!(streams("latin-1"), "iso8859-1 strict\niso8859-1 strict\niso8859-1 backslashreplace\n");
    assert_eq!(streams("utf-8:replace"), "utf-8 replace\nutf-8 replace\nutf-8 backslashreplace\n");
    // A named encoding without a handler is strict; an empty one keeps the default.
    assert_eq!(streams("UTF8"), "utf-8 strict\nutf-8 strict\nutf-8 backslashreplace\n");
    assert_eq!(streams("ascii:"), "ascii strict\nascii strict\nascii backslashreplace\n");
    let r = with_env(&[("PYTHONIOENCODING", "latin-1")], &["-c", "import sys; print(repr(sys.stdout))"], None);
    assert_eq!(r.stdout, "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='iso8859-1'>\n");
    // -E ignores it.
    let r = with_env(&[("PYTHONIOENCODING", "ascii")], &["-E", "-c", "import sys; print(sys.stdout.encoding)"], None);
    assert_eq!(r.stdout, "utf-8\n");
}

#[test]
fn unencodable_text_raises_or_is_replaced() {
    let code = "print('a')\nprint('h\\u00e9llo \\u2603')\nprint('b')\n";
    let run = |v: &str| with_env(&[("PYTHONIOENCODING", v)], &["-c", code], None);
    let r = run("ascii");
    assert_eq!((r.code, r.stdout.as_str()), (Some(1), "a\n"));
    assert!(
        r.stderr.ends_with(
            "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)\n"
        ),
        "{}",
        r.stderr
    );
    assert_eq!(run("ascii:replace").stdout, "a\nh?llo ?\nb\n");
    assert_eq!(run("ascii:backslashreplace").stdout, "a\nh\\xe9llo \\u2603\nb\n");
    assert_eq!(run("ascii:xmlcharrefreplace").stdout, "a\nh&#233;llo &#9731;\nb\n");
    assert_eq!(run("ascii:ignore").stdout, "a\nhllo \nb\n");
    // print writes each piece: what comes before the bad one is written.
    let r = with_env(&[("PYTHONIOENCODING", "ascii")], &["-c", "print('x', '\\u2603')"], None);
    assert_eq!((r.code, r.stdout.as_str()), (Some(1), "x "));
    // write() returns the characters written, replaced or not.
    let r = with_env(
        &[("PYTHONIOENCODING", "ascii:replace")],
        &["-c", "import sys\nprint(sys.stdout.write('\\u2603'))"],
        None,
    );
    assert_eq!(r.stdout, "?1\n");
    // reconfigure() changes the codec of later writes.
    let code = "import sys\nsys.stdout.reconfigure(encoding='ascii', errors='backslashreplace')\nprint('\\u00e9')";
    assert_eq!(gilt(&["-c", code], None).stdout, "\\xe9\n");
}

#[test]
fn tracebacks_and_stdin_use_the_streams_codec() {
    let r = with_env(&[("PYTHONIOENCODING", "ascii")], &["-c", "raise ValueError('caf\\u00e9')"], None);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.ends_with("ValueError: caf\\xe9\n"), "{}", r.stderr);
    let r = with_env(
        &[("PYTHONIOENCODING", "latin-1")],
        &["-c", "import sys; print(ascii(sys.stdin.readline()))"],
        Some("caf\u{20ac}\n"),
    );
    assert_eq!(r.stdout, "'caf\\xe2\\x82\\xac\\n'\n", "{}", r.stderr);
}

#[test]
fn unknown_encoding_and_bad_utf8_settings_are_fatal() {
    let r = with_env(&[("PYTHONIOENCODING", "bogus")], &["-c", "print('no')"], None);
    assert_eq!((r.code, r.stdout.as_str()), (Some(1), ""));
    assert!(
        r.stderr.starts_with(
            "Fatal Python error: init_stdio_encoding: failed to get the Python codec name of the stdio encoding\n\
             Python runtime state: core initialized\nLookupError: unknown encoding: bogus\n"
        ),
        "{}",
        r.stderr
    );
    let r = with_env(&[("PYTHONUTF8", "2")], &["-c", "print('no')"], None);
    assert_eq!(r.code, Some(1));
    assert_eq!(
        r.stderr,
        "Fatal Python error: preconfig_init_utf8_mode: invalid PYTHONUTF8 environment variable value\n\
         Python runtime state: preinitializing\n\n"
    );
    let r = gilt(&["-X", "utf8=x", "-c", "print('no')"], None);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.starts_with("Fatal Python error: preconfig_init_utf8_mode: invalid -X utf8 option value\n"));
}

#[test]
fn utf8_mode_from_flag_environment_and_locale() {
    let mode = |env: &[(&str, &str)], args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["-c", "import sys; print(sys.flags.utf8_mode, sys.stdout.errors)"]);
        let r = with_env(env, &all, None);
        assert_eq!(r.code, Some(0), "{env:?} {args:?}: {}", r.stderr);
        r.stdout
    };
    let c_utf8 = [("LANG", "C.UTF-8"), ("LC_ALL", ""), ("LC_CTYPE", "")];
    assert_eq!(mode(&c_utf8, &[]), "0 surrogateescape\n");
    assert_eq!(mode(&[("LC_ALL", "C")], &[]), "1 surrogateescape\n");
    assert_eq!(mode(&c_utf8, &["-X", "utf8"]), "1 surrogateescape\n");
    assert_eq!(mode(&[("LC_ALL", "C"), ("PYTHONUTF8", "0")], &[]), "0 surrogateescape\n");
    assert_eq!(mode(&[("LC_ALL", "C"), ("PYTHONUTF8", "1")], &["-X", "utf8=0"]), "0 surrogateescape\n");
    let r = gilt(&["-X", "utf8", "-c", "import sys; print(sys._xoptions)"], None);
    assert_eq!(r.stdout, "{'utf8': True}\n");
}
