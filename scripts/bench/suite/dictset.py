"""Dicts and sets: counting words, grouping, set algebra, membership tests, dict views, key lookups."""


def run(n):
    words = ["w%d" % (i * 7919 % 1000) for i in range(n)]
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    groups = {}
    for w in words:
        groups.setdefault(len(w), []).append(w)
    a = set(words[: n // 2])
    b = set(words[n // 2:])
    total = len(a & b) + len(a | b) + len(a - b) + len(a ^ b) + (a <= b) + (a & b <= a)
    for w in words:
        if w in a:
            total += 1
        if w not in counts:
            total -= 1
    for k, v in counts.items():
        total += v
    total += len(set(counts) & set(groups.get(3, [])))
    inv = {v: k for k, v in counts.items()}
    total += len(inv) + sum(len(g) for g in groups.values())
    return total


total = 0
for _ in range(20):
    total += run(20000)
print("dictset", total)
