"""Thread module emulating a subset of Java's threading model (gilt).

CPython 3.11's threading.py over gilt's native _thread: Thread, Lock, RLock,
Condition, Semaphore, BoundedSemaphore, Event, Barrier, Timer, local,
excepthook, current_thread/main_thread/enumerate/active_count and
_shutdown() (called by the interpreter at exit to join non-daemon threads).
The end of a thread is signalled by a per-thread "tstate lock" that the
thread releases itself when its bootstrap finishes.
"""

import sys as _sys
import _thread
from time import monotonic as _time

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError',
           'ExceptHookArgs', 'setprofile', 'settrace', 'local', 'stack_size',
           'excepthook', 'get_native_id', 'getprofile', 'gettrace']

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
_LockType = _thread.LockType
get_ident = _thread.get_ident
get_native_id = getattr(_thread, 'get_native_id', _thread.get_ident)
_set_native_name = getattr(_thread, 'set_name', None)
ThreadError = getattr(_thread, 'error', RuntimeError)
TIMEOUT_MAX = getattr(_thread, 'TIMEOUT_MAX', 9223372036.0)

_profile_hook = None
_trace_hook = None


def setprofile(func):
    """Set a profile function for all threads started from the threading module."""
    global _profile_hook
    _profile_hook = func


def getprofile():
    """Get the profiler function as set by threading.setprofile()."""
    return _profile_hook


def settrace(func):
    """Set a trace function for all threads started from the threading module."""
    global _trace_hook
    _trace_hook = func


def gettrace():
    """Get the trace function as set by threading.settrace()."""
    return _trace_hook


def stack_size(size=0):
    """Return the thread stack size used when creating new threads."""
    f = getattr(_thread, 'stack_size', None)
    if f is not None:
        return f(size)
    return 0


Lock = _allocate_lock


class RLock:
    """This class implements reentrant lock objects.

    A reentrant lock must be released by the thread that acquired it. Once a
    thread has acquired a reentrant lock, the same thread may acquire it
    again without blocking; the thread must release it once for each time it
    has acquired it.
    """

    def __init__(self):
        self._block = _allocate_lock()
        self._owner = None
        self._count = 0

    def __repr__(self):
        owner = self._owner
        return "<%s %s.%s object owner=%r count=%d at %s>" % (
            "locked" if self._block.locked() else "unlocked",
            '_thread', 'RLock',
            0 if owner is None else owner,
            self._count,
            hex(id(self))
        )

    def acquire(self, blocking=True, timeout=-1):
        """Acquire a lock, blocking or non-blocking."""
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return True
        rc = self._block.acquire(blocking, timeout)
        if rc:
            self._owner = me
            self._count = 1
        return rc

    __enter__ = acquire

    def release(self):
        """Release a lock, decrementing the recursion level."""
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count = count = self._count - 1
        if not count:
            self._owner = None
            self._block.release()

    def __exit__(self, t, v, tb):
        self.release()

    # Internal methods used by condition variables

    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        count = self._count
        self._count = 0
        owner = self._owner
        self._owner = None
        self._block.release()
        return (count, owner)

    def _is_owned(self):
        return self._owner == get_ident()


_PyRLock = RLock


class Condition:
    """Class that implements a condition variable."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []
        if type(lock) is _LockType:
            # A plain lock has none of the hooks looked up below; skipping
            # the three failed lookups makes Event() (one per Thread) cheaper.
            return
        f = getattr(lock, '_release_save', None)
        if f is not None:
            self._release_save = f
        f = getattr(lock, '_acquire_restore', None)
        if f is not None:
            self._acquire_restore = f
        f = getattr(lock, '_is_owned', None)
        if f is not None:
            self._is_owned = f

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        self._lock.release()           # No state to save

    def _acquire_restore(self, x):
        self._lock.acquire()           # Ignore saved state

    def _is_owned(self):
        if self._lock.acquire(False):
            self._lock.release()
            return False
        else:
            return True

    def wait(self, timeout=None):
        """Wait until notified or until a timeout occurs."""
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved_state = self._release_save()
        gotit = False
        try:    # restore state no matter what (e.g., KeyboardInterrupt)
            if timeout is None:
                waiter.acquire()
                gotit = True
            else:
                if timeout > 0:
                    gotit = waiter.acquire(True, timeout)
                else:
                    gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved_state)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        """Wait until a condition evaluates to True."""
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake up one or more threads waiting on this condition, if any."""
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters[0]
            try:
                waiter.release()
            except RuntimeError:
                pass
            else:
                n -= 1
            try:
                waiters.remove(waiter)
            except ValueError:
                pass

    def notify_all(self):
        """Wake up all threads waiting on this condition."""
        self.notify(len(self._waiters))

    notifyAll = notify_all


