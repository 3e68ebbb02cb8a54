class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.types):
            print("suppressed", exc_type.__name__, exc)
            return True
        return None
with Suppress(KeyError, ZeroDivisionError):
    {}["missing"]
    print("not reached")
print("after first with")
with Suppress(ZeroDivisionError):
    x = 1 / 0
print("after second with")
try:
    with Suppress(KeyError):
        raise TypeError("not suppressed")
except TypeError as e:
    print("escaped", e)
