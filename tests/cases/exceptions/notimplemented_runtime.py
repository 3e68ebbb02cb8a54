class Base:
    def run(self):
        raise NotImplementedError
try:
    Base().run()
except NotImplementedError as e:
    print("NotImplementedError", repr(e), isinstance(e, RuntimeError))
try:
    raise RuntimeError("generic runtime error")
except Exception as e:
    print(type(e).__name__, e)
try:
    raise TimeoutError("took too long")
except OSError as e:
    print("TimeoutError caught as OSError:", e)
print(NotImplemented, type(NotImplemented).__name__)
