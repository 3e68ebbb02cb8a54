"""asyncio queues and synchronisation primitives (Lock, Event, Condition,
Semaphore, BoundedSemaphore), built on the native futures of _asyncio.
They follow CPython's asyncio/locks.py and queues.py."""

from _asyncio import get_running_loop, CancelledError


class _LoopBound:
    """As CPython's mixins._LoopBoundMixin: a primitive belongs to the loop
    running when it first has to wait; waiting on it from another loop is
    CPython's RuntimeError (the waiter's future would never wake there)."""

    _loop = None

    def _get_loop(self):
        loop = get_running_loop()
        if self._loop is None:
            self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(f'{self!r} is bound to a different event loop')
        return loop


def _repr(obj, extra, waiters):
    """CPython's form: the object's default repr with the state in brackets."""
    if waiters:
        extra = f'{extra}, waiters:{len(waiters)}'
    return f'<{object.__repr__(obj)[1:-1]} [{extra}]>'


class _Waiters(list):
    """A small FIFO of waiter futures (collections.deque is a heavy import)."""

    def popleft(self):
        return self.pop(0)


class QueueEmpty(Exception):
    """Raised by Queue.get_nowait() on an empty queue."""


class QueueFull(Exception):
    """Raised by Queue.put_nowait() on a full queue."""


def _wake_first(waiters):
    while waiters:
        w = waiters.popleft()
        if not w.done():
            w.set_result(None)
            break


class Queue(_LoopBound):
    """A FIFO queue for coroutines; `maxsize` <= 0 means unbounded."""

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = _Waiters()
        self._putters = _Waiters()
        self._unfinished_tasks = 0
        self._finished = None
        self._init(maxsize)

    def _init(self, maxsize):
        self._queue = []
        self._head = 0

    def _get(self):
        item = self._queue[self._head]
        self._queue[self._head] = None
        self._head += 1
        if self._head > 32 and self._head * 2 > len(self._queue):
            del self._queue[:self._head]
            self._head = 0
        return item

    def _put(self, item):
        self._queue.append(item)

    def _len(self):
        return len(self._queue) - self._head

    def __repr__(self):
        return f'<{type(self).__name__} at {id(self):#x} {self._format()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._format()}>'

    def _format(self):
        # As CPython's: the items waiting, the tasks blocked in get()/put(),
        # the items not yet task_done().
        result = f'maxsize={self._maxsize!r}'
        queue = getattr(self, '_queue', None)
        if queue:
            items = list(queue)[getattr(self, '_head', 0):]
            if items:
                result += f' _queue={items!r}'
        if self._getters:
            result += f' _getters[{len(self._getters)}]'
        if self._putters:
            result += f' _putters[{len(self._putters)}]'
        if self._unfinished_tasks:
            result += f' tasks={self._unfinished_tasks}'
        return result

    def qsize(self):
        return self._len()

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return self._len() == 0

    def full(self):
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    async def put(self, item):
        while self.full():
            putter = self._get_loop().create_future()
            self._putters.append(putter)
            try:
                await putter
            except BaseException:
                putter.cancel()
                try:
                    self._putters.remove(putter)
                except ValueError:
                    pass
                if not self.full() and not putter.cancelled():
                    _wake_first(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        if self._finished is not None and self._finished.done():
            self._finished = None
        _wake_first(self._getters)

    async def get(self):
        while self.empty():
            getter = self._get_loop().create_future()
            self._getters.append(getter)
            try:
                await getter
            except BaseException:
                getter.cancel()
                try:
                    self._getters.remove(getter)
                except ValueError:
                    pass
                if not self.empty() and not getter.cancelled():
                    _wake_first(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._get()
        _wake_first(self._putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0 and self._finished is not None:
            if not self._finished.done():
                self._finished.set_result(None)

    async def join(self):
        if self._unfinished_tasks > 0:
            if self._finished is None or self._finished.done():
                self._finished = self._get_loop().create_future()
            await self._finished


class PriorityQueue(Queue):
    """Retrieves the lowest entry first (heapq)."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        import heapq
        heapq.heappush(self._queue, item)

    def _get(self):
        import heapq
        return heapq.heappop(self._queue)

    def _len(self):
        return len(self._queue)


class LifoQueue(Queue):
    """Retrieves the most recently added entry first."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()

    def _len(self):
        return len(self._queue)


class _ContextManagerMixin:
    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Lock(_ContextManagerMixin, _LoopBound):
    """A mutual-exclusion lock for coroutines (FIFO fairness)."""

    def __init__(self):
        self._waiters = None
        self._locked = False

    def __repr__(self):
        return _repr(self, 'locked' if self._locked else 'unlocked', self._waiters)

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and (self._waiters is None or all(w.cancelled() for w in self._waiters)):
            self._locked = True
            return True
        if self._waiters is None:
            self._waiters = _Waiters()
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                self._wake_up_first()
            raise
        self._locked = True
        return True

    def release(self):
        if self._locked:
            self._locked = False
            self._wake_up_first()
        else:
            raise RuntimeError('Lock is not acquired.')

    def _wake_up_first(self):
        if not self._waiters:
            return
        fut = self._waiters[0]
        if not fut.done():
            fut.set_result(True)


class Event(_LoopBound):
    """A flag coroutines can wait on."""

    def __init__(self):
        self._waiters = _Waiters()
        self._value = False

    def __repr__(self):
        return _repr(self, 'set' if self._value else 'unset', self._waiters)

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Condition(_ContextManagerMixin, _LoopBound):
    """A condition variable for coroutines, over a Lock."""

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = _Waiters()

    def __repr__(self):
        return _repr(self, 'locked' if self.locked() else 'unlocked', self._waiters)

    async def wait(self):
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            fut = self._get_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            err = None
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError as e:
                    err = e
            if err is not None:
                raise err

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore(_ContextManagerMixin, _LoopBound):
    """A counter of free slots; acquire() waits when it is zero."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._waiters = None
        self._value = value

    def __repr__(self):
        return _repr(self, 'locked' if self.locked() else f'unlocked, value:{self._value}', self._waiters)

    def locked(self):
        return self._value == 0 or any(not w.cancelled() for w in (self._waiters or ()))

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True
        if self._waiters is None:
            self._waiters = _Waiters()
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if fut.done() and not fut.cancelled():
                self._value += 1
            raise
        finally:
            while self._value > 0:
                if not self._wake_up_next():
                    break
        return True

    def release(self):
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        if not self._waiters:
            return False
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return True
        return False


class BoundedSemaphore(Semaphore):
    """A Semaphore that refuses to be released above its initial value."""

    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        super().release()


# Named after CPython's modules, as reprs and error messages show them.
for _cls in (Lock, Event, Condition, Semaphore, BoundedSemaphore):
    _cls.__module__ = 'asyncio.locks'
for _cls in (Queue, PriorityQueue, LifoQueue, QueueEmpty, QueueFull):
    _cls.__module__ = 'asyncio.queues'
del _cls
