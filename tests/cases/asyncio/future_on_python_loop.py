# asyncio's native Future and Task on an event loop written in Python
# (a subclass of CPython's asyncio.base_events.BaseEventLoop): callbacks and
# task steps are scheduled with that loop's call_soon / call_later.
import asyncio
from asyncio import selector_events


class CountingLoop(selector_events.BaseSelectorEventLoop):
    """A Python event loop that counts the callbacks it schedules."""

    def __init__(self):
        super().__init__()
        self.scheduled = 0

    def call_soon(self, callback, *args, context=None):
        self.scheduled += 1
        return super().call_soon(callback, *args, context=context)


loop = CountingLoop()
print(isinstance(loop, asyncio.AbstractEventLoop))

fut = asyncio.Future(loop=loop)
print(fut.get_loop() is loop, fut.done())
fut.add_done_callback(lambda f: print("callback got", f.result()))
loop.call_soon(fut.set_result, 42)
print("result", loop.run_until_complete(fut))


async def double(x):
    await asyncio.sleep(0.01)
    assert asyncio.get_running_loop() is loop
    return 2 * x


async def main():
    task = asyncio.current_task()
    print("current task on the Python loop:", type(task).__name__)
    results = await asyncio.gather(double(1), double(2), double(3))
    t = asyncio.Task(double(10), loop=loop)
    return results, await t

print(loop.run_until_complete(main()))
print("callbacks scheduled through call_soon:", loop.scheduled > 5)

bad = asyncio.Future(loop=loop)
loop.call_soon(bad.set_exception, ValueError("boom"))
try:
    loop.run_until_complete(bad)
except ValueError as e:
    print("ValueError", e)
loop.close()
