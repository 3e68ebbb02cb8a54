# The TypeErrors of `async for` / `async with` / `await` on objects that do
# not take part in the protocol, as CPython words them.
import types


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
    except Exception as e:
        cause = e.__cause__
        print(type(e).__name__ + ":", e, "| cause:", type(cause).__name__ if cause else None)


class NoAenter:
    async def __aexit__(self, *a):
        pass


class NoAexit:
    async def __aenter__(self):
        pass


class BadAenter:
    def __aenter__(self):
        return 1

    async def __aexit__(self, *a):
        pass


class BadAexit:
    async def __aenter__(self):
        return 1

    def __aexit__(self, *a):
        return 2


class InstanceOnly:
    def __init__(self):
        self.__aenter__ = self.__aexit__ = lambda *a: None


class NoNext:
    def __aiter__(self):
        return self


class BadNext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return ()


class AwaitFails:
    def __aiter__(self):
        return self

    def __anext__(self):
        return self

    def __await__(self):
        1 / 0


async def with_plain(m):
    async with m:
        pass


async def with_raising(m):
    async with m:
        1 / 0


async def with_return(m):
    async with m:
        return 1


async def for_loop(m):
    async for x in m:
        pass


async def for_comp(m):
    return [x async for x in m]


for m in [None, 5, NoAenter(), NoAexit(), BadAenter(), BadAexit(), InstanceOnly()]:
    run(with_plain(m))
run(with_raising(BadAexit()))
run(with_return(BadAexit()))
for m in [(), [1], NoNext(), BadNext(), AwaitFails()]:
    run(for_loop(m))
    run(for_comp(m))


class Ret:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        return self.v


async def aw(x):
    return await x


async def simple():
    return 7


run(aw(5))
run(aw(Ret(5)))
c = simple()
run(aw(Ret(c)))
c.close()
w = simple().__await__()
print(type(w).__name__, iter(w) is w)
try:
    next(w)
except StopIteration as e:
    print("StopIteration", e.value)
c = simple()
print("__iter__" in dir(c.__await__()), "__next__" in dir(types.CoroutineType))
c.close()


# A coroutine is not iterable (its __await__() is).
async def foo():
    return 1


for f in (list, tuple, iter):
    c = foo()
    try:
        f(c)
    except TypeError as e:
        print(f.__name__, e)
    c.close()


@types.coroutine
def nop():
    yield


async def inner():
    await nop()


async def waiter(c):
    await c


c = inner()
c.send(None)
run(waiter(c))
c.close()


# The __aexit__ of a failing body sees the traceback.
class Seen:
    async def __aenter__(self):
        return self

    async def __aexit__(self, t, e, tb):
        print("aexit", t.__name__, type(tb).__name__)
        return True


async def seen():
    async with Seen():
        raise KeyError


run(seen())


# StopAsyncIteration raised inside an async generator body.
async def agen():
    raise StopAsyncIteration(42)
    yield


async def drive():
    async for x in agen():
        pass


run(drive())


# A coroutine that swallows GeneratorExit.
async def stubborn():
    try:
        await nop()
    except GeneratorExit:
        await nop()


c = stubborn()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print("RuntimeError:", e)


# next() passes on the StopIteration a __next__ raises, value and all.
class Seven:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration(7)


try:
    next(Seven())
except StopIteration as e:
    print("next:", e.value)
print("default:", next(Seven(), "d"))
