"""Protocols and transports for gilt's asyncio: the base classes scripts
subclass (Protocol, DatagramProtocol, ...) and loop.create_connection /
loop.create_server, whose socket transport reads with add_reader and
writes with add_writer on the loop (level-triggered, as CPython's
selector loop)."""

import _asyncio
import _asyncio_streams as _streams

_Loop = _asyncio.EventLoop


class BaseProtocol:
    """connection_made, connection_lost, pause_writing, resume_writing."""


    def connection_made(self, transport):
        pass

    def connection_lost(self, exc):
        pass

    def pause_writing(self):
        pass

    def resume_writing(self):
        pass


class Protocol(BaseProtocol):
    """A stream protocol: data_received and eof_received."""


    def data_received(self, data):
        pass

    def eof_received(self):
        pass


class BufferedProtocol(BaseProtocol):
    """get_buffer, buffer_updated, eof_received."""


    def get_buffer(self, sizehint):
        pass

    def buffer_updated(self, nbytes):
        pass

    def eof_received(self):
        pass


class DatagramProtocol(BaseProtocol):
    """datagram_received and error_received."""


    def datagram_received(self, data, addr):
        pass

    def error_received(self, exc):
        pass


class SubprocessProtocol(BaseProtocol):
    """pipe_data_received, pipe_connection_lost, process_exited."""


    def pipe_data_received(self, fd, data):
        pass

    def pipe_connection_lost(self, fd, exc):
        pass

    def process_exited(self):
        pass


class BaseTransport:
    """get_extra_info, is_closing, close, set_protocol, get_protocol."""


    def __init__(self, extra=None):
        self._extra = {} if extra is None else extra

    def get_extra_info(self, name, default=None):
        return self._extra.get(name, default)

    def is_closing(self):
        raise NotImplementedError

    def close(self):
        raise NotImplementedError

    def set_protocol(self, protocol):
        raise NotImplementedError

    def get_protocol(self):
        raise NotImplementedError


class Transport(BaseTransport):
    """A stream transport: write, writelines, write_eof, abort, flow control."""


    def writelines(self, list_of_data):
        self.write(b''.join(list_of_data))


class _LoopTransport(Transport):
    """What the loop's own transports share: the protocol they feed, and
    `_closing`, set once close() or abort() has begun."""

    def get_protocol(self):
        return self._protocol

    def set_protocol(self, protocol):
        self._protocol = protocol

    def is_closing(self):
        return self._closing


_MAX_READ = 256 * 1024


class _SocketTransport(_LoopTransport):
    """A connected socket (gilt's native one or a `socket.socket` adapter
    from _asyncio_streams) driving a Protocol."""

    def __init__(self, loop, sock, protocol, waiter=None):
        real = getattr(sock, '_real', sock)
        extra = {'socket': real}
        for key, get in (('sockname', 'getsockname'), ('peername', 'getpeername')):
            try:
                extra[key] = getattr(sock, get)()
            except OSError:
                extra[key] = None
        super().__init__(extra)
        self._loop = loop
        self._sock = sock
        self._fd = sock.fileno()
        self._protocol = protocol
        self._buffer = bytearray()
        self._closing = False
        self._eof = False
        self._reading = False
        self._lost = False
        loop.call_soon(protocol.connection_made, self)
        loop.call_soon(self._start_reading)
        if waiter is not None:
            loop.call_soon(_set_done, waiter)

    def __repr__(self):
        state = ' closing' if self._closing else ''
        return f'<_SelectorSocketTransport fd={self._fd}{state}>'

    def is_reading(self):
        return self._reading and not self._closing

    def _start_reading(self):
        if not self._closing and not self._reading:
            self._reading = True
            self._loop.add_reader(self._fd, self._read_ready)

    def pause_reading(self):
        if self._reading:
            self._reading = False
            self._loop.remove_reader(self._fd)

    def resume_reading(self):
        self._start_reading()

    def _read_ready(self):
        try:
            data = self._sock.recv(_MAX_READ)
        except (ConnectionError, OSError) as exc:
            self._fatal(exc)
            return
        if data is None:
            return
        if not data:
            self.pause_reading()
            keep_open = self._protocol.eof_received()
            if not keep_open:
                self.close()
            return
        self._protocol.data_received(data)

    def write(self, data):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f'data argument must be a bytes-like object, not {type(data).__name__!r}')
        if self._eof:
            raise RuntimeError('Cannot call write() after write_eof()')
        if not data or self._lost:
            return
        if not self._buffer:
            try:
                n = self._sock.send(bytes(data))
            except (ConnectionError, OSError) as exc:
                self._fatal(exc)
                return
            data = memoryview(data)[n:]
            if not data:
                return
            self._loop.add_writer(self._fd, self._write_ready)
        self._buffer.extend(data)

    def _write_ready(self):
        try:
            n = self._sock.send(bytes(self._buffer))
        except (ConnectionError, OSError) as exc:
            self._loop.remove_writer(self._fd)
            self._buffer.clear()
            self._fatal(exc)
            return
        del self._buffer[:n]
        if self._buffer:
            return
        self._loop.remove_writer(self._fd)
        if self._closing:
            self._call_connection_lost(None)
        elif self._eof:
            self._sock.shutdown_write()

    def can_write_eof(self):
        return True

    def write_eof(self):
        if self._closing or self._eof:
            return
        self._eof = True
        if not self._buffer:
            self._sock.shutdown_write()

    def get_write_buffer_size(self):
        return len(self._buffer)

    def close(self):
        if self._closing:
            return
        self._closing = True
        self.pause_reading()
        if not self._buffer:
            self._loop.call_soon(self._call_connection_lost, None)

    def abort(self):
        self._force_close(None)

    def _fatal(self, exc):
        self._force_close(exc)

    def _force_close(self, exc):
        if self._lost:
            return
        if self._buffer:
            self._buffer.clear()
            self._loop.remove_writer(self._fd)
        if not self._closing:
            self._closing = True
            self.pause_reading()
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        if self._lost:
            return
        self._lost = True
        try:
            self._protocol.connection_lost(exc)
        finally:
            self._sock.close()


