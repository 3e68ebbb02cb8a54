# Every method of the built-in types called with no argument and with nine:
# the TypeError names the accepted count in CPython's wording for that kind
# of method (no arguments, exactly one, "expected at most", "takes at least").
SAMPLES = [("str", lambda: "abc"), ("bytes", lambda: b"abc"), ("bytearray", lambda: bytearray(b"abc")),
           ("list", lambda: [1]), ("tuple", lambda: (1,)), ("dict", lambda: {1: 2}), ("set", lambda: {1}),
           ("frozenset", lambda: frozenset({1})), ("int", lambda: 1), ("float", lambda: 1.0),
           ("complex", lambda: 1j)]
NAMES = ["index", "rindex", "find", "count", "startswith", "endswith", "replace", "split", "rsplit", "join",
         "center", "ljust", "zfill", "encode", "decode", "partition", "removeprefix", "expandtabs", "strip",
         "upper", "lower", "translate", "splitlines", "hex", "append", "insert", "pop", "remove", "extend",
         "copy", "clear", "reverse", "get", "setdefault", "keys", "items", "add", "discard", "isdisjoint",
         "issubset", "bit_length", "to_bytes", "conjugate", "is_integer", "as_integer_ratio",
         "__contains__", "__getitem__", "__len__", "__eq__", "__round__", "__iadd__", "__setitem__",
         "__delitem__"]
for tname, make in SAMPLES:
    for name in NAMES:
        if not hasattr(make(), name):
            continue
        for n in (0, 9):
            try:
                getattr(make(), name)(*range(n))
                r = "ok"
            except TypeError as e:
                r = str(e)
            except Exception as e:
                r = type(e).__name__
            print(f"{tname}.{name} {n}: {r}")
# The descriptor's own error comes first when self is of another type.
for call in [lambda: str.upper(5, 1), lambda: str.index(b"x"), lambda: list.append(5)]:
    try:
        call()
    except TypeError as e:
        print(e)
# A subclass instance gets the same count errors.
class S(str):
    pass
try:
    S("x").upper(1)
except TypeError as e:
    print(e)
