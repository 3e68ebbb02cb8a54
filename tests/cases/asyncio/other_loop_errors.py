# Waiting across event loops is CPython's RuntimeError, not a hang: a task
# awaiting a future of another loop, a lock or condition bound to another
# loop; a coroutine-like object counts as a coroutine.
import asyncio
import collections.abc

other = asyncio.new_event_loop()


async def await_other():
    await other.create_future()

try:
    asyncio.run(await_other())
except RuntimeError as e:
    msg = str(e)
    print(msg.startswith("Task <Task"), "got Future <Future pending" in msg, msg.endswith("attached to a different loop"))


async def lock_other():
    lock = asyncio.Lock()
    lock._loop = other
    async with lock:
        cond = asyncio.Condition(lock)
        try:
            await cond.acquire()
        except RuntimeError as e:
            print(str(e).endswith("is bound to a different event loop"))
    cond = asyncio.Condition()
    async with cond:
        cond._loop = other
        try:
            await cond.wait()
        except RuntimeError as e:
            print(str(e).endswith("is bound to a different event loop"), cond.locked())

asyncio.run(lock_other())

# An Event first waited on in one asyncio.run belongs to that loop.
event = asyncio.Event()


async def wait_briefly():
    try:
        await asyncio.wait_for(event.wait(), 0.01)
    except TimeoutError:
        print("timed out")
    except RuntimeError as e:
        print("RuntimeError", str(e).split(" is ")[-1])

asyncio.run(wait_briefly())
asyncio.run(wait_briefly())
other.close()


class CoroLike(collections.abc.Coroutine):
    def send(self, v):
        pass

    def throw(self, *exc):
        pass

    def close(self):
        pass

    def __await__(self):
        pass

print(asyncio.iscoroutine(CoroLike()), asyncio.iscoroutine(x for x in ()), asyncio.iscoroutine(1))
