def f():
    raise ValueError("bad")
def g():
    try:
        f()
    except ValueError as e:
        e.add_note("note one")
        e.add_note("note two")
        raise
excs = []
for fn in (g, lambda: 1/0):
    try:
        fn()
    except Exception as e:
        excs.append(e)
try:
    raise KeyError("k")
except KeyError as k:
    try:
        raise ExceptionGroup("inner", [TypeError("t"), k])
    except ExceptionGroup as ie:
        excs.append(ie)
eg = ExceptionGroup("outer", excs)
eg.add_note("group note")
raise eg
