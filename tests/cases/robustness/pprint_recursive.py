# pprint of self-referential containers prints <Recursion on ...> (the id
# is replaced to keep the output stable); repr prints [...] / {...}.
import pprint
import re


def show(obj, **kw):
    text = pprint.pformat(obj, **kw)
    print(re.sub(r"id=\d+", "id=N", text))


a = [1, 2]
a.append(a)
show(a)
d = {"k": 1}
d["self"] = d
show(d)
big = [list(range(30)), {"x": "y" * 40}]
big.append(big)
show(big)
show([a, a])
print(repr(a), repr(d))
print(re.sub(r"id=\d+", "id=N", pprint.saferepr(a)))
print(pprint.pformat([1, [2, [3]]]))
