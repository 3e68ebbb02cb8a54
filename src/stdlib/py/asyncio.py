"""asyncio for gilt: the event loop, futures, tasks, sleep and gather are
native (the `_asyncio` module, Rust); this module adds the rest of the API
in Python on top of them: run, wait, wait_for, as_completed, shield,
timeout, TaskGroup, to_thread, and (from _asyncio_locks / _asyncio_streams)
queues, locks and TCP streams."""

import _asyncio
import _thread
from _asyncio import (CancelledError, InvalidStateError, Future, Task, sleep, gather,
                      ensure_future, get_running_loop, _get_running_loop, current_task,
                      isfuture, iscoroutinefunction, create_task)

# `Future[T]` and `Task[T]` in annotations, as CPython's classes allow.
Future.__class_getitem__ = Task.__class_getitem__ = classmethod(type(list[int]))

BaseEventLoop = _asyncio.EventLoop
SelectorEventLoop = _asyncio.EventLoop
TimeoutError = TimeoutError

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


try:
    BaseExceptionGroup
except NameError:
    class BaseExceptionGroup(BaseException):
        """A group of exceptions (what TaskGroup raises)."""

        def __init__(self, message, exceptions):
            BaseException.__init__(self, message, exceptions)
            self.message = message
            self.exceptions = tuple(exceptions)

        def __str__(self):
            n = len(self.exceptions)
            return f"{self.message} ({n} sub-exception{'s' if n > 1 else ''})"

    class ExceptionGroup(Exception):
        """A group of Exceptions."""

        __init__ = BaseExceptionGroup.__init__
        __str__ = BaseExceptionGroup.__str__


async def _noop():
    pass

_c = _noop()
_coroutine_type = type(_c)
_c.close()
del _c


def _gen():
    yield


_generator_type = type(_gen())
_coroutine_types = set()


def iscoroutine(obj):
    """True for coroutine objects, generators and instances of
    collections.abc.Coroutine (coroutine-like objects of other compilers),
    as CPython's asyncio counts them."""
    t = type(obj)
    if t is _coroutine_type or t is _generator_type or t in _coroutine_types:
        return True
    from _collections_abc import Coroutine
    if isinstance(obj, Coroutine):
        if len(_coroutine_types) < 100:
            _coroutine_types.add(t)
        return True
    return False


# ---- loops and the event-loop policy ----------------------------------------

class _LoopLocal(_thread._local):
    _loop = None
    _set_called = False


class _DefaultLoops:
    """What CPython's default event-loop policy does with loops: one
    current loop per thread, made on demand in the main thread only.
    Until a policy object exists (`get_event_loop_policy()` imports
    CPython's asyncio.events, which is slow: subprocess, socket, inspect),
    the module-level functions use the instance `_default` below; the
    default policy, once made, takes over its per-thread loops."""

    def __init__(self):
        self._local = _LoopLocal()

    def get_event_loop(self):
        if (self._local._loop is None and not self._local._set_called
                and _thread.get_ident() == _main_ident):
            self.set_event_loop(self.new_event_loop())
        if self._local._loop is None:
            import threading
            raise RuntimeError('There is no current event loop in thread %r.'
                               % threading.current_thread().name)
        return self._local._loop

    def set_event_loop(self, loop):
        self._local._set_called = True
        if loop is not None and not _is_loop(loop):
            raise TypeError(f"loop must be an instance of AbstractEventLoop or None, not '{type(loop).__name__}'")
        self._local._loop = loop

    _loop_factory = staticmethod(_asyncio.new_event_loop)

    def new_event_loop(self):
        return self._loop_factory()


def _is_loop(loop):
    # events.AbstractEventLoop is this class once asyncio.events is imported.
    return isinstance(loop, _asyncio.AbstractEventLoop)


import sys as _sys
_main_ident = _thread.get_ident()
_default = _DefaultLoops()


