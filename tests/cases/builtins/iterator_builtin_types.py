# enumerate, zip, map, filter and reversed are types, as in CPython: the
# built-in name is the class of what it returns, isinstance works, they can
# be subclassed (the subclass's instances iterate, keep attributes and
# pickle as the subclass), and builtins that take no keywords say so.
import pickle

for t, it in [
    (enumerate, enumerate("ab")),
    (zip, zip([1], [2])),
    (map, map(str, [1])),
    (filter, filter(None, [0, 1])),
    (reversed, reversed(range(0))),
]:
    print(t.__name__, type(t) is type, isinstance(it, t), type(it) is t)
print(type(reversed([1, 2])).__name__, type(reversed((1,))).__name__, type(reversed(range(2))).__name__)


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        return "xyz"[i]


print(type(reversed(Seq())) is reversed, list(reversed(Seq())))


class MyEnum(enumerate):
    """An enumerate that counts in tens."""

    def __next__(self):
        i, v = super().__next__()
        return i * 10, v


e = MyEnum("abc", start=1)
print(type(e).__name__, isinstance(e, enumerate), list(e))
e = MyEnum("ab")
e.tag = "kept"
print(next(e), e.tag, iter(e) is e)


class Pairs(zip):
    pass


p = Pairs("ab", [1, 2])
print(type(p).__name__, list(p))
r = pickle.loads(pickle.dumps(Pairs("xy", "zw")))
print(type(r).__name__, list(r))


class Rev(reversed):
    pass


print(type(Rev(Seq())).__name__, list(Rev(Seq())))
# A sequence with __reversed__ answers for itself, whatever the class asked.
print(type(Rev([1, 2])).__name__)


class Squares(map):
    pass


print(list(Squares(lambda x: x * x, range(4))), type(Squares(abs, [])).__name__)


class Evens(filter):
    pass


print(list(Evens(lambda x: x % 2 == 0, range(7))))

for call in [
    lambda: enumerate.__new__(int, []),
    lambda: enumerate.__new__(1),
    lambda: id(x=1),
    lambda: len(obj=[]),
    lambda: isinstance(obj=1, class_or_tuple=int),
    lambda: getattr(object=1, name="real"),
    lambda: hash(obj=1),
    lambda: chr(i=65),
    lambda: ord(c="a"),
    lambda: abs(x=1),
    lambda: divmod(x=1, y=2),
    lambda: any(iterable=[]),
    lambda: hex(number=1),
    lambda: reversed(sequence=[]),
    lambda: iter(object=[]),
    lambda: next(iterator=iter([])),
    lambda: repr(obj=1),
    lambda: callable(obj=1),
    lambda: format(value=1),
    lambda: dir(object=1),
    lambda: vars(object=1),
    lambda: map(str, [], x=1),
    lambda: filter(None, [], x=1),
    lambda: enumerate([], x=1),
    lambda: zip([], x=1),
]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

# reversed() of a str, bytes or any sequence is a `reversed` object that
# indexes lazily, pickles as one and asks the sequence's length each time.
for seq in ["abc", b"xy", Seq()]:
    r = reversed(seq)
    next(r)
    r2 = pickle.loads(pickle.dumps(r))
    print(type(r).__name__, type(r2).__name__, r.__length_hint__(), list(r2), list(r))
print(list(reversed("héllo")))


class BadLen:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        return i


r = reversed(BadLen())
BadLen.__len__ = lambda self: 1 // 0
try:
    r.__length_hint__()
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
for args in [("abc", 2, 3), (), ("a", 1)]:
    try:
        print(list(enumerate(*args)))
    except TypeError as e:
        print("TypeError:", e)
try:
    enumerate("a", 1, start=2)
except TypeError as e:
    print("TypeError:", e)
print(type.__prepare__(), type.__prepare__("a", (), x=1))
