def risky():
    try:
        [][0]
    except IndexError:
        return int("not a number")
try:
    risky()
except ValueError as e:
    print(type(e).__name__, "|", e, "|", type(e.__context__).__name__)
try:
    try:
        raise TypeError("first")
    except TypeError as first:
        try:
            raise ValueError("second")
        except ValueError as second:
            print(second.__context__ is first)
            raise
except ValueError as e:
    print("outer got", e)
