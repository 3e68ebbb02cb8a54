# A partial pickles and copies through __reduce__/__setstate__, with its __dict__.
import copy
import pickle
from functools import partial

p = partial(max, 1, key=abs)
p.tag = ['t']
print(p.__reduce__()[0] is partial, p.__reduce__()[1][0] is max, p.__reduce__()[2][1:])
print(partial(max).__reduce__()[2][1:])
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    q = pickle.loads(pickle.dumps(p, proto))
    print(proto, q(-5), q.args, q.keywords == p.keywords, q.tag, type(q).__name__)
c = copy.copy(p)
print(c.args is p.args, c.keywords is p.keywords, c.tag is p.tag)
d = copy.deepcopy(p)
print(d.tag == p.tag, d.tag is p.tag, d(-7))


class Sub(partial):
    pass


s = pickle.loads(pickle.dumps(Sub(min, 3)))
print(type(s).__name__, s(1), repr(s))
