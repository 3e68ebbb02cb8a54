# pickle.dumps output, byte for byte, for many objects and every protocol
# (the native _pickle must write what CPython's C pickler writes), and the
# objects loaded back.
import collections
import datetime
import hashlib
import pickle


class Plain:
    def __init__(self, i):
        self.i = i
        self.name = "x%d" % i


class Slots:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = [2]


class Red:
    def __reduce__(self):
        return (Red, ())


class State:
    def __init__(self):
        self.x = 5

    def __getstate__(self):
        return {"y": self.x}

    def __setstate__(self, s):
        self.x = s["y"]


class NewArgs:
    def __new__(cls, a):
        o = object.__new__(cls)
        o.a = a
        return o

    def __getnewargs__(self):
        return (self.a,)


Point = collections.namedtuple("Point", "x y")


class MyList(list):
    pass


class MyDict(dict):
    pass


def func():
    pass


def objects():
    rec = []
    rec.append(rec)
    d = {}
    d[1] = d
    t = ([],)
    t[0].append(t)
    shared = [1, 2]
    return [
        None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -129, 2**31 - 1, 2**31,
        -2**31, -2**31 - 1, 2**63, -2**63, 2**64, 2**200, -2**200, 2**2100,
        0.0, -0.0, 1.5, 1e300, float("inf"), 1 / 3,
        "", "a", "h\xe9llo", "\u65e5\u672c", "\U0001f600", "back\\slash\nnew\rline\x00\x1a", "x" * 300,
        b"", b"abc", bytes(range(256)), b"y" * 70000, bytearray(b"ba"), bytearray(),
        (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1], list(range(1001)), list(range(1000)),
        {}, {1: 2}, {i: i * 2 for i in range(1001)}, {i: i for i in range(1000)},
        set(), {1, 2, 3}, set(range(1000)), frozenset(), frozenset({1, 2}), [shared, shared],
        rec, d, t, complex(1, 2), range(3), slice(1, 2, 3), Ellipsis, NotImplemented,
        type(None), int, list, Plain, func, len,
        Plain(3), Slots(), Red(), State(), Point(1, 2), MyList([1, 2]), MyDict(a=1), NewArgs(5),
        datetime.date(2020, 1, 2), datetime.datetime(2020, 1, 2, 3, 4, 5, 6), datetime.timedelta(1, 2, 3),
        ValueError("boom"), KeyError(1), collections.OrderedDict(a=1), collections.deque([1, 2]),
        [1.5] * 3, {"a": (1, [2, {3: b"4"}])}, [list(range(20000)), "z" * 70000],
    ]


def short(b):
    h = b.hex()
    if len(h) > 160:
        return "%d bytes md5 %s" % (len(b), hashlib.md5(b).hexdigest())
    return h


def shown(v):
    r = repr(v)
    if " at 0x" in r:
        r = r.split(" at 0x")[0] + ">"
    return r[:70]


for i, o in enumerate(objects()):
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        try:
            s = pickle.dumps(o, proto)
        except Exception as e:
            print(i, proto, type(e).__name__, e)
            continue
        print(i, proto, short(s), shown(pickle.loads(s)))
