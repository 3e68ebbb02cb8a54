import asyncio

async def main():
    lock = asyncio.Lock()
    order = []
    async def crit(n):
        async with lock:
            order.append(f"in{n}")
            await asyncio.sleep(0.005)
            order.append(f"out{n}")
    await asyncio.gather(crit(1), crit(2), crit(3))
    print(order, lock.locked())

    ev = asyncio.Event()
    async def waiter(n):
        await ev.wait()
        return n
    ts = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0.005)
    print(ev.is_set(), any(t.done() for t in ts))
    ev.set()
    print(await asyncio.gather(*ts))

    sem = asyncio.Semaphore(2)
    active = [0, 0]
    async def limited():
        async with sem:
            active[0] += 1
            active[1] = max(active[1], active[0])
            await asyncio.sleep(0.005)
            active[0] -= 1
    await asyncio.gather(*[limited() for _ in range(6)])
    print("max concurrent", active[1])
    bs = asyncio.BoundedSemaphore(1)
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print(e)

    cond = asyncio.Condition()
    items = []
    async def consumer():
        async with cond:
            await cond.wait_for(lambda: items)
            return items.pop()
    t = asyncio.create_task(consumer())
    await asyncio.sleep(0.005)
    async with cond:
        items.append("item")
        cond.notify()
    print(await t)

asyncio.run(main())
