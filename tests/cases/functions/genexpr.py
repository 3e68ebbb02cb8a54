nums = [1, 2, 3, 4, 5]
g = (n * n for n in nums)
print(type(g).__name__, next(g), next(g), list(g))
print(sum(n for n in nums if n % 2), max(len(w) for w in ["a", "abc", "ab"]))
print(list((x, y) for x in range(2) for y in "ab"))
print(any(n > 4 for n in nums), all(n > 0 for n in nums), sorted(-n for n in nums))
log = []
def noisy(x):
    log.append(x)
    return x
lazy = (noisy(x) for x in range(3))
print(log)
print(next(lazy), log)
print(dict((str(i), i) for i in range(3)), set(c for c in "hello" if c != "l") == {"h", "e", "o"})
print("".join(str(i) for i in range(5)), tuple(i for i in range(3)))
