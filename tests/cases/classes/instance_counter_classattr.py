class Node:
    count = 0
    def __init__(self, val, children=()):
        Node.count += 1
        self.val = val
        self.children = list(children)
    def total(self):
        return self.val + sum(c.total() for c in self.children)
    def depth(self):
        return 1 + max((c.depth() for c in self.children), default=0)
tree = Node(1, [Node(2, [Node(4)]), Node(3, [Node(5, [Node(6)])])])
print(Node.count, tree.total(), tree.depth())
class LinkedList:
    def __init__(self):
        self.head = None
    def push(self, v):
        self.head = (v, self.head)
    def __iter__(self):
        node = self.head
        while node:
            yield node[0]
            node = node[1]
ll = LinkedList()
for i in range(4):
    ll.push(i)
print(list(ll))
