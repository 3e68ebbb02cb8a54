# Function and code object introspection: __code__, __closure__ cells,
# writable function attributes, annotations, __get__ and bound methods.
import types


def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    x = 1

    def g():
        return x + a
    return g


c = f.__code__
print(type(c).__name__, types.CodeType is type(c), types.FunctionType is type(f))
print(c.co_name, c.co_qualname, c.co_filename.endswith("code_introspection.py"), c.co_firstlineno)
print(c.co_varnames, c.co_argcount, c.co_kwonlyargcount, c.co_posonlyargcount, c.co_nlocals)
print(c.co_flags, c.co_freevars, sorted(c.co_cellvars))
g = f(1, d=4)
print(g.__code__.co_freevars, g.__code__.co_flags, g.__code__.co_qualname)


def gen():
    yield 1


async def coro():
    pass


def outer():
    return [i for i in range(2)], lambda: 0


print(gen.__code__.co_flags, coro.__code__.co_flags, outer.__code__.co_flags, outer()[1].__code__.co_flags)

# Closures are tuples of cells.
cells = g.__closure__
print(type(cells).__name__, len(cells), type(cells[0]).__name__, types.CellType is type(cells[0]))
print(sorted(cell.cell_contents for cell in cells))
for i, cell in enumerate(cells):
    if g.__code__.co_freevars[i] == "x":
        cell.cell_contents = 10
print(g())
print(f.__closure__)
empty = types.CellType()
try:
    empty.cell_contents
except ValueError as err:
    print("ValueError:", err)
full = types.CellType(5)
print(full.cell_contents)
del full.cell_contents
try:
    full.cell_contents
except ValueError as err:
    print("ValueError:", err)


# Annotations, defaults and the other writable attributes.
def h(x: int, y: "str" = "a", *rest: float, z: bool = True, **opts: dict) -> list:
    "doc of h"
    return [x, y, z]


print(h.__annotations__)
print(h.__defaults__, h.__kwdefaults__, f.__kwdefaults__, g.__defaults__)
h.__defaults__ = ("b",)
h.__kwdefaults__ = {"z": False}
print(h(1), h.__doc__)
h.__defaults__ = None
try:
    h(1)
except TypeError as err:
    print("TypeError:", err)
for attr, value in [("__defaults__", [1]), ("__kwdefaults__", 3), ("__name__", 1), ("__annotations__", 0)]:
    try:
        setattr(h, attr, value)
    except TypeError as err:
        print("TypeError:", err)
h.__name__ = "renamed"
h.__qualname__ = "Q.renamed"
h.__doc__ = "new doc"
h.__module__ = "elsewhere"
h.tag = 5
print(h.__name__, h.__qualname__, h.__doc__, h.__module__, h.__dict__)
h.__dict__ = {"other": 1}
print(h.__dict__, hasattr(h, "tag"))
h.__annotations__ = {"q": int}
print(h.__annotations__)
print(h.__globals__ is globals(), type(h.__builtins__).__name__, h.__builtins__["len"] is len)


def plain():
    pass


print(plain.__annotations__, plain.__defaults__, plain.__kwdefaults__, plain.__closure__)


# Functions are descriptors.
class Obj:
    def __init__(self, n):
        self.n = n


def describe(self, suffix=""):
    return "Obj(%d)%s" % (self.n, suffix)


o = Obj(7)
m = types.MethodType(describe, o)
print(m(), m.__func__ is describe, m.__self__ is o)
m2 = describe.__get__(o)
print(m2("!"), m2.__func__ is describe, type(m2) is types.MethodType)
print(describe.__get__(None, Obj) is describe)
Obj.describe = describe
print(Obj(3).describe(), Obj.describe is describe, Obj(3).describe.__func__ is describe)


# code.replace
def k(a, b):
    return a + b


k2 = k.__code__.replace(co_name="kk", co_filename="other.py", co_firstlineno=99)
print(k2.co_name, k2.co_filename, k2.co_firstlineno, k.__code__.co_name)
try:
    k.__code__.replace(co_bogus=1)
except TypeError as err:
    print("TypeError:", err)
