class A:
    def m(self):
        return "A.m"
class B(A):
    pass
class C(A):
    def m(self):
        return "C.m"
class D(B):
    pass

def call(o):
    return o.m()
objs = [A(), B(), C(), D()]
print([call(o) for o in objs for _ in range(2)])
A.m = lambda self: "A.m2"
print([call(o) for o in objs])
B.m = lambda self: "B.m"
print([call(o) for o in objs])
del B.m
print([call(o) for o in objs])
d = D()
d.m = lambda: "inst"
print(call(d), call(D()))
del d.m
print(call(d))

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def s(self):
        return self.x + self.y
ps = [P(i, i * 2) for i in range(5)]
q = P(1, 2)
del q.x
q.z = 3
q.x = 10
ps.append(q)
print([p.s() for p in ps])
print([p.y for p in ps], [p.x for p in ps])

class Q:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
        self.b = 2
q = Q()
print(q.a, q.b)
q.a = 5
print(q.a)
class R:
    @property
    def v(self):
        return "prop"
r = R()
r.__dict__["v"] = "dict"
print(r.v)
def getv(o):
    return o.v
class S:
    pass
s = S(); s.v = 1
print(getv(s), getv(r), getv(s))
# floats and compares
a, b = 1.5, 2
print(a + b, b + a, a - b, a * b, a / b, b / a, 3 / 1.5, 1e308 * 10, -0.0 + 0.0, 0.0 * -1)
try:
    print(1.0 / 0)
except ZeroDivisionError as e:
    print("ZDE", e)
try:
    print(1 / 0.0)
except ZeroDivisionError as e:
    print("ZDE", e)
n = float("nan")
print(n == n, n != n, n < 1.0, 1.0 < 2.0, 2.0 <= 2.0, "a" < "b", "abc" == "abc", "é" > "z", "a" != "a", [x < 2.5 for x in (1.0, 2.5, 3.0)])
big = 2**60
print(big + 0.5, 0.5 + big, 2**53 + 1.0)
print(True + 1.5, 1.5 * False)
x = 0.1
for i in range(10):
    x += 0.1
    x *= 1.01
print(x)
import math
print(math.inf - math.inf, 1e-320 / 1e10)
print(0 / -5, 7 / 2, 1 / 3, -7 / 2, 2**53 / 3, (2**53 + 1) / 3, 10 / 5)
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("ZDE", e)
print(1 < 1.5, 2 <= 2.0, 3 == 3.0, 3 != 3.0, 2**60 == 2.0**60, 2**53 + 1 == 2.0**53, 1.5 > 1, n < 1, 1 > n, n != 1)
l = [1, 2]
a, b = l
print(a, b)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("VE", e)
for x, y in [[1, 2], [3, 4]]:
    print(x, y)
