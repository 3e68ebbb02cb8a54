"""dataclasses for gilt.

CPython 3.11's dataclass semantics (fields from the class __annotations__ in
order, defaults, default_factory, InitVar, ClassVar, KW_ONLY, __post_init__,
init/repr/eq/order/unsafe_hash/frozen/match_args/kw_only) with the generated
methods built as closures instead of exec'd source.  The generated __init__
binds its arguments itself and raises CPython's TypeError messages.
"""

import sys
import copy
from _thread import get_ident as _get_ident

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar',
           'KW_ONLY', 'MISSING', 'fields', 'asdict', 'astuple',
           'make_dataclass', 'replace', 'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'


class _InitVarMeta(type):
    def __getitem__(cls, type):
        return InitVar(type)


class InitVar(metaclass=_InitVarMeta):
    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return 'dataclasses.InitVar[%s]' % type_name


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                'name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,'
                'hash=%r,compare=%r,metadata=%r,kw_only=%r,_field_type=%s)' % (
                    self.name, self.type, self.default, self.default_factory,
                    self.init, self.repr, self.hash, self.compare,
                    self.metadata, self.kw_only, self._field_type))

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), '__set_name__', None)
        if func:
            func(self.default, owner, name)


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams(init=%r,repr=%r,eq=%r,order=%r,unsafe_hash=%r,frozen=%r)'
                % (self.init, self.repr, self.eq, self.order, self.unsafe_hash, self.frozen))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Return an object to identify dataclass fields."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare,
                 metadata, kw_only)


def _fields_in_init_order(fields):
    return (tuple(f for f in fields if f.init and not f.kw_only),
            tuple(f for f in fields if f.init and f.kw_only))


def _cls_dict(cls):
    try:
        return cls.__dict__
    except AttributeError:
        return vars(cls)


# ---------------------------------------------------------------------------
# argument binding with CPython's error messages

def _plural_args(n):
    return '%d positional argument%s' % (n, '' if n == 1 else 's')


def _name_list(names):
    names = ["'%s'" % n for n in names]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return '%s and %s' % (names[0], names[1])
    return ', '.join(names[:-1]) + ', and ' + names[-1]


def _bind(qualname, pos_names, pos_defaults, kwo_names, kwo_defaults, args, kwargs):
    """Bind args/kwargs like a def with (self, *pos_names, *, *kwo_names)."""
    npos = len(pos_names)
    nargs = len(args)
    values = list(args[:npos])
    values.extend([MISSING] * (npos - len(values)))
    kwvalues = [MISSING] * len(kwo_names)
    kw_given = 0
    for key, value in kwargs.items():
        if key in pos_names:
            i = pos_names.index(key)
            if i < nargs:
                raise TypeError('%s() got multiple values for argument %r' % (qualname, key))
            values[i] = value
        elif key in kwo_names:
            kwvalues[kwo_names.index(key)] = value
            kw_given += 1
        else:
            raise TypeError('%s() got an unexpected keyword argument %r' % (qualname, key))
    if nargs > npos:
        ndefaults = len([d for d in pos_defaults if d is not MISSING])
        total = npos + 1
        if ndefaults:
            takes = 'from %d to %d positional arguments' % (total - ndefaults, total)
        else:
            takes = _plural_args(total)
        if kw_given:
            given = '%s (and %d keyword-only argument%s)' % (
                _plural_args(nargs + 1), kw_given, '' if kw_given == 1 else 's')
            raise TypeError('%s() takes %s but %s were given' % (qualname, takes, given))
        raise TypeError('%s() takes %s but %d %s given' % (
            qualname, takes, nargs + 1, 'was' if nargs + 1 == 1 else 'were'))
    missing = []
    for i in range(npos):
        if values[i] is MISSING:
            d = pos_defaults[i]
            if d is MISSING:
                missing.append(pos_names[i])
            else:
                values[i] = d
    if missing:
        raise TypeError('%s() missing %d required positional argument%s: %s' % (
            qualname, len(missing), '' if len(missing) == 1 else 's', _name_list(missing)))
    for i in range(len(kwo_names)):
        if kwvalues[i] is MISSING:
            d = kwo_defaults[i]
            if d is MISSING:
                missing.append(kwo_names[i])
            else:
                kwvalues[i] = d
    if missing:
        raise TypeError('%s() missing %d required keyword-only argument%s: %s' % (
            qualname, len(missing), '' if len(missing) == 1 else 's', _name_list(missing)))
    values.extend(kwvalues)
    return values


