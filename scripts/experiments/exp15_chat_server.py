# Run:     gilt --stats scripts/experiments/exp15_chat_server.py   (or --timeline)
# Observe: a chat server (asyncio streams) and its clients in one process, one
#          thread: every message is broadcast to the other clients. Almost all
#          the wall time is spent with every task waiting on a socket; then the
#          loop sits in poll() and nobody holds the GIL (--stats: MainThread's
#          "held" is a small part of its wall time, the rest "blocked" in select).
import asyncio
import sys
import time

SMALL = sys.argv[1:] == ["small"]
CLIENTS = 4 if SMALL else 8
ROUNDS = 5 if SMALL else 20
THINK = 0.02  # seconds a client "types" between two messages


class Room:
    def __init__(self):
        self.writers = set()
        self.delivered = 0

    async def handle(self, reader, writer):
        self.writers.add(writer)
        try:
            async for line in reader:
                for other in self.writers:
                    if other is not writer:
                        other.write(line)
                        self.delivered += 1
                await asyncio.gather(*(w.drain() for w in self.writers))
        finally:
            self.writers.discard(writer)
            writer.close()


async def client(n, port, start):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    await start.wait()
    expected = (CLIENTS - 1) * ROUNDS
    got = 0

    async def listen():
        nonlocal got
        while got < expected:
            line = await reader.readline()
            if not line:
                break
            got += 1

    listener = asyncio.create_task(listen())
    for i in range(ROUNDS):
        await asyncio.sleep(THINK)
        writer.write(f"client {n}: message {i}\n".encode())
        await writer.drain()
    await listener
    writer.close()
    await writer.wait_closed()
    return got


async def main():
    room = Room()
    server = await asyncio.start_server(room.handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    start = asyncio.Event()
    clients = [asyncio.create_task(client(n, port, start)) for n in range(CLIENTS)]
    await asyncio.sleep(0.05)  # every client connected
    wall0, cpu0 = time.perf_counter(), time.process_time()
    start.set()
    received = await asyncio.gather(*clients)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    server.close()
    await server.wait_closed()
    return room.delivered, sum(received), wall, cpu


delivered, received, wall, cpu = asyncio.run(main())
print(f"{CLIENTS} clients x {ROUNDS} messages: server delivered {delivered}, clients received {received}")
print(f"wall {wall * 1000:.0f} ms, CPU {cpu * 1000:.0f} ms: the loop's thread ran Python "
      f"{100 * cpu / wall:.0f}% of the time; the rest it waited in poll() holding nothing")
print(f"RESULT delivered {delivered} {received} {100 * cpu / wall:.1f}")
