def attempt(x):
    try:
        print("try", x)
        r = 10 / x
    except ZeroDivisionError:
        print("except")
        return "error"
    else:
        print("else", r)
        return "ok"
    finally:
        print("finally")
print(attempt(2))
print(attempt(0))
try:
    pass
finally:
    print("finally without except")
try:
    try:
        raise KeyError("inner")
    finally:
        print("inner finally")
except KeyError as e:
    print("outer caught", e)
