class BadRepr:
    def __repr__(self):
        raise ValueError("repr exploded")
try:
    print([BadRepr()])
except ValueError as e:
    print("caught:", e)
class SelfRepr:
    def __repr__(self):
        return repr(self)
try:
    repr(SelfRepr())
except RecursionError:
    print("RecursionError from recursive __repr__")
class BadStr:
    def __str__(self):
        return 42
try:
    str(BadStr())
except TypeError as e:
    print("TypeError:", e)
print("still alive")
