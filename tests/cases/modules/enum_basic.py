from enum import Enum, auto
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.GREEN), Color.BLUE.name, Color.BLUE.value)
print(list(Color), len(Color), Color(2), Color["BLUE"], Color.RED in Color)
print(Color.RED is Color(1), Color.RED == 1, type(Color.RED).__name__, isinstance(Color.RED, Color))
for c in Color:
    print(c.name, c.value)
class Status(Enum):
    PENDING = auto()
    DONE = auto()
    FAILED = auto()
print([s.value for s in Status], Status.DONE, repr(Status.FAILED))
try:
    Color(9)
except ValueError as e:
    print("ValueError:", e)
print({Color.RED: "stop"}[Color.RED], f"{Color.GREEN.name.lower()}")
class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.MERCURY.value)
