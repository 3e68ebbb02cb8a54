"""Pipe transports for gilt's asyncio: loop.connect_read_pipe /
connect_write_pipe and loop.subprocess_exec / subprocess_shell.

The loop watches each pipe's fd (add_reader / add_writer, level-triggered)
and feeds the protocol as data arrives, as CPython's unix transports do:
a child writing more than a pipe buffer never blocks because the script
has not asked for its output yet. Flow control is the protocol's: a
StreamReader pauses the read transport when its buffer passes twice its
limit and resumes it once read below the limit."""

import os
import _thread
import _asyncio
from _asyncio_transports import BaseTransport, _FlowControl, _HIGH_WATER, _LoopTransport, _connect_transport, _set_done

_Loop = _asyncio.EventLoop

_MAX_READ = 256 * 1024


def _report(loop, message, exc, **extra):
    """An error no caller can see: to the loop's exception handler, else
    the 'asyncio' logger (CPython's default handler)."""
    context = {'message': message, 'exception': exc}
    context.update(extra)
    handler = loop.get_exception_handler()
    if handler is not None:
        handler(loop, context)
        return
    import logging
    logging.getLogger('asyncio').error(message, exc_info=(type(exc), exc, exc.__traceback__))


def _pipe_repr(transport, write):
    """A pipe transport's repr as CPython's: closed/closing, the fd, then
    whether the loop polls it (or 'open' once the loop is closed)."""
    info = [type(transport).__name__]
    if transport._pipe is None:
        info.append('closed')
    elif transport._closing:
        info.append('closing')
    info.append(f'fd={transport._fileno}')
    loop = transport._loop
    if transport._pipe is not None and loop is not None and not loop.is_closed():
        table = loop._extra().get('writers' if write else 'readers')
        info.append('polling' if table and transport._fileno in table else 'idle')
        if write:
            info.append(f'bufsize={transport.get_write_buffer_size()}')
    elif transport._pipe is not None:
        info.append('open')
    else:
        info.append('closed')
    return '<{}>'.format(' '.join(info))


def _fd_of(pipe):
    return pipe if isinstance(pipe, int) else pipe.fileno()


def _is_pipe_like(fd):
    """A pipe or socket (or, as CPython allows, a character device: a
    terminal): what the loop can wait on. A regular file is always ready."""
    import stat
    mode = os.fstat(fd).st_mode
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode) or stat.S_ISCHR(mode)


class _UnixReadPipeTransport(_LoopTransport):
    """The read end of a pipe (or a socket/character device) driving a
    Protocol: data_received per chunk, eof_received then connection_lost
    at EOF."""

    def __init__(self, loop, pipe, protocol, waiter=None, extra=None):
        super().__init__(extra)
        self._extra['pipe'] = pipe
        self._loop = loop
        self._pipe = pipe
        self._fileno = _fd_of(pipe)
        self._protocol = protocol
        self._closing = False
        self._paused = False
        if not _is_pipe_like(self._fileno):
            self._pipe = self._protocol = None
            raise ValueError('Pipe transport is for pipes/sockets only.')
        os.set_blocking(self._fileno, False)
        loop.call_soon(protocol.connection_made, self)
        loop.call_soon(loop.add_reader, self._fileno, self._read_ready)
        if waiter is not None:
            loop.call_soon(_set_done, waiter)

    def __repr__(self):
        return _pipe_repr(self, False)

    def _read_ready(self):
        try:
            data = os.read(self._fileno, _MAX_READ)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._fatal_error(exc, 'Fatal read error on pipe transport')
            return
        if data:
            self._protocol.data_received(data)
            return
        self._closing = True
        self._loop.remove_reader(self._fileno)
        self._loop.call_soon(self._protocol.eof_received)
        self._loop.call_soon(self._call_connection_lost, None)

    def pause_reading(self):
        if self._closing or self._paused:
            return
        self._paused = True
        self._loop.remove_reader(self._fileno)

    def resume_reading(self):
        if self._closing or not self._paused:
            return
        self._paused = False
        self._loop.add_reader(self._fileno, self._read_ready)

    def is_reading(self):
        return not self._paused and not self._closing

    def close(self):
        if not self._closing:
            self._close(None)

    def _fatal_error(self, exc, message):
        if not isinstance(exc, OSError) or exc.errno is None:
            _report(self._loop, message, exc, transport=self, protocol=self._protocol)
        self._close(exc)

    def _close(self, exc):
        self._closing = True
        self._loop.remove_reader(self._fileno)
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        if self._pipe is None:
            return
        try:
            self._protocol.connection_lost(exc)
        finally:
            pipe, self._pipe = self._pipe, None
            _close_pipe(pipe)


