# Repeating a sequence by a count beyond machine words is an OverflowError
# for deques as for lists and strs.
from collections import deque
for make in [lambda: [1], lambda: "a", lambda: deque([1, 2, 3])]:
    for op in ["x * 2**64", "2**64 * x", "x *= 2**64"]:
        x = make()
        try:
            exec(op)
        except Exception as e:
            print(type(x).__name__, op, type(e).__name__, e)
