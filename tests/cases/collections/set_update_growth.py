# set.update() with a list or tuple grows the table key by key (only an
# exact dict is sized up front), which decides the order of pop().
s = {3, 16}
s.update([4, 5], (6,))
print(s.pop(), sorted(s))
s = set(frozenset({3, 16}))
s.update([4, 5, 6])
print(s.pop(), sorted(s))
s = {3, 16}
s.update(dict.fromkeys([4, 5, 6]))
print(s.pop(), sorted(s))
s = {1, 2}
s.update(range(20, 26))
print(list(s))
