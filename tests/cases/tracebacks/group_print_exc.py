# traceback.print_exc() of a group (traceback.py's printer), and notes
import io, os, sys, traceback
here = os.path.dirname(os.path.abspath(__file__)) + os.sep
def print_exc():
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    print(buf.getvalue().replace(here, ""), end="")
e = ValueError("x\ny")
e.add_note("multi\nline note")
e.__notes__.append(42)
class Bad:
    def __str__(self): raise RuntimeError
e.__notes__.append(Bad())
eg = ExceptionGroup("g", [e, ExceptionGroup("inner", [KeyError(1)])])
try:
    raise eg
except Exception as x:
    print_exc()
try:
    raise TypeError("plain")
except TypeError as t:
    t.add_note("a note")
    print_exc()
