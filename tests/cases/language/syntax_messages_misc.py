# CPython's SyntaxError messages (and ranges) for a dict entry without its
# value, assigning to an unparenthesised yield, a keyword argument that is an
# expression, and mixing except with except*.
cases = [
    "x = {1: 2, 3}",
    "x = {1: 2, 3, 4: 5}",
    "x = {1: 2, a.b}",
    "{1:2, **a, 3}",
    "{**a, 3}",
    "f(**{1: 2, 3})",
    "{1: 2,\n 3}",
    "{lambda x}",
    "def f():\n x = yield = 1",
    "def f():\n yield = 1",
    "def f():\n x = yield from y = 1",
    "def f():\n x = (yield) = 1",
    "def f():\n (yield) = 1",
    "print(end1 + end2 = ' ')",
    "f(a.b=1)",
    "f(a[0]=1)",
    "f(1=2)",
    "f(x()=1)",
    "f(a, b+c=1)",
    "f(True=1)",
    "f(**x, a+b=1)",
    "class C(a.b=1): pass",
    "f(lambda x=1: x)",
    "[a.b = 1]",
    "if a.b = 1: pass",
    "try: pass\nexcept ValueError: pass\nexcept* TypeError: pass",
    "try: pass\nexcept* ValueError: pass\nexcept TypeError: pass",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print(repr(src), "compiles")
    except SyntaxError as e:
        print(repr(src), "|", e.msg, "|", e.lineno, e.offset, (e.end_lineno, e.end_offset) if e.end_offset else "-")