def _policy():
    """The event-loop policy object, or None while there is none yet (CPython's
    asyncio.events holds it once imported)."""
    events = _sys.modules.get('asyncio.events')
    return None if events is None else events._event_loop_policy


def _loops():
    policy = _policy()
    return _default if policy is None else policy


def new_event_loop():
    """A new event loop, made by the event-loop policy."""
    return _loops().new_event_loop()


def set_event_loop(loop):
    """Sets this thread's current loop (the event-loop policy's)."""
    _loops().set_event_loop(loop)


def get_event_loop():
    """The running loop, else the event-loop policy's loop for this thread."""
    loop = _get_running_loop()
    if loop is not None:
        return loop
    return _loops().get_event_loop()


def _get_event_loop(stacklevel=3):
    return get_event_loop()


def get_event_loop_policy():
    """The event-loop policy (the default one is made on first use)."""
    import asyncio.events
    return asyncio.events.get_event_loop_policy()


def set_event_loop_policy(policy):
    """Sets the event-loop policy; None restores a fresh default one."""
    import asyncio.events
    asyncio.events.set_event_loop_policy(policy)
    if policy is None:
        global _default
        _default = _DefaultLoops()


# CPython's asyncio.events takes these from the C module when it has them;
# so do gilt's: one running loop and one current loop for both.
_asyncio.get_event_loop = get_event_loop
_asyncio._get_event_loop = _get_event_loop

# The names CPython's asyncio has from asyncio.events that need it imported.
_POLICY_NAMES = {'AbstractEventLoop', 'AbstractEventLoopPolicy', 'BaseDefaultEventLoopPolicy', 'DefaultEventLoopPolicy',
                 'get_child_watcher', 'set_child_watcher', 'AbstractServer', 'Handle', 'TimerHandle'}
_CHILD_WATCHER_NAMES = {'AbstractChildWatcher', 'SafeChildWatcher', 'FastChildWatcher',
                        'PidfdChildWatcher', 'MultiLoopChildWatcher', 'ThreadedChildWatcher'}


def all_tasks(loop=None):
    """The set of not-yet-done tasks of the (running) loop."""
    return set(_asyncio._all_tasks(loop))


def _shut_down(loop):
    # As CPython's Runner.close: each shutdown step runs as a task of its
    # own, so task numbers go on as in CPython (Task-4 in a second run).
    _cancel_all_tasks(loop)
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.run_until_complete(loop.shutdown_default_executor())


