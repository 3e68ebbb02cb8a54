# Many connections in flight at once to a server on the same loop: the
# connects do not block the loop (the server must accept them), and the
# listen backlog is honoured.
import asyncio


async def handler(reader, writer):
    data = await reader.readline()
    writer.write(data.upper())
    await writer.drain()
    writer.close()


async def client(port, i):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(("client %d\n" % i).encode())
    await writer.drain()
    line = await reader.readline()
    writer.close()
    return line


async def main():
    server = await asyncio.start_server(handler, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    lines = await asyncio.gather(*(client(port, i) for i in range(300)))
    print(len(lines), lines[0], lines[-1], len(set(lines)))
    server.close()
    await server.wait_closed()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as e:
        print(type(e).__name__, e.errno, str(e).split(" (")[0])
    small = await asyncio.start_server(handler, "127.0.0.1", 0, backlog=5)
    port = small.sockets[0].getsockname()[1]
    print(await asyncio.gather(*(client(port, i) for i in range(3))))
    small.close()
    await small.wait_closed()


asyncio.run(main())
