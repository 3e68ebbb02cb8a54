"""multiprocessing.Pool for gilt.

Each worker process has a thread in the parent that takes the next task
from a shared queue, sends it over the worker's socket, serves the worker's
requests (shared queues, managers) until the answer arrives, and stores it
in the task's AsyncResult. A worker that dies while running a task (killed,
os._exit, crash) fails that task and every later one at once with
ChildDied: nothing waits for an answer that cannot come.
"""

import _thread
import _mp
import _mp_core

_EMPTY = object()

# The pool is built on _thread, not threading: Pool() runs while its worker
# processes boot on the other cores, and compiling threading.py (about
# 3.5 ms) would compete with them for the CPU on the way to the first result.


class _Cond:
    """A condition variable over a plain lock, waking waiters the way
    threading.Condition does (each waiter sleeps on a lock of its own)."""

    def __init__(self):
        self._lock = _thread.allocate_lock()
        self._waiters = []

    def __enter__(self):
        self._lock.acquire()
        return self

    def __exit__(self, *exc):
        self._lock.release()

    def wait(self, timeout=None):
        """Releases the lock until notified or timeout passes; True if notified."""
        waiter = _thread.allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        self._lock.release()
        gotit = False
        try:
            if timeout is None:
                gotit = waiter.acquire()
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._lock.acquire()
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def notify(self):
        if self._waiters:
            self._waiters.pop(0).release()

    def notify_all(self):
        waiters, self._waiters = self._waiters, []
        for w in waiters:
            w.release()


class _Flag:
    """A one-shot event: set once, then every wait returns True."""

    def __init__(self):
        self._cond = _Cond()
        self._set = False

    def is_set(self):
        return self._set

    def set(self):
        with self._cond:
            self._set = True
            self._cond.notify_all()

    def wait(self, timeout=None):
        with self._cond:
            if not self._set:
                self._cond.wait(timeout)
            return self._set


class _Tasks:
    """The pool's task queue: a list under a condition. (queue.Queue would
    import collections, heapq and threading: over 10 ms of compiling.)"""

    def __init__(self):
        self._cond = _Cond()
        self._items = []

    def put(self, item):
        with self._cond:
            self._items.append(item)
            self._cond.notify()

    def get(self):
        with self._cond:
            while not self._items:
                self._cond.wait()
            return self._items.pop(0)

    def get_nowait(self):
        """The next item, or _EMPTY."""
        with self._cond:
            return self._items.pop(0) if self._items else _EMPTY


class MaybeEncodingError(Exception):
    """A worker's result could not be sent back (it cannot be pickled)."""

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return '<%s: %s>' % (type(self).__name__, self)


MaybeEncodingError.__module__ = 'multiprocessing.pool'


class _Shown:
    """A value known only by its repr (made in the worker)."""

    def __init__(self, text):
        self._text = text

    def __repr__(self):
        return self._text


def _mp_mod():
    import multiprocessing
    return multiprocessing


class AsyncResult:
    """The pending result of apply_async / map_async."""

    def __init__(self, n, callback=None, error_callback=None, single=False):
        self._event = _Flag()
        self._left = n
        self._values = [None] * n
        self._error = None
        self._single = single
        self._callback = callback
        self._error_callback = error_callback
        self._lock = _thread.allocate_lock()
        if n == 0:
            self._finish()

    def _set(self, i, ok, value):
        with self._lock:
            if self._event.is_set():
                return
            if ok:
                self._values[i:i + len(value)] = value
                self._left -= len(value)
                done = self._left <= 0
            else:
                self._error = value
                done = True
        if done:
            self._finish()

    def _finish(self):
        self._event.set()
        try:
            if self._error is None:
                if self._callback is not None:
                    self._callback(self._value())
            elif self._error_callback is not None:
                self._error_callback(self._error)
        except BaseException:
            pass

    def _value(self):
        return self._values[0] if self._single else self._values

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError('%r not ready' % self)
        return self._error is None

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        if not self._event.wait(timeout):
            raise _mp_mod().TimeoutError()
        if self._error is not None:
            raise self._error
        return self._value()


ApplyResult = AsyncResult
MapResult = AsyncResult


class _IMapIterator:
    """imap / imap_unordered: yields results as chunks come back."""

    def __init__(self, ordered):
        self._cond = _Cond()
        self._ready = {}
        self._order = []
        self._next = 0
        self._total = None
        self._ordered = ordered
        self._got = 0

    def _set(self, i, ok, value):
        with self._cond:
            if ok:
                for k, v in enumerate(value):
                    self._ready[i + k] = (True, v)
                    self._order.append(i + k)
            else:
                self._ready[i] = (False, value)
                self._order.append(i)
            self._cond.notify_all()

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            while True:
                if self._total is not None and self._got >= self._total:
                    raise StopIteration
                key = self._next if self._ordered else (self._order[0] if self._order else None)
                if key is not None and key in self._ready:
                    ok, v = self._ready.pop(key)
                    if self._ordered:
                        self._next += 1
                    else:
                        self._order.pop(0)
                    self._got += 1
                    if not ok:
                        raise v
                    return v
                if not self._cond.wait(timeout):
                    raise _mp_mod().TimeoutError()

    __next__ = next