def _init_default(f):
    if f.default_factory is not MISSING:
        return _HAS_DEFAULT_FACTORY
    return f.default


# ---------------------------------------------------------------------------
# generated methods: source text compiled once per class, so that calls bind
# their arguments in the interpreter (defaults, keywords, CPython's errors)
# and read fields with plain attribute loads, as fast as a hand-written def

def _plain_names(names):
    import keyword
    return all(n.isidentifier() and not keyword.iskeyword(n) and not n.startswith('__dataclass_')
               for n in names)


def _compile_fn(name, params, body, env, qualname):
    src = 'def %s(%s):\n%s\n' % (name, ', '.join(params), '\n'.join('    ' + b for b in body))
    ns = {}
    exec(src, env, ns)
    fn = ns[name]
    fn.__qualname__ = qualname
    return fn


def _generated_init(qualname, pos, kwo, plan, params, initvar_indices, frozen, has_post_init):
    names = [f.name for f in params]
    if not _plain_names(names):
        return None
    me = '__dataclass_self__' if 'self' in names else 'self'
    env = {'__dataclass_HAS_DEFAULT_FACTORY__': _HAS_DEFAULT_FACTORY,
           '__dataclass_object__': object}
    sig = [me]
    for f in pos:
        sig.append(_param_src(f, env))
    if kwo:
        sig.append('*')
        for f in kwo:
            sig.append(_param_src(f, env))
    body = []
    for name, i, factory in plan:
        if factory is not None:
            env['__dataclass_factory_%s__' % name] = factory
            call = '__dataclass_factory_%s__()' % name
            if i is None:
                value = call
            else:
                value = '%s if %s is __dataclass_HAS_DEFAULT_FACTORY__ else %s' % (call, name, name)
        else:
            value = name
        if frozen:
            body.append('__dataclass_object__.__setattr__(%s, %r, %s)' % (me, name, value))
        else:
            body.append('%s.%s = %s' % (me, name, value))
    if has_post_init:
        body.append('%s.__post_init__(%s)' % (me, ', '.join(names[i] for i in initvar_indices)))
    if not body:
        body.append('pass')
    fn = _compile_fn('__init__', sig, body, env, qualname)
    annotations = {f.name: f.type for f in params}
    annotations['return'] = None
    fn.__annotations__ = annotations
    return fn


def _param_src(f, env):
    if f.default is MISSING and f.default_factory is MISSING:
        return f.name
    env['__dataclass_default_%s__' % f.name] = _init_default(f)
    return '%s=__dataclass_default_%s__' % (f.name, f.name)


def _generated_cmp(cls, name, fields, op_src):
    names = [f.name for f in fields]
    if not _plain_names(names):
        return None
    mine = ''.join('self.%s,' % n for n in names)
    theirs = ''.join('other.%s,' % n for n in names)
    body = ['if other.__class__ is self.__class__:',
            '    return (%s) %s (%s)' % (mine, op_src, theirs),
            'return NotImplemented']
    return _compile_fn(name, ['self', 'other'], body, {}, cls.__qualname__ + '.' + name)


def _generated_hash(cls, fields):
    names = [f.name for f in fields]
    if not _plain_names(names):
        return None
    body = ['return hash((%s))' % ''.join('self.%s,' % n for n in names)]
    return _compile_fn('__hash__', ['self'], body, {}, cls.__qualname__ + '.__hash__')


_CMP_SRC = {'__eq__': '==', '__lt__': '<', '__le__': '<=', '__gt__': '>', '__ge__': '>='}


