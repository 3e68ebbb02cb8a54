# Assigning a function's __code__: the function runs the new code from its
# next call; the closure's cells stay, so the free-variable counts must match.
import types


def f(a, b=2):
    return ("f", a, b)


def g(a, b=2):
    return ("g", a * 10, b)


print(f(1))
f.__code__ = g.__code__
print(f(1), f.__name__, f.__code__.co_name, f.__code__ is g.__code__)


def outer():
    x = 5

    def inner():
        return x + 1

    return inner


def outer2():
    y = 7

    def inner2():
        return y * 2

    return inner2


h = outer()
h.__code__ = outer2().__code__
print(h())
for target, code in [(f, outer().__code__), (h, g.__code__)]:
    try:
        target.__code__ = code
    except ValueError as e:
        print("ValueError", e)
try:
    f.__code__ = "code"
except TypeError as e:
    print("TypeError", e)


# types.coroutine on a generator function replaces its __code__.
@types.coroutine
def gen_coro():
    yield "step"
    return "done"


async def main():
    return await gen_coro()


c = main()
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
