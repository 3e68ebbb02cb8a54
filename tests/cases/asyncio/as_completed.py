import asyncio

async def job(n):
    await asyncio.sleep(0.01 * n)
    return n

async def main():
    for coro in asyncio.as_completed([job(3), job(1), job(2)]):
        print(await coro)

asyncio.run(main())
