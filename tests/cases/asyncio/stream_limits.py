# StreamReader fed by hand: limits (LimitOverrunError, ValueError from readline), EOF, exceptions.
import asyncio

async def main():
    r = asyncio.StreamReader(limit=10)
    r.feed_data(b'short\n')
    r.feed_data(b'a much longer line than ten\nnext\n')
    print(await r.readline())
    try:
        await r.readline()
    except ValueError as e:
        print('ValueError', e)
    print(await r.readline())
    r.feed_data(b'abcdefghijklmnop')
    try:
        await r.readuntil(b'!')
    except asyncio.LimitOverrunError as e:
        print('LimitOverrunError', e, e.consumed)
    print(await r.readexactly(4), await r.read(3))
    r.feed_eof()
    try:
        await r.readexactly(100)
    except asyncio.IncompleteReadError as e:
        print('IncompleteReadError', e, e.partial, e.expected)
    print(await r.read(), r.at_eof())
    r2 = asyncio.StreamReader()
    async def later():
        await asyncio.sleep(0.01)
        r2.feed_data(b'late data\n')
        await asyncio.sleep(0.01)
        r2.feed_eof()
    asyncio.get_running_loop().create_task(later())
    print(await r2.readline(), await r2.read(), r2.at_eof())
    r3 = asyncio.StreamReader()
    r3.set_exception(ConnectionResetError('gone'))
    try:
        await r3.read()
    except ConnectionResetError as e:
        print('ConnectionResetError', e, r3.exception())
    for bad in [lambda: r3.readuntil(b''), lambda: r3.readexactly(-1)]:
        try:
            await bad()
        except ValueError as e:
            print('ValueError', e)
    try:
        asyncio.StreamReader(limit=0)
    except ValueError as e:
        print('ValueError', e)

asyncio.run(main())
