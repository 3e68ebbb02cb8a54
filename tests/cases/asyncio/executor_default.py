import asyncio
import concurrent.futures
import threading
import time


def work(n):
    time.sleep(0.01)
    return n * n, threading.current_thread().name.startswith("asyncio_")


async def main():
    loop = asyncio.get_running_loop()
    rs = await asyncio.gather(*(loop.run_in_executor(None, work, i) for i in range(5)))
    print(rs)
    print(await asyncio.to_thread(lambda a, b=0: a + b, 2, b=3))
    with concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="mine") as ex:
        r = await loop.run_in_executor(ex, threading.current_thread)
        print(r.name.startswith("mine"))

    def boom():
        raise ValueError("from the executor")
    try:
        await loop.run_in_executor(None, boom)
    except ValueError as e:
        print("ValueError:", e)
    try:
        await asyncio.wait_for(loop.run_in_executor(None, time.sleep, 0.2), 0.01)
    except asyncio.TimeoutError:
        print("TimeoutError")
    cf = concurrent.futures.Future()
    af = asyncio.wrap_future(cf)
    loop.call_soon(cf.set_result, 42)
    print(await af)


asyncio.run(main())
print("threads after run:", sorted(t.name for t in threading.enumerate()))
