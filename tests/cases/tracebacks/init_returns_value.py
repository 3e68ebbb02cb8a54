# __init__ returning a value: the TypeError is raised at the call, after
# __init__ has returned, so the traceback ends at `Point(1, 2)` as CPython's.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
        return self


def make():
    return Point(1, 2)


make()
