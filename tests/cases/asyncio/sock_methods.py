import asyncio
import socket


async def serve_one(loop, lsock):
    conn, addr = await loop.sock_accept(lsock)
    print("accepted from loopback:", addr[0], "blocking:", conn.getblocking())
    with conn:
        while True:
            data = await loop.sock_recv(conn, 1024)
            if not data:
                break
            await loop.sock_sendall(conn, data.upper())
    print("server: client closed")


async def tcp(loop):
    lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lsock.bind(("127.0.0.1", 0))
    lsock.listen()
    lsock.setblocking(False)
    port = lsock.getsockname()[1]
    server = asyncio.create_task(serve_one(loop, lsock))

    csock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    csock.setblocking(False)
    await loop.sock_connect(csock, ("127.0.0.1", port))
    print("connected")
    await loop.sock_sendall(csock, b"hello")
    print(await loop.sock_recv(csock, 1024))
    big = b"x" * 300000
    await loop.sock_sendall(csock, big)
    got = 0
    while got < len(big):
        buf = bytearray(65536)
        n = await loop.sock_recv_into(csock, buf)
        assert buf[:n] == b"X" * n
        got += n
    print("big echo:", got)
    csock.close()
    await server
    lsock.close()


async def udp(loop):
    a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for s in (a, b):
        s.bind(("127.0.0.1", 0))
        s.setblocking(False)
    reader = asyncio.create_task(loop.sock_recvfrom(b, 100))
    await asyncio.sleep(0)
    n = await loop.sock_sendto(a, b"ping", b.getsockname())
    data, addr = await reader
    print("udp:", n, data, addr == a.getsockname())
    a.close()
    b.close()


async def timeouts(loop):
    x, y = socket.socketpair()
    x.setblocking(False)
    y.setblocking(False)
    try:
        await asyncio.wait_for(loop.sock_recv(x, 10), 0.05)
    except asyncio.TimeoutError:
        print("wait_for: TimeoutError")
    try:
        async with asyncio.timeout(0.05):
            await loop.sock_recv(x, 10)
    except TimeoutError:
        print("timeout(): TimeoutError")
    # The cancelled waits leave nothing behind: a later read works.
    y.send(b"late")
    print(await loop.sock_recv(x, 10))
    x.close()
    y.close()


async def refused(loop):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    c = socket.socket()
    c.setblocking(False)
    try:
        await loop.sock_connect(c, ("127.0.0.1", port))
    except ConnectionRefusedError as e:
        print("refused:", type(e).__name__, e.errno == 111)
    c.close()


async def names(loop):
    infos = await loop.getaddrinfo("127.0.0.1", 80, type=socket.SOCK_STREAM)
    print("getaddrinfo:", infos[0][0] == socket.AF_INET, infos[0][4])
    print("getnameinfo:", await loop.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))


async def main():
    loop = asyncio.get_running_loop()
    await tcp(loop)
    await udp(loop)
    await timeouts(loop)
    await refused(loop)
    await names(loop)


asyncio.run(main())
