# `count += 1` on an unbound local: CPython underlines the target only.
class Box:
    pass


def total_of(box):
    box.total += 1


def bump():
    count += 1


try:
    total_of(Box())
except AttributeError as e:
    import traceback
    traceback.print_exc()
bump()
