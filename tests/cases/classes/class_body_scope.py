class Scoped:
    x = 10
    y = x * 2
    items = [i for i in range(3)]
    def method(self):
        return Scoped.x + self.y
    print("class body runs at definition, y =", y)
print(Scoped().method(), Scoped.items)
print(sorted(k for k in vars(Scoped) if not k.startswith("__")))
n = 0
class CountsAtDef:
    n = n + 1
print(CountsAtDef.n, n)
