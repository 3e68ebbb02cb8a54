from types import SimpleNamespace
ns = SimpleNamespace(a=1, b="two")
print(ns, ns.a, ns.b)
ns.c = [3]
del ns.a
print(ns, vars(ns), hasattr(ns, "a"))
print(SimpleNamespace(x=1) == SimpleNamespace(x=1), SimpleNamespace(), SimpleNamespace(**{"k": None}))
