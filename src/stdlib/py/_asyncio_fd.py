"""The event loop's methods over file descriptors, written in Python on the
native loop's one-shot readiness futures (`loop._wait_io(fd, write)`):
add_reader/add_writer and their removal, the sock_* coroutines for real
`socket.socket` objects in non-blocking mode, getaddrinfo/getnameinfo and
run_in_executor (the default executor: a ThreadPoolExecutor, as CPython's),
and add_signal_handler over `signal.set_wakeup_fd`.

While every task waits on a socket the loop's thread sits in poll(2) with
the GIL released, so nobody holds it."""

import _asyncio
import _thread

_Loop = _asyncio.EventLoop


def _fileno(fd):
    if isinstance(fd, int):
        return fd
    try:
        fd = int(fd.fileno())
    except (AttributeError, TypeError, ValueError):
        raise ValueError(f"Invalid file object: {fd!r}") from None
    if fd < 0:
        raise ValueError(f"Invalid file descriptor: {fd}")
    return fd


# ---- add_reader / add_writer ----------------------------------------------------

class _Watch:
    """One registered fd callback: re-armed after every call while registered
    (level-triggered, like a selector)."""


    def __init__(self, loop, fd, write, callback, args, table):
        self.loop = loop
        self.fd = fd
        self.write = write
        self.callback = callback
        self.args = args
        self.table = table
        self.fut = None

    def arm(self):
        self.fut = self.loop._wait_io(self.fd, self.write)
        self.fut.add_done_callback(self.ready)

    def ready(self, fut):
        if fut.cancelled() or self.table.get(self.fd) is not self:
            return
        try:
            self.callback(*self.args)
        finally:
            if self.table.get(self.fd) is self:
                self.arm()

    def cancel(self):
        if self.fut is not None:
            self.fut.cancel()
            self.fut = None


def _table(loop, write):
    extra = loop._extra()
    key = 'writers' if write else 'readers'
    t = extra.get(key)
    if t is None:
        t = extra[key] = {}
    return t


def _add(loop, fd, write, callback, args):
    if loop.is_closed():
        raise RuntimeError('Event loop is closed')
    fd = _fileno(fd)
    table = _table(loop, write)
    old = table.pop(fd, None)
    if old is not None:
        old.cancel()
    w = _Watch(loop, fd, write, callback, args, table)
    table[fd] = w
    w.arm()


def _remove(loop, fd, write):
    if loop.is_closed():
        return False
    fd = _fileno(fd)
    w = _table(loop, write).pop(fd, None)
    if w is None:
        return False
    w.cancel()
    return True


def add_reader(self, fd, callback, *args):
    """Calls callback(*args) whenever fd is readable."""
    _add(self, fd, False, callback, args)


def add_writer(self, fd, callback, *args):
    """Calls callback(*args) whenever fd is writable."""
    _add(self, fd, True, callback, args)


def remove_reader(self, fd):
    """Stops watching fd for reading; True if it was watched."""
    return _remove(self, fd, False)


def remove_writer(self, fd):
    """Stops watching fd for writing; True if it was watched."""
    return _remove(self, fd, True)


# ---- sock_* ---------------------------------------------------------------------

def _check_sock(loop, sock):
    if loop.get_debug() and sock.gettimeout() != 0:
        raise ValueError("the socket must be non-blocking")


async def _retry(loop, sock, write, op, *args):
    """sock.op(*args) until it does not raise BlockingIOError, waiting for the
    socket's readiness in between (the loop polls; nobody holds the GIL).
    The method is looked up on each try, as CPython's loop does."""
    _check_sock(loop, sock)
    while True:
        try:
            return getattr(sock, op)(*args)
        except (BlockingIOError, InterruptedError):
            pass
        await loop._wait_io(sock.fileno(), write)


async def sock_recv(self, sock, n):
    """Receives up to n bytes from a non-blocking socket."""
    return await _retry(self, sock, False, 'recv', n)


