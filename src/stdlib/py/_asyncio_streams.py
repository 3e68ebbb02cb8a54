"""asyncio streams (StreamReader, StreamWriter, StreamReaderProtocol,
start_server, open_connection and their Unix forms) on the loop's
transports, as CPython's: the transport reads the socket as data arrives
and a StreamReaderProtocol feeds the StreamReader, which pauses the
transport past twice its limit and resumes it once read below it."""

import _asyncio
from _asyncio import get_running_loop
from _asyncio_sockets import Server  # noqa: F401  (asyncio.Server)
from _asyncio_transports import Protocol

_LIMIT = 2 ** 16


class IncompleteReadError(EOFError):
    """readexactly() hit EOF before reading enough bytes."""

    def __init__(self, partial, expected):
        r_expected = 'undefined' if expected is None else repr(expected)
        super().__init__(f'{len(partial)} bytes read on a total of {r_expected} expected bytes')
        self.partial = partial
        self.expected = expected

    def __reduce__(self):
        return type(self), (self.partial, self.expected)


class LimitOverrunError(Exception):
    """A separator was not found within the buffer limit."""

    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed

    def __reduce__(self):
        return type(self), (self.args[0], self.consumed)


class StreamReader:
    """What a protocol feeds (feed_data/feed_eof/set_exception) and a
    coroutine reads: read, readline, readexactly, readuntil, at_eof, async
    iteration by lines. Flow control: the transport is paused once the
    buffer passes twice the limit and resumed once it is read down to it."""

    def __init__(self, limit=_LIMIT, loop=None):
        if limit <= 0:
            raise ValueError('Limit cannot be <= 0')
        self._limit = limit
        # As CPython's: the running loop, else the current one (an error
        # outside the main thread when none was set).
        self._loop = _asyncio.get_event_loop() if loop is None else loop
        self._buffer = bytearray()
        self._eof = False
        self._waiter = None
        self._exception = None
        self._transport = None
        self._paused = False

    def __repr__(self):
        info = ['StreamReader']
        if self._buffer:
            info.append(f'{len(self._buffer)} bytes')
        if self._eof:
            info.append('eof')
        if self._limit != _LIMIT:
            info.append(f'limit={self._limit}')
        if self._waiter:
            info.append(f'waiter={self._waiter!r}')
        if self._exception:
            info.append(f'exception={self._exception!r}')
        if self._transport:
            info.append(f'transport={self._transport!r}')
        if self._paused:
            info.append('paused')
        return '<{}>'.format(' '.join(info))

    def exception(self):
        return self._exception

    def set_exception(self, exc):
        self._exception = exc
        waiter, self._waiter = self._waiter, None
        if waiter is not None and not waiter.cancelled():
            waiter.set_exception(exc)

    def set_transport(self, transport):
        assert self._transport is None, 'Transport already set'
        self._transport = transport

    def _wakeup_waiter(self):
        waiter, self._waiter = self._waiter, None
        if waiter is not None and not waiter.cancelled():
            waiter.set_result(None)

    def _maybe_resume_transport(self):
        if self._paused and len(self._buffer) <= self._limit:
            self._paused = False
            self._transport.resume_reading()

    def at_eof(self):
        return self._eof and not self._buffer

    def feed_data(self, data):
        assert not self._eof, 'feed_data after feed_eof'
        if not data:
            return
        self._buffer.extend(data)
        self._wakeup_waiter()
        if (self._transport is not None and not self._paused
                and len(self._buffer) > 2 * self._limit):
            try:
                self._transport.pause_reading()
            except NotImplementedError:
                self._transport = None
            else:
                self._paused = True

    def feed_eof(self):
        self._eof = True
        self._wakeup_waiter()

    async def _wait_for_data(self, func_name):
        """Waits until the protocol feeds more data, EOF or an exception."""
        if self._waiter is not None:
            raise RuntimeError(f'{func_name}() called while another coroutine is '
                               f'already waiting for incoming data')
        assert not self._eof, '_wait_for_data after EOF'
        if self._paused:
            self._paused = False
            self._transport.resume_reading()
        self._waiter = get_running_loop().create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None

    def _take(self, n):
        """The first n bytes of the buffer, as bytes, removed from it."""
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        self._maybe_resume_transport()
        return data

    async def read(self, n=-1):
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        if n < 0:
            # Read in limit-sized blocks, so the transport is resumed as
            # the buffer drains.
            blocks = []
            while True:
                block = await self.read(self._limit)
                if not block:
                    break
                blocks.append(block)
            return b''.join(blocks)
        if not self._buffer and not self._eof:
            await self._wait_for_data('read')
        return self._take(n)

    async def readexactly(self, n):
        if n < 0:
            raise ValueError('readexactly size can not be less than zero')
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        while len(self._buffer) < n:
            if self._eof:
                partial = bytes(self._buffer)
                self._buffer.clear()
                raise IncompleteReadError(partial, n)
            await self._wait_for_data('readexactly')
        return self._take(n)

    async def readuntil(self, separator=b'\n'):
        seplen = len(separator)
        if seplen == 0:
            raise ValueError('Separator should be at least one-byte string')
        if self._exception is not None:
            raise self._exception
        offset = 0
        while True:
            buflen = len(self._buffer)
            if buflen - offset >= seplen:
                isep = self._buffer.find(separator, offset)
                if isep != -1:
                    break
                # The separator may start in what has not arrived yet.
                offset = buflen + 1 - seplen
                if offset > self._limit:
                    raise LimitOverrunError('Separator is not found, and chunk exceed the limit', offset)
            if self._eof:
                chunk = bytes(self._buffer)
                self._buffer.clear()
                raise IncompleteReadError(chunk, None)
            await self._wait_for_data('readuntil')
        if isep > self._limit:
            raise LimitOverrunError('Separator is found, but chunk is longer than limit', isep)
        return self._take(isep + seplen)

    async def readline(self):
        sep = b'\n'
        try:
            return await self.readuntil(sep)
        except IncompleteReadError as e:
            return e.partial
        except LimitOverrunError as e:
            if self._buffer.startswith(sep, e.consumed):
                del self._buffer[:e.consumed + len(sep)]
            else:
                self._buffer.clear()
            self._maybe_resume_transport()
            raise ValueError(e.args[0])

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self.readline()
        if line == b'':
            raise StopAsyncIteration
        return line