class _UnixWritePipeTransport(_FlowControl, _LoopTransport):
    """The write end of a pipe driving a Protocol: writes go straight to
    the fd, the rest is buffered and written as the loop sees the pipe
    writable; pause_writing/resume_writing past the water marks."""

    def __init__(self, loop, pipe, protocol, waiter=None, extra=None):
        super().__init__(extra)
        self._extra['pipe'] = pipe
        self._loop = loop
        self._pipe = pipe
        self._fileno = _fd_of(pipe)
        self._protocol = protocol
        self._buffer = bytearray()
        if not _is_pipe_like(self._fileno):
            self._pipe = self._protocol = None
            raise ValueError('Pipe transport is only for pipes, sockets and character devices')
        self._closing = False
        self._lost = False
        self._protocol_paused = False
        self._high = _HIGH_WATER
        self._low = _HIGH_WATER // 4
        os.set_blocking(self._fileno, False)
        loop.call_soon(protocol.connection_made, self)
        import stat
        mode = os.fstat(self._fileno).st_mode
        # As CPython's: the write end of a pipe or a socket turns readable
        # when the reading end is closed (a child that died), which is how
        # the transport learns that the connection is lost.
        self._watch_hangup = stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)
        if self._watch_hangup:
            loop.call_soon(loop.add_reader, self._fileno, self._read_ready)
        if waiter is not None:
            loop.call_soon(_set_done, waiter)

    def _read_ready(self):
        if self._buffer:
            self._close(BrokenPipeError())
        else:
            self._close(None)

    def _stop_watching_hangup(self):
        if self._watch_hangup:
            self._watch_hangup = False
            self._loop.remove_reader(self._fileno)

    def __repr__(self):
        return _pipe_repr(self, True)

    def write(self, data):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f'data argument must be a bytes-like object, not {type(data).__name__!r}')
        data = bytes(data)
        if not data or self._lost or self._pipe is None:
            return
        if not self._buffer:
            try:
                n = os.write(self._fileno, data)
            except (BlockingIOError, InterruptedError):
                n = 0
            except OSError as exc:
                self._fatal_error(exc, 'Fatal write error on pipe transport')
                return
            if n == len(data):
                return
            data = data[n:]
            self._loop.add_writer(self._fileno, self._write_ready)
        self._buffer.extend(data)
        self._maybe_pause_protocol()

    def writelines(self, list_of_data):
        self.write(b''.join(list_of_data))

    def _write_ready(self):
        try:
            n = os.write(self._fileno, self._buffer)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._buffer.clear()
            self._loop.remove_writer(self._fileno)
            self._fatal_error(exc, 'Fatal write error on pipe transport')
            return
        del self._buffer[:n]
        self._maybe_resume_protocol()
        if self._buffer:
            return
        self._loop.remove_writer(self._fileno)
        if self._closing:
            self._stop_watching_hangup()
            self._loop.call_soon(self._call_connection_lost, None)

    def can_write_eof(self):
        return True

    def write_eof(self):
        if self._closing:
            return
        self._closing = True
        if not self._buffer:
            self._stop_watching_hangup()
            self._loop.call_soon(self._call_connection_lost, None)

    def close(self):
        if self._pipe is not None and not self._closing:
            self.write_eof()

    def abort(self):
        self._close(None)

    def _fatal_error(self, exc, message):
        if not isinstance(exc, OSError):
            _report(self._loop, message, exc, transport=self, protocol=self._protocol)
        self._close(exc)

    def _close(self, exc):
        self._closing = True
        if self._buffer:
            self._loop.remove_writer(self._fileno)
            self._buffer.clear()
        self._stop_watching_hangup()
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        if self._lost:
            return
        self._lost = True
        try:
            self._protocol.connection_lost(exc)
        finally:
            pipe, self._pipe = self._pipe, None
            _close_pipe(pipe)


def _close_pipe(pipe):
    if isinstance(pipe, int):
        os.close(pipe)
    else:
        pipe.close()





async def connect_read_pipe(self, protocol_factory, pipe):
    """Reads the pipe (a file object) into protocol_factory()."""
    return await _connect_transport(self, _UnixReadPipeTransport, protocol_factory, pipe)


