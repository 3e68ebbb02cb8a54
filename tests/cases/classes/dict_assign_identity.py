# obj.__dict__ = d makes d itself the namespace: later changes to d are the
# object's attributes and the other way round.
class C:
    pass


c = C()
c.before = 1
d = {'x': 1}
c.__dict__ = d
print(c.__dict__ is d, hasattr(c, 'before'))
d['y'] = 2
print(c.y, vars(c) is d)
c.z = 3
del c.x
print(sorted(d), getattr(c, 'x', 'gone'))

# Two objects can share one namespace.
e = C()
e.__dict__ = d
e.w = 4
print(c.w, sorted(vars(c)))


# A dict swapped back and forth (what _threading_local does on each access).
first, second = {'v': 'first'}, {'v': 'second'}
for i in range(4):
    c.__dict__ = first if i % 2 == 0 else second
    print(c.v, end=' ')
print()


# A dict subclass is accepted.
class D(dict):
    pass


dd = D(k='v')
c.__dict__ = dd
print(c.k)
for bad in (None, [], 5):
    try:
        c.__dict__ = bad
    except TypeError as ex:
        print('TypeError:', ex)

import _threading_local
loc = _threading_local.local()
loc.a = 1
import threading
seen = []


def worker():
    seen.append(hasattr(loc, 'a'))
    loc.a = 2
    seen.append(loc.a)


t = threading.Thread(target=worker)
t.start()
t.join()
print(seen, loc.a, loc.__dict__)
