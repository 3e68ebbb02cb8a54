import array, pickle
class A(array.array):
    pass
a = A('i', [1, 2])
a.x = 5
print(type(a).__name__, a.x, a, a.__dict__)
class K(array.array):
    def __init__(self, typecode, newarg=None):
        array.array.__init__(self)
        self.newarg = newarg
k = K('i', newarg=3); print(k.newarg, k)
b = array.array('i', [1,2,3])
for m, args in [('tolist', (42,)), ('tobytes', (42,)), ('reverse', (42,)), ('byteswap', (42,)), ('buffer_info', (42,)), ('__mul__', ()), ('__imul__', ())]:
    try: getattr(b, m)(*args); print(m, 'no error')
    except TypeError as e: print(m, e)
it = iter(b); next(it)
print(pickle.loads(pickle.dumps(it)).__next__())
print(pickle.loads(pickle.dumps(iter([1,2,3]))).__next__())
s = iter({5}); print(list(pickle.loads(pickle.dumps(s))))
