"""The protocol between a gilt parent and its worker children, under
spawn_process, multiprocessing and ProcessPoolExecutor.

A child is made one of two ways (the start method). 'spawn' and
'forkserver': the gilt binary started with --mp-worker
(src/runtime/process.rs) runs the parent's script as __mp_main__, then
calls _worker_main, which reads messages from its socket (fd 3). 'fork'
(the default, as CPython's on Linux): a copy of this process made by
_mp.fork() handles its first message where the parent left it (nothing is
re-run or sent), then reads the others from its end of a socket pair, and
ends with _mp.fork_exit. Each message is one value in the
encoding of src/stdlib/mp_wire.rs; values that are not plain go through
_reduce (here) and come back through _resolve.

Before any of these the parent sends a spawned child one frame that is
not a value: its compiled embedded modules (src/runtime/code_cache.rs),
read by the child's runtime, never by this module.

Parent -> child:
  ('call', fn, args, kwargs)   run fn; answer ('ok', result) or ('err', exc)
  ('proc', process)            run process._bootstrap(); answer ('exit', code), exit
  ('ident', name)              the child's current_process().name (pool workers)
  ('resp', ok, value)          the answer to a child's request
Child -> parent:
  ('ok', v) ('err', exc) ('exit', code)
  ('enc', exc, reprs)          the result could not be sent (reprs: its items')
  ('bootstrap', guard_missing) the main module failed while running as __mp_main__
  ('posts', [encoded (obj_id, method, args), ...])
                               calls that need no answer (see post)
  ('req', obj_id, method, args, kwargs)
                               call a method of a shared object (Queue, Pipe,
                               Manager dict, ...) that lives in the parent; the
                               parent's thread serving this child answers 'resp'.
End of stream (EOF) means the other side exited or died.
"""

import sys
import _mp
import _thread
from posix import getpid as _getpid, getppid as _getppid   # not os: see multiprocessing.py

_builtins = __builtins__ if isinstance(__builtins__, dict) else __builtins__.__dict__


# ----------------------------------------------------------- values ------

class RemoteTraceback(Exception):
    """Carries the child's formatted traceback as an exception's __cause__."""

    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class PicklingError(Exception):
    """A value that cannot be sent to another process (pickle's error)."""


PicklingError.__module__ = '_pickle'


def _cannot(obj, why):
    """pickle's PicklingError for obj: "Can't pickle <obj>: why"."""
    try:
        r = repr(obj)
    except BaseException:
        r = '<%s object>' % type(obj).__name__
    return PicklingError("Can't pickle %s: %s" % (r, why))


def _lookup(module, qualname):
    if module in ('__main__', '__mp_main__'):
        mod = sys.modules.get('__main__')
    elif module == 'builtins':
        return _builtins[qualname]
    else:
        mod = sys.modules.get(module)
        if mod is None:
            __import__(module)
            mod = sys.modules[module]
    obj = mod
    for part in qualname.split('.'):
        try:
            obj = getattr(obj, part)
        except AttributeError:
            where = 'the child process' if _mp.is_child() else 'this process'
            raise AttributeError("Can't get attribute %r on module %r in %s "
                                 "(is it defined under the __main__ guard?)"
                                 % (qualname, module, where)) from None
    return obj


def _by_name(obj):
    qual = getattr(obj, '__qualname__', None) or getattr(obj, '__name__', None)
    module = getattr(obj, '__module__', None)
    if qual is None:
        raise _cannot(obj, 'it has no name to be found by')
    if '<locals>' in qual:
        raise AttributeError("Can't pickle local object %r" % (qual,))
    where = module or '__main__'
    if where in ('__mp_main__',):
        where = '__main__'
    if '<lambda>' in qual:
        raise _cannot(obj, 'attribute lookup %s on %s failed' % (qual, where))
    if module is None or module == 'builtins':
        if _builtins.get(qual) is obj:
            return ('G', ('builtins', qual))
        raise _cannot(obj, 'attribute lookup %s on builtins failed' % (qual,))
    try:
        found = _lookup(module, qual)
    except Exception:
        raise _cannot(obj, 'attribute lookup %s on %s failed' % (qual, where)) from None
    if found is not obj:
        raise _cannot(obj, "it's not the same object as %s.%s" % (where, qual))
    return ('G', (module, qual))


def _format_exc(e):
    import traceback
    return ''.join(traceback.format_exception(type(e), e, e.__traceback__))


