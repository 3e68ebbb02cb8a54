# dir(module) calls the module's own __dir__ function (PEP 562) and sorts
# what it returns; without one it lists the module's names.
import types

m = types.ModuleType("m")
exec("x = 1\ndef __dir__():\n    return ['zeta', 'alpha', 'mid']", m.__dict__)
print(dir(m))
n = types.ModuleType("n")
n.b = n.a = 1
print(dir(n))
m.__dir__ = lambda: ("only",)
print(dir(m))
