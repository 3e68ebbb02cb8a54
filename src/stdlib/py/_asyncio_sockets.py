"""Stream sockets for gilt's asyncio, as CPython's selector loop runs them:
the socket transport (the loop reads the socket as data arrives and feeds
the protocol; writes go straight out, the rest is buffered and written as
the socket turns writable, with pause_writing/resume_writing past the
water marks), the Server that accepts on readiness, create_connection /
create_server and their Unix forms, and the loop's exception handler
calls (call_exception_handler, default_exception_handler)."""

import _asyncio
from _asyncio import get_running_loop
from _asyncio_transports import (BufferedProtocol, _FlowControl, _HIGH_WATER, _LoopTransport, _SelectorClose,
                                 _connect_transport, _set_done)

_Loop = _asyncio.EventLoop

_MAX_READ = 256 * 1024
# CPython warns once a transport has been written to this many times after
# its connection was lost.
_CONNLOST_WRITES_WARN = 5


def _logger():
    import logging
    return logging.getLogger('asyncio')


# ---- the loop's exception handler ---------------------------------------------

def default_exception_handler(self, context):
    """Logs the context to the 'asyncio' logger at ERROR level."""
    message = context.get('message') or 'Unhandled exception in event loop'
    exc = context.get('exception')
    exc_info = (type(exc), exc, exc.__traceback__) if exc is not None else False
    lines = [message]
    for key in sorted(context):
        if key in ('message', 'exception'):
            continue
        lines.append(f'{key}: {context[key]!r}')
    _logger().error('\n'.join(lines), exc_info=exc_info)


def call_exception_handler(self, context):
    """Calls the handler set with set_exception_handler, else the default one."""
    handler = self.get_exception_handler()
    if handler is None:
        try:
            default_exception_handler(self, context)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException:
            _logger().error('Exception in default exception handler', exc_info=True)
        return
    try:
        handler(self, context)
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as exc:
        try:
            default_exception_handler(self, {'message': 'Unhandled error in exception handler',
                                             'exception': exc, 'context': context})
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException:
            _logger().error('Exception in default exception handler while handling an '
                            'unexpected error in custom exception handler', exc_info=True)


_Loop.default_exception_handler = default_exception_handler
_Loop.call_exception_handler = call_exception_handler


# ---- sockets ------------------------------------------------------------------

