# create_server and create_connection as CPython's: real socket.socket
# objects in server.sockets (getsockopt works), reuse_port, one socket per
# address family for host=None, CPython's bind errors, local_addr, and
# connect_accepted_socket for a connection accepted outside asyncio.
import asyncio
import errno
import socket
import threading


class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data.upper())


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Echo, "127.0.0.1", 0, reuse_port=True)
    sock = server.sockets[0]
    print(type(sock).__name__, sock.family.name,
          bool(sock.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT)))
    host, port = sock.getsockname()

    # The same address again: CPython's message, errno EADDRINUSE.
    try:
        await loop.create_server(Echo, host, port)
    except OSError as e:
        print(e.errno == errno.EADDRINUSE, str(e).replace(str(port), "PORT"))

    # Connecting from a chosen local port.
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    local_port = probe.getsockname()[1]
    probe.close()
    tr, pr = await loop.create_connection(asyncio.Protocol, host, port, local_addr=("127.0.0.1", local_port))
    print("local port kept:", tr.get_extra_info("sockname")[1] == local_port)
    tr.close()

    # local_addr already in use by the listening socket.
    try:
        await loop.create_connection(asyncio.Protocol, host, port, local_addr=(host, port))
    except OSError as e:
        print(e.errno == errno.EADDRINUSE, str(e).replace(str(port), "PORT"))

    for bad in ({"server_hostname": "x"}, {"ssl_handshake_timeout": 1}):
        try:
            await loop.create_connection(asyncio.Protocol, host, port, **bad)
        except ValueError as e:
            print("ValueError", e)
    server.close()
    await server.wait_closed()

    # host=None: every interface, one socket per family getaddrinfo gives.
    server = await loop.create_server(Echo, None, 0)
    families = sorted(s.family.name for s in server.sockets)
    print("families include AF_INET:", "AF_INET" in families)
    server.close()
    await server.wait_closed()

    # A connection accepted by plain sockets, handed to asyncio.
    lsock = socket.create_server(("127.0.0.1", 0))
    reply = []

    def client():
        c = socket.create_connection(lsock.getsockname())
        c.sendall(b"hello")
        reply.append(c.recv(100))
        c.close()

    t = threading.Thread(target=client)
    t.start()
    conn, _ = lsock.accept()
    tr, pr = await loop.connect_accepted_socket(Echo, conn)
    while not reply:
        await asyncio.sleep(0.01)
    await loop.run_in_executor(None, t.join)
    print(reply)
    tr.close()
    lsock.close()
    try:
        await loop.connect_accepted_socket(Echo, socket.socket(type=socket.SOCK_DGRAM))
    except ValueError as e:
        print("ValueError", str(e).split(",")[0])

asyncio.run(main())
