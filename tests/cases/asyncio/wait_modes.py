import asyncio

async def job(n, fail=False):
    await asyncio.sleep(0.05 * n)
    if fail:
        raise RuntimeError(f"job {n}")
    return n

async def main():
    ts = [asyncio.create_task(job(i)) for i in (3, 1, 2)]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(ts)
    print(sorted(t.result() for t in done), len(pending))
    ts = [asyncio.create_task(job(1, fail=True)), asyncio.create_task(job(5))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending), [str(t.exception()) for t in done])
    for t in pending:
        t.cancel()
    ts = [asyncio.create_task(job(1)), asyncio.create_task(job(50))]
    done, pending = await asyncio.wait(ts, timeout=0.15)
    print(len(done), len(pending))
    for t in pending:
        t.cancel()
    await asyncio.sleep(0)

asyncio.run(main())
