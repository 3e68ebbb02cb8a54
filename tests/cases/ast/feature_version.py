# ast.parse(feature_version=(3, N)) rejects syntax newer than 3.N, and
# subclasses of node classes pass their arguments through __new__.
import ast

cases = [
    ("(x := 0)", 8),
    ("def f(a, /): pass", 8),
    ("lambda a=1, /: a", 8),
    ("match x:\n    case 1: pass", 10),
    ("try:\n    pass\nexcept* ValueError:\n    pass", 11),
]
for src, needs in cases:
    for minor in needs - 1, needs:
        try:
            ast.parse(src, feature_version=(3, minor))
            print(repr(src), (3, minor), "ok")
        except SyntaxError as e:
            # (CPython points at the end of the construct; the position is not compared.)
            print(repr(src), (3, minor), "SyntaxError:", e.msg)
print(ast.dump(ast.parse("f(x := 1)", feature_version=(3, 11)).body[0].value.args[0]))


class N(ast.Num):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.z = "spam"


n = N(42)
print(type(n).__name__, n.n, n.z, isinstance(n, ast.Num))
n = N(n=7)
print(n.n, n.z)
