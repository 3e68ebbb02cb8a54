import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("caught RecursionError:", e)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print("still works:", depth(500))
try:
    down(0)
except RecursionError:
    print("caught again")
print(sys.getrecursionlimit())