def _make_init(cls, fields, frozen, has_post_init):
    qualname = cls.__qualname__ + '.__init__'
    pos, kwo = _fields_in_init_order(fields)
    seen_default = False
    for f in pos:
        if not (f.default is MISSING and f.default_factory is MISSING):
            seen_default = True
        elif seen_default:
            raise TypeError('non-default argument %r follows default argument' % f.name)

    params = pos + kwo
    pos_names = [f.name for f in pos]
    pos_defaults = [_init_default(f) for f in pos]
    kwo_names = [f.name for f in kwo]
    kwo_defaults = [_init_default(f) for f in kwo]
    param_index = {f.name: i for i, f in enumerate(params)}
    npos = len(pos)
    simple = not kwo_names

    # the per-field plan, in field order: (name, param index or None,
    # factory or None, is_initvar)
    plan = []
    initvar_indices = []
    for f in fields:
        if f._field_type is _FIELD_INITVAR:
            if f.init:
                initvar_indices.append(param_index[f.name])
            continue
        if f.init:
            plan.append((f.name, param_index[f.name],
                         f.default_factory if f.default_factory is not MISSING else None))
        elif f.default_factory is not MISSING:
            plan.append((f.name, None, f.default_factory))
    generated = _generated_init(qualname, pos, kwo, plan, params, initvar_indices,
                                frozen, has_post_init)
    if generated is not None:
        return generated
    setter = object.__setattr__ if frozen else setattr

    def __init__(self, *args, **kwargs):
        if simple and not kwargs and len(args) == npos:
            values = args
        else:
            values = _bind(qualname, pos_names, pos_defaults, kwo_names,
                           kwo_defaults, args, kwargs)
        for name, i, factory in plan:
            if i is None:
                value = factory()
            else:
                value = values[i]
                if factory is not None and value is _HAS_DEFAULT_FACTORY:
                    value = factory()
            setter(self, name, value)
        if has_post_init:
            self.__post_init__(*[values[i] for i in initvar_indices])

    __init__.__qualname__ = qualname
    return __init__


def _make_repr(cls, fields):
    names = [f.name for f in fields if f.repr]
    running = set()

    def __repr__(self):
        key = (id(self), _get_ident())
        if key in running:
            return '...'
        running.add(key)
        try:
            return '%s(%s)' % (self.__class__.__qualname__, ', '.join(
                ['%s=%r' % (name, getattr(self, name)) for name in names]))
        finally:
            running.discard(key)

    __repr__.__qualname__ = cls.__qualname__ + '.__repr__'
    return __repr__


def _tuple_getter(fields):
    names = [f.name for f in fields]

    def as_tuple(obj):
        return tuple([getattr(obj, name) for name in names])
    return as_tuple


def _make_cmp(cls, name, fields, op):
    generated = _generated_cmp(cls, name, fields, _CMP_SRC[name])
    if generated is not None:
        return generated
    get = _tuple_getter(fields)

    def method(self, other):
        if other.__class__ is self.__class__:
            return op(get(self), get(other))
        return NotImplemented

    method.__name__ = name
    method.__qualname__ = cls.__qualname__ + '.' + name
    return method


def _make_hash(cls, fields):
    generated = _generated_hash(cls, fields)
    if generated is not None:
        return generated
    get = _tuple_getter(fields)

    def __hash__(self):
        return hash(get(self))

    __hash__.__qualname__ = cls.__qualname__ + '.__hash__'
    return __hash__


def _make_frozen_methods(cls, fields):
    names = frozenset(f.name for f in fields)

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError('cannot assign to field %r' % (name,))
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError('cannot delete field %r' % (name,))
        super(cls, self).__delattr__(name)

    __setattr__.__qualname__ = cls.__qualname__ + '.__setattr__'
    __delattr__.__qualname__ = cls.__qualname__ + '.__delattr__'
    return __setattr__, __delattr__


def _set_new_attribute(cls, name, value):
    # Never overwrites an existing attribute.  Returns True if the
    # attribute already exists.
    if name in _cls_dict(cls):
        return True
    if hasattr(value, '__name__'):
        try:
            value.__name__ = name
        except (AttributeError, TypeError):
            pass
    setattr(cls, name, value)
    return False


def _is_classvar(a_type):
    if isinstance(a_type, str):
        s = a_type.strip()
        return s.startswith('ClassVar') or s.startswith('typing.ClassVar')
    typing = sys.modules.get('typing')
    if typing is None:
        return False
    cv = getattr(typing, 'ClassVar', None)
    return a_type is cv or getattr(a_type, '__origin__', None) is cv


