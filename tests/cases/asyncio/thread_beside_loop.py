# A thread counting while the event loop sleeps: the idle loop holds no GIL.
import asyncio
import threading
import time

count = 0
stop = False

def counter():
    global count
    while not stop:
        count += 1

async def main():
    global stop
    t = threading.Thread(target=counter)
    t.start()
    await asyncio.sleep(0.3)
    stop = True
    t.join()

asyncio.run(main())
print("thread kept counting:", count > 1000)
