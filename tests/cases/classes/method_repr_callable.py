# repr of a bound method whose function is any callable: its __qualname__,
# else its __name__ (when a str), else '?'.
import re
import types


class MyCallable:
    def __call__(self, arg):
        pass


class Owner:
    def __repr__(self):
        return "<Owner>"


func = MyCallable()
method = types.MethodType(func, Owner())
print(repr(method))
func.__name__ = "name"
print(repr(method))
func.__qualname__ = "qualname"
print(repr(method))
func.__qualname__ = 42
print(repr(method))


class Foo:
    def method(self):
        pass

    @classmethod
    def cm(cls):
        pass


print(re.sub(r"0x[0-9a-f]+", "ADDR", repr(Foo().method)))
print(re.sub(r"0x[0-9a-f]+", "ADDR", repr(Foo.cm)))
