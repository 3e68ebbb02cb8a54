# asyncio.sleep() makes a coroutine (as CPython's `async def sleep`): it is
# closed, thrown into and sent to as one; generator-based coroutines count
# as coroutines; ensure_future and Future() check their arguments first.
import asyncio
import traceback

s = asyncio.sleep(1)
print(asyncio.iscoroutine(s), type(s).__name__)
s.close()
s.close()

s = asyncio.sleep(1)
try:
    s.throw(ValueError("into sleep"))
except ValueError as e:
    print("thrown:", e)

try:
    asyncio.ensure_future("ok")
except TypeError as e:
    print("TypeError:", e)

try:
    asyncio.Future(42)
except TypeError as e:
    print("TypeError:", e)


def legacy(fut):
    value = yield from fut
    return value * 2


async def sleeper():
    await asyncio.sleep(10)


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    g = asyncio.gather(legacy(fut))
    loop.call_soon(fut.set_result, 21)
    print(await g)

    fut = loop.create_future()
    try:
        list(iter(fut))
    except RuntimeError as e:
        print("RuntimeError:", e)
    fut.cancel()

    print(await asyncio.create_task(asyncio.sleep(0.01, "slept")))

    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    t.cancel("stop")
    print("message while pending:", t._cancel_message)
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled with", e.args)
        lines = traceback.format_exception(e)
        print("sleep line shown:", any("await asyncio.sleep(10)" in l for l in lines))

    inner = asyncio.create_task(sleeper())
    outer = asyncio.gather(inner, return_exceptions=True)
    await asyncio.sleep(0)
    outer.cancel("gather stop")
    try:
        await outer
    except asyncio.CancelledError as e:
        print("gather cancelled with", e.args)

    print(asyncio.Future[int], asyncio.Task[str].__args__)

asyncio.run(main())
