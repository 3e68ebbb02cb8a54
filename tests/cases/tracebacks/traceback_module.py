# CPython's traceback module (format_exc, print_exc, extract_tb, TracebackException,
# chains, groups, notes, SyntaxError details, logging.exception) as python3 prints it.
import os as _os
import sys as _sys


class _StripFolder:
    """Prints paths relative to this folder, so the expected output holds anywhere."""

    def __init__(self, f):
        self.f = f
        self.folder = _os.path.dirname(_os.path.abspath(__file__)) + _os.sep

    def write(self, text):
        return self.f.write(text.replace(self.folder, ""))

    def flush(self):
        self.f.flush()


_sys.stdout = _StripFolder(_sys.stdout)
import traceback, sys, io, logging
def f(x): return g(x) + 1
def g(x): return [1, 2][x]
try: f(5)
except Exception as e:
    print(traceback.format_exc())
    traceback.print_exc(file=sys.stdout)
    print(traceback.format_exception_only(type(e), e))
    print(traceback.extract_tb(e.__traceback__))
    for fs in traceback.extract_tb(e.__traceback__): print(fs.filename.split('/')[-1], fs.lineno, fs.name, fs.line)
    te = traceback.TracebackException.from_exception(e)
    print(list(te.format_exception_only()))
try:
    try: {}['k']
    except KeyError as e: raise ValueError("bad") from e
except ValueError:
    traceback.print_exc(file=sys.stdout)
try:
    try: 1/0
    except ZeroDivisionError: int("x")
except ValueError as e:
    print("".join(traceback.format_exception(e)))
    print("".join(traceback.format_exception(e, chain=False)))
def rec(n): return rec(n + 1)
try: rec(0)
except RecursionError:
    s = traceback.format_exc(); print("\n".join(s.splitlines()[-8:]))
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError("t")])
except Exception:
    traceback.print_exc(file=sys.stdout)
e = ValueError("noted"); e.add_note("a note")
print("".join(traceback.format_exception(e)))
print("".join(traceback.format_stack()[-1:]))
traceback.print_stack(file=sys.stdout, limit=1)
logging.basicConfig(stream=sys.stdout)
try: 1/0
except ZeroDivisionError: logging.exception("boom")
print(traceback.format_exception_only(SyntaxError("bad syntax", ("f.py", 3, 5, "x = = 1\n", 3, 8))))
try: compile("x = = 1", "<s>", "exec")
except SyntaxError: traceback.print_exc(file=sys.stdout)
print(repr(traceback.format_exc()))
