e = ValueError("x\ny")
e.add_note("multi\nline note")
e.__notes__.append(42)
class Bad:
    def __str__(self): raise RuntimeError
e.__notes__.append(Bad())
f = KeyError(1)
f.__notes__ = 42
raise ExceptionGroup("g", [e, f])
