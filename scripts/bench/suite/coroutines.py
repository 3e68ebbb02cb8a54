"""async/await: coroutines awaiting coroutines, driven by a tiny hand-written scheduler and by asyncio."""
import asyncio


class Yield:
    def __await__(self):
        yield


async def leaf(x):
    if x % 3 == 0:
        await Yield()
    return x * 2


async def middle(n):
    total = 0
    for i in range(n):
        total += await leaf(i)
    return total


def run_all(coros):
    results = []
    ready = list(coros)
    while ready:
        nxt = []
        for c in ready:
            try:
                c.send(None)
                nxt.append(c)
            except StopIteration as e:
                results.append(e.value)
        ready = nxt
    return results


async def worker(q, out):
    while True:
        item = await q.get()
        if item is None:
            return
        out.append(item * item)


async def main():
    q = asyncio.Queue()
    out = []
    ws = [asyncio.create_task(worker(q, out)) for _ in range(4)]
    for i in range(20000):
        await q.put(i)
    for _ in ws:
        await q.put(None)
    await asyncio.gather(*ws)
    return sum(out)


total = sum(run_all([middle(20000) for _ in range(10)]))
total += asyncio.run(main())
print("coroutines", total)
