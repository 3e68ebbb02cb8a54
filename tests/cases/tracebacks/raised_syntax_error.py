# A SyntaxError raised by a script, with its location as arguments: str()
# and the top-level report show it as CPython does (carets over the range).
cases = [
    SyntaxError("m", ("dir/f.py", 3, 2, "abcdef\n")),
    SyntaxError("m", ("f.py", 1, 2, "abcdef\n", 1, 5)),
    SyntaxError("m", (None, 4, 1, None)),
    SyntaxError("m"),
    SyntaxError(),
    IndentationError("bad", ("g.py", 2, 3, "  x\n", 2, 4)),
]
for e in cases:
    print(repr(str(e)), e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
for bad in [("m", "b"), ("m", (1, 2, 3, 4, 5, 6, 7))]:
    try:
        SyntaxError(*bad)
    except TypeError as e:
        print("TypeError", e)
raise SyntaxError("bad thing", ("lesson.py", 7, 5, "    x = y z\n", 7, 9))
