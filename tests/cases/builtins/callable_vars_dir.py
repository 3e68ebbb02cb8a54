class Thing:
    kind = "thing"
    def __init__(self):
        self.b = 2
        self.a = 1
    def method(self):
        pass
t = Thing()
print(callable(t), callable(Thing), callable(t.method), callable(len), callable(None), callable("s"))
print(vars(t), sorted(vars(Thing).keys() & {"kind", "method"}))
print([n for n in dir(t) if not n.startswith("__")])
print(dir(t) == sorted(dir(t)), "kind" in dir(Thing), "b" in dir(Thing))
def scope():
    local_a = 1
    local_b = "x"
    return sorted(vars().keys()), sorted(locals().items())
print(scope())
