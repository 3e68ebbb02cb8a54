import asyncio

async def sleeper():
    try:
        print("sleeping")
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cancelled inside")
        raise
    finally:
        print("finally runs")

async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0.01)
    print(t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("main saw CancelledError")
    print(t.cancelled(), t.done(), t.cancel())
    t2 = asyncio.create_task(sleeper())
    t2.cancel("bye")
    try:
        await t2
    except asyncio.CancelledError as e:
        print("never started:", e.args)
    print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))

asyncio.run(main())
