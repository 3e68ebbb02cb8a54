# traceback.print_exc() of a group (traceback.py's printer), and notes
import sys, traceback
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
    traceback.print_exc(file=sys.stdout)
try:
    raise TypeError("plain")
except TypeError as t:
    t.add_note("a note")
    traceback.print_exc(file=sys.stdout)
