import ast

sources = [
    "x = 1 + 2 * 3",
    "def f(a, b=2, *args, c, **kw):\n    return (a + b) * c",
    "class A(B, metaclass=M):\n    x: int = 1\n\n    def m(self):\n        pass",
    "for i in range(3):\n    if i % 2:\n        continue\nelse:\n    print('done')",
    "with a as b, c as (d, e):\n    pass",
    "try:\n    pass\nexcept E as e:\n    raise\nfinally:\n    pass",
    "lambda: (yield)",
    "x = [i ** 2 for i in range(10) if i > 3]",
    "print(f'{x!r:>{width}} and {y}')",
    "del a[1:2], b.c",
    "assert x, 'msg'",
    "global a, b",
    "import a.b as c\nfrom .. import d",
    "x = -1 ** 2",
    "x = (-1) ** 2",
    "x = not (a and b) or c",
    "a = b if c else d",
    "print(*args, sep='')",
]
for src in sources:
    tree = ast.parse(src)
    text = ast.unparse(tree)
    print(text)
    again = ast.dump(ast.parse(text)) == ast.dump(tree)
    print("round trip:", again)

# Compiling a tree (from the parser, transformed, or built by hand).
tree = ast.parse("result = [n * 2 for n in data if n % 2]\nprint(result)")
ns = {"data": range(10)}
exec(compile(tree, "<ast>", "exec"), ns)
print(eval(compile(ast.parse("1 + 2 * x", mode="eval"), "<ast>", "eval"), {"x": 5}))


class Doubler(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node


tree = Doubler().visit(ast.parse("print(1 + 2, 'a', 10)"))
exec(compile(tree, "<ast>", "exec"))

node = ast.Expression(body=ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7)))
ast.fix_missing_locations(node)
print(eval(compile(node, "<hand>", "eval")))

mod = ast.Module(body=[ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Constant("built")], []))],
                 type_ignores=[])
ast.fix_missing_locations(mod)
exec(compile(mod, "<hand>", "exec"))

try:
    compile(ast.Module(body=[ast.Expr(ast.Name("x", ast.Load()))], type_ignores=[]), "<x>", "exec")
except TypeError as e:
    print("TypeError:", e)
try:
    compile(ast.parse("x"), "<x>", "eval")
except TypeError as e:
    print("TypeError:", e)


class Counter(ast.NodeVisitor):
    def __init__(self):
        self.names = []

    def visit_Name(self, node):
        self.names.append(node.id)
        self.generic_visit(node)


c = Counter()
c.visit(ast.parse("a = b + c(d)"))
print(c.names)
print(type(compile("x = 1", "<s>", "exec", ast.PyCF_ONLY_AST)).__name__)
t = ast.parse("x")
print(compile(t, "<s>", "exec", ast.PyCF_ONLY_AST) is t)
