"""collections for gilt: deque, defaultdict, Counter, namedtuple, OrderedDict,
ChainMap, UserDict, UserList, UserString.

Pure Python, modelled on CPython 3.11's collections (reprs, error messages and
algorithms follow CPython).  deque is guarded by a lock so each method is
atomic across threads, as CPython's C deque is.
"""

import sys as _sys
from _thread import allocate_lock as _allocate_lock, get_ident as _get_ident
import collections_abc as _collections_abc

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'UserDict', 'UserList',
           'UserString', 'defaultdict', 'deque', 'namedtuple']

_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break',
    'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally',
    'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
    'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield'])


def _recursive_repr(fillvalue='...'):
    """Decorator: return fillvalue for a recursive call of a __repr__."""
    def decorating_function(user_function):
        running = set()

        def wrapper(self):
            key = (id(self), _get_ident())
            if key in running:
                return fillvalue
            running.add(key)
            try:
                return user_function(self)
            finally:
                running.discard(key)
        wrapper.__name__ = user_function.__name__
        wrapper.__qualname__ = getattr(user_function, '__qualname__', wrapper.__name__)
        wrapper.__doc__ = user_function.__doc__
        wrapper.__wrapped__ = user_function
        return wrapper
    return decorating_function


def _index(i):
    if isinstance(i, int):
        return i
    index = getattr(type(i), '__index__', None)
    if index is None:
        raise TypeError("sequence index must be integer, not '%s'" % type(i).__name__)
    return index(i)


def _deque_iter(d, state, n, reverse):
    # Walks the live deque by position, as CPython's deque iterator does; the
    # state it was made with is captured by the caller, before the first next().
    i = 0
    while True:
        with d._lock:
            if d._state != state:
                raise RuntimeError('deque mutated during iteration')
            if i >= n:
                return
            item = d._at(len(d) - 1 - i if reverse else i)
        i += 1
        yield item


################################################################################
### deque
################################################################################

