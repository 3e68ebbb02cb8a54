"""asyncio streams over TCP (start_server, open_connection, StreamReader,
StreamWriter, Server) on gilt's native non-blocking sockets: a coroutine
that would block awaits a future the loop completes when poll(2) says the
socket is ready."""

import _asyncio
from _asyncio import get_running_loop, CancelledError

_LIMIT = 2 ** 16


class IncompleteReadError(EOFError):
    """readexactly() hit EOF before reading enough bytes."""

    def __init__(self, partial, expected):
        r_expected = 'undefined' if expected is None else repr(expected)
        super().__init__(f'{len(partial)} bytes read on a total of {r_expected} expected bytes')
        self.partial = partial
        self.expected = expected


class LimitOverrunError(Exception):
    """A separator was not found within the buffer limit."""

    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed

    def __reduce__(self):
        return type(self), (self.args[0], self.consumed)


class _RealSock:
    """A `socket.socket` given as `sock=`, set non-blocking, with the calls
    the streams make on gilt's native sockets: recv/send/accept return
    None / 0 / None instead of raising BlockingIOError."""

    def __init__(self, sock):
        sock.setblocking(False)
        self._real = sock

    def __repr__(self):
        return repr(self._real)

    def fileno(self):
        return self._real.fileno()

    def recv(self, n):
        try:
            return self._real.recv(n)
        except (BlockingIOError, InterruptedError):
            return None

    def send(self, data):
        try:
            return self._real.send(data)
        except (BlockingIOError, InterruptedError):
            return 0

    def accept(self):
        try:
            conn, addr = self._real.accept()
        except (BlockingIOError, InterruptedError):
            return None
        return _RealSock(conn), addr

    def shutdown_write(self):
        import socket
        try:
            self._real.shutdown(socket.SHUT_WR)
        except OSError:
            pass

    def close(self):
        self._real.close()

    def getsockname(self):
        return self._real.getsockname()

    def getpeername(self):
        return self._real.getpeername()


async def _wait(sock, write):
    await get_running_loop()._wait_io(sock.fileno(), write)


