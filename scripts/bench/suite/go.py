"""A small game of Go: random playouts on a 9x9 board with captures, liberties
by flood fill, no suicide, eyes left alone; the score of each playout is summed."""
import random

SIZE = 9
EMPTY, BLACK, WHITE = 0, 1, 2


class Board:
    def __init__(self):
        self.cells = [EMPTY] * (SIZE * SIZE)
        self.neighbours = []
        for p in range(SIZE * SIZE):
            x, y = p % SIZE, p // SIZE
            ns = []
            if x > 0:
                ns.append(p - 1)
            if x < SIZE - 1:
                ns.append(p + 1)
            if y > 0:
                ns.append(p - SIZE)
            if y < SIZE - 1:
                ns.append(p + SIZE)
            self.neighbours.append(ns)
        self.captured = {BLACK: 0, WHITE: 0}

    def group(self, p):
        colour = self.cells[p]
        stones = {p}
        libs = set()
        todo = [p]
        while todo:
            q = todo.pop()
            for n in self.neighbours[q]:
                c = self.cells[n]
                if c == EMPTY:
                    libs.add(n)
                elif c == colour and n not in stones:
                    stones.add(n)
                    todo.append(n)
        return stones, libs

    def is_eye(self, p, colour):
        return all(self.cells[n] == colour for n in self.neighbours[p])

    def legal(self, p, colour):
        if self.cells[p] != EMPTY or self.is_eye(p, colour):
            return False
        other = 3 - colour
        for n in self.neighbours[p]:
            c = self.cells[n]
            if c == EMPTY:
                return True
        self.cells[p] = colour
        try:
            for n in self.neighbours[p]:
                if self.cells[n] == other and len(self.group(n)[1]) == 0:
                    return True
            return len(self.group(p)[1]) > 0
        finally:
            self.cells[p] = EMPTY

    def play(self, p, colour):
        self.cells[p] = colour
        other = 3 - colour
        for n in self.neighbours[p]:
            if self.cells[n] == other:
                stones, libs = self.group(n)
                if not libs:
                    for s in stones:
                        self.cells[s] = EMPTY
                    self.captured[colour] += len(stones)

    def score(self):
        black = white = 0
        for p, c in enumerate(self.cells):
            if c == BLACK:
                black += 1
            elif c == WHITE:
                white += 1
            else:
                around = {self.cells[n] for n in self.neighbours[p]}
                if around == {BLACK}:
                    black += 1
                elif around == {WHITE}:
                    white += 1
        return black - white


def playout(rng):
    b = Board()
    colour = BLACK
    passes = moves = 0
    while passes < 2 and moves < 400:
        empties = [p for p in range(SIZE * SIZE) if b.cells[p] == EMPTY]
        rng.shuffle(empties)
        for p in empties:
            if b.legal(p, colour):
                b.play(p, colour)
                passes = 0
                break
        else:
            passes += 1
        moves += 1
        colour = 3 - colour
    return b.score(), moves, b.captured[BLACK] + b.captured[WHITE]


rng = random.Random(42)
total = [0, 0, 0]
for _ in range(12):
    s, m, c = playout(rng)
    total[0] += s
    total[1] += m
    total[2] += c
print("go", total)
