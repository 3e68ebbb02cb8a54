"""Run a broad set of command lines with python3 and with gilt and diff them.

Usage: python3 scripts/cli_parity.py [GILT_BINARY] [-v] [NAME_FILTER]

Each case runs in a fresh scratch directory (with a few small scripts in it)
under both interpreters; stdout, stderr and the exit status are compared after
the interpreter's own path/name and the scratch path are replaced by
placeholders. Cases marked `code_only` compare only the status (texts that are
allowed to differ, such as `-h`). Prints one line per differing case (with a
diff under -v) and `N of M identical`.
"""

import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GILT = os.path.abspath(os.path.join(HERE, "..", "target", "release", "gilt"))
PYTHON = shutil.which("python3")

FILES = {
    "argv.py": "import sys\nprint(sys.argv)\n",
    "hello.py": "print('hello')\n",
    "err.py": "def f():\n    return 1/0\nf()\n",
    "exit3.py": "import sys\nsys.exit(3)\n",
    "exitstr.py": "import sys\nsys.exit('bye')\n",
    "exitnone.py": "raise SystemExit(None)\n",
    "exittuple.py": "raise SystemExit(2, 'x')\n",
    "kbi.py": "raise KeyboardInterrupt\n",
    "syntax.py": "x = (1,\nprint(x\n",
    "indent.py": "if True:\nprint(1)\n",
    "latin.py": b"s = '\xe9'\nprint(s)\n",
    "cookie.py": b"# -*- coding: latin-1 -*-\ns = '\xe9'\nprint(s)\n",
    "flags.py": "import sys\nf = sys.flags\nprint(f.optimize, f.dont_write_bytecode, f.no_user_site, f.no_site,"
    " f.ignore_environment, f.isolated, f.quiet, f.inspect, f.dev_mode, f.safe_path)\n"
    "print(__debug__, sys.warnoptions, sys._xoptions)\n",
    "doc.py": '"""module doc"""\ndef f():\n    "fdoc"\nprint(__doc__, f.__doc__)\nassert False, "boom"\nprint("after")\n',
    "warn.py": "import warnings\nwarnings.warn('careful', DeprecationWarning)\nwarnings.warn('user')\nprint('done')\n",
    "path0.py": "import sys, os\nprint(sys.path[0] == os.getcwd(), 'python3' in sys.path[0])\n",
    "pp.py": "import sys\nprint([p for p in sys.path if p.endswith('extra')])\n",
    "unbuf.py": "import sys\nsys.stdout.write('a')\nsys.stderr.write('b')\nsys.stdout.write('c\\n')\n",
    "hashseed.py": "import sys\nprint(sys.flags.hash_randomization)\n",
    "hashes.py": "print(hash('abc'), hash(b'abc'), hash(''), hash(b''), hash('\\xe9'), hash('\\u20ac'), hash('\\U0001f600'))\n"
    "print(hash(memoryview(b'abc')), hash('a\\xe9\\u20ac\\U0001f600'))\n"
    "print({'a', 'b', 'c', 'spam', 'eggs', '\\xe9t\\xe9'}, list({'x': 1, 'y': 2, 'zz': 3}.keys() ^ {'q'}))\n",
    "startup.py": "print('from startup')\n",
    "inspectme.py": "x = 41\nprint('ran')\n",
    "tracebacklimit.py": "import sys\nsys.tracebacklimit = 0\n1/0\n",
    "nested_exc.py": "try:\n    1/0\nexcept Exception as e:\n    raise ValueError('v') from e\n",
    "context_exc.py": "try:\n    1/0\nexcept Exception:\n    {}['k']\n",
    "unicode_out.py": "print('h\\u00e9llo \\u2603')\n",
    "stdin_read.py": "import sys\nprint(repr(sys.stdin.read()))\n",
    "input.py": "print(input('name? '))\n",
    "shebang.py": "garbage line\nimport sys\nprint(sys.argv[1:])\n",
    "selfname.py": "print(__name__, __file__.rsplit('/', 1)[-1])\n",
    "test_sample.py": "import unittest\nclass T(unittest.TestCase):\n    def test_ok(self):\n        self.assertEqual(1, 1)\n",
    "test_failing.py": "import unittest\nclass T(unittest.TestCase):\n    def test_bad(self):\n        self.assertEqual(1, 2)\n",
    "prof.py": "def f(n):\n    return sum(range(n))\nf(10)\n",
    "tracee.py": "def g():\n    return 2\nfor i in range(2):\n    g()\n",
    "data.json": '{"b": 1, "a": [1, 2]}',
    "pdbme.py": "x = 1\ny = 2\nprint(x + y)\n",
    "app/__main__.py": "import sys\nprint('app main', __name__, sys.argv)\n",
    "pkg/__init__.py": "",
    "pkg/__main__.py": "import sys\nprint('pkg main', __package__, sys.argv[1:])\n",
    "pkg/mod.py": "import sys\nprint('mod', __name__, __package__, sys.argv[1:])\n",
    "extra/extramod.py": "print('extramod imported')\n",
    "b64.txt": "hello world\n",
    "docmod.py": '"""A small module."""\ndef twice(x):\n    """Return x twice."""\n    return 2 * x\n',
    "streams.py": "import sys\nfor s in (sys.stdin, sys.stdout, sys.stderr):\n    print(s.encoding, s.errors)\n"
    "print(sys.flags.utf8_mode, repr(sys.stdout))\n",
    "snowman.py": "print('a')\nprint('h\\u00e9llo', '\\u2603')\nprint('b')\n",
    "errline.py": "s = 'caf\u00e9 \u2603'\nraise ValueError(s)\n",
    "stdin_ascii.py": "import sys\nprint(ascii(sys.stdin.readline()), ascii(input()))\n",
    "reconf.py": "import sys\nsys.stdout.reconfigure(encoding='ascii')\nprint(sys.stdout.encoding, sys.stdout.errors)\n"
    "sys.stdout.reconfigure(errors='replace')\nprint('\\u00e9', sys.stdout.errors)\n",
    "pyc_tag.py": "import sys, os, py_compile, importlib.util\n"
    "tag = sys.implementation.cache_tag\n"
    "c = py_compile.compile('hello.py', doraise=True)\n"
    "print(os.path.relpath(c).replace(tag, 'TAG'), importlib.util.cache_from_source('a/b.py').replace(tag, 'TAG'))\n"
    "print(sorted(os.listdir('__pycache__'))[0].replace(tag, 'TAG'))\n"
    "print(open(c, 'rb').read(4) == importlib.util.MAGIC_NUMBER)\n"
    "spec = importlib.util.spec_from_file_location('hello', 'hello.py')\n"
    "spec.loader.exec_module(importlib.util.module_from_spec(spec))\n",
    "lib/good.py": "x = 1\n",
    "lib/sub/other.py": "y = 2\n",
    "badlib/ok.py": "z = 3\n",
    "badlib/broken.py": "def f(:\n    pass\n",
    "bad.json": '{"a": 1,}',
    "bytes_warn.py": "import warnings\n"
    "def t(label, f):\n"
    "    with warnings.catch_warnings(record=True) as w:\n"
    "        warnings.simplefilter('always')\n"
    "        f()\n"
    "    print(label, [str(x.message) for x in w])\n"
    "t('str', lambda: str(b'a'))\nt('bytearray', lambda: str(bytearray(b'a')))\nt('repr', lambda: repr(b'a'))\n"
    "t('%s', lambda: '%s' % b'a')\nt('format', lambda: format(b'a'))\nt('f-string', lambda: f'{b\"a\"}')\n"
    "t('==', lambda: b'a' == 'a')\nt('!= reflected', lambda: 'a' != b'a')\nt('== int', lambda: b'a' == 1)\n"
    "t('bytearray == str', lambda: bytearray(b'a') == 'a')\nt('bytes == bytes', lambda: b'a' == b'a')\n"
    "t('in', lambda: 'a' in [b'a'])\nprint(b'x', 'end')\nb'' == ''\nprint('went on')\n",
    "data.pickle": b"\x80\x04\x95\x0b\x00\x00\x00\x00\x00\x00\x00]\x94(K\x01\x8c\x01a\x94e.",
}


