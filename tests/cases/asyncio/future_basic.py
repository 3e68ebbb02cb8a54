import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(fut.done(), fut.cancelled())
    fut.add_done_callback(lambda f: print("callback", f.result()))
    loop.call_later(0.01, fut.set_result, 42)
    print(await fut)
    await asyncio.sleep(0)
    f2 = asyncio.Future()
    f2.set_exception(KeyError("k"))
    try:
        await f2
    except KeyError as e:
        print("KeyError", e)
    f3 = loop.create_future()
    try:
        f3.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError")
    f3.set_result(1)
    try:
        f3.set_result(2)
    except asyncio.InvalidStateError:
        print("already done")
    f4 = loop.create_future()
    print(f4.cancel(), f4.cancelled(), f4.cancel())
    try:
        f4.result()
    except asyncio.CancelledError:
        print("cancelled result")
    print(asyncio.isfuture(f4), asyncio.isfuture(3))

asyncio.run(main())
