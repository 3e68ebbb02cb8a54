# Streams read as data arrives: pieces, readexactly, readuntil, limits, half-close, abrupt reset.
import asyncio
import socket
import struct

async def handler_pieces(reader, writer):
    for piece in [b'ab', b'cd', b'ef\n', b'gh']:
        writer.write(piece)
        await writer.drain()
        await asyncio.sleep(0.02)
    writer.write_eof()
    # the client's request arrives after our EOF (half-close)
    data = await reader.read()
    writer.close()
    await writer.wait_closed()
    print('server got after eof:', data)

async def main():
    server = await asyncio.start_server(handler_pieces, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    print(await reader.read(3))
    print(await reader.readexactly(2))
    print(await reader.readuntil(b'\n'))
    try:
        await reader.readexactly(5)
    except asyncio.IncompleteReadError as e:
        print('IncompleteReadError:', e, e.partial, e.expected)
    print(reader.at_eof())
    writer.write(b'late words')
    writer.write_eof()
    print('can_write_eof', writer.can_write_eof())
    await asyncio.sleep(0.1)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

    # data arrives while nobody reads: it is buffered by the transport
    async def burst(reader, writer):
        writer.write(b'x' * 1000 + b'\n')
        writer.write(b'y' * 10)
        await writer.drain()
        writer.close()
    server = await asyncio.start_server(burst, '127.0.0.1', 0, limit=100)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port, limit=100)
    await asyncio.sleep(0.1)
    try:
        await reader.readuntil(b'\n')
    except asyncio.LimitOverrunError as e:
        print('LimitOverrunError:', e, e.consumed)
    try:
        await reader.readline()
    except ValueError as e:
        print('ValueError:', e)
    print(await reader.read())
    writer.close()
    server.close()
    await server.wait_closed()

    # a client that disconnects abruptly (RST)
    got = asyncio.get_running_loop().create_future()
    async def victim(reader, writer):
        try:
            data = await reader.read(100)
            print('victim read', data)
            await asyncio.sleep(0.1)
            data = await reader.read(100)
            print('victim read', data)
        except ConnectionResetError as e:
            print('victim: ConnectionResetError', type(e).__name__)
        got.set_result(None)
        writer.close()
    server = await asyncio.start_server(victim, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    s = socket.create_connection(('127.0.0.1', port))
    s.sendall(b'hi')
    await asyncio.sleep(0.05)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
    s.close()
    await got
    server.close()
    await server.wait_closed()

asyncio.run(main())