def case(name, args, stdin=None, env=None, code_only=False, setup=None, timeout=60, known=None, stderr_lines=None):
    """`known`: why gilt differs on purpose or for now (listed apart, not counted as a failure).
    `stderr_lines`: a regular expression; only the stderr lines it matches are compared (with
    object addresses masked), for traces such as `-v`'s whose other lines name each
    interpreter's own internals."""
    return dict(name=name, args=args, stdin=stdin, env=env or {}, code_only=code_only, setup=setup,
                timeout=timeout, known=known, stderr_lines=stderr_lines)


def zip_setup(d):
    import zipfile
    with zipfile.ZipFile(os.path.join(d, "app.zip"), "w") as z:
        # A fixed date: `-m zipfile -l` prints it, and the two runs may be seconds apart.
        info = zipfile.ZipInfo("__main__.py", date_time=(2024, 1, 2, 3, 4, 6))
        z.writestr(info, "import sys\nprint('zip main', sys.argv)\n")


def tar_setup(d):
    import tarfile
    with tarfile.open(os.path.join(d, "t.tar"), "w") as t:
        t.add(os.path.join(d, "hello.py"), arcname="hello.py")


HTTP_FETCH = (
    "import subprocess, sys, time, urllib.request\n"
    "p = subprocess.Popen([sys.executable, '-u', '-m', 'http.server', '0', '--bind', '127.0.0.1'],"
    " stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)\n"
    "line = p.stdout.readline()\n"
    "port = int(line.split('port ')[1].split()[0])\n"
    "body = urllib.request.urlopen(f'http://127.0.0.1:{port}/hello.py').read()\n"
    "print(line.split(' (')[0].replace(str(port), 'PORT'))\n"
    "print(body)\n"
    "p.terminate(); p.wait()\n"
)

