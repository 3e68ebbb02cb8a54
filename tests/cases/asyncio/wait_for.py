import asyncio

async def slow():
    try:
        await asyncio.sleep(1)
        return "slow done"
    finally:
        print("slow cleanup")

async def quick():
    await asyncio.sleep(0.01)
    return "quick done"

async def main():
    print(await asyncio.wait_for(quick(), timeout=1))
    try:
        await asyncio.wait_for(slow(), timeout=0.02)
    except asyncio.TimeoutError:
        print("timed out")
    print(asyncio.TimeoutError is TimeoutError)
    print(await asyncio.wait_for(quick(), None))

asyncio.run(main())
