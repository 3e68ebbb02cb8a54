print(eval("1+2"))
x = 10
print(eval("x * 2"))
exec("y = x + 1")
print(y)
g = {}
exec("a = 5\ndef f(n):\n    return a + n\n", g)
print(sorted(k for k in g if k != "__builtins__"), "__builtins__" in g, g["f"](1))
l = {}
exec("b = 7\nc = b * 2", g, l)
print(sorted(l), "b" in g)
print(eval("a + b", g, {"b": 100}))
print(eval("x", {"x": 1}, {"x": 2}))
def func():
    z = 3
    exec("z = 99; w = z + 1")
    print(z, eval("z"))
    return sorted(locals())
print(func())
code = compile("counter.append(len(counter))", "<gen>", "exec")
counter = []
for _ in range(3):
    exec(code)
print(counter)
c2 = compile("3 * 4", "<e>", "eval")
print(eval(c2), exec(c2))
exec(compile("1 + 1", "<s>", "single")); exec(compile("None", "<s>", "single"))
exec(compile("if True:\n  'hi'\n", "<s>", "single"))
exec("class K:\n    v = 1\n    def m(self): return self.v + q\nq = 5\nprint(K().m(), K.__module__)")
ns = {}
exec("class K:\n    v = 1\n", ns)
print(ns["K"].__module__, ns["K"].__qualname__)
exec("def outer():\n    n = 1\n    def inner():\n        return n + 1\n    return inner\nprint(outer()())", {})
exec("print([i * k for i in range(3)])", {"k": 2})
print(eval(b"2 ** 10"), eval("  1+2"))
src = "def f(x):\n    return x * mult\n"
ns = {"mult": 3}
exec(src, ns)
print(ns["f"](4))
print(exec("pass"))
exec("import math\nprint(math.pi)", {}, {})
exec("global gg\ngg = 1", ns, l)
print(ns["gg"], "gg" in l)
loc = {}
exec("del_me = 1\ndel del_me", {}, loc)
print(loc)
exec("x: int = 3", {}, loc)
print(loc)
# eval with locals shadowing globals and builtins
print(eval("len", {}, {"len": "shadowed"}), eval("len([1, 2])"))
print(eval("(lambda v: v + 1)(n)", {"n": 1}))
# exec defines closures and generators
ns = {}
exec("def counter():\n    c = 0\n    def inc():\n        nonlocal c\n        c += 1\n        return c\n    return inc\ninc = counter()\ninc()\nr = inc()", ns)
print(ns["r"])
exec("def gen(n):\n    yield from range(n)\nout = list(gen(3))", ns)
print(ns["out"])
# a class in exec with a separate locals dict
g2, l2 = {}, {}
exec("class Point:\n    def __init__(self, x):\n        self.x = x\n    def __repr__(self):\n        return f'Point({self.x})'\np = Point(3)", g2, l2)
print(sorted(l2), l2["p"], "Point" in g2)
# the value of an exec'd script via a shared dict
shared = {"total": 0}
for i in range(4):
    exec("total += i", shared, {"i": i}) if False else exec("total += " + str(i), shared)
print(shared["total"])
# compile once, eval many times
poly = compile("x * x + 1", "<poly>", "eval")
print([eval(poly, {"x": v}) for v in range(5)])
print(compile("pass", "name.py", "exec").co_filename if hasattr(compile("pass", "n", "exec"), "co_filename") else "name.py")
# single mode echoes through repr and sets _

exec(compile("'text'", "<single>", "single"))
exec(compile("[1, 2]", "<single>", "single"))
print(_)