async def sock_recv_into(self, sock, buf):
    """Receives into buf; returns the number of bytes."""
    return await _retry(self, sock, False, 'recv_into', buf)


async def sock_recvfrom(self, sock, bufsize):
    """Receives a datagram: (data, address)."""
    return await _retry(self, sock, False, 'recvfrom', bufsize)


async def sock_recvfrom_into(self, sock, buf, nbytes=0):
    """Receives a datagram into buf: (nbytes, address)."""
    return await _retry(self, sock, False, 'recvfrom_into', buf, nbytes)


async def sock_sendto(self, sock, data, address):
    """Sends a datagram; returns the number of bytes sent."""
    return await _retry(self, sock, True, 'sendto', data, address)


async def sock_sendall(self, sock, data):
    """Sends all of data, waiting for the socket to drain as needed."""
    _check_sock(self, sock)
    view = memoryview(data).cast('B')
    pos = 0
    total = len(view)
    while True:
        try:
            pos += sock.send(view[pos:])
        except (BlockingIOError, InterruptedError):
            pass
        if pos >= total:
            return None
        await self._wait_io(sock.fileno(), True)


async def sock_accept(self, sock):
    """Accepts a connection: (conn, address), conn non-blocking."""
    conn, address = await _retry(self, sock, False, 'accept')
    conn.setblocking(False)
    return conn, address


async def _resolved(loop, sock, address):
    import socket
    if sock.family not in (socket.AF_INET, socket.AF_INET6):
        return address
    host, port = address[:2]
    try:
        socket.inet_pton(sock.family, host)
        return address
    except (OSError, TypeError, ValueError):
        pass
    infos = await loop.getaddrinfo(host, port, family=sock.family, type=sock.type, proto=sock.proto)
    if not infos:
        raise OSError(f'getaddrinfo({host!r}) returned empty list')
    return infos[0][4]


async def sock_connect(self, sock, address):
    """Connects a non-blocking socket; the loop goes on meanwhile."""
    import socket
    _check_sock(self, sock)
    address = await _resolved(self, sock, address)
    try:
        sock.connect(address)
        return None
    except (BlockingIOError, InterruptedError):
        pass
    await self._wait_io(sock.fileno(), True)
    err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    if err != 0:
        raise OSError(err, f'Connect call failed {address}')
    return None


async def getaddrinfo(self, host, port, *, family=0, type=0, proto=0, flags=0):
    """socket.getaddrinfo in the default executor."""
    import socket
    return await self.run_in_executor(None, socket.getaddrinfo, host, port, family, type, proto, flags)


async def getnameinfo(self, sockaddr, flags=0):
    """socket.getnameinfo in the default executor."""
    import socket
    return await self.run_in_executor(None, socket.getnameinfo, sockaddr, flags)


def _check_sendfile_params(file, offset, count):
    if 'b' not in getattr(file, 'mode', 'b'):
        raise ValueError("file should be opened in binary mode")
    if count is not None:
        if not isinstance(count, int):
            raise TypeError(f"count must be a positive integer (got {count!r})")
        if count <= 0:
            raise ValueError(f"count must be a positive integer (got {count!r})")
    if not isinstance(offset, int):
        raise TypeError(f"offset must be a non-negative integer (got {offset!r})")
    if offset < 0:
        raise ValueError(f"offset must be a non-negative integer (got {offset!r})")


async def sock_sendfile(self, sock, file, offset=0, count=None, *, fallback=True):
    """Sends a file over a non-blocking stream socket (read in chunks and
    sent with sock_sendall); returns the bytes sent, leaves the file
    positioned after them."""
    import socket
    _check_sock(self, sock)
    if sock.type != socket.SOCK_STREAM:
        raise ValueError("only SOCK_STREAM type sockets are supported")
    _check_sendfile_params(file, offset, count)
    if offset:
        file.seek(offset)
    blocksize = min(count, 256 * 1024) if count else 256 * 1024
    total = 0
    try:
        while True:
            if count:
                blocksize = min(count - total, blocksize)
                if blocksize <= 0:
                    break
            data = file.read(blocksize)
            if not data:
                break
            await sock_sendall(self, sock, data)
            total += len(data)
        return total
    finally:
        if total > 0 and hasattr(file, 'seek'):
            file.seek(offset + total)


