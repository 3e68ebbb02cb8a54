# Differences the differential fuzzer found (issue 10, "more of the same
# kind"): CPython's exact TypeError/ZeroDivisionError messages.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: print(end=5))
show(lambda: print("a", sep=[]))
show(lambda: (0.0).__divmod__(0.0))
show(lambda: (1.5).__divmod__(0))
show(lambda: divmod(1.5, 0.0))
show(lambda: str.upper(5))
show(lambda: str.split(b"a b"))
show(lambda: str.__add__(5, "a"))
show(lambda: int.bit_length("x"))
show(lambda: int.__add__("x", 1))
show(lambda: True @ -128)
show(lambda: 1 @ False)
show(lambda: 2 @ 3)
show(lambda: 1.5 @ 2)
