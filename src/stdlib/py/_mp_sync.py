"""Cross-process locks and shared values for gilt's multiprocessing.

Each object owns a small shared memory segment (_mp.SharedMem: a file in
/dev/shm mapped MAP_SHARED in every process that receives the object).
Locks are counters in that memory: acquire decrements a positive counter
with compare-and-swap and otherwise sleeps on the word with a futex (the
shared, not process-private, kind), so waiting costs no CPU and needs no
server process. Value and Array keep their data there too: `v.value += 1`
is a read then a write, and loses updates unless get_lock() is held.
"""

import time
from posix import getpid as _getpid   # not os: see multiprocessing.py
import _mp
import _thread

_SIZES = {'b': 1, 'B': 1, 'c': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'f': 4,
          'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'd': 8}
_CTYPES = {'c_bool': '?', 'c_char': 'c', 'c_byte': 'b', 'c_ubyte': 'B', 'c_short': 'h',
           'c_ushort': 'H', 'c_int': 'i', 'c_uint': 'I', 'c_long': 'l', 'c_ulong': 'L',
           'c_longlong': 'q', 'c_ulonglong': 'Q', 'c_float': 'f', 'c_double': 'd'}


def _typecode(t):
    if isinstance(t, str):
        t = _CTYPES.get(t, t)
        if t in _SIZES:
            return t
    else:
        name = getattr(t, '__name__', '')
        if name in _CTYPES:
            return _CTYPES[name]
    raise TypeError('unsupported type %r: use a typecode such as "i", "d" or "c"' % (t,))


def _timeout(block, timeout):
    if timeout is not None and timeout < 0:
        timeout = None
    return timeout


class Lock:
    """A lock that works across processes (word 0: 1 free, 0 taken)."""

    def __init__(self, *, ctx=None):
        self._m = _mp.SharedMem(4)
        self._m.store(0, 1)

    def acquire(self, block=True, timeout=None):
        return self._m.sem_acquire(0, block, _timeout(block, timeout))

    def release(self):
        if self._m.load(0) >= 1:
            raise ValueError('semaphore or lock released too many times')
        self._m.sem_release(0)

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *a):
        self.release()

    def __repr__(self):
        st = 'unlocked' if self._m.load(0) else 'locked'
        return '<Lock(owner=%s)>' % ('None' if st == 'unlocked' else 'SomeOtherProcess')


def _me():
    return _getpid(), _thread.get_ident() & 0x7fffffff


class RLock:
    """Re-entrant: words 0 counter, 4 owner pid, 8 owner thread, 12 depth."""

    def __init__(self, *, ctx=None):
        self._m = _mp.SharedMem(16)
        self._m.store(0, 1)

    def _owned(self):
        pid, tid = _me()
        m = self._m
        return m.load(12) > 0 and m.load(4) == pid and m.load(8) == tid

    def acquire(self, block=True, timeout=None):
        m = self._m
        if self._owned():
            m.add(12, 1)
            return True
        if not m.sem_acquire(0, block, _timeout(block, timeout)):
            return False
        pid, tid = _me()
        m.store(4, pid)
        m.store(8, tid)
        m.store(12, 1)
        return True

    def release(self):
        m = self._m
        if not self._owned():
            raise AssertionError('attempt to release recursive lock not owned by thread')
        if m.add(12, -1) == 0:
            m.store(4, 0)
            m.store(8, 0)
            m.sem_release(0)

    def _release_save(self):
        m = self._m
        depth = m.load(12)
        m.store(12, 0)
        m.store(4, 0)
        m.store(8, 0)
        m.sem_release(0)
        return depth

    def _acquire_restore(self, depth):
        self.acquire()
        self._m.store(12, depth)

    __enter__ = acquire

    def __exit__(self, *a):
        self.release()

    def __repr__(self):
        return '<RLock(%s, %d)>' % ('None' if self._m.load(12) == 0 else 'SomeOtherThread', self._m.load(12))


