import functools
def timed(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        return func(*args, **kwargs)
    return wrapper
@timed
def compute(x):
    """Compute something."""
    return x ** 2
print(compute(7), compute.__name__, compute.__doc__, compute.__wrapped__(3))
def plain(func):
    def wrapper():
        return func()
    return wrapper
@plain
def hidden():
    """hidden doc"""
print(hidden.__name__, hidden.__doc__)
