"""multiprocessing for gilt: real processes, each with its own interpreter
and GIL, so CPU-bound work scales even with the GIL on.

Start methods as CPython's on Linux: 'fork' (the default: the child is a
copy of this process, so a script without an `if __name__ == "__main__":`
guard works), 'spawn' (a fresh gilt runs your script as __mp_main__, then
the target) and 'forkserver' (here: as spawn). The protocol is in
_mp_core.py; locks, Value and Array (real shared memory and futexes) in
_mp_sync.py; Pool in _mp_pool.py. Queue, Pipe and Manager objects live in
the process that made them and are served to its children over their
protocol sockets.
"""

import sys
import _mp
import _mp_core
# The native module under os: only the pids are needed here, and a worker
# whose script never imports os then doesn't compile os and os_path.
from posix import getpid as _getpid, getppid as _getppid

__all__ = ['Process', 'current_process', 'parent_process', 'active_children',
           'cpu_count', 'get_context', 'set_start_method', 'get_start_method',
           'get_all_start_methods', 'freeze_support', 'Queue', 'JoinableQueue',
           'SimpleQueue', 'Pipe', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore',
           'Event', 'Condition', 'Barrier', 'Value', 'Array', 'RawValue', 'RawArray',
           'Manager', 'Pool', 'TimeoutError', 'ProcessError', 'AuthenticationError',
           'BufferTooShort', 'ForkProcess', 'SpawnProcess', 'ForkServerProcess',
           'get_logger', 'log_to_stderr', 'set_executable', 'set_forkserver_preload',
           'allow_connection_pickling', 'reducer']


def _sync(name, doc):
    """A factory for _mp_sync's `name`, imported on first use as CPython's
    context methods import multiprocessing.synchronize: a worker process
    that never makes a lock doesn't compile that module at start-up."""
    def make(*args, **kwargs):
        import _mp_sync
        return getattr(_mp_sync, name)(*args, **kwargs)
    make.__name__ = make.__qualname__ = name
    make.__doc__ = doc
    return make


Lock = _sync('Lock', 'Returns a non-recursive lock object')
RLock = _sync('RLock', 'Returns a recursive lock object')
Condition = _sync('Condition', 'Returns a condition object')
Semaphore = _sync('Semaphore', 'Returns a semaphore object')
BoundedSemaphore = _sync('BoundedSemaphore', 'Returns a bounded semaphore object')
Event = _sync('Event', 'Returns an event object')
Barrier = _sync('Barrier', 'Returns a barrier object')
Value = _sync('Value', 'Returns a synchronized shared object')
Array = _sync('Array', 'Returns a synchronized shared array')
RawValue = _sync('RawValue', 'Returns a shared object')
RawArray = _sync('RawArray', 'Returns a shared array')


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


def cpu_count():
    return _mp.cpu_count()


def freeze_support():
    pass


_METHODS = ('fork', 'spawn', 'forkserver')


def _check_method(method):
    if method not in _METHODS:
        raise ValueError('cannot find context for %r' % (method,))


def set_start_method(method, force=False):
    """Chooses how processes started without a context are made."""
    if _mp_core.start_method[0] is not None and not force:
        raise RuntimeError('context has already been set')
    if method is None and force:
        _mp_core.start_method[0] = None
        return
    if method is not None:
        _check_method(method)
    _mp_core.start_method[0] = _mp_core.method_of(method)


def get_start_method(allow_none=False):
    if _mp_core.start_method[0] is None and allow_none:
        return None
    return _mp_core.method_of(None)


def get_all_start_methods():
    return list(_METHODS)


def get_logger():
    """The 'multiprocessing' logger (CPython's multiprocessing.util's)."""
    from multiprocessing import util
    return util.get_logger()


def log_to_stderr(level=None):
    """The 'multiprocessing' logger, printing to stderr."""
    from multiprocessing import util
    return util.log_to_stderr(level)


# What set_executable was given. gilt's spawned workers always run the gilt
# binary that is running (another interpreter cannot speak gilt's worker
# protocol), so it is only recorded.
_executable = [None]


def set_executable(executable):
    """Records the interpreter spawned children should run (see above)."""
    _executable[0] = executable


