# A coroutine never awaited: CPython's warning, then its hint about tracemalloc (which
# warnings adds because the warning names the coroutine as its source); a task that
# failed and was never retrieved is reported when the loop closes.
import asyncio
async def never(): pass
async def main():
    never()
    t = asyncio.create_task(asyncio.sleep(0))
    async def fail(): raise ValueError("lost")
    asyncio.create_task(fail())
    await asyncio.sleep(0.01)
asyncio.run(main())
print("end")
