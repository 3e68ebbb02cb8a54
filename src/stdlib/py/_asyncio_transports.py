"""Protocols and transports for gilt's asyncio: the base classes scripts
subclass (Protocol, DatagramProtocol, ...), what the loop's own
transports share, and loop.sendfile. The socket transport and
create_connection / create_server are in _asyncio_sockets."""

import _asyncio

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


def _set_done(fut):
    if not fut.done():
        fut.set_result(None)


async def sendfile(self, transport, file, offset=0, count=None, *, fallback=True):
    """Sends a file over a stream transport: read in chunks and written,
    waiting while the transport's buffer is full. Returns the bytes sent."""
    from _asyncio_fd import _check_sendfile_params
    from _asyncio_sockets import _SelectorSocketTransport
    if transport.is_closing():
        raise RuntimeError('Transport is closing')
    if not isinstance(transport, _SelectorSocketTransport):
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


_Loop.sendfile = sendfile

_HIGH_WATER = 64 * 1024


class _FlowControl:
    """Write-buffer limits and pause_writing/resume_writing, shared by the
    transports that buffer writes (sockets, write pipes), as CPython's
    _FlowControlMixin. Expects `_buffer`, `_high`, `_low`, `_protocol_paused`."""

    def get_write_buffer_size(self):
        return len(self._buffer)

    def get_write_buffer_limits(self):
        return (self._low, self._high)

    def set_write_buffer_limits(self, high=None, low=None):
        if high is None:
            high = _HIGH_WATER if low is None else 4 * low
        if low is None:
            low = high // 4
        if not high >= low >= 0:
            raise ValueError(f'high ({high!r}) must be >= low ({low!r}) must be >= 0')
        self._high, self._low = high, low
        self._maybe_pause_protocol()

    def _maybe_pause_protocol(self):
        if self._protocol_paused or len(self._buffer) <= self._high:
            return
        self._protocol_paused = True
        try:
            self._protocol.pause_writing()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({'message': 'protocol.pause_writing() failed',
                                               'exception': exc, 'transport': self,
                                               'protocol': self._protocol})

    def _maybe_resume_protocol(self):
        if not self._protocol_paused or len(self._buffer) > self._low:
            return
        self._protocol_paused = False
        try:
            self._protocol.resume_writing()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({'message': 'protocol.resume_writing() failed',
                                               'exception': exc, 'transport': self,
                                               'protocol': self._protocol})


class _SelectorClose:
    """close()/abort() of the transports the loop watches by file descriptor
    (sockets, datagrams): stop reading, and lose the connection once the
    write buffer is empty. Expects `_fd`, `_buffer`, `_closing`, `_conn_lost`,
    `_call_connection_lost` and `_force_close`."""

    def close(self):
        if self._closing:
            return
        self._closing = True
        self._loop.remove_reader(self._fd)
        if not self._buffer:
            self._conn_lost += 1
            self._loop.call_soon(self._call_connection_lost, None)

    def abort(self):
        self._force_close(None)


async def _connect_transport(loop, transport_class, protocol_factory, source):
    """(transport, protocol) over `source` (a socket or pipe), once connection_made has run."""
    protocol = protocol_factory()
    waiter = loop.create_future()
    transport = transport_class(loop, source, protocol, waiter)
    try:
        await waiter
    except BaseException:
        transport.close()
        raise
    return transport, protocol
