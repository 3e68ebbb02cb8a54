class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack()
s.push(1)
s.push(2)
print(s, len(s), s.peek(), s.pop(), isinstance(s, list), type(s).__name__)
class DefaultDict(dict):
    def __missing__(self, key):
        return f"<{key}>"
d = DefaultDict(a=1)
print(d["a"], d["zz"], d)
class Upper(str):
    def shout(self):
        return self.upper() + "!"
u = Upper("hey")
print(u.shout(), u + "x", len(u), isinstance(u, str))
class MyInt(int):
    def double(self):
        return self * 2
print(MyInt(21).double(), MyInt(3) + 4, type(MyInt(3) + 4).__name__)
