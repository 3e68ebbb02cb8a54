# asyncio reading stdin from a pipe: the StreamReader-on-stdin recipe
# (connect_read_pipe + StreamReaderProtocol), a large input that makes the
# reader pause and resume the pipe transport, and a Protocol at EOF.
import asyncio
import sys


async def main():
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=1000)
    transport, protocol = await loop.connect_read_pipe(
        lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    print(type(transport).__name__, transport.is_closing())
    print(await reader.readline())
    print(await reader.readexactly(7))
    lines = total = 0
    async for line in reader:
        lines += 1
        total += len(line)
        if lines % 5000 == 0:
            await asyncio.sleep(0.001)
    print(lines, total, reader.at_eof())
    print(await reader.read(), transport.is_closing())


asyncio.run(main())
