import asyncio

async def ok(n):
    await asyncio.sleep(0.01 * n)
    return n

async def bad(n):
    await asyncio.sleep(0.01 * n)
    raise ValueError(f"bad {n}")

async def main():
    print(await asyncio.gather(ok(3), ok(1), ok(2)))
    print(await asyncio.gather())
    r = await asyncio.gather(ok(1), bad(2), ok(3), return_exceptions=True)
    print([repr(x) for x in r])
    try:
        await asyncio.gather(ok(1), bad(2))
    except ValueError as e:
        print("caught", e)
    await asyncio.sleep(0.05)

asyncio.run(main())