class Semaphore:
    """This class implements semaphore objects."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return "<%s.%s at %#x: value=%s>" % (cls.__module__, cls.__qualname__,
                                            id(self), self._value)

    def acquire(self, blocking=True, timeout=None):
        """Acquire a semaphore, decrementing the internal counter by one."""
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        """Release a semaphore, incrementing the internal counter by one or more."""
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            for i in range(n):
                self._cond.notify()

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """Implements a bounded semaphore."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return "<%s.%s at %#x: value=%s/%s>" % (cls.__module__, cls.__qualname__,
                                               id(self), self._value,
                                               self._initial_value)

    def release(self, n=1):
        """Release a semaphore, incrementing the internal counter by one or more."""
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            for i in range(n):
                self._cond.notify()


class Event:
    """Class implementing event objects."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self._flag else 'unset'
        return "<%s.%s at %#x: %s>" % (cls.__module__, cls.__qualname__, id(self), status)

    def is_set(self):
        """Return true if and only if the internal flag is true."""
        return self._flag

    isSet = is_set

    # The methods take the condition's plain lock directly (what `with
    # self._cond` would do through two more Python calls): every Thread
    # has an Event, set once at start.

    def set(self):
        """Set the internal flag to true."""
        cond = self._cond
        with cond._lock:
            self._flag = True
            # Nobody waits on a Thread's _started event: skip notify_all then.
            if cond._waiters:
                cond.notify_all()

    def clear(self):
        """Reset the internal flag to false."""
        with self._cond._lock:
            self._flag = False

    def wait(self, timeout=None):
        """Block until the internal flag is true."""
        cond = self._cond
        with cond._lock:
            signaled = self._flag
            if not signaled:
                signaled = cond.wait(timeout)
            return signaled


class Barrier:
    """Implements a Barrier."""

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0  # 0 filling, 1 draining, -1 resetting, -2 broken
        self._count = 0

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return "<%s.%s at %#x: broken>" % (cls.__module__, cls.__qualname__, id(self))
        return "<%s.%s at %#x: waiters=%s/%s>" % (cls.__module__, cls.__qualname__,
                                                 id(self), self.n_waiting, self.parties)

    def wait(self, timeout=None):
        """Wait for the barrier; returns an index in range(parties)."""
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()  # Block while the barrier drains.
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        while self._state in (-1, 1):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 0

    def _release(self):
        try:
            if self._action:
                self._action()
            self._state = 1
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != 0, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 1

    def _exit(self):
        if self._count == 0:
            if self._state in (-1, 1):
                self._state = 0
                self._cond.notify_all()

    def reset(self):
        """Reset the barrier to the initial state."""
        with self._cond:
            if self._count > 0:
                if self._state == 0:
                    self._state = -1
                elif self._state == -2:
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()

    def abort(self):
        """Place the barrier into a 'broken' state."""
        with self._cond:
            self._break()

    def _break(self):
        self._state = -2
        self._cond.notify_all()

    @property
    def parties(self):
        """Return the number of threads required to trip the barrier."""
        return self._parties

    @property
    def n_waiting(self):
        """Return the number of threads currently waiting at the barrier."""
        if self._state == 0:
            return self._count
        return 0

    @property
    def broken(self):
        """Return True if the barrier is in a broken state."""
        return self._state == -2


class BrokenBarrierError(RuntimeError):
    pass


_counter_lock = _allocate_lock()
_counter_value = 0


def _newname(name_template):
    global _counter_value
    with _counter_lock:
        _counter_value += 1
        n = _counter_value
    return name_template % n


# The native RLock, as in CPython: taken three times per thread start, and
# never part of a user's deadlock (it guards two dict updates).
_active_limbo_lock = _thread.RLock()
_active = {}    # maps thread id to Thread object
_limbo = {}

_shutdown_locks_lock = _allocate_lock()
_shutdown_locks = set()


def _maintain_shutdown_locks():
    to_remove = [lock for lock in _shutdown_locks if not lock.locked()]
    _shutdown_locks.difference_update(to_remove)


class Thread:
    """A class that represents a thread of control.

    This class can be safely subclassed in a limited fashion. There are two ways
    to specify the activity: by passing a callable object to the constructor, or
    by overriding the run() method in a subclass.
    """

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    target_name = target.__name__
                    name += " (%s)" % target_name
                except AttributeError:
                    pass

        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        self._tstate_lock = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True
        self._local_impls = []
        self._stderr = _sys.stderr
        dangling = globals().get('_dangling')
        if dangling is not None:
            dangling.add(self)

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()  # easy way to get ._is_stopped set when appropriate
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        """Start the thread's activity (at most once per thread object)."""
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")

        if self._started.is_set():
            raise RuntimeError("threads can only be started once")

        with _active_limbo_lock:
            _limbo[self] = self
        # A plain lock is the cheapest handshake: the new thread releases it
        # once it is registered (Event.wait would build a Condition waiter).
        handshake = _allocate_lock()
        handshake.acquire()
        self._handshake = handshake
        try:
            _start_new_thread(self._bootstrap, ())
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        handshake.acquire()
        self._handshake = None

    def run(self):
        """Method representing the thread's activity."""
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Avoid a refcycle if the thread is running a function with
            # an argument that has a member that points to the thread.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        try:
            self._bootstrap_inner()
        except:
            if self._daemonic and _sys is None:
                return
            raise

    def _set_ident(self):
        self._ident = get_ident()

    def _set_native_id(self):
        self._native_id = get_native_id()

    def _set_tstate_lock(self):
        """Set a lock object which will be released when this thread is done."""
        self._tstate_lock = _allocate_lock()
        self._tstate_lock.acquire()

        if not self.daemon:
            with _shutdown_locks_lock:
                # Purging the released locks of threads nobody joined keeps
                # the set small; join() removes a thread's own lock, so this
                # only has work when threads are not joined.
                if len(_shutdown_locks) >= 32:
                    _maintain_shutdown_locks()
                _shutdown_locks.add(self._tstate_lock)

    def _bootstrap_inner(self):
        tstate_lock = None
        try:
            self._set_ident()
            self._set_tstate_lock()
            tstate_lock = self._tstate_lock
            self._set_native_id()
            if _set_native_name is not None:
                _set_native_name(self._name)
            self._started.set()
            with _active_limbo_lock:
                _active[self._ident] = self
                del _limbo[self]
            self._handshake.release()

            if _trace_hook:
                _sys.settrace(_trace_hook)
            if _profile_hook:
                _sys.setprofile(_profile_hook)

            try:
                self.run()
            except:
                _invoke_excepthook(self)
        finally:
            for impl in self._local_impls:
                impl.dicts.pop(self._ident, None)
            self._local_impls = []
            self._delete()
            if tstate_lock is not None:
                tstate_lock.release()

    def _stop(self):
        lock = self._tstate_lock
        self._is_stopped = True
        self._tstate_lock = None
        if not self.daemon:
            with _shutdown_locks_lock:
                # Remove our (released) lock; other threads' released locks
                # go when the set next grows (see _set_tstate_lock).
                _shutdown_locks.discard(lock)

    def _delete(self):
        "Remove current thread from the dict of currently running threads."
        with _active_limbo_lock:
            _active.pop(get_ident(), None)

    def join(self, timeout=None):
        """Wait until the thread terminates (or the timeout, in seconds, expires)."""
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")

        if timeout is None:
            self._wait_for_tstate_lock()
        else:
            # the behavior of a negative timeout isn't documented, but
            # historically .join(timeout=x) for x<0 has acted as if timeout=0
            self._wait_for_tstate_lock(timeout=max(timeout, 0))

    def _wait_for_tstate_lock(self, block=True, timeout=-1):
        lock = self._tstate_lock
        if lock is None:
            # already determined that the thread is done
            return
        try:
            if lock.acquire(block, timeout):
                lock.release()
                self._stop()
        except:
            # As CPython 3.11: if acquire() failed (a bad timeout, Ctrl-C)
            # while the lock is held, the thread is taken as finished.
            if lock.locked():
                lock.release()
                self._stop()
            raise

    @property
    def name(self):
        """A string used for identification purposes only."""
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)
        if _set_native_name is not None and self._ident is not None \
                and self._ident == get_ident():
            _set_native_name(self._name)

    @property
    def ident(self):
        """Thread identifier of this thread or None if it has not been started."""
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        """Native integral thread ID of this thread, or None if it has not been started."""
        assert self._initialized, "Thread.__init__() not called"
        return self._native_id

    def is_alive(self):
        """Return whether the thread is alive."""
        assert self._initialized, "Thread.__init__() not called"
        if self._is_stopped or not self._started.is_set():
            return False
        self._wait_for_tstate_lock(False)
        return not self._is_stopped

    @property
    def daemon(self):
        """A boolean value indicating whether this thread is a daemon thread."""
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        """Return whether this thread is a daemon (deprecated)."""
        return self.daemon

    def setDaemon(self, daemonic):
        """Set whether this thread is a daemon (deprecated)."""
        self.daemon = daemonic

    def getName(self):
        """Return a string used for identification purposes only (deprecated)."""
        return self.name

    def setName(self, name):
        """Set the name string for this thread (deprecated)."""
        self.name = name


