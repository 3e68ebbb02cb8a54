# aiter() and anext(): the async counterparts of iter() and next(), with
# anext's default, over async generators and hand-written async iterators,
# and CPython's TypeErrors.
import asyncio


async def agen(n):
    for i in range(n):
        yield i


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


class NoAnext:
    def __aiter__(self):
        return 42


async def main():
    it = aiter(agen(3))
    print(await anext(it), await anext(it), await anext(it))
    print(await anext(it, "done"))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    c = Countdown(2)
    print(aiter(c) is c)
    print(await anext(c), await anext(c), await anext(c, None))
    print(type(anext(agen(1), 0)).__name__)
    # The default-less form is the __anext__ awaitable itself.
    print(type(anext(agen(1))).__name__)
    w = anext(Countdown(0), "dflt")
    print(await w)


asyncio.run(main())

for call in [
    lambda: aiter(1),
    lambda: aiter(NoAnext()),
    lambda: aiter(),
    lambda: anext(1),
    lambda: anext(1, 2),
    lambda: anext(),
    lambda: anext(1, 2, 3),
    lambda: anext(aiterator=agen(1)),
]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

# Driving the default wrapper by hand: send() and the StopIteration it ends with.
g = anext(agen(0), "fallback")
try:
    g.send(None)
except StopIteration as e:
    print("StopIteration", e.value)
