# CPython's SyntaxError messages (and ranges) for a starred element in a
# comprehension, a generator expression as an assignment target, a keyword
# argument followed by a comprehension's `for`, bad `from __future__`
# imports (unknown feature, braces, after other code) and `return value`
# in an async generator.
cases = [
    "[*item for item in l]",
    "[*[0, 1] for i in range(10)]",
    "(*x for x in y)",
    "f(*x for x in y)",
    "{*x for x in y}",
    "{**x for x in y}",
    "[*x async for x in y]",
    "[*x, 1 for x in y]",
    "(y for y in (1,2)) = 10",
    "x, (y for y in z) = 1",
    "[x for x in y] = 1",
    "f() = 1",
    "dict(a = i for i in range(10))",
    "f(x, a = i for i in x)",
    "f(a=1 for i in x)",
    "from __future__ import rested_snopes",
    "from __future__ import braces",
    "from __future__ import nested_scopes, braces",
    "from __future__ import *",
    "import os\nfrom __future__ import division",
    "'doc'\nfrom __future__ import division\nx = 1",
    "'doc'\n'not doc'\nfrom __future__ import division",
    "from __future__ import division; import os; from __future__ import annotations",
    "from __future__ import annotations, generator_stop, barry_as_FLUFL",
    "async def foo():\n    yield\n    return 123",
    "async def foo():\n    return 1\n    yield",
    "async def foo():\n    yield\n    return",
    "async def foo():\n    if 0:\n        yield\n    return None",
    "async def foo():\n    await x\n    return 5",
]
for src in cases:
    try:
        compile(src, "<s>", "exec")
        print(repr(src), "compiles")
    except SyntaxError as e:
        end = (e.end_lineno, e.end_offset) if e.end_offset else "-"
        print(repr(src), "->", e.msg, (e.lineno, e.offset), end)
