# Callbacks run in the order they were scheduled, whether by call_soon or
# by call_soon_threadsafe, from this thread or another one.
import asyncio
import threading

loop = asyncio.new_event_loop()
results = []


def callback(arg):
    results.append(arg)
    if len(results) >= 4:
        loop.stop()


loop.call_soon_threadsafe(callback, "threadsafe 1")
loop.call_soon(callback, "soon 2")
t = threading.Thread(target=loop.call_soon_threadsafe, args=(callback, "other thread 3"))
t.start()
t.join()
loop.call_soon(callback, "soon 4")
loop.run_forever()
print(results)
loop.close()
