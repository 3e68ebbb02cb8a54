# Odd arguments to str methods and operators, with CPython's messages (found by the fuzzer).
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: 'abc'.center(5, b'x'))
t(lambda: 'abc'.ljust(6, 1))
t(lambda: 'abc'.rjust(5, 'xy'))
t(lambda: 'abc'.__mul__('a'))
t(lambda: 'abc'.__rmul__(2.0))
t(lambda: 'ab'.__mul__(True))
t(lambda: 'ab'.__mul__(3))
t(lambda: 'abc'.count('a', []))
t(lambda: 'abc'.find('a', 0, []))
t(lambda: 'abc'[2**63])
t(lambda: 'abc'.index('a', 2**63))
t(lambda: '%c' % (True,))
t(lambda: '%c|%c' % (False, 65))
t(lambda: (3).__eq__(1e16))
t(lambda: (3).__eq__(3.0))
t(lambda: (3).__ne__(2.5))
t(lambda: (True).__eq__(1.0))
t(lambda: (3).__eq__(3))


class I(int):
    pass


t(lambda: (I(3) == 3.0, 3.0 == I(3), I(2) != 2.5, I(1) < 1.5))


def f():
    pass


for name in ['__code__', '__name__', '__qualname__', '__globals__', '__dict__', '__doc__', '__module__',
             '__annotations__', '__defaults__']:
    def d():
        delattr(f, name)
        return getattr(f, name)
    t(d)
