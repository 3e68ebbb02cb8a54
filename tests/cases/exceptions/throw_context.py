# An exception thrown into a generator is chained to what the generator itself
# handles, not to what its caller handles (contextlib.ExitStack depends on it).
from contextlib import contextmanager, ExitStack
@contextmanager
def g(exc):
    try:
        yield
    finally:
        raise exc
e1, e2, e3, e4 = (Exception(i) for i in range(1, 5))
try:
    with ExitStack() as stack:
        stack.enter_context(g(e4)); stack.enter_context(g(e3)); stack.enter_context(g(e2))
        raise e1
except Exception as exc:
    print(exc, exc.__context__, exc.__context__.__context__, exc.__context__.__context__.__context__)
# simpler
def f():
    try:
        raise e1
    finally:
        raise e2
try: f()
except Exception as e: print(e, e.__context__)
a, b = Exception("a"), Exception("b")
try:
    try: raise a
    except Exception:
        try: raise b
        except Exception: raise a
except Exception as e: print(e, e.__context__, e.__context__.__context__)
def g():
    try: raise KeyError("k")
    except KeyError:
        yield
def h():
    yield
for gen in (g(), h()):
    next(gen)
    try:
        try: raise IndexError("outer")
        except IndexError: gen.throw(ValueError("v"))
    except ValueError as e: print(repr(e.__context__))