# A reduced object's extra parts, told apart from an instance's plain state.
_REDUCED_STATE = '__gilt_reduced_state__'


def _overrides(t, name):
    """True when a class of t's MRO other than object defines name (object's
    own __reduce_ex__/__getstate__ are the defaults, not a custom protocol)."""
    for k in t.__mro__:
        if name in vars(k):
            return k is not object
    return False


def _custom_reduce(obj):
    """pickle's protocol for classes that define it: __reduce_ex__ /
    __reduce__ (a global's name, or (callable, args[, state[, listitems[,
    dictitems]]])), or __getstate__. None when the class defines none."""
    t = type(obj)
    if _overrides(t, '__reduce_ex__'):
        rv = obj.__reduce_ex__(4)
    elif _overrides(t, '__reduce__'):
        rv = obj.__reduce__()
    elif _overrides(t, '__getstate__'):
        return ('I', t, [_REDUCED_STATE, obj.__getstate__(), None, None])
    else:
        return None
    if isinstance(rv, str):
        module = getattr(obj, '__module__', None) or '__main__'
        return ('G', (module, rv))
    if not isinstance(rv, tuple):
        raise _cannot(obj, '__reduce__ must return a string or tuple')
    if not 2 <= len(rv) <= 6:
        raise _cannot(obj, 'tuple returned by __reduce__ must contain 2 through 6 elements')
    func, args = rv[0], rv[1]
    if not callable(func):
        raise _cannot(obj, 'first item of the tuple returned by __reduce__ must be callable')
    if not isinstance(args, tuple):
        raise _cannot(obj, 'second item of the tuple returned by __reduce__ must be a tuple')
    state = rv[2] if len(rv) > 2 else None
    items = list(rv[3]) if len(rv) > 3 and rv[3] is not None else None
    pairs = list(rv[4]) if len(rv) > 4 and rv[4] is not None else None
    if state is None and items is None and pairs is None:
        return ('R', (func, args))
    return ('R', (func, args), [_REDUCED_STATE, state, items, pairs])


def _set_reduced_state(obj, state, items, pairs):
    if state is not None:
        setstate = getattr(obj, '__setstate__', None)
        if setstate is not None:
            setstate(state)
        else:
            slots = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slots = state
            if state:
                obj.__dict__.update(state)
            if slots:
                for k, v in slots.items():
                    setattr(obj, k, v)
    if items is not None:
        for x in items:
            obj.append(x)
    if pairs is not None:
        for k, v in pairs:
            obj[k] = v


def _reduce(obj):
    """(tag, payload) for a value that is not plain; see _resolve."""
    if isinstance(obj, BaseException):
        d = getattr(obj, '__dict__', None) or {}
        d = {k: v for k, v in d.items() if k != '_mp_tb'}
        return ('E', (type(obj), obj.args, getattr(obj, '_mp_tb', None), d))
    if isinstance(obj, type):
        return _by_name(obj)
    if type(obj).__name__ == 'module':
        return ('m', obj.__name__)
    self = getattr(obj, '__self__', None)
    if self is not None and callable(obj) and type(self).__name__ != 'module':
        return ('B', (self, obj.__name__))
    if type(obj).__name__ in ('function', 'builtin_function_or_method'):
        return _by_name(obj)
    state = None
    gs = getattr(type(obj), '__mp_getstate__', None)
    if gs is None:
        custom = _custom_reduce(obj)
        if custom is not None:
            return custom
    if gs is not None:
        state = gs(obj)
    else:
        state = getattr(obj, '__dict__', None)
        if state is None:
            t = type(obj)
            name = t.__qualname__
            if t.__module__ not in (None, 'builtins'):
                name = '%s.%s' % (t.__module__, name)
            raise TypeError("cannot pickle %r object" % (name,))
        state = dict(state)
    # The instance is made (and numbered) before its state is read, so the
    # state may refer back to it: a tree with parent links keeps its shape.
    return ('I', type(obj), state)


