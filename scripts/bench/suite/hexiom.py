"""A hexiom-style puzzle: numbered tiles go on a hexagonal board so that every
tile's number equals the count of its occupied neighbours; solutions are
counted by backtracking with bounds on partially decided neighbourhoods."""
import random

RADIUS = 2
CELLS = [(q, r) for q in range(-RADIUS, RADIUS + 1) for r in range(-RADIUS, RADIUS + 1)
         if abs(q + r) <= RADIUS]
INDEX = {c: i for i, c in enumerate(CELLS)}
DIRS = [(1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1)]
NEIGH = [[INDEX[(q + dq, r + dr)] for dq, dr in DIRS if (q + dq, r + dr) in INDEX] for q, r in CELLS]


def make_puzzle(rng, filled):
    occupied = set(rng.sample(range(len(CELLS)), filled))
    tiles = [sum(1 for n in NEIGH[i] if n in occupied) for i in sorted(occupied)]
    return sorted(tiles)


class Solver:
    def __init__(self, tiles):
        self.counts = [0] * 7
        for t in tiles:
            self.counts[t] += 1
        self.empties = len(CELLS) - len(tiles)
        self.board = [None] * len(CELLS)
        self.solutions = 0
        self.nodes = 0

    def consistent(self, i):
        for c in [i] + NEIGH[i]:
            v = self.board[c]
            if v is None or v < 0:
                continue
            occ = und = 0
            for n in NEIGH[c]:
                w = self.board[n]
                if w is None:
                    und += 1
                elif w >= 0:
                    occ += 1
            if not occ <= v <= occ + und:
                return False
        return True

    def solve(self, i=0):
        self.nodes += 1
        if i == len(CELLS):
            self.solutions += 1
            return
        if self.empties:
            self.empties -= 1
            self.board[i] = -1
            if self.consistent(i):
                self.solve(i + 1)
            self.empties += 1
        for v in range(7):
            if self.counts[v]:
                self.counts[v] -= 1
                self.board[i] = v
                if self.consistent(i):
                    self.solve(i + 1)
                self.counts[v] += 1
        self.board[i] = None


rng = random.Random(7)
total = nodes = 0
for k in range(2):
    s = Solver(make_puzzle(rng, 10))
    s.solve()
    total += s.solutions
    nodes += s.nodes
print("hexiom", total, nodes)
