# asyncio.Runner and Ctrl-C, as CPython's: a first SIGINT cancels the main
# task (its cleanup runs), then run() raises KeyboardInterrupt; a task that
# was cancelled anyway stays a CancelledError; the handler is put back.
import _thread
import asyncio
import signal


async def main():
    try:
        await asyncio.sleep(0)
        _thread.interrupt_main()
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("main task cancelled, its cleanup runs")
        raise


async def cancelled_then_interrupted():
    asyncio.current_task().cancel()
    try:
        await asyncio.sleep(0)
    finally:
        _thread.interrupt_main()


with asyncio.Runner() as runner:
    try:
        runner.run(main())
    except KeyboardInterrupt:
        print("KeyboardInterrupt after the cleanup")
    try:
        runner.run(cancelled_then_interrupted())
    except asyncio.CancelledError:
        print("CancelledError")
    except KeyboardInterrupt:
        print("KeyboardInterrupt")
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
