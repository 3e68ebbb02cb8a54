class Config:
    shared = []
    level = 1
    def __init__(self, name):
        self.name = name
a, b = Config("a"), Config("b")
a.shared.append("x")
print(b.shared, Config.shared)
a.level = 5
print(a.level, b.level, Config.level)
Config.level = 9
print(a.level, b.level)
del a.level
print(a.level)
print("level" in vars(a), "level" in vars(Config))
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances
cs = [Counter() for _ in range(3)]
print(Counter.instances, [c.id for c in cs])
