"""enum for gilt: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique,
member/nonmember.

Built on a metaclass (EnumType) without __prepare__: the class body is a plain
insertion-ordered dict, so members are taken from it in definition order and
auto() values are resolved in that order too.  Reprs, str(), format(), value
lookup, aliases, _missing_, _generate_next_value_, the functional API
(Enum('Animal', 'ANT BEE')) and Flag composition follow CPython 3.11.
(Redefining a name in the class body cannot be detected without __prepare__:
the last definition wins.)
"""

import sys

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag',
           'IntFlag', 'ReprEnum', 'auto', 'unique', 'member', 'nonmember',
           'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT', 'KEEP', 'property']

property = property   # enum.property: plain property in gilt


class _MemberMap:
    """A read-only live view of the member map (repr like mappingproxy)."""

    def __init__(self, mapping):
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return dict(self._mapping)

    def __eq__(self, other):
        if isinstance(other, _MemberMap):
            other = other._mapping
        return self._mapping == other

    __hash__ = None

    def __repr__(self):
        return 'mappingproxy(%r)' % (self._mapping,)


def _sample():
    pass


_FunctionType = type(_sample)


def _is_descriptor(obj):
    if isinstance(obj, (_FunctionType, classmethod, staticmethod, property)):
        return True
    t = type(obj)
    return (hasattr(t, '__get__') or hasattr(t, '__set__') or hasattr(t, '__delete__'))


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__' and
            name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_' and
            name[1:2] != '_' and name[-2:-1] != '_')


def _is_private(cls_name, name):
    pattern = '_%s__' % (cls_name,)
    return len(name) > len(pattern) and name.startswith(pattern) and not name.endswith('__')


def _is_single_bit(num):
    if num == 0:
        return False
    num &= num - 1
    return num == 0


def _iter_bits_lsb(num):
    while num:
        b = num & (~num + 1)
        yield b
        num ^= b


def _bit_count(num):
    return bin(num).count('1')


class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)


class nonmember:
    """Protects item from becoming an Enum member during class creation."""

    def __init__(self, value):
        self.value = value


class member:
    """Forces item to become an Enum member during class creation."""

    def __init__(self, value):
        self.value = value


def _unwrap_gnv(f):
    if isinstance(f, staticmethod):
        return f.__func__
    return f


def _is_object_new(f):
    return f is None or f is object.__new__ or getattr(f, '__self__', None) is object


def _defines(base, name):
    try:
        return name in base.__dict__
    except AttributeError:
        return False


def _owner(cls, name):
    """The class in cls.__mro__ whose own namespace defines name."""
    for base in cls.__mro__:
        d = getattr(base, '__dict__', None)
        if d is not None and name in d:
            return base
    return None


def _caller_module():
    getmod = getattr(sys, '_getframemodulename', None)
    if getmod is not None:
        try:
            return getmod(2)
        except (AttributeError, ValueError):
            pass
    return '__main__'


Enum = Flag = ReprEnum = None      # bootstrapping: defined below


