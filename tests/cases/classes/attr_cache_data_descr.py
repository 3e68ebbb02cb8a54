# Attribute loads and stores on instances of classes that have data
# descriptors (a property somewhere in the MRO): the instance dict decides
# for other names, and a data descriptor added later (to the class or a
# base) takes over at once, at the same call site.


class Base:
    @property
    def size(self):
        return 10


class Mid(Base):
    pass


class Leaf(Mid):
    def __init__(self, v):
        self.v = v


def read_all(objs):
    return [o.v for o in objs]


def write_all(objs, x):
    for o in objs:
        o.v = x


objs = [Leaf(i) for i in range(5)]
print(read_all(objs), objs[0].size)
write_all(objs, 7)
print(read_all(objs))

# A data descriptor for `v` on a base: it wins over the instance dict.
Mid.v = property(lambda self: "from property", lambda self, x: print("setter got", x))
print(read_all(objs))
write_all(objs[:2], 8)
print(objs[0].__dict__)

# Removed again: the instance dict decides once more.
del Mid.v
print(read_all(objs))


# A Python descriptor class with __set__ is a data descriptor too.
class Desc:
    def __get__(self, obj, owner=None):
        return "desc"

    def __set__(self, obj, value):
        obj.__dict__["seen"] = value


Leaf.v = Desc()
print(read_all(objs))
write_all(objs[:1], 9)
print(objs[0].seen)
del Leaf.v

# A non-data descriptor does not: the instance dict wins.
Leaf.v = staticmethod(len)
print(read_all(objs))


# Different classes through one call site.
class Other:
    w = property(lambda self: 1)

    def __init__(self):
        self.v = "other"


print(read_all([objs[0], Other(), objs[1]]))


class Mine(bytearray):
    def __len__(self):
        return 99


ba = bytearray(b"abc")
print(len(ba), len(Mine(b"ab")), bytes(ba), type(ba).__name__, type(Mine()).__name__)
print(bytes(Mine(b"xy")), type(len), type(type))