def _set_done(fut):
    if not fut.done():
        fut.set_result(None)


async def create_connection(self, protocol_factory, host=None, port=None, *, sock=None, **kwds):
    """Connects (or takes the connected `sock`); returns (transport, protocol)
    once the protocol's connection_made has run."""
    if sock is not None:
        if host is not None or port is not None:
            raise ValueError('host/port and sock can not be specified at the same time')
        wrapped = _streams._RealSock(sock)
    else:
        if host is None and port is None:
            raise ValueError('host and port was not specified and no sock specified')
        wrapped = _asyncio._tcp_connect(host, port)
        try:
            await _streams._wait(wrapped, True)
            wrapped.connect_finish((host if host not in (None, 'localhost') else '127.0.0.1', port))
        except BaseException:
            wrapped.close()
            raise
    protocol = protocol_factory()
    waiter = self.create_future()
    transport = _SocketTransport(self, wrapped, protocol, waiter)
    await waiter
    return transport, protocol


class _ProtocolServer(_streams.Server):
    """A Server whose connections get a transport and a fresh protocol."""

    def _accepted(self, loop, conn):
        protocol = self._cb()
        _SocketTransport(loop, conn, protocol)


async def create_server(self, protocol_factory, host=None, port=None, *, sock=None, backlog=100,
                        start_serving=True, **kwds):
    """Listens on host:port (or the bound `sock`); each connection gets
    protocol_factory() and a transport. Returns the Server."""
    if sock is not None:
        if host is not None or port is not None:
            raise ValueError('host/port and sock can not be specified at the same time')
        sock.listen(backlog)
        wrapped = _streams._RealSock(sock)
    else:
        wrapped = _asyncio._tcp_listen(host, port or 0, backlog)
    server = _ProtocolServer(wrapped, protocol_factory, None)
    if sock is not None:
        server.sockets = [sock]
    if start_serving:
        server._start()
    return server


_Loop.create_connection = create_connection
_Loop.create_server = create_server


async def create_unix_connection(self, protocol_factory, path=None, *, sock=None, **kwds):
    """Connects to the Unix socket path (or takes `sock`); returns (transport, protocol)."""
    wrapped = _streams._RealSock(await _streams._unix_connect(path, sock))
    protocol = protocol_factory()
    waiter = self.create_future()
    transport = _SocketTransport(self, wrapped, protocol, waiter)
    await waiter
    return transport, protocol


async def create_unix_server(self, protocol_factory, path=None, *, sock=None, backlog=100,
                             start_serving=True, **kwds):
    """Listens on the Unix socket path; each connection gets protocol_factory()."""
    real = _streams._unix_listen(path, sock, backlog)
    server = _ProtocolServer(_streams._RealSock(real), protocol_factory, None)
    server.sockets = [real]
    if start_serving:
        server._start()
    return server


async def sendfile(self, transport, file, offset=0, count=None, *, fallback=True):
    """Sends a file over a stream transport: read in chunks and written,
    waiting while the transport's buffer is full. Returns the bytes sent."""
    from _asyncio_fd import _check_sendfile_params
    if transport.is_closing():
        raise RuntimeError('Transport is closing')
    if not isinstance(transport, _SocketTransport):
        raise RuntimeError(f"sendfile is not supported for transport {transport!r}")
    _check_sendfile_params(file, offset, count)
    if offset:
        file.seek(offset)
    blocksize = min(count, 16384) if count else 16384
    total = 0
    try:
        while True:
            if count:
                blocksize = min(count - total, blocksize)
                if blocksize <= 0:
                    return total
            data = file.read(blocksize)
            if not data:
                return total
            while transport.get_write_buffer_size() > 65536 and not transport.is_closing():
                await self._wait_io(transport._fd, True)
                await _asyncio.sleep(0)
            if transport.is_closing():
                raise ConnectionError('Connection closed by peer')
            transport.write(data)
            total += len(data)
    finally:
        if total > 0 and hasattr(file, 'seek'):
            file.seek(offset + total)


_Loop.create_unix_connection = create_unix_connection
_Loop.create_unix_server = create_unix_server
_Loop.sendfile = sendfile