class deque:
    """deque([iterable[, maxlen]]) --> deque object

A list-like sequence optimized for data accesses near its endpoints."""

    # The items are stored in two lists: _left holds the left part reversed
    # (its last element is the leftmost item), _right holds the right part.
    # deque order == _left[::-1] + _right.  Every mutation takes _lock.
    # _state counts the changes of size or order (not item assignment or
    # reverse, as in CPython); an iterator raises when it moved.

    __hash__ = None

    def __init__(self, iterable=None, maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError('an integer is required')
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._lock = _allocate_lock()
        self._left = []
        self._right = []
        self._maxlen = maxlen
        self._state = 0
        if iterable is not None:
            self.extend(iterable)

    @property
    def maxlen(self):
        """maximum size of a deque or None if unbounded"""
        return self._maxlen

    # -- helpers; the caller holds the lock --
    def _items(self):
        items = self._left[::-1]
        items.extend(self._right)
        return items

    def _set(self, items):
        self._state += 1
        self._left = []
        self._right = items

    def _popleft(self):
        self._state += 1
        left = self._left
        if left:
            return left.pop()
        right = self._right
        if not right:
            raise IndexError('pop from an empty deque')
        if len(right) < 16:
            return right.pop(0)
        k = (len(right) + 1) // 2
        chunk = right[:k]
        del right[:k]
        chunk.reverse()
        left.extend(chunk)
        return left.pop()

    def _pop(self):
        self._state += 1
        right = self._right
        if right:
            return right.pop()
        left = self._left
        if not left:
            raise IndexError('pop from an empty deque')
        if len(left) < 16:
            return left.pop(0)
        k = (len(left) + 1) // 2
        chunk = left[:k]
        del left[:k]
        chunk.reverse()
        right.extend(chunk)
        return right.pop()

    # -- the public API --
    def append(self, x):
        """Add an element to the right side of the deque."""
        with self._lock:
            self._state += 1
            self._right.append(x)
            if self._maxlen is not None and len(self._left) + len(self._right) > self._maxlen:
                self._popleft()

    def appendleft(self, x):
        """Add an element to the left side of the deque."""
        with self._lock:
            self._state += 1
            self._left.append(x)
            if self._maxlen is not None and len(self._left) + len(self._right) > self._maxlen:
                self._pop()

    def pop(self):
        """Remove and return the rightmost element."""
        with self._lock:
            return self._pop()

    def popleft(self):
        """Remove and return the leftmost element."""
        with self._lock:
            return self._popleft()

    def extend(self, iterable):
        """Extend the right side of the deque with elements from the iterable"""
        items = list(iterable)
        with self._lock:
            if items:
                self._state += 1
            right = self._right
            right.extend(items)
            maxlen = self._maxlen
            if maxlen is not None:
                left = self._left
                excess = len(left) + len(right) - maxlen
                if excess > 0:
                    if excess >= len(left):
                        del right[:excess - len(left)]
                        left.clear()
                    else:
                        del left[len(left) - excess:]

    def extendleft(self, iterable):
        """Extend the left side of the deque with elements from the iterable"""
        items = list(iterable)
        with self._lock:
            if items:
                self._state += 1
            left = self._left
            left.extend(items)
            maxlen = self._maxlen
            if maxlen is not None:
                right = self._right
                excess = len(left) + len(right) - maxlen
                if excess > 0:
                    if excess >= len(right):
                        del left[:excess - len(right)]
                        right.clear()
                    else:
                        del right[len(right) - excess:]

    def clear(self):
        """Remove all elements from the deque."""
        with self._lock:
            self._state += 1
            self._left = []
            self._right = []

    def copy(self):
        """Return a shallow copy of a deque."""
        with self._lock:
            items = self._items()
        if type(self) is deque:
            return deque(items, self._maxlen)
        return type(self)(items, self._maxlen)

    __copy__ = copy

    def count(self, value):
        """D.count(value) -- return number of occurrences of value"""
        return self._left.count(value) + self._right.count(value)

    def index(self, value, start=0, stop=_sys.maxsize):
        """D.index(value, [start, [stop]]) -- return first index of value."""
        with self._lock:
            items = self._items()
        try:
            return items.index(value, start, stop)
        except ValueError:
            raise ValueError('%r is not in deque' % (value,)) from None

    def insert(self, index, value):
        """D.insert(index, object) -- insert object before index"""
        with self._lock:
            if self._maxlen is not None and len(self._left) + len(self._right) >= self._maxlen:
                raise IndexError('deque already at its maximum size')
            items = self._items()
            items.insert(index, value)
            self._set(items)

    def remove(self, value):
        """D.remove(value) -- remove first occurrence of value."""
        with self._lock:
            items = self._items()
            try:
                i = items.index(value)
            except ValueError:
                raise ValueError('%r is not in deque' % (value,)) from None
            del items[i]
            self._set(items)

    def reverse(self):
        """D.reverse() -- reverse *IN PLACE*"""
        with self._lock:
            self._left, self._right = self._right, self._left

    def rotate(self, n=1):
        """Rotate the deque n steps to the right (default n=1).  If n is
negative, rotates left."""
        with self._lock:
            self._state += 1
            size = len(self._left) + len(self._right)
            if size <= 1:
                return
            k = n % size
            if k == 0:
                return
            if k < 32:
                left = self._left
                for _ in range(k):
                    left.append(self._pop())
            elif size - k < 32:
                right = self._right
                for _ in range(size - k):
                    right.append(self._popleft())
            else:
                items = self._items()
                self._set(items[-k:] + items[:-k])

    def __len__(self):
        return len(self._left) + len(self._right)

    def __bool__(self):
        return bool(self._left) or bool(self._right)

    def __contains__(self, value):
        return value in self._left or value in self._right

    def __iter__(self):
        return _deque_iter(self, self._state, len(self), False)

    def __reversed__(self):
        return _deque_iter(self, self._state, len(self), True)

    def _at(self, i):
        # Item i (0 <= i < len); the caller holds the lock.
        left = self._left
        nl = len(left)
        if i < nl:
            return left[nl - 1 - i]
        return self._right[i - nl]

    def __getitem__(self, index):
        i = _index(index)
        with self._lock:
            left = self._left
            nl = len(left)
            n = nl + len(self._right)
            if i < 0:
                i += n
            if i < 0 or i >= n:
                raise IndexError('deque index out of range')
            if i < nl:
                return left[nl - 1 - i]
            return self._right[i - nl]

    def __setitem__(self, index, value):
        i = _index(index)
        with self._lock:
            left = self._left
            nl = len(left)
            n = nl + len(self._right)
            if i < 0:
                i += n
            if i < 0 or i >= n:
                raise IndexError('deque index out of range')
            if i < nl:
                left[nl - 1 - i] = value
            else:
                self._right[i - nl] = value

    def __delitem__(self, index):
        i = _index(index)
        with self._lock:
            items = self._items()
            n = len(items)
            if i < 0:
                i += n
            if i < 0 or i >= n:
                raise IndexError('deque index out of range')
            del items[i]
            self._set(items)

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque'
                            % type(other).__name__)
        with self._lock:
            items = self._items()
        items.extend(other)
        return type(self)(items, self._maxlen)

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        with self._lock:
            items = self._items()
        return type(self)(items * n, self._maxlen)

    __rmul__ = __mul__

    def __imul__(self, n):
        if n == 1:
            return self
        with self._lock:
            items = self._items()
        self.clear()
        self.extend(items * n)
        return self

    def _cmp_items(self, other):
        with self._lock:
            a = self._items()
        with other._lock:
            b = other._items()
        return a, b

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        a, b = self._cmp_items(other)
        return a == b

    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        a, b = self._cmp_items(other)
        return a != b

    def __lt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        a, b = self._cmp_items(other)
        return a < b

    def __le__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        a, b = self._cmp_items(other)
        return a <= b

    def __gt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        a, b = self._cmp_items(other)
        return a > b

    def __ge__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        a, b = self._cmp_items(other)
        return a >= b

    @_recursive_repr('[...]')
    def _repr_items(self):
        with self._lock:
            items = self._items()
        return repr(items)

    def __repr__(self):
        r = self._repr_items()
        if r == '[...]':
            return r
        if self._maxlen is not None:
            return '%s(%s, maxlen=%d)' % (type(self).__name__, r, self._maxlen)
        return '%s(%s)' % (type(self).__name__, r)

    def __reduce__(self):
        return type(self), (list(self), self._maxlen)


