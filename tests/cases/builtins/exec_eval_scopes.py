class A:
    exec("y = 5")
    z = eval("y + 1")
print(A.y, A.z)
def f(a):
    return [eval("i * 2", None, {"i": i}) for i in range(3)]
print(f(10))
def g():
    q = 4
    return eval("q * 2")
print(g())
exec('"""doc"""\nimport os as _o')
print(__doc__, _o.sep)
ns = {}
exec("for i in range(3):\n    pass\nwhile False: pass\ntry:\n    1/0\nexcept ZeroDivisionError as e:\n    err = str(e)\nwith open(__file__) as fh: first = fh.readline().strip()", {"__file__": "exec_eval_scopes.py"}, ns)
print(ns["i"], ns["err"], ns["first"])
print(eval("x if x > 0 else -x", {"x": -3}))
m = {}
exec("from math import sqrt, pi\nr = sqrt(16)", m)
print(m["r"])
