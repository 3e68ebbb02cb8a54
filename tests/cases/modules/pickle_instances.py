# pickle and copy of plain instances and built-in subclasses through object's
# __reduce_ex__ / __reduce__ / __getstate__, at every protocol.
import copy
import pickle


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


class WithState:
    def __init__(self):
        self.secret = 42
        self.cache = "drop me"

    def __getstate__(self):
        return {"secret": self.secret}


class NewArgs:
    def __new__(cls, n):
        self = super().__new__(cls)
        self.n = n
        return self

    def __getnewargs__(self):
        return (self.n,)


class MyList(list):
    pass


class MyDict(dict):
    pass


class MyInt(int):
    pass


class MyStr(str):
    pass


for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    p = pickle.loads(pickle.dumps(Point(1, [2, 3]), proto))
    print(proto, "point", p.x, p.y, p == Point(1, [2, 3]))
    if proto >= 2:
        s = pickle.loads(pickle.dumps(Slotted(), proto))
        print(proto, "slots", s.a, hasattr(s, "b"))
    w = pickle.loads(pickle.dumps(WithState(), proto))
    print(proto, "getstate", sorted(vars(w)))
    n = pickle.loads(pickle.dumps(NewArgs(7), proto))
    print(proto, "newargs", n.n)
    ml = MyList([1, 2, 3])
    ml.tag = "t"
    ml2 = pickle.loads(pickle.dumps(ml, proto))
    print(proto, "list", type(ml2).__name__, ml2, ml2.tag)
    md = pickle.loads(pickle.dumps(MyDict(a=1), proto))
    print(proto, "dict", type(md).__name__, md)
    mi = pickle.loads(pickle.dumps(MyInt(5), proto))
    print(proto, "int", type(mi).__name__, mi)
    ms = pickle.loads(pickle.dumps(MyStr("hi"), proto))
    print(proto, "str", type(ms).__name__, ms)
    print(proto, "builtins", pickle.loads(pickle.dumps([range(1, 7, 2), Ellipsis, NotImplemented, len, {1, 2}, frozenset([3]), bytearray(b"ab"), b"xy", divmod], proto)))

print(Point(1, 2).__reduce_ex__(2)[0].__name__, Point(1, 2).__getstate__())
print(Point(1, 2).__reduce__()[0].__name__)
print(object().__getstate__(), Slotted().__getstate__())
try:
    pickle.dumps(Slotted(), 1)
except TypeError as e:
    print("TypeError", e)
import codecs
print(pickle.loads(pickle.dumps(codecs.encode, 2))("a", "ascii"))
c = copy.deepcopy(Point(1, [2]))
print(c.x, c.y)
