"""UDP (and Unix datagram) endpoints for gilt's asyncio:
loop.create_datagram_endpoint and its transport. The loop watches the
socket (add_reader) and hands each datagram to the protocol's
datagram_received; a send or receive error that concerns only one
datagram (a refused port, say) goes to error_received, as CPython's
selector transport does."""

import _asyncio
from _asyncio_transports import BaseTransport, _HIGH_WATER, _LoopTransport, _SelectorClose, _set_done

_Loop = _asyncio.EventLoop

_MAX_SIZE = 256 * 1024


class DatagramTransport(BaseTransport):
    """sendto(data, addr=None) and abort(), besides BaseTransport's."""

    def sendto(self, data, addr=None):
        raise NotImplementedError

    def abort(self):
        raise NotImplementedError


class _DatagramSocketTransport(_SelectorClose, _LoopTransport):
    """A non-blocking datagram socket driving a DatagramProtocol (like
    CPython 3.11's, not an instance of DatagramTransport)."""

    def __init__(self, loop, sock, protocol, address, waiter):
        extra = {'socket': sock}
        try:
            extra['sockname'] = sock.getsockname()
        except OSError:
            extra['sockname'] = None
        try:
            extra['peername'] = sock.getpeername()
        except OSError:
            extra['peername'] = None
        super().__init__(extra)
        self._loop = loop
        self._sock = sock
        self._fd = sock.fileno()
        self._protocol = protocol
        self._address = address
        self._buffer = []
        self._buffer_size = 0
        self._closing = False
        self._conn_lost = 0
        self._protocol_paused = False
        loop.call_soon(protocol.connection_made, self)
        loop.call_soon(loop.add_reader, self._fd, self._read_ready)
        if waiter is not None:
            loop.call_soon(_set_done, waiter)

    def __repr__(self):
        state = ' closing' if self._closing else (' closed' if self._sock is None else '')
        return f'<_SelectorDatagramTransport fd={self._fd}{state}>'

    def get_write_buffer_size(self):
        return self._buffer_size

    def _read_ready(self):
        if self._conn_lost:
            return
        try:
            data, addr = self._sock.recvfrom(_MAX_SIZE)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._protocol.error_received(exc)
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on datagram transport')
            return
        self._protocol.datagram_received(data, addr)

    def sendto(self, data, addr=None):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f'data argument must be a bytes-like object, not {type(data).__name__!r}')
        if not data:
            return
        if self._address:
            if addr not in (None, self._address):
                raise ValueError(f'Invalid address: must be None or {self._address}')
            addr = self._address
        if self._conn_lost and self._address:
            self._conn_lost += 1
            return
        if not self._buffer:
            try:
                if self._extra['peername']:
                    self._sock.send(data)
                else:
                    self._sock.sendto(data, addr)
                return
            except (BlockingIOError, InterruptedError):
                self._loop.add_writer(self._fd, self._sendto_ready)
            except OSError as exc:
                self._protocol.error_received(exc)
                return
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(exc, 'Fatal write error on datagram transport')
                return
        self._buffer.append((bytes(data), addr))
        self._buffer_size += len(data)
        if not self._protocol_paused and self._buffer_size > _HIGH_WATER:
            self._protocol_paused = True
            self._protocol.pause_writing()

    def _sendto_ready(self):
        while self._buffer:
            data, addr = self._buffer.pop(0)
            self._buffer_size -= len(data)
            try:
                if self._extra['peername']:
                    self._sock.send(data)
                else:
                    self._sock.sendto(data, addr)
            except (BlockingIOError, InterruptedError):
                self._buffer.insert(0, (data, addr))
                self._buffer_size += len(data)
                break
            except OSError as exc:
                self._protocol.error_received(exc)
                return
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(exc, 'Fatal write error on datagram transport')
                return
        if self._protocol_paused and self._buffer_size <= _HIGH_WATER // 4:
            self._protocol_paused = False
            self._protocol.resume_writing()
        if not self._buffer:
            self._loop.remove_writer(self._fd)
            if self._closing:
                self._call_connection_lost(None)

    def _fatal_error(self, exc, message):
        if not isinstance(exc, OSError):
            from _asyncio_pipes import _report
            _report(self._loop, message, exc, transport=self, protocol=self._protocol)
        self._force_close(exc)

    def _force_close(self, exc):
        if self._conn_lost:
            return
        if self._buffer:
            self._buffer.clear()
            self._buffer_size = 0
            self._loop.remove_writer(self._fd)
        if not self._closing:
            self._closing = True
            self._loop.remove_reader(self._fd)
        self._conn_lost += 1
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        if self._sock is None:
            return
        try:
            self._protocol.connection_lost(exc)
        finally:
            self._sock.close()
            self._sock = None




