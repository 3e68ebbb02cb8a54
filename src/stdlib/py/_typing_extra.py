"""Second half of gilt's typing (import these from typing): NamedTuple and
TypedDict (class syntax via metaclasses), NewType, cast, overload, final,
get_type_hints, get_origin/get_args and friends."""

import sys
import collections

NoneType = type(None)


def _caller_module(default='__main__'):
    getmod = getattr(sys, '_getframemodulename', None)
    if getmod is not None:
        try:
            return getmod(2) or default
        except (AttributeError, ValueError):
            pass
    return default


def _cls_dict(cls):
    try:
        return cls.__dict__
    except AttributeError:
        return {}


# ---------------------------------------------------------------------------
# NamedTuple

_prohibited = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__',
                         '_fields', '_field_defaults',
                         '_make', '_replace', '_asdict', '_source'})

_special = frozenset({'__module__', '__name__', '__annotations__', '__qualname__',
                      '__doc__'})


def _make_nmtuple(name, types, module, defaults=()):
    fields = [n for n, t in types]
    nm_tpl = collections.namedtuple(name, fields, defaults=defaults, module=module)
    nm_tpl.__annotations__ = dict(types)
    return nm_tpl


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        if ns.get('_root', False):
            return super().__new__(cls, typename, bases, ns)
        types = ns.get('__annotations__', {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError("Non-default namedtuple field %s "
                                "cannot follow default field%s %s"
                                % (field_name, "s" if len(default_names) > 1 else "",
                                   ', '.join(default_names)))
        nm_tpl = _make_nmtuple(typename, types.items(),
                               module=ns.get('__module__', '__main__'),
                               defaults=[ns[n] for n in default_names])
        if '__qualname__' in ns:
            try:
                nm_tpl.__qualname__ = ns['__qualname__']
            except (AttributeError, TypeError):
                pass
        if ns.get('__doc__'):
            try:
                nm_tpl.__doc__ = ns['__doc__']
            except (AttributeError, TypeError):
                pass
        # update from user namespace without overriding special namedtuple attributes
        for key in ns:
            if key in _prohibited:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            elif key not in _special and key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
        return nm_tpl

    def __call__(cls, typename, fields=None, /, **kwargs):
        if fields is None:
            fields = kwargs.items()
        elif kwargs:
            raise TypeError("Either list of fields or keywords"
                            " can be provided to NamedTuple, not both")
        return _make_nmtuple(typename, fields, module=_caller_module())


class NamedTuple(metaclass=NamedTupleMeta):
    """Typed version of namedtuple.

    class Employee(NamedTuple):
        name: str
        id: int = 3
    """
    _root = True


# ---------------------------------------------------------------------------
# TypedDict

class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        if ns.get('_root', False):
            return super().__new__(cls, name, bases, ns)
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not dict:
                raise TypeError('cannot inherit from both a TypedDict type '
                                'and a non-TypedDict base class')
        annotations = {}
        required_keys = set()
        optional_keys = set()
        for base in bases:
            annotations.update(_cls_dict(base).get('__annotations__', {}))
            required_keys.update(getattr(base, '__required_keys__', ()))
            optional_keys.update(getattr(base, '__optional_keys__', ()))
        own = ns.get('__annotations__', {})
        annotations.update(own)
        for key in own:
            if total:
                required_keys.add(key)
            else:
                optional_keys.add(key)
        body = dict(ns)
        body['__annotations__'] = annotations
        body['__required_keys__'] = frozenset(required_keys)
        body['__optional_keys__'] = frozenset(optional_keys)
        body['__total__'] = total
        tp_dict = super().__new__(cls, name, (dict,), body)
        return tp_dict

    def __call__(cls, *args, **kwargs):
        if cls is TypedDict:
            return _typeddict_functional(*args, **kwargs)
        return dict(*args, **kwargs)

    def __instancecheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __subclasscheck__ = __instancecheck__


def _typeddict_functional(typename, fields=None, /, *, total=True, **kwargs):
    if fields is None:
        fields = kwargs
    ns = {'__annotations__': dict(fields), '__module__': _caller_module()}
    return _TypedDictMeta(typename, (), ns, total=total)


class TypedDict(dict, metaclass=_TypedDictMeta):
    """A simple typed namespace. At runtime it is equivalent to a plain dict."""
    _root = True


def is_typeddict(tp):
    """Check if an annotation is a TypedDict class."""
    return isinstance(tp, _TypedDictMeta) and tp is not TypedDict


# ---------------------------------------------------------------------------
# helpers

class NewType:
    """NewType creates simple unique types with almost zero runtime overhead."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        self.__module__ = _caller_module()

    def __repr__(self):
        return '%s.%s' % (self.__module__, self.__qualname__)

    def __call__(self, x):
        return x

    def __reduce__(self):
        return self.__qualname__

    def __or__(self, other):
        import typing
        return typing.Union[self, other]

    def __ror__(self, other):
        import typing
        return typing.Union[other, self]


def cast(typ, val):
    """Cast a value to a type (returns the value unchanged)."""
    return val


def assert_type(val, typ, /):
    """Ask a static type checker to confirm that the value is of the given type."""
    return val


def assert_never(arg, /):
    """Statically assert that a line of code is unreachable."""
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError("Expected code to be unreachable, but got: %s" % value)


def reveal_type(obj, /):
    """Reveal the inferred type of a variable (prints it to stderr)."""
    print("Runtime type is %r" % (type(obj).__name__,), file=sys.stderr)
    return obj


def _overload_dummy(*args, **kwds):
    """Helper for @overload to raise when called."""
    raise NotImplementedError(
        "You should not call an overloaded function. "
        "A series of @overload-decorated functions "
        "outside a stub module should always be followed "
        "by an implementation that is not @overload-ed.")


_overload_registry = {}


def overload(func):
    """Decorator for overloaded functions/methods."""
    key = getattr(func, '__qualname__', None)
    if key is not None:
        _overload_registry.setdefault(key, []).append(func)
    return _overload_dummy


def get_overloads(func):
    """Return all defined overloads for *func* as a sequence."""
    return list(_overload_registry.get(getattr(func, '__qualname__', None), []))


def clear_overloads():
    """Clear all overloads in the registry."""
    _overload_registry.clear()


def final(f):
    """Decorator to indicate final methods and final classes."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    """Decorator to indicate that annotations are not type hints."""
    return arg


def no_type_check_decorator(decorator):
    """Decorator to give another decorator the @no_type_check effect."""
    return decorator


def dataclass_transform(*, eq_default=True, order_default=False,
                        kw_only_default=False, field_specifiers=(), **kwargs):
    """Decorator that marks an object as providing dataclass-like behaviour."""
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            "eq_default": eq_default,
            "order_default": order_default,
            "kw_only_default": kw_only_default,
            "field_specifiers": field_specifiers,
            "kwargs": kwargs,
        }
        return cls_or_fn
    return decorator


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """Return type hints for an object (string annotations are not evaluated
    by gilt, which has no eval())."""
    def conv(v):
        return NoneType if v is None else v
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            ann = _cls_dict(base).get('__annotations__', {})
            for name, value in ann.items():
                hints[name] = conv(value)
        return hints
    ann = getattr(obj, '__annotations__', None)
    if ann is None:
        return {}
    return {name: conv(value) for name, value in ann.items()}


def get_origin(tp):
    """Get the unsubscripted version of a type (List[int] -> list)."""
    import typing
    if isinstance(tp, typing._AnnotatedAlias):
        return typing.Annotated
    if isinstance(tp, typing._UnionAlias):
        return typing.Union
    if isinstance(tp, typing._UnionType):
        return typing._UnionType
    if isinstance(tp, typing._GenericAlias):
        origin = tp.__origin__
        if isinstance(origin, typing._SpecialForm):
            return origin
        return origin
    if tp is typing.Generic:
        return typing.Generic
    return None


def get_args(tp):
    """Get type arguments with all substitutions performed."""
    import typing
    if isinstance(tp, typing._AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, typing._CallableGenericAlias):
        args = tp.__args__
        if len(args) == 2 and args[0] is Ellipsis:
            return args
        return (list(args[:-1]), args[-1])
    if isinstance(tp, (typing._GenericAlias, typing._UnionType)):
        return tp.__args__
    return ()
