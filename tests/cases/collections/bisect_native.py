import _bisect, sys
for args in [(), ([1],), ([1],2,3,4,5), ([1],2,-1), ([1],2,0,'x'), ([1],2,1.0), ({}, 1), ({1:2}, 'b', 0, 1), ('abc','b'), (b'abc', 'b'), (range(5), 2), ([1,2], 3, 0, sys.maxsize+1), (5, 2), (5, 2, 0, 3)]:
    try: print(_bisect.bisect_right(*args))
    except Exception as e: print(type(e).__name__, e)
for kw in [dict(foo=1), dict(key=5), dict(hi=-1), dict(hi=None), dict(lo=1, hi=2), dict(key=lambda x: -x)]:
    try: print(_bisect.bisect_left([1,2,3,3,4], 3, **kw))
    except Exception as e: print(type(e).__name__, e)
l = [1, 3, 5]
_bisect.insort_left(l, 3); _bisect.insort_right(l, 4); _bisect.insort_right(l, 0); print(l)
class L(list):
    def insert(self, i, x): print('insert', i, x); super().insert(i, x)
m = L([1, 2]); _bisect.insort_left(m, 2); print(m)
try: _bisect.insort_left((1,2), 2)
except Exception as e: print(type(e).__name__, e)
print(_bisect.bisect_right([1,2,3], 2, 0, -5), _bisect.bisect_right([1,2,3], 2))
d = [(1,'a'), (3,'b')]; _bisect.insort_right(d, (2, 'c'), key=lambda t: t[0]); print(d)
import bisect; print(bisect.bisect is _bisect.bisect_right, bisect.insort_left is _bisect.insort_left)
