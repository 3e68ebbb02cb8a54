import asyncio

async def worker(name, delay, out):
    await asyncio.sleep(delay)
    out.append(name)
    return name.upper()

async def main():
    out = []
    t1 = asyncio.create_task(worker("b", 0.02, out), name="second")
    t2 = asyncio.create_task(worker("a", 0.01, out))
    print(t1.get_name(), t2.get_name().startswith("Task-"))
    t1.set_name("renamed")
    print(t1.get_name(), t1.done())
    print(await t1, await t2)
    print(out, t1.done(), t1.result(), t2.cancelled())
    print(isinstance(t1, asyncio.Task), isinstance(t1, asyncio.Future))

asyncio.run(main())