def _is_initvar(a_type):
    if isinstance(a_type, str):
        s = a_type.strip()
        return s.startswith('InitVar') or s.startswith('dataclasses.InitVar')
    return a_type is InitVar or type(a_type) is InitVar


def _is_kw_only(a_type):
    if isinstance(a_type, str):
        s = a_type.strip()
        return s in ('KW_ONLY', 'dataclasses.KW_ONLY')
    return a_type is KW_ONLY


def _get_field(cls, a_name, a_type, default_kw_only):
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)

    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD
    if _is_classvar(a_type):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(a_type):
        f._field_type = _FIELD_INITVAR

    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError('field %s cannot have a default factory' % f.name)

    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError('field %s is a ClassVar but specifies kw_only' % f.name)

    if f._field_type is _FIELD and f.default is not MISSING \
            and getattr(type(f.default), '__hash__', 0) is None:
        raise ValueError('mutable default %s for field %s is not allowed: use default_factory'
                         % (type(f.default), f.name))
    return f


def _type_repr(t):
    if isinstance(t, str):
        return t
    if isinstance(t, type):
        if t.__module__ == 'builtins':
            return t.__qualname__
        return '%s.%s' % (t.__module__, t.__qualname__)
    return repr(t)


def _signature_doc(cls, fields):
    parts = []
    pos, kwo = _fields_in_init_order(fields)
    for i, f in enumerate(pos + kwo):
        if i == len(pos) and kwo:
            parts.append('*')
        s = '%s: %s' % (f.name, _type_repr(f.type))
        if f.default_factory is not MISSING:
            s += ' = <factory>'
        elif f.default is not MISSING:
            s += ' = %r' % (f.default,)
        parts.append(s)
    return '%s(%s)' % (cls.__name__, ', '.join(parts))


_hash_action = {
    # (unsafe_hash, eq, frozen, has_explicit_hash)
    (False, False, False, False): None,
    (False, False, False, True): None,
    (False, False, True, False): None,
    (False, False, True, True): None,
    (False, True, False, False): 'none',
    (False, True, False, True): None,
    (False, True, True, False): 'add',
    (False, True, True, True): None,
    (True, False, False, False): 'add',
    (True, False, False, True): 'exception',
    (True, False, True, False): 'add',
    (True, False, True, True): 'exception',
    (True, True, False, False): 'add',
    (True, True, False, True): 'exception',
    (True, True, True, False): 'add',
    (True, True, True, True): 'exception',
}


def _lt(a, b):
    return a < b


def _le(a, b):
    return a <= b


def _gt(a, b):
    return a > b


def _ge(a, b):
    return a >= b


