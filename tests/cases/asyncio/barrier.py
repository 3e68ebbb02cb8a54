# asyncio.Barrier (CPython 3.11's): parties wait for each other, each gets
# an index; abort() breaks it for the waiters; reset() makes it usable again.
import asyncio


async def main():
    barrier = asyncio.Barrier(3)
    print(barrier.parties, barrier.n_waiting, barrier.broken)
    order = []

    async def worker(i):
        order.append(("before", i))
        index = await barrier.wait()
        order.append(("after", i))
        return index

    results = await asyncio.gather(*(worker(i) for i in range(3)))
    print(sorted(results), [k for k, _ in order])

    single = asyncio.Barrier(1)
    async with single as index:
        print("async with:", index, repr(single).split(" [")[-1])


async def broken():
    barrier = asyncio.Barrier(2)

    async def waiter():
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError:
            return "broken"

    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    print("waiting:", barrier.n_waiting)
    await barrier.abort()
    print(await t, barrier.broken)
    await barrier.reset()
    print("after reset:", barrier.broken)
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError", e)

    # A cancelled waiter leaves the barrier usable.
    t = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled; waiting:", barrier.n_waiting, "broken:", barrier.broken)


async def with_timeout():
    barrier = asyncio.Barrier(3)
    try:
        async with asyncio.timeout(0.01):
            await barrier.wait()
    except TimeoutError:
        print("timed out, broken:", barrier.broken)

asyncio.run(main())
asyncio.run(broken())
asyncio.run(with_timeout())
print(issubclass(asyncio.BrokenBarrierError, RuntimeError))
