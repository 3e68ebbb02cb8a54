# sys._getframe() within one call gives the same frame object; another
# call of the same function gives another one.
import sys
import traceback


def f():
    a = sys._getframe()
    x = 1
    b = sys._getframe()
    return a is b, a, sys._getframe().f_lineno, b.f_locals["x"]


def g():
    return f()


same, a1, line, x = g()
same2, a2, _, _ = g()
print(same, same2, a1 is a2, line, x)
print(a1.f_code.co_name, a1.f_back.f_code.co_name)
s = traceback.extract_stack()
print(len(s), s[-1].name, s[-1].lineno, s[-1].line)
filename, lineno, name, line = s[-1]
print(name, lineno, line)


def h():
    return traceback.extract_stack(limit=2)


print([(e.name, e.lineno) for e in h()])
