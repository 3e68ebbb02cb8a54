# Reprs of tasks and futures as CPython's: cancelling, wait_for=, cb=[...],
# gather's _GatheringFuture, a running task's current line; queues' str.
import asyncio
import re


def clean(r):
    # File paths differ between machines: keep the base name and the line.
    return re.sub(r" at (\S*/)?([^/\s]+):(\d+)", r" at \2:\3", r)


async def waiter(n):
    await asyncio.sleep(n)


async def main():
    me = asyncio.current_task()
    print(clean(repr(me)))
    t = asyncio.create_task(waiter(10), name="W")
    print(clean(repr(t)))
    await asyncio.sleep(0)
    print(clean(repr(t)))
    t.cancel()
    print(clean(repr(t)))
    try:
        await t
    except asyncio.CancelledError:
        pass
    print(clean(repr(t)))

    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(f)
    f.add_done_callback(print)
    print(f)

    def second(fut):
        pass
    f.add_done_callback(second)
    f.add_done_callback(lambda fut: None)
    print(clean(repr(f)))
    f.set_result([1, 2])
    print(f)

    g = asyncio.gather(waiter(0), waiter(0))
    print(clean(repr(g)))
    await g
    print(g)

    q = asyncio.Queue()
    print(str(q))
    for i in range(3):
        await q.put(i)
    await q.get()
    print(str(q))
    q.task_done()
    print(str(q))

asyncio.run(main())