class _RealSock:
    """A `socket.socket` given as `sock=`, set non-blocking, with the calls
    the transport makes on gilt's native sockets: recv/send/accept return
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

    def recv_into(self, buf):
        try:
            return self._real.recv_into(buf)
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


def _watched(loop, fd, write):
    """True when the loop watches fd (for the transport's repr)."""
    table = loop._extra().get('writers' if write else 'readers')
    return bool(table) and fd in table


class _SelectorSocketTransport(_FlowControl, _SelectorClose, _LoopTransport):
    """A connected socket (gilt's native one or a _RealSock) driving a
    Protocol: data_received as data arrives, eof_received at EOF (the
    transport stays open for writing when it returns true),
    connection_lost(exc) on a reset or error."""

    def __init__(self, loop, sock, protocol, waiter=None, server=None):
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
        self._server = server
        self._buffer = bytearray()
        self._closing = False
        self._paused = False
        self._eof = False
        self._conn_lost = 0
        self._protocol_paused = False
        self._high = _HIGH_WATER
        self._low = _HIGH_WATER // 4
        if server is not None:
            server._attach()
        loop.call_soon(protocol.connection_made, self)
        loop.call_soon(self._add_reader)
        if waiter is not None:
            loop.call_soon(_set_done, waiter)

    def __repr__(self):
        info = [type(self).__name__]
        if self._sock is None:
            info.append('closed')
        elif self._closing:
            info.append('closing')
        info.append(f'fd={self._fd}')
        loop = self._loop
        if loop is not None and not loop.is_closed():
            read = 'polling' if _watched(loop, self._fd, False) else 'idle'
            write = 'polling' if _watched(loop, self._fd, True) else 'idle'
            info.append(f'read={read}')
            info.append(f'write=<{write}, bufsize={len(self._buffer)}>')
        return '<{}>'.format(' '.join(info))

    # -- reading --

    def is_reading(self):
        return not self._paused and not self._closing

    def _add_reader(self):
        if self.is_reading():
            self._loop.add_reader(self._fd, self._read_ready)

    def pause_reading(self):
        if not self.is_reading():
            return
        self._paused = True
        self._loop.remove_reader(self._fd)

    def resume_reading(self):
        if self._closing or not self._paused:
            return
        self._paused = False
        self._add_reader()

    def _read_ready(self):
        if self._conn_lost:
            return
        if isinstance(self._protocol, BufferedProtocol):
            self._read_ready_into()
            return
        try:
            data = self._sock.recv(_MAX_READ)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on socket transport')
            return
        if data is None:
            return
        if not data:
            self._read_eof()
            return
        try:
            self._protocol.data_received(data)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.data_received() call failed.')

    def _read_ready_into(self):
        # A BufferedProtocol: the data goes straight into its buffer.
        try:
            buf = self._protocol.get_buffer(-1)
            if not len(buf):
                raise RuntimeError('get_buffer() returned an empty buffer')
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.get_buffer() call failed.')
            return
        try:
            recv_into = getattr(self._sock, 'recv_into', None)
            if recv_into is not None:
                nbytes = recv_into(buf)
            else:
                # gilt's native stream sockets read into new bytes only.
                data = self._sock.recv(len(buf))
                nbytes = None if data is None else len(data)
                if nbytes:
                    memoryview(buf)[:nbytes] = data
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on socket transport')
            return
        if nbytes is None:
            return
        if not nbytes:
            self._read_eof()
            return
        try:
            self._protocol.buffer_updated(nbytes)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.buffer_updated() call failed.')

    def _read_eof(self):
        try:
            keep_open = self._protocol.eof_received()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.eof_received() call failed.')
            return
        if keep_open:
            # Half-closed: no more reading, writing goes on.
            self._loop.remove_reader(self._fd)
        else:
            self.close()

    # -- writing --

    def write(self, data):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f'data argument must be a bytes-like object, not {type(data).__name__!r}')
        if self._eof:
            raise RuntimeError('Cannot call write() after write_eof()')
        if not data:
            return
        if self._conn_lost:
            # The peer is gone: dropped, as CPython does, with a warning
            # once the script keeps writing.
            if self._conn_lost >= _CONNLOST_WRITES_WARN:
                _logger().warning('socket.send() raised exception.')
            self._conn_lost += 1
            return
        if not self._buffer:
            try:
                n = self._sock.send(bytes(data))
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(exc, 'Fatal write error on socket transport')
                return
            data = memoryview(data)[n:]
            if not data:
                return
            self._loop.add_writer(self._fd, self._write_ready)
        self._buffer.extend(data)
        self._maybe_pause_protocol()

    def writelines(self, list_of_data):
        self.write(b''.join(list_of_data))

    def _write_ready(self):
        if self._conn_lost:
            return
        try:
            n = self._sock.send(bytes(self._buffer))
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.remove_writer(self._fd)
            self._buffer.clear()
            self._fatal_error(exc, 'Fatal write error on socket transport')
            return
        if n:
            del self._buffer[:n]
        self._maybe_resume_protocol()
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

    # -- closing --

    def _fatal_error(self, exc, message):
        # A connection reset or other OSError is the peer's doing, not a bug:
        # CPython reports only the others.
        if not isinstance(exc, OSError):
            self._loop.call_exception_handler({'message': message, 'exception': exc,
                                               'transport': self, 'protocol': self._protocol})
        self._force_close(exc)

    def _force_close(self, exc):
        if self._conn_lost:
            return
        if self._buffer:
            self._buffer.clear()
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
            self._protocol = None
            self._loop = None
            server, self._server = self._server, None
            if server is not None:
                server._detach()


# ---- servers ------------------------------------------------------------------