def set_forkserver_preload(module_names):
    """The modules a fork server would import first. gilt's forkserver start
    method spawns each child, so there is no server to preload."""
    if not all(type(m) is str for m in module_names):
        raise TypeError('module_names must be a list of strings')


def allow_connection_pickling():
    """Connections and sockets can always be sent to gilt's children."""


def __getattr__(name):
    # `reducer` is CPython's multiprocessing.reduction, imported on first
    # use only (it imports socket and pickle).
    if name == 'reducer':
        from multiprocessing import reduction
        return reduction
    raise AttributeError("module 'multiprocessing' has no attribute %r" % (name,))


class _Context:
    """What get_context returns: this module's API under one start method."""

    _name = None

    def get_start_method(self, allow_none=False):
        return self._name

    def set_start_method(self, method, force=False):
        raise ValueError('cannot set start method of concrete context')

    def get_context(self, method=None):
        if method is None:
            return self
        return get_context(method)

    @property
    def Process(self):
        return _PROCESS_CLASSES[self._name]

    def Pool(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        return Pool(processes, initializer, initargs, maxtasksperchild, context=self)

    def __getattr__(self, name):
        try:
            return globals()[name]
        except KeyError:
            raise AttributeError('%r object has no attribute %r' % (type(self).__name__, name)) from None


class ForkContext(_Context):
    _name = 'fork'


class SpawnContext(_Context):
    _name = 'spawn'


class ForkServerContext(_Context):
    _name = 'forkserver'


_CONTEXTS = {'fork': ForkContext(), 'spawn': SpawnContext(), 'forkserver': ForkServerContext()}


def get_context(method=None):
    if method is None:
        method = _mp_core.method_of(None)
    _check_method(method)
    return _CONTEXTS[method]


# ------------------------------------------------------------ Process ----

_counter = [0]
_children = set()


class Process:
    """A process running target(*args, **kwargs), or a subclass's run()."""

    # None: the default start method at start(); a context's class sets one.
    _start_method = None

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        assert group is None, 'group argument must be None for now'
        _counter[0] += 1
        self._identity = (_counter[0],)
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs or {})
        self._name = name or '%s-%d' % ('Process' if type(self) is Process else type(self).__name__, _counter[0])
        self._daemon = bool(daemon) if daemon is not None else False
        self._parent_pid = _getpid()
        self._child = None
        self._closed = False

    def __mp_getstate__(self):
        d = dict(self.__dict__)
        d['_child'] = None
        return d

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        self._check_closed()
        assert self._child is None, 'cannot start a process twice'
        assert self._parent_pid == _getpid(), 'can only start a process object created by current process'
        self._child = _mp_core.Child(('proc', self), daemon=self._daemon, method=self._start_method)
        _children.add(self)

    def _bootstrap(self):
        """Runs in the child: run(), then the exit code CPython would give."""
        # A forked child starts with its parent's children: not its own.
        _children.clear()
        try:
            self.run()
            return 0
        except SystemExit as e:
            c = e.code
            if c is None:
                return 0
            if isinstance(c, int):
                return c
            sys.stderr.write(str(c) + '\n')
            return 1
        except BaseException:
            import traceback
            _mp_core._flush()
            sys.stderr.write('Process %s:\n' % self._name)
            traceback.print_exc()
            return 1

    def _check_closed(self):
        if self._closed:
            raise ValueError('process object is closed')

    def join(self, timeout=None):
        self._check_closed()
        assert self._parent_pid == _getpid(), 'can only join a child process'
        assert self._child is not None, 'can only join a started process'
        if self._child.wait(timeout):
            _children.discard(self)
            out = self._child.outcome
            if out is not None and out[0] == 'bootstrap':
                raise _mp_core.bootstrap_error(out[1], self._child.pid)

    def is_alive(self):
        self._check_closed()
        if self._child is None:
            return False
        alive = not self._child.wait(0)
        if not alive:
            _children.discard(self)
        return alive

    def terminate(self):
        self._check_closed()
        if self._child is not None:
            self._child.terminate()

    def kill(self):
        self._check_closed()
        if self._child is not None:
            self._child.kill()

    def close(self):
        if self._child is not None and not self._child.wait(0):
            raise ValueError('Cannot close a process while it is still running. '
                             'You should first call join() or terminate().')
        self._closed = True

    @property
    def exitcode(self):
        self._check_closed()
        if self._child is None:
            return None
        if self._child.wait(0):
            return self._child.exitcode
        return None

    @property
    def pid(self):
        if _mp_core.current is self:
            return _getpid()
        return self._child.pid if self._child is not None else None

    ident = pid

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, v):
        self._name = v

    @property
    def daemon(self):
        return self._daemon

    @daemon.setter
    def daemon(self, v):
        assert self._child is None, 'process has already started'
        self._daemon = bool(v)

    @property
    def authkey(self):
        return b''

    @property
    def sentinel(self):
        return self.pid

    def __repr__(self):
        if self._child is None:
            st = 'initial'
        elif _mp_core.current is self:
            st = 'started'
        elif self._child.wait(0):
            st = 'stopped'
        else:
            st = 'started'
        ec = ''
        if st == 'stopped' and self._child.exitcode:
            ec = ' exitcode=%s' % self._child.exitcode
        dm = ' daemon' if self._daemon else ''
        return '<%s name=%r %s%s%s>' % (type(self).__name__, self._name, st, ec, dm)


