# operator's functions are the native _operator ones, with CPython's messages.
import operator, functools
print(functools.reduce(operator.add, range(10)), functools.reduce(operator.mul, range(1, 8)))
print(list(map(operator.sub, [5, 6], [1, 2])), operator.truediv(7, 2), operator.floordiv(-7, 2), operator.mod(-7, 3))
print(operator.pow(2, 100), operator.lshift(1, 70), operator.rshift(-9, 1), operator.and_(12, 10), operator.or_(12, 3), operator.xor(5, 1))
print(operator.neg(5), operator.pos(-2.5), operator.invert(5), operator.inv(0), operator.abs(-3), operator.not_([]), operator.truth("x"))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq("a", "a"), operator.ne(1, 1.0), operator.ge([1], [0]), operator.gt(3, 4))
print(operator.is_(None, None), operator.is_not(1, None), operator.contains([1, 2], 2), operator.concat([1], [2]), operator.concat("a", "b"))
l = [1, 2, 3]; operator.setitem(l, 0, 9); operator.delitem(l, 1); print(l, operator.getitem(l, -1), operator.getitem("abc", slice(1, None)))
x = [1]; y = operator.iadd(x, [2]); print(x, y is x, operator.iconcat(x, (3,)), operator.imul([1], 3), operator.ior({1}, {2}))
s = "ab"; print(operator.iadd(s, "c"), s, operator.ipow(2, 5), operator.imatmul.__name__)
print(operator.index(7), operator.index(True), operator.index(2**80))
class I:
    def __index__(self): return 42
class M:
    def __matmul__(self, o): return "matmul"
    def __imatmul__(self, o): return "imatmul"
print(operator.index(I()), operator.matmul(M(), 1), operator.imatmul(M(), 1), operator.length_hint([1, 2]), operator.countOf([1, 1, 2], 1), operator.indexOf([1, 2], 2))
for call in [lambda: operator.index(1.5), lambda: operator.index("3"), lambda: operator.add(1), lambda: operator.add(1, "a"),
             lambda: operator.neg(), lambda: operator.neg("x"), lambda: operator.index(1, 2), lambda: operator.add(a=1, b=2),
             lambda: operator.concat(1, 2), lambda: operator.concat({}, {}), lambda: operator.iconcat(1, [2]), lambda: operator.lt(1, "a"),
             lambda: operator.getitem({}, "k"), lambda: operator.truediv(1, 0), lambda: operator.indexOf([1], 5), lambda: operator.setitem([], 0, 1)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
print(sorted([(2, "b"), (1, "z"), (2, "a")], key=operator.itemgetter(0, 1)), operator.methodcaller("upper")("hi"))