class Server:
    """What create_server and start_server return: it accepts connections
    as a listening socket turns readable, each one getting a transport
    and protocol_factory()'s protocol. serve_forever, close, wait_closed,
    async with."""

    def __init__(self, loop, socks, protocol_factory, backlog):
        self._loop = loop
        # (the socket.socket shown by `sockets`, its non-blocking wrapper)
        self._socks = [(s, _RealSock(s)) for s in socks]
        self._protocol_factory = protocol_factory
        self._backlog = backlog
        self._serving = False
        self._closed = False
        self._active_count = 0
        self._waiters = []
        self._serving_forever_fut = None

    def __repr__(self):
        return f'<Server sockets={self.sockets!r}>'

    @property
    def sockets(self):
        if self._closed:
            return ()
        # As CPython's: wrapped so that callers cannot block or close them.
        from asyncio.trsock import TransportSocket
        return tuple(TransportSocket(s) for s, _ in self._socks)

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    def _attach(self):
        self._active_count += 1

    def _detach(self):
        self._active_count -= 1
        if self._active_count == 0 and self._closed:
            self._wakeup()

    def _wakeup(self):
        waiters, self._waiters = self._waiters, None
        for waiter in waiters or ():
            if not waiter.done():
                waiter.set_result(waiter)

    def _start_serving(self):
        if self._serving or self._closed:
            return
        self._serving = True
        for shown, sock in self._socks:
            shown.listen(self._backlog)
            self._loop.add_reader(sock.fileno(), self._accept_ready, shown, sock)

    def _accept_ready(self, shown, sock):
        for _ in range(max(self._backlog, 1)):
            try:
                r = sock.accept()
            except (SystemExit, KeyboardInterrupt):
                raise
            except OSError as exc:
                self._loop.call_exception_handler({'message': 'socket.accept() out of system resource',
                                                   'exception': exc, 'socket': shown})
                return
            if r is None:
                return
            conn = r[0]
            try:
                protocol = self._protocol_factory()
                _SelectorSocketTransport(self._loop, conn, protocol, server=self)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                conn.close()
                self._loop.call_exception_handler({'message': 'Error on transport creation for incoming connection',
                                                   'exception': exc})

    async def start_serving(self):
        self._start_serving()
        await _asyncio.sleep(0)

    def close(self):
        if self._closed:
            return
        self._closed = True
        for _, sock in self._socks:
            if self._serving:
                self._loop.remove_reader(sock.fileno())
            sock.close()
        self._serving = False
        fut, self._serving_forever_fut = self._serving_forever_fut, None
        if fut is not None and not fut.done():
            fut.cancel()
        if self._active_count == 0:
            self._wakeup()

    async def wait_closed(self):
        # CPython 3.11: returns at once once close() has been called, else
        # waits for close() and the last connection to end.
        if self._closed or self._waiters is None:
            return
        waiter = self._loop.create_future()
        self._waiters.append(waiter)
        await waiter

    async def serve_forever(self):
        if self._serving_forever_fut is not None:
            raise RuntimeError(f'server {self!r} is already being awaited on serve_forever()')
        if self._closed:
            raise RuntimeError(f'server {self!r} is closed')
        self._start_serving()
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut
        except _asyncio.CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


# ---- the loop's methods -------------------------------------------------------


def _numeric_info(host, port, family, type_, proto):
    """The one getaddrinfo entry of a numeric host, so that a literal address
    needs no resolver (and no executor thread); None when it is a name."""
    import socket
    if not isinstance(host, (str, bytes)) or not isinstance(port, (int, str, bytes, type(None))):
        return None
    if type_ == socket.SOCK_STREAM:
        proto = socket.IPPROTO_TCP
    elif type_ == socket.SOCK_DGRAM:
        proto = socket.IPPROTO_UDP
    else:
        return None
    if port in (None, '', b''):
        port = 0
    else:
        try:
            port = int(port)
        except (TypeError, ValueError):
            return None
    if isinstance(host, bytes):
        host = host.decode('idna')
    if '%' in host:
        return None
    if family == socket.AF_UNSPEC:
        families = (socket.AF_INET, socket.AF_INET6)
    elif family in (socket.AF_INET, socket.AF_INET6):
        families = (family,)
    else:
        return None
    for af in families:
        try:
            socket.inet_pton(af, host)
        except OSError:
            continue
        return af, type_, proto, '', ((host, port, 0, 0) if af == socket.AF_INET6 else (host, port))
    return None