class ForkProcess(Process):
    _start_method = 'fork'


class SpawnProcess(Process):
    _start_method = 'spawn'


class ForkServerProcess(Process):
    _start_method = 'forkserver'


_PROCESS_CLASSES = {None: Process, 'fork': ForkProcess, 'spawn': SpawnProcess,
                    'forkserver': ForkServerProcess}


class _OtherProcess:
    """current_process() in the main process and pool workers, parent_process()."""

    def __init__(self, name, pid, daemon=False):
        self.name = name
        self._pid = pid
        self.daemon = daemon
        self.exitcode = None
        self.authkey = b''

    @property
    def pid(self):
        return self._pid

    ident = pid

    def is_alive(self):
        return True

    def __repr__(self):
        return '<_%sProcess name=%r parent=None started>' % ('Main' if self.name == 'MainProcess' else '', self.name)


_me = [None]


def current_process():
    if _mp_core.current is not None:
        return _mp_core.current
    if _me[0] is None or _me[0].pid != _getpid():
        if _mp_core.current_name:
            _me[0] = _OtherProcess(_mp_core.current_name, _getpid(), True)
        else:
            _me[0] = _OtherProcess('MainProcess', _getpid())
    return _me[0]


def parent_process():
    if not _mp.is_child():
        return None
    return _OtherProcess('MainProcess', _getppid())


def active_children():
    for p in list(_children):
        p.is_alive()
    return list(_children)


# ----------------------------------------------- Queue, Pipe, Manager ----

def _copy(obj):
    """What the receiving process would see: a copy made through the wire
    format (also rejects what cannot be sent, at put/send time)."""
    return _mp.loads(_mp.dumps(obj))


class _Shared:
    """Base of objects served by their owner process; only the reference
    travels to children."""

    def __mp_getstate__(self):
        return {'_ref': self._ref}

    def _call(self, method, *args):
        return _mp_core.call(self._ref, method, args)


_store = []


def _store_class():
    """queue.Queue over a list and a head index: taking the first item is
    O(1) (amortised), whatever the number of items waiting."""
    if _store:
        return _store[0]
    import queue

    class _Store(queue.Queue):
        def _init(self, maxsize):
            self._items = []
            self._head = 0

        def _qsize(self):
            return len(self._items) - self._head

        def _put(self, item):
            self._items.append(item)

        def _get(self):
            i = self._head
            items = self._items
            item = items[i]
            items[i] = None
            i += 1
            if i >= 1024 and i * 2 >= len(items):
                self._items = items[i:]
                i = 0
            self._head = i
            return item

    _store.append(_Store)
    return _Store