def _print_exception(exc_type, exc_value, exc_tb, file):
    import traceback
    if exc_value is None:
        exc_value = exc_type()
    try:
        # CPython's _thread._excepthook prints with the C traceback printer.
        traceback._print_exception_c(exc_value, file)
    except TypeError:
        traceback.print_exception(exc_type, exc_value, exc_tb, file=file)


class ExceptHookArgs(tuple):
    """ExceptHookArgs(exc_type, exc_value, exc_traceback, thread)"""

    def __new__(cls, args):
        args = tuple(args)
        if len(args) != 4:
            raise TypeError('_thread._ExceptHookArgs() takes a 4-sequence (%d-sequence given)'
                            % len(args))
        return tuple.__new__(cls, args)

    exc_type = property(lambda self: self[0])
    exc_value = property(lambda self: self[1])
    exc_traceback = property(lambda self: self[2])
    thread = property(lambda self: self[3])

    def __repr__(self):
        return ('_thread._ExceptHookArgs(exc_type=%r, exc_value=%r, '
                'exc_traceback=%r, thread=%r)' % tuple(self))


def excepthook(args, /):
    """Handle uncaught Thread.run() exception."""
    if args.exc_type == SystemExit:
        # silently ignore SystemExit
        return

    if _sys is not None and _sys.stderr is not None:
        stderr = _sys.stderr
    elif args.thread is not None:
        stderr = args.thread._stderr
        if stderr is None:
            return
    else:
        return

    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    print("Exception in thread %s:" % name, file=stderr, flush=True)
    _print_exception(args.exc_type, args.exc_value, args.exc_traceback, stderr)
    stderr.flush()


