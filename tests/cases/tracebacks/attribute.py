# Attribute access on None, then a method call.
class Node:
    def __init__(self, nxt=None):
        self.next = nxt

    def depth(self):
        return 1 + self.next.depth()


chain = Node(Node(Node()))
print("depth of", chain.next.next.depth())
