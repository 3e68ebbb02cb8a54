class E(Exception):
    pass
print(str(E()), "|", str(E("a")), "|", str(E("a", "b")), "|", str(E(1)), "|", str(E([1, 2])))
print(repr(E()), repr(E("a")), repr(E("a", 2)))
print(str(KeyError("k")), str(KeyError("a", "b")), str(KeyError()))
e = ValueError("x")
e.args = ("changed", 1)
print(e, e.args)
