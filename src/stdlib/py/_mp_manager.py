"""multiprocessing.Manager for gilt: the managed dict, list and Namespace
live in the process that made the manager (no separate server process);
children reach them through proxies over their protocol sockets."""

import _mp_core
import multiprocessing as _mp_mod


def _call(ref, name, *args):
    return _mp_core.call(ref, name, args)


class _Proxy:
    def __init__(self, obj):
        object.__setattr__(self, '_ref', _mp_core.register(obj))

    def __mp_getstate__(self):
        return {'_ref': self._ref}

    def __mp_setstate__(self, st):
        object.__setattr__(self, '_ref', st['_ref'])

    def _getvalue(self):
        return _call(self._ref, 'copy')

    def __repr__(self):
        return repr(self._getvalue())

    def __str__(self):
        return str(self._getvalue())

    def __len__(self):
        return _call(self._ref, '__len__')

    def __contains__(self, k):
        return _call(self._ref, '__contains__', k)

    def __getitem__(self, k):
        return _call(self._ref, '__getitem__', k)

    def __setitem__(self, k, v):
        _call(self._ref, '__setitem__', k, _mp_mod._copy(v))

    def __delitem__(self, k):
        _call(self._ref, '__delitem__', k)

    def __iter__(self):
        return iter(self._getvalue())

    def __eq__(self, other):
        return self._getvalue() == other


def _method(name):
    def f(self, *args):
        return _call(self._ref, name, *args)
    f.__name__ = name
    return f


class DictProxy(_Proxy):
    pass


for _n in ('get', 'pop', 'setdefault', 'update', 'clear', 'popitem', 'copy'):
    setattr(DictProxy, _n, _method(_n))


def _keys(self):
    return list(_call(self._ref, 'keys'))


def _values(self):
    return list(_call(self._ref, 'values'))


def _items(self):
    return list(_call(self._ref, 'items'))


DictProxy.keys = _keys
DictProxy.values = _values
DictProxy.items = _items


class ListProxy(_Proxy):
    def __iadd__(self, other):
        _call(self._ref, 'extend', list(other))
        return self


for _n in ('append', 'extend', 'insert', 'pop', 'remove', 'index', 'count', 'sort', 'reverse',
           'clear', 'copy'):
    setattr(ListProxy, _n, _method(_n))


class _NS:
    def copy(self):
        return dict(self.__dict__)


class Namespace(_Proxy):
    """Attributes stored in the manager's process."""

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        try:
            return _call(self._ref, '__getattribute__', name)
        except AttributeError:
            raise AttributeError("'Namespace' object has no attribute %r" % name) from None

    def __setattr__(self, name, value):
        _call(self._ref, '__setattr__', name, _mp_mod._copy(value))

    def __delattr__(self, name):
        _call(self._ref, '__delattr__', name)

    def __repr__(self):
        d = self._getvalue()
        return 'Namespace(%s)' % ', '.join('%s=%r' % kv for kv in sorted(d.items()))


class _Box:
    def __init__(self, v):
        self.value = v

    def get(self):
        return self.value

    def set(self, v):
        self.value = v


class ValueProxy(_Proxy):
    def get(self):
        return _call(self._ref, 'get')

    def set(self, v):
        _call(self._ref, 'set', v)

    value = property(get, set)

    def __repr__(self):
        return 'ValueProxy(%r)' % (self.get(),)


class SyncManager:
    """Manager(): start/shutdown are cheap; objects live in this process."""

    def start(self, initializer=None, initargs=()):
        self._running = True

    def shutdown(self):
        self._running = False

    def join(self, timeout=None):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *a):
        self.shutdown()

    def dict(self, *args, **kwargs):
        return DictProxy(dict(*args, **kwargs))

    def list(self, seq=()):
        return ListProxy(list(seq))

    def Namespace(self, **kwargs):
        ns = _NS()
        ns.__dict__.update(kwargs)
        return Namespace(ns)

    def Value(self, typecode, value, lock=True):
        return ValueProxy(_Box(value))

    def Queue(self, maxsize=0):
        return _mp_mod.Queue(maxsize)

    def JoinableQueue(self, maxsize=0):
        return _mp_mod.JoinableQueue(maxsize)

    def Lock(self):
        return _mp_mod.Lock()

    def RLock(self):
        return _mp_mod.RLock()

    def Semaphore(self, value=1):
        return _mp_mod.Semaphore(value)

    def Event(self):
        return _mp_mod.Event()

    def Condition(self, lock=None):
        return _mp_mod.Condition(lock)

    def Barrier(self, parties, action=None, timeout=None):
        return _mp_mod.Barrier(parties, action, timeout)
