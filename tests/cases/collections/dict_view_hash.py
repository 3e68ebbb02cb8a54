# Keys and items views are set-like (equal by content), so unhashable, as in
# CPython: every hashing path (hash(), dict and set lookups, dict.get, `in`)
# raises TypeError. A values view hashes by identity.
d = {1: 'a', 2: 'b'}
for v in [d.keys(), d.items(), {}.keys(), {}.items()]:
    name = type(v).__name__
    print(name, type(v).__hash__ is None)
    for label, op in [("hash", lambda: hash(v)), ("in dict", lambda: v in {}),
                      ("__contains__", lambda: {}.__contains__(v)), ("in set", lambda: v in {1}),
                      ("get", lambda: d.get(v)), ("as key", lambda: {v: 1}),
                      ("set()", lambda: set([v])), ("frozenset", lambda: frozenset([v]))]:
        try:
            print(' ', label, op())
        except TypeError as e:
            print(' ', label, 'TypeError', e)
vals = d.values()
print(hash(vals) == hash(vals), {vals: 1}[vals], vals in {vals}, d.values() in {vals: 1})
print(d.keys() == {1, 2}, d.items() == {(1, 'a'), (2, 'b')}, d.keys() in [{1, 2}])
# Searching a list compares each item with the view: a set item leaves the
# comparison to the view (set.__eq__ knows only sets), which compares by content.
s = {1, 2}
print([s].count(d.keys()), [s].index(d.keys()), s in [d.keys()], [d.keys()].count(s))
print([{(1, 'a'), (2, 'b')}].count(d.items()), [d.values()].count(d.values()), [vals].count(vals))