class StreamReader:
    """Reads from a socket (`sock`, read when the script asks) or from what
    a protocol feeds it (no `sock`: feed_data/feed_eof, as CPython's, with
    its flow control: the transport is paused past twice the limit and
    resumed once the buffer is read below it): read, readline,
    readexactly, readuntil, at_eof."""

    def __init__(self, sock=None, limit=_LIMIT, loop=None):
        if limit <= 0:
            raise ValueError('Limit cannot be <= 0')
        self._sock = sock
        self._buffer = bytearray()
        self._eof = False
        self._limit = limit
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

    def _take(self, n):
        """The first n bytes of the buffer, as bytes, removed from it."""
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        self._maybe_resume_transport()
        return data

    async def _fill(self):
        """Reads more data into the buffer; False at EOF."""
        if self._exception is not None:
            raise self._exception
        if self._eof:
            return False
        if self._sock is None:
            # Fed by a protocol: wait until it feeds more (or EOF).
            if self._waiter is not None:
                raise RuntimeError('_fill() called while another coroutine is '
                                   'already waiting for incoming data')
            if self._paused:
                self._paused = False
                self._transport.resume_reading()
            before = len(self._buffer)
            self._waiter = get_running_loop().create_future()
            try:
                await self._waiter
            finally:
                self._waiter = None
            return len(self._buffer) > before or not self._eof
        while True:
            data = self._sock.recv(65536)
            if data is None:
                await _wait(self._sock, False)
                continue
            if not data:
                self._eof = True
                return False
            self._buffer.extend(data)
            return True

    async def read(self, n=-1):
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        if n < 0:
            while await self._fill():
                pass
            return self._take(len(self._buffer))
        if not self._buffer:
            await self._fill()
        return self._take(n)

    async def readexactly(self, n):
        if n < 0:
            raise ValueError('readexactly size can not be less than zero')
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        while len(self._buffer) < n:
            if not await self._fill():
                raise IncompleteReadError(self._take(len(self._buffer)), n)
        return self._take(n)

    async def readuntil(self, separator=b'\n'):
        seplen = len(separator)
        if seplen == 0:
            raise ValueError('Separator should be at least one-byte string')
        if self._exception is not None:
            raise self._exception
        start = 0
        while True:
            i = self._buffer.find(separator, start)
            if i >= 0:
                if i > self._limit:
                    raise LimitOverrunError(
                        'Separator is found, but chunk is longer than limit', i)
                return self._take(i + seplen)
            start = max(0, len(self._buffer) + 1 - seplen)
            if start > self._limit:
                raise LimitOverrunError(
                    'Separator is not found, and chunk exceed the limit', start)
            if not await self._fill():
                raise IncompleteReadError(self._take(len(self._buffer)), None)

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
    """Writes to a socket: write, writelines, drain, close, wait_closed.
    Given a transport (CPython's `StreamWriter(transport, protocol, reader,
    loop)`), it is a _TransportWriter, which writes through it."""

    def __new__(cls, sock, *args, **kwargs):
        if cls is StreamWriter and not hasattr(sock, 'send'):
            return object.__new__(_TransportWriter)
        return object.__new__(cls)

    def __init__(self, sock, reader=None, *args, **kwargs):
        if isinstance(self, _TransportWriter):
            # gilt runs the class called's __init__ on what __new__ returned.
            self._setup(sock, reader, *args, **kwargs)
            return
        self._sock = sock
        self._reader = reader
        self._pending = b''
        self._closing = False
        self._flushing = None
        self._flush_fd = sock.fileno()
        try:
            self._peer = sock.getpeername()
        except OSError:
            self._peer = None
        try:
            self._sockname = sock.getsockname()
        except OSError:
            self._sockname = None

    def __repr__(self):
        return f'<StreamWriter peer={self._peer}>'

    @property
    def transport(self):
        return self

    def write(self, data):
        if not isinstance(data, bytes):
            data = bytes(data)
        if self._pending:
            self._pending += data
            return
        n = self._sock.send(data)
        if n < len(data):
            self._pending = data[n:]
            self._arm_flush()

    def _arm_flush(self):
        """What the socket did not take is sent as it becomes writable, as
        CPython's transport does, whether or not the script calls drain."""
        if self._flushing:
            return
        try:
            loop = get_running_loop()
        except RuntimeError:
            return
        self._flushing = loop
        loop.add_writer(self._sock.fileno(), self._flush_ready)

    def _flush_ready(self):
        if self._pending and self._sock.fileno() >= 0:
            try:
                n = self._sock.send(self._pending)
            except OSError:
                n = len(self._pending)
                self._pending = b''
            self._pending = self._pending[n:]
            if self._pending:
                return
        loop, self._flushing = self._flushing, None
        if loop is not None:
            loop.remove_writer(self._sock.fileno() if self._sock.fileno() >= 0 else self._flush_fd)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    async def drain(self):
        while self._pending:
            await _wait(self._sock, True)
            n = self._sock.send(self._pending)
            self._pending = self._pending[n:]

    def can_write_eof(self):
        return True

    def write_eof(self):
        self._sock.shutdown_write()

    def is_closing(self):
        return self._closing

    def close(self):
        if self._closing:
            return
        self._closing = True
        if self._pending:
            try:
                get_running_loop().create_task(self._flush_and_close())
                return
            except RuntimeError:
                pass
        self._sock.close()

    async def _flush_and_close(self):
        try:
            await self.drain()
        finally:
            self._sock.close()

    async def wait_closed(self):
        while self._pending and not self._sock.fileno() < 0:
            await _wait(self._sock, True)

    def get_extra_info(self, name, default=None):
        if name == 'peername':
            return self._peer
        if name == 'sockname':
            return self._sockname
        if name == 'socket':
            return getattr(self._sock, '_real', self._sock)
        return default


class _TransportWriter(StreamWriter):
    """A StreamWriter over a transport and its protocol (a FlowControlMixin:
    drain waits while the transport has paused it)."""

    def __init__(self, transport, protocol=None, reader=None, loop=None):
        self._setup(transport, protocol, reader, loop)

    def _setup(self, transport, protocol=None, reader=None, loop=None):
        self._transport = transport
        self._protocol = protocol
        self._reader = reader
        self._loop = loop

    def __repr__(self):
        info = [StreamWriter.__name__, f'transport={self._transport!r}']
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
            # Let connection_lost run first, as CPython does.
            await _asyncio.sleep(0)
        await self._protocol._drain_helper()


