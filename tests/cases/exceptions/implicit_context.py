try:
    try:
        1 / 0
    except ZeroDivisionError:
        undefined_name
except NameError as e:
    print("NameError:", e)
    print("context:", type(e.__context__).__name__, e.__context__)
    print("cause:", e.__cause__)
try:
    raise ValueError("no context")
except ValueError as e:
    print(e.__context__, e.__cause__)
def cleanup_fails():
    try:
        raise KeyError("original")
    finally:
        raise RuntimeError("from finally")
try:
    cleanup_fails()
except RuntimeError as e:
    print(e, "<- context:", repr(e.__context__))
