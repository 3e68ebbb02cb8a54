def outer(x):
    def helper(y):
        return y * 2
    class Local:
        value = helper(x)
        def get(self):
            return self.value + x
    return Local().get()
print(outer(5))
def counter_factory():
    def counter():
        counter.calls += 1
        return counter.calls
    counter.calls = 0
    return counter
c = counter_factory()
c(); c()
print(c.calls)
def scope_test():
    v = "local"
    def do_local():
        v = "changed local"
    def do_nonlocal():
        nonlocal v
        v = "nonlocal"
    do_local()
    r1 = v
    do_nonlocal()
    return r1, v
print(scope_test())