class Queue(_Shared):
    """A FIFO shared by processes: it lives in the process that made it."""

    def __init__(self, maxsize=0, *, ctx=None):
        self._maxsize = maxsize if maxsize > 0 else 0
        self._ref = _mp_core.register(_store_class()(self._maxsize))

    def __mp_getstate__(self):
        return {'_ref': self._ref, '_maxsize': self._maxsize}

    def put(self, obj, block=True, timeout=None):
        if self._ref[0] == _mp_core._PID:
            self._call('put', _copy(obj), block, timeout)
        elif not self._maxsize:
            # Cannot block: no need to wait for the owner's answer.
            _mp_core.post(self._ref, 'put', (obj,))
        else:
            self._call('put', obj, block, timeout)

    def get(self, block=True, timeout=None):
        return self._call('get', block, timeout)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return self._call('qsize')

    def empty(self):
        return self._call('empty')

    def full(self):
        return self._call('full')

    def close(self):
        pass

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass


class JoinableQueue(Queue):
    def task_done(self):
        self._call('task_done')

    def join(self):
        self._call('join')


class SimpleQueue(Queue):
    def __init__(self, *, ctx=None):
        Queue.__init__(self)


class _Chan:
    """One direction of a Pipe, kept by the owner process."""

    def __init__(self):
        self.q = _store_class()()

    def put(self, obj):
        self.q.put(obj)

    def get(self):
        return self.q.get()

    def poll(self, timeout):
        q = self.q
        with q.not_empty:
            if timeout is None:
                while not q._qsize():
                    q.not_empty.wait()
                return True
            return q.not_empty.wait_for(lambda: q._qsize() > 0, timeout)


_EOF = ('__gilt_pipe_eof__',)


class Connection:
    """One end of a Pipe: send/recv plain values, poll, close."""

    def __init__(self, rref, wref):
        self._r = rref
        self._w = wref
        self.closed = False
        self.readable = rref is not None
        self.writable = wref is not None

    def __mp_getstate__(self):
        return {'_r': self._r, '_w': self._w, 'closed': self.closed,
                'readable': self.readable, 'writable': self.writable}

    def _check(self, want):
        if self.closed:
            raise OSError('handle is closed')
        if want == 'r' and self._r is None:
            raise OSError('connection is write-only')
        if want == 'w' and self._w is None:
            raise OSError('connection is read-only')

    def send(self, obj):
        self._check('w')
        if self._w[0] == _getpid():
            obj = _copy(obj)
        _mp_core.call(self._w, 'put', (obj,))

    def recv(self):
        self._check('r')
        v = _mp_core.call(self._r, 'get')
        if v == _EOF:
            _mp_core.call(self._r, 'put', (_EOF,))
            raise EOFError
        return v

    send_bytes = send
    recv_bytes = recv

    def poll(self, timeout=0.0):
        self._check('r')
        return _mp_core.call(self._r, 'poll', (timeout,))

    def close(self):
        if not self.closed and self._w is not None:
            try:
                _mp_core.call(self._w, 'put', (_EOF,))
            except Exception:
                pass
        self.closed = True

    def fileno(self):
        raise OSError('gilt pipes have no file descriptor')

    def __enter__(self):
        return self

    def __exit__(self, *a):
        self.close()


def Pipe(duplex=True):
    """(conn1, conn2): conn1 receives what conn2 sends (and, when duplex,
    the other way round)."""
    a = _mp_core.register(_Chan())
    b = _mp_core.register(_Chan())
    if duplex:
        return Connection(a, b), Connection(b, a)
    return Connection(a, None), Connection(None, a)


def Manager():
    from _mp_manager import SyncManager
    m = SyncManager()
    m.start()
    return m


def Pool(processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None):
    # Children first: they boot while this process imports _mp_pool.
    method = context.get_start_method() if context is not None else None
    started = _mp_core.spawn_pool_workers(processes, initializer, initargs, method)
    from _mp_pool import Pool as _Pool
    return _Pool(processes, initializer, initargs, maxtasksperchild, _started=started)


def _pool_chunk(fn, items, star):
    """Runs one chunk of a Pool map in a worker."""
    if star:
        return [fn(*x) for x in items]
    return [fn(x) for x in items]


def _apply_kw(fn, args, kwargs):
    return fn(*args, **kwargs)
