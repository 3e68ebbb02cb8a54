class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, pos):
        if pos not in self:
            raise IndexError(f"{pos} outside grid")
        return self.cells.get(pos, ".")
    def __setitem__(self, pos, v):
        self.cells[pos] = v
    def __delitem__(self, pos):
        del self.cells[pos]
    def __contains__(self, pos):
        x, y = pos
        return 0 <= x < self.w and 0 <= y < self.h
    def __iter__(self):
        for y in range(self.h):
            yield "".join(self[x, y] for x in range(self.w))
g = Grid(3, 2)
g[0, 0] = "#"
g[2, 1] = "@"
print(len(g), g[0, 0], g[1, 1], (5, 5) in g, (1, 1) in g)
for row in g:
    print(row)
del g[0, 0]
print(list(g))
try:
    g[9, 9]
except IndexError as e:
    print("IndexError:", e)
class Seq:
    def __getitem__(self, i):
        if isinstance(i, slice):
            return f"slice {i.start}:{i.stop}:{i.step}"
        return i * 10
s = Seq()
print(s[3], s[1:5], s[::2], s[-1])
