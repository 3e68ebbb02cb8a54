def risky(n):
    try:
        if n == 0:
            raise ValueError("zero")
        return 10 // n
    except ValueError:
        print("logging and re-raising")
        raise
for n in (2, 0):
    try:
        print(risky(n))
    except ValueError as e:
        print("outer got", repr(e))
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        print("inner", e)
        raise ValueError("converted")
except ValueError as e:
    print("outer", e, type(e.__context__).__name__)
