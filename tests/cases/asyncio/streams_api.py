import asyncio

async def handle(reader, writer):
    peer = writer.get_extra_info("peername")
    head = await reader.readexactly(4)
    rest = await reader.read()          # until the client's EOF
    print("server got", head, rest, "at_eof", reader.at_eof(), "peer is local", peer[0] == "127.0.0.1")
    writer.writelines([b"got ", str(len(head) + len(rest)).encode(), b" bytes\n"])
    await writer.drain()
    writer.close()

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    serving = asyncio.create_task(server.serve_forever())
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"HEADbody bytes")
    await writer.drain()
    writer.write_eof()
    print("client got", await reader.readline())
    print("then", await reader.read(), reader.at_eof())
    try:
        await reader.readexactly(1)
    except asyncio.IncompleteReadError as e:
        print("IncompleteReadError", e.partial, e.expected)
    writer.close()
    await writer.wait_closed()
    serving.cancel()
    try:
        await serving
    except asyncio.CancelledError:
        print("serve_forever cancelled")
    print("serving:", server.is_serving())

asyncio.run(main())
