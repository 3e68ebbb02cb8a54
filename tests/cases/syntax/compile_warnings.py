# The compiler's and parser's warnings about legal code that is almost
# certainly a mistake, seen through warnings filters (issue 11).
import warnings

SOURCES = [
    "x = 1\nx is 1",
    "x = 'a'\nx is not 'a'",
    "x is (1, 2) or x is -1 or x is () or x is None or x is ... or x is []",
    "assert (x, 'message')",
    "assert ()",
    "[(1, 2) (3, 4)]",
    "f = 'a'(1)",
    "n = None()",
    "g = [x for x in y]()",
    "v = {1, 2}[0]",
    "v = 5[0]",
    "v = (x for x in y)[0]",
    "v = (lambda: 1)[0]",
    "v = [1, 2]['a']",
    "v = 'abc'[1.0]",
    "v = (1, 2)[None]",
    "v = [1, 2][True]",
    "v = 'abc'[1:2]",
    "v = a[1.5]",
    "s = '\\d'",
    "b = b'\\q'",
    "o = '\\777'",
    "r = r'\\d'",
    "t = '\\d' '\\e'",
    "u = b'\\N{DASH}'",
    "def f():\n    return y is 'x'",
]

for src in SOURCES:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(src, "<case>", "exec")
        except SyntaxError as e:
            print("SyntaxError", e)
    print(repr(src), [(w.category.__name__, str(w.message), w.lineno) for w in caught])

# A filter that turns the warning into an error makes it a SyntaxError at
# the construct, as CPython's compiler does.
for src in ["y = 2\nif y is 2: pass", "assert (1, 2)", "z = '\\d'", "[1, 2] [3]"]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(src, "<err>", "exec")
        except SyntaxError as e:
            print(type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))

# Ignored warnings leave the code as it was.
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    print(eval("(1, 2)[0] is 1"), eval("'\\d'"))
