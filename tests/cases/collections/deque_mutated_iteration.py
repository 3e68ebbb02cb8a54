# A deque changed in size or order while iterated raises RuntimeError, as in
# CPython; assigning an item or reversing does not.
from collections import deque

def run(label, op, reverse=False):
    d = deque([1, 2, 3])
    it = reversed(d) if reverse else iter(d)
    first = next(it)
    op(d)
    try:
        print(label, first, list(it))
    except RuntimeError as e:
        print(label, first, "RuntimeError:", e)

def setitem(d):
    d[1] = 7

def iadd(d):
    d += [5]

def imul1(d):
    d *= 1

def imul2(d):
    d *= 2

def delitem(d):
    del d[0]

for label, op in [("append", lambda d: d.append(4)), ("appendleft", lambda d: d.appendleft(0)),
                  ("pop", lambda d: d.pop()), ("popleft", lambda d: d.popleft()), ("clear", lambda d: d.clear()),
                  ("extend []", lambda d: d.extend([])), ("extend [9]", lambda d: d.extend([9])),
                  ("extendleft []", lambda d: d.extendleft([])), ("remove", lambda d: d.remove(2)),
                  ("insert", lambda d: d.insert(0, 9)), ("delitem", delitem), ("setitem", setitem),
                  ("iadd", iadd), ("imul 1", imul1), ("imul 2", imul2), ("rotate 0", lambda d: d.rotate(0)),
                  ("rotate 3", lambda d: d.rotate(3)), ("reverse", lambda d: d.reverse()),
                  ("copy", lambda d: d.copy())]:
    run(label, op)
run("reversed+append", lambda d: d.append(4), reverse=True)
run("reversed+setitem", setitem, reverse=True)

d = deque([1, 2, 3])
try:
    for x in d:
        d.append(x)
except RuntimeError as e:
    print("for/append:", e, list(d))
d = deque([1, 2, 3], maxlen=3)
it = iter(d)
d.append(4)
try:
    next(it)
except RuntimeError as e:
    print("maxlen append:", e)
it = iter(deque())
print(list(it), list(reversed(deque([1, 2, 3]))), list(deque(range(5))))
