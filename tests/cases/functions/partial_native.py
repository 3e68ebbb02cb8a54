# functools.partial is the C type's: callable checks, CPython's repr (a subclass by
# its name, `...` for itself), read-only fields, keywords merged per call.
from functools import partial


def f(*args, **kw):
    return args, kw


p = partial(f, 1, a=2)
print(p(3, b=4), p(a=5))
print(p.func is f, p.args, p.keywords)
print(repr(partial(max, 1, key=None)))
print(repr(partial(partial(max, 1), 2)))


class Sub(partial):
    pass


class Outer:
    class Inner(partial):
        pass


print(repr(Sub(max, 1)), repr(Outer.Inner(min)), isinstance(Sub(max), partial))
for bad in [(), (1,), ('text',)]:
    try:
        partial(*bad)
    except TypeError as e:
        print('TypeError:', e)
for name in ['func', 'args', 'keywords']:
    try:
        setattr(p, name, None)
    except AttributeError as e:
        print('AttributeError:', e)
try:
    del p.__dict__
except TypeError as e:
    print('TypeError:', e)

r = partial(f)
r.__setstate__((r, (), {}, {}))
print(repr(r))
r.__setstate__((f, (r,), {}, None))
print(repr(r).replace(repr(f), 'f'))
r.__setstate__((f, (), {'me': r}, None))
print(repr(r).replace(repr(f), 'f'))
r.__setstate__((f, (), {}, None))
for state in [(f, (), {}), [f, (), {}, None], (None, (), {}, None), (f, [], {}, None), (f, (), [], None)]:
    try:
        r.__setstate__(state)
    except TypeError as e:
        print('TypeError:', e)

k = partial(f)
k.keywords[12] = 'twelve'
print(repr(k).replace(repr(f), 'f'))
try:
    k()
except TypeError as e:
    print('TypeError:', e)
print(partial[int], hasattr(partial, '__get__'), partial.__module__)
