import asyncio
async def agen(n):
    for i in range(n):
        yield i
async def wrap(n):
    await asyncio.sleep(0)
    return n
def make(n):
    return (i * 2 for i in range(n) if await wrap(i))
async def main():
    print([x async for x in agen(4)])
    print([await wrap(x) for x in range(3)])
    g = (x * 10 async for x in agen(3))
    print([y async for y in g])
    print([y async for y in make(4)])
asyncio.run(main())
# A generator expression that awaits is an async generator even when the
# function that builds it is not async.
print(type(make(2)).__name__)
g = (await wrap(x) for x in range(2))
print(type(g).__name__)
async def drain():
    return [v async for v in g]
print(asyncio.run(drain()))
