# In-place set operations keep the left set's table, as CPython's do, so the
# order a student prints (and what pop() returns) is CPython's.
import random
random.seed(5)
for trial in range(60):
    a = set(random.sample(range(-20, 60), random.randint(0, 30))) | {1e16, 0.5}
    b = set(random.sample(range(-20, 60), random.randint(0, 30)))
    for op in ("|=", "&=", "-=", "^="):
        x = set(a); y = set(b)
        exec(f"x {op} y")
        print(op, list(x), x.pop() if x else None)
    x = set(a); x.difference_update(b, {1, 2, 3}, [4, 5]); print(list(x))
    x = set(a); x.symmetric_difference_update(b); print(list(x))
    x = set(a); x.symmetric_difference_update(list(b)); print(list(x))
    print(list(a.difference(b, {5, 7})), list(a.difference(list(b))), list(a.union(b, [99])))
    print(list(a ^ b), list(a - b), list(a | b), list(a & b))
    x = set(a); x -= x; print(x)
    x = set(a); x ^= x; print(x)
    x = set(a); print([x.pop() for _ in range(min(5, len(x)))], list(x))
s = {0, 8}; s.discard(0); s.add(16); print(list(s))
s = set(range(20)); print([s.pop() for _ in range(3)]); s.add(0); print(s.pop(), list(s)[:5])
