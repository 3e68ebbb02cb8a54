# Annotated assignments whose target is not a bare name: `(x): T` and
# `a.b: T` are evaluated but not recorded, a parenthesised name binds
# nothing in a function, and a module's __annotations__ exists on demand.
import types

ns = {}
exec("X: int; Z: str = 'Z'; (w): complex = 1j; (v): 1 / 0 if False else int", ns)
print(sorted(ns["__annotations__"]), ns["w"])

exec("class C:\n    a: int\n    (b): str = 'b'\n    import types as t\n    t.x: float\n", ns)
print(ns["C"].__annotations__, ns["C"].b)


def f():
    (no_such_global): int
    return no_such_global


try:
    f()
except NameError as e:
    print(type(e).__name__, e)


def g():
    x: int
    return x


try:
    g()
except NameError as e:
    print(type(e).__name__, e)

# Without a value, the target's object and subscript are still evaluated.
try:
    exec("missing.attr: int", {})
except NameError as e:
    print(e)
try:
    exec("d = {}\nd[missing]: int", {})
except NameError as e:
    print(e)
try:
    exec("no_name[x]: y = 1/0", {})
except ZeroDivisionError as e:
    print(e)

# Only an annotation in the body makes __annotations__, even `a.b: T` or
# one nested in try/with/match.
for src in ["import types as t\nt.b: int", "try:\n    y: int\nexcept: pass", "x = 1"]:
    g = {}
    exec(src, g)
    print("__annotations__" in g)

m = types.ModuleType("m")
print(m.__annotations__, "__annotations__" in m.__dict__)


# A class's __annotations__ are its own, never inherited.
class A:
    attr: int


class B(A):
    pass


class C(A):
    attr: str


print(A.__annotations__, B.__annotations__, C.__annotations__, "__annotations__" in B.__dict__)
B.__annotations__["x"] = 1
print(B.__annotations__, A.__annotations__)
try:
    int.__annotations__
except AttributeError as e:
    print(e)
