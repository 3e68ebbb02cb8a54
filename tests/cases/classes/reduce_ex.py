# object.__reduce_ex__ / __reduce__ / __getstate__: how copy and pickle take instances apart.
import copy
import copyreg


class P:
    def __init__(self, x):
        self.x = x


p = P(3)
r = p.__reduce_ex__(2)
print(r[0] is copyreg.__newobj__, r[1] == (P,), r[2], r[3], r[4])
print(p.__getstate__(), P.__new__(P).__getstate__())


class S:
    __slots__ = ("a", "b")


s = S()
s.a = 1
print(s.__reduce_ex__(4)[2])


class N:
    def __init__(self, v):
        self.v = v

    def __getnewargs__(self):
        return (self.v,)

    def __new__(cls, v):
        o = super().__new__(cls)
        o.made_with = v
        return o


n = copy.copy(N(9))
print(n.v, n.made_with)


class R:
    def __reduce__(self):
        return (R, ())


print(R().__reduce_ex__(4)[0] is R)


class L(list):
    pass


lst = L([1, 2])
lst.tag = "t"
c = copy.deepcopy(lst)
print(type(c).__name__, c, c.tag)


class D(dict):
    pass


d = D(a=1)
print(type(copy.copy(d)).__name__, copy.copy(d))
q = copy.deepcopy(P([1, [2]]))
print(q.x, type(q).__name__)
try:
    object().__reduce_ex__()
except TypeError as e:
    print(e)
import datetime
print(copy.copy(datetime.date(2020, 1, 2)), copy.deepcopy(datetime.datetime(2020, 1, 2, 3, 4, fold=1)).fold,
      copy.copy(datetime.timedelta(3)), copy.copy(datetime.time(1, 2, tzinfo=datetime.timezone.utc)))


class T(tuple):
    pass


class I(int):
    pass


t = copy.copy(T((1, 2)))
print(type(t).__name__, t, copy.deepcopy(I(5)), T((3,)).__getnewargs__())


class St(set):
    pass


x = St({1})
x.a = 2
y = copy.deepcopy(x)
print({1}.__reduce__(), frozenset({2}).__reduce__(), type(y).__name__, sorted(y), y.a,
      copy.deepcopy({frozenset({1, 2}), (1, 2)}) == {frozenset({1, 2}), (1, 2)})
