# __slots__ members and properties read and written through cached sites.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Q(P):
    __slots__ = ("z",)

def total(o):
    return o.x + o.y

def move(o, d):
    o.x = o.x + d

p = P(1, 2)
q = Q(10, 20)
print([total(p) for _ in range(3)], total(q))
for _ in range(3):
    move(p, 1)
    move(q, 2)
print(p.x, q.x)
del p.y
try:
    total(p)
except AttributeError as e:
    print("AttributeError:", e)
p.y = 5
print(total(p))
try:
    p.w = 1
except AttributeError as e:
    print("AttributeError:", e)

# A class with slots and a __dict__ (a subclass without __slots__).
class R(P):
    pass
r = R(3, 4)
r.extra = 9
def get_extra(o):
    return o.extra
print(total(r), [get_extra(r) for _ in range(2)])

# Properties: getter, replaced getter, a setter, a getter raising AttributeError
# with and without __getattr__ to fall back on.
class Temp:
    def __init__(self):
        self._c = 20
    @property
    def f(self):
        return self._c * 9 // 5 + 32
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        self._c = v

def read_f(t):
    return t.f

t = Temp()
print([read_f(t) for _ in range(3)])
t.c = 100
print(read_f(t), t.c)
Temp.f = property(lambda self: "replaced")
print(read_f(t))
try:
    t.f = 1
except AttributeError as e:
    print("AttributeError:", e)

class Lazy:
    @property
    def v(self):
        raise AttributeError("not yet")
    def __getattr__(self, name):
        return "fallback " + name

class Strict:
    @property
    def v(self):
        raise AttributeError("not yet")

def read_v(o):
    try:
        return o.v
    except AttributeError as e:
        return "AttributeError: %s (name=%s)" % (e, e.name)

print([read_v(Lazy()) for _ in range(2)])
print([read_v(Strict()) for _ in range(2)])