class Pool:
    """A pool of worker processes (see the module docstring)."""

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None,
                 _started=None):
        if _started is None:
            _started = _mp_core.spawn_pool_workers(processes, initializer, initargs)
        self._processes, self._conns = _started
        self._tasks = _Tasks()
        self._state = 'RUN'
        self._broken = None
        # One finished-flag per serving thread, for join() and terminate().
        self._threads = []
        for conn in self._conns:
            done = _Flag()
            _thread.start_new_thread(self._serve_then_flag, (done, conn, initializer, tuple(initargs)))
            self._threads.append(done)

    def _serve_then_flag(self, done, conn, initializer, initargs):
        try:
            self._serve(conn, initializer, initargs)
        except BaseException as e:
            # Never leave a caller waiting for a task this thread took.
            self._fail(conn, ('err', e))
        finally:
            done.set()

    def _serve(self, conn, initializer, initargs):
        if initializer is not None:
            conn.send(('call', initializer, initargs, {}))
            m = _mp_core.exchange(conn)
            if m is None or m[0] != 'ok':
                self._fail(conn, m)
                return
        while True:
            task = self._tasks.get()
            if task is None:
                break
            result, i, fn, chunk, star = task
            if self._broken is not None:
                result._set(i, False, self._broken)
                continue
            try:
                mp = _mp_mod()
                conn.send(('call', mp._pool_chunk, (fn, chunk, star), {}))
            except OSError:
                self._fail(conn, None, result, i)
                return
            except BaseException as e:
                # Could not be encoded (unpicklable, too deep): the caller
                # gets the error; this thread goes on serving.
                result._set(i, False, e)
                continue
            try:
                m = _mp_core.exchange(conn)
            except BaseException as e:
                # An answer that cannot be decoded here: fail this task only.
                result._set(i, False, e)
                continue
            if m is None or m[0] == 'bootstrap':
                self._fail(conn, m, result, i)
                return
            if m[0] == 'ok':
                result._set(i, True, m[1])
            elif m[0] == 'enc':
                reprs = m[2]
                shown = reprs[0] if getattr(result, '_single', False) else '[%s]' % ', '.join(reprs)
                result._set(i, False, MaybeEncodingError(m[1], _Shown(shown)))
            else:
                result._set(i, False, m[1])
        try:
            conn.send(('stop',))
        except OSError:
            pass
        conn.wait(1.0)

    def _fail(self, conn, m, result=None, i=0):
        code = conn.wait(1.0)
        if m is not None and m[0] == 'bootstrap':
            err = _mp_core.bootstrap_error(m[1], conn.pid)
        elif m is not None and m[0] == 'err':
            err = m[1]
        else:
            err = _mp_core.ChildDied('a worker process (pid %d) died with exit code %s while '
                                     'running a task; the pool is broken' % (conn.pid, code))
        self._broken = err
        if result is not None:
            result._set(i, False, err)
        while True:
            task = self._tasks.get_nowait()
            if task is _EMPTY:
                break
            if task is None:
                self._tasks.put(None)
                break
            task[0]._set(task[1], False, err)

    def _check(self):
        if self._state != 'RUN':
            raise ValueError('Pool not running')
        if self._broken is not None:
            raise self._broken

    def _submit(self, fn, items, chunksize, star, result):
        i = 0
        while i < len(items):
            self._tasks.put((result, i, fn, items[i:i + chunksize], star))
            i += chunksize

    def _chunksize(self, n, chunksize):
        if chunksize is None:
            chunksize, extra = divmod(n, self._processes * 4)
            if extra:
                chunksize += 1
        return max(1, chunksize)

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check()
        r = AsyncResult(1, callback, error_callback, single=True)
        if kwds:
            self._tasks.put((r, 0, _mp_mod()._apply_kw, [(func, tuple(args), dict(kwds))], True))
        else:
            self._tasks.put((r, 0, func, [tuple(args)], True))
        return r

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None, star=False):
        self._check()
        items = list(iterable)
        r = AsyncResult(len(items), callback, error_callback)
        self._submit(func, items, self._chunksize(len(items), chunksize), star, r)
        return r

    def map(self, func, iterable, chunksize=None):
        return self.map_async(func, iterable, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self.map_async(func, iterable, chunksize, callback, error_callback, star=True)

    def starmap(self, func, iterable, chunksize=None):
        return self.starmap_async(func, iterable, chunksize).get()

    def _imap(self, func, iterable, chunksize, ordered):
        self._check()
        items = list(iterable)
        it = _IMapIterator(ordered)
        it._total = len(items)
        self._submit(func, items, max(1, chunksize), False, it)
        return it

    def imap(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, True)

    def imap_unordered(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, False)

    def close(self):
        if self._state == 'RUN':
            self._state = 'CLOSE'
            for _ in self._threads:
                self._tasks.put(None)

    def terminate(self):
        self._state = 'TERMINATE'
        for c in self._conns:
            c.kill()
        err = ValueError('Pool was terminated')
        if self._broken is None:
            self._broken = err
        for _ in self._threads:
            self._tasks.put(None)
        for done in self._threads:
            done.wait(1.0)
        for c in self._conns:
            c.wait(1.0)

    def join(self):
        if self._state == 'RUN':
            raise ValueError('Pool is still running')
        for done in self._threads:
            done.wait()

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *a):
        self.terminate()

    def __repr__(self):
        return '<multiprocessing.pool.Pool state=%s pool_size=%d>' % (self._state, self._processes)
