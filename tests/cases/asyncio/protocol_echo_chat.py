# A protocol echo server and a chat broadcasting to clients; eof_received, connection_lost on a reset, read-side flow control, pause_reading/resume_reading.
import asyncio
import socket
import struct

LOG = []

class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.t = transport
        LOG.append('made')
    def data_received(self, data):
        LOG.append(('data', data))
        self.t.write(data)
    def eof_received(self):
        LOG.append('eof')
        return False
    def connection_lost(self, exc):
        LOG.append(('lost', type(exc).__name__ if exc else None))

class Chat(asyncio.Protocol):
    clients = []
    def connection_made(self, transport):
        self.t = transport
        self.clients.append(self)
    def data_received(self, data):
        for c in self.clients:
            if c is not self:
                c.t.write(data)
    def connection_lost(self, exc):
        self.clients.remove(self)

async def main():
    loop = asyncio.get_running_loop()
    srv = await loop.create_server(Echo, '127.0.0.1', 0)
    port = srv.sockets[0].getsockname()[1]
    r, w = await asyncio.open_connection('127.0.0.1', port)
    w.write(b'one')
    print(await r.read(10))
    w.write(b'two')
    await w.drain()
    print(await r.read(10))
    w.write_eof()
    print(await r.read())
    w.close()
    await w.wait_closed()
    await asyncio.sleep(0.05)
    print(LOG); LOG.clear()
    # abrupt
    s = socket.create_connection(('127.0.0.1', port))
    await asyncio.sleep(0.05)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
    s.close()
    await asyncio.sleep(0.1)
    print(LOG); LOG.clear()
    srv.close()
    await srv.wait_closed()

    srv = await loop.create_server(Chat, '127.0.0.1', 0)
    port = srv.sockets[0].getsockname()[1]
    conns = [await asyncio.open_connection('127.0.0.1', port) for _ in range(3)]
    await asyncio.sleep(0.05)
    conns[0][1].write(b'hello from 0\n')
    for r, w in conns[1:]:
        print(await r.readline())
    conns[2][1].write(b'hi from 2\n')
    for r, w in conns[:2]:
        print(await r.readline())
    for r, w in conns:
        w.close()
        await w.wait_closed()
    await asyncio.sleep(0.05)
    print(len(Chat.clients))
    srv.close()
    await srv.wait_closed()

    # flow control on the reading side: the peer's drain completes once
    # our transport has buffered the data (paused at 2*limit)
    done = loop.create_future()
    async def big(reader, writer):
        writer.write(b'z' * 300000)
        await writer.drain()
        done.set_result('drained')
        writer.close()
    srv = await asyncio.start_server(big, '127.0.0.1', 0)
    port = srv.sockets[0].getsockname()[1]
    r, w = await asyncio.open_connection('127.0.0.1', port, limit=1 << 20)
    print(await asyncio.wait_for(done, 5))
    print(len(await r.read()))
    w.close()
    srv.close()
    await srv.wait_closed()

    # pause_reading / resume_reading on a protocol transport
    class Slow(asyncio.Protocol):
        def connection_made(self, t):
            self.t = t
            self.n = 0
            t.pause_reading()
            print('is_reading', t.is_reading())
            loop.call_later(0.05, self.go)
        def go(self):
            self.t.resume_reading()
            print('is_reading', self.t.is_reading())
        def data_received(self, data):
            self.n += len(data)
        def eof_received(self):
            print('slow got', self.n)
    srv = await loop.create_server(Slow, '127.0.0.1', 0)
    port = srv.sockets[0].getsockname()[1]
    r, w = await asyncio.open_connection('127.0.0.1', port)
    w.write(b'q' * 5000)
    w.write_eof()
    await asyncio.sleep(0.2)
    w.close()
    srv.close()
    await srv.wait_closed()

asyncio.run(main())
