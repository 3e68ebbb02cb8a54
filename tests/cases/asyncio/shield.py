import asyncio

async def important(out):
    await asyncio.sleep(0.03)
    out.append("important finished")
    return "ok"

async def main():
    out = []
    inner = asyncio.ensure_future(important(out))
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=0.01)
    except asyncio.TimeoutError:
        print("outer timed out")
    print(await inner, out)

asyncio.run(main())
