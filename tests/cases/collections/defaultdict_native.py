# collections.defaultdict (native): __missing__, repr, copy, |, pickling.
import copy
import pickle
from collections import defaultdict, Counter


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


dd = defaultdict(list)
dd["a"].append(1)
dd["b"]
print(dd, dd.default_factory, dd.copy(), copy.deepcopy(dd), copy.copy(dd))
print(pickle.loads(pickle.dumps(dd)), dd | {"c": 2}, {"z": 0} | dd)
dd |= {"q": 1}
print(dd, isinstance(dd, dict), type(dd | {}).__name__)
t(lambda: defaultdict(1))
t(lambda: defaultdict(None)[1])
t(lambda: defaultdict(int, a=1))
t(lambda: defaultdict(int, [(1, 2)], x=3))
t(lambda: defaultdict())
print(defaultdict(int).get("x"), "x" in defaultdict(int))
n = defaultdict(lambda: defaultdict(int))
n["a"]["b"] += 1
print(n["a"], dict(n["a"]))


class DD(defaultdict):
    def __missing__(self, k):
        return 42


print(DD(int)["x"], DD(int).default_factory)
d2 = defaultdict(int)
d2.default_factory = str
print(d2[1] == "", d2)
c = Counter("abracadabra")
print(c.most_common(3), Counter(a=3) + Counter(a=1, b=2))
c.update(["a", "z"])
print(sorted(c.items()))
