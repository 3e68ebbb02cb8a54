class Obj:
    x = 1
    def __init__(self):
        self.y = 2
o = Obj()
print(getattr(o, "x"), getattr(o, "y"), getattr(o, "z", "default"), hasattr(o, "x"), hasattr(o, "z"))
setattr(o, "z", 3)
print(o.z, getattr(o, "z"))
delattr(o, "z")
print(hasattr(o, "z"))
try:
    getattr(o, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(o, "nope")
except AttributeError as e:
    print("AttributeError:", e)
for name in ["upper", "lower", "strip"]:
    print(getattr("  MiXed ", name)())
setattr(Obj, "cls_attr", "set on class")
print(o.cls_attr, getattr(len, "__name__"))
