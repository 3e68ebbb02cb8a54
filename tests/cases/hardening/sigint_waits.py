# Issue 10, finding 8: Ctrl-C (SIGINT, sent here by a helper thread) while
# the main thread runs asyncio.run() or waits in input() is a
# KeyboardInterrupt, and the program goes on.
import asyncio
import os
import signal
import threading
import time


def interrupt_soon():
    def send():
        time.sleep(0.3)
        os.kill(os.getpid(), signal.SIGINT)
    threading.Thread(target=send, daemon=True).start()


async def sleeper():
    await asyncio.sleep(30)


async def spinner():
    while True:
        await asyncio.sleep(0.01)


async def with_cleanup():
    try:
        await asyncio.sleep(30)
    finally:
        print("task cleanup ran")


for main in (sleeper, spinner, with_cleanup):
    try:
        interrupt_soon()
        asyncio.run(main())
        print("finished?")
    except KeyboardInterrupt:
        print("KeyboardInterrupt in asyncio.run", main.__name__)

# input() on a pipe that never delivers a line.
r, w = os.pipe()
os.dup2(r, 0)
for i in range(3):
    try:
        interrupt_soon()
        input()
        print("got a line?")
    except KeyboardInterrupt:
        print("KeyboardInterrupt in input()", i)
    except EOFError:
        print("EOFError")
# The pipe still works after the interrupts.
os.write(w, b"hello\nworld\n")
print(input(), input())
os.close(w)
try:
    input()
except EOFError:
    print("EOFError at the end")