# Original value of threading.excepthook
__excepthook__ = excepthook


def _invoke_excepthook(thread):
    try:
        hook = excepthook
        if hook is None:
            hook = __excepthook__
        args = ExceptHookArgs([*_sys.exc_info(), thread])
        hook(args)
    except Exception as exc:
        exc.__suppress_context__ = True
        stderr = _sys.stderr if _sys.stderr is not None else thread._stderr
        print("Exception in threading.excepthook:", file=stderr, flush=True)
        sys_hook = getattr(_sys, 'excepthook', None)
        if sys_hook is not None:
            sys_hook(*_sys.exc_info())
        else:
            _print_exception(type(exc), exc, None, stderr)


class Timer(Thread):
    """Call a function after a specified number of seconds:

            t = Timer(30.0, f, args=None, kwargs=None)
            t.start()
            t.cancel()     # stop the timer's action if it's still waiting
    """

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        """Stop the timer if it hasn't finished yet."""
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._set_tstate_lock()
        self._started.set()
        self._set_ident()
        self._set_native_id()
        if _set_native_name is not None:
            _set_native_name("MainThread")
        with _active_limbo_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    # Dummy thread class to represent threads not started here (e.g. with
    # _thread.start_new_thread).  They are marked as alive and daemonic and
    # can't be joined.

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started.set()
        self._set_ident()
        self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self

    def _stop(self):
        pass

    def is_alive(self):
        assert not self._is_stopped and self._started.is_set()
        return True

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


