print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "x", "" or [] or 0)
print([] and "no", "yes" and [], not 0, not "a", not None)
print(0 or None, 1 and 0 and 2, 1 or 0 and 2, (1 or 0) and 2)
def side(name, v):
    print("eval", name)
    return v
r = side("a", False) and side("b", True)
print(r)
r = side("a", True) or side("b", True)
print(r)
r = side("a", 0) or side("b", "") or side("c", "last")
print(r)
print(True + True, True * 10, False - 1, -True)
print(bool([]), bool([0]), bool(""), bool(" "), bool(0.0), bool(-1), bool(None), bool({}))