class EnumType(type):
    """Metaclass for Enum"""

    def __new__(metacls, cls, bases, classdict, *, boundary=None, **kwds):
        classdict = dict(classdict)
        if Enum is None:
            # creating Enum itself
            member_type, first_enum = object, None
        else:
            metacls._check_for_existing_members_(cls, bases)
            member_type, first_enum = metacls._get_mixins_(cls, bases)

        ignore = classdict.pop('_ignore_', [])
        if isinstance(ignore, str):
            ignore = ignore.replace(',', ' ').split()
        for key in ignore:
            classdict.pop(key, None)

        gnv = classdict.get('_generate_next_value_')
        if gnv is None and first_enum is not None:
            gnv = getattr(first_enum, '_generate_next_value_', None)
        gnv = _unwrap_gnv(gnv)
        if '_generate_next_value_' in classdict:
            classdict['_generate_next_value_'] = staticmethod(gnv)

        body = {}
        members = {}
        last_values = []
        for key, value in classdict.items():
            if isinstance(value, nonmember):
                body[key] = value.value
                continue
            if isinstance(value, member):
                value = value.value
            elif (_is_dunder(key) or _is_sunder(key) or _is_private(cls, key)
                    or _is_descriptor(value)):
                body[key] = value
                continue
            if isinstance(value, auto):
                if value.value is _auto_null:
                    if gnv is None:
                        raise TypeError('auto() needs _generate_next_value_')
                    value.value = gnv(key, 1, len(members), last_values[:])
                value = value.value
            members[key] = value
            last_values.append(value)

        new_member, save_new, use_args = metacls._find_new_(classdict, member_type, first_enum)

        body['_new_member_'] = new_member
        body['_use_args_'] = use_args
        body['_member_names_'] = []
        body['_member_map_'] = {}
        body['_value2member_map_'] = {}
        body['_unhashable_values_'] = []
        body['_member_type_'] = member_type
        if boundary is not None:
            body['_boundary_'] = boundary
        if Flag is not None:
            body['_inverted_'] = None

        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        if save_new:
            setattr(enum_class, '__new_member__', new_member)
        setattr(enum_class, '__members__', _MemberMap(enum_class._member_map_))

        defined = set(classdict)
        if ReprEnum is not None and ReprEnum in bases:
            if member_type is object:
                raise TypeError('ReprEnum subclasses must be mixed with a data type '
                                '(i.e. int, str, float, etc.)')
            if '__format__' not in defined:
                setattr(enum_class, '__format__', _value_format)
                defined.add('__format__')
            if '__str__' not in defined:
                setattr(enum_class, '__str__', _value_str)
                defined.add('__str__')
        if first_enum is not None:
            # make sure repr() and friends are the Enum's, not the mixed-in
            # data type's (which comes earlier in the MRO)
            mro = enum_class.__mro__
            for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
                if name in defined:
                    continue
                owner = _owner(enum_class, name)
                if owner is object or owner is None or (
                        member_type is not object and member_type in mro
                        and (owner not in mro or mro.index(owner) >= mro.index(member_type))):
                    setattr(enum_class, name, getattr(first_enum, name))

        is_flag = Flag is not None and issubclass(enum_class, Flag)
        if is_flag:
            for name in ('__or__', '__and__', '__xor__', '__ror__', '__rand__',
                         '__rxor__', '__invert__'):
                if name not in defined:
                    setattr(enum_class, name, getattr(Flag, name))
        for name, value in members.items():
            enum_class._add_member_(name, value, is_flag)

        if is_flag:
            single_bits = multi_bits = 0
            for m in enum_class._member_map_.values():
                v = m._value_
                if _is_single_bit(v):
                    single_bits |= v
                else:
                    multi_bits |= v
            flag_mask = single_bits | multi_bits
            setattr(enum_class, '_flag_mask_', flag_mask)
            setattr(enum_class, '_singles_mask_', single_bits)
            setattr(enum_class, '_all_bits_', 2 ** flag_mask.bit_length() - 1)
        return enum_class

    def _add_member_(enum_class, name, value, is_flag):
        if not isinstance(value, tuple):
            args = (value,)
        else:
            args = value
        member_type = enum_class._member_type_
        if member_type is tuple:
            args = (args,)
        if not enum_class._use_args_:
            enum_member = enum_class._new_member_(enum_class)
        else:
            enum_member = enum_class._new_member_(enum_class, *args)
        if not hasattr(enum_member, '_value_'):
            if member_type is object:
                enum_member._value_ = value
            else:
                try:
                    enum_member._value_ = member_type(*args)
                except Exception:
                    enum_member._value_ = value
        value = enum_member._value_
        enum_member._name_ = name
        enum_member.__objclass__ = enum_class
        enum_member.__init__(*args)
        enum_member._sort_order_ = len(enum_class._member_names_)

        canonical = None
        try:
            canonical = enum_class._value2member_map_.get(value)
        except TypeError:
            for m in enum_class._member_map_.values():
                if m._value_ == value:
                    canonical = m
                    break
        if canonical is not None:
            enum_member = canonical
        elif not is_flag or _is_single_bit(value):
            enum_class._member_names_.append(name)
        setattr(enum_class, name, enum_member)
        enum_class._member_map_[name] = enum_member
        try:
            enum_class._value2member_map_.setdefault(value, enum_member)
        except TypeError:
            enum_class._unhashable_values_.append(value)

    @classmethod
    def _check_for_existing_members_(mcls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if isinstance(base, EnumType) and base._member_names_:
                    raise TypeError("<enum %r> cannot extend %r" % (class_name, base))

    @classmethod
    def _get_mixins_(mcls, class_name, bases):
        if not bases:
            return object, Enum
        first_enum = bases[-1]
        if not isinstance(first_enum, EnumType):
            raise TypeError("new enumerations should be created as "
                            "`EnumName([mixin_type, ...] [data_type,] enum_type)`")
        data_types = []
        for chain in bases:
            candidate = None
            for base in chain.__mro__:
                if base is object:
                    continue
                elif isinstance(base, EnumType):
                    if base._member_type_ is not object:
                        if base._member_type_ not in data_types:
                            data_types.append(base._member_type_)
                        break
                elif (getattr(base, '__module__', None) == 'builtins'
                      or _defines(base, '__new__')):
                    t = candidate or base
                    if t not in data_types:
                        data_types.append(t)
                    break
                else:
                    candidate = candidate or base
        if len(data_types) > 1:
            raise TypeError('too many data types for %r: %r' % (class_name, set(data_types)))
        member_type = data_types[0] if data_types else object
        return member_type, first_enum

    @classmethod
    def _find_new_(mcls, classdict, member_type, first_enum):
        __new__ = classdict.get('__new__', None)
        save_new = first_enum is not None and __new__ is not None
        if isinstance(__new__, staticmethod):
            __new__ = __new__.__func__
        if __new__ is None:
            for method in ('__new_member__', '__new__'):
                for possible in (member_type, first_enum):
                    target = getattr(possible, method, None)
                    if not _is_object_new(target):
                        __new__ = target
                        break
                if __new__ is not None:
                    break
            else:
                __new__ = object.__new__
        use_args = not _is_object_new(__new__)
        return __new__, save_new, use_args

    def __call__(cls, value, names=None, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        if names is None:
            return cls._lookup_(value)
        return cls._create_(value, names, module=module, qualname=qualname,
                            type=type, start=start, boundary=boundary)

    def _lookup_(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        if not cls._member_map_ and not (Flag is not None and issubclass(cls, Flag)):
            raise TypeError("%r has no members defined" % cls)
        try:
            exc = None
            result = cls._missing_(value)
        except Exception as e:
            exc = e
            result = None
        if isinstance(result, cls):
            return result
        if Flag is not None and issubclass(cls, Flag) and cls._boundary_ is EJECT \
                and isinstance(result, int):
            return result
        ve_exc = ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        if result is None and exc is None:
            raise ve_exc
        elif exc is None:
            exc = TypeError('error in %s._missing_: returned %r instead of None or a valid member'
                            % (cls.__name__, result))
        if not isinstance(exc, ValueError):
            exc.__context__ = ve_exc
        raise exc

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        _, first_enum = cls._get_mixins_(class_name, bases)
        gnv = _unwrap_gnv(first_enum._generate_next_value_)
        classdict = {}
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = gnv(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        classdict['__module__'] = module if module is not None else _caller_module()
        if qualname is not None:
            classdict['__qualname__'] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    def _convert_(cls, name, module, filter, source=None, *, boundary=None, as_global=False):
        # Builds an enum from a module's constants (signal.Signals, re.RegexFlag):
        # members ordered by value then name, exported into the module.
        namespace = sys.modules[module].__dict__
        pairs = [(k, v) for k, v in (source or sys.modules[module]).__dict__.items() if filter(k)]
        try:
            pairs.sort(key=lambda kv: (kv[1], kv[0]))
        except TypeError:
            pairs.sort(key=lambda kv: kv[0])
        if boundary is None and Flag is not None and issubclass(cls, Flag):
            boundary = KEEP
        new = cls._create_(name, pairs, module=module, boundary=boundary)
        namespace.update(new.__members__)
        namespace[name] = new
        return new

    def __bool__(cls):
        return True

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'" % (
                    type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))
        super().__delattr__(attr)

    def __dir__(cls):
        interesting = set(['__class__', '__contains__', '__doc__', '__getitem__',
                           '__iter__', '__len__', '__members__', '__module__',
                           '__name__', '__qualname__'] + cls._member_names_)
        return sorted(interesting)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __len__(cls):
        return len(cls._member_names_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __setattr__(cls, name, value):
        member_map = getattr(cls, '_member_map_', None) or {}
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)


EnumMeta = EnumType


def _value_str(self):
    return str(self._value_)


def _value_format(self, format_spec):
    return format(self._value_, format_spec)


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    def __init__(self, *args, **kwds):
        pass

    def _generate_next_value_(name, start, count, last_values):
        """Generate the next value when not given."""
        if not last_values:
            return start
        try:
            last = last_values[-1]
            last_values.sort()
            if last == last_values[-1]:
                return last + 1
            else:
                raise TypeError
        except TypeError:
            for v in reversed(last_values):
                try:
                    return v + 1
                except TypeError:
                    pass
            return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = getattr(self.__class__, '_value_repr_', None) or repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __dir__(self):
        names = set(['__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value'])
        for cls in type(self).__mro__:
            for name in getattr(cls, '__dict__', {}):
                if name[0] != '_' and name not in self._member_map_:
                    names.add(name)
        return sorted(names)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __deepcopy__(self, memo):
        return self

    def __copy__(self):
        return self

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints"""


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings"""

    def __new__(cls, *values):
        "values must already be of type `str`"
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        if len(values) == 1:
            if not isinstance(values[0], str):
                raise TypeError('%r is not a string' % (values[0],))
        if len(values) >= 2:
            if not isinstance(values[1], str):
                raise TypeError('encoding must be a string, not %r' % (values[1],))
        if len(values) == 3:
            if not isinstance(values[2], str):
                raise TypeError('errors must be a string, not %r' % (values[2]))
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    def _generate_next_value_(name, start, count, last_values):
        """Return the lower-cased version of the member name."""
        return name.lower()


class FlagBoundary(StrEnum):
    """control how out of range values are handled"""
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


class Flag(Enum, boundary=STRICT):
    """Support for flags"""

    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = last_value.bit_length() - 1
        except Exception:
            raise TypeError('invalid flag value %r' % last_value) from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _iter_member_(cls, value):
        members = [cls._value2member_map_.get(v) for v in _iter_bits_lsb(value & cls._flag_mask_)]
        members = [m for m in members if m is not None]
        members.sort(key=lambda m: m._sort_order_)
        return iter(members)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        singles_mask = cls._singles_mask_
        all_bits = cls._all_bits_
        neg_value = None
        if not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask):
            if cls._boundary_ is STRICT:
                raise ValueError("%r invalid value %r\n    given %s\n  allowed %s" % (
                    cls, value, bin(value), bin(flag_mask)))
            elif cls._boundary_ is CONFORM:
                value = value & flag_mask
            elif cls._boundary_ is EJECT:
                return value
            elif cls._boundary_ is KEEP:
                if value < 0:
                    value = max(all_bits + 1, 2 ** (value.bit_length())) + value
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        aliases = value & ~singles_mask
        member_value = value & singles_mask
        if unknown and cls._boundary_ is not KEEP:
            raise ValueError('%s(%r) -->  unknown values %r [%s]'
                             % (cls.__name__, value, unknown, bin(unknown)))
        if cls._member_type_ is object:
            pseudo_member = object.__new__(cls)
        else:
            pseudo_member = cls._member_type_.__new__(cls, value)
        if not hasattr(pseudo_member, '_value_'):
            pseudo_member._value_ = value
        if member_value or aliases:
            members = []
            combined_value = 0
            for m in cls._iter_member_(member_value):
                members.append(m)
                combined_value |= m._value_
            if aliases:
                value = member_value | aliases
                for n, pm in cls._member_map_.items():
                    if pm not in members and pm._value_ and pm._value_ & value == pm._value_:
                        members.append(pm)
                        combined_value |= pm._value_
            unknown = value ^ combined_value
            pseudo_member._name_ = '|'.join([m._name_ for m in members])
            if not combined_value:
                pseudo_member._name_ = None
            elif unknown and cls._boundary_ is STRICT:
                raise ValueError('%r: no members with value %r' % (cls, unknown))
            elif unknown:
                pseudo_member._name_ += '|%r' % (unknown,)
        else:
            pseudo_member._name_ = None
        pseudo_member = cls._value2member_map_.setdefault(value, pseudo_member)
        if neg_value is not None:
            cls._value2member_map_[neg_value] = pseudo_member
        return pseudo_member

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r" % (
                    type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return self._iter_member_(self._value_)

    def __len__(self):
        return _bit_count(self._value_)

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = getattr(self.__class__, '_value_repr_', None) or repr
        if self._name_ is None:
            return "<%s: %s>" % (cls_name, v_repr(self._value_))
        return "<%s.%s: %s>" % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return "%s.%s" % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def _other_value(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return NotImplemented

    def __or__(self, other):
        other = self._other_value(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        other = self._other_value(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        other = self._other_value(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        if self._boundary_ in (EJECT, KEEP):
            return self.__class__(~self._value_)
        return self.__class__(self._singles_mask_ & ~self._value_)

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Support for integer-based Flags"""


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(
            ["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration


# Module-level enums (CPython's `global_enum`, used by the `re` package):
# members are shown as `module.NAME`, and copied into the module's globals.

def _global_module(self):
    return self.__class__.__module__.rpartition('.')[2]


def _global_enum_repr(self):
    return '%s.%s' % (_global_module(self), self._name_)


def _global_flag_repr(self):
    module = _global_module(self)
    if self._name_ is None:
        return '%s.%s(%r)' % (module, self.__class__.__name__, self._value_)
    numeric = getattr(self.__class__, '_numeric_repr_', None) or repr
    parts = []
    for piece in self._name_.split('|'):
        if piece[:1].isdigit():
            parts.append(numeric(int(piece)))
        else:
            parts.append('%s.%s' % (module, piece))
    return '|'.join(parts)


def _global_str(self):
    if self._name_ is None:
        return '%s(%r)' % (self.__class__.__name__, self._value_)
    return self._name_


def global_enum(cls, update_str=False):
    """Class decorator: repr members as `module.NAME` and export them to
    the module's globals."""
    if issubclass(cls, Flag):
        cls.__repr__ = _global_flag_repr
    else:
        cls.__repr__ = _global_enum_repr
    if update_str or not issubclass(cls, ReprEnum):
        cls.__str__ = _global_str
    sys.modules[cls.__module__].__dict__.update(cls.__members__)
    return cls


def _simple_enum(etype=Enum, *, boundary=None, use_args=None):
    """Class decorator: turn a plain class body into an enum of `etype`."""
    def convert(cls):
        body = {}
        for key, value in cls.__dict__.items():
            if key in ('__dict__', '__weakref__'):
                continue
            body[key] = value
        kwds = {} if boundary is None else {'boundary': boundary}
        enum_class = type(etype)(cls.__name__, (etype,), body, **kwds)
        if '__str__' in body and '__format__' not in body:
            # A class that chose its own str formats with it too.
            enum_class.__format__ = lambda self, spec: format(str(self), spec)
        return enum_class
    return convert
