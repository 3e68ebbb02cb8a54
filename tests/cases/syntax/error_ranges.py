# Where a SyntaxError points: CPython underlines the offending token or
# construct (offset..end_offset); the report draws that many carets.
BAD = [
    "print 'hello'", "x = [1 2]", "while True print(1)", "return 5",
    "x = {'a': 1 'b': 2}", "else:\n  pass", "f() = 1", "None = 1", "True = 1",
    "del f()", "a, b += 1", "nonlocal x", "break", "continue",
    "async def f():\n  yield from x", "print(1) print(2)", "for x in 1,2,3 print(x)",
    "x = (yield)",
    "if x = 1:\n    pass", "while x = 1:\n    pass", "y = [x = 1]", "y = (x = 1, 2)",
    "if x = y == 2:\n pass", "if a.b = 1:\n  pass", "if f(x) = 1:\n  pass", "if x[0] = 3:\n pass",
    "if 1 = x:\n pass", "f(x=1, 2)", "f(x=1, 2, 3,)", "print(end='', 'a')", "f(**d, e)",
    "class A(x=1, B): pass", "f(x=1,\n  2)", "if x = 1 = 2:\n  pass", "assert x = 1", "if (a, b) = 1:\n pass",
    "x = a if b", "x.1", "raise from x", "exec 'x'", "def f():\n    await x",
]
for src in BAD:
    try:
        compile(src, "<case>", "exec")
    except SyntaxError as e:
        print(repr(src), "|", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
