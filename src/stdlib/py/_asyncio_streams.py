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
    """Reads from a socket: read, readline, readexactly, readuntil, at_eof."""

    def __init__(self, sock=None, limit=_LIMIT):
        self._sock = sock
        self._buffer = b''
        self._eof = False
        self._limit = limit

    def __repr__(self):
        return '<StreamReader>'

    def at_eof(self):
        return self._eof and not self._buffer

    def feed_data(self, data):
        self._buffer += data

    def feed_eof(self):
        self._eof = True

    async def _fill(self):
        """Reads more data into the buffer; False at EOF."""
        if self._eof or self._sock is None:
            return False
        while True:
            data = self._sock.recv(65536)
            if data is None:
                await _wait(self._sock, False)
                continue
            if not data:
                self._eof = True
                return False
            self._buffer += data
            return True

    async def read(self, n=-1):
        if n == 0:
            return b''
        if n < 0:
            while await self._fill():
                pass
            data, self._buffer = self._buffer, b''
            return data
        if not self._buffer:
            await self._fill()
        data, self._buffer = self._buffer[:n], self._buffer[n:]
        return data

    async def readexactly(self, n):
        while len(self._buffer) < n:
            if not await self._fill():
                partial, self._buffer = self._buffer, b''
                raise IncompleteReadError(partial, n)
        data, self._buffer = self._buffer[:n], self._buffer[n:]
        return data

    async def readuntil(self, separator=b'\n'):
        start = 0
        while True:
            i = self._buffer.find(separator, start)
            if i >= 0:
                end = i + len(separator)
                data, self._buffer = self._buffer[:end], self._buffer[end:]
                return data
            start = max(0, len(self._buffer) - len(separator) + 1)
            if not await self._fill():
                partial, self._buffer = self._buffer, b''
                raise IncompleteReadError(partial, None)

    async def readline(self):
        try:
            return await self.readuntil(b'\n')
        except IncompleteReadError as e:
            return e.partial

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self.readline()
        if line == b'':
            raise StopAsyncIteration
        return line


class StreamWriter:
    """Writes to a socket: write, writelines, drain, close, wait_closed."""

    def __init__(self, sock, reader=None):
        self._sock = sock
        self._reader = reader
        self._pending = b''
        self._closing = False
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
