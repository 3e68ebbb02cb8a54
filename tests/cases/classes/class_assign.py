# obj.__class__ = C: methods, isinstance, attribute caches and special methods
# follow the new class; CPython's checks and messages for what cannot change.
class A:
    kind = 'a'

    def f(self):
        return 'A.f'

    def __len__(self):
        return 1

    def __eq__(self, other):
        return 'A.eq'


class B:
    kind = 'b'

    def f(self):
        return 'B.f'

    def __len__(self):
        return 2

    def __eq__(self, other):
        return 'B.eq'


def probe(o):
    # The same sites run before and after the switch (their caches must follow).
    return (type(o).__name__, o.f(), o.kind, len(o), o == 0, isinstance(o, B))


a = A()
a.x = 10
for step in range(3):
    print(probe(a), a.x)
    a.__class__ = B if step % 2 == 0 else A
print(a.__dict__)


# A state machine that switches its class on every event.
class Idle:
    def event(self):
        self.__class__ = Running
        return 'start'


class Running:
    def event(self):
        self.__class__ = Idle
        return 'stop'


m = Idle()
print([m.event() for _ in range(5)], type(m).__name__)

# object.__setattr__, a subclass, __slots__ layouts.
object.__setattr__(a, '__class__', A)
print(type(a).__name__)


class S1:
    __slots__ = ('p', 'q')


class S2:
    __slots__ = ('p', 'q')


class S3:
    __slots__ = ('p',)


s = S1()
s.p = 5
s.__class__ = S2
print(type(s).__name__, s.p)


class L(list):
    pass


class L2(list):
    def total(self):
        return sum(self)


lst = L([1, 2, 3])
lst.__class__ = L2
print(lst.total(), lst)


def attempt(obj, value):
    try:
        obj.__class__ = value
        print('ok', type(obj).__name__)
    except TypeError as e:
        print('TypeError:', e)


attempt(a, 1)
attempt(a, 'B')
attempt(a, int)
attempt(a, object)
attempt(a, S1)
attempt(s, S3)
attempt(s, A)
attempt(lst, A)
attempt(a, L)
attempt(1, bool)
attempt(1, 2)
attempt([], L)
try:
    del a.__class__
except TypeError as e:
    print('TypeError:', e)
print(type(a).__name__, a.x)


# A class that defines __class__ itself keeps it.
class P:
    @property
    def __class__(self):
        return int


p = P()
try:
    p.__class__ = A
except AttributeError as e:
    print('AttributeError:', e)
print(p.__class__, type(p).__name__)
