# Issue 10 ("keep what holds"): programs that wait with timeouts are correct
# and must never be reported as deadlocked: lock.acquire(timeout=…),
# Event.wait(…), Timer, queue.get(timeout=…), Condition.wait(…),
# thread.join(…), asyncio.wait_for.
import asyncio
import queue
import threading
import time

lock = threading.Lock()
lock.acquire()
t0 = time.monotonic()
print("acquire timed out:", lock.acquire(timeout=0.3) is False, time.monotonic() - t0 >= 0.25)
lock.release()

ev = threading.Event()
print("event wait:", ev.wait(0.2))
threading.Timer(0.1, ev.set).start()
print("event set by timer:", ev.wait(5))

q = queue.Queue()
try:
    q.get(timeout=0.2)
except queue.Empty:
    print("queue.get timed out")
threading.Timer(0.1, q.put, args=("late",)).start()
print("queue.get:", q.get(timeout=5))

cond = threading.Condition()
with cond:
    print("condition wait:", cond.wait(0.2))

# A thread that holds a lock for a while; the main thread polls it.
held = threading.Lock()
go = threading.Event()


def holder():
    with held:
        go.set()
        time.sleep(0.5)


t = threading.Thread(target=holder)
t.start()
go.wait()
tries = 0
while not held.acquire(timeout=0.1):
    tries += 1
held.release()
print("polled until free:", tries > 0)
t.join(0.01)
t.join()
print("joined:", not t.is_alive())

# Everyone waits with a timeout on something nobody will ever set.
never = threading.Event()
results = []


def waiter(i):
    results.append((i, never.wait(0.3)))


ts = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for x in ts:
    x.start()
for x in ts:
    x.join()
print(sorted(results))


async def main():
    fut = asyncio.get_running_loop().create_future()
    try:
        await asyncio.wait_for(fut, 0.2)
    except asyncio.TimeoutError:
        print("wait_for timed out")
    print(await asyncio.wait_for(asyncio.sleep(0.05, "slept"), 5))
    lk = asyncio.Lock()
    await lk.acquire()
    try:
        await asyncio.wait_for(lk.acquire(), 0.1)
    except asyncio.TimeoutError:
        print("asyncio lock timed out")


asyncio.run(main())
print("done")
