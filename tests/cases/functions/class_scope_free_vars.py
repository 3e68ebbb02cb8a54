# A name bound in a class body that a method also reads from the enclosing
# function: the class keeps its own binding, the method sees the function's
# (CPython's DEF_FREE_CLASS); `global` anywhere makes the module-level name
# global, even under exec with separate locals.


def test():
    method_and_var = "var"

    class Test:
        def method_and_var(self):
            return "method"

        def test(self):
            return method_and_var

        def actual_global(self):
            return str("global")

        def str(self):
            return str(self)

    return Test()


t = test()
print(t.test(), t.method_and_var(), t.actual_global())


def f(x):
    class C:
        x = 12

        def m(self):
            return x

        locals()

    return C


C = f(1)
print(C.x, C().m())


def g(x):
    class D:
        y = x

        def m(self):
            return x

    return D


print(g(5).y, g(5)().m())

globals_ns = {}
locals_ns = {}
exec(
    """if 1:
    def f():
        y = 1
        def g():
            global y
            return y
        def h():
            return y + 1
        return g, h
    y = 9
    g, h = f()
    result9 = g()
    result2 = h()
    """,
    globals_ns,
    locals_ns,
)
print(locals_ns["result9"], locals_ns["result2"], "y" in globals_ns, "y" in locals_ns)

for src in [
    "def f():\n    from sys import *\n",
    "class C:\n    from sys import *\n",
    "def g(): [(yield x) for x in ()]",
    "def g(): {(yield x) for x in ()}",
    "def g(): {(yield x): x for x in ()}",
    "def g(): ((yield x) for x in ())",
    "def g(): [(yield from x) for x in ()]",
    "[(yield x) for x in ()]",
]:
    try:
        compile(src, "<test>", "exec")
        print("compiled:", src)
    except SyntaxError as e:
        print(e.msg, e.lineno)
