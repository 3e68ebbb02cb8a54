# Self-referential and very deeply nested containers: identity shortcuts
# where CPython has them, RecursionError (never a crash) where it has not.
import copy
import sys

a = []
a.append(a)
print(a == a, a != a, a < a, a <= a, a in [a], [a].count(a), [a].index(a))
b = [a]
b.remove(a)
print(b, repr(a), str(a), max([a]) is a)
d = {}
d[1] = d
print(d, d == d)
t = ([],)
t[0].append(t)
print(t)


def deep(n, wrap):
    x = wrap(0)
    for _ in range(n):
        x = wrap(x)
    return x


def attempt(name, f):
    try:
        f()
        print(name, "ok")
    except RecursionError as e:
        print(name, "RecursionError:", e)


N = 100000
L1, L2 = deep(N, lambda x: [x]), deep(N, lambda x: [x])
T1, T2 = deep(N, lambda x: (x,)), deep(N, lambda x: (x,))
D1, D2 = deep(N, lambda x: {1: x}), deep(N, lambda x: {1: x})
attempt("list ==", lambda: L1 == L2)
attempt("list <", lambda: L1 < L2)
attempt("tuple ==", lambda: T1 == T2)
attempt("tuple >=", lambda: T1 >= T2)
attempt("dict ==", lambda: D1 == D2)
attempt("in", lambda: L1 in [L2])
attempt("count", lambda: [L1].count(L2))
attempt("index", lambda: [L1].index(L2))
attempt("max", lambda: max([L1, L2]))
attempt("sorted", lambda: sorted([L1, L2]))
attempt("repr list", lambda: repr(L1))
attempt("repr tuple", lambda: repr(T1))
attempt("repr dict", lambda: repr(D1))
attempt("str", lambda: str(L1))
attempt("format", lambda: format(L1))
attempt("f-string", lambda: f"{L1}")
attempt("percent", lambda: "%s" % (L1,))
attempt("hash tuple", lambda: hash(T1))
try:
    copy.deepcopy(L1)
except RecursionError:
    print("deepcopy RecursionError")
print("identical", L1 == L1, L1 <= L1, T1 == T1, L1 in [L1])
# Equal but distinct, shallow enough for the limit: fine.
print(deep(200, lambda x: [x]) == deep(200, lambda x: [x]))
print(sys.getrecursionlimit())
