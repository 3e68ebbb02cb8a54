# A Task subclass made by the loop's task factory: create_task, gather and
# TaskGroup make instances of it, current_task() and the done-callbacks see
# the instance itself, and its overridden methods run.
import asyncio


class MyTask(asyncio.Task):
    made = 0

    def __init__(self, coro, *, loop=None, name=None, context=None):
        super().__init__(coro, loop=loop, name=name, context=context)
        MyTask.made += 1
        self.log = []

    def cancel(self, msg=None):
        self.log.append("cancel")
        return super().cancel(msg)


def factory(loop, coro, **kw):
    return MyTask(coro, loop=loop, **kw)


async def work(n):
    t = asyncio.current_task()
    await asyncio.sleep(0)
    return (type(t).__name__, t.get_name(), n)


async def forever():
    await asyncio.sleep(3600)


async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_task_factory())
    loop.set_task_factory(factory)
    print(loop.get_task_factory() is factory)
    t = asyncio.create_task(work(1), name="one")
    print(type(t).__name__, isinstance(t, asyncio.Task), asyncio.isfuture(t), t.get_name())
    done = []
    t.add_done_callback(lambda x: done.append(x is t))
    print(await t, done)
    print(await asyncio.gather(work(2), work(3)))
    async with asyncio.TaskGroup() as tg:
        t4 = tg.create_task(work(4), name="four")
    print(t4.result(), type(t4).__name__)
    s = loop.create_task(forever())
    await asyncio.sleep(0)
    s.cancel()
    try:
        await s
    except asyncio.CancelledError:
        print("cancelled", s.log)
    print("made", MyTask.made)
    try:
        loop.set_task_factory(42)
    except TypeError as e:
        print("TypeError:", e)
    loop.set_task_factory(None)
    print(type(asyncio.create_task(work(5))).__name__)


asyncio.run(main())
