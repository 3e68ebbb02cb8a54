"""asyncio.subprocess for gilt: create_subprocess_exec/_shell and Process.

As CPython's: the child is started by loop.subprocess_exec/_shell
(_asyncio_pipes: CPython's subprocess.Popen on gilt's native fork_exec,
each pipe watched by the loop) with a protocol that feeds the child's
stdout and stderr into StreamReaders as the data arrives, so a child
writing more than a pipe buffer never waits for the script to read."""

import _asyncio_pipes  # noqa: F401  (loop.subprocess_exec and the pipe transports)
import subprocess as _subprocess
from _asyncio import get_running_loop, gather
from _asyncio_streams import StreamReader, StreamWriter, FlowControlMixin

__all__ = ('create_subprocess_exec', 'create_subprocess_shell')

PIPE = _subprocess.PIPE
STDOUT = _subprocess.STDOUT
DEVNULL = _subprocess.DEVNULL

_LIMIT = 2 ** 16


class SubprocessStreamProtocol(FlowControlMixin):
    """Feeds the child's stdout/stderr into StreamReaders; stdin is a
    StreamWriter over its pipe transport, with this protocol's flow
    control."""

    def __init__(self, limit, loop):
        super().__init__(loop)
        self._limit = limit
        self.stdin = self.stdout = self.stderr = None
        self._transport = None
        self._process_exited = False
        self._pipe_fds = []
        self._stdin_closed = None

    def __repr__(self):
        info = [type(self).__name__]
        if self.stdin is not None:
            info.append(f'stdin={self.stdin!r}')
        if self.stdout is not None:
            info.append(f'stdout={self.stdout!r}')
        if self.stderr is not None:
            info.append(f'stderr={self.stderr!r}')
        return '<{}>'.format(' '.join(info))

    def connection_made(self, transport):
        self._transport = transport
        pipe = transport.get_pipe_transport(1)
        if pipe is not None:
            self.stdout = StreamReader(limit=self._limit)
            self.stdout.set_transport(pipe)
            self._pipe_fds.append(1)
        pipe = transport.get_pipe_transport(2)
        if pipe is not None:
            self.stderr = StreamReader(limit=self._limit)
            self.stderr.set_transport(pipe)
            self._pipe_fds.append(2)
        pipe = transport.get_pipe_transport(0)
        if pipe is not None:
            self.stdin = StreamWriter(pipe, self, None, self._loop)

    def pipe_data_received(self, fd, data):
        reader = self.stdout if fd == 1 else self.stderr if fd == 2 else None
        if reader is not None:
            reader.feed_data(data)

    def pipe_connection_lost(self, fd, exc):
        if fd == 0:
            pipe = self._transport.get_pipe_transport(0)
            if pipe is not None:
                pipe.close()
            self.connection_lost(exc)
            return
        reader = self.stdout if fd == 1 else self.stderr if fd == 2 else None
        if reader is not None:
            if exc is None:
                reader.feed_eof()
            else:
                reader.set_exception(exc)
        if fd in self._pipe_fds:
            self._pipe_fds.remove(fd)
        self._maybe_close_transport()

    def process_exited(self):
        self._process_exited = True
        self._maybe_close_transport()

    def _maybe_close_transport(self):
        if not self._pipe_fds and self._process_exited:
            self._transport.close()
            self._transport = None

    def connection_lost(self, exc):
        super().connection_lost(exc)
        waiter = self._stdin_closed
        if waiter is not None and not waiter.done():
            if exc is None:
                waiter.set_result(None)
            else:
                waiter.set_exception(exc)

    def _get_close_waiter(self, stream):
        if self._stdin_closed is None:
            self._stdin_closed = self._loop.create_future()
            if self._connection_lost:
                self._stdin_closed.set_result(None)
        return self._stdin_closed


class Process:
    """A child process: pid, returncode, stdin/stdout/stderr streams,
    wait(), communicate(), send_signal(), terminate(), kill()."""

    def __init__(self, transport, protocol, loop):
        self._transport = transport
        self._protocol = protocol
        self._loop = loop
        self.stdin = protocol.stdin
        self.stdout = protocol.stdout
        self.stderr = protocol.stderr
        self.pid = transport.get_pid()

    def __repr__(self):
        return f'<Process {self.pid}>'

    @property
    def returncode(self):
        return self._transport.get_returncode()

    async def wait(self):
        """Waits for the child to exit; returns its returncode."""
        return await self._transport._wait()

    def send_signal(self, signal):
        self._transport.send_signal(signal)

    def terminate(self):
        self._transport.terminate()

    def kill(self):
        self._transport.kill()

    async def _feed_stdin(self, input):
        self.stdin.write(input)
        try:
            await self.stdin.drain()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.stdin.close()

    async def _noop(self):
        return None

    async def _read_stream(self, fd):
        transport = self._transport.get_pipe_transport(fd)
        stream = self.stderr if fd == 2 else self.stdout
        output = await stream.read()
        transport.close()
        return output

    async def communicate(self, input=None):
        """Sends input (then closes stdin), reads stdout and stderr to EOF,
        waits for the exit; returns (stdout_data, stderr_data)."""
        if input is not None:
            stdin = self._feed_stdin(input)
        else:
            stdin = self._noop()
        stdout = self._read_stream(1) if self.stdout is not None else self._noop()
        stderr = self._read_stream(2) if self.stderr is not None else self._noop()
        stdin, stdout, stderr = await gather(stdin, stdout, stderr)
        await self.wait()
        return (stdout, stderr)


async def create_subprocess_exec(program, *args, stdin=None, stdout=None, stderr=None,
                                 limit=_LIMIT, **kwds):
    """Starts program with args; returns a Process."""
    loop = get_running_loop()
    transport, protocol = await loop.subprocess_exec(
        lambda: SubprocessStreamProtocol(limit=limit, loop=loop), program, *args,
        stdin=stdin, stdout=stdout, stderr=stderr, **kwds)
    return Process(transport, protocol, loop)


async def create_subprocess_shell(cmd, stdin=None, stdout=None, stderr=None, limit=_LIMIT, **kwds):
    """Runs cmd through the shell; returns a Process."""
    loop = get_running_loop()
    transport, protocol = await loop.subprocess_shell(
        lambda: SubprocessStreamProtocol(limit=limit, loop=loop), cmd,
        stdin=stdin, stdout=stdout, stderr=stderr, **kwds)
    return Process(transport, protocol, loop)