CASES = [
    # argv and what runs
    case("script argv", ["argv.py", "a", "-c", "x", "--stats"]),
    case("script then -m", ["argv.py", "-m", "x"]),
    case("-c argv", ["-c", "import sys; print(sys.argv)", "a", "-m", "b"]),
    case("-c joined", ["-cimport sys; print(sys.argv)", "x"]),
    case("- argv", ["-", "a", "b"], stdin="import sys\nprint(sys.argv)\n"),
    case("-- ends options", ["--", "argv.py", "-V"]),
    case("piped stdin one script", [], stdin="import sys\n1+1\nprint(sys.argv)\n1/0\nprint('after')\n"),
    case("piped stdin syntax error", [], stdin="print(1)\nx = (\n"),
    case("piped stdin exit", [], stdin="import sys\nsys.exit(5)\n"),
    case("piped empty stdin", [], stdin=""),
    case("-m pkg", ["-m", "pkg", "a", "-c"]),
    case("-m pkg.mod", ["-m", "pkg.mod", "x"]),
    case("-m missing", ["-m", "nosuchmod"]),
    case("-m missing sub", ["-m", "pkg.nosuch"]),
    case("-m no argument", ["-m"]),
    case("-c no argument", ["-c"]),
    case("-m package without main", ["-m", "extra"]),
    case("directory main", ["app", "x"]),
    case("zip main", ["app.zip", "y"], setup=zip_setup),
    case("directory without main", ["extra"]),
    case("missing script", ["nosuch.py"]),
    case("missing script args", ["nosuch.py", "a"]),
    case("script is dir name path0", ["path0.py"]),
    case("-c path0", ["-c", "import sys; print(repr(sys.path[0]))"]),
    case("-m path0", ["-m", "path0"]),
    case("selfname", ["selfname.py"]),
    case("-c __file__", ["-c", "print('__file__' in dir())"]),
    case("-c __name__", ["-c", "print(__name__, __doc__, __spec__)"]),
    # errors
    case("traceback", ["err.py"]),
    case("-c error", ["-c", "1/0"]),
    case("-c syntax error", ["-c", "x = = 1"]),
    case("-c indentation error", ["-c", " x = 1"]),
    case("-c name error", ["-c", "prnt(1)"]),
    case("syntax error file", ["syntax.py"]),
    case("indent error file", ["indent.py"]),
    case("non utf8 source", ["latin.py"]),
    case("coding cookie", ["cookie.py"]),
    case("chained", ["nested_exc.py"]),
    case("context", ["context_exc.py"]),
    case("tracebacklimit 0", ["tracebacklimit.py"]),
    # exits
    case("exit 3", ["exit3.py"]),
    case("exit str", ["exitstr.py"]),
    case("exit None", ["exitnone.py"]),
    case("exit tuple", ["exittuple.py"]),
    case("-c exit 7", ["-c", "raise SystemExit(7)"]),
    case("-c exit big", ["-c", "raise SystemExit(256)"]),
    case("-c exit negative", ["-c", "raise SystemExit(-1)"]),
    case("-c exit True", ["-c", "raise SystemExit(True)"]),
    case("-c exit float", ["-c", "raise SystemExit(1.5)"]),
    case("-c exit subclass", ["-c", "class E(SystemExit): pass\nraise E(4)"]),
    case("-c os._exit", ["-c", "import os; print('x', flush=True); os._exit(9)"]),
    case("KeyboardInterrupt", ["kbi.py"]),
    case("-c KeyboardInterrupt", ["-c", "raise KeyboardInterrupt('k')"]),
    case("SIGINT self", ["-c", "import os, signal; os.kill(os.getpid(), signal.SIGINT)"]),
    case("SIGTERM self", ["-c", "import os, signal; os.kill(os.getpid(), signal.SIGTERM)"]),
    case("BrokenPipe", ["-c", "import sys\nfor i in range(100000): print(i)"], code_only=True),
    # flags
    case("-V", ["-V"], code_only=True),
    case("--version", ["--version"], code_only=True),
    case("-h", ["-h"], code_only=True),
    case("--help", ["--help"], code_only=True),
    case("unknown short", ["-Z"]),
    case("unknown long", ["--foo"]),
    case("flags default", ["flags.py"]),
    case("-O", ["-O", "flags.py"]),
    case("-OO", ["-OO", "flags.py"]),
    case("-O doc assert", ["-O", "doc.py"]),
    case("-OO doc assert", ["-OO", "doc.py"]),
    case("assert", ["doc.py"]),
    case("-B", ["-B", "flags.py"]),
    case("-s", ["-s", "flags.py"]),
    case("-S", ["-S", "flags.py"]),
    case("-E", ["-E", "flags.py"], env={"PYTHONOPTIMIZE": "1"}),
    case("-I", ["-I", "flags.py"]),
    case("-I path0", ["-I", "path0.py"]),
    case("-P path0", ["-P", "-c", "import sys, os; print(sys.path[0] == os.getcwd())"]),
    case("-q", ["-q", "flags.py"]),
    case("-X dev", ["-X", "dev", "flags.py"]),
    case("-X foo=bar", ["-X", "foo=bar", "-X", "baz", "flags.py"]),
    case("-X gil=0", ["-X", "gil=0", "-c", "print(1)"]),
    case("-X gil=2", ["-X", "gil=2", "-c", "print(1)"], code_only=True,
         known="-X gil must be 0 or 1, as in CPython 3.13"),
    case("-W error", ["-W", "error", "warn.py"]),
    case("-W ignore", ["-W", "ignore", "warn.py"]),
    case("-Wd", ["-Wd", "warn.py"]),
    case("-W default warnoptions", ["-W", "default", "-W", "ignore::UserWarning", "flags.py"]),
    case("-W bad", ["-W", "bogus", "-c", "print(1)"]),
    case("-x", ["-x", "shebang.py", "q"]),
    case("-u", ["-u", "unbuf.py"]),
    case("-uq combined", ["-uqB", "flags.py"]),
    case("-i piped", ["-i", "inspectme.py"], stdin="print(x + 1)\n"),
    case("-i -c", ["-i", "-c", "y = 2"], stdin="y * 3\n"),
    case("-q -i piped", ["-q", "-i", "-c", "pass"], stdin="1+1\n"),
    case("-b", ["-b", "-c", "import sys; print(sys.flags.bytes_warning, sys.warnoptions)"]),
    case("-bb -W", ["-bb", "-W", "ignore", "-c", "import sys; print(sys.flags.bytes_warning, sys.warnoptions)"]),
    case("no -b", ["bytes_warn.py"]),
    case("-b warnings", ["-b", "bytes_warn.py"]),
    case("-bb warnings", ["-bb", "bytes_warn.py"]),
    case("-b -c", ["-b", "-c", "b'' == ''\nprint(str(b'x'))"]),
    case("-v accepted", ["-v", "-c", "print(1)"], code_only=True),
    case("-v import trace", ["-B", "-v", "-c", "import hello, lib.good, pkg.mod"],
         stderr_lines=r"<SCRATCH>|^import '(hello|lib|lib\.good|pkg|pkg\.mod)' "),
    case("-vv tries", ["-B", "-vv", "-c", "import hello, lib.good"],
         stderr_lines=r"^# (trying|possible namespace for|code object from) <SCRATCH>"),
    case("-v builtin module", ["-v", "-c", "import itertools"], stderr_lines=r"^import 'itertools' "),
    case("PYTHONVERBOSE", ["-c", "import sys; print(sys.flags.verbose)"], env={"PYTHONVERBOSE": "1"},
         stderr_lines=r"<SCRATCH>"),
    # environment
    case("PYTHONPATH", ["pp.py"], env={"PYTHONPATH": "extra"}),
    case("PYTHONPATH import", ["-c", "import extramod"], env={"PYTHONPATH": "extra"}),
    case("PYTHONPATH -E", ["-E", "-c", "import extramod"], env={"PYTHONPATH": "extra"}),
    case("PYTHONOPTIMIZE", ["flags.py"], env={"PYTHONOPTIMIZE": "2"}),
    case("PYTHONWARNINGS", ["warn.py"], env={"PYTHONWARNINGS": "error::UserWarning"}),
    case("PYTHONWARNINGS flags", ["flags.py"], env={"PYTHONWARNINGS": "ignore,default::DeprecationWarning"}),
    case("PYTHONDONTWRITEBYTECODE", ["flags.py"], env={"PYTHONDONTWRITEBYTECODE": "1"}),
    case("PYTHONUNBUFFERED", ["unbuf.py"], env={"PYTHONUNBUFFERED": "1"}),
    case("PYTHONHASHSEED 0", ["hashseed.py"], env={"PYTHONHASHSEED": "0"}),
    case("PYTHONHASHSEED 5", ["hashseed.py"], env={"PYTHONHASHSEED": "5"}),
    case("PYTHONHASHSEED random", ["hashseed.py"], env={"PYTHONHASHSEED": "random"}),
    case("PYTHONHASHSEED bad", ["hashseed.py"], env={"PYTHONHASHSEED": "abc"}),
    case("PYTHONHASHSEED 0 hashes", ["hashes.py"], env={"PYTHONHASHSEED": "0"}),
    case("PYTHONHASHSEED 123 hashes", ["hashes.py"], env={"PYTHONHASHSEED": "123"}),
    case("PYTHONHASHSEED 4294967295 hashes", ["hashes.py"], env={"PYTHONHASHSEED": "4294967295"}),
    case("PYTHONSTARTUP script", ["hello.py"], env={"PYTHONSTARTUP": "startup.py"}),
    case("PYTHONSTARTUP -i", ["-i", "hello.py"], stdin="", env={"PYTHONSTARTUP": "startup.py"}),
    case("PYTHONDEVMODE", ["flags.py"], env={"PYTHONDEVMODE": "1"}),
    case("PYTHONSAFEPATH", ["-c", "import sys, os; print(sys.path[0] == os.getcwd())"],
         env={"PYTHONSAFEPATH": "1"}),
    case("PYTHONIOENCODING", ["unicode_out.py"], env={"PYTHONIOENCODING": "ascii:replace"}),
    case("PYTHONIOENCODING ascii", ["snowman.py"], env={"PYTHONIOENCODING": "ascii"}),
    case("PYTHONIOENCODING latin-1", ["snowman.py"], env={"PYTHONIOENCODING": "latin-1"}),
    case("PYTHONIOENCODING latin-1 streams", ["streams.py"], env={"PYTHONIOENCODING": "latin-1"}),
    case("PYTHONIOENCODING utf-8:replace", ["streams.py"], env={"PYTHONIOENCODING": "utf-8:replace"}),
    case("PYTHONIOENCODING :surrogateescape", ["streams.py"], env={"PYTHONIOENCODING": ":surrogateescape"}),
    case("PYTHONIOENCODING UTF8", ["streams.py"], env={"PYTHONIOENCODING": "UTF8"}),
    case("PYTHONIOENCODING ascii:backslashreplace", ["snowman.py"], env={"PYTHONIOENCODING": "ascii:backslashreplace"}),
    case("PYTHONIOENCODING latin-1:xmlcharrefreplace", ["snowman.py"],
         env={"PYTHONIOENCODING": "latin-1:xmlcharrefreplace"}),
    case("PYTHONIOENCODING ascii:ignore", ["snowman.py"], env={"PYTHONIOENCODING": "ascii:ignore"}),
    case("PYTHONIOENCODING cp1252", ["snowman.py"], env={"PYTHONIOENCODING": "cp1252:replace"}),
    case("PYTHONIOENCODING unknown", ["hello.py"], env={"PYTHONIOENCODING": "bogus"}, code_only=True),
    case("PYTHONIOENCODING -E", ["-E", "streams.py"], env={"PYTHONIOENCODING": "ascii"}),
    case("PYTHONIOENCODING traceback", ["errline.py"], env={"PYTHONIOENCODING": "ascii"}),
    case("PYTHONIOENCODING stdin latin-1", ["stdin_ascii.py"], stdin="caf\u00e9\n\u00e9t\u00e9\n",
         env={"PYTHONIOENCODING": "latin-1"}),
    case("reconfigure", ["reconf.py"]),
    case("PYTHONUTF8=1", ["streams.py"], env={"PYTHONUTF8": "1"}),
    case("PYTHONUTF8=0", ["streams.py"], env={"PYTHONUTF8": "0"}),
    case("PYTHONUTF8 bad", ["streams.py"], env={"PYTHONUTF8": "2"}),
    case("-X utf8", ["-X", "utf8", "streams.py"]),
    case("-X utf8=0", ["-X", "utf8=0", "streams.py"], env={"PYTHONUTF8": "1"}),
    case("-X utf8 bad", ["-X", "utf8=x", "streams.py"]),
    case("LANG=C", ["streams.py"], env={"LANG": "C", "LC_ALL": "", "LC_CTYPE": ""}),
    case("LC_ALL=C", ["streams.py"], env={"LC_ALL": "C"}),
    case("LANG=C.UTF-8", ["streams.py"], env={"LANG": "C.UTF-8", "LC_ALL": "", "LC_CTYPE": ""}),
    case("LANG missing locale", ["streams.py"], env={"LANG": "xx_YY.UTF-8", "LC_ALL": "", "LC_CTYPE": ""}),
    case("PYTHONPYCACHEPREFIX", ["-c", "import sys; print(sys.pycache_prefix)"], env={"PYTHONPYCACHEPREFIX": "pfx"}),
    case("-X pycache_prefix", ["-X", "pycache_prefix=pfx", "-c", "import sys; print(sys.pycache_prefix)"]),
    case("NO_COLOR", ["hello.py"], env={"NO_COLOR": "1"}),
    case("PYTHON_GIL=0", ["-c", "print(1)"], env={"PYTHON_GIL": "0"}),
    # stdin
    case("read stdin", ["stdin_read.py"], stdin="abc\ndef"),
    case("input piped", ["input.py"], stdin="bob\n"),
    case("input EOF", ["input.py"], stdin=""),
    # the library's mains
    case("-m timeit", ["-m", "timeit", "-n", "3", "-r", "1", "pass"], code_only=True),
    case("-m timeit bad", ["-m", "timeit", "-n", "x"]),
    case("-m unittest ok", ["-m", "unittest", "test_sample"], code_only=True),
    case("-m unittest -v", ["-m", "unittest", "-v", "test_sample"], code_only=True),
    case("-m unittest failing", ["-m", "unittest", "test_failing"], code_only=True),
    case("-m unittest discover", ["-m", "unittest", "discover", "-p", "test_sample.py"], code_only=True),
    case("-m unittest discover -q", ["-m", "unittest", "-q", "test_sample"], code_only=True),
    case("-m cProfile", ["-m", "cProfile", "prof.py"], code_only=True),
    case("-m cProfile sort", ["-m", "cProfile", "-s", "calls", "prof.py"], code_only=True),
    case("-m pdb c", ["-m", "pdb", "pdbme.py"], stdin="c\nq\n", code_only=True),
    case("-m pdb steps", ["-m", "pdb", "pdbme.py"], stdin="n\np x\nn\np y\nq\n"),
    case("-m json.tool", ["-m", "json.tool", "data.json"]),
    case("-m json.tool sort", ["-m", "json.tool", "--sort-keys", "--indent", "1"], stdin='{"b":1,"a":2}'),
    case("-m json.tool bad", ["-m", "json.tool"], stdin='{bad'),
    case("-m calendar", ["-m", "calendar", "2024", "2"]),
    case("-m calendar year", ["-m", "calendar", "2023"]),
    case("-m zipfile", ["-m", "zipfile", "-l", "app.zip"], setup=zip_setup),
    case("-m zipfile create", ["-m", "zipfile", "-c", "z.zip", "hello.py"]),
    case("-m tarfile", ["-m", "tarfile", "-l", "t.tar"], setup=tar_setup),
    case("-m tarfile create", ["-m", "tarfile", "-v", "-c", "u.tar", "hello.py"]),
    case("-m base64", ["-m", "base64", "b64.txt"]),
    case("-m base64 -d", ["-m", "base64", "-d"], stdin="aGVsbG8=\n"),
    case("-m py_compile", ["-m", "py_compile", "hello.py"]),
    case("-m py_compile bad", ["-m", "py_compile", "syntax.py"]),
    case("-m py_compile missing", ["-m", "py_compile", "nosuch.py"]),
    case("-m py_compile stdin", ["-m", "py_compile", "-"], stdin="hello.py\nsyntax.py\n"),
    case("-m compileall", ["-m", "compileall", "-q", "hello.py"]),
    case("-m compileall dir", ["-m", "compileall", "lib"]),
    case("-m compileall twice", ["-c", "import compileall, sys\nfor i in range(2): print(compileall.compile_dir('lib'))"]),
    case("-m compileall bad dir", ["-m", "compileall", "badlib"]),
    case("-m compileall -q bad", ["-m", "compileall", "-q", "badlib"]),
    case("-m compileall -r 0", ["-m", "compileall", "-r", "0", "lib"]),
    case("py_compile and importlib", ["pyc_tag.py"]),
    case("-m trace count", ["-m", "trace", "--count", "-C", ".", "tracee.py"], code_only=True),
    case("-m trace", ["-m", "trace", "--trace", "tracee.py"]),
    case("-m trace listfuncs", ["-m", "trace", "--listfuncs", "tracee.py"], code_only=True),
    case("-m pydoc", ["-m", "pydoc", "docmod"], env={"PAGER": "cat", "TERM": "dumb"}),
    case("-m pydoc builtin", ["-m", "pydoc", "len"], env={"PAGER": "cat"}, code_only=True),
    case("-m venv", ["-m", "venv", "--without-pip", "venvdir"], code_only=True),
    case("-m venv -h", ["-m", "venv", "-h"], code_only=True),
    case("-m http.server fetch", ["-c", HTTP_FETCH]),
    case("-m platform", ["-m", "platform"], code_only=True),
    case("-m this", ["-m", "this"]),
    case("-m uuid", ["-m", "uuid"], code_only=True),
    case("-m textwrap", ["-m", "textwrap"], code_only=True),
    case("-m site", ["-m", "site", "--user-site"], code_only=True),
    case("-m dis", ["-m", "dis", "hello.py"], code_only=True, known="gilt's bytecode is not CPython's"),
    case("-m tokenize", ["-m", "tokenize", "hello.py"]),
    case("-m ast", ["-m", "ast", "hello.py"]),
    case("-m shlex", ["-m", "shlex"], stdin="a 'b c'\n", code_only=True),
    case("-m filecmp", ["-m", "filecmp"], code_only=True),
    case("-m asyncio piped", ["-m", "asyncio"], stdin="import asyncio\nawait asyncio.sleep(0)\nprint('ok')\n",
         code_only=True),
    case("-m inspect", ["-m", "inspect", "docmod:twice"]),
    case("-m gzip", ["-m", "gzip", "b64.txt"]),
    case("-m doctest", ["-m", "doctest", "docmod.py"]),
    case("-m mimetypes", ["-m", "mimetypes", "x.html"]),
    case("-m quopri", ["-m", "quopri"], stdin="h\u00e9\n"),
    case("-m uu", ["-m", "uu", "b64.txt"], code_only=True),
    case("-m pickletools", ["-m", "pickletools", "-h"], code_only=True),
    case("-m pickletools file", ["-m", "pickletools", "data.pickle"]),
    case("-m json.tool missing", ["-m", "json.tool", "nosuch.json"]),
    case("-m json.tool bad file", ["-m", "json.tool", "bad.json"]),
    case("-m json.tool --json-lines", ["-m", "json.tool", "--json-lines"], stdin='{"a": 1}\n[2]\n'),
    case("-m tokenize -e", ["-m", "tokenize", "-e", "docmod.py"]),
    case("-m tokenize stdin", ["-m", "tokenize"], stdin="x = 1\n"),
    case("-m tokenize bad", ["-m", "tokenize", "syntax.py"]),
    case("-m ast stdin", ["-m", "ast"], stdin="x = [1, 2]\n"),
    case("-m ast bad", ["-m", "ast", "syntax.py"]),
    case("-m ast -a", ["-m", "ast", "-a", "hello.py"]),
    case("-m dis stdin", ["-m", "dis"], stdin="x = 1\n", code_only=True, known="gilt's bytecode is not CPython's"),
    case("-m this twice", ["-c", "import this, this"]),
    case("-m site -h", ["-m", "site", "--user-base"], code_only=True),
    case("-m calendar bad", ["-m", "calendar", "2024", "13"]),
    case("-m unittest missing", ["-m", "unittest", "nosuch_test_mod"], code_only=True),
]


