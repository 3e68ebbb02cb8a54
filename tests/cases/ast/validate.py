# compile() of hand-built trees: CPython's validator rejects malformed ones
# with ValueError (contexts, empty bodies, None in lists, positions, patterns)
# before anything is compiled; fields missing or None are TypeError/ValueError.
import ast


def check(label, tree, mode="exec"):
    ast.fix_missing_locations(tree)
    try:
        compile(tree, "<test>", mode)
        print(label, "-> ok")
    except (ValueError, TypeError) as e:
        print(label, "->", type(e).__name__ + ":", e)


def stmt(label, s):
    check(label, ast.Module([s], []))


def expr(label, e):
    stmt(label, ast.Expr(e))


L, S, D = ast.Load(), ast.Store(), ast.Del()
x_load = ast.Name("x", L)
x_store = ast.Name("x", S)
one = ast.Constant(1)
p = ast.Pass()
noargs = ast.arguments([], [], None, [], [], None, [])

# contexts
expr("name in Store", x_store)
stmt("assign to Load", ast.Assign([x_load], one))
stmt("del of Load", ast.Delete([x_load]))
stmt("assign call", ast.Assign([ast.Call(x_load, [], [])], one))
stmt("augassign", ast.AugAssign(x_store, ast.Add(), ast.Name("y", S)))
stmt("starred Load in Store list",
     ast.Assign([ast.List([ast.Starred(x_load, S)], S)], one))
stmt("tuple elts", ast.Assign([ast.Tuple([x_store, ast.Name("y", L)], S)], one))
expr("attribute value", ast.Attribute(x_store, "y", L))
expr("subscript slice", ast.Subscript(x_load, ast.Slice(x_store, None, None), L))
check("Expression body", ast.Expression(x_store), "eval")
check("Interactive", ast.Interactive([ast.Expr(x_store)]), "single")

# empty lists and None inside lists
stmt("empty def body", ast.FunctionDef("f", noargs, [], [], None))
stmt("empty class body", ast.ClassDef("C", [], [], [], []))
stmt("None in body", ast.ClassDef("C", [], [], [None], []))
stmt("empty targets", ast.Assign([], one))
stmt("empty del", ast.Delete([]))
stmt("empty with", ast.With([], [p]))
stmt("empty import", ast.Import([]))
stmt("empty global", ast.Global([]))
stmt("empty nonlocal", ast.Nonlocal([]))
expr("None in list", ast.List([None], L))
expr("None in call args", ast.Call(x_load, [None], []))
expr("dict ** key", ast.Dict([None], [x_load]))
expr("dict None value", ast.Dict([x_load], [None]))
expr("dict lengths", ast.Dict([], [x_load]))

# statements' own rules
stmt("raise cause only", ast.Raise(None, one))
stmt("try nothing", ast.Try([p], [], [], []))
stmt("try orelse only", ast.Try([p], [], [p], [p]))
stmt("trystar nothing", ast.TryStar([p], [], [], []))
stmt("handler body", ast.Try([p], [ast.ExceptHandler(None, "e", [])], [], []))
stmt("negative level", ast.ImportFrom("m", [ast.alias("x")], -1))
stmt("annassign simple", ast.AnnAssign(ast.Attribute(x_load, "y", S), x_load, None, 1))

# arguments
def fn(args):
    return ast.FunctionDef("f", args, [p], [], None)
stmt("defaults", fn(ast.arguments([], [], None, [], [], None, [one])))
stmt("kw_defaults", fn(ast.arguments([], [], None, [], [one], None, [])))
stmt("annotation", fn(ast.arguments([], [ast.arg("a", x_store)], None, [], [], None, [])))
stmt("kwonly None default",
     fn(ast.arguments([], [], None, [ast.arg("k")], [None], None, [])))

# expressions' own rules
expr("boolop one value", ast.BoolOp(ast.And(), [one]))
expr("compare none", ast.Compare(x_load, [ast.In()], []))
expr("compare counts", ast.Compare(x_load, [ast.In()], [one, one]))
expr("no generators", ast.ListComp(x_load, []))
expr("comp target", ast.SetComp(x_load, [ast.comprehension(x_load, x_load, [], 0)]))
expr("yield Store", ast.Yield(x_store))
for name in "None", "True", "False":
    check("name " + name, ast.Expression(ast.Name(name, L)), "eval")
expr("constant type", ast.Constant(int))
expr("constant tuple item", ast.Constant((1, int)))
expr("constant frozenset item", ast.Constant(frozenset([int])))

# positions
for line, end in (10, 1), (-5, -2):
    tree = ast.parse("a = 1")
    tree.body[0].lineno, tree.body[0].end_lineno = line, end
    check("lines %d..%d" % (line, end), tree)
tree = ast.parse("a = 1")
tree.body[0].col_offset, tree.body[0].end_col_offset = 4, 2
check("columns 4..2", tree)

# fields missing (TypeError) or None (ValueError)
tree = ast.parse("def f():\n yield from g()")
tree.body[0].body[0].value.value = None
check("yield from None", tree)
stmt("lineno None", ast.ImportFrom("time", [ast.alias("sleep")], 0, lineno=None, col_offset=0))

# match patterns
def case(pattern):
    return ast.Match(x_load, [ast.match_case(pattern, None, [p])])
stmt("value pattern name", case(ast.MatchValue(x_load)))
stmt("value pattern True", case(ast.MatchValue(ast.Constant(True))))
stmt("singleton 1", case(ast.MatchSingleton(1)))
stmt("star outside sequence", case(ast.MatchStar("r")))
stmt("capture _", case(ast.MatchAs(None, "_")))
stmt("or of one", case(ast.MatchOr([ast.MatchAs(None, "a")])))
stmt("as without name", case(ast.MatchAs(ast.MatchAs(None, "a"), None)))
stmt("class cls call", case(ast.MatchClass(ast.Call(x_load, [], []), [], [], [])))
stmt("mapping lengths", case(ast.MatchMapping([one], [], None)))
stmt("negative and complex",
     case(ast.MatchOr([ast.MatchValue(ast.UnaryOp(ast.USub(), one)),
                       ast.MatchValue(ast.BinOp(one, ast.Add(), ast.Constant(2j)))])))

# valid trees still compile and run
tree = ast.parse("def f(a, /, b=2, *c, d, e=5, **g):\n    return [i for i in (a, b, d, e)]\nr = f(1, d=4)")
ns = {}
exec(compile(tree, "<test>", "exec"), ns)
print(ns["r"])
