import asyncio
import socket


async def handle(reader, writer):
    line = await reader.readline()
    writer.write(b"echo: " + line)
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lsock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    lsock.bind(("127.0.0.1", 0))
    port = lsock.getsockname()[1]
    server = await asyncio.start_server(handle, sock=lsock)
    print("server sockets:", len(server.sockets), server.sockets[0].getsockname()[1] == port)
    async with server:
        for word in (b"alpha", b"beta"):
            c = socket.socket()
            c.connect(("127.0.0.1", port))
            reader, writer = await asyncio.open_connection(sock=c)
            print("extra socket:", writer.get_extra_info("socket").fileno() == c.fileno())
            writer.write(word + b"\n")
            await writer.drain()
            print(await reader.read())
            writer.close()
            await writer.wait_closed()
        # A socketpair with streams on both ends.
        a, b = socket.socketpair()
        ra, wa = await asyncio.open_connection(sock=a)
        rb, wb = await asyncio.open_connection(sock=b)
        wa.write(b"ping\n")
        print(await rb.readline())
        wb.write(b"pong\n")
        wb.write_eof()
        print(await ra.readline(), await ra.read())
        wa.close()
        wb.close()
    try:
        await asyncio.open_connection("127.0.0.1", port, sock=a)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
