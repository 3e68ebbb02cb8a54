import asyncio
import time

async def blocker(out):
    time.sleep(0.02)  # blocks the loop, as in CPython
    out.append("blocker")

async def other(out):
    await asyncio.sleep(0)
    out.append("other")

async def main():
    out = []
    await asyncio.gather(blocker(out), other(out))
    print(out)

asyncio.run(main())
