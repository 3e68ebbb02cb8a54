"""Micro-benchmarks: `micro.py NAME` runs one tight loop (about 0.3 s on CPython) and
prints a checksum; `micro.py` alone lists the names. Each loop body does one kind of
work many times so that its cost dominates the loop's own."""
import sys

N = 400000


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def m(self, a):
        return a

    def __eq__(self, other):
        return self.x == other.x

    def __bool__(self):
        return True


class Child(P):
    def m(self, a):
        return super().m(a) + 1


def attr_load():
    p = P(1, 2)
    t = 0
    for _ in range(N):
        t += p.x + p.y + p.x + p.y
    return t


def attr_store():
    p = P(1, 2)
    for i in range(N):
        p.x = i
        p.y = i
        p.x = i
        p.y = i
    return p.x + p.y


def method_call():
    p = P(1, 2)
    t = 0
    for i in range(N):
        t += p.m(i) + p.m(1)
    return t


G1 = G2 = G3 = G4 = 1


def global_load():
    t = 0
    for _ in range(N):
        t += G1 + G2 + G3 + G4 + G1 + G2 + G3 + G4
    return t


def f_defaults(a, b=2, c=3):
    return a + b + c


def call_defaults():
    t = 0
    for i in range(N):
        t += f_defaults(i) + f_defaults(i, 1)
    return t


def call_keywords():
    t = 0
    for i in range(N):
        t += f_defaults(i, c=1) + f_defaults(a=i, b=1)
    return t


def super_call():
    c = Child(1, 2)
    t = 0
    for i in range(N):
        t += c.m(i)
    return t


def instance_eq():
    a, b = P(1, 2), P(1, 3)
    t = 0
    for _ in range(N):
        t += (a == b) + (a != b)
    return t


def instance_truth():
    a = P(1, 2)
    t = 0
    for _ in range(N):
        if a:
            t += 1
        if not a:
            t -= 1
    return t


def unpack():
    tup = (1, 2, 3)
    lst = [4, 5]
    t = 0
    for _ in range(N):
        a, b, c = tup
        d, e = lst
        t += a + e
    return t


def swap():
    a, b, c = 1, 2, 3
    for _ in range(N):
        a, b = b, a
        a, b, c = c, a, b
        b, c = c, b
    return a * 100 + b * 10 + c


def gen_step():
    def g(n):
        for i in range(n):
            yield i
    t = 0
    for x in g(N * 2):
        t += x
    return t


def try_noexc():
    t = 0
    for i in range(N):
        try:
            t += i
        except ValueError:
            t -= 1
        try:
            t += 1
        finally:
            t += 1
    return t


def sorted_tuples():
    rows = [(i * 7 % 101, i % 13, -i, "k") for i in range(20000)]
    t = 0
    for _ in range(6):
        s = sorted(rows)
        t += s[0][2] + s[-1][2]
    return t


def hasattr_missing():
    p = P(1, 2)
    t = 0
    for _ in range(N // 2):
        t += hasattr(p, "z") + hasattr(p, "x") + (getattr(p, "w", 3))
    return t


def bound_builtin():
    out = []
    append = out.append
    for i in range(N * 2):
        append(i)
    return len(out)


def type_id():
    p = P(1, 2)
    t = 0
    for _ in range(N):
        t += (type(p) is P) + (id(p) == id(p))
    return t


def float_arith():
    x, y = 1.5, 0.25
    for _ in range(N):
        x = x * 0.999 + y * 0.5 - 0.001
        y = (y + x) / 2.0
    return round(x + y, 6)


ALL = [attr_load, attr_store, method_call, global_load, call_defaults, call_keywords, super_call,
       instance_eq, instance_truth, unpack, swap, gen_step, try_noexc, sorted_tuples,
       hasattr_missing, bound_builtin, type_id, float_arith]

if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(" ".join(f.__name__ for f in ALL))
    else:
        print(sys.argv[1], globals()[sys.argv[1]]())
