def documented(a, b=1):
    """Return the sum.

    More text here.
    """
    return a + b
def undocumented():
    pass
print(documented.__name__)
print(documented.__doc__)
print(undocumented.__doc__, undocumented.__name__)
print((lambda: 0).__name__)
class K:
    """Class doc."""
    def method(self):
        """Method doc."""
print(K.__doc__, K.method.__doc__, K.method.__name__, K.__name__)
f = documented
print(f.__name__, f(2), callable(f))
documented.custom = "attribute"
print(documented.custom)