def _cancel_all_tasks(loop):
    to_cancel = _asyncio._all_tasks(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()

    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            import sys
            print('unhandled exception during asyncio.run() shutdown', file=sys.stderr)


def run(main, *, debug=None):
    """Runs coroutine `main` on a new loop and closes it; returns its result."""
    if _get_running_loop() is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if not iscoroutine(main):
        raise ValueError("a coroutine was expected, got {!r}".format(main))
    loop = new_event_loop()
    try:
        set_event_loop(loop)
        if debug is not None:
            loop.set_debug(debug)
        return loop.run_until_complete(main)
    finally:
        try:
            _shut_down(loop)
        finally:
            set_event_loop(None)
            loop.close()


class _SigintHandler:
    """Runner's SIGINT handler while a run goes on: the first signal cancels
    the main task and wakes the loop; a later one raises KeyboardInterrupt."""

    def __init__(self, loop, task):
        self.loop = loop
        self.task = task
        self.count = 0

    def __call__(self, signum, frame):
        self.count += 1
        if self.count == 1 and not self.task.done():
            self.task.cancel()
            self.loop.call_soon_threadsafe(_noop_callback)
            return
        raise KeyboardInterrupt()


def _noop_callback():
    pass


class Runner:
    """`with asyncio.Runner() as r: r.run(coro)`: one loop for several
    runs; each run's task starts in a copy of the context the runner was
    made ready in, unless run() is given `context=`."""

    def __init__(self, *, debug=None, loop_factory=None):
        self._state = 'created'
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None
        self._context = None
        self._set_event_loop = False

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        if self._state != 'initialized':
            return
        loop = self._loop
        try:
            _shut_down(loop)
        finally:
            if self._set_event_loop:
                set_event_loop(None)
            loop.close()
            self._loop = None
            self._state = 'closed'

    def get_loop(self):
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        if not iscoroutine(coro):
            raise ValueError("a coroutine was expected, got {!r}".format(coro))
        if _get_running_loop() is not None:
            raise RuntimeError("Runner.run() cannot be called from a running event loop")
        self._lazy_init()
        if context is None:
            context = self._context
        task = self._loop.create_task(coro, context=context)
        # As CPython's Runner: a first Ctrl-C (SIGINT with its default
        # handler) cancels the main task, so its cleanup runs; the run then
        # raises KeyboardInterrupt. A second one interrupts at once.
        import signal
        handler = None
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            handler = _SigintHandler(self._loop, task)
            try:
                signal.signal(signal.SIGINT, handler)
            except ValueError:
                # Not the main thread, or signals are unavailable.
                handler = None
        try:
            return self._loop.run_until_complete(task)
        except CancelledError:
            if handler is not None and handler.count > 0 and task.uncancel() == 0:
                raise KeyboardInterrupt()
            raise
        finally:
            if handler is not None and signal.getsignal(signal.SIGINT) is handler:
                signal.signal(signal.SIGINT, signal.default_int_handler)

    def _lazy_init(self):
        if self._state == 'closed':
            raise RuntimeError("Runner is closed")
        if self._state == 'initialized':
            return
        if self._loop_factory is None:
            self._loop = new_event_loop()
            if not self._set_event_loop:
                set_event_loop(self._loop)
                self._set_event_loop = True
        else:
            self._loop = self._loop_factory()
        if self._debug is not None:
            self._loop.set_debug(self._debug)
        import contextvars
        self._context = contextvars.copy_context()
        self._state = 'initialized'


def _base_tasks():
    import sys
    __import__('asyncio.base_tasks')
    return sys.modules['asyncio.base_tasks']


def _task_get_stack(self, *, limit=None):
    """The frames of the task's coroutine (or of its exception's traceback),
    as CPython's Task.get_stack, which is CPython's asyncio.base_tasks code."""
    return _base_tasks()._task_get_stack(self, limit)


def _task_print_stack(self, *, limit=None, file=None):
    """Prints get_stack()'s frames (CPython's Task.print_stack)."""
    return _base_tasks()._task_print_stack(self, limit, file)


_task_get_stack.__name__ = _task_get_stack.__qualname__ = 'get_stack'
_task_print_stack.__name__ = _task_print_stack.__qualname__ = 'print_stack'
Task.get_stack = _task_get_stack
Task.print_stack = _task_print_stack


# ---- loop methods written in Python -------------------------------------------

async def _shutdown_asyncgens(self):
    pass


# Named as CPython's method, which is how its task shows in the views.
_shutdown_asyncgens.__name__ = "shutdown_asyncgens"
_shutdown_asyncgens.__qualname__ = "BaseEventLoop.shutdown_asyncgens"
_asyncio.EventLoop.shutdown_asyncgens = _shutdown_asyncgens

# add_reader/add_writer, sock_*, getaddrinfo, run_in_executor, signal handlers.
import _asyncio_fd
from _asyncio_fd import wrap_future


async def to_thread(func, /, *args, **kwargs):
    """Runs func(*args, **kwargs) in the loop's default executor, in a copy
    of the caller's context; the loop waits without the GIL."""
    import contextvars
    loop = get_running_loop()
    ctx = contextvars.copy_context()
    return await loop.run_in_executor(None, lambda: ctx.run(func, *args, **kwargs))


# ---- waiting ------------------------------------------------------------------

def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def _cancel_and_wait(fut):
    loop = get_running_loop()
    waiter = loop.create_future()
    cb = lambda f: _release_waiter(waiter)
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    """Waits for one awaitable, cancelling it after `timeout` seconds (TimeoutError)."""
    loop = get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    cb = lambda f: _release_waiter(waiter)
    fut = ensure_future(fut)
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(cb)
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Waits for futures/tasks; returns (done, pending) sets."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    fs = set(fs)
    if any(iscoroutine(f) for f in fs):
        raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    loop = get_running_loop()
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = [len(fs)]

    def _on_completion(f):
        counter[0] -= 1
        if (counter[0] <= 0 or return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and (not f.cancelled() and f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)
    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


def as_completed(fs, *, timeout=None):
    """Yields awaitables giving the results in completion order."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")
    loop = get_event_loop()
    todo = {ensure_future(f) for f in set(fs)}
    done = []
    waiters = []
    timeout_handle = None

    def _wake():
        while waiters:
            w = waiters.pop(0)
            if not w.done():
                w.set_result(None)

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.append(None)
        todo.clear()
        _wake()

    def _on_completion(f):
        if not todo:
            return
        todo.discard(f)
        done.append(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()
        _wake()

    async def _wait_for_one():
        while not done:
            w = loop.create_future()
            waiters.append(w)
            await w
        f = done.pop(0)
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()


_native_ensure_future = ensure_future


def _future_loop(fut):
    """futures._get_loop: the future's get_loop(), else its _loop; None for
    a native future no loop has taken yet."""
    try:
        get_loop = fut.get_loop
    except AttributeError:
        return getattr(fut, '_loop', None)
    try:
        return get_loop()
    except RuntimeError:
        return None


async def _wrap_awaitable(awaitable):
    return await awaitable


def ensure_future(coro_or_future, *, loop=None):
    """A future as it is (ValueError when loop= names another loop); a
    coroutine or awaitable wrapped in a task of `loop`, else of the running
    loop, else of this thread's current loop, as CPython's does."""
    if isfuture(coro_or_future):
        if loop is not None:
            own = _future_loop(coro_or_future)
            if own is not None and own is not loop:
                raise ValueError('The future belongs to a different loop than '
                                 'the one specified as the loop argument')
        if isinstance(coro_or_future, Future):
            # A native future (asyncio.sleep's, say) starts its work on the
            # loop that takes it.
            if loop is None:
                loop = _get_running_loop()
            if loop is not None:
                return _native_ensure_future(coro_or_future, loop=loop)
        return coro_or_future
    # As CPython's: what is neither is refused before any loop is looked up.
    if not iscoroutine(coro_or_future) and not hasattr(type(coro_or_future), '__await__'):
        raise TypeError('An asyncio.Future, a coroutine or an awaitable '
                        'is required')
    if loop is None:
        loop = _get_running_loop()
        if loop is None:
            loop = get_event_loop()
    if isinstance(loop, _asyncio.EventLoop):
        return _native_ensure_future(coro_or_future, loop=loop)
    # A loop written in Python (or a stand-in): its own create_task.
    wrapped = False
    if not iscoroutine(coro_or_future):
        if not hasattr(type(coro_or_future), '__await__'):
            raise TypeError('An asyncio.Future, a coroutine or an awaitable '
                            'is required')
        coro_or_future = _wrap_awaitable(coro_or_future)
        wrapped = True
    try:
        return loop.create_task(coro_or_future)
    except RuntimeError:
        if not wrapped:
            coro_or_future.close()
        raise


def shield(arg):
    """Protects an awaitable from cancellation of the awaiting task."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = _future_loop(inner)
    outer = loop.create_future() if loop is not None else Future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


def run_coroutine_threadsafe(coro, loop):
    """Submits a coroutine to a loop running in another thread; returns a
    concurrent.futures.Future chained to its task both ways (CPython's
    asyncio.futures._chain_future: a result or error flows out, a cancel in)."""
    if not iscoroutine(coro):
        raise TypeError('A coroutine object is required')
    import concurrent.futures
    import sys
    __import__('asyncio.futures')
    chain = sys.modules['asyncio.futures']._chain_future
    future = concurrent.futures.Future()

    def callback():
        try:
            chain(ensure_future(coro, loop=loop), future)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            # A task factory that failed: the caller's future gets the error too.
            if future.set_running_or_notify_cancel():
                future.set_exception(exc)
            raise
    loop.call_soon_threadsafe(callback)
    return future


# ---- timeouts and task groups ---------------------------------------------------------

class Timeout:
    """`async with asyncio.timeout(delay):` cancels the block after `delay`."""

    def __init__(self, when):
        self._state = 'created'
        self._timeout_handler = None
        self._task = None
        self._when = when

    def when(self):
        return self._when

    def reschedule(self, when):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
        self._when = when
        if when is None:
            self._timeout_handler = None
        else:
            loop = get_running_loop()
            if when <= loop.time():
                self._timeout_handler = loop.call_soon(self._on_timeout)
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)

    def expired(self):
        return self._state in ('expiring', 'expired')

    def __repr__(self):
        info = [self._state]
        if self._state == 'entered':
            info.append(f"when={self._when}")
        return f"<Timeout [{' '.join(info)}]>"

    async def __aenter__(self):
        self._state = 'entered'
        self._task = current_task()
        if self._task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if self._state == 'expiring':
            self._state = 'expired'
            if self._task.uncancel() == 0 and exc_type is CancelledError:
                raise TimeoutError from exc_val
        elif self._state == 'entered':
            self._state = 'exited'
        return None

    def _on_timeout(self):
        self._task.cancel()
        self._state = 'expiring'
        self._timeout_handler = None


def timeout(delay):
    """An async context manager cancelling its block after `delay` seconds."""
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    """Like timeout(), with an absolute loop time."""
    return Timeout(when)


class TaskGroup:
    """`async with TaskGroup() as tg: tg.create_task(...)` waits for all of them."""

    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = set()
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has been already entered")
        self._entered = True
        self._loop = get_running_loop()
        self._parent_task = current_task()
        if self._parent_task is None:
            raise RuntimeError(f'TaskGroup {self!r} cannot determine the parent task')
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        propagate_cancellation_error = None
        if exc is not None and self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if et is CancelledError:
            if self._parent_cancel_requested and not self._parent_task.uncancel():
                pass
            else:
                propagate_cancellation_error = exc
        if et is not None and not self._aborting:
            self._abort()
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()
            try:
                await self._on_completed_fut
            except CancelledError as ex:
                if not self._aborting:
                    propagate_cancellation_error = ex
                    self._abort()
            self._on_completed_fut = None
        if self._base_error is not None:
            raise self._base_error
        if propagate_cancellation_error and not self._errors:
            raise propagate_cancellation_error
        if et is not None and et is not CancelledError:
            self._errors.append(exc)
        if self._errors:
            errors = self._errors
            self._errors = None
            raise BaseExceptionGroup('unhandled errors in a TaskGroup', errors) if any(
                not isinstance(e, Exception) for e in errors) else ExceptionGroup(
                'unhandled errors in a TaskGroup', errors)

    def create_task(self, coro, *, name=None, context=None):
        if not self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has not been entered")
        if self._exiting and not self._tasks:
            raise RuntimeError(f"TaskGroup {self!r} is finished")
        if self._aborting:
            raise RuntimeError(f"TaskGroup {self!r} is shutting down")
        task = self._loop.create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._on_task_done)
        return task

    def _is_base_error(self, exc):
        return isinstance(exc, (SystemExit, KeyboardInterrupt))

    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        self._tasks.discard(task)
        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if self._parent_task.done():
            return
        if not self._aborting and not self._parent_cancel_requested:
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()


