"""types.GenericAlias for gilt: what `list[int]`, `dict[str, int]` and the
other subscripted built-in classes return (PEP 585).

CPython implements this type in C (Objects/genericaliasobject.c); gilt's
interpreter creates these objects through this module (vm/containers.rs), and
CPython's own types.py finds the class as `type(list[int])`.
"""

# Attributes read from the alias itself; every other name is looked up on
# the origin class (`list[int].append is list.append`).
_OWN = frozenset({
    '__origin__', '__args__', '__unpacked__', '__parameters__',
    '__typing_unpacked_tuple_args__', '__mro_entries__', '__reduce_ex__',
    '__reduce__', '__copy__', '__deepcopy__', '__class__', '__dict__',
})


def _type_repr(a):
    if a is Ellipsis:
        return '...'
    if isinstance(a, GenericAlias):
        return repr(a)
    if isinstance(a, list):
        return '[' + ', '.join(_type_repr(x) for x in a) + ']'
    qualname = getattr(a, '__qualname__', None)
    module = getattr(a, '__module__', None)
    if qualname is None or module is None or not hasattr(a, '__origin__') and not isinstance(a, type):
        return repr(a)
    if module == 'builtins':
        return qualname
    return '%s.%s' % (module, qualname)


def _collect_parameters(args):
    params = []
    for a in args:
        if isinstance(a, type):
            continue
        if hasattr(a, '__typing_subst__'):
            if a not in params:
                params.append(a)
        else:
            for p in getattr(a, '__parameters__', ()) or ():
                if p not in params:
                    params.append(p)
    return tuple(params)