class Semaphore:
    """A counter that work across processes (word 0)."""

    def __init__(self, value=1, *, ctx=None):
        if value < 0:
            raise ValueError('semaphore initial value must be >= 0')
        self._m = _mp.SharedMem(4)
        self._m.store(0, value)

    def acquire(self, block=True, timeout=None):
        return self._m.sem_acquire(0, block, _timeout(block, timeout))

    def release(self, n=1):
        for _ in range(n):
            self._m.sem_release(0)

    def get_value(self):
        return self._m.load(0)

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *a):
        self.release()

    def __repr__(self):
        return '<%s(value=%d)>' % (type(self).__name__, self.get_value())


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1, *, ctx=None):
        Semaphore.__init__(self, value)
        self._bound = value

    def release(self, n=1):
        if self._m.load(0) + n > self._bound:
            raise ValueError('semaphore or lock released too many times')
        Semaphore.release(self, n)


class Event:
    """A flag processes can wait for (word 0)."""

    def __init__(self, *, ctx=None):
        self._m = _mp.SharedMem(4)

    def is_set(self):
        return self._m.load(0) == 1

    def set(self):
        self._m.store(0, 1)
        self._m.wake(0)

    def clear(self):
        self._m.store(0, 0)

    def wait(self, timeout=None):
        if self.is_set():
            return True
        end = None if timeout is None else time.monotonic() + timeout
        while not self.is_set():
            left = None if end is None else end - time.monotonic()
            if left is not None and left <= 0:
                return False
            self._m.wait(0, 0, left)
        return True


class Condition:
    """wait/notify across processes: a sequence word that notify bumps."""

    def __init__(self, lock=None, *, ctx=None):
        self._lock = lock if lock is not None else RLock()
        self._m = _mp.SharedMem(8)
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __mp_getstate__(self):
        return {'_lock': self._lock, '_m': self._m}

    def __mp_setstate__(self, st):
        self.__dict__.update(st)
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *a):
        return self._lock.__exit__(*a)

    def wait(self, timeout=None):
        seq = self._m.load(0)
        self._m.add(4, 1)
        if isinstance(self._lock, RLock):
            depth = self._lock._release_save()
        else:
            self._lock.release()
        try:
            return self._m.wait(0, seq, timeout)
        finally:
            self._m.add(4, -1)
            if isinstance(self._lock, RLock):
                self._lock._acquire_restore(depth)
            else:
                self._lock.acquire()

    def wait_for(self, predicate, timeout=None):
        end = None if timeout is None else time.monotonic() + timeout
        result = predicate()
        while not result:
            left = None
            if end is not None:
                left = end - time.monotonic()
                if left <= 0:
                    break
            self.wait(left)
            result = predicate()
        return result

    def notify(self, n=1):
        self._m.add(0, 1)
        self._m.wake(0, n)

    def notify_all(self):
        self._m.add(0, 1)
        self._m.wake(0)


class Barrier:
    """parties processes meet; words 0 count, 4 generation, 8 broken."""

    def __init__(self, parties, action=None, timeout=None, *, ctx=None):
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._lock = Lock()
        self._m = _mp.SharedMem(12)

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._m.load(0)

    @property
    def broken(self):
        return self._m.load(8) == 1

    def _error(self):
        import threading
        return threading.BrokenBarrierError()

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        m = self._m
        with self._lock:
            if m.load(8):
                raise self._error()
            gen = m.load(4)
            index = m.add(0, 1) - 1
            if index + 1 == self._parties:
                try:
                    if self._action:
                        self._action()
                except BaseException:
                    self.abort()
                    raise
                m.store(0, 0)
                m.add(4, 1)
                m.wake(4)
                return index
        end = None if timeout is None else time.monotonic() + timeout
        while m.load(4) == gen:
            if m.load(8):
                raise self._error()
            left = None if end is None else end - time.monotonic()
            if left is not None and left <= 0:
                self.abort()
                raise self._error()
            m.wait(4, gen, left if left is None else min(left, 0.05))
        return index

    def abort(self):
        self._m.store(8, 1)
        self._m.add(4, 0)
        self._m.wake(4)

    def reset(self):
        with self._lock:
            self._m.store(0, 0)
            self._m.store(8, 0)
            self._m.add(4, 1)
            self._m.wake(4)


