# The _ast node classes: hierarchy, _fields/_attributes/__match_args__,
# docstrings, AST.__init__ and its TypeErrors, and CPython's ast.py helpers
# on hand-built trees (no parsing).
import _ast
import ast

print(ast.Name.__mro__, ast.Name._fields, ast.Name.__match_args__, ast.Name._attributes)
print(ast.Name.__doc__, repr(ast.expr_context.__doc__), repr(ast.comprehension.__doc__))
print(ast.stmt.__doc__)
print(ast.pattern.__doc__)
for args, kw in [((1, 2, 3), {}), ((1,), {'id': 2}), ((1,), {}), ((), {'id': 'z', 'lineno': 4})]:
    try:
        n = ast.Name(*args, **kw)
        print(n.id, getattr(n, 'lineno', 'no lineno'), n.end_lineno, hasattr(n, 'ctx'))
    except TypeError as e:
        print('TypeError:', e)
for cls, args in [(ast.Load, (1,)), (ast.keyword, (1, 2, 3)), (ast.alias, (1, 2, 3))]:
    try:
        cls(*args)
    except TypeError as e:
        print('TypeError:', e)
print(ast.Constant(5).kind, ast.FunctionDef('f').returns, ast.arg('a').annotation)
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(ast.mod._attributes, ast.stmt._attributes, ast.pattern._attributes, ast.keyword._attributes)
print(ast.comprehension._attributes, ast.arguments._fields, ast.MatchClass._fields)
print(ast.Try.__base__, ast.ExceptHandler.__base__, ast.TypeIgnore._fields, ast.Add.__base__)

tree = ast.BinOp(ast.Constant(1), ast.Add(), ast.Name('x', ast.Load()))
print(ast.dump(tree))
print(ast.unparse(tree))
print(ast.literal_eval(ast.Tuple([ast.Constant(1), ast.Constant('a')], ast.Load())))
print([type(n).__name__ for n in ast.walk(tree)])
print([(k, type(v).__name__) for k, v in ast.iter_fields(ast.Name('q', ast.Del()))])
fixed = ast.fix_missing_locations(ast.Expression(tree))
print(tree.lineno, tree.col_offset, tree.end_lineno, tree.left.lineno)

match ast.Name('y', ast.Store()):
    case ast.Name(i, ctx):
        print('match', i, type(ctx).__name__)

print(isinstance(ast.Constant(3), ast.Num), isinstance(ast.Constant('s'), ast.Num))


class Counter(ast.NodeVisitor):
    def __init__(self):
        self.names = []

    def visit_Name(self, node):
        self.names.append(node.id)


c = Counter()
c.visit(ast.Module([ast.Expr(ast.Call(ast.Name('f', ast.Load()), [ast.Name('a', ast.Load())], []))], []))
print(c.names)
print(sorted(n for n in dir(_ast) if not n.startswith('_'))[:12], len([n for n in dir(_ast) if not n.startswith('__')]))
