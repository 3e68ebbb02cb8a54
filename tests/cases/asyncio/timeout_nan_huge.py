# asyncio.timeout(), wait_for() and sleep() with NaN, huge and infinite
# delays: as CPython (a NaN timer is due at once; nothing hangs or crashes).
import asyncio


async def main():
    for t in [float("nan"), 1e300, float("inf"), 1e9, -1.0]:
        try:
            async with asyncio.timeout(t):
                await asyncio.sleep(0)
            print("timeout", t, "ok")
        except BaseException as e:
            print("timeout", t, type(e).__name__)
        try:
            print("wait_for", t, await asyncio.wait_for(asyncio.sleep(0, "done"), t))
        except BaseException as e:
            print("wait_for", t, type(e).__name__)
    await asyncio.sleep(float("nan"))
    print("slept nan")
    loop = asyncio.get_running_loop()
    fired = []
    loop.call_later(float("nan"), fired.append, "nan")
    loop.call_later(1e300, fired.append, "huge")
    loop.call_at(float("nan"), fired.append, "at-nan")
    await asyncio.sleep(0.05)
    print(sorted(fired))
    try:
        async with asyncio.timeout(float("nan")):
            await asyncio.sleep(10)
        print("nan timeout did not fire")
    except TimeoutError:
        print("nan timeout fired")


asyncio.run(main())