# ---- executors ------------------------------------------------------------------

def _copy_result(fut, cfut):
    if fut.done():
        return
    if cfut.cancelled():
        fut.cancel()
        return
    exc = cfut.exception()
    if exc is not None:
        fut.set_exception(_convert_exc(exc))
    else:
        fut.set_result(cfut.result())


def _convert_exc(exc):
    """concurrent.futures' CancelledError and InvalidStateError as asyncio's
    (CPython's wrap_future converts them so)."""
    import concurrent.futures
    if type(exc) is concurrent.futures.CancelledError:
        return _asyncio.CancelledError(*exc.args)
    if type(exc) is concurrent.futures.InvalidStateError:
        return _asyncio.InvalidStateError(*exc.args)
    return exc


def wrap_future(cfut, *, loop=None):
    """An asyncio future following a concurrent.futures one."""
    if _asyncio.isfuture(cfut):
        return cfut
    if loop is None:
        from asyncio import get_event_loop
        loop = get_event_loop()
    fut = loop.create_future()

    def done(cf):
        if not loop.is_closed():
            loop.call_soon_threadsafe(_copy_result, fut, cf)

    def cancel_inner(f):
        if f.cancelled():
            cfut.cancel()

    fut.add_done_callback(cancel_inner)
    cfut.add_done_callback(done)
    return fut


def run_in_executor(self, executor, func, *args):
    """Runs func(*args) in executor (None: the loop's default ThreadPoolExecutor)."""
    if self.is_closed():
        raise RuntimeError('Event loop is closed')
    if executor is None:
        extra = self._extra()
        executor = extra.get('executor')
        if executor is None:
            if extra.get('executor_shutdown'):
                raise RuntimeError('Executor shutdown has been called')
            import concurrent.futures
            executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix='asyncio')
            extra['executor'] = executor
    return wrap_future(executor.submit(func, *args), loop=self)


def set_default_executor(self, executor):
    """Replaces the default executor."""
    self._extra()['executor'] = executor


async def shutdown_default_executor(self, timeout=None):
    """Shuts the default executor down, its join in a thread of its own."""
    extra = self._extra()
    extra['executor_shutdown'] = True
    executor = extra.pop('executor', None)
    if executor is None:
        return
    fut = self.create_future()

    def join():
        try:
            executor.shutdown(wait=True)
        finally:
            if not self.is_closed():
                self.call_soon_threadsafe(_copy_result_none, fut)
    import threading
    thread = threading.Thread(target=join)
    thread.start()
    try:
        await fut
    finally:
        thread.join()


def _copy_result_none(fut):
    if not fut.done():
        fut.set_result(None)


shutdown_default_executor.__qualname__ = "BaseEventLoop.shutdown_default_executor"


# ---- signals --------------------------------------------------------------------

def _sighandler_noop(signum, frame):
    """The Python-level handler while the loop handles a signal: the OS
    handler has written the signal number to the loop's wake-up pipe."""


def _check_signal(sig):
    import signal
    if not isinstance(sig, int):
        raise TypeError(f'sig must be an int, not {sig!r}')
    if sig not in signal.valid_signals():
        raise ValueError(f'invalid signal number {sig}')


def _read_signals(loop, rfd):
    import os
    while True:
        try:
            data = os.read(rfd, 4096)
        except (BlockingIOError, InterruptedError):
            return
        if not data:
            return
        handlers = loop._extra().get('signals', {})
        for sig in data:
            h = handlers.get(sig)
            if h is None:
                continue
            if h.cancelled():
                remove_signal_handler(loop, sig)
            else:
                loop.call_soon(h._run)


