# A StreamWriter write() the script never drains is still sent as the socket becomes writable.
import asyncio

async def main():
    done = asyncio.get_running_loop().create_future()

    async def handle(r, w):
        n = 0
        async for line in r:
            w.write(line.upper())
            await w.drain()
            n += 1
        w.close()
        done.set_result(n)

    srv = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = srv.sockets[0].getsockname()[1]
    r, w = await asyncio.open_connection('127.0.0.1', port)
    w.write(b'abc\n' * 20000)
    got = 0
    while got < 80000:
        got += len(await r.readline())
    print(got)
    w.close()
    print(await done)
    srv.close()
    await srv.wait_closed()

asyncio.run(main())
