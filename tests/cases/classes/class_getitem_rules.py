# Subscripting a class (PEP 560/585): a metaclass's __getitem__ wins over
# __class_getitem__; `__class_getitem__ = None` opts out; subclasses of the
# built-in generic classes inherit their __class_getitem__; type() refuses
# a base with __mro_entries__; built-in iterator and view types have no
# constructor.
from collections import Counter, OrderedDict


class Meta(type):
    def __getitem__(cls, item):
        return "from metaclass"


class C(metaclass=Meta):
    def __class_getitem__(cls, item):
        return "from __class_getitem__"


print(C[int])


class NoneGetitem(tuple):
    __class_getitem__ = None


try:
    NoneGetitem[int]
except TypeError as e:
    print("TypeError:", e)


class MyList(list):
    pass


t = MyList[int]
print(t, t.__origin__ is MyList, t.__args__)
print(Counter[str], OrderedDict[str, int], enumerate[int], frozenset[int])
print(list.__class_getitem__(int), dict.__class_getitem__((str, int)))
try:
    list.__class_getitem__()
except TypeError as e:
    print("TypeError:", e)


class Entries:
    def __mro_entries__(self, bases):
        return ()


try:
    type("Bad", (Entries(),), {})
except TypeError as e:
    print("TypeError:", e)

for x in [{}.keys(), {}.values(), {}.items(), iter([]), iter({}), iter(range(1)), iter("a")]:
    try:
        type(x)()
    except TypeError as e:
        print("TypeError:", e)
