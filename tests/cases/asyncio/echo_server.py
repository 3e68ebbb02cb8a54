# An echo server and 100 concurrent clients on 127.0.0.1 (port 0), one script.
import asyncio

N_CLIENTS = 100

async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()

async def client(port, i):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    lines = [f"client {i} line {k} ".encode() + b"x" * (i * 37 % 500) + b"\n" for k in range(5)]
    got = []
    for line in lines:
        writer.write(line)
        await writer.drain()
        got.append(await reader.readline())
    writer.close()
    await writer.wait_closed()
    return sum(len(l) for l in lines), got == lines

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()[:2]
    print("listening on", host, port > 0)
    async with server:
        results = await asyncio.gather(*[client(port, i) for i in range(N_CLIENTS)])
    sent = sum(n for n, _ in results)
    print("clients:", len(results), "all echoed:", all(ok for _, ok in results))
    print("bytes echoed:", sent)

asyncio.run(main())
