# An instance reading a class attribute (a constant, a method as a bound
# method) through one instruction, while the class, its bases, the instance
# dict and the attribute's own class change under it.
class Base:
    limit = 10
    def m(self):
        return "Base.m"

class C(Base):
    size = 3

def read(o):
    # One site per attribute: each keeps its inline cache across calls.
    return (o.size, o.limit, o.m())

c = C()
out = []
for i in range(3):
    out.append(read(c))
C.size = 4                      # class attribute rebound
out.append(read(c))
Base.limit = 11                 # a base's attribute rebound
out.append(read(c))
C.limit = 12                    # now shadowed by the subclass
out.append(read(c))
del C.limit                     # and back to the base's
out.append(read(c))
c.size = "own"                  # the instance dict shadows the class
out.append(read(c))
del c.size
out.append(read(c))
Base.m = lambda self: "patched"  # a method monkey-patched on the base
out.append(read(c))
C.m = lambda self: "C.m"
out.append(read(c))
for row in out:
    print(row)

# A bound method read as an attribute: a new bound method each time.
f1, f2 = c.m, c.m
print(f1 is f2, f1 == f2, f1())

# A class-level object whose class later gains __get__ becomes a descriptor.
class Thing:
    pass

class Holder:
    t = Thing()

def get_t(h):
    return h.t

h = Holder()
print([type(get_t(h)).__name__ for _ in range(3)])
Thing.__get__ = lambda self, obj, typ=None: "via __get__"
print([get_t(h) for _ in range(2)])

# A class that later gains a data descriptor of the same name.
class D:
    pass

d = D()
d.x = "dict"
def get_x(o):
    return o.x
print([get_x(d) for _ in range(3)])
D.x = property(lambda self: "property")
print(get_x(d))
del D.x
print(get_x(d))

# __getattr__ only for names nothing else has; added and removed later.
class G:
    a = 1
g = G()
def get_b(o):
    try:
        return o.b
    except AttributeError as e:
        return "AttributeError: %s" % e
print([get_b(g) for _ in range(2)])
G.__getattr__ = lambda self, n: "ga:" + n
print([get_b(g) for _ in range(2)])
del G.__getattr__
print(get_b(g))

# __getattribute__ added to a base after the site cached a class attribute.
class H(Base):
    pass
hh = H()
def get_limit(o):
    return o.limit
print([get_limit(hh) for _ in range(3)])
Base.__getattribute__ = lambda self, n: "gattr:" + n
print(get_limit(hh), get_limit(c))
del Base.__getattribute__
print(get_limit(hh))

# Exceptions keep their special attributes (args) beside class attributes.
class E(Exception):
    code = 7
def get_code_args(e):
    return (e.code, e.args)
print([get_code_args(E(i)) for i in range(3)])
