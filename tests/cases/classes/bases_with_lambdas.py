# Lambdas and comprehensions among a class's bases and keywords are evaluated
# in the enclosing scope, after the class body's function is made.
def pick(f):
    return f()

class A(pick(lambda: object)):
    tag = "a"

class B(pick(lambda: pick(lambda: A)), metaclass=pick(lambda: type)):
    def who(self):
        return [x for x in (self.tag, "b")]

def make(base):
    class C(pick(lambda: base)):
        values = [n * 2 for n in range(3)]
    return C

print(B.__mro__[1].__name__, B().who(), make(B).values, make(A).__bases__[0].__name__)
