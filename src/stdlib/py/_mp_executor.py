"""ProcessPoolExecutor's methods for gilt (the class itself is declared in
concurrent.futures.process.py). Like multiprocessing.Pool: one thread in the parent
per worker process takes work items from a queue, sends each over the
worker's socket and settles its Future. A worker that dies while work is
running or pending breaks the pool: every unfinished Future gets
BrokenProcessPool at once, and later submits raise it."""

import os
import queue
import threading
import _mp
import _mp_core


def _cf():
    # The module declaring ProcessPoolExecutor, BrokenProcessPool and Future.
    import concurrent.futures.process
    return concurrent.futures.process


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
        self._method = method
        self._max_workers = max_workers
        self._initializer = initializer
        self._initargs = tuple(initargs)
        self._work = queue.Queue()
        self._threads = []
        self._conns = []
        self._broken = None
        self._shutdown_flag = False
        self._lock = threading.Lock()

    def _start_workers(self):
        for _ in range(self._max_workers):
            conn = _mp_core.start(self._method)
            self._conns.append(conn)
            t = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            t.start()
            self._threads.append(t)

    def _serve(self, conn):
        if self._initializer is not None:
            try:
                conn.send(('call', self._initializer, self._initargs, {}))
                m = _mp_core.exchange(conn)
            except BaseException:
                m = None
            if m is None or m[0] != 'ok':
                self._break(conn, 'A child process terminated abruptly, the process pool is not '
                                  'usable anymore (its initializer failed)')
                return
        while True:
            item = self._work.get()
            if item is None:
                break
            fut, fn, args, kwargs = item
            if self._broken is not None:
                fut.set_exception(_cf().BrokenProcessPool(self._broken))
                continue
            if not fut.set_running_or_notify_cancel():
                continue
            try:
                conn.send(('call', fn, args, kwargs))
            except TypeError as e:
                fut.set_exception(e)
                continue
            except OSError:
                m = None
            else:
                m = _mp_core.exchange(conn)
            if m is None or m[0] == 'bootstrap':
                if m is not None:
                    fut.set_exception(_mp_core.bootstrap_error(m[1], conn.pid))
                self._break(conn, 'A process in the process pool was terminated abruptly while '
                                  'the future was running or pending.', fut)
                return
            if m[0] == 'ok':
                fut.set_result(m[1])
            else:
                fut.set_exception(m[1])
        try:
            conn.send(('stop',))
        except OSError:
            pass
        conn.wait(2.0)

    def _break(self, conn, why, fut=None):
        cf = _cf()
        with self._lock:
            self._broken = why
        err = cf.BrokenProcessPool(why)
        if fut is not None and not fut.done():
            fut.set_exception(err)
        while True:
            try:
                item = self._work.get_nowait()
            except queue.Empty:
                break
            if item is None:
                continue
            if item[0].set_running_or_notify_cancel():
                item[0].set_exception(err)
        for c in self._conns:
            c.kill()
        for _ in self._threads:
            self._work.put(None)

    def submit(self, fn, /, *args, **kwargs):
        cf = _cf()
        with self._lock:
            if self._broken is not None:
                raise cf.BrokenProcessPool(self._broken)
            if self._shutdown_flag:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if not self._threads:
                self._start_workers()
            f = cf.Future()
            self._work.put((f, fn, args, kwargs))
            return f

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._lock:
            self._shutdown_flag = True
        if cancel_futures:
            while True:
                try:
                    item = self._work.get_nowait()
                except queue.Empty:
                    break
                if item is not None:
                    item[0].cancel()
        for _ in self._threads:
            self._work.put(None)
        if wait:
            for t in self._threads:
                t.join()