async def connect_write_pipe(self, protocol_factory, pipe):
    """A write transport over the pipe (a file object)."""
    return await _connect_transport(self, _UnixWritePipeTransport, protocol_factory, pipe)


# ---- subprocesses ---------------------------------------------------------------

class _PipeProto:
    """The protocol of one of a child's pipes: forwards to the subprocess
    transport, which forwards to the SubprocessProtocol with the fd."""

    def __init__(self, proc, fd):
        self.proc = proc
        self.fd = fd
        self.pipe = None
        self.disconnected = False

    def connection_made(self, transport):
        self.pipe = transport

    def connection_lost(self, exc):
        self.disconnected = True
        self.proc._pipe_connection_lost(self.fd, exc)

    def pause_writing(self):
        self.proc._protocol.pause_writing()

    def resume_writing(self):
        self.proc._protocol.resume_writing()

    def data_received(self, data):
        self.proc._pipe_data_received(self.fd, data)

    def eof_received(self):
        pass


class _SubprocessTransport(BaseTransport):
    """A child started by CPython's subprocess.Popen, its pipes watched by
    the loop; a thread of its own reaps it (waitpid with the GIL released,
    a `process` wait in the views) and hands the status to the loop."""

    def __init__(self, loop, protocol, args, shell, stdin, stdout, stderr, bufsize, extra, **kwargs):
        super().__init__(extra)
        import subprocess
        self._loop = loop
        self._protocol = protocol
        self._closed = False
        self._finished = False
        self._returncode = None
        self._exit_waiters = []
        self._pending_calls = []
        self._pipes = {}
        if stdin == subprocess.PIPE:
            self._pipes[0] = None
        if stdout == subprocess.PIPE:
            self._pipes[1] = None
        if stderr == subprocess.PIPE:
            self._pipes[2] = None
        self._proc = subprocess.Popen(args, shell=shell, stdin=stdin, stdout=stdout, stderr=stderr,
                                      universal_newlines=False, bufsize=bufsize, **kwargs)
        self._pid = self._proc.pid
        self._extra['subprocess'] = self._proc
        _thread.start_new_thread(self._reap, ())

    def __repr__(self):
        info = [type(self).__name__]
        if self._closed:
            info.append('closed')
        if self._pid is not None:
            info.append(f'pid={self._pid}')
        if self._returncode is not None:
            info.append(f'returncode={self._returncode}')
        elif self._pid is not None:
            info.append('running')
        else:
            info.append('not started')
        for fd, name in ((0, 'stdin'), (1, 'stdout'), (2, 'stderr')):
            proto = self._pipes.get(fd)
            if proto is not None:
                info.append(f'{name}={proto.pipe}')
        return '<{}>'.format(' '.join(info))

    async def _connect_pipes(self, waiter):
        try:
            proc = self._proc
            loop = self._loop
            if proc.stdin is not None:
                _, pipe = await loop.connect_write_pipe(lambda: _PipeProto(self, 0), proc.stdin)
                self._pipes[0] = pipe
            if proc.stdout is not None:
                _, pipe = await loop.connect_read_pipe(lambda: _PipeProto(self, 1), proc.stdout)
                self._pipes[1] = pipe
            if proc.stderr is not None:
                _, pipe = await loop.connect_read_pipe(lambda: _PipeProto(self, 2), proc.stderr)
                self._pipes[2] = pipe
            loop.call_soon(self._protocol.connection_made, self)
            for callback, data in self._pending_calls:
                loop.call_soon(callback, *data)
            self._pending_calls = None
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if waiter is not None and not waiter.cancelled():
                waiter.set_exception(exc)
            return
        if waiter is not None and not waiter.cancelled():
            waiter.set_result(None)

    def _reap(self):
        # waitpid blocks without the GIL in this thread.
        rc = self._proc.wait()
        try:
            self._loop.call_soon_threadsafe(self._process_exited, rc)
        except RuntimeError:
            pass  # the loop is closed: nobody waits any more

    def set_protocol(self, protocol):
        self._protocol = protocol

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closed

    def close(self):
        if self._closed:
            return
        self._closed = True
        for proto in self._pipes.values():
            if proto is not None:
                proto.pipe.close()
        if self._proc is not None and self._returncode is None and self._proc.poll() is None:
            try:
                self._proc.kill()
            except ProcessLookupError:
                pass

    def get_pid(self):
        return self._pid

    def get_returncode(self):
        return self._returncode

    def get_pipe_transport(self, fd):
        proto = self._pipes.get(fd)
        return None if proto is None else proto.pipe

    def _check_proc(self):
        if self._proc is None:
            raise ProcessLookupError()

    def send_signal(self, signal):
        self._check_proc()
        self._proc.send_signal(signal)

    def terminate(self):
        self._check_proc()
        self._proc.terminate()

    def kill(self):
        self._check_proc()
        self._proc.kill()

    def _call(self, callback, *data):
        if self._pending_calls is not None:
            self._pending_calls.append((callback, data))
        else:
            self._loop.call_soon(callback, *data)

    def _pipe_connection_lost(self, fd, exc):
        self._call(self._protocol.pipe_connection_lost, fd, exc)
        self._try_finish()

    def _pipe_data_received(self, fd, data):
        self._call(self._protocol.pipe_data_received, fd, data)

    def _process_exited(self, returncode):
        if self._proc.returncode is None:
            self._proc.returncode = returncode
        self._returncode = returncode
        self._call(self._protocol.process_exited)
        self._try_finish()
        waiters, self._exit_waiters = self._exit_waiters, []
        for waiter in waiters:
            if not waiter.cancelled():
                waiter.set_result(returncode)

    async def _wait(self):
        """Waits for the child to exit; returns its returncode."""
        if self._returncode is not None:
            return self._returncode
        waiter = self._loop.create_future()
        self._exit_waiters.append(waiter)
        return await waiter

    def _try_finish(self):
        if self._returncode is None or self._finished:
            return
        if all(p is not None and p.disconnected for p in self._pipes.values()):
            self._finished = True
            self._call(self._call_connection_lost, None)

    def _call_connection_lost(self, exc):
        try:
            self._protocol.connection_lost(exc)
        finally:
            self._proc = None


