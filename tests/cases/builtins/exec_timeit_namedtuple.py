import timeit
from collections import namedtuple

t = timeit.timeit("x=1", number=1000)
print(type(t).__name__, t >= 0)
print(timeit.Timer("sum(range(10))").timeit(100) >= 0)
print(timeit.Timer("y = a + 1", setup="a = 5").timeit(10) >= 0)
print(len(timeit.repeat("len([1,2])", repeat=3, number=10)))
print(timeit.timeit(lambda: 1, number=5) >= 0)
print(timeit.timeit("f()", setup="def f(): return 1", number=10) >= 0)
print(timeit.timeit("v * 2", globals={"v": 21}, number=10) >= 0)
try:
    timeit.Timer("x = (")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno)
    print(e)
P = namedtuple("P", "x y")
p = P(1, 2)
print(p, p.x + p.y, p._replace(x=5), P._fields, P._make([3, 4]))
