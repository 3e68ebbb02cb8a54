for e in [ValueError(), ValueError("one"), ValueError("two", 2), KeyError("k"), KeyError(),
          OSError(2, "No such file"), Exception(None), RuntimeError(""), StopIteration(5)]:
    print(repr(e), "|", str(e), "|", e.args)
e = TypeError("msg")
e.extra = 1
print(e.extra, e.args[0], type(e).__name__)
print(len(ValueError("a", "b", "c").args))