async def _resolve(loop, host, port, family, type_, proto, flags):
    """getaddrinfo's entries for host:port through `loop.getaddrinfo` (which
    a script may replace), a numeric host answered at once."""
    info = _numeric_info(host, port, family, type_, proto)
    if info is not None:
        return [info]
    infos = await loop.getaddrinfo(host, port, family=family, type=type_, proto=proto, flags=flags)
    if not infos:
        raise OSError('getaddrinfo() returned empty list')
    return infos


def _bind_error(err, address):
    return OSError(err.errno, f'error while attempting to bind on address {address!r}: {err.strerror.lower()}')


async def _connect_one(loop, errors, family, type_, proto, address, local_infos):
    """A socket of `family` bound to one of the matching local addresses and
    connected to address; on failure the errors go to `errors` and None is returned."""
    import socket
    sock = None
    try:
        sock = socket.socket(family, type_, proto)
        sock.setblocking(False)
        if local_infos is not None:
            bound = False
            for lfam, _, _, _, laddr in local_infos:
                if lfam != family:
                    continue
                try:
                    sock.bind(laddr)
                    bound = True
                    break
                except OSError as err:
                    errors.append(_bind_error(err, laddr))
            if not bound:
                if errors:
                    raise errors.pop()
                raise OSError(f'no matching local address with family={family!r} found')
        await loop.sock_connect(sock, address)
        return sock
    except OSError as exc:
        errors.append(exc)
    except BaseException:
        if sock is not None:
            sock.close()
        raise
    if sock is not None:
        sock.close()
    return None


def _no_ssl_args(ssl, **named):
    for name, value in named.items():
        if value is not None and not ssl:
            raise ValueError(f'{name} is only meaningful with ssl')


async def create_connection(self, protocol_factory, host=None, port=None, *, ssl=None, family=0, proto=0,
                            flags=0, sock=None, local_addr=None, server_hostname=None, ssl_handshake_timeout=None,
                            ssl_shutdown_timeout=None, happy_eyeballs_delay=None, interleave=None):
    """Connects to host:port (each address getaddrinfo gives in turn, from
    `local_addr` when given) or takes the connected `sock`; returns
    (transport, protocol) once the protocol's connection_made has run."""
    import socket
    _no_ssl_args(ssl, server_hostname=server_hostname, ssl_handshake_timeout=ssl_handshake_timeout,
                 ssl_shutdown_timeout=ssl_shutdown_timeout)
    if sock is not None:
        if host is not None or port is not None:
            raise ValueError('host/port and sock can not be specified at the same time')
        if sock.type != socket.SOCK_STREAM:
            raise ValueError(f'A Stream Socket was expected, got {sock!r}')
    else:
        if host is None and port is None:
            raise ValueError('host and port was not specified and no sock specified')
        infos = await _resolve(self, host, port, family, socket.SOCK_STREAM, proto, flags)
        local_infos = None
        if local_addr is not None:
            local_infos = await _resolve(self, *local_addr, family, socket.SOCK_STREAM, proto, flags)
        errors = []
        for fam, type_, pro, _, address in infos:
            sock = await _connect_one(self, errors, fam, type_, pro, address, local_infos)
            if sock is not None:
                break
        if sock is None:
            if len(errors) == 1 or len({str(e) for e in errors}) == 1:
                raise errors[0]
            raise OSError('Multiple exceptions: {}'.format(', '.join(str(e) for e in errors)))
    return await _connect_transport(self, _SelectorSocketTransport, protocol_factory, _RealSock(sock))


