# frames and tracebacks as objects
import sys, types

def inner(x):
    y = x * 2
    f = sys._getframe()
    return f, sys._getframe(1)

f, caller = inner(5)
print(type(f).__name__, f.f_code.co_name, caller.f_code.co_name, f.f_back.f_code.co_name)
print(sorted(k for k in f.f_locals if k != "f"), f.f_locals["y"], f.f_globals is globals(), f.f_builtins["len"] is len)
print(isinstance(f, types.FrameType), f.f_lasti >= 0, f.f_trace)
try:
    sys._getframe(1000)
except ValueError as e:
    print("ValueError:", e)
for bad in ("a", 1.5):
    try:
        sys._getframe(bad)
    except TypeError as e:
        print("TypeError:", e)

def fail(n):
    local_value = n + 1
    raise KeyError(n)

def outer():
    try:
        fail(3)
    except KeyError as e:
        return e, sys.exc_info()

e, info = outer()
tb = e.__traceback__
print(type(tb).__name__, isinstance(tb, types.TracebackType), info[2] is not None)
entries = []
while tb is not None:
    entries.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti >= 0))
    last = tb
    tb = tb.tb_next
print(entries)
print(last.tb_frame.f_locals)

# with_traceback and __traceback__ assignment
e2 = ValueError("again")
print(e2.__traceback__, e2.with_traceback(e.__traceback__) is e2, e2.__traceback__.tb_lineno)
e2.__traceback__ = None
print(e2.__traceback__)
try:
    e2.__traceback__ = 5
except TypeError as err:
    print("TypeError:", err)
try:
    raise ValueError("x").with_traceback(e.__traceback__)
except ValueError as v:
    t = v.__traceback__
    lines = []
    while t:
        lines.append(t.tb_lineno)
        t = t.tb_next
    print(lines)
print(sys.exc_info(), sys.exception())
