import asyncio

async def main():
    try:
        async with asyncio.timeout(0.02) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout expired:", cm.expired())
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.01)
    print("in time:", cm.expired())
    async with asyncio.timeout(None) as cm:
        print(cm.when())
        await asyncio.sleep(0)

asyncio.run(main())
