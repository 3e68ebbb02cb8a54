import asyncio
import time

def blocking(n):
    time.sleep(0.02)
    return n * 2

async def main():
    r = await asyncio.gather(asyncio.to_thread(blocking, 1), asyncio.to_thread(blocking, 2))
    print(r)
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, blocking, 5))
    def boom():
        raise KeyError("in thread")
    try:
        await asyncio.to_thread(boom)
    except KeyError as e:
        print("KeyError", e)

asyncio.run(main())
