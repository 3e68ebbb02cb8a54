"""List, dict and set comprehensions, nested and filtered."""


def run(n):
    total = 0
    for k in range(n):
        xs = [i * k for i in range(200)]
        evens = [x for x in xs if x % 2 == 0]
        d = {x: x % 7 for x in xs}
        s = {x % 13 for x in xs}
        grid = [[i + j for j in range(10)] for i in range(10)]
        flat = [v for row in grid for v in row if v > 5]
        pairs = {(a, b) for a in range(8) for b in range(a)}
        total += len(evens) + sum(d.values()) + len(s) + sum(flat) + len(pairs)
    return total


print("comprehensions", run(3000))
