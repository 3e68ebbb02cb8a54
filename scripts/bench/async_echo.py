# An asyncio echo server (streams) with 1,000 concurrent clients in the same
# process, each sending ROUNDS lines and reading each echo back.
import asyncio
import sys
import time

CLIENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
ROUNDS = 10


async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line)
        await writer.drain()
    writer.close()


async def client(port, k):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    ok = 0
    for i in range(ROUNDS):
        msg = f"client {k} line {i}\n".encode()
        writer.write(msg)
        await writer.drain()
        if await reader.readline() == msg:
            ok += 1
    writer.close()
    await writer.wait_closed()
    return ok


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=CLIENTS)
    port = server.sockets[0].getsockname()[1]
    oks = await asyncio.gather(*[client(port, k) for k in range(CLIENTS)])
    server.close()
    await server.wait_closed()
    return sum(oks)


start = time.perf_counter()
total = asyncio.run(main())
print(f"{CLIENTS} clients, {total} of {CLIENTS * ROUNDS} echoes, {time.perf_counter() - start:.2f}s")
