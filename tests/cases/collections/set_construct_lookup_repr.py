# set/frozenset construction checks, lookups of a set key as a frozenset,
# recursive reprs naming the type, and iterators' __length_hint__.
import operator

for t in (set, frozenset):
    try:
        t([], 2)
    except TypeError as e:
        print(e)
    try:
        t(a=1)
    except TypeError as e:
        print(e)
try:
    set().__init__(a=1)
except TypeError as e:
    print(e)


class SS(set):
    pass


class FS(frozenset):
    pass


for t in (SS, FS):
    try:
        t([], 2)
    except TypeError as e:
        print(e)
    try:
        t(sequence=())
    except TypeError as e:
        print(e)


class WithInit(set):
    def __init__(self, arg, newarg=None):
        super().__init__(arg)
        self.newarg = newarg


u = WithInit([1, 2], newarg=3)
print(sorted(u), u.newarg)

f = frozenset(range(3))
print(frozenset(f) is f, set(f) is f, FS(f) is f, type(FS(f)).__name__)
x = set("abc")
x.__init__("de")
print(sorted(x))
try:
    x.__init__(x, 2)
except TypeError as e:
    print(e)

s = {frozenset([1]), 2}
print({1} in s, SS([1]) in s)
s.remove({1})
s.add(frozenset([2]))
s.discard(SS([2]))
print(s)
try:
    s.remove({5})
except KeyError as e:
    print(repr(e))
try:
    [1] in s
except TypeError as e:
    print(e)


class W:
    def __repr__(self):
        return repr(self.value)


for t in (set, frozenset, SS, FS):
    w = W()
    c = t([w])
    w.value = c
    print(repr(c))

for it in [iter([1, 2]), iter((1, 2)), iter({1: 2}), iter({1}), iter(range(3)), iter("ab"), iter("é€x"),
           iter(b"ab"), reversed([1, 2]), iter({}.values()), iter({1: 2}.items()), reversed(range(3))]:
    print(type(it).__name__, it.__length_hint__(), operator.length_hint(it))
it = iter([1, 2, 3])
next(it)
print(it.__length_hint__())
s = {1, 2, 3}
it = iter(s)
next(it)
print(it.__length_hint__())
s.add(9)
print(it.__length_hint__())


class G:
    def __getitem__(self, i):
        if i < 3:
            return i
        raise IndexError

    def __len__(self):
        return 3


it = iter(G())
next(it)
print(type(it).__name__, it.__length_hint__())
