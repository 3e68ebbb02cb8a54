"""Methods of built-in types the expression generator calls, with argument kinds.

Argument kinds (see `ExprGen.arg`): n = small count/width, i = index,
s = short str, b = short bytes, it = iterable, x = any value, enc = encoding.
Mutating list/dict/set methods are called on a copy (`[…].copy()` is not
needed: the receiver is always a fresh literal or expression value).
"""

METHODS = {
    "str": [
        ("upper", []), ("lower", []), ("casefold", []), ("title", []), ("capitalize", []), ("swapcase", []),
        ("split", []), ("split", ["s"]), ("split", ["s", "n"]), ("rsplit", ["s", "n"]), ("splitlines", []),
        ("join", ["it"]), ("replace", ["s", "s"]), ("replace", ["s", "s", "n"]), ("find", ["s"]),
        ("rfind", ["s"]), ("index", ["s"]), ("rindex", ["s"]), ("count", ["s"]), ("startswith", ["s"]),
        ("endswith", ["s"]), ("startswith", ["s", "i"]), ("strip", []), ("strip", ["s"]), ("lstrip", []),
        ("rstrip", ["s"]), ("partition", ["s"]), ("rpartition", ["s"]), ("center", ["n"]),
        ("center", ["n", "s"]), ("ljust", ["n"]), ("rjust", ["n", "s"]), ("zfill", ["n"]), ("isdigit", []),
        ("isalpha", []), ("isalnum", []), ("isspace", []), ("isupper", []), ("islower", []), ("istitle", []),
        ("isdecimal", []), ("isnumeric", []), ("isidentifier", []), ("isprintable", []), ("isascii", []),
        ("expandtabs", []), ("expandtabs", ["n"]), ("encode", []), ("encode", ["enc"]), ("removeprefix", ["s"]),
        ("removesuffix", ["s"]), ("format", ["x"]), ("__len__", []), ("__contains__", ["s"]),
        ("__getitem__", ["i"]), ("__add__", ["s"]), ("__mul__", ["n"]), ("find", ["s", "i", "i"]),
        ("count", ["s", "i"]), ("split", ["x"]), ("join", ["x"]),
    ],
    "bytes": [
        ("decode", []), ("decode", ["enc"]), ("hex", []), ("split", []), ("split", ["b"]), ("join", ["x"]),
        ("replace", ["b", "b"]), ("find", ["b"]), ("count", ["b"]), ("upper", []), ("lower", []),
        ("strip", []), ("startswith", ["b"]), ("endswith", ["b"]), ("isdigit", []), ("isalpha", []),
        ("center", ["n"]), ("zfill", ["n"]), ("partition", ["b"]), ("title", []), ("__getitem__", ["i"]),
        ("index", ["b"]), ("rstrip", ["b"]), ("ljust", ["n", "b"]), ("hex", ["s"]), ("splitlines", []),
    ],
    "list": [
        ("index", ["x"]), ("count", ["x"]), ("copy", []), ("__len__", []), ("__getitem__", ["i"]),
        ("__add__", ["x"]), ("__contains__", ["x"]), ("__mul__", ["n"]), ("index", ["x", "i"]),
        ("__eq__", ["x"]), ("__lt__", ["x"]),
    ],
    "tuple": [("index", ["x"]), ("count", ["x"]), ("__len__", []), ("__getitem__", ["i"]), ("__add__", ["x"]),
              ("__contains__", ["x"]), ("__eq__", ["x"])],
    "dict": [("get", ["x"]), ("get", ["x", "x"]), ("keys", []), ("values", []), ("items", []), ("copy", []),
             ("__len__", []), ("__contains__", ["x"]), ("__getitem__", ["x"]), ("__or__", ["x"]),
             ("fromkeys", ["it"]), ("__eq__", ["x"])],
    "int": [("bit_length", []), ("bit_count", []), ("conjugate", []), ("as_integer_ratio", []),
            ("to_bytes", ["n", "s"]), ("__add__", ["x"]), ("__floordiv__", ["x"]), ("__mod__", ["x"]),
            ("__pow__", ["n"]), ("__round__", ["i"]), ("__truediv__", ["x"]), ("__index__", []),
            ("__neg__", []), ("__abs__", []), ("__bool__", []), ("__lt__", ["x"]), ("__eq__", ["x"])],
    "float": [("is_integer", []), ("as_integer_ratio", []), ("hex", []), ("conjugate", []), ("__round__", []),
              ("__round__", ["i"]), ("__trunc__", []), ("__floor__", []), ("__ceil__", []), ("__add__", ["x"]),
              ("__mod__", ["x"]), ("__floordiv__", ["x"]), ("__divmod__", ["x"]), ("__eq__", ["x"]),
              ("__int__", []), ("__neg__", []), ("__pow__", ["n"])],
    "set": [("union", ["x"]), ("intersection", ["x"]), ("difference", ["x"]), ("symmetric_difference", ["x"]),
            ("issubset", ["x"]), ("issuperset", ["x"]), ("isdisjoint", ["x"]), ("copy", []), ("__len__", []),
            ("__contains__", ["x"]), ("__or__", ["x"]), ("__and__", ["x"]), ("__sub__", ["x"]),
            ("__xor__", ["x"]), ("__le__", ["x"]), ("__eq__", ["x"])],
    "frozenset": [("union", ["x"]), ("intersection", ["x"]), ("issubset", ["x"]), ("__len__", []),
                  ("__contains__", ["x"]), ("__or__", ["x"]), ("difference", ["x"])],
}
