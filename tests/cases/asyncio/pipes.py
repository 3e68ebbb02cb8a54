# loop.connect_read_pipe / connect_write_pipe over os.pipe(): data, EOF, flow control, close.
import asyncio, os

class Reader(asyncio.Protocol):
    def __init__(self, done):
        self.done = done
        self.buf = bytearray()
        self.events = []
    def connection_made(self, t):
        self.events.append('made')
    def data_received(self, data):
        self.buf.extend(data)
    def eof_received(self):
        self.events.append('eof')
    def connection_lost(self, exc):
        self.events.append(f'lost {exc}')
        self.done.set_result(None)

class Writer(asyncio.BaseProtocol):
    def __init__(self):
        self.events = []
    def connection_made(self, t):
        self.events.append('made')
    def pause_writing(self):
        self.events.append('pause')
    def resume_writing(self):
        self.events.append('resume')
    def connection_lost(self, exc):
        self.events.append(f'lost {exc}')

async def main():
    loop = asyncio.get_running_loop()
    r, w = os.pipe()
    done = loop.create_future()
    rt, rp = await loop.connect_read_pipe(lambda: Reader(done), os.fdopen(r, 'rb'))
    wt, wp = await loop.connect_write_pipe(Writer, os.fdopen(w, 'wb'))
    print(rp.events, wp.events, rt.is_reading(), wt.get_write_buffer_size())
    print(sorted(rt.get_extra_info('pipe').__class__.__name__ for _ in [0]), wt.can_write_eof())
    wt.write(b'x' * 300000)
    print('buffered', wt.get_write_buffer_size() > 0, wp.events)
    wt.write_eof()
    await done
    print(len(rp.buf), rp.events, wp.events)
    # a StreamReader over a pipe
    r, w = os.pipe()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), os.fdopen(r, 'rb'))
    os.write(w, b'line one\nline two\npartial')
    os.close(w)
    print(await reader.readline(), await reader.readline(), await reader.read(), reader.at_eof())
    # the classic stdout writer: a write pipe with FlowControlMixin under a StreamWriter
    r, w = os.pipe()
    tr, pr = await loop.connect_write_pipe(asyncio.streams.FlowControlMixin, os.fdopen(w, 'wb'))
    writer = asyncio.StreamWriter(tr, pr, None, loop)
    writer.write(b'through a StreamWriter\n')
    writer.writelines([b'a', b'b\n'])
    await writer.drain()
    print(writer.can_write_eof(), writer.is_closing(), writer.transport is tr)
    writer.close()
    await asyncio.sleep(0)
    print(os.read(r, 100), writer.is_closing())
    os.close(r)

asyncio.run(main())
