# __del__ of objects in cycles runs once (PEP 442), before the cycle is
# broken; an object its finalizer resurrects is kept, and not finalized again.
import gc

gc.disable()
log = []


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(self.name)
        print("del", self.name, "partner alive:", self.partner.name)


x, y = D("x"), D("y")
x.partner, y.partner = y, x
del x, y
gc.collect()
print(sorted(log))

saved = []


class Phoenix:
    def __del__(self):
        print("Phoenix.__del__")
        saved.append(self)


p = Phoenix()
p.me = p
del p
gc.collect()
print("resurrected:", len(saved), gc.is_finalized(saved[0]))
saved[0].me = None
saved.clear()
gc.collect()
print("no second __del__")


class Raiser:
    def __del__(self):
        raise ValueError("boom")


r = Raiser()
r.me = r
del r
gc.collect()
print("after error")
gc.enable()
