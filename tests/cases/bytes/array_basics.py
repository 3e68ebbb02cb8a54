# The array module: typecodes, conversions with CPython's OverflowErrors,
# sequence methods, slicing, comparisons and the buffer protocol.
import array
from array import array as A

def attempt(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

print(array.typecodes, array.ArrayType is A)
for code in array.typecodes:
    init = "héllo" if code == "u" else [1, 2, 3]
    a = A(code, init)
    print(code, a.itemsize, a.typecode, a, len(a), a.tolist(), list(a), a[0], a[-1], a[1:], len(a.tobytes()))
print(A("i"), repr(A("d")), A("f", [1.1, 2.5]), A("d", [0.1, -2]), A("b", b"\x01\xff"), A("d", A("i", [1, 2])))
a = A("i", [5, 1, 4])
a.append(9)
a.extend([2, 3])
a.extend(A("i", [7]))
a.insert(0, 100)
a.insert(-1, 50)
print(a, a.pop(), a.pop(0), a, a.index(4), a.count(1), 4 in a, 42 in a)
a.remove(1)
a.reverse()
print(a, a[::2], a[::-1], a[1:3])
a[0] = -1
a[1:3] = A("i", [8, 8, 8])
a[::2] = A("i", [0] * len(a[::2]))
print(a)
del a[0]
del a[::2]
print(a, a + A("i", [1]), a * 2, 2 * a)
a += A("i", [6])
a *= 2
print(a)
b = A("H", [1, 258])
b.byteswap()
print(b, b.tobytes())
c = A("h")
c.frombytes(b"\x01\x00\x02\x00")
c.fromlist([3, 4])
print(c, c.tolist(), c.buffer_info()[1])
u = A("u", "ab")
u.fromunicode("cd")
print(u, u.tounicode())
print(A("i", [1, 2]) == A("i", [1, 2]), A("i", [1, 2]) < A("i", [1, 3]), A("i", [1]) == A("d", [1.0]), A("i", [1]) == [1], A("b", [1]) != A("b", [2]))
print(bytes(A("h", [1, 2])), bytearray(A("B", [65, 66])), memoryview(A("d", [1.5])).tolist(), b"".join([A("B", [67])]))
import copy
d = copy.copy(A("i", [1, 2]))
print(d, copy.deepcopy(d), sorted(A("i", [3, 1, 2])), sum(A("d", [0.5, 0.25])))
for code, v in [("b", 200), ("b", -200), ("B", -1), ("B", 256), ("h", 70000), ("H", -1), ("i", 2**40), ("I", -1),
                ("I", 2**40), ("l", 2**70), ("L", -1), ("q", 2**70), ("Q", -1), ("i", "x"), ("i", 1.5), ("d", "x"), ("u", 1)]:
    attempt("item %s %r" % (code, v), lambda: A(code, [v]))
attempt("typecode", lambda: A("z"))
attempt("typecode int", lambda: A(1))
attempt("typecode long", lambda: A("ii"))
attempt("no args", lambda: A())
attempt("str init", lambda: A("i", "abc"))
attempt("int init", lambda: A("i", 5))
attempt("pop index", lambda: A("i", [1, 2]).pop(5))
attempt("pop empty", lambda: A("i").pop())
attempt("remove", lambda: A("i", [1]).remove(5))
attempt("index", lambda: A("i", [1]).index(5))
attempt("getitem", lambda: A("i", [1])[5])
attempt("getitem str", lambda: A("i", [1])["a"])
attempt("setitem", lambda: A("i", [1]).__setitem__(5, 1))
attempt("add kind", lambda: A("i", [1]) + A("d", [1]))
attempt("add list", lambda: A("i", [1]) + [1])
attempt("frombytes", lambda: A("i", [1]).frombytes(b"abc"))
attempt("extend kind", lambda: A("i", [1]).extend(A("d")))
attempt("fromlist", lambda: A("i", [1]).fromlist((1,)))
attempt("slice list", lambda: A("i", [1]).__setitem__(slice(0, 1), [1]))
attempt("ext slice", lambda: A("i", [1, 2, 3]).__setitem__(slice(None, None, 2), A("i", [1])))
attempt("mul float", lambda: A("i", [1]) * 2.0)
attempt("fromunicode", lambda: A("i", [1]).fromunicode("a"))
attempt("tounicode", lambda: A("i", [1]).tounicode())
attempt("resize export", lambda: (lambda arr, m: arr.append(1))(*(lambda arr: (arr, memoryview(arr)))(A("i", [1]))))
