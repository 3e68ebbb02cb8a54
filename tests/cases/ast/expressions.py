import ast

exprs = [
    "a + b * c - d / e // f % g ** h @ i",
    "a << 1 | b >> 2 & c ^ d",
    "-x + +y - ~z",
    "not a and b or c",
    "a < b <= c > d >= e == f != g is h is not i in j not in k",
    "f(a, *args, k=1, **kw)",
    "f(x for x in y)",
    "obj.attr.method()[0][1:2, ::3, ...]",
    "lambda x, /, y=1, *a, z, **k: x + y",
    "x if c else y",
    "[1, 2, *rest]",
    "(1,)",
    "()",
    "{1: 'a', **other}",
    "{1, 2}",
    "[x * y for x in range(3) if x for y in z]",
    "{k: v for k, v in items}",
    "{s for s in 'abc'}",
    "(n := 10)",
    "1.5 + 2j + 0x1F + 1_000 + 1e10",
    "'s' 'concat' + b'bytes'",
    "None, True, False, ...",
    "a[b][c:d]",
    "u'unicode kind'",
    "'é' + x",
    "(a)",
    "((a + b))",
]
for src in exprs:
    print(src)
    print(ast.dump(ast.parse(src, mode="eval")))
    print(ast.dump(ast.parse(src), include_attributes=True))