async def _make_subprocess(loop, protocol_factory, args, shell, stdin, stdout, stderr, bufsize,
                           kwargs):
    protocol = protocol_factory()
    transport = _SubprocessTransport(loop, protocol, args, shell, stdin, stdout, stderr, bufsize,
                                     None, **kwargs)
    waiter = loop.create_future()
    try:
        # As CPython's: connection_made is scheduled before the waiter's
        # result wakes this coroutine, so the protocol is ready on return.
        loop.create_task(transport._connect_pipes(waiter))
        await waiter
    except BaseException:
        transport.close()
        await transport._wait()
        raise
    return transport, protocol


def _check_args(universal_newlines, bufsize, encoding, errors, text):
    if universal_newlines:
        raise ValueError("universal_newlines must be False")
    if bufsize != 0:
        raise ValueError("bufsize must be 0")
    if text:
        raise ValueError("text must be False")
    if encoding is not None:
        raise ValueError("encoding must be None")
    if errors is not None:
        raise ValueError("errors must be None")


async def subprocess_exec(self, protocol_factory, program, *args, stdin=-1, stdout=-1, stderr=-1,
                          universal_newlines=False, shell=False, bufsize=0, encoding=None,
                          errors=None, text=None, **kwargs):
    """Starts program with args, its pipes driving protocol_factory()'s
    SubprocessProtocol; returns (transport, protocol)."""
    _check_args(universal_newlines, bufsize, encoding, errors, text)
    if shell:
        raise ValueError("shell must be False")
    popen_args = (program,) + args
    return await _make_subprocess(self, protocol_factory, popen_args, False, stdin, stdout,
                                  stderr, bufsize, kwargs)


async def subprocess_shell(self, protocol_factory, cmd, *, stdin=-1, stdout=-1, stderr=-1,
                           universal_newlines=False, shell=True, bufsize=0, encoding=None,
                           errors=None, text=None, **kwargs):
    """Runs cmd through the shell, its pipes driving protocol_factory()'s
    SubprocessProtocol; returns (transport, protocol)."""
    if not isinstance(cmd, (bytes, str)):
        raise ValueError("cmd must be a string")
    _check_args(universal_newlines, bufsize, encoding, errors, text)
    if not shell:
        raise ValueError("shell must be True")
    return await _make_subprocess(self, protocol_factory, cmd, True, stdin, stdout, stderr,
                                  bufsize, kwargs)


for _f in (connect_read_pipe, connect_write_pipe, subprocess_exec, subprocess_shell):
    setattr(_Loop, _f.__name__, _f)
del _f
