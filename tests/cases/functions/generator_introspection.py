# gi_frame / gi_code / gi_yieldfrom (and the coroutine and async generator
# spellings), and throw()'s argument rules.
import sys


def inner():
    yield 1
    yield 2


def outer():
    x = 10
    yield from inner()
    yield x


g = outer()
print("created:", g.gi_frame.f_back, g.gi_frame.f_code.co_name, g.gi_frame.f_lineno, g.gi_code.co_name)
print("yieldfrom before start:", g.gi_yieldfrom)
next(g)
print("delegating to:", g.gi_yieldfrom.gi_code.co_name, g.gi_frame.f_lineno, g.gi_frame.f_locals)
next(g)
next(g)
print("after delegation:", g.gi_yieldfrom)
list(g)
print("finished:", g.gi_frame, g.gi_code.co_name, g.gi_running)


def watcher():
    me = yield
    f = me.gi_frame
    print("running:", me.gi_running, f.f_code.co_name, f.f_back.f_code.co_name)
    yield


w = watcher()
next(w)
try:
    w.send(w)
except StopIteration:
    pass


async def coro():
    pass


c = coro()
print("coroutine:", c.cr_frame.f_back, c.cr_code.co_name, c.cr_await)
c.close()


async def agen():
    yield


a = agen()
print("async generator:", a.ag_frame.f_back, a.ag_code.co_name, a.ag_await)


def catcher():
    while True:
        try:
            print("got", (yield))
        except ValueError as v:
            print("caught ValueError (%s)" % v)


g = catcher()
next(g)
g.throw(ValueError)
g.throw(ValueError("xyz"))
g.throw(ValueError, ValueError(1))
g.throw(ValueError, TypeError(1))
g.throw(ValueError, (1, 2))
g.throw(ValueError, ValueError(1), None)
for args in [(ValueError(1), "foo"), (ValueError, "foo", 23), ("abc",), (0,), (list,)]:
    try:
        g.throw(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    raise ValueError("with tb")
except ValueError:
    g.throw(*sys.exc_info())


def in_handler():
    try:
        raise KeyError("a")
    except Exception:
        yield


g = in_handler()
next(g)
try:
    g.throw(ValueError)
except ValueError as e:
    print("context:", type(e.__context__).__name__, e.__context__.args)


class E(Exception):
    def __new__(cls, *args, **kwargs):
        return cls


def boring():
    yield


g = boring()
try:
    g.throw(E)
except TypeError as e:
    print(e)


def guarded():
    try:
        yield
    except TypeError as e:
        print("inside:", e)
        yield "recovered"


g = guarded()
next(g)
print(g.throw(E))