class _SignalHandle:
    """What add_signal_handler registers (a Handle: cancel() removes it)."""

    def __init__(self, callback, args):
        self._callback = callback
        self._args = args
        self._cancelled = False

    def cancel(self):
        self._cancelled = True

    def cancelled(self):
        return self._cancelled

    def _run(self):
        if not self._cancelled:
            self._callback(*self._args)

    def __repr__(self):
        return f'<Handle {getattr(self._callback, "__qualname__", self._callback)!r}>'


def add_signal_handler(self, sig, callback, *args):
    """Runs callback(*args) as a loop callback each time signal sig arrives."""
    import os
    import signal
    from asyncio import iscoroutine, iscoroutinefunction
    if iscoroutine(callback) or iscoroutinefunction(callback):
        raise TypeError("coroutines cannot be used with add_signal_handler()")
    _check_signal(sig)
    if self.is_closed():
        raise RuntimeError('Event loop is closed')
    extra = self._extra()
    pipe = extra.get('signal_pipe')
    if pipe is None:
        r, w = os.pipe()
        os.set_blocking(r, False)
        os.set_blocking(w, False)
        pipe = extra['signal_pipe'] = (r, w)
        self.add_reader(r, _read_signals, self, r)
    try:
        signal.set_wakeup_fd(pipe[1])
    except (ValueError, OSError) as exc:
        raise RuntimeError(str(exc))
    handlers = extra.setdefault('signals', {})
    handlers[sig] = _SignalHandle(callback, args)
    try:
        signal.signal(sig, _sighandler_noop)
    except OSError as exc:
        del handlers[sig]
        if not handlers:
            try:
                signal.set_wakeup_fd(-1)
            except (ValueError, OSError):
                pass
        import errno
        if exc.errno == errno.EINVAL:
            # SIGKILL, SIGSTOP: CPython's loop says so in its own words.
            raise RuntimeError(f'sig {sig:d} cannot be caught')
        raise


def remove_signal_handler(self, sig):
    """Removes the handler of sig (the signal's default comes back); True if one was set."""
    import signal
    _check_signal(sig)
    handlers = self._extra().get('signals', {})
    if handlers.pop(sig, None) is None:
        return False
    handler = signal.default_int_handler if sig == signal.SIGINT else signal.SIG_DFL
    signal.signal(sig, handler)
    if not handlers:
        try:
            signal.set_wakeup_fd(-1)
        except (ValueError, OSError):
            pass
    return True


_native_close = _Loop.close


def close(self):
    """Closes the loop: its signal handlers and wake-up pipe go too."""
    if self.is_running():
        raise RuntimeError("Cannot close a running event loop")
    if not self.is_closed():
        extra = self._extra()
        for sig in list(extra.get('signals', ())):
            remove_signal_handler(self, sig)
        pipe = extra.pop('signal_pipe', None)
        if pipe is not None:
            import os
            self.remove_reader(pipe[0])
            os.close(pipe[0])
            os.close(pipe[1])
        executor = extra.pop('executor', None)
        if executor is not None:
            executor.shutdown(wait=False)
    _native_close(self)


for _f in (add_reader, add_writer, remove_reader, remove_writer, sock_recv, sock_recv_into,
           sock_recvfrom, sock_recvfrom_into, sock_sendto, sock_sendall, sock_accept, sock_connect,
           sock_sendfile,
           getaddrinfo, getnameinfo, run_in_executor, set_default_executor, shutdown_default_executor,
           add_signal_handler, remove_signal_handler, close):
    setattr(_Loop, _f.__name__, _f)
del _f

# CPython's loops have this attribute (its tests shut the executor down by it).
_Loop._default_executor = property(lambda self: self._extra().get('executor'))
