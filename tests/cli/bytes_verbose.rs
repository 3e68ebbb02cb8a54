//! `-b`/`-bb` (`BytesWarning` where CPython's bytes and bytearray warn) and
//! `-v`/`-vv` (the import trace on stderr), checked against python3 3.11.

use super::*;

/// Where CPython 3.11 warns under -b: `str()` of bytes and bytearray (also
/// through `%s`, `format()`, f-strings, `str.format`), `==`/`!=` between bytes
/// and str or int, bytearray and str; not `repr()`, ordering, or bytes with
/// bytes. The expected lines are python3's.
const BYTES_SCRIPT: &str = r#"import sys, warnings
print(sys.flags.bytes_warning, sys.warnoptions)
def t(label, f):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        f()
    print(label, [str(x.message) for x in w])
class S(str): pass
class B(bytes): pass
t('str', lambda: str(b'a'))
t('str-bytearray', lambda: str(bytearray(b'a')))
t('str-subclass', lambda: str(B(b'x')))
t('repr', lambda: repr(b'a'))
t('percent-s', lambda: '%s' % b'a')
t('percent-r', lambda: '%r' % b'a')
t('format', lambda: format(b'a'))
t('f-string', lambda: f'{b"a"}')
t('str.format', lambda: '{}'.format(b'a'))
t('eq', lambda: b'a' == 'a')
t('ne-reflected', lambda: 'a' != b'a')
t('eq-str-subclass', lambda: b'a' == S('a'))
t('eq-int', lambda: b'a' == 1)
t('eq-bool', lambda: True == b'a')
t('eq-bytes', lambda: b'a' == b'a')
t('lt', lambda: b'a' < b'b')
t('eq-bytearray-str', lambda: bytearray(b'a') == 'a')
t('eq-bytearray-int', lambda: bytearray(b'a') == 1)
t('eq-bytes-bytearray', lambda: b'a' == bytearray(b'a'))
t('in-list', lambda: 'a' in [b'a'])
t('str-decode', lambda: str(b'a', 'ascii'))
"#;

#[test]
fn dash_b_warns_where_cpython_does() {
    let dir = scratch("cli_dash_b", &[("bw.py", BYTES_SCRIPT)]);
    let want_plain = r#"0 []
str []
str-bytearray []
str-subclass []
repr []
percent-s []
percent-r []
format []
f-string []
str.format []
eq []
ne-reflected []
eq-str-subclass []
eq-int []
eq-bool []
eq-bytes []
lt []
eq-bytearray-str []
eq-bytearray-int []
eq-bytes-bytearray []
in-list []
str-decode []
"#;
    let want_b = r#"1 ['default::BytesWarning']
str ['str() on a bytes instance']
str-bytearray ['str() on a bytearray instance']
str-subclass ['str() on a bytes instance']
repr []
percent-s ['str() on a bytes instance']
percent-r []
format ['str() on a bytes instance']
f-string ['str() on a bytes instance']
str.format ['str() on a bytes instance']
eq ['Comparison between bytes and string']
ne-reflected ['Comparison between bytes and string']
eq-str-subclass ['Comparison between bytes and string']
eq-int ['Comparison between bytes and int']
eq-bool ['Comparison between bytes and int']
eq-bytes []
lt []
eq-bytearray-str ['Comparison between bytearray and string']
eq-bytearray-int []
eq-bytes-bytearray []
in-list ['Comparison between bytes and string']
str-decode []
"#;
    let want_bb = r#"2 ['error::BytesWarning']
str ['str() on a bytes instance']
str-bytearray ['str() on a bytearray instance']
str-subclass ['str() on a bytes instance']
repr []
percent-s ['str() on a bytes instance']
percent-r []
format ['str() on a bytes instance']
f-string ['str() on a bytes instance']
str.format ['str() on a bytes instance']
eq ['Comparison between bytes and string']
ne-reflected ['Comparison between bytes and string']
eq-str-subclass ['Comparison between bytes and string']
eq-int ['Comparison between bytes and int']
eq-bool ['Comparison between bytes and int']
eq-bytes []
lt []
eq-bytearray-str ['Comparison between bytearray and string']
eq-bytearray-int []
eq-bytes-bytearray []
in-list ['Comparison between bytes and string']
str-decode []
"#;
    for (flags, want) in [(&[][..], want_plain), (&["-b"], want_b), (&["-bb"], want_bb), (&["-bbb"], want_bb)] {
        let mut args = flags.to_vec();
        args.push("bw.py");
        let r = gilt_in(&args, None, &[], Some(&dir));
        let want = if flags == ["-bbb"] { want.replacen("2 [", "3 [", 1) } else { want.to_string() };
        assert_eq!((r.code, r.stdout.as_str()), (Some(0), want.as_str()), "{flags:?}: {}", r.stderr);
    }
    // Shown once with -b (the run goes on), raised with -bb; -E keeps -b.
    let code = "b'' == ''\nprint('went on')";
    let r = gilt(&["-b", "-c", code], None);
    assert_eq!((r.code, r.stdout.as_str()), (Some(0), "went on\n"));
    assert_eq!(r.stderr, "<string>:1: BytesWarning: Comparison between bytes and string\n");
    let r = gilt(&["-bb", "-E", "-c", code], None);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.ends_with("\nBytesWarning: Comparison between bytes and string\n"), "{}", r.stderr);
    // After -W and PYTHONWARNINGS, as CPython orders sys.warnoptions.
    let code = "import sys; print(sys.warnoptions)";
    let r = gilt_in(&["-b", "-W", "error", "-c", code], None, &[("PYTHONWARNINGS", "ignore")], None);
    assert_eq!(r.stdout, "['ignore', 'error', 'default::BytesWarning']\n", "{}", r.stderr);
}

