"""asyncio.subprocess for gilt: create_subprocess_exec/_shell and Process.

The child is started by CPython's subprocess.Popen (gilt's native
fork_exec); its pipes are set non-blocking and read and written by the
streams of _asyncio_streams through the loop's readiness futures. A
watcher thread reaps the child (os.waitpid with the GIL released: a
`process` wait in the views) and hands the exit status to the loop."""

import os
import _thread
import subprocess as _subprocess
from _asyncio import get_running_loop, gather
from _asyncio_streams import StreamReader, StreamWriter

__all__ = ('create_subprocess_exec', 'create_subprocess_shell')

PIPE = _subprocess.PIPE
STDOUT = _subprocess.STDOUT
DEVNULL = _subprocess.DEVNULL

_LIMIT = 2 ** 16


class _PipeEnd:
    """One end of a pipe to the child, as the streams see a socket: recv and
    send return None / 0 instead of blocking."""

    def __init__(self, file):
        self._file = file
        self._fd = file.fileno()
        os.set_blocking(self._fd, False)

    def fileno(self):
        return self._fd

    def recv(self, n):
        try:
            return os.read(self._fd, n)
        except (BlockingIOError, InterruptedError):
            return None

    def send(self, data):
        try:
            return os.write(self._fd, data)
        except (BlockingIOError, InterruptedError):
            return 0

    def shutdown_write(self):
        self.close()

    def close(self):
        if self._fd >= 0:
            self._fd = -1
            self._file.close()

    def getsockname(self):
        return None

    def getpeername(self):
        raise OSError('not a socket')


class Process:
    """A child process: pid, returncode, stdin/stdout/stderr streams,
    wait(), communicate(), send_signal(), terminate(), kill()."""

    def __init__(self, popen, loop, limit):
        self._popen = popen
        self._loop = loop
        self.pid = popen.pid
        self._returncode = None
        self._waiters = []
        self.stdin = StreamWriter(_PipeEnd(popen.stdin)) if popen.stdin is not None else None
        self.stdout = StreamReader(_PipeEnd(popen.stdout), limit) if popen.stdout is not None else None
        self.stderr = StreamReader(_PipeEnd(popen.stderr), limit) if popen.stderr is not None else None
        _thread.start_new_thread(self._reap, ())

    def __repr__(self):
        return f'<Process {self.pid}>'

    def _reap(self):
        # A thread of its own: waitpid blocks without the GIL.
        rc = self._popen.wait()
        try:
            self._loop.call_soon_threadsafe(self._exited, rc)
        except RuntimeError:
            pass  # the loop is closed: nobody waits any more

    def _exited(self, rc):
        self._returncode = rc
        waiters, self._waiters = self._waiters, []
        for w in waiters:
            if not w.done():
                w.set_result(rc)

    @property
    def returncode(self):
        return self._returncode

    async def wait(self):
        """Waits for the child to exit; returns its returncode."""
        if self._returncode is not None:
            return self._returncode
        w = self._loop.create_future()
        self._waiters.append(w)
        return await w

    def _check_alive(self):
        if self._returncode is not None:
            raise ProcessLookupError()

    def send_signal(self, signal):
        self._check_alive()
        self._popen.send_signal(signal)

    def terminate(self):
        self._check_alive()
        self._popen.terminate()

    def kill(self):
        self._check_alive()
        self._popen.kill()

    async def _feed_stdin(self, input):
        try:
            self.stdin.write(input)
            await self.stdin.drain()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.stdin.close()

    async def _noop(self):
        return None

    async def _read_stream(self, stream):
        output = await stream.read()
        stream._sock.close()
        return output

    async def communicate(self, input=None):
        """Sends input (then closes stdin), reads stdout and stderr to EOF,
        waits for the exit; returns (stdout_data, stderr_data)."""
        if self.stdin is not None:
            stdin = self._feed_stdin(input) if input is not None else self._noop()
        else:
            stdin = self._noop()
        stdout = self._read_stream(self.stdout) if self.stdout is not None else self._noop()
        stderr = self._read_stream(self.stderr) if self.stderr is not None else self._noop()
        stdin, stdout, stderr = await gather(stdin, stdout, stderr)
        await self.wait()
        return (stdout, stderr)


def _check_kwds(kwds):
    if kwds.pop('universal_newlines', False):
        raise ValueError("universal_newlines must be False")
    if kwds.pop('bufsize', 0) != 0:
        raise ValueError("bufsize must be 0")
    if kwds.pop('text', None):
        raise ValueError("text must be False")
    if kwds.pop('encoding', None) is not None:
        raise ValueError("encoding must be None")
    if kwds.pop('errors', None) is not None:
        raise ValueError("errors must be None")


async def create_subprocess_exec(program, *args, stdin=None, stdout=None, stderr=None,
                                 limit=_LIMIT, **kwds):
    """Starts program with args; returns a Process."""
    loop = get_running_loop()
    _check_kwds(kwds)
    if kwds.pop('shell', False):
        raise ValueError("shell must be False")
    popen = _subprocess.Popen((program,) + args, stdin=stdin, stdout=stdout, stderr=stderr,
                              bufsize=0, **kwds)
    return Process(popen, loop, limit)


async def create_subprocess_shell(cmd, stdin=None, stdout=None, stderr=None, limit=_LIMIT, **kwds):
    """Runs cmd through the shell; returns a Process."""
    loop = get_running_loop()
    if not isinstance(cmd, (bytes, str)):
        raise ValueError("cmd must be a string")
    _check_kwds(kwds)
    if not kwds.pop('shell', True):
        raise ValueError("shell must be True")
    popen = _subprocess.Popen(cmd, stdin=stdin, stdout=stdout, stderr=stderr, shell=True,
                              bufsize=0, **kwds)
    return Process(popen, loop, limit)
