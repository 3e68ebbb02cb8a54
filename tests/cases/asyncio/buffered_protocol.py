# asyncio.BufferedProtocol on a socket transport: the transport reads into
# the protocol's own buffer (get_buffer / buffer_updated), then eof_received.
import asyncio


class Collect(asyncio.BufferedProtocol):
    def __init__(self, done):
        self.buf = bytearray(5)
        self.got = bytearray()
        self.calls = 0
        self.done = done

    def connection_made(self, transport):
        self.transport = transport

    def get_buffer(self, sizehint):
        return self.buf

    def buffer_updated(self, nbytes):
        self.calls += 1
        self.got += self.buf[:nbytes]

    def eof_received(self):
        self.done.set_result(bytes(self.got))


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    protos = []

    def make():
        p = Collect(done)
        protos.append(p)
        return p

    server = await loop.create_server(make, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'hello, buffered world')
    await writer.drain()
    writer.write_eof()
    data = await done
    print(data, protos[0].calls >= 5, isinstance(protos[0], asyncio.BaseProtocol))
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
