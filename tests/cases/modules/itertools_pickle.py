# Copying and pickling the itertools iterators: the copy goes on from where
# the original is.
import copy
import itertools
import pickle


def check(name, make, advance=2, take=5):
    it = make()
    for _ in range(advance):
        next(it, None)
    outs = []
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        outs.append(list(itertools.islice(pickle.loads(pickle.dumps(it, proto)), take)))
    outs.append(list(itertools.islice(copy.copy(make()), take)))
    outs.append(list(itertools.islice(copy.deepcopy(it), take)))
    print(name, outs[0], all(o == outs[0] for o in outs[:-2]), outs[-2], outs[-1])
    print("  original goes on:", list(itertools.islice(it, take)))


def below3(x):
    return x < 3


def below5(x):
    return x < 5


def below2(x):
    return x < 2


check("count", lambda: itertools.count(3))
check("count step", lambda: itertools.count(1.5, 0.25))
check("repeat", lambda: itertools.repeat("x", 4))
check("repeat endless", lambda: itertools.repeat(7))
check("cycle", lambda: itertools.cycle("abc"), advance=4)
check("cycle first pass", lambda: itertools.cycle("abcd"), advance=1)
check("chain", lambda: itertools.chain("ab", "cde", "f"), advance=3)
check("chain.from_iterable", lambda: itertools.chain.from_iterable(["xy", "z"]), advance=1)
check("islice", lambda: itertools.islice(range(20), 2, 15, 3), advance=1)
check("islice stop None", lambda: itertools.islice(range(10), 3, None))
check("accumulate", lambda: itertools.accumulate([1, 2, 3, 4, 5, 6]))
check("accumulate initial", lambda: itertools.accumulate([1, 2, 3], initial=10), advance=0)
check("accumulate func", lambda: itertools.accumulate([3, 1, 4, 1, 5], max), advance=1)
check("dropwhile", lambda: itertools.dropwhile(below3, range(8)), advance=1)
check("takewhile", lambda: itertools.takewhile(below5, range(8)), advance=1)
check("filterfalse", lambda: itertools.filterfalse(None, [0, 1, 0, 2, 3, 0, 4]), advance=1)
check("starmap", lambda: itertools.starmap(pow, [(2, 3), (3, 2), (10, 2), (1, 1)]), advance=1)
check("compress", lambda: itertools.compress("abcdef", [1, 0, 1, 1, 0, 1]), advance=1)

tw = itertools.takewhile(below2, range(5))
print(list(tw), list(copy.copy(tw)))
print(itertools.count(5).__reduce__(), itertools.count(5, 2).__reduce__()[1])
print(itertools.repeat("a", 3).__reduce__()[1], itertools.repeat("a").__reduce__()[1])
c = itertools.cycle([])
c.__setstate__(([1, 2], True))
print(list(itertools.islice(c, 5)))
try:
    c.__setstate__(5)
except TypeError as e:
    print("TypeError", e)
for state in ((), [], 0, ([],), (iter([]), []), (iter([]), iter([]), iter([]))):
    try:
        itertools.chain().__setstate__(state)
    except TypeError as e:
        print("chain TypeError", e)
ch = itertools.chain()
ch.__setstate__((iter(["abc", "def"]), iter(["ghi"])))
print(list(ch))
for state in ([list("ab"), 0], (tuple("ab"), 0), (list("ab"), "x"), (), ([],)):
    try:
        itertools.cycle("d").__setstate__(state)
    except TypeError as e:
        print("cycle TypeError", e)
for mode in (0, 1):
    c = itertools.cycle("defg")
    c.__setstate__((list("abc") if mode == 0 else list("abcdefg"), mode))
    print(mode, "".join(itertools.islice(c, 20)))
