class Celsius:
    def __init__(self, deg):
        self.deg = deg
    def __int__(self):
        return int(self.deg)
    def __float__(self):
        return float(self.deg)
    def __index__(self):
        return int(self.deg)
    def __round__(self, n=None):
        return round(self.deg, n)
c = Celsius(21.7)
print(int(c), float(c), round(c), round(c, 0), hex(Celsius(255)), [0, 1, 2, 3][Celsius(2)])
class Ordered:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    __hash__ = None
print(Ordered(1) == Ordered(1), Ordered(1) != Ordered(2))
