import operator
print(operator.add(1, 2), operator.mul(3, 4), operator.sub(9, 4), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.mod(7, 3), operator.pow(2, 5), operator.neg(5), operator.not_(0), operator.eq(1, 1.0), operator.lt(1, 2))
data = [("b", 2, "x"), ("a", 3, "y"), ("c", 1, "z")]
print(sorted(data, key=operator.itemgetter(1)), sorted(data, key=operator.itemgetter(0)))
print(list(map(operator.itemgetter(0, 2), data)))
class P:
    def __init__(self, n):
        self.name = n
    def greet(self, greeting):
        return f"{greeting}, {self.name}"
ps = [P("zoe"), P("al")]
print([p.name for p in sorted(ps, key=operator.attrgetter("name"))])
print(operator.methodcaller("greet", "hi")(ps[0]), operator.methodcaller("upper")("abc"))
print(operator.getitem([1, 2, 3], 1), operator.contains("abc", "b"), operator.concat("a", "b"), operator.and_(6, 3))
