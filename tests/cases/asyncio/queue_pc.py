import asyncio

async def producer(q, n):
    for i in range(n):
        await q.put(i)
    await q.put(None)

async def consumer(q, out):
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            break
        out.append(item)

async def main():
    q = asyncio.Queue(maxsize=2)
    out = []
    await asyncio.gather(producer(q, 10), consumer(q, out))
    print(out, q.empty(), q.qsize(), q.full())
    q2 = asyncio.Queue(1)
    q2.put_nowait("a")
    try:
        q2.put_nowait("b")
    except asyncio.QueueFull:
        print("full")
    print(q2.get_nowait())
    try:
        q2.get_nowait()
    except asyncio.QueueEmpty:
        print("empty")
    lq = asyncio.LifoQueue()
    pq = asyncio.PriorityQueue()
    for x in (3, 1, 2):
        lq.put_nowait(x)
        pq.put_nowait(x)
    print([lq.get_nowait() for _ in range(3)], [pq.get_nowait() for _ in range(3)])
    jq = asyncio.Queue()
    for i in range(3):
        jq.put_nowait(i)
    async def drain():
        while not jq.empty():
            await jq.get()
            await asyncio.sleep(0.005)
            jq.task_done()
    t = asyncio.create_task(drain())
    await jq.join()
    print("joined", jq.qsize())
    await t

asyncio.run(main())
