"""Closures: counters with nonlocal, function factories, decorators, lambdas passed to sorted/map."""


def counter():
    n = 0

    def inc(k=1):
        nonlocal n
        n += k
        return n
    return inc


def adder(k):
    return lambda x: x + k


def twice(f):
    def wrapper(*args, **kw):
        return f(*args, **kw) * 2
    return wrapper


@twice
def area(w, h=2):
    return w * h


def run(n):
    total = 0
    c = counter()
    adds = [adder(k) for k in range(10)]
    for i in range(n):
        total += c() + c(2)
        total += adds[i % 10](i)
        total += area(i, h=3)
    words = ["w%d" % (i * 7 % 101) for i in range(3000)]
    total += len(sorted(words, key=lambda w: (len(w), w))[0])
    total += sum(map(lambda x: x * 2, range(10000)))
    return total


print("closures", run(150000))
