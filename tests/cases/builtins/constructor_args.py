# The argument checks of the built-in constructors and descriptor types:
# keywords they refuse, how many positionals they take.


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__, e)


attempt("int(x=1)", lambda: int(x=1))
attempt("int('10', base=2)", lambda: int("10", base=2))
attempt("int('10', 2, 3)", lambda: int("10", 2, 3))
attempt("float(x=2)", lambda: float(x=2))
attempt("bool(x=2)", lambda: bool(x=2))
attempt("bool(1, 2)", lambda: bool(1, 2))
attempt("complex(imag=42, real=666)", lambda: complex(imag=42, real=666))
attempt("str(object=500)", lambda: str(object=500))
attempt("str(object=b'abc', errors='strict')", lambda: str(object=b"abc", errors="strict"))
attempt("str(b'abc', encoding='ascii')", lambda: str(b"abc", encoding="ascii"))
attempt("str(x=1)", lambda: str(x=1))
attempt("str(1, object=2)", lambda: str(1, object=2))
attempt("str(b'a', 'ascii', 'strict', 4)", lambda: str(b"a", "ascii", "strict", 4))
for name, ctor in [("tuple", tuple), ("list", list), ("set", set), ("frozenset", frozenset)]:
    attempt(name + "(x=1)", lambda: ctor(x=1))
    attempt(name + "(1, 2)", lambda: ctor(1, 2))
    attempt(name + "('ab')", lambda: sorted(ctor("ab")))
attempt("dict({}, {})", lambda: dict({}, {}))
attempt("dict({'a': 1}, b=2)", lambda: dict({"a": 1}, b=2))


class T(tuple):
    def __init__(self, *args, **kw):
        self.kw = kw


t = T([1, 2], flag=True)
print("tuple subclass with its own __init__:", t, t.kw)


def f(cls, arg):
    "f docstring"
    return (cls, arg)


attempt("classmethod(f, kw=1)", lambda: classmethod(f, kw=1))
attempt("classmethod()", lambda: classmethod())
attempt("staticmethod(f, f)", lambda: staticmethod(f, f))
sm = staticmethod(None)
sm.x = 42
print(sm.x, sorted(sm.__dict__))
del sm.x
print(hasattr(sm, "x"))
try:
    del sm.x
except AttributeError as e:
    print(e)
cm = classmethod(f)
print(sorted(cm.__dict__), cm.__doc__)
cm.y = 1
del cm.y
print(hasattr(cm, "y"))
