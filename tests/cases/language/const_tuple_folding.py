# A tuple display of constants is one constant of its code object, as in
# CPython: equal displays in one code object are the same object, nested
# tuples fold too, and the function returns the same tuple each call.
a = (1, 2)
b = (1, 2)
print(a is b, a == b)


def f():
    return (1, "x", None, 2.5, (3, 4), b"raw", -1)


print(f(), f() is f())
print(f.__code__.co_consts)
print(3 in (1, 2, 3), ("a",) * 2, ((),))
print(type((1, 2.0)), (1, 1.0, True))
# 1, 1.0 and True are equal but stay distinct constants.
print((1,) == (1.0,), [type(x).__name__ for x in (1, 1.0, True)])
t = (1, [2])  # not constant: a new tuple each time
print(t, (lambda: (1, [2]))() is (lambda: (1, [2]))())
