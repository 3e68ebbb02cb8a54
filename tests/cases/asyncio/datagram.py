# loop.create_datagram_endpoint: a UDP echo server and client on 127.0.0.1, error_received, sock_sendto/sock_recvfrom.
import asyncio, socket

class Echo(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport
    def datagram_received(self, data, addr):
        self.transport.sendto(data.upper(), addr)

class Client(asyncio.DatagramProtocol):
    def __init__(self, loop):
        self.got = loop.create_future()
        self.err = loop.create_future()
        self.events = []
    def connection_made(self, transport):
        self.events.append('made')
    def datagram_received(self, data, addr):
        if not self.got.done():
            self.got.set_result(data)
    def error_received(self, exc):
        if not self.err.done():
            self.err.set_result(exc)
    def connection_lost(self, exc):
        self.events.append(f'lost {exc}')

async def main():
    loop = asyncio.get_running_loop()
    st, sp = await loop.create_datagram_endpoint(Echo, local_addr=('127.0.0.1', 0))
    addr = st.get_extra_info('sockname')
    print(type(st).__mro__[-3].__name__ if False else isinstance(st, asyncio.DatagramTransport), st.get_extra_info('peername'))
    ct, cp = await loop.create_datagram_endpoint(lambda: Client(loop), remote_addr=addr)
    print(ct.get_extra_info('peername') == addr, cp.events)
    ct.sendto(b'hello')
    print(await cp.got)
    try:
        ct.sendto(b'x', ('127.0.0.1', 1))
    except ValueError as e:
        print('ValueError', str(e).split(' or ')[0])
    try:
        ct.sendto('str')
    except TypeError as e:
        print('TypeError', e)
    ct.close()
    await asyncio.sleep(0)
    print(cp.events, ct.is_closing())
    # a connected endpoint to a closed port: the refusal reaches error_received
    dead = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    dead.bind(('127.0.0.1', 0))
    dead_addr = dead.getsockname()
    dead.close()
    et, ep = await loop.create_datagram_endpoint(lambda: Client(loop), remote_addr=dead_addr)
    et.sendto(b'ping')
    et.sendto(b'ping')
    exc = await asyncio.wait_for(ep.err, 5)
    print(type(exc).__name__)
    et.close()
    # unbound client on an explicit family, sendto with addresses
    ut, up = await loop.create_datagram_endpoint(lambda: Client(loop), family=socket.AF_INET)
    ut.sendto(b'abc', addr)
    print(await up.got)
    ut.close()
    for kw in [dict(), dict(local_addr='x')]:
        try:
            await loop.create_datagram_endpoint(asyncio.DatagramProtocol, **kw)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, str(e)[:40])
    # sock_sendto / sock_recvfrom
    a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); a.setblocking(False); a.bind(('127.0.0.1', 0))
    b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); b.setblocking(False); b.bind(('127.0.0.1', 0))
    print(await loop.sock_sendto(a, b'dgram', b.getsockname()))
    data, frm = await loop.sock_recvfrom(b, 100)
    print(data, frm == a.getsockname())
    a.close(); b.close()
    st.close()
    print(await loop.getaddrinfo('127.0.0.1', 80, type=socket.SOCK_STREAM))

asyncio.run(main())
