import asyncio

async def inner():
    try:
        await asyncio.sleep(5)
    finally:
        print("inner finally")

async def middle():
    try:
        await inner()
    finally:
        print("middle finally")

async def main():
    t = asyncio.create_task(middle())
    await asyncio.sleep(0.01)
    t.cancel()
    r = await asyncio.gather(t, return_exceptions=True)
    print(type(r[0]).__name__)

asyncio.run(main())
