import asyncio

async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0.001)
        yield i

async def main():
    async for x in ticker(3):
        print("tick", x)
    print([x async for x in ticker(4)])
    print([x * 2 async for x in ticker(4) if x % 2])
    g = ticker(10)
    print(await g.__anext__(), await g.__anext__())
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("closed")

asyncio.run(main())
