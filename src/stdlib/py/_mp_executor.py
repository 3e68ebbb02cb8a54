"""ProcessPoolExecutor's methods for gilt (the class itself is declared in
concurrent.futures.process.py). Like multiprocessing.Pool: one thread in the parent
per worker process takes work items from a queue, sends each over the
worker's socket and settles its Future. A worker that dies while work is
running or pending breaks the pool: every unfinished Future gets
BrokenProcessPool at once, and later submits raise it.

The threads share a _PoolState, never the executor itself, so an executor
dropped without shutdown() is collected, and its finalizer lets the
workers finish what was submitted and stop (as CPython's pool does). The
names CPython's tests look at are kept: `_processes` (pid -> process),
`_executor_manager_thread`, `_call_queue`, `_mp_context`, `_max_workers`.
Workers start as CPython 3.11's do: all at the first submit with 'fork',
one per submit that finds no idle worker otherwise; with
`max_tasks_per_child`, a worker that has run that many tasks exits and a
new one takes its place."""

import itertools
import os
import queue
import threading
import weakref
import _mp
import _mp_core


def _cf():
    # The module declaring ProcessPoolExecutor, BrokenProcessPool and Future.
    import concurrent.futures.process
    return concurrent.futures.process


# Set when the interpreter starts to exit (threading's atexit hooks run
# first): later submits fail, as CPython's do.
_global_shutdown = False
# The pools not yet closed, for that exit hook.
_live = weakref.WeakSet()


def _python_exit():
    """At exit, every pool finishes the work already submitted and its
    workers stop; its manager thread is joined (as CPython's exit hook does)."""
    global _global_shutdown
    _global_shutdown = True
    states = list(_live)
    for state in states:
        state.stop_threads()
    for state in states:
        if state.manager is not None:
            state.manager.join()


threading._register_atexit(_python_exit)


def _forget_pools():
    # A forked worker inherits its parent's pools, not their threads: its
    # exit must not wait for them (their locks may be held by the fork).
    _live.clear()


os.register_at_fork(after_in_child=_forget_pools)


def _run_task(blob):
    """Runs a task in a worker. The call travels encoded, so that a call
    whose arguments cannot be rebuilt here ends this worker, as CPython's
    worker dies on a task it cannot unpickle (the pool then breaks)."""
    try:
        fn, args, kwargs = _mp.loads(blob)
    except BaseException as e:
        code = 1
        if isinstance(e, SystemExit):
            code = e.code if isinstance(e.code, int) else 1
        else:
            import traceback
            traceback.print_exc()
        _mp_core._flush()
        import os
        os._exit(code)
    del blob
    return fn(*args, **kwargs)


def _run_initializer(initializer, initargs):
    """A worker's initializer; its failure is logged in the worker as
    CPython's is ('Exception in initializer:')."""
    try:
        initializer(*initargs)
    except BaseException:
        from concurrent.futures import _base
        _base.LOGGER.critical('Exception in initializer:', exc_info=True)
        raise


def _run_chunk(fn, chunk):
    """map() with a chunksize: one task runs fn over several argument tuples."""
    return [fn(*args) for args in chunk]


def _chunks(iterable, size):
    it = iter(iterable)
    while True:
        chunk = tuple(itertools.islice(it, size))
        if not chunk:
            return
        yield chunk


class _Worker:
    """A worker process as `_processes` shows it (join, exitcode,
    terminate, kill, is_alive), over its socket to the parent."""

    def __init__(self, conn):
        self._conn = conn
        self.pid = conn.pid

    @property
    def exitcode(self):
        return self._conn.exitcode()

    def is_alive(self):
        return self._conn.exitcode() is None

    def join(self, timeout=None):
        self._conn.wait(timeout)

    def terminate(self):
        self._conn.terminate()

    def kill(self):
        self._conn.kill()

    def __repr__(self):
        return '<worker process pid=%d exitcode=%r>' % (self.pid, self.exitcode)


class _CallQueue(queue.Queue):
    """The queue of work items (a Future and its call; None stops a serving
    thread). join_thread() waits until every serving thread has ended, as
    CPython's call queue's feeder ends with its pool."""

    def __init__(self, state):
        super().__init__()
        self._state = weakref.ref(state)

    def join_thread(self):
        state = self._state()
        if state is not None and state.manager is not None:
            state.manager.join()