class RawValue:
    """One C-typed value in shared memory (no lock)."""

    def __init__(self, typecode_or_type, *args):
        self._tc = _typecode(typecode_or_type)
        self._m = _mp.SharedMem(_SIZES[self._tc])
        if args:
            self.value = args[0]

    @property
    def value(self):
        return self._m.read(self._tc, 0)

    @value.setter
    def value(self, v):
        self._m.write(self._tc, 0, v)

    def __repr__(self):
        return '%s(%r)' % (_type_name(self._tc), self.value)


def _type_name(tc):
    for k, v in _CTYPES.items():
        if v == tc:
            return k
    return tc


class SynchronizedBase:
    """The lock half of Synchronized and SynchronizedArray (as in CPython)."""

    def _set_lock(self, lock):
        self._lock = lock if lock not in (True, None) else RLock()

    def get_lock(self):
        return self._lock

    def get_obj(self):
        return self

    def acquire(self, *a):
        return self._lock.acquire(*a)

    def release(self):
        return self._lock.release()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *a):
        return self._lock.__exit__(*a)


class Synchronized(RawValue, SynchronizedBase):
    """What Value returns: the value plus a lock (get_lock())."""

    def __init__(self, typecode_or_type, *args, lock=True):
        RawValue.__init__(self, typecode_or_type, *args)
        self._set_lock(lock)

    def __repr__(self):
        return '<Synchronized wrapper for %s(%r)>' % (_type_name(self._tc), self.value)


def Value(typecode_or_type, *args, lock=True, ctx=None):
    """A shared value; with lock=False, a RawValue."""
    if lock is False:
        return RawValue(typecode_or_type, *args)
    return Synchronized(typecode_or_type, *args, lock=lock)


class RawArray:
    """A fixed-size array of C-typed values in shared memory (no lock)."""

    def __init__(self, typecode_or_type, size_or_initializer):
        self._tc = _typecode(typecode_or_type)
        if isinstance(size_or_initializer, int):
            self._n = size_or_initializer
            init = None
        else:
            init = list(size_or_initializer)
            self._n = len(init)
        self._sz = _SIZES[self._tc]
        self._m = _mp.SharedMem(max(1, self._n * self._sz))
        if init is not None:
            for i, v in enumerate(init):
                self._m.write(self._tc, i * self._sz, v)

    def __len__(self):
        return self._n

    def _index(self, i):
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError('invalid index')
        return i * self._sz

    def _range(self, s):
        step = 1 if s.step is None else s.step
        if step > 0:
            lo, hi = (0 if s.start is None else s.start), (self._n if s.stop is None else s.stop)
        else:
            lo, hi = (self._n - 1 if s.start is None else s.start), (-1 - self._n if s.stop is None else s.stop)
        lo = lo + self._n if lo < 0 else lo
        hi = hi + self._n if hi < 0 else hi
        bound = self._n if step > 0 else self._n - 1
        return range(max(-1, min(lo, bound)), max(-1, min(hi, bound)), step)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in self._range(i)]
        return self._m.read(self._tc, self._index(i))

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            idx = list(self._range(i))
            v = list(v)
            if len(v) != len(idx):
                raise ValueError('Can only assign sequence of same size')
            for j, x in zip(idx, v):
                self[j] = x
            return
        self._m.write(self._tc, self._index(i), v)

    def __iter__(self):
        return iter(self[:])

    @property
    def value(self):
        if self._tc != 'c':
            raise AttributeError('value')
        b = b''.join(self[:])
        return b.split(b'\0', 1)[0]

    def __repr__(self):
        return '<%s array of %d>' % (_type_name(self._tc), self._n)


class SynchronizedArray(RawArray, SynchronizedBase):
    def __init__(self, typecode_or_type, size_or_initializer, lock=True):
        RawArray.__init__(self, typecode_or_type, size_or_initializer)
        self._set_lock(lock)

    def __repr__(self):
        return '<SynchronizedArray wrapper for %r>' % (self[:],)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    """A shared array; with lock=False, a RawArray."""
    if lock is False:
        return RawArray(typecode_or_type, size_or_initializer)
    return SynchronizedArray(typecode_or_type, size_or_initializer, lock)
