# CPython's random.py subclasses the C type: class Random(_random.Random).
import _random
import random


class Raw(_random.Random):
    def __init__(self, a, b):
        # Not seeded: the generator keeps the all-zero state of a new object.
        self.pair = (a, b)


r = Raw(1, 2)
print(r.pair, r.random(), isinstance(r, _random.Random))


class Mine(random.Random):
    def random(self):
        return 0.25


m = Mine(7)
print(m.randrange(100), m.choice("abcd"), m.gauss_next)

for seed in [0, 1, -5, 2**100, "hello", b"bytes", bytearray(b"ba"), None]:
    g = random.Random(seed)
    if seed is None:
        print("None", 0.0 <= g.random() < 1.0)
    else:
        print(repr(seed), g.random(), g.getrandbits(70), g.randrange(10**30))

g = random.Random(42)
state = g.getstate()
a = [g.random() for _ in range(3)]
g.setstate(state)
print(a == [g.random() for _ in range(3)], len(state[1]), state[0])

raw = _random.Random(5)
print(raw.random(), raw.getrandbits(0), raw.getrandbits(33))
raw.seed(5)
print(raw.random())
for f in [lambda: _random.Random(x=1), lambda: _random.Random(1, 2), lambda: raw.random(1),
          lambda: raw.getrandbits(-1), lambda: raw.seed(1, 2), lambda: raw.setstate(1),
          lambda: raw.setstate((1,) * 3), lambda: raw.seed([1]), lambda: raw.getrandbits(1.5),
          lambda: raw.seed(x=1), lambda: raw.getstate(1), lambda: raw.getrandbits(k=3),
          lambda: raw.setstate(tuple([1] * 624 + [625]))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(_random.Random.__module__, _random.Random.__name__, random.Random.__mro__)
