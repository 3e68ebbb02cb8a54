"""copy.deepcopy of nested containers, shared references and instances."""
import copy


class Node:
    def __init__(self, value, children):
        self.value = value
        self.children = children
        self.meta = {"v": value, "tags": ["a", "b"]}


def tree(depth, v=0):
    if depth == 0:
        return Node(v, [])
    return Node(v, [tree(depth - 1, v * 3 + k) for k in range(3)])


shared = [1, 2, 3]
data = {
    "list": [[i, str(i), (i, i + 1.5)] for i in range(200)],
    "shared": [shared] * 50,
    "tree": tree(4),
    "set": {frozenset({1, 2}), (1, 2)},
}
total = 0
for _ in range(20):
    c = copy.deepcopy(data)
    total += len(c["list"]) + (c["shared"][0] is c["shared"][49]) + c["tree"].children[2].children[1].value
print("deepcopy", total)
