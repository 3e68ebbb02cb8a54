import asyncio
import os
import socket


async def main():
    loop = asyncio.get_running_loop()
    r, w = os.pipe()
    os.set_blocking(r, False)
    got = []
    done = loop.create_future()

    def on_readable(tag):
        data = os.read(r, 100)
        got.append((tag, data))
        if data == b"":
            print("remove_reader:", loop.remove_reader(r))
            done.set_result(None)

    loop.add_reader(r, on_readable, "pipe")
    os.write(w, b"one")
    await asyncio.sleep(0.01)
    os.write(w, b"two")
    await asyncio.sleep(0.01)
    os.close(w)
    await done
    print(got)
    print("remove again:", loop.remove_reader(r))
    os.close(r)

    # add_writer on a socket: called while writable until removed.
    a, b = socket.socketpair()
    a.setblocking(False)
    calls = []

    def on_writable():
        calls.append(a.send(b"data%d" % len(calls)))
        if len(calls) == 3:
            loop.remove_writer(a)

    loop.add_writer(a, on_writable)
    await asyncio.sleep(0.02)
    print("writer calls:", calls, b.recv(100))
    print("remove_writer when none:", loop.remove_writer(a.fileno()))

    # A reader replaced by a second add_reader: only the new one runs.
    seen = []
    loop.add_reader(b, lambda: seen.append("old"))
    loop.add_reader(b.fileno(), lambda: (seen.append("new"), b.recv(10), loop.remove_reader(b)))
    a.send(b"!")
    await asyncio.sleep(0.02)
    print("replaced:", seen)
    a.close()
    b.close()
    try:
        loop.add_reader("nope", print)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
