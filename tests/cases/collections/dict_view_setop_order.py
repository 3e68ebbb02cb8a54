# The iteration order of the sets that dict views' set operations make, and
# of set(d) / frozenset(d), with int, float and tuple items (hashes that do
# not depend on the hash seed). CPython lays them out as: a keys view is its
# dict (the table sized once up front), an items view or any other iterable
# is added in iteration order, a set is copied table and all; `&` iterates
# the smaller operand (or asks a large enough set for `intersection`).
import random

r = random.Random(3)
for i in range(60):
    keys = r.sample(range(-100, 200), r.randint(1, 12)) + r.sample([0.5, 1.5, 2**40, 7.0, -3.25], 2)
    d = dict.fromkeys(keys, 1)
    e = dict.fromkeys(r.sample(range(-50, 50), r.randint(0, 9)), 2)
    other = r.sample(range(-60, 60), r.randint(0, 10))
    print(i, list(set(d)), list(frozenset(d)))
    t = {1, 2}
    t.update(d)
    print(i, list(t), list({1, 2} | d.keys()), list(d.keys() | {3}), list(d.keys() | other))
    print(i, list(d.keys() - other), list(d.keys() - set(other)), list(set(other) - d.keys()))
    print(i, list(d.keys() & other), list(d.keys() & set(other)), list(set(other) & d.keys()),
          list(d.keys() & e.keys()), list(e.keys() & d.keys()))
    print(i, list(d.keys() ^ other), list(d.keys() ^ e.keys()))
    print(i, list(d.items() | e.items()), list(d.items() & {(keys[0], 1), (5, 2)}), list(d.items() - e.items()))