class FlowControlMixin:
    """A protocol's side of write flow control: pause_writing/resume_writing
    from the transport, _drain_helper for StreamWriter.drain."""

    def __init__(self, loop=None):
        self._loop = loop
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
    create_connection...); with client_connected_cb, calls it with
    (reader, writer) on connection."""

    def __init__(self, stream_reader, client_connected_cb=None, loop=None):
        super().__init__(loop)
        self._stream_reader = stream_reader
        self._client_connected_cb = client_connected_cb
        self._transport = None
        self._stream_writer = None
        self._closed = None

    def connection_made(self, transport):
        self._transport = transport
        self._stream_reader.set_transport(transport)
        if self._client_connected_cb is not None:
            loop = get_running_loop()
            self._stream_writer = StreamWriter(transport, self, self._stream_reader, loop)
            res = self._client_connected_cb(self._stream_reader, self._stream_writer)
            if _asyncio_iscoroutine(res):
                loop.create_task(res)

    def connection_lost(self, exc):
        if exc is None:
            self._stream_reader.feed_eof()
        else:
            self._stream_reader.set_exception(exc)
        closed = self._closed
        if closed is not None and not closed.done():
            if exc is None:
                closed.set_result(None)
            else:
                closed.set_exception(exc)
        super().connection_lost(exc)
        self._transport = None

    def data_received(self, data):
        self._stream_reader.feed_data(data)

    def eof_received(self):
        self._stream_reader.feed_eof()
        return True

    def _get_close_waiter(self, stream):
        if self._closed is None:
            self._closed = get_running_loop().create_future()
            if self._connection_lost:
                self._closed.set_result(None)
        return self._closed


class Server:
    """What start_server returns: serve_forever, close, wait_closed, async with."""

    def __init__(self, sock, client_connected_cb, limit):
        self._sock = sock
        self._cb = client_connected_cb
        self._limit = limit
        self._serving = False
        self._closed = False
        self._accept_task = None
        self._forever = None
        self.sockets = [sock]

    def __repr__(self):
        return f'<Server sockets={self.sockets!r}>'

    def get_loop(self):
        return get_running_loop()

    def is_serving(self):
        return self._serving

    async def start_serving(self):
        self._start()

    def _start(self):
        if self._serving or self._closed:
            return
        self._serving = True
        self._accept_task = get_running_loop().create_task(self._accept_loop())

    async def _accept_loop(self):
        loop = get_running_loop()
        while not self._closed:
            r = self._sock.accept()
            if r is None:
                await _wait(self._sock, False)
                continue
            self._accepted(loop, r[0])

    def _accepted(self, loop, conn):
        reader = StreamReader(conn, self._limit)
        writer = StreamWriter(conn, reader)
        try:
            res = self._cb(reader, writer)
        except Exception as e:
            _handler_failed(loop, writer, e)
            return
        if _asyncio_iscoroutine(res):
            task = loop.create_task(res)
            task.add_done_callback(lambda t, w=writer: _handler_done(loop, w, t))

    def close(self):
        if self._closed:
            return
        self._closed = True
        self._serving = False
        if self._accept_task is not None:
            self._accept_task.cancel()
        self._sock.close()
        if self._forever is not None and not self._forever.done():
            self._forever.cancel()

    async def wait_closed(self):
        if self._accept_task is not None and not self._accept_task.done():
            try:
                await self._accept_task
            except CancelledError:
                pass

    async def serve_forever(self):
        self._start()
        self._forever = get_running_loop().create_future()
        try:
            await self._forever
        except CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


def _handler_done(loop, writer, task):
    if task.cancelled():
        return
    e = task.exception()
    if e is not None:
        _handler_failed(loop, writer, e)


def _handler_failed(loop, writer, e):
    """As CPython: report through the loop's exception handler (by default
    the 'asyncio' logger) and close the connection, so the client sees EOF
    instead of waiting forever."""
    context = {'message': 'Unhandled exception in client_connected_cb',
               'exception': e, 'transport': writer.transport}
    handler = getattr(loop, 'call_exception_handler', None)
    if handler is not None:
        handler(context)
    else:
        import logging
        logging.getLogger('asyncio').error(
            'Unhandled exception in client_connected_cb\ntransport: %r' % (writer.transport,),
            exc_info=(type(e), e, e.__traceback__))
    writer.close()


def _asyncio_iscoroutine(obj):
    return type(obj).__name__ == 'coroutine'


async def start_server(client_connected_cb, host=None, port=None, *, limit=_LIMIT, backlog=100,
                       start_serving=True, sock=None, **kwds):
    """Listens on host:port; calls client_connected_cb(reader, writer) per connection."""
    if sock is not None:
        if host is not None or port is not None:
            raise ValueError('host/port and sock can not be specified at the same time')
        sock.listen(backlog)
        wrapped = _RealSock(sock)
    else:
        wrapped = _asyncio._tcp_listen(host, port or 0, backlog)
    server = Server(wrapped, client_connected_cb, limit)
    if sock is not None:
        server.sockets = [sock]
    if start_serving:
        server._start()
    return server


async def open_connection(host=None, port=None, *, limit=_LIMIT, sock=None, **kwds):
    """Connects to host:port (or uses the connected `sock`); returns (reader, writer)."""
    if sock is not None:
        if host is not None or port is not None:
            raise ValueError('host/port and sock can not be specified at the same time')
        wrapped = _RealSock(sock)
        reader = StreamReader(wrapped, limit)
        return reader, StreamWriter(wrapped, reader)
    if host is None and port is None:
        raise ValueError('host and port was not specified and no sock specified')
    sock = _asyncio._tcp_connect(host, port)
    try:
        # The connect runs while the loop goes on (a server on this same
        # loop must be able to accept it).
        await _wait(sock, True)
        sock.connect_finish((host if host not in (None, 'localhost') else '127.0.0.1', port))
    except BaseException:
        sock.close()
        raise
    reader = StreamReader(sock, limit)
    return reader, StreamWriter(sock, reader)


def _unix_listen(path, sock, backlog):
    """A listening AF_UNIX socket.socket at path (a stale socket file there
    is removed first, as CPython does), or the given one."""
    import socket
    if sock is not None:
        if path is not None:
            raise ValueError('path and sock can not be specified at the same time')
        if sock.family != socket.AF_UNIX or sock.type != socket.SOCK_STREAM:
            raise ValueError(f'A UNIX Domain Stream Socket was expected, got {sock!r}')
    else:
        if path is None:
            raise ValueError('path was not specified, and no sock specified')
        import os
        import stat
        path = os.fspath(path)
        if isinstance(path, (str, bytes)) and path and path[0] not in (0, '\x00'):
            try:
                if stat.S_ISSOCK(os.stat(path).st_mode):
                    os.remove(path)
            except FileNotFoundError:
                pass
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.bind(path)
        except OSError as exc:
            sock.close()
            import errno
            if exc.errno == errno.EADDRINUSE:
                raise OSError(errno.EADDRINUSE, f'Address {path!r} is already in use') from None
            raise
        except BaseException:
            sock.close()
            raise
    sock.listen(backlog)
    return sock


async def _unix_connect(path, sock):
    """A connected, non-blocking AF_UNIX socket.socket."""
    import socket
    if sock is not None:
        if path is not None:
            raise ValueError('path and sock can not be specified at the same time')
        if sock.family != socket.AF_UNIX or sock.type != socket.SOCK_STREAM:
            raise ValueError(f'A UNIX Domain Stream Socket was expected, got {sock!r}')
        sock.setblocking(False)
        return sock
    if path is None:
        raise ValueError('no path and sock were specified')
    import os
    path = os.fspath(path)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.setblocking(False)
        await get_running_loop().sock_connect(sock, path)
    except BaseException:
        sock.close()
        raise
    return sock


async def start_unix_server(client_connected_cb, path=None, *, limit=_LIMIT, sock=None,
                            backlog=100, start_serving=True, **kwds):
    """Listens on the Unix socket path; calls client_connected_cb(reader, writer) per connection."""
    real = _unix_listen(path, sock, backlog)
    server = Server(_RealSock(real), client_connected_cb, limit)
    server.sockets = [real]
    if start_serving:
        server._start()
    return server


async def open_unix_connection(path=None, *, limit=_LIMIT, sock=None, **kwds):
    """Connects to the Unix socket path (or uses `sock`); returns (reader, writer)."""
    wrapped = _RealSock(await _unix_connect(path, sock))
    reader = StreamReader(wrapped, limit)
    return reader, StreamWriter(wrapped, reader)