def _resolve(tag, payload):
    if tag == 'G':
        return _lookup(payload[0], payload[1])
    if tag == 'I':
        try:
            return payload.__new__(payload)
        except TypeError:
            # A __new__ that needs arguments (gilt's own datetime classes):
            # the state restores what it would have set.
            return object.__new__(payload)
    if tag == 'R':
        return payload[0](*payload[1])
    if tag == '=':
        obj, state = payload
        if type(state) is list and len(state) == 4 and state[0] == _REDUCED_STATE:
            _set_reduced_state(obj, state[1], state[2], state[3])
            return None
        ss = getattr(type(obj), '__mp_setstate__', None)
        if ss is not None:
            ss(obj, state)
        else:
            obj.__dict__.update(state)
        return None
    if tag == 'E':
        cls, args, tb, d = payload
        try:
            e = cls(*args)
        except Exception:
            e = Exception(*args)
        try:
            for k, v in d.items():
                setattr(e, k, v)
        except Exception:
            pass
        if tb:
            e._mp_tb = tb
            e.__cause__ = RemoteTraceback('\n"""\n' + tb + '"""')
        return e
    if tag == 'B':
        return getattr(payload[0], payload[1])
    if tag == 'm':
        __import__(payload)
        return sys.modules[payload]
    raise ValueError('unknown tag %r in a message from another process' % (tag,))


_mp.set_hooks(_reduce, _resolve)


# ------------------------------------------------ shared objects ------

_registry = {}
_reg_lock = _thread.allocate_lock()
_next_id = [0]


def register(obj):
    """Keeps obj in this process and returns its reference (owner pid, id)."""
    with _reg_lock:
        _next_id[0] += 1
        _registry[_next_id[0]] = obj
        return (_getpid(), _next_id[0])


def call(ref, method, args=(), kwargs=None):
    """Calls a method of a registered object, here or in the parent."""
    if ref[0] == _getpid():
        return getattr(_registry[ref[1]], method)(*args, **(kwargs or {}))
    if _conn is None or ref[0] != _getppid():
        raise RuntimeError('this shared object belongs to process %d; gilt serves shared '
                           'objects only to the direct children of the process that made them'
                           % ref[0])
    _flush_posts()
    with _rpc_lock:
        _conn.send(('req', ref[1], method, tuple(args), kwargs or {}))
        while True:
            m = _conn.recv()
            if m[0] == 'resp':
                break
    if m[1]:
        return m[2]
    raise m[2]


# Calls that need no answer (Queue.put on an unbounded queue) are encoded by
# the caller, so an unpicklable value raises there, and sent by a feeder
# thread in batches: whatever was posted while the previous batch was being
# sent goes in one frame, as CPython's Queue feeder thread writes ahead.
# Every other message this process sends goes after the pending posts
# (_flush), so the parent sees them in the order they were made.
# A forked child sets these again (_after_fork_child).
_PID = _getpid()
_PPID = _getppid()
_posts = []
_posts_lock = _thread.allocate_lock()
_send_lock = _thread.allocate_lock()
_feeder_wake = []


def post(ref, method, args=()):
    """Calls a method of a registered object without waiting for the answer."""
    if ref[0] == _PID or _conn is None or ref[0] != _PPID:
        call(ref, method, args)
        return
    blob = _mp.dumps((ref[1], method, tuple(args)))
    with _posts_lock:
        _posts.append(blob)
        first = len(_posts) == 1
    if first:
        if not _feeder_wake:
            wake = _thread.allocate_lock()
            wake.acquire()
            _feeder_wake.append(wake)
            _thread.start_new_thread(_feeder, (wake,))
        try:
            _feeder_wake[0].release()
        except RuntimeError:
            pass                    # already awake


def _feeder(wake):
    from time import sleep
    while True:
        wake.acquire()
        # A moment for the posts that follow to join this batch: one frame
        # and one wake-up of this thread per batch rather than per put.
        sleep(0.0005)
        _flush_posts()


def _flush_posts():
    """Sends the pending posts (one frame) before anything sent after them."""
    if not _posts:
        return
    with _send_lock:
        with _posts_lock:
            batch = _posts[:]
            del _posts[:]
        if batch:
            _conn.send(('posts', batch))


def _serve_posts(blobs):
    for blob in blobs:
        try:
            oid, method, args = _mp.loads(blob)
            getattr(_registry[oid], method)(*args)
        except BaseException:
            pass


def _serve_request(conn, m):
    _, oid, method, args, kwargs = m
    try:
        r = ('resp', True, getattr(_registry[oid], method)(*args, **kwargs))
    except BaseException as e:
        r = ('resp', False, e)
    try:
        conn.send(r)
    except TypeError as e:
        conn.send(('resp', False, e))


# ---------------------------------------------------- the parent ------

class ChildDied(Exception):
    """A child exited (killed, os._exit, crash) before answering."""


_live = set()


