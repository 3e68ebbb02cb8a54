import asyncio
import threading

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    def worker():
        loop.call_soon_threadsafe(fut.set_result, "from thread")
    threading.Thread(target=worker).start()
    print(await fut)
    results = []
    fut2 = loop.create_future()
    fut2.add_done_callback(lambda f: results.append("cb1"))
    fut2.add_done_callback(lambda f: results.append("cb2"))
    fut2.set_result(None)
    print(results)
    await asyncio.sleep(0)
    print(results)

asyncio.run(main())