class StreamWriter:
    """Writes through a transport: write, writelines, write_eof, drain
    (waits while the transport has paused the protocol), close,
    wait_closed, get_extra_info."""

    def __init__(self, transport, protocol, reader, loop):
        self._transport = transport
        self._protocol = protocol
        self._reader = reader
        self._loop = loop

    def __repr__(self):
        info = ['StreamWriter', f'transport={self._transport!r}']
        if self._reader is not None:
            info.append(f'reader={self._reader!r}')
        return '<{}>'.format(' '.join(info))

    @property
    def transport(self):
        return self._transport

    def write(self, data):
        self._transport.write(data)

    def writelines(self, data):
        self._transport.writelines(data)

    def write_eof(self):
        return self._transport.write_eof()

    def can_write_eof(self):
        return self._transport.can_write_eof()

    def close(self):
        return self._transport.close()

    def is_closing(self):
        return self._transport.is_closing()

    async def wait_closed(self):
        await self._protocol._get_close_waiter(self)

    def get_extra_info(self, name, default=None):
        return self._transport.get_extra_info(name, default)

    async def drain(self):
        if self._reader is not None:
            exc = self._reader.exception()
            if exc is not None:
                raise exc
        if self._transport.is_closing():
            # Let connection_lost run first, as CPython does, so a loop of
            # write(); await drain() sees the connection go.
            await _asyncio.sleep(0)
        await self._protocol._drain_helper()


class FlowControlMixin(Protocol):
    """A protocol's side of write flow control: pause_writing/resume_writing
    from the transport, _drain_helper for StreamWriter.drain."""

    def __init__(self, loop=None):
        self._loop = _asyncio.get_event_loop() if loop is None else loop
        self._paused = False
        self._drain_waiters = []
        self._connection_lost = False

    def connection_made(self, transport):
        pass

    def pause_writing(self):
        self._paused = True

    def resume_writing(self):
        self._paused = False
        self._wake_drain(None)

    def connection_lost(self, exc):
        self._connection_lost = True
        self._paused = False
        self._wake_drain(exc)

    def _wake_drain(self, exc):
        waiters, self._drain_waiters = self._drain_waiters, []
        for waiter in waiters:
            if waiter.done():
                continue
            if exc is None:
                waiter.set_result(None)
            else:
                waiter.set_exception(exc)

    async def _drain_helper(self):
        if self._connection_lost:
            raise ConnectionResetError('Connection lost')
        if not self._paused:
            return
        waiter = get_running_loop().create_future()
        self._drain_waiters.append(waiter)
        await waiter

    def _get_close_waiter(self, stream):
        raise NotImplementedError


