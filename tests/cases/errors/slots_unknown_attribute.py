# Assigning an attribute that is not a slot of a __slots__ class.
class Point:
    __slots__ = ("x", "y")


p = Point()
p.x = 1
p.z = 3
