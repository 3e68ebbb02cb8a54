class Point:
    __match_args__ = ('x',)
    x = 1
match Point():
    case Point(1, x=1):
        pass
