print("{} and {}".format("spam", "eggs"))
print("{1} and {0}".format("spam", "eggs"))
print("{name} is {age}".format(name="Ada", age=36))
print("{0[1]} {0[0]} {1[key]}".format(["a", "b"], {"key": "v"}))
class P:
    def __init__(self):
        self.x, self.y = 3, 4
print("Point({0.x}, {0.y}) {p.x}".format(P(), p=P()))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:.3f} {:,} {:08.3f} {:x}".format(2.71828, 1000000, -3.14159, 3054))
print("{!r} {!s}".format("a", "b"), "{0!r:>6}".format("a"))
print("{{}} {} {{x}}".format(1))
print("{0}{1}{0}".format("ab", "-"))
print("{:{w}.{p}f}".format(3.14159, w=10, p=3))
data = {"a": 1, "b": 2}
print("{a}+{b}".format(**data), "{}-{}".format(*[7, 8]))