################################################################################
### defaultdict
################################################################################

class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]) --> dict with default factory"""

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        dict.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        factory = self.default_factory
        if factory is None:
            raise KeyError(key)
        self[key] = value = factory()
        return value

    @_recursive_repr()
    def _factory_repr(self):
        return repr(self.default_factory)

    def __repr__(self):
        if self.default_factory is None:
            factory = 'None'
        else:
            factory = self._factory_repr()
        return '%s(%s, %s)' % (type(self).__name__, factory, dict.__repr__(self))

    def copy(self):
        """D.copy() -> a shallow copy of D."""
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        return type(self), (self.default_factory,), None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


################################################################################
### OrderedDict
################################################################################

class OrderedDict(dict):
    """Dictionary that remembers insertion order"""

    def __init__(self, other=(), /, **kwds):
        dict.__init__(self)
        self.update(other, **kwds)

    def update(self, other=(), /, **kwds):
        if isinstance(other, dict) or hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def move_to_end(self, key, last=True):
        """Move an existing element to the end (or beginning if last is false)."""
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
        else:
            rest = list(dict.items(self))
            dict.clear(self)
            dict.__setitem__(self, key, value)
            for k, v in rest:
                dict.__setitem__(self, k, v)

    def popitem(self, last=True):
        """Remove and return a (key, value) pair from the dictionary."""
        if not self:
            raise KeyError('dictionary is empty')
        if last:
            return dict.popitem(self)
        key = next(iter(dict.keys(self)))
        value = dict.pop(self, key)
        return key, value

    def __reversed__(self):
        return iter(list(dict.keys(self))[::-1])

    def setdefault(self, key, default=None):
        if key in self:
            return self[key]
        self[key] = default
        return default

    def copy(self):
        """od.copy() -> a shallow copy of od"""
        return type(self)(self)

    __copy__ = copy

    @classmethod
    def fromkeys(cls, iterable, value=None):
        """Create a new ordered dictionary with keys from iterable and values set to value."""
        self = cls()
        for key in iterable:
            self[key] = value
        return self

    @_recursive_repr()
    def __repr__(self):
        if not self:
            return '%s()' % (type(self).__name__,)
        return '%s(%r)' % (type(self).__name__, list(self.items()))

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    __hash__ = None

    def __reduce__(self):
        return type(self), (), None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


################################################################################
### namedtuple
################################################################################

def _plural(n, word):
    return '%d %s%s' % (n, word, '' if n == 1 else 's')


def _name_list(names):
    names = ["'%s'" % n for n in names]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return '%s and %s' % tuple(names)
    return ', '.join(names[:-1]) + ', and ' + names[-1]


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new subclass of tuple with named fields."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = str(typename)

    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or name in _KEYWORDS
                    or name.startswith('_') or name in seen):
                field_names[index] = '_%d' % index
            seen.add(name)

    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             'identifiers: %r' % (name,))
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a '
                             'keyword: %r' % (name,))

    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: %r' % (name,))
        if name in seen:
            raise ValueError('Encountered duplicate field name: %r' % (name,))
        seen.add(name)

    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(reversed(list(zip(reversed(field_names),
                                                reversed(defaults)))))

    field_names = tuple(field_names)
    num_fields = len(field_names)
    arg_list = ', '.join(field_names)
    if num_fields == 1:
        arg_list += ','
    repr_fmt = '(' + ', '.join('%s=%%r' % name for name in field_names) + ')'
    tuple_new = tuple.__new__
    field_index = {name: i for i, name in enumerate(field_names)}
    qual_new = typename + '.__new__()'

    def __new__(_cls, *args, **kwargs):
        if not kwargs and len(args) == num_fields:
            return tuple_new(_cls, args)
        nargs = len(args)
        if nargs > num_fields:
            if field_defaults:
                takes = 'from %d to %d positional arguments' % (
                    num_fields - len(field_defaults) + 1, num_fields + 1)
            else:
                takes = _plural(num_fields + 1, 'positional argument')
            raise TypeError('%s takes %s but %d %s given' % (
                qual_new, takes, nargs + 1, 'was' if nargs == 0 else 'were'))
        values = list(args) + [_missing] * (num_fields - nargs)
        for key, value in kwargs.items():
            i = field_index.get(key)
            if i is None:
                raise TypeError('%s got an unexpected keyword argument %r' % (qual_new, key))
            if i < nargs:
                raise TypeError('%s got multiple values for argument %r' % (qual_new, key))
            values[i] = value
        missing = []
        for i in range(nargs, num_fields):
            if values[i] is _missing:
                name = field_names[i]
                if name in field_defaults:
                    values[i] = field_defaults[name]
                else:
                    missing.append(name)
        if missing:
            raise TypeError('%s missing %d required positional argument%s: %s' % (
                qual_new, len(missing), '' if len(missing) == 1 else 's',
                _name_list(missing)))
        return tuple_new(_cls, values)

    __new__.__doc__ = 'Create new instance of %s(%s)' % (typename, arg_list)

    def _make(cls, iterable):
        result = tuple_new(cls, iterable)
        if len(result) != num_fields:
            raise TypeError('Expected %d arguments, got %d' % (num_fields, len(result)))
        return result

    _make.__doc__ = 'Make a new %s object from a sequence or iterable' % typename

    def _replace(self, /, **kwds):
        result = self._make(map(kwds.pop, field_names, self))
        if kwds:
            raise ValueError('Got unexpected field names: %r' % (list(kwds),))
        return result

    _replace.__doc__ = ('Return a new %s object replacing specified fields '
                        'with new values' % typename)

    def __repr__(self):
        'Return a nicely formatted representation string'
        return self.__class__.__name__ + repr_fmt % tuple(self)

    def _asdict(self):
        'Return a new dict which maps field names to their values.'
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        'Return self as a plain tuple.  Used by copy and pickle.'
        return tuple(self)

    for method in (__new__, _make, _replace, __repr__, _asdict, __getnewargs__):
        method.__qualname__ = '%s.%s' % (typename, method.__name__)

    class_namespace = {
        '__doc__': '%s(%s)' % (typename, arg_list),
        '__slots__': (),
        '_fields': field_names,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': classmethod(_make),
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': field_names,
    }
    for index, name in enumerate(field_names):
        class_namespace[name] = _field_property(index)

    if module is None:
        getmod = getattr(_sys, '_getframemodulename', None)
        if getmod is not None:
            try:
                module = getmod(1)
            except (AttributeError, ValueError):
                module = None
        if module is None:
            module = '__main__'
    class_namespace['__module__'] = module
    return type(typename, (tuple,), class_namespace)


class _Missing:
    def __repr__(self):
        return '<missing>'


_missing = _Missing()


class _tuplegetter:
    """A namedtuple field: reads item `index`; read-only (CPython's C type)."""

    def __init__(self, index, doc):
        self._index = index
        self.__doc__ = doc

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj[self._index]

    def __set__(self, obj, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, obj):
        raise AttributeError("can't delete attribute")

    def __repr__(self):
        return '_tuplegetter(%r, %r)' % (self._index, self.__doc__)


_tuplegetter.__module__ = '_collections'


def _field_property(index):
    return _tuplegetter(index, 'Alias for field number %d' % index)


from _collections_more import Counter, ChainMap, UserDict, UserList, UserString

abc = _collections_abc
_sys.modules.setdefault('collections.abc', _collections_abc)
