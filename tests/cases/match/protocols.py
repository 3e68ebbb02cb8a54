# How class and mapping patterns talk to objects: attribute lookups,
# __eq__ of value patterns, user-defined mappings and sequences.
import collections.abc

class Lazy:
    __match_args__ = ("value", "missing")
    @property
    def value(self):
        print("  (value looked up)")
        return 42
    @property
    def missing(self):
        raise AttributeError("missing")

match Lazy():
    case Lazy(v, m):
        print("wrong", v, m)
    case Lazy(v):
        print("value", v)
    case _:
        print("a property raising AttributeError means no match")

match Lazy():
    case Lazy(value=41):
        print("wrong")
    case Lazy(value=42):
        print("second case looks it up again")

class Loud:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print(f"  Loud({self.v}) == {other!r}")
        return self.v == other

class K:
    A = Loud(1)
    B = Loud(2)

match 2:
    case K.A:
        print("A")
    case K.B:
        print("B")

class Settings(collections.abc.Mapping):
    def __init__(self, **kw):
        self._d = kw
    def __getitem__(self, k):
        return self._d[k]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)

match Settings(debug=True, level=3):
    case {"debug": True, **rest}:
        print("user mapping", rest)

class Countdown(collections.abc.Sequence):
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return self.n - i

match Countdown(3):
    case [3, *rest]:
        print("user sequence", rest)

class NotASequence:
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return i

match NotASequence():
    case [a, b]:
        print("wrong")
    case _:
        print("__getitem__ alone does not make a sequence")

match "abc":
    case [*chars]:
        print("wrong")
    case str() as s if len(s) == 3:
        print("strings are not sequences for patterns")

class WeirdArgs:
    __match_args__ = ("a",)
    a = 1
    b = 2

match WeirdArgs():
    case WeirdArgs(1, b=2):
        print("class attributes count too")
