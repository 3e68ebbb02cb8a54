class Box:
    def __init__(self, items):
        self.items = items
    def __len__(self):
        return len(self.items)
class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        print("__bool__ called")
        return self.on
print(bool(Box([])), bool(Box([1])), len(Box("abc")))
if Flag(True):
    print("flag on")
print(not Flag(False), Flag(False) or "fallback")
class Plain:
    pass
print(bool(Plain()))
try:
    len(Plain())
except TypeError as e:
    print("TypeError:", e)