class StreamReaderProtocol(FlowControlMixin):
    """Feeds a StreamReader from a transport (connect_read_pipe,
    create_connection...); with client_connected_cb (start_server), calls
    it with (reader, writer) on connection, an exception in it reported
    through the loop's exception handler and the connection closed."""

    def __init__(self, stream_reader, client_connected_cb=None, loop=None):
        super().__init__(loop)
        self._stream_reader = stream_reader
        self._client_connected_cb = client_connected_cb
        self._transport = None
        self._stream_writer = None
        self._task = None
        # Made on the first wait_closed(): an unawaited one would report
        # its exception as never retrieved.
        self._closed = None
        self._lost_exc = None

    def connection_made(self, transport):
        self._transport = transport
        reader = self._stream_reader
        if reader is not None:
            reader.set_transport(transport)
        if self._client_connected_cb is None:
            return
        loop = get_running_loop()
        self._stream_writer = StreamWriter(transport, self, reader, loop)
        res = self._client_connected_cb(reader, self._stream_writer)
        if _iscoroutine(res):
            def done(task):
                exc = task.exception()
                if exc is not None:
                    loop.call_exception_handler({'message': 'Unhandled exception in client_connected_cb',
                                                 'exception': exc, 'transport': transport})
                    transport.close()

            self._task = loop.create_task(res)
            self._task.add_done_callback(done)

    def connection_lost(self, exc):
        reader = self._stream_reader
        if reader is not None:
            if exc is None:
                reader.feed_eof()
            else:
                reader.set_exception(exc)
        self._lost_exc = exc
        closed = self._closed
        if closed is not None and not closed.done():
            if exc is None:
                closed.set_result(None)
            else:
                closed.set_exception(exc)
        super().connection_lost(exc)
        self._stream_writer = None
        self._task = None
        self._transport = None

    def data_received(self, data):
        reader = self._stream_reader
        if reader is not None:
            reader.feed_data(data)

    def eof_received(self):
        reader = self._stream_reader
        if reader is not None:
            reader.feed_eof()
        # Half-closed: the writer may go on writing.
        return True

    def _get_close_waiter(self, stream):
        if self._closed is None:
            self._closed = get_running_loop().create_future()
            if self._connection_lost:
                if self._lost_exc is None:
                    self._closed.set_result(None)
                else:
                    self._closed.set_exception(self._lost_exc)
        return self._closed


def _iscoroutine(obj):
    return type(obj).__name__ == 'coroutine'


async def open_connection(host=None, port=None, *, limit=_LIMIT, **kwds):
    """Connects to host:port (or uses the connected `sock=`); returns (reader, writer)."""
    loop = get_running_loop()
    reader = StreamReader(limit=limit, loop=loop)
    protocol = StreamReaderProtocol(reader, loop=loop)
    transport, _ = await loop.create_connection(lambda: protocol, host, port, **kwds)
    return reader, StreamWriter(transport, protocol, reader, loop)


def _stream_factory(loop, client_connected_cb, limit):
    def factory():
        reader = StreamReader(limit=limit, loop=loop)
        return StreamReaderProtocol(reader, client_connected_cb, loop=loop)
    return factory


async def start_server(client_connected_cb, host=None, port=None, *, limit=_LIMIT, **kwds):
    """Listens on host:port; calls client_connected_cb(reader, writer) per connection."""
    loop = get_running_loop()
    return await loop.create_server(_stream_factory(loop, client_connected_cb, limit), host, port, **kwds)


async def open_unix_connection(path=None, *, limit=_LIMIT, **kwds):
    """Connects to the Unix socket path (or uses `sock=`); returns (reader, writer)."""
    loop = get_running_loop()
    reader = StreamReader(limit=limit, loop=loop)
    protocol = StreamReaderProtocol(reader, loop=loop)
    transport, _ = await loop.create_unix_connection(lambda: protocol, path, **kwds)
    return reader, StreamWriter(transport, protocol, reader, loop)


async def start_unix_server(client_connected_cb, path=None, *, limit=_LIMIT, **kwds):
    """Listens on the Unix socket path; calls client_connected_cb(reader, writer) per connection."""
    loop = get_running_loop()
    return await loop.create_unix_server(_stream_factory(loop, client_connected_cb, limit), path, **kwds)
