import asyncio

class Resource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        await asyncio.sleep(0)
        print("open", self.name)
        return self
    async def __aexit__(self, et, e, tb):
        await asyncio.sleep(0)
        print("close", self.name, et.__name__ if et else None)
        return et is KeyError

class Counter:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await asyncio.sleep(0)
        return self.i

async def main():
    async with Resource("a") as r, Resource("b"):
        print("using", r.name)
    async with Resource("c"):
        raise KeyError("suppressed")
    try:
        async with Resource("d"):
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", e)
    async for i in Counter(3):
        print("i", i)
    else:
        print("loop else")
    print([await asyncio.sleep(0, i) for i in range(3)])

asyncio.run(main())
