import asyncio

async def job(n):
    await asyncio.sleep(0.01 * n)
    return n * n

async def fail():
    await asyncio.sleep(0.01)
    raise ValueError("boom")

async def forever():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("sibling cancelled")
        raise

async def main():
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(job(i)) for i in range(4)]
    print([t.result() for t in ts])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail())
            tg.create_task(forever())
    except Exception as eg:
        print(type(eg).__name__, [str(e) for e in eg.exceptions])

asyncio.run(main())