async def connect_accepted_socket(self, protocol_factory, sock, *, ssl=None, ssl_handshake_timeout=None,
                                  ssl_shutdown_timeout=None):
    """A transport and protocol over a connection accepted outside asyncio."""
    import socket
    if sock.type != socket.SOCK_STREAM:
        raise ValueError(f'A Stream Socket was expected, got {sock!r}')
    _no_ssl_args(ssl, ssl_handshake_timeout=ssl_handshake_timeout, ssl_shutdown_timeout=ssl_shutdown_timeout)
    return await _connect_transport(self, _SelectorSocketTransport, protocol_factory, _RealSock(sock))


async def create_server(self, protocol_factory, host=None, port=None, *, family=0, flags=None, sock=None,
                        backlog=100, ssl=None, reuse_address=None, reuse_port=None, ssl_handshake_timeout=None,
                        ssl_shutdown_timeout=None, start_serving=True):
    """Listens on every address of host:port (each host of a list; host None
    or '' means all interfaces, IPv4 and IPv6) or on the bound `sock`; each
    connection gets protocol_factory() and a transport. Returns the Server."""
    import socket
    if isinstance(ssl, bool):
        raise TypeError('ssl argument must be an SSLContext or None')
    _no_ssl_args(ssl, ssl_handshake_timeout=ssl_handshake_timeout, ssl_shutdown_timeout=ssl_shutdown_timeout)
    if flags is None:
        flags = socket.AI_PASSIVE
    if host is not None or port is not None:
        if sock is not None:
            raise ValueError('host/port and sock can not be specified at the same time')
        if reuse_address is None:
            reuse_address = True
        if host == '':
            hosts = [None]
        elif isinstance(host, str) or not hasattr(host, '__iter__'):
            hosts = [host]
        else:
            hosts = host
        infos = []
        for h in hosts:
            for info in await _resolve(self, h, port, family, socket.SOCK_STREAM, 0, flags):
                if info not in infos:
                    infos.append(info)
        socks = []
        try:
            for af, type_, pro, _, address in infos:
                try:
                    s = socket.socket(af, type_, pro)
                except OSError:
                    # An address family this host cannot make sockets of.
                    continue
                socks.append(s)
                if reuse_address:
                    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, True)
                if reuse_port:
                    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
                if af == socket.AF_INET6:
                    # Without it the IPv6 socket would also take the IPv4
                    # port its AF_INET sibling binds.
                    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, True)
                try:
                    s.bind(address)
                except OSError as err:
                    raise _bind_error(err, address) from None
        except BaseException:
            for s in socks:
                s.close()
            raise
    else:
        if sock is None:
            raise ValueError('Neither host/port nor sock were specified')
        if sock.type != socket.SOCK_STREAM:
            raise ValueError(f'A Stream Socket was expected, got {sock!r}')
        socks = [sock]
    server = Server(self, socks, protocol_factory, backlog)
    if start_serving:
        server._start_serving()
        await _asyncio.sleep(0)
    return server


def _stop_serving(self, sock):
    """Stops accepting on a listening socket and closes it."""
    self.remove_reader(sock.fileno())
    sock.close()


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


async def create_unix_connection(self, protocol_factory, path=None, *, sock=None, **kwds):
    """Connects to the Unix socket path (or takes `sock`); returns (transport, protocol)."""
    wrapped = _RealSock(await _unix_connect(path, sock))
    return await _connect_transport(self, _SelectorSocketTransport, protocol_factory, wrapped)


async def create_unix_server(self, protocol_factory, path=None, *, sock=None, backlog=100,
                             start_serving=True, **kwds):
    """Listens on the Unix socket path; each connection gets protocol_factory()."""
    real = _unix_listen(path, sock, backlog)
    server = Server(self, [real], protocol_factory, backlog)
    if start_serving:
        server._start_serving()
        await _asyncio.sleep(0)
    return server


_Loop.create_connection = create_connection
_Loop.create_server = create_server
_Loop.connect_accepted_socket = connect_accepted_socket
_Loop._stop_serving = _stop_serving
_Loop.create_unix_connection = create_unix_connection
_Loop.create_unix_server = create_unix_server
