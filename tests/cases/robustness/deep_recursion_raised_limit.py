import sys
sys.setrecursionlimit(12000)
def recurse(n):
    return 0 if n == 0 else 1 + recurse(n - 1)
print(recurse(10000))
def sum_to(n, acc=0):
    if n == 0:
        return acc
    return sum_to(n - 1, acc + n)
print(sum_to(9000))
