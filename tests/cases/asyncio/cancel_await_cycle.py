# Cancelling a task in an await cycle (a awaits b, b awaits a) follows the
# chain until the recursion limit: RecursionError, as CPython, not a crash.
import asyncio


async def main():
    tasks = {}

    async def a():
        await asyncio.sleep(0)
        await tasks["b"]

    async def b():
        await asyncio.sleep(0)
        await tasks["a"]

    tasks["a"] = asyncio.ensure_future(a())
    tasks["b"] = asyncio.ensure_future(b())
    await asyncio.sleep(0.05)
    try:
        tasks["a"].cancel()
    except RecursionError as e:
        print("RecursionError:", e)
    print(tasks["a"].done(), tasks["b"].done())


loop = asyncio.new_event_loop()
loop.run_until_complete(main())
print("end")