def current_thread():
    """Return the current Thread object, corresponding to the caller's thread
    of control."""
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


currentThread = current_thread


def active_count():
    """Return the number of Thread objects currently alive."""
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


activeCount = active_count


def _enumerate():
    return list(_active.values()) + list(_limbo.values())


def enumerate():
    """Return a list of all Thread objects currently alive."""
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    """Register a callable to be called while the interpreter shuts down,
    before non-daemon threads are joined."""
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")

    def call():
        func(*arg, **kwargs)
    _threading_atexits.append(call)


_main_thread = _MainThread()


def _shutdown():
    """Wait until the Python thread state of all non-daemon threads get deleted."""
    if _main_thread._is_stopped:
        # _shutdown() was already called
        return

    global _SHUTTING_DOWN
    _SHUTTING_DOWN = True
    for atexit_call in reversed(_threading_atexits):
        atexit_call()

    if _main_thread.ident == get_ident():
        tlock = _main_thread._tstate_lock
        if tlock is not None and tlock.locked():
            tlock.release()
        _main_thread._stop()

    # Join all non-daemon threads
    while True:
        with _shutdown_locks_lock:
            locks = list(_shutdown_locks)
            _shutdown_locks.clear()
        if not locks:
            break
        for lock in locks:
            # mimic Thread.join()
            lock.acquire()
            lock.release()
        # new threads can be spawned while we were waiting for the other
        # threads to complete


def _after_fork():
    """In a child made by os.fork() only the thread that forked exists: it
    becomes the main thread, every other Thread object is stopped, and the
    module's locks are new (another thread may have held them at the fork)."""
    global _active_limbo_lock, _shutdown_locks_lock, _shutdown_locks, _main_thread
    _active_limbo_lock = _thread.RLock()
    _shutdown_locks_lock = _allocate_lock()
    current = _active.get(get_ident())
    if current is None:
        current = _DummyThread()
    for thread in list(_active.values()) + list(_limbo.values()):
        if thread is not current:
            thread._is_stopped = True
            thread._tstate_lock = None
    _shutdown_locks = set()
    if not current.daemon and current._tstate_lock is not None:
        _shutdown_locks.add(current._tstate_lock)
    _limbo.clear()
    _active.clear()
    _active[get_ident()] = current
    _main_thread = current


import posix as _posix
if hasattr(_posix, "register_at_fork"):
    _posix.register_at_fork(after_in_child=_after_fork)
del _posix


def main_thread():
    """Return the main thread object."""
    return _main_thread


from _threading_local import local


def __getattr__(name):
    # `_dangling`, the weak set of Thread objects that CPython's test.support
    # compares before and after a test, is made on first use: importing
    # weakref costs every threaded script otherwise. Threads created before
    # that first use are not in it.
    if name == '_dangling':
        from weakref import WeakSet
        value = globals()['_dangling'] = WeakSet()
        return value
    raise AttributeError("module 'threading' has no attribute %r" % (name,))
