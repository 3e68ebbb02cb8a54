import traceback
import sys

# name / obj attributes of NameError and AttributeError, as CPython sets them.
try:
    undefined_thing
except NameError as e:
    print(type(e).__name__, e.name, e.args)

try:
    [].apend
except AttributeError as e:
    print(e.name, e.obj, e.args)

try:
    getattr((1, 2), "cout")
except AttributeError as e:
    print(e.name, e.obj)


class Lazy:
    def __getattr__(self, name):
        raise AttributeError(name)

    def __repr__(self):
        return "Lazy()"


try:
    Lazy().missing
except AttributeError as e:
    print(e.name, e.obj)

try:
    del [].x
except AttributeError as e:
    print("del:", e.name, e.obj)

try:
    [].x = 1
except AttributeError as e:
    print("set:", e.name, e.obj)


def f():
    x = y  # noqa
    y = 1


try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e.name)

# Constructors take the fields as keywords.
n = NameError("msg", name="nm")
print(n.name, n.args, NameError().name)
a = AttributeError("msg", name="nm", obj=42)
print(a.name, a.obj, a.args, AttributeError().obj)
i = ImportError("msg", name="mod", path="/p.py")
print(i.name, i.path, i.msg, i.args, ImportError().msg, ImportError("a", "b").msg)
for cls in (NameError, AttributeError, ImportError):
    try:
        cls("x", bogus=1)
    except TypeError as e:
        print(e)


class MyError(AttributeError):
    pass


m = MyError("m", name="q")
print(m.name, m.obj)

# from-import failures carry the module name.
try:
    from json import lods
except ImportError as e:
    print(e.name, e.msg.split(" (")[0])

# traceback.print_exc (Lib/traceback.py in 3.11) prints no suggestion.
try:
    pritn
except NameError:
    print(traceback.format_exc().splitlines()[-1])
try:
    "".uper()
except AttributeError:
    print(traceback.format_exc().splitlines()[-1])