class GenericAlias:
    """Represent a PEP 585 generic type

E.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,)."""

    def __new__(cls, origin, args, /):
        self = object.__new__(cls)
        object.__setattr__(self, '_origin', origin)
        object.__setattr__(self, '_args', args if isinstance(args, tuple) else (args,))
        object.__setattr__(self, '_unpacked', False)
        object.__setattr__(self, '_params', None)
        return self

    @property
    def __origin__(self):
        return self._origin

    @property
    def __args__(self):
        return self._args

    @property
    def __unpacked__(self):
        return self._unpacked

    @property
    def __parameters__(self):
        if self._params is None:
            object.__setattr__(self, '_params', _collect_parameters(self._args))
        return self._params

    @property
    def __typing_unpacked_tuple_args__(self):
        if self._unpacked and self._origin is tuple:
            return self._args
        return None

    def __getattr__(self, name):
        if name in _OWN:
            raise AttributeError(name)
        return getattr(self._origin, name)

    def __setattr__(self, name, value):
        raise AttributeError('readonly attribute')

    def __call__(self, *args, **kwargs):
        result = self._origin(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except (AttributeError, TypeError):
            pass
        return result

    def __mro_entries__(self, bases):
        return (self._origin,)

    def __instancecheck__(self, obj):
        raise TypeError('isinstance() argument 2 cannot be a parameterized generic')

    def __subclasscheck__(self, cls):
        raise TypeError('issubclass() argument 2 cannot be a parameterized generic')

    def __repr__(self):
        if len(self._args) == 0:
            args = '()'
        else:
            args = ', '.join(_type_repr(a) for a in self._args)
        star = '*' if self._unpacked else ''
        return '%s%s[%s]' % (star, _type_repr(self._origin), args)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return (self._unpacked == other._unpacked and self._origin == other._origin
                and self._args == other._args)

    def __hash__(self):
        return hash(self._origin) ^ hash(self._args)

    # `list[int] | int` is a types.UnionType made by the interpreter's `|`
    # on types; anything else is left to the other operand.
    def __or__(self, other):
        return NotImplemented

    def __ror__(self, other):
        return NotImplemented

    def __iter__(self):
        return _GenericAliasIterator(self)

    def __reduce__(self):
        if self._unpacked:
            return next, (iter(GenericAlias(self._origin, self._args)),)
        return GenericAlias, (self._origin, self._args)

    def __dir__(self):
        names = set(dir(self._origin))
        names.update(('__origin__', '__args__', '__parameters__', '__unpacked__'))
        return sorted(names)

    def __getitem__(self, items):
        params = self.__parameters__
        if not params:
            raise TypeError('%r is not a generic class' % (self,))
        if not isinstance(items, tuple):
            items = (items,)
        for p in params:
            prepare = getattr(p, '__typing_prepare_subst__', None)
            if prepare is not None:
                items = prepare(self, items)
        if len(items) != len(params):
            raise TypeError('Too %s arguments for %r; actual %d, expected %d'
                            % ('many' if len(items) > len(params) else 'few',
                               self, len(items), len(params)))
        subst = dict(zip(params, items))
        new_args = []
        for arg in self._args:
            if isinstance(arg, type):
                new_args.append(arg)
                continue
            unpack = getattr(arg, '__typing_is_unpacked_typevartuple__', False)
            if hasattr(arg, '__typing_subst__'):
                value = arg.__typing_subst__(subst[arg])
                if unpack and isinstance(value, tuple):
                    new_args.extend(value)
                else:
                    new_args.append(value)
                continue
            sub = getattr(arg, '__parameters__', ()) or ()
            if sub:
                sub_items = tuple(subst[p] for p in sub)
                arg = arg[sub_items[0] if len(sub_items) == 1 else sub_items]
            new_args.append(arg)
        alias = GenericAlias(self._origin, tuple(new_args))
        object.__setattr__(alias, '_unpacked', self._unpacked)
        return alias


GenericAlias.__module__ = 'types'


class _GenericAliasIterator:
    """`iter(tuple[int])`: yields the starred alias `*tuple[int]` once.

    A class rather than a generator because copy and pickle reduce a starred
    alias to `next(iter(alias))`, so the iterator itself must reduce (to
    `iter(alias)`, or `iter(())` once used up), as CPython's does."""

    __slots__ = ('_alias',)

    def __init__(self, alias):
        self._alias = alias

    def __iter__(self):
        return self

    def __next__(self):
        alias = self._alias
        if alias is None:
            raise StopIteration
        self._alias = None
        starred = GenericAlias(alias._origin, alias._args)
        object.__setattr__(starred, '_unpacked', True)
        return starred

    def __reduce__(self):
        if self._alias is None:
            return iter, ((),)
        return iter, (self._alias,)


_GenericAliasIterator.__name__ = _GenericAliasIterator.__qualname__ = 'generic_alias_iterator'


class mappingproxy:
    """Read-only proxy of a mapping (`types.MappingProxyType`; what
    `cls.__dict__` returns)."""

    def __new__(cls, mapping, /):
        if (not hasattr(type(mapping), '__getitem__')
                or isinstance(mapping, (list, tuple))):
            raise TypeError('mappingproxy() argument must be a mapping, not %s'
                            % type(mapping).__name__)
        self = object.__new__(cls)
        object.__setattr__(self, '_mapping', mapping)
        return self

    def __setattr__(self, name, value):
        raise AttributeError("'mappingproxy' object has no attribute %r" % name)

    def __getitem__(self, key):
        return self._mapping[key]

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        return iter(self._mapping)

    def __reversed__(self):
        return reversed(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def get(self, key, default=None, /):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __eq__(self, other):
        return self._mapping == other

    def __ne__(self, other):
        return self._mapping != other

    __hash__ = None

    def __or__(self, other):
        if isinstance(other, mappingproxy):
            other = other._mapping
        return self._mapping | other

    def __ror__(self, other):
        return other | self._mapping

    def __ior__(self, other):
        raise TypeError("'|=' is not supported by mappingproxy; use '|' instead")

    def __repr__(self):
        return 'mappingproxy(%r)' % (self._mapping,)

    def __str__(self):
        return str(self._mapping)

    def __class_getitem__(cls, item):
        return GenericAlias(cls, item)


mappingproxy.__module__ = 'builtins'


async def _coroutine():
    pass


_c = _coroutine()
_CoroutineType = type(_c)
_c.close()
del _c


def _generator():
    yield


_GeneratorType = type(_generator())


def _await_iter(o):
    """The iterator `await o` drives (CPython's _PyCoro_GetAwaitableIter,
    then a coroutine's own `__await__`), with CPython's TypeErrors."""
    if type(o) is _CoroutineType:
        return o.__await__()
    if isinstance(o, _GeneratorType) and o.gi_code.co_flags & 0x100:
        return o
    method = getattr(type(o), '__await__', None)
    if method is None:
        raise TypeError("object %s can't be used in 'await' expression" % type(o).__name__)
    res = method(o)
    if isinstance(res, _CoroutineType):
        raise TypeError('__await__() returned a coroutine')
    if getattr(type(res), '__next__', None) is None:
        raise TypeError("__await__() returned non-iterator of type '%s'" % type(res).__name__)
    return res


class anext_awaitable:
    """What `anext(it, default)` returns: awaiting it awaits `it.__anext__()`
    and gives `default` when that raises StopAsyncIteration (CPython's
    Objects/iterobject.c anextawaitable, written here in Python)."""

    __slots__ = ('_wrapped', '_default')

    def __init__(self, wrapped, default):
        self._wrapped = wrapped
        self._default = default

    def __await__(self):
        return self

    def __iter__(self):
        return self

    def _step(self, name, *args):
        it = _await_iter(self._wrapped)
        try:
            if name == '__next__':
                return next(it)
            return getattr(it, name)(*args)
        except StopAsyncIteration:
            raise StopIteration(self._default) from None

    def __next__(self):
        return self._step('__next__')

    def send(self, value, /):
        return self._step('send', value)

    def throw(self, *args):
        return self._step('throw', *args)

    def close(self):
        return _await_iter(self._wrapped).close()
