# Every comparison operator between values of every pair of built-in types
# (and a plain instance): the result, or the exception type and message.
import operator


class Plain:
    pass


plain = Plain()
values = [
    ("int", 1), ("float", 1.5), ("nan", float("nan")), ("bool", True),
    ("bigint", 10 ** 30), ("str", "a"), ("emptystr", ""), ("bytes", b"a"),
    ("None", None), ("list", [1.5]), ("strlist", ["a"]), ("tuple", (1, 2)),
    ("strtuple", ("a",)), ("dict", {1: 2}), ("set", {1}),
    ("frozenset", frozenset({1})), ("instance", plain), ("range", range(3)),
]
ops = [("==", operator.eq), ("!=", operator.ne), ("<", operator.lt),
       ("<=", operator.le), (">", operator.gt), (">=", operator.ge)]
for na, a in values:
    for nb, b in values:
        row = []
        for sym, op in ops:
            try:
                row.append(str(op(a, b)))
            except TypeError as e:
                row.append("TypeError(%s)" % e)
        print(na, nb, " ".join(row))

# The examples the bug report gave.
x = 2.5
print(1.5 == None, x != "", [1.5] == ["a"], (1.5, None) == (1.5, "x"))
for f in (lambda: 1.5 < None, lambda: max([2.5, "x"]), lambda: min([2.5, "x"]),
          lambda: sorted([1.5, None]), lambda: [1.5] < ["a"]):
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