from _asyncio_locks import (Queue, LifoQueue, PriorityQueue, QueueEmpty, QueueFull,
                            Lock, Event, Condition, Semaphore, BoundedSemaphore)
from _asyncio_sockets import Server
from _asyncio_streams import (StreamReader, StreamWriter, start_server, open_connection,
                              start_unix_server, open_unix_connection, IncompleteReadError,
                              LimitOverrunError, StreamReaderProtocol)
from _asyncio_transports import (BaseProtocol, Protocol, BufferedProtocol, DatagramProtocol, SubprocessProtocol,
                                 BaseTransport, Transport)
from _asyncio_datagram import DatagramTransport
import _asyncio_pipes  # noqa: F401  (connect_read_pipe/_write_pipe, subprocess_exec/_shell)



def __getattr__(name):
    # asyncio.subprocess and its functions are imported on first use:
    # CPython's subprocess module costs more to import than the rest of asyncio.
    if name in _POLICY_NAMES:
        import _asyncio_policy
        return getattr(_asyncio_policy, name)
    if name in _CHILD_WATCHER_NAMES:
        import asyncio.unix_events
        return getattr(asyncio.unix_events, name)
    if name == 'streams':
        import sys
        __import__('asyncio.streams')
        return sys.modules['asyncio.streams']
    if name in ('subprocess', 'create_subprocess_exec', 'create_subprocess_shell'):
        import sys
        __import__('asyncio.subprocess')
        sub = sys.modules['asyncio.subprocess']
        return sub if name == 'subprocess' else getattr(sub, name)
    if name in _CPYTHON_LOCKS_NAMES or name in _CPYTHON_EXCEPTION_NAMES:
        # CPython's own classes (its Barrier runs on gilt's futures).
        import sys
        module = 'asyncio.locks' if name in _CPYTHON_LOCKS_NAMES else 'asyncio.exceptions'
        __import__(module)
        return getattr(sys.modules[module], name)
    if name in _CPYTHON_SUBMODULES:
        # CPython's asyncio/__init__.py imports these, so scripts and
        # unittest.mock read them as attributes (`asyncio.coroutines`).
        import sys
        __import__('asyncio.' + name)
        return sys.modules['asyncio.' + name]
    raise AttributeError(f"module 'asyncio' has no attribute '{name}'")


