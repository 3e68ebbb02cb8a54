import asyncio

async def child():
    t = asyncio.current_task()
    return t.get_name()

async def main():
    me = asyncio.current_task()
    print(me.get_name() == asyncio.current_task().get_name())
    t = asyncio.create_task(child(), name="kid")
    print(len(asyncio.all_tasks()))
    print(await t)
    print(len(asyncio.all_tasks()), me in asyncio.all_tasks())
    print(asyncio.iscoroutinefunction(child), asyncio.iscoroutinefunction(print))
    c = child()
    print(asyncio.iscoroutine(c), asyncio.iscoroutine(1))
    await c

asyncio.run(main())
print(asyncio.current_task is not None)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print(e)