async def _resolve(loop, addr, family, proto, flags):
    import socket
    host, port = addr[:2]
    infos = await loop.getaddrinfo(host, port, family=family, type=socket.SOCK_DGRAM,
                                   proto=proto, flags=flags)
    if not infos:
        raise OSError('getaddrinfo() returned empty list')
    return infos


async def create_datagram_endpoint(self, protocol_factory, local_addr=None, remote_addr=None, *,
                                   family=0, proto=0, flags=0, reuse_port=None, allow_broadcast=None, sock=None):
    """A datagram socket (bound to local_addr, connected to remote_addr, or
    the given sock) driving protocol_factory(); returns (transport, protocol)."""
    import socket
    if sock is not None:
        if sock.type != socket.SOCK_DGRAM:
            raise ValueError(f'A UDP Socket was expected, got {sock!r}')
        given = {'local_addr': local_addr, 'remote_addr': remote_addr, 'family': family,
                 'proto': proto, 'flags': flags, 'reuse_port': reuse_port, 'allow_broadcast': allow_broadcast}
        if any(given.values()):
            problems = ', '.join(f'{k}={v}' for k, v in given.items() if v)
            raise ValueError(f'socket modifier keyword arguments can not be used '
                             f'when sock is specified. ({problems})')
        sock.setblocking(False)
        r_addr = None
    else:
        if not (local_addr or remote_addr):
            if family == 0:
                raise ValueError('unexpected address family')
            pairs = [((family, proto), (None, None))]
        elif hasattr(socket, 'AF_UNIX') and family == socket.AF_UNIX:
            for addr in (local_addr, remote_addr):
                if addr is not None and not isinstance(addr, str):
                    raise TypeError('string is expected')
            pairs = [((family, proto), (local_addr, remote_addr))]
        else:
            by_key = {}
            for idx, addr in ((0, local_addr), (1, remote_addr)):
                if addr is None:
                    continue
                if not (isinstance(addr, tuple) and len(addr) == 2):
                    raise TypeError('2-tuple is expected')
                for fam, _, pro, _, address in await _resolve(self, addr, family, proto, flags):
                    key = (fam, pro)
                    if key not in by_key:
                        by_key[key] = [None, None]
                    by_key[key][idx] = address
            pairs = [(key, pair) for key, pair in by_key.items()
                     if not ((local_addr and pair[0] is None) or (remote_addr and pair[1] is None))]
            if not pairs:
                raise ValueError('can not get address information')
        exceptions = []
        sock = None
        r_addr = None
        for (fam, pro), (local_address, remote_address) in pairs:
            sock = None
            r_addr = None
            try:
                sock = socket.socket(family=fam, type=socket.SOCK_DGRAM, proto=pro)
                if reuse_port:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
                if allow_broadcast:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
                sock.setblocking(False)
                if local_addr:
                    sock.bind(local_address)
                if remote_addr:
                    if not allow_broadcast:
                        await self.sock_connect(sock, remote_address)
                    r_addr = remote_address
            except OSError as exc:
                if sock is not None:
                    sock.close()
                exceptions.append(exc)
            except BaseException:
                if sock is not None:
                    sock.close()
                raise
            else:
                break
        else:
            raise exceptions[0]
    protocol = protocol_factory()
    waiter = self.create_future()
    transport = _DatagramSocketTransport(self, sock, protocol, r_addr, waiter)
    try:
        await waiter
    except BaseException:
        transport.close()
        raise
    return transport, protocol


_Loop.create_datagram_endpoint = create_datagram_endpoint
