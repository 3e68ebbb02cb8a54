# Instance attributes through the inline caches and every way a script can
# reach the same storage as a dict: order, identity, deletion, non-str keys,
# many attributes, different insertion orders, sized dicts.
import copy
import pickle


class P:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def total(self):
        return self.x + self.y + self.z


def show(tag, o):
    print(tag, list(vars(o).items()))


# A site that stores and loads the same names on many instances.
ps = [P(i, i * 2, i * 3) for i in range(5)]
print([p.total() for p in ps])
for p in ps:
    p.x = p.y
print([p.x for p in ps])
show("order", ps[0])

# Attributes added in different orders, read back through one site.
a = P(1, 2, 3)
b = P.__new__(P)
b.z = 30
b.y = 20
b.x = 10
show("a", a)
show("b", b)
print([o.total() for o in (a, b, a, b)])

# __dict__ is the same object every time, and writes through it are seen.
d = a.__dict__
print(d is a.__dict__, d is vars(a))
d["w"] = 4
print(a.w, hasattr(a, "w"))
a.w = 5
print(d["w"])
d["x"] = 100
print(a.x, a.total())

# del, then the name comes back at the end of the order.
del a.y
print(hasattr(a, "y"))
try:
    a.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    del a.y
except AttributeError as e:
    print("AttributeError:", e)
a.y = 7
show("after del", a)
print(a.total())

# Non-string keys live beside the attributes.
a.__dict__[1] = "one"
a.__dict__[(2, 3)] = "pair"
show("mixed", a)
a.q = 9
print(a.q, a.__dict__[1])

# __dict__ assigned: the new items are the attributes (gilt copies them into
# the instance's own dict, a documented difference, so identity is not shown).
a.__dict__ = {"x": 1, "y": 2, "z": 3}
print(a.total(), sorted(vars(a)))
a.x = 4
print(a.total())
try:
    a.__dict__ = [1]
except TypeError as e:
    print("TypeError:", e)

# Many attributes (past any small-table limit), set and read back.
class Many:
    pass

m = Many()
for i in range(40):
    setattr(m, "a%d" % i, i)
print(sum(getattr(m, "a%d" % i) for i in range(40)), len(vars(m)))
for i in range(0, 40, 3):
    delattr(m, "a%d" % i)
print(len(vars(m)), list(vars(m))[:5])
m2 = Many()
m2.only = 1
print(vars(m2))

# copy, deepcopy and pickle keep the values and their order.
c = copy.copy(ps[1])
c.x = "copied"
print(ps[1].x, c.x, list(vars(c)))
dc = copy.deepcopy(ps[2])
show("deepcopy", dc)
pk = pickle.loads(pickle.dumps(ps[3]))
show("pickle", pk)
print(pk.total())
