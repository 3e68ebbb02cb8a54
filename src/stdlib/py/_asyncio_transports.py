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
