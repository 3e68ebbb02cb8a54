# Instance attributes are in dir() too.
class Point:
    def __init__(self, x, y):
        self.x_coord = x
        self.y_coord = y


p = Point(1, 2)
print(p.x_cord)
