import asyncio
import os
import signal
import time


async def main():
    loop = asyncio.get_running_loop()
    got = []
    done = loop.create_future()

    def on_signal(name):
        got.append(name)
        if len(got) == 3:
            done.set_result(None)

    loop.add_signal_handler(signal.SIGUSR1, on_signal, "USR1")
    loop.add_signal_handler(signal.SIGTERM, on_signal, "TERM")
    print(signal.getsignal(signal.SIGTERM).__name__)
    os.kill(os.getpid(), signal.SIGUSR1)
    await asyncio.sleep(0.01)
    os.kill(os.getpid(), signal.SIGTERM)
    await asyncio.sleep(0.01)
    signal.raise_signal(signal.SIGUSR1)
    await done
    print(got)
    print("remove:", loop.remove_signal_handler(signal.SIGUSR1), loop.remove_signal_handler(signal.SIGUSR1))
    print(signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL)

    # SIGINT through the loop: no KeyboardInterrupt, the callback runs.
    stop = loop.create_future()
    loop.add_signal_handler(signal.SIGINT, lambda: stop.set_result("SIGINT handled"))
    loop.call_later(0.01, os.kill, os.getpid(), signal.SIGINT)
    print(await stop)
    print("remove SIGINT:", loop.remove_signal_handler(signal.SIGINT))
    print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)

    for bad in ("x", 0, 1000):
        try:
            loop.add_signal_handler(bad, print)
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)

    async def coro():
        pass
    try:
        loop.add_signal_handler(signal.SIGUSR2, coro)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())

# Plain signal.signal in the main thread: the handler runs between bytecodes.
seen = []
old = signal.signal(signal.SIGTERM, lambda s, f: seen.append((s, f is not None)))
print(old is signal.SIG_DFL or old)
os.kill(os.getpid(), signal.SIGTERM)
# The OS may hand the signal to any thread; the handler runs in this one, at
# its next bytecode once the signal is noted.
deadline = time.monotonic() + 10
while not seen and time.monotonic() < deadline:
    pass
print(seen)
signal.signal(signal.SIGTERM, signal.SIG_IGN)
os.kill(os.getpid(), signal.SIGTERM)
print("ignored")
signal.signal(signal.SIGUSR2, lambda s, f: 1 / 0)
try:
    os.kill(os.getpid(), signal.SIGUSR2)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        pass
    print("handler did not run")
except ZeroDivisionError:
    print("handler raised ZeroDivisionError in the main thread")
