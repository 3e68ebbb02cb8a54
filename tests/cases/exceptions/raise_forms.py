for thing in [ValueError, ValueError("inst"), 42, "text", None]:
    try:
        raise thing
    except TypeError as e:
        print("TypeError:", e)
    except ValueError as e:
        print("ValueError raised:", repr(e))
class NotAnException:
    pass
try:
    raise NotAnException()
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError from 5
except TypeError as e:
    print("TypeError:", e)