def _eq(a, b):
    return a == b


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                   match_args, kw_only, slots, weakref_slot):
    fields = {}
    cls_dict = _cls_dict(cls)

    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))

    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(b, _PARAMS).frozen:
                any_frozen_base = True

    cls_annotations = cls_dict.get('__annotations__', {})

    cls_fields = []
    KW_ONLY_seen = False
    for name, type_ in cls_annotations.items():
        if _is_kw_only(type_):
            if KW_ONLY_seen:
                raise TypeError('%r is KW_ONLY, but KW_ONLY has already been specified'
                                % (name,))
            KW_ONLY_seen = True
            kw_only = True
        else:
            cls_fields.append(_get_field(cls, name, type_, kw_only))

    for f in cls_fields:
        fields[f.name] = f
        # Replace a Field class attribute by its real default (or delete it).
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                try:
                    delattr(cls, f.name)
                except AttributeError:
                    pass
            else:
                setattr(cls, f.name, f.default)

    for name, value in list(cls_dict.items()):
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError('%r is a field but has no type annotation' % (name,))

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

    setattr(cls, _FIELDS, fields)

    class_hash = cls_dict.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and '__eq__' in cls_dict))

    if order and not eq:
        raise ValueError('eq must be true if order is true')

    all_init_fields = [f for f in fields.values()
                       if f._field_type in (_FIELD, _FIELD_INITVAR)]
    field_list = [f for f in fields.values() if f._field_type is _FIELD]

    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        _set_new_attribute(cls, '__init__',
                           _make_init(cls, all_init_fields, frozen, has_post_init))

    if repr:
        _set_new_attribute(cls, '__repr__', _make_repr(cls, field_list))

    if eq:
        cmp_fields = [f for f in field_list if f.compare]
        _set_new_attribute(cls, '__eq__', _make_cmp(cls, '__eq__', cmp_fields, _eq))

    if order:
        cmp_fields = [f for f in field_list if f.compare]
        for name, op in [('__lt__', _lt), ('__le__', _le), ('__gt__', _gt), ('__ge__', _ge)]:
            if _set_new_attribute(cls, name, _make_cmp(cls, name, cmp_fields, op)):
                raise TypeError('Cannot overwrite attribute %s in class %s. Consider using '
                                'functools.total_ordering' % (name, cls.__name__))

    if frozen:
        setter, deleter = _make_frozen_methods(cls, field_list)
        for name, fn in [('__setattr__', setter), ('__delattr__', deleter)]:
            if _set_new_attribute(cls, name, fn):
                raise TypeError('Cannot overwrite attribute %s in class %s'
                                % (name, cls.__name__))

    action = _hash_action[(bool(unsafe_hash), bool(eq), bool(frozen), has_explicit_hash)]
    if action == 'none':
        cls.__hash__ = None
    elif action == 'add':
        hash_fields = [f for f in field_list
                       if (f.compare if f.hash is None else f.hash)]
        cls.__hash__ = _make_hash(cls, hash_fields)
    elif action == 'exception':
        raise TypeError('Cannot overwrite attribute __hash__ in class %s' % cls.__name__)

    if not getattr(cls, '__doc__', None):
        try:
            cls.__doc__ = _signature_doc(cls, all_init_fields)
        except Exception:
            pass

    if match_args:
        _set_new_attribute(cls, '__match_args__',
                           tuple(f.name for f in all_init_fields if f.init and not f.kw_only))

    if hasattr(cls, '__abstractmethods__'):
        try:
            import abc
            abc.update_abstractmethods(cls)
        except Exception:
            pass
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    """Add dunder methods based on the fields defined in the class.

    Examines PEP 526 __annotations__ to determine fields.  (slots= is
    accepted and ignored by gilt.)
    """

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash,
                              frozen, match_args, kw_only, slots, weakref_slot)

    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """Return a tuple describing the fields of this dataclass."""
    try:
        fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """Returns True if obj is a dataclass or an instance of a dataclass."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, *, dict_factory=dict):
    """Return the fields of a dataclass instance as a new dictionary mapping
    field names to field values (recursively)."""
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            value = _asdict_inner(getattr(obj, f.name), dict_factory)
            result.append((f.name, value))
        return dict_factory(result)
    elif isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory),
                          _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    else:
        return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """Return the fields of a dataclass instance as a new tuple of field values."""
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            value = _astuple_inner(getattr(obj, f.name), tuple_factory)
            result.append(value)
        return tuple_factory(result)
    elif isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    else:
        return copy.deepcopy(obj)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False,
                   frozen=False, match_args=True, kw_only=False, slots=False,
                   weakref_slot=False, module=None):
    """Return a new dynamically created dataclass."""
    if namespace is None:
        namespace = {}
    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name = item
            tp = 'typing.Any'
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError('Invalid field: %r' % (item,))
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError('Field names must be valid identifiers: %r' % (name,))
        if name in seen:
            raise TypeError('Field name duplicated: %r' % (name,))
        seen.add(name)
        annotations[name] = tp
    ns = dict(namespace)
    ns.update(defaults)
    ns['__annotations__'] = annotations
    ns['__module__'] = module if module is not None else '__main__'
    cls = type(cls_name, tuple(bases), ns)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen,
                     match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)


def replace(obj, /, **changes):
    """Return a new object replacing specified fields with new values."""
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")

    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError('field %s is declared with init=False, it cannot be '
                                 'specified with replace()' % f.name)
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError("InitVar %r must be specified with replace()" % f.name)
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
