import asyncio

async def main():
    await asyncio.sleep(0)
    raise KeyError("oops")

asyncio.run(main())
