# A Python subclass of asyncio.Future: its own methods and attributes, the
# overridden add_done_callback called when a task awaits it and by gather,
# isinstance/isfuture, the instance passed to callbacks, and its __del__.
import asyncio
import gc


class MyFut(asyncio.Future):
    added = 0

    def __init__(self, tag, **kw):
        super().__init__(**kw)
        self.tag = tag

    def add_done_callback(self, fn, *, context=None):
        MyFut.added += 1
        super().add_done_callback(fn, context=context)

    def set_result(self, value):
        super().set_result(value * 2)

    def __repr__(self):
        return f"<MyFut {self.tag} done={self.done()}>"

    def __del__(self):
        if self.tag in ("a", "c"):
            print("del", self.tag)


async def later(f, value):
    await asyncio.sleep(0)
    f.set_result(value)


async def main():
    loop = asyncio.get_running_loop()
    f = MyFut("a")
    print(repr(f), isinstance(f, asyncio.Future), asyncio.isfuture(f), f.get_loop() is loop)
    seen = []
    f.add_done_callback(lambda x: seen.append((x is f, x.tag)))
    loop.call_soon(f.set_result, 21)
    print("await:", await f, "added:", MyFut.added, repr(f))
    await asyncio.sleep(0)
    print("callback got:", seen)

    fs = [MyFut(f"g{i}") for i in range(3)]
    for i, x in enumerate(fs):
        loop.create_task(later(x, i))
    print("gather:", await asyncio.gather(*fs), "added:", MyFut.added)

    g = MyFut("e", loop=loop)
    g.set_exception(ValueError("boom"))
    try:
        await g
    except ValueError as e:
        print("raised:", e, g.exception() is not None)
    h = MyFut("c")
    h.cancel("stop")
    print("cancelled:", h.cancelled())
    del f, h
    gc.collect()
    print("main done")


asyncio.run(main())
