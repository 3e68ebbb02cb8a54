# Each task runs in a copy of the context it was created in (or the one
# given with context=); callbacks too; asyncio.Runner.run(coro, context=).
# IsolatedAsyncioTestCase relies on this.
import asyncio
import contextvars

v = contextvars.ContextVar("v", default="default")


async def child(n):
    print("child", n, "sees", v.get())
    v.set(f"child{n}")
    await asyncio.sleep(0)
    print("child", n, "still sees", v.get())


async def main():
    v.set("main")
    t = asyncio.create_task(child(1))
    v.set("main2")
    await t
    print("main sees", v.get())
    ctx = contextvars.copy_context()
    ctx.run(v.set, "in ctx")
    await asyncio.get_running_loop().create_task(child(2), context=ctx)
    print("ctx has", ctx[v], "main has", v.get())
    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    def cb():
        print("callback sees", v.get())
        v.set("callback")
        fut.set_result(1)

    loop.call_soon(cb)
    v.set("after call_soon")
    await fut
    print("main after callback", v.get())
    done = loop.create_future()
    done.add_done_callback(lambda f: print("done callback sees", v.get()))
    v.set("after add_done_callback")
    done.set_result(None)
    await asyncio.sleep(0)
    results = await asyncio.gather(*(child(i) for i in (3, 4)))
    print("gather", results, v.get())


asyncio.run(main())
print("outside", v.get())

ctx = contextvars.copy_context()
ctx.run(v.set, "runner ctx")
with asyncio.Runner() as r:
    r.run(child(5), context=ctx)
    print("ctx after run", ctx[v])
    r.run(child(6))
    try:
        r.run(42)
    except ValueError as e:
        print("ValueError:", e)
try:
    r.get_loop()
except RuntimeError as e:
    print("RuntimeError:", e)


async def in_thread():
    v.set("before to_thread")
    return await asyncio.to_thread(v.get)


print("to_thread runs in a copy:", asyncio.run(in_thread()))
