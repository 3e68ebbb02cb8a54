def f():
    try:
        return "returned"
    finally:
        print("finally runs before return")
print(f())
def g():
    try:
        raise ValueError("original")
    except ValueError:
        raise TypeError("from except")
    finally:
        print("g finally")
try:
    g()
except TypeError as e:
    print("caught", e, "context", repr(e.__context__))
def h():
    for i in range(3):
        try:
            raise KeyError(i)
        except KeyError as e:
            if i == 1:
                return f"returned in except {e}"
        finally:
            print("h finally", i)
print(h())
