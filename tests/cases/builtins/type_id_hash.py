a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), type(id(a)).__name__)
print(hash(1) == hash(1.0), hash(True) == hash(1), hash(0) == hash(0.0) == hash(False))
print(hash(5) == 5, hash(-7) == hash(-7.0), hash((1, 2)) == hash((1, 2)), hash(2 ** 70) == hash(2.0 ** 70))
print(hash("abc") == hash("ab" + "c"), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
try:
    hash([1, 2])
except TypeError as e:
    print("TypeError:", e)
print(type(1).__name__, type(1.0).__name__, type("").__name__, type(None).__name__, type(True).__name__)
print(type([]).__name__, type(()).__name__, type({}).__name__, type(set()).__name__, type(frozenset()).__name__)
print(type(range(1)).__name__, type(b"").__name__, type(type).__name__, type(...).__name__)
print(type(3) is int, type(3) == int, type("x")("conv"), type([1])((2, 3)))
