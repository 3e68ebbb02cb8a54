# The gc module's API.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(gc.get_threshold())
gc.set_threshold(500, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
c = gc.get_count()
print(type(c), len(c))
for g in (0, 1, 2):
    print(g, type(gc.collect(g)))
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
print(gc.collect(generation=0) >= 0)
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.get_debug())
print(gc.is_tracked(0), gc.is_tracked("a"), gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({"a": [1]}))
print(gc.is_tracked((1, 2)), gc.is_tracked(([],)))


class A:
    pass


a = A()
lst = [a]
print(any(r is lst for r in gc.get_referrers(a)))
print(a in gc.get_referents(lst), gc.get_referents(1))
print(any(o is lst for o in gc.get_objects()))
try:
    gc.get_objects(5)
except ValueError as e:
    print("ValueError:", e)
stats = gc.get_stats()
print(len(stats), sorted(stats[0]))

events = []


def cb(phase, info):
    events.append((phase, info["generation"], sorted(info)))


gc.callbacks.append(cb)
gc.collect(1)
gc.callbacks.remove(cb)
print(events)

gc.set_debug(gc.DEBUG_SAVEALL)
x = []
x.append(x)
del x
gc.collect()
print([type(g).__name__ for g in gc.garbage if type(g) is list and g and g[0] is g][:1])
gc.set_debug(0)
gc.garbage.clear()

gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
print(gc.is_finalized(a))
