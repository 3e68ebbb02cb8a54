# Threads started one after another (gilt runs them on reused OS threads):
# each sees a fresh threading.local, its own name and current_thread(), a
# fresh asyncio state, and an exception in one does not affect the next.
import asyncio
import threading

data = threading.local()
seen = []


def worker(i):
    me = threading.current_thread()
    had = getattr(data, "value", None)
    data.value = i
    try:
        asyncio.get_running_loop()
        loop_running = True
    except RuntimeError:
        loop_running = False
    seen.append((i, me.name, me is threading.current_thread(), had, loop_running,
                 threading.get_ident() == me.ident))
    if i == 2:
        raise ValueError("boom in thread 2")


async def main_coro(i):
    await asyncio.sleep(0)
    return i * 10


def async_worker(i):
    seen.append(("async", i, asyncio.run(main_coro(i))))


def quiet_hook(args):
    seen.append(("hook", args.thread.name, type(args.exc_value).__name__))


threading.excepthook = quiet_hook
for i in range(6):
    t = threading.Thread(target=worker, args=(i,), name="seq-%d" % i)
    t.start()
    t.join()
    print(t.name, t.is_alive())
for i in range(3):
    t = threading.Thread(target=async_worker, args=(i,))
    t.start()
    t.join()
for row in seen:
    print(row)
print(threading.active_count(), len(threading.enumerate()))
print(hasattr(data, "value"))
