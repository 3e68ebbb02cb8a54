# Values sent to a Pool worker and back follow pickle's protocol when their
# class defines it (issue 10, finding 12): __reduce__ / __reduce_ex__
# (enum members keep their identity, Fraction, OrderedDict, Counter, deque,
# defaultdict, datetime), __getstate__ / __setstate__, and a __reduce__
# that raises reaches the caller.
import collections
import datetime
import enum
import fractions
import multiprocessing as mp


class Color(enum.Enum):
    RED = 1


class Cached:
    def __init__(self, x):
        self.x = x
        self.cache = "big"

    def __getstate__(self):
        return {"x": self.x}

    def __setstate__(self, st):
        self.__dict__.update(st)
        self.cache = "rebuilt"


class Pair:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __reduce__(self):
        return (Pair, (self.a, self.b))

    def __repr__(self):
        return f"Pair({self.a}, {self.b})"


class Bad:
    def __reduce__(self):
        raise TypeError("no pickling me")


def ident(x):
    return x


if __name__ == "__main__":
    with mp.Pool(1) as p:
        print(p.apply(ident, (Pair(1, [2]),)))
        print(p.apply(ident, (Color.RED,)) is Color.RED)
        print(p.apply(ident, (fractions.Fraction(1, 3),)))
        print(p.apply(ident, (collections.OrderedDict(a=1, b=2),)))
        print(p.apply(ident, (collections.Counter("aab"),)))
        print(p.apply(ident, (collections.deque([1, 2], maxlen=5),)))
        print(p.apply(ident, (collections.defaultdict(list, a=[1]),)))
        print(p.apply(ident, (datetime.date(2020, 1, 2),)), p.apply(ident, (datetime.timedelta(3),)))
        c = p.apply(ident, (Cached(5),))
        print(c.x, c.cache)
        try:
            p.apply(ident, (Bad(),))
        except TypeError as e:
            print("TypeError:", e)
        print(p.apply(ident, ("still works",)))
