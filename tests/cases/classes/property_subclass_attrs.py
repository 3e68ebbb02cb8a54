# An instance of a Python subclass of property has a __dict__: attributes are
# set, read and deleted there; fget/fset/fdel stay read-only members.
class P(property):
    pass

p = P(lambda self: 1)
p.note = 'n'
print(p.note, sorted(vars(p)), type(p).__name__)
del p.note
print(hasattr(p, 'note'))
for name in ('fget', 'fset', 'fdel'):
    try:
        setattr(p, name, 1)
    except AttributeError as e:
        print(name, e)
    try:
        delattr(p, name)
    except AttributeError as e:
        print(name, e)
try:
    del p.missing
except AttributeError as e:
    print('del', e)
q = property(lambda self: 2)
try:
    q.note = 1
except AttributeError as e:
    print('plain', e)
try:
    q.fget = 1
except AttributeError as e:
    print('plain', e)

class S(property):
    __slots__ = ()

try:
    S(lambda self: 1).note = 1
except AttributeError as e:
    print('slots', e)

class Q:
    v = P(lambda self: 42, doc='the doc')
    w = P(lambda self: 43)
    w.cached = True
print(Q().v, Q.v.__doc__, Q().w, Q.w.cached, Q.w.__dict__)