def normalise(text, scratch, exe):
    text = re.sub(r"Current thread 0x[0-9a-f]+", "Current thread 0xN", text)
    text = text.replace(scratch, "<SCRATCH>")
    text = text.replace(os.path.realpath(scratch), "<SCRATCH>")
    text = text.replace(exe, "<EXE>")
    text = re.sub(r"\b(python3(\.11)?|gilt)(?=: )", "<EXE>", text)
    text = re.sub(r"/usr/lib/python3\.11/|/\S*/lib/python3\.11/", "<LIB>/", text)
    # Frames of CPython's frozen runpy, absent from gilt's tracebacks by design.
    text = re.sub(r'  File "<frozen runpy>", line \d+, in \w+\n', "", text)
    # Line numbers in the library differ between CPython builds.
    text = re.sub(r'(File "<LIB>/[^"]+", line )\d+', r"\1N", text)
    return text


def run(exe, c, scratch):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") and k not in ("GILT_GIL", "NO_COLOR")}
    env.update(c["env"])
    env["COLUMNS"] = "80"
    try:
        p = subprocess.run([exe] + c["args"], cwd=scratch, env=env, timeout=c["timeout"],
                           input=(c["stdin"] or "").encode(), capture_output=True)
    except subprocess.TimeoutExpired:
        return None, "", "<TIMEOUT>"
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    return p.returncode, normalise(out, scratch, exe), normalise(err, scratch, exe)


