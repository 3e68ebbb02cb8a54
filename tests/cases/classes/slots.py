# __slots__: no __dict__, member descriptors, inheritance, __weakref__, errors.
import weakref


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"), Point.__slots__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.__dict__
except AttributeError as e:
    print("AttributeError:", e)
try:
    vars(p)
except TypeError as e:
    print("TypeError:", e)

# The slots are member descriptors on the class.
print(type(Point.x).__name__, Point.x, Point.x.__name__)
Point.x.__set__(p, 10)
print(Point.x.__get__(p, Point), Point.x.__get__(None, Point) is Point.x)
Point.y.__delete__(p)
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    del p.y
except AttributeError as e:
    print("AttributeError:", e)
p.y = 20
print(p.x, p.y, list(k for k in Point.__dict__ if k in ("x", "y")))


class Empty:
    __slots__ = ()


e = Empty()
try:
    e.anything = 1
except AttributeError as e2:
    print("AttributeError:", e2)


class Point3(Point):          # slots add up along the inheritance chain
    __slots__ = ("z",)


q = Point3(1, 2)
q.z = 3
print(q.x, q.y, q.z, hasattr(q, "__dict__"))


class Loose(Point):           # a subclass without __slots__ gets a __dict__
    pass


l = Loose(1, 2)
l.extra = "yes"
print(l.__dict__, l.x)


class WithDict:
    __slots__ = ("a", "__dict__")


w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.__dict__)


class Private:
    __slots__ = ("__secret",)

    def __init__(self):
        self.__secret = "s"

    def get(self):
        return self.__secret


print(Private().get(), "_Private__secret" in Private.__dict__)


class Weak:
    __slots__ = ("__weakref__", "v")


wk = Weak()
r = weakref.ref(wk)
print(r() is wk)
try:
    weakref.ref(p)
except TypeError as e:
    print("TypeError:", e)

for body in [
    "__slots__ = ('a',)\n    a = 1",
    "__slots__ = (1,)",
    "__slots__ = ('not valid',)",
    "__slots__ = ('__dict__', '__dict__')",
    "__slots__ = ('__weakref__', '__weakref__')",
    "__slots__ = 5",
]:
    try:
        exec("class Bad:\n    " + body)
        print("no error")
    except (TypeError, ValueError) as err:
        print(type(err).__name__ + ":", err)


class A:
    __slots__ = ("a",)


class B:
    __slots__ = ("b",)


try:
    class C(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    Point.x.__get__(42, int)
except TypeError as e:
    print("TypeError:", e)

# copy and deepcopy carry slot values (and the __dict__ beside them).
import copy

src = Point3(1, [2])
src.z = 3
dup = copy.copy(src)
deep = copy.deepcopy(src)
print(dup.x, dup.y, dup.z, dup.y is src.y, deep.y, deep.y is src.y)
wd = WithDict()
wd.a = "slot"
wd.other = "dict"
wd2 = copy.copy(wd)
print(wd2.a, wd2.__dict__)
half = Point.__new__(Point)
half.x = 1
print(hasattr(copy.copy(half), "y"), copy.copy(half).x)