class _PoolState:
    """What the serving threads share with the executor."""

    def __init__(self, method, max_workers, initializer, initargs, max_tasks):
        self.method = method
        self.max_workers = max_workers
        self.initializer = initializer
        self.initargs = initargs
        self.max_tasks = max_tasks
        self.work = _CallQueue(self)
        self.lock = threading.Lock()
        self.idle = threading.Semaphore(0)
        self.closed = threading.Event()
        self.processes = {}
        self.threads = []
        self.broken = None
        self.shutdown = False
        self.manager = None

    def start_worker(self):
        """A new worker process and its serving thread (called under lock)."""
        conn = _mp_core.start(self.method)
        self.processes[conn.pid] = _Worker(conn)
        t = threading.Thread(target=_serve, args=(self, conn), daemon=True)
        self.threads.append(t)
        t.start()

    def stop_threads(self):
        """Each serving thread stops after the work queued before this."""
        with self.lock:
            self.shutdown = True
            n = len(self.threads)
        for _ in range(n):
            self.work.put(None)
        self.closed.set()

    def join_threads(self):
        for t in list(self.threads):
            if t is not threading.current_thread():
                t.join()

    def manage(self):
        """The manager thread: once the pool is closed, waits for its serving
        threads and its worker processes to end. Only this thread joins the
        serving threads; everyone else joins it."""
        self.closed.wait()
        self.join_threads()
        for w in list(self.processes.values()):
            w.join()
        _live.discard(self)

    def break_pool(self, conn, why, fut=None):
        err = _cf().BrokenProcessPool(why)
        with self.lock:
            self.broken = why
            self.shutdown = True
            n = len(self.threads)
        if fut is not None and not fut.done():
            fut.set_exception(err)
        while True:
            try:
                item = self.work.get_nowait()
            except queue.Empty:
                break
            if item is not None and item[0].set_running_or_notify_cancel():
                item[0].set_exception(err)
        for w in list(self.processes.values()):
            w.kill()
        for _ in range(n):
            self.work.put(None)
        self.closed.set()


def _initialize(state, conn):
    """Runs the initializer in a new worker; False when it failed."""
    try:
        conn.send(('call', _run_initializer, (state.initializer, state.initargs), {}))
        m = _mp_core.exchange(conn)
    except BaseException:
        m = None
    return m is not None and m[0] == 'ok'


def _retire(state, conn):
    """Ends a worker that ran its max_tasks_per_child tasks."""
    try:
        conn.send(('stop',))
    except OSError:
        pass
    conn.wait(2.0)
    with state.lock:
        state.processes.pop(conn.pid, None)


def _serve(state, conn):
    """One worker's serving thread."""
    done = 0
    if state.initializer is not None and not _initialize(state, conn):
        state.break_pool(conn, 'A child process terminated abruptly, the process pool is not '
                               'usable anymore')
        return
    while True:
        item = state.work.get()
        if item is None:
            break
        fut, fn, args, kwargs = item
        # Nothing here keeps the call or its Future alive once settled.
        del item
        if state.broken is not None:
            fut.set_exception(_cf().BrokenProcessPool(state.broken))
            continue
        if not fut.set_running_or_notify_cancel():
            continue
        if conn is None:
            # The previous worker retired: a new one takes its place.
            with state.lock:
                conn = _mp_core.start(state.method)
                state.processes[conn.pid] = _Worker(conn)
            if state.initializer is not None and not _initialize(state, conn):
                state.break_pool(conn, 'A child process terminated abruptly, the process pool '
                                       'is not usable anymore', fut)
                return
        try:
            blob = _mp.dumps((fn, args, kwargs))
        except BaseException as e:
            # The call cannot be sent (pickling it failed): its Future
            # fails, the worker is fine. It never reached the worker, so
            # (as in CPython) the worker does not count as idle for submit.
            fut.set_exception(e)
            del fut, fn, args, kwargs, e
            continue
        del fn, args, kwargs
        try:
            conn.send(('call', _run_task, (blob,), {}))
            del blob
            m = _mp_core.exchange(conn)
        except OSError:
            m = None
        except BaseException as e:
            # The answer could not be rebuilt here: as CPython's result
            # handler, the pool breaks.
            err = _cf().BrokenProcessPool('A result could not be unpickled')
            err.__cause__ = e
            fut.set_exception(err)
            del e, err
            state.break_pool(conn, 'A process in the process pool was terminated abruptly while '
                                   'the future was running or pending.', fut)
            return
        if m is None or m[0] == 'bootstrap':
            if m is not None:
                fut.set_exception(_mp_core.bootstrap_error(m[1], conn.pid))
            state.break_pool(conn, 'A process in the process pool was terminated abruptly while '
                                   'the future was running or pending.', fut)
            return
        if m[0] == 'ok':
            fut.set_result(m[1])
        else:
            fut.set_exception(m[1])
        del fut, m
        done += 1
        if state.max_tasks is not None and done >= state.max_tasks:
            _retire(state, conn)
            conn, done = None, 0
        state.idle.release()
    if conn is not None:
        try:
            conn.send(('stop',))
        except OSError:
            pass
        conn.wait(2.0)


