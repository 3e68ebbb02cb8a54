# An exception in a start_server connection handler is reported (CPython:
# "Unhandled exception in client_connected_cb" through the loop's exception
# handler) and the connection is closed, so the client reads EOF instead of
# waiting forever; the server keeps serving other connections.
import asyncio


async def handler(reader, writer):
    line = await reader.readline()
    if line == b"boom\n":
        raise ValueError("handler failed")
    writer.write(b"echo " + line)
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handler, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    for msg in (b"boom\n", b"hello\n"):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(msg)
        await writer.drain()
        data = await reader.read()
        print("client got", data)
        writer.close()
    server.close()
    await server.wait_closed()


asyncio.run(main())
print("done")
