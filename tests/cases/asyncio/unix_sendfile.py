# asyncio over Unix sockets (start_unix_server, open_unix_connection, create_unix_server/connection) and sendfile.
import asyncio, os, socket, tempfile

async def handle(reader, writer):
    data = await reader.readline()
    writer.write(b'echo ' + data)
    await writer.drain()
    writer.close()

class Proto(asyncio.Protocol):
    def connection_made(self, t):
        self.t = t
    def data_received(self, data):
        self.t.write(data[::-1])
        self.t.close()

async def main():
    loop = asyncio.get_running_loop()
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 's.sock')
        server = await asyncio.start_unix_server(handle, path)
        print(server.is_serving(), server.sockets[0].family == socket.AF_UNIX)
        r, w = await asyncio.open_unix_connection(path)
        w.write(b'hi there\n')
        print(await r.read())
        w.close()
        server.close()
        await server.wait_closed()
        # a stale socket file is replaced
        server = await loop.create_unix_server(Proto, path)
        tr, pr = await loop.create_unix_connection(asyncio.Protocol, path)
        tr.close()
        r, w = await asyncio.open_unix_connection(path)
        w.write(b'abc')
        print(await r.read())
        w.close()
        server.close()
        await server.wait_closed()
        try:
            await asyncio.open_unix_connection(os.path.join(d, 'missing'))
        except FileNotFoundError as e:
            print('FileNotFoundError', e.errno)
        try:
            await asyncio.open_unix_connection()
        except ValueError as e:
            print('ValueError', e)
        # sock_sendfile and loop.sendfile
        fname = os.path.join(d, 'data.bin')
        with open(fname, 'wb') as f:
            f.write(bytes(range(256)) * 2000)
        a, b = socket.socketpair()
        a.setblocking(False); b.setblocking(False)
        with open(fname, 'rb') as f:
            sent = loop.create_task(loop.sock_sendfile(a, f, 100, 300000))
            got = bytearray()
            while len(got) < 300000:
                got += await loop.sock_recv(b, 65536)
            print(await sent, f.tell(), bytes(got[:3]), len(got))
            for bad in [dict(offset=-1), dict(count=0), dict(offset='1')]:
                try:
                    await loop.sock_sendfile(a, f, **bad)
                except (ValueError, TypeError) as e:
                    print(type(e).__name__, e)
        with open(fname, 'r') as f:
            try:
                await loop.sock_sendfile(a, f)
            except ValueError as e:
                print('ValueError', e)
        a.close(); b.close()
        srv = await asyncio.start_server(lambda r, w: _collect(r, w), '127.0.0.1', 0)
        port = srv.sockets[0].getsockname()[1]
        tr, pr = await loop.create_connection(asyncio.Protocol, '127.0.0.1', port)
        with open(fname, 'rb') as f:
            print(await loop.sendfile(tr, f))
        tr.close()
        print(await DONE)
        srv.close()

DONE = None
async def _collect(r, w):
    data = await r.read()
    DONE.set_result(len(data))
    w.close()

async def start():
    global DONE
    DONE = asyncio.get_running_loop().create_future()
    await main()

asyncio.run(start())