class ProcessPoolMethods:
    """Mixed into concurrent.futures.ProcessPoolExecutor."""

    def __init__(self, max_workers=None, mp_context=None, initializer=None,
                 initargs=(), *, max_tasks_per_child=None):
        if max_workers is None:
            max_workers = _mp.cpu_count()
        elif max_workers <= 0:
            raise ValueError('max_workers must be greater than 0')
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        if mp_context is None:
            # As CPython 3.11: workers that are replaced need spawn.
            method = 'spawn' if max_tasks_per_child is not None else _mp_core.method_of(None)
            import multiprocessing
            mp_context = multiprocessing.get_context(method)
        else:
            method = mp_context.get_start_method()
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError('max_tasks_per_child must be an integer')
            elif max_tasks_per_child <= 0:
                raise ValueError('max_tasks_per_child must be >= 1')
            if method == 'fork':
                raise ValueError("max_tasks_per_child is incompatible with the 'fork' "
                                 "multiprocessing start method; supply a different mp_context.")
        self._mp_context = mp_context
        self._max_workers = max_workers
        self._state = state = _PoolState(method, max_workers, initializer, tuple(initargs),
                                         max_tasks_per_child)
        self._processes = state.processes
        self._call_queue = state.work
        self._executor_manager_thread = None
        # Dropped without shutdown(), the pool still finishes its work.
        weakref.finalize(self, state.stop_threads)

    @property
    def _broken(self):
        return self._state.broken or False

    def _start(self):
        state = self._state
        if state.manager is None:
            t = threading.Thread(target=state.manage, daemon=True)
            state.manager = self._executor_manager_thread = t
            _live.add(state)
            t.start()
        if state.method == 'fork':
            if not state.threads:
                for _ in range(self._max_workers):
                    state.start_worker()
        elif not state.idle.acquire(False) and len(state.processes) < self._max_workers:
            state.start_worker()

    def submit(self, fn, /, *args, **kwargs):
        cf = _cf()
        state = self._state
        with state.lock:
            if state.broken is not None:
                raise cf.BrokenProcessPool(state.broken)
            if state.shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _global_shutdown:
                raise RuntimeError('cannot schedule new futures after interpreter shutdown')
            f = cf.Future()
            state.work.put((f, fn, args, kwargs))
            self._start()
            return f

    def shutdown(self, wait=True, *, cancel_futures=False):
        state = self._state
        if cancel_futures:
            while True:
                try:
                    item = state.work.get_nowait()
                except queue.Empty:
                    break
                if item is not None:
                    item[0].cancel()
        state.stop_threads()
        if wait and state.manager is not None:
            state.manager.join()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Executor.map; with chunksize > 1 each task runs fn over that many
        argument tuples."""
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        if chunksize == 1:
            return super().map(fn, *iterables, timeout=timeout)
        results = super().map(_run_chunk, itertools.repeat(fn),
                              _chunks(zip(*iterables), chunksize), timeout=timeout)
        return itertools.chain.from_iterable(results)
