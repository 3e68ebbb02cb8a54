class Point:
    __match_args__ = (1,)
    x = 1
match Point():
    case Point(1):
        pass
