# `a != b` asks a right operand whose class is a subclass first: its own __ne__, or
# (object.__ne__) its __eq__ inverted, before the left operand's methods.
class A:
    def __eq__(self, other):
        print("A.__eq__")
        return True

class B(A):
    def __eq__(self, other):
        print("B.__eq__")
        return False

class C(A):
    def __ne__(self, other):
        print("C.__ne__")
        return "from C"

class D(A):
    pass

class E(A):
    def __eq__(self, other):
        print("E.__eq__")
        return NotImplemented

print(A() != B())
print(B() != A())
print(A() == B())
print(A() != C())
print(A() != D())
print(A() != E())
print(A() != A())

import ipaddress
objs = [ipaddress.IPv4Address("0.0.0.1"), ipaddress.IPv4Interface("0.0.0.1/32"),
        ipaddress.IPv4Network("0.0.0.1/32")]
for x in objs:
    print([x != y for y in objs], [x == y for y in objs])
