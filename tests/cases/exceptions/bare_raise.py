def process(x):
    try:
        return 10 / x
    except ZeroDivisionError:
        print("noting failure for", x)
        raise
for x in (5, 0):
    try:
        print(process(x))
    except ZeroDivisionError as e:
        print("re-raised:", e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
def reraise_outer():
    try:
        raise ValueError("kept")
    except ValueError:
        try:
            raise KeyError("inner")
        except KeyError:
            pass
        raise
try:
    reraise_outer()
except Exception as e:
    print(type(e).__name__, e)
