import copy
orig = {"list": [1, 2], "nested": {"deep": [3]}}
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig["list"].append(99)
orig["nested"]["deep"].append(100)
orig["new"] = True
print(shallow)
print(deep)
shared = [1]
container = [shared, shared]
dc = copy.deepcopy(container)
print(dc[0] is dc[1], dc[0] is shared)
class Item:
    def __init__(self, tags):
        self.tags = tags
a = Item(["x"])
b = copy.copy(a)
c = copy.deepcopy(a)
a.tags.append("y")
print(b.tags, c.tags, b is a, type(c).__name__)
t = (1, [2])
print(copy.copy(t) is t, copy.deepcopy(t) == t, copy.deepcopy(t)[1] is t[1])
