class PropertySubSlots(property):
    __slots__ = ()
try:
    class Foo(object):
        @PropertySubSlots
        def spam(self):
            """doc"""
            return 1
except AttributeError as e: print('AE', e)
class PS(property):
    """sub doc"""
class F:
    @PS
    def spam(self):
        """a docstring"""
    print(spam.__doc__, spam.__dict__)
    @spam.getter
    def spam(self):
        """new"""
    print(spam.__doc__, spam.__dict__)
    x = PS(doc="given")
    print(x.__doc__, x.__dict__)
    y = PS()
    print(y.__doc__, y.__dict__)
p = property(lambda s: 1)
class G: pass
try: G().z
except AttributeError as e: print(e)
G.z = property()
for f in (lambda: G().z, lambda: setattr(G(), 'z', 1), lambda: delattr(G(), 'z')):
    try: f()
    except AttributeError as e: print(e)
class H:
    class I:
        w = property()
for f in (lambda: H.I().w, lambda: setattr(H.I(), 'w', 1), lambda: delattr(H.I(), 'w')):
    try: f()
    except AttributeError as e: print(e)
q = property()
q.__set_name__(H, 5)
H.q = q
try: H().q
except AttributeError as e: print(e)
for i in (0,1,3):
    try: q.__set_name__(*([0]*i))
    except TypeError as e: print(e)
def g(self):
    "gdoc"
r = property(g, doc=None).getter(lambda s: 2); print(r.__doc__)
r = property(g, doc="explicit").getter(lambda s: 2); print(r.__doc__)
def h(self):
    "hdoc"
r = property(g).getter(h); print(r.__doc__)
r = property(g).setter(h); print(r.__doc__)
r = property(g).getter(None); print(r.__doc__)