def bootstrap_error(guard_missing, pid):
    if guard_missing:
        return RuntimeError(_mp.BOOTSTRAP_MESSAGE)
    return RuntimeError('child process %d failed while running the main module as __mp_main__ '
                        '(its traceback is above)' % pid)


def exchange(conn):
    """Reads the child's messages, serving its requests, until an answer;
    None when the child went away first."""
    while True:
        try:
            m = conn.recv()
        except EOFError:
            return None
        if m[0] == 'req':
            _serve_request(conn, m)
        elif m[0] == 'posts':
            _serve_posts(m[1])
        else:
            return m


# The start method of every process started without a context
# (multiprocessing.set_start_method); None until chosen or first used.
start_method = [None]
DEFAULT_METHOD = 'fork'


def method_of(method):
    """The start method to use: `method`, or the default."""
    if method is None:
        if start_method[0] is None:
            start_method[0] = DEFAULT_METHOD
        method = start_method[0]
    return method


def start(method, msg=None):
    """Starts a child by `method` with `msg` as its first message (None: it
    just waits for messages); returns the parent's end of its socket."""
    if method_of(method) == 'fork':
        return _fork(msg)
    if msg is None:
        return _mp.spawn()
    # Encoded once, before the spawn: a TypeError for a lambda etc.
    # comes before a process is started for nothing.
    frame = _mp.dumps(msg, True)
    conn = _mp.spawn()
    try:
        conn.send_frame(frame)
    except BaseException:
        conn.kill()
        conn.wait()
        raise
    return conn


def _fork(first):
    """The 'fork' start method: in the parent, the child's conn; the child
    handles `first`, serves its parent, and exits without returning."""
    _flush()        # or the child writes the parent's buffered output again
    conn = _mp.fork()
    if conn is not None:
        return conn
    code = 1
    try:
        _after_fork_child()
        code = _serve(first)
        threading = sys.modules.get('threading')
        if threading is not None:
            # As CPython's forked child: its own non-daemon threads end first.
            threading._shutdown()
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except BaseException:
        try:
            import traceback
            traceback.print_exc()
        except BaseException:
            pass
    finally:
        _flush()
        _mp.fork_exit(code)


def _after_fork_child():
    """A forked child's fresh protocol state: only this thread survived the
    fork, so locks another thread held and the feeder thread are gone."""
    global _conn, _PID, _PPID, _rpc_lock, _posts_lock, _send_lock, _reg_lock
    global current, current_name
    _PID = _getpid()
    _PPID = _getppid()
    _rpc_lock = _thread.allocate_lock()
    _posts_lock = _thread.allocate_lock()
    _send_lock = _thread.allocate_lock()
    _reg_lock = _thread.allocate_lock()
    del _posts[:]
    del _feeder_wake[:]
    _live.clear()
    current = None
    current_name = None
    _conn = _mp.child_conn()


class Child:
    """A started child with one message in flight and a thread that serves it
    until the answer arrives (so the parent may do other work meanwhile)."""

    def __init__(self, msg, daemon=False, method=None):
        self._conn = start(method, msg)
        self.pid = self._conn.pid
        self._done = _thread.allocate_lock()
        self._done.acquire()
        self.outcome = None
        self.exitcode = None
        _live.add(self)
        import threading
        threading.Thread(target=self._serve, name='mp-serve-%d' % self.pid, daemon=daemon).start()

    def _serve(self):
        try:
            self.outcome = exchange(self._conn)
        except BaseException as e:
            self.outcome = ('err', e)
        self._conn.close()
        self.exitcode = self._conn.wait()
        _live.discard(self)
        self._done.release()

    def wait(self, timeout=None):
        """True once the child has answered and exited."""
        if timeout is None:
            got = self._done.acquire()
        else:
            got = self._done.acquire(True, max(0.0, timeout))
        if got:
            self._done.release()
        return got

    def poll_exitcode(self):
        return self._conn.exitcode()

    def terminate(self):
        self._conn.terminate()

    def kill(self):
        self._conn.kill()


