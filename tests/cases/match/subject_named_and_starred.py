# A match subject may be a named expression (`match w := x:`) or a tuple
# whose items are named or starred expressions (`match w := x, *rest:`), as
# CPython's subject_expr allows; a lone starred subject may not.
x = 0
match w := x,:
    case y as v,:
        print("tuple of one", w, y, v)

rest = [1, 2]
match x, *rest:
    case (0, *others):
        print("starred", others)

match (n := len(rest)), n * 2:
    case (a, b):
        print("named item", a, b, n)

match w := "word":
    case str():
        print("named", w)

try:
    compile("match *x:\n    case _: pass", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)

# `case x, y, *_:` reads only the items it names from a sequence that is
# not a list or tuple: a huge range is never copied.
w = range(1 << 30)
match w:
    case x, y, *_:
        print("huge range head", x, y)
match w:
    case *_, y, z:
        print("huge range tail", y, z)
match range(5):
    case a, *_, b, c:
        print("both ends", a, b, c)
match range(1):
    case a, *_, b:
        print("too short")
    case _:
        print("too short for two")