# Names asyncio has from CPython's own asyncio.locks and asyncio.exceptions.
_CPYTHON_LOCKS_NAMES = frozenset({'Barrier'})
_CPYTHON_EXCEPTION_NAMES = frozenset({'BrokenBarrierError', 'SendfileNotAvailableError'})


# The submodules CPython's asyncio package imports in its __init__.py (those
# gilt does not replace are CPython's own files, loaded on first use).
_CPYTHON_SUBMODULES = frozenset({
    'base_events', 'coroutines', 'events', 'exceptions', 'futures', 'locks', 'protocols',
    'runners', 'queues', 'tasks', 'taskgroups', 'timeouts', 'threads', 'transports',
    'unix_events', 'format_helpers', 'base_futures', 'base_tasks', 'constants', 'log',
    'mixins', 'selector_events', 'sslproto', 'staggered', 'trsock', 'base_subprocess',
})


def iscoroutinefunction(func):
    """True for a coroutine function, or an object marked as one the way
    CPython's asyncio.coroutines marks them (`unittest.mock.AsyncMock`)."""
    if _asyncio.iscoroutinefunction(func):
        return True
    marker = getattr(func, '_is_coroutine', None)
    if marker is None:
        return False
    import sys
    __import__('asyncio.coroutines')
    return marker is sys.modules['asyncio.coroutines']._is_coroutine


if __name__ == '__main__':
    # `gilt -m asyncio`: the console where `await` works at the top level.
    import _asyncio_repl
    _asyncio_repl.main()