class ProcessHandle:
    """What spawn_process returns."""

    def __init__(self, fn, args, kwargs):
        self._child = Child(('call', fn, args, kwargs))
        self.pid = self._child.pid

    @property
    def exitcode(self):
        if self._child.wait(0):
            return self._child.exitcode
        return self._child.poll_exitcode()

    def is_alive(self):
        return not self._child.wait(0) and self._child.poll_exitcode() is None

    def terminate(self):
        self._child.terminate()

    def kill(self):
        self._child.kill()

    def join(self, timeout=None):
        """fn's result (None if still running after timeout); re-raises fn's
        exception with the child's traceback as its __cause__."""
        if not self._child.wait(timeout):
            return None
        out = self._child.outcome
        if out is None:
            raise ChildDied('child process %d exited with code %s before returning a result'
                            % (self.pid, self._child.exitcode))
        if out[0] == 'ok':
            return out[1]
        if out[0] == 'bootstrap':
            raise bootstrap_error(out[1], self.pid)
        raise out[1]

    def __repr__(self):
        st = 'running' if self.is_alive() else 'exitcode=%s' % self.exitcode
        return '<process_handle pid=%d %s>' % (self.pid, st)


def spawn_process(fn, *args, **kwargs):
    """Runs fn(*args, **kwargs) in a new gilt process; returns its handle."""
    return ProcessHandle(fn, args, kwargs)


_pool_seq = [0]


def spawn_pool_workers(processes, initializer, initargs, method=None):
    """Checks Pool's arguments and starts its worker processes; returns
    (processes, conns). multiprocessing.Pool calls this before it imports
    the pool's own modules (_mp_pool, threading): a child needs several ms
    to boot, and the parent's importing then overlaps with it."""
    if processes is None:
        processes = _mp.cpu_count()
    if processes < 1:
        raise ValueError('Number of processes must be at least 1')
    if initializer is not None:
        _mp.dumps((initializer, tuple(initargs)))
    method = method_of(method)
    kind = 'Fork' if method == 'fork' else 'Spawn' if method == 'spawn' else 'ForkServer'
    conns = []
    for _ in range(processes):
        _pool_seq[0] += 1
        ident = ('ident', '%sPoolWorker-%d' % (kind, _pool_seq[0]))
        if method == 'fork':
            conns.append(_fork(ident))
        else:
            conn = _mp.spawn()
            conn.send(ident)
            conns.append(conn)
    return processes, conns


# ----------------------------------------------------- the child ------

_conn = None
_rpc_lock = _thread.allocate_lock()
current = None          # this process's Process object (or a stand-in)
current_name = None     # set by ('ident', name)


def _flush():
    if _posts:
        _flush_posts()
    for f in (sys.stdout, sys.stderr):
        try:
            f.flush()
        except Exception:
            pass


def _with_tb(e):
    try:
        e._mp_tb = _format_exc(e)
    except Exception:
        pass
    return e


def _encoding_failed(r, e):
    """The answer when answer r could not be sent: ('enc', exc, reprs of the
    value's items) for an 'ok' (Pool raises MaybeEncodingError from it),
    else the error itself."""
    if r[0] != 'ok':
        return ('err', _with_tb(e))
    v = r[1]
    try:
        reprs = [repr(x) for x in v] if isinstance(v, list) else [repr(v)]
    except BaseException:
        reprs = ['<unprintable value>']
    try:
        _mp.dumps(e)
    except BaseException:
        e = TypeError(str(e))
    return ('enc', e, reprs)


def _worker_main(ok):
    """The child's loop; returns its exit status."""
    global _conn
    _conn = _mp.child_conn()
    if '__main__' in sys.modules:
        sys.modules.setdefault('__mp_main__', sys.modules['__main__'])
    if not ok:
        _flush()
        _conn.send(('bootstrap', _mp.guard_missing()))
        return 1
    return _serve(None)


def _serve(m):
    """Handles m (when not None), then the parent's messages until a
    process ends, 'stop' or EOF; returns this process's exit status."""
    global current, current_name
    code = 0
    while True:
        if m is not None:
            kind = m[0]
            if kind == 'call':
                try:
                    r = ('ok', m[1](*m[2], **m[3]))
                except BaseException as e:
                    r = ('err', _with_tb(e))
                _flush()
                try:
                    _conn.send(r)
                except BaseException as e:
                    _conn.send(_encoding_failed(r, e))
            elif kind == 'proc':
                current = m[1]
                code = current._bootstrap()
                _flush()
                try:
                    _conn.send(('exit', code))
                except BaseException:
                    pass
                break
            elif kind == 'ident':
                current_name = m[1]
            elif kind == 'stop':
                break
        try:
            m = _conn.recv()
        except EOFError:
            break
        except BaseException as e:
            _conn.send(('err', _with_tb(e)))
            m = None
    _flush()
    return code