/// `-v`: a line per module as it is imported (CPython's loader reprs: a
/// built-in module, a file's SourceFileLoader, a namespace package), the
/// file a module's code comes from, the header; `-vv` every file name tried.
#[test]
fn dash_v_traces_imports() {
    let dir = scratch("cli_dash_v", &[("m.py", "x = 1\n"), ("ns/keep.txt", "")]);
    let d = dir.display().to_string();
    let code = "import itertools, m, ns";
    let r = gilt_in(&["-S", "-v", "-c", code], None, &[], Some(&dir));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let err = r.stderr.as_str();
    assert!(err.starts_with("Python 3.11.7 (gilt "), "{err}");
    assert!(err.contains("import 'itertools' # <class '_frozen_importlib.BuiltinImporter'>\n"), "{err}");
    let from =
        format!("# code object from {d}/m.py\nimport 'm' # <_frozen_importlib_external.SourceFileLoader object at 0x");
    assert!(err.contains(&from), "{err}");
    let ns = format!("# possible namespace for {d}/ns\n");
    assert!(err.contains(&ns), "{err}");
    assert!(err.contains("import 'ns' # <_frozen_importlib_external.NamespaceLoader object at 0x"), "{err}");
    assert!(!err.contains("# trying"), "-v alone tries quietly: {err}");
    assert!(err.contains("# cleanup[2] removing m\n") && err.ends_with("# clear sys.audit hooks\n"), "{err}");
    // -vv: FileFinder's suffixes in its order, up to the file found.
    let r = gilt_in(&["-S", "-vv", "-c", code], None, &[], Some(&dir));
    let tried: Vec<&str> =
        r.stderr.lines().filter(|l| l.starts_with("# trying ") && l.contains(&format!("{d}/m."))).collect();
    let want: Vec<String> = [".cpython-311-x86_64-linux-gnu.so", ".abi3.so", ".so", ".py"]
        .iter()
        .map(|s| format!("# trying {d}/m{s}"))
        .collect();
    assert_eq!(tried, want, "{}", r.stderr);
    assert!(r.stderr.contains(&format!("# trying {d}/ns.pyc\n# possible namespace for {d}/ns\n")), "{}", r.stderr);
    // sys.flags.verbose, PYTHONVERBOSE, and nothing printed without them (-q: no header).
    let r = gilt_in(&["-q", "-c", "import sys; print(sys.flags.verbose)"], None, &[("PYTHONVERBOSE", "2")], None);
    assert_eq!(r.stdout, "2\n");
    assert!(!r.stderr.starts_with("Python "), "{}", r.stderr);
    let r = gilt_in(&["-S", "-c", code], None, &[], Some(&dir));
    assert_eq!((r.code, r.stderr.as_str()), (Some(0), ""));
}
