import asyncio
import socket

EVENTS = []


class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        EVENTS.append(("server: connection from", transport.get_extra_info("peername")[0]))

    def data_received(self, data):
        self.transport.write(data.upper())

    def eof_received(self):
        EVENTS.append("server: eof")

    def connection_lost(self, exc):
        EVENTS.append(("server: lost", exc))


class Client(asyncio.Protocol):
    def __init__(self, done):
        self.done = done
        self.chunks = []

    def connection_made(self, transport):
        EVENTS.append("client: connected")
        transport.write(b"hello ")
        transport.writelines([b"proto", b"cols"])
        transport.write_eof()

    def data_received(self, data):
        self.chunks.append(data)

    def eof_received(self):
        EVENTS.append("client: eof")

    def connection_lost(self, exc):
        EVENTS.append(("client: lost", exc))
        self.done.set_result(b"".join(self.chunks))


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    transport, protocol = await loop.create_connection(lambda: Client(done), "127.0.0.1", port)
    print("create_connection:", type(protocol).__name__, transport.is_closing())
    print(await done)
    await asyncio.sleep(0.05)
    print(sorted(map(str, EVENTS)))
    EVENTS.clear()
    server.close()
    await server.wait_closed()

    # The same with sockets made by the script (sock=).
    lsock = socket.socket()
    lsock.bind(("127.0.0.1", 0))
    server = await loop.create_server(Echo, sock=lsock)
    print("server socket:", server.sockets[0].getsockname() == lsock.getsockname())
    csock = socket.create_connection(lsock.getsockname())
    done = loop.create_future()
    transport, protocol = await loop.create_connection(lambda: Client(done), sock=csock)
    print(await done)
    await asyncio.sleep(0.05)
    print(sorted(map(str, EVENTS)))
    EVENTS.clear()
    server.close()
    await server.wait_closed()
    try:
        await loop.create_connection(asyncio.Protocol, "127.0.0.1", 1, sock=csock)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