def make_scratch():
    d = tempfile.mkdtemp(prefix="cli_parity_")
    for name, body in FILES.items():
        path = os.path.join(d, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(body if isinstance(body, bytes) else body.encode())
    return d


def main():
    args = sys.argv[1:]
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    gilt = GILT
    if args and os.path.exists(args[0]):
        gilt = os.path.abspath(args.pop(0))
    filt = args[0] if args else None
    same = total = 0
    known = []
    for c in CASES:
        if filt and filt not in c["name"]:
            continue
        total += 1
        results = []
        for exe in (PYTHON, gilt):
            d = make_scratch()
            if c["setup"]:
                c["setup"](d)
            results.append(run(exe, c, d))
            shutil.rmtree(d, ignore_errors=True)
        (pc, po, pe), (gc, go, ge) = results
        if c["stderr_lines"]:
            keep = re.compile(c["stderr_lines"])
            pe, ge = ("".join(re.sub(r"0x[0-9a-f]+", "0xADDR", ln) for ln in e.splitlines(True) if keep.search(ln))
                      for e in (pe, ge))
        ok = pc == gc and (c["code_only"] or (po == go and pe == ge))
        if ok:
            same += 1
            continue
        if c["known"]:
            known.append(f"{c['name']} ({c['known']})")
            continue
        print(f"DIFF {c['name']}: {c['args']} status python3={pc} gilt={gc}")
        if verbose and not c["code_only"]:
            for label, a, b in (("stdout", po, go), ("stderr", pe, ge)):
                if a != b:
                    for line in difflib.unified_diff(a.splitlines(), b.splitlines(), f"python3 {label}",
                                                     f"gilt {label}", lineterm="", n=1):
                        print("    " + line)
    for k in known:
        print(f"known difference: {k}")
    print(f"{same} of {total} identical, {len(known)} known differences")
    return 0 if same + len(known) == total else 1


if __name__ == "__main__":
    sys.exit(main())
