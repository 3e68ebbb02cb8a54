# Raising an exception that is already in the handled exception's context
# chain cuts the chain (no cycle); a raise always sets __context__ to the
# exception being handled; an except tuple is checked whole before matching.


class A(Exception):
    pass


class B(Exception):
    pass


class C(Exception):
    pass


def name(e):
    return type(e).__name__ if e is not None else None


try:
    try:
        raise A
    except A as a_:
        a = a_
        try:
            raise B
        except B as b_:
            b = b_
            try:
                raise C
            except C as c_:
                c = c_
                raise a
except A as e:
    exc = e
print(exc is a, name(a.__context__), name(c.__context__), name(b.__context__))

# A raise replaces a context set by hand.
try:
    1 / 0
except ZeroDivisionError:
    e = KeyError()
    e.__context__ = ValueError()
    try:
        raise e
    except KeyError as k:
        print(name(k.__context__))

# A cycle made by hand does not hang the next raise.
x, y = ValueError("x"), ValueError("y")
x.__context__ = y
y.__context__ = x
try:
    try:
        raise x
    except ValueError:
        raise KeyError("k")
except KeyError as k:
    print(name(k.__context__), k.__context__ is x)

for spec in [42, (ValueError, 42), (42, ValueError), (ValueError, (KeyError,)), int]:
    try:
        try:
            raise ValueError
        except spec:
            print("caught by", spec)
    except TypeError as t:
        print("TypeError:", t)

# SyntaxError(msg, details): four to six details, end_offset with end_lineno.
for details in [("f", 1, 2), ("f", 1, 2, 4, 5, 6, 7), ("f", 1, 2, "text", 1), 5, ("f", 1, 2, "t", 1, 3), ["f", 1, 2, "t"]]:
    try:
        e = SyntaxError("bad", details)
        print(e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
    except TypeError as t:
        print("TypeError:", t)


# Unpacking keeps the error of an __iter__ that raised.
class RaisingIter:
    def __iter__(self):
        raise KeyError(4)


class NoneIter:
    __iter__ = None


class BadItem:
    def __getitem__(self, i):
        raise TypeError("boom")


for obj in [RaisingIter(), NoneIter(), BadItem(), 5]:
    try:
        a, b = obj
    except Exception as e:
        print(type(e).__name__, e)
